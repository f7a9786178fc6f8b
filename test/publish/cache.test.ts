// The build cache: converted print photos kept by their content on this machine, so a rebuild converts only what
// changed, with output byte-identical to a clean build; a damaged or foreign entry is made again with a note.
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition, editionFromFile } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { BuildCache, cacheKey } from '../../src/core/cache.js';
import { digests, FONTS, SAMPLE_EDITION, TEMPLATES, tempDir } from '../helpers.js';

/** Builds the three-page sample into a fresh folder with the given cache folder; returns the result and its files' digests. */
async function build(cache: string, clean = false) {
  const out = tempDir();
  const r = await buildEdition({ edition: editionFromFile(SAMPLE_EDITION), templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out, formats: ['jpeg'], cache, clean });
  return { r, files: digests(out) };
}

/** Every entry file under a cache folder. */
const entries = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('the build cache', () => {
  it('a second build takes every print photo from the cache, and its files are byte-identical to the first’s', async () => {
    const cache = tempDir();
    const first = await build(cache);
    const made = first.r.cache!.misses.get('print-photo') ?? 0;
    expect(made).toBeGreaterThan(0);
    expect(first.r.cache!.hits.get('print-photo') ?? 0).toBe(0);
    expect(entries(join(cache, 'print-photo'))).toHaveLength(made);
    const second = await build(cache);
    expect(second.r.cache!.hits.get('print-photo')).toBe(made);
    expect(second.r.cache!.misses.get('print-photo') ?? 0).toBe(0);
    // Every e-edition page too: its renditions, tiles and ALTO.
    const pages = second.r.layout.pages.length;
    expect(first.r.cache!.misses.get('eedition-page')).toBe(pages);
    expect(second.r.cache!.hits.get('eedition-page')).toBe(pages);
    expect(second.r.cache!.misses.get('eedition-page') ?? 0).toBe(0);
    expect(second.files).toEqual(first.files);
    // --clean: nothing taken from it, the same files again.
    const clean = await build(cache, true);
    expect(clean.r.cache!.hits.get('print-photo') ?? 0).toBe(0);
    expect(clean.files).toEqual(first.files);
  });

  it('a word changed in one story: only its page’s e-edition files are made again, and every file is a clean build’s', async () => {
    const paper = tempDir();
    cpSync(join(SAMPLE_EDITION, '..'), paper, { recursive: true });
    const edition = join(paper, 'three-pages.yaml');
    const cache = tempDir();
    const opts = { templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, formats: ['jpeg'] as const };
    await buildEdition({ ...opts, edition: editionFromFile(edition), outDir: tempDir(), cache });
    // Page 2's story: one word changed.
    const story = join(paper, 'stories', 'bus-route.txt');
    const text = readFileSync(story, 'utf8');
    expect(text).toContain(' the ');
    writeFileSync(story, text.replace(' the ', ' this '));
    const changed = tempDir();
    const r = await buildEdition({ ...opts, edition: editionFromFile(edition), outDir: changed, cache });
    expect(r.cache!.misses.get('eedition-page')).toBe(1);
    expect(r.cache!.hits.get('eedition-page')).toBe(r.layout.pages.length - 1);
    const clean = tempDir();
    await buildEdition({ ...opts, edition: editionFromFile(edition), outDir: clean, cache: false });
    expect(digests(changed)).toEqual(digests(clean));
  });

  it('a damaged entry, or one that is not ours, is made again with a note in the report, never used', async () => {
    const cache = tempDir();
    const first = await build(cache);
    const [one] = entries(join(cache, 'print-photo'));
    // The entry cut short, then replaced by another file's bytes under its name: each made again, with a note.
    for (const damage of [(b: Buffer) => b.subarray(0, 100), () => Buffer.from('%PDF-1.4 not a cache entry')]) {
      writeFileSync(one!, damage(readFileSync(one!)));
      const again = await build(cache);
      // The same files; the report alone adds the note.
      const notReport = (fs: string[]) => fs.filter((f) => !f.includes('report.json'));
      expect(notReport(again.files)).toEqual(notReport(first.files));
      expect(again.r.cache!.misses.get('print-photo')).toBe(1);
      const notes = again.r.warnings.filter((w) => w.code === 'cache/damaged');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.message).toMatch(/the build cache's print-photo entry [0-9a-f]{12}… was damaged or not ours: it was made again, not used/);
    }
  });

  it('is held to its size: the entries used longest ago go first', () => {
    const dir = tempDir();
    const c = new BuildCache(dir);
    for (let i = 0; i < 5; i++) c.put('t', cacheKey(String(i)), Buffer.alloc(1000, i));
    // Entries 1 to 4 were last used a minute ago; entry 0 is used now. Three must go to fit 2,200 bytes.
    const past = new Date(Date.now() - 60_000);
    for (const f of entries(dir)) utimesSync(f, past, past);
    expect(c.get('t', cacheKey('0'))).toEqual(Buffer.alloc(1000, 0));
    expect(c.prune(2200)).toBe(3);
    expect(entries(dir)).toHaveLength(2);
    expect(c.get('t', cacheKey('0'))).toBeDefined();
  });
});
