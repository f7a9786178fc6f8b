// Glyph heights read from a TrueType program's 'glyf' headers, against fontkit's reading of the same font.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { glyphReaches } from '../../src/preflight/truetype.js';
import { FONTS } from '../helpers.js';

describe('glyphReaches', () => {
  const bytes = readFileSync(join(FONTS, 'charis-sil', 'CharisSIL-Regular.ttf'));
  const font = fontkit.create(bytes) as fontkit.Font;
  const reach = glyphReaches(new Uint8Array(bytes))!;

  it('gives each glyph the yMin and yMax fontkit finds, in em; a space reaches nowhere', () => {
    for (const ch of 'Hgxÿ$É') {
      const glyph = font.glyphsForString(ch)[0]!;
      const box = glyph.cbox;
      expect(reach(glyph.id)).toEqual({ bottom: box.minY / font.unitsPerEm, top: box.maxY / font.unitsPerEm });
    }
    expect(reach(font.glyphsForString('g')[0]!.id)!.bottom).toBeLessThan(-0.1);
    expect(reach(font.glyphsForString(' ')[0]!.id)).toBeUndefined();
    expect(reach(font.numGlyphs + 5)).toBeUndefined();
  });

  it('is undefined for data that is not a TrueType program', () => {
    expect(glyphReaches(new Uint8Array([0, 1, 0, 0, 0, 9, 0, 0]))).toBeUndefined();
    expect(glyphReaches(new TextEncoder().encode('not a font at all, not even close'))).toBeUndefined();
  });
});
