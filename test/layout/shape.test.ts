// Shaping many words in one call to fontkit gives each word exactly what shaping it alone gives, in every shipped font.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Shaper } from '../../src/layout/index.js';
import { loadFontFile } from '../../src/publish/index.js';
import { FONTS } from '../helpers.js';

// Ligatures (fi, fl, ffi), kerning pairs (AV, To, Ty, quotes, full stops), digits, dashes, a character no font has.
const WORDS = [
  'office', 'fluffy', 'affirm', 'AVATAR', 'Today', 'Tyne.', '‘Wexcombe’', '“quoted”', 'V.', 'Yvonne',
  '£212,000', '12-year-old', 'west-midlands.police.uk', 'naïve', 'café', 'Œuvre', 'x', '—', '☃snow', 'LT', 'f',
];

const files = readdirSync(FONTS, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ttf|otf)$/i.test(f));

describe('batch shaping', () => {
  it('covers every font shipped in fonts/', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(`gives each word its own shaping in ${file}`, () => {
      const path = join(FONTS, file);
      // Two loads of the font: shaped words are cached per loaded font, so the two shapers share nothing.
      const batch = new Shaper(new Map([['f', loadFontFile(path, 'f')]]));
      const alone = new Shaper(new Map([['f', loadFontFile(path, 'f')]]));
      batch.prepare('f', WORDS);
      for (const w of WORDS) {
        // fontkit keeps one glyph object per glyph id, so a missing character's .notdef (glyph 0) reports the
        // characters of whichever .notdef it made first: compare its characters only for real glyphs.
        const got = batch.unit('f', w).glyphs.map((g) => ({ ...g, cp: g.id === 0 ? [] : g.cp }));
        const want = alone.unit('f', w).glyphs.map((g) => ({ ...g, cp: g.id === 0 ? [] : g.cp }));
        expect(got, w).toEqual(want);
        expect(batch.unit('f', w).width, w).toBe(alone.unit('f', w).width);
      }
    });
  }

  it('shapes the words in one call, not one each (a word with a character the font lacks alone)', () => {
    const face = loadFontFile(join(FONTS, 'charis-sil', 'CharisSIL-Regular.ttf'), 'f');
    let calls = 0;
    const layout = face.font.layout.bind(face.font);
    face.font.layout = ((...args: Parameters<typeof layout>) => (calls++, layout(...args))) as typeof face.font.layout;
    const shaper = new Shaper(new Map([['f', face]]));
    shaper.prepare('f', WORDS);
    for (const w of WORDS) shaper.unit('f', w);
    expect(calls).toBe(2); // the batch, and '☃snow' (Charis has no snowman)
  });
});
