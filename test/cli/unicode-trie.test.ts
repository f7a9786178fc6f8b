// The Unicode tables the bundled CLI gives fontkit, unicode-properties and PDFKit's linebreak (scripts/unicode-trie.cjs):
// made on first look-up and inflated by Node's zlib, they answer exactly as the `unicode-trie` package's own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const require = createRequire(import.meta.url);
const UnicodeTrie = require('unicode-trie') as new (data: Uint8Array) => { get(cp: number): number };
const LazyUnicodeTrie = require(join(REPO, 'scripts', 'unicode-trie.cjs')) as new (data: Uint8Array) => { get(cp: number): number };

/** The first base64 trie a package's module builds when it loads (`toByteArray("…")`). */
function embedded(file: string): Uint8Array {
  const m = /toByteArray\("([A-Za-z0-9+/=]+)"\)/.exec(readFileSync(join(REPO, 'node_modules', file), 'utf8'));
  if (!m) throw new Error(`no trie in ${file}`);
  return new Uint8Array(Buffer.from(m[1]!, 'base64'));
}

const tables: [string, () => Uint8Array][] = [
  ["unicode-properties' categories, scripts and combining classes", () => embedded('unicode-properties/dist/module.mjs')],
  ["linebreak's line-breaking classes", () => embedded('linebreak/dist/module.mjs')],
  ...['data', 'indic', 'use'].map((name): [string, () => Uint8Array] => [`fontkit's ${name}.trie`, () => new Uint8Array(readFileSync(join(REPO, 'node_modules', 'fontkit', 'src', 'opentype', 'shapers', `${name}.trie`)))]),
];

describe('the bundled CLI’s Unicode tables', () => {
  for (const [name, data] of tables) {
    it(`give ${name} for every code point as the package does`, () => {
      const bytes = data();
      const theirs = new UnicodeTrie(bytes);
      const ours = new LazyUnicodeTrie(bytes);
      let differ = 0;
      let first = -1;
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (ours.get(cp) !== theirs.get(cp)) {
          differ++;
          if (first < 0) first = cp;
        }
      }
      expect(differ, `first at U+${first.toString(16)}`).toBe(0);
      // A table with nothing in it would pass too: these hold real values.
      expect(new Set(Array.from({ length: 0x3000 }, (_, cp) => ours.get(cp))).size).toBeGreaterThan(3);
    });
  }
});
