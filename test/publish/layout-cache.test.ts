// A long-running caller (the preview) lays the edition out again after each save, reusing what it can: unchanged
// pages, stories' measured variants and composed pages' searches. What it gets must be what a fresh layout gives.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutCache } from '../../src/layout/index.js';
import { loadPlant } from '../../src/plant/index.js';
import { editionFromFile, prepare } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { FONTS, REPO, TEMPLATES, tempDir } from '../helpers.js';

describe('laying an edition out again with a layout cache', () => {
  it('gives, after a story is edited, exactly the pages a fresh layout of the edited edition gives', async () => {
    const dir = tempDir();
    cpSync(join(REPO, 'examples', 'sample-edition'), dir, { recursive: true });
    const file = join(dir, 'three-pages.yaml');
    const plant = loadPlant('uk-tabloid');
    const templates = loadTemplateSet('tabloid', TEMPLATES);
    const cache = layoutCache();
    const lay = (withCache: boolean) => prepare({ edition: editionFromFile(file), templates, fontsDir: FONTS, outDir: dir, plant, allowOverset: true, ...(withCache ? { layoutCache: cache } : {}) });
    await lay(true);
    // The lead's headline gets longer and a paragraph goes: its variants and the front page's search change.
    const story = join(dir, 'stories', 'harbour-wall.md');
    const text = readFileSync(story, 'utf8');
    const edited = text.replace(/^(headline: .*)$/m, '$1 at dawn').replace(/\n\n[^\n#][^\n]*\n/, '\n\n');
    expect(edited).not.toBe(text);
    writeFileSync(story, edited);
    const again = await lay(true);
    expect(cache.memo!.size).toBeGreaterThan(0);
    const fresh = await lay(false);
    expect(JSON.stringify(again.layout.pages)).toBe(JSON.stringify(fresh.layout.pages));
    expect(again.layout.compositions).toEqual(fresh.layout.compositions);
    // And once more unchanged: everything from the cache, still the same.
    const third = await lay(true);
    expect(JSON.stringify(third.layout.pages)).toBe(JSON.stringify(fresh.layout.pages));
  }, 60_000);
});
