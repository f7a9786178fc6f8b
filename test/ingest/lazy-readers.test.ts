// A story is read with its own format's reader only: a galley of a Markdown story does not load the XML, HTML and
// JSON readers (each tens of milliseconds of a cold start), and a wire story loads the XML reader when it is read.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

/** The packages loaded in a fresh process (the compiled dist, as the CLI runs it) after reading `file`. */
function packagesAfterReading(file: string): string[] {
  const ingest = pathToFileURL(join(REPO, 'dist', 'ingest', 'index.js')).href;
  const script = `
    const { createRequire } = await import('node:module');
    const { loadArticle } = await import(${JSON.stringify(ingest)});
    loadArticle(${JSON.stringify(file)});
    const names = Object.keys(createRequire(import.meta.url).cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1]).filter(Boolean);
    console.log(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
}

describe('format readers load when a story of theirs is read', () => {
  it('a Markdown story: no XML, HTML or JSON reader', () => {
    const loaded = packagesAfterReading(join(REPO, 'examples', 'sample-edition', 'stories', 'harbour-wall.md'));
    for (const name of ['saxes', 'htmlparser2', 'jsonc-parser']) expect(loaded).not.toContain(name);
  });

  it('an NITF story: the XML reader, and still not the HTML or JSON ones', () => {
    const loaded = packagesAfterReading(join(REPO, 'examples', 'wire', 'hedge-survey.xml'));
    expect(loaded).toContain('saxes');
    for (const name of ['htmlparser2', 'jsonc-parser']) expect(loaded).not.toContain(name);
  });
});
