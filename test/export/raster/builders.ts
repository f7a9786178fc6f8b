// Test builders for export/raster: small hand-made pages, shaped with fontkit from fonts/.
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import type { FontFace, FontSet, ImageAsset, ImageSet } from '../../../src/core/assets.js';
import type { Cmyk } from '../../../src/core/color.js';
import type { FrameItem, GlyphRun, Page } from '../../../src/core/frame.js';

export const CHARIS = fileURLToPath(new URL('../../../fonts/charis-sil/CharisSIL-Regular.ttf', import.meta.url));

const charis = fontkit.openSync(CHARIS) as fontkit.Font;

/** A font set with Charis SIL Regular as `body`. */
export const fonts: FontSet = new Map<string, FontFace>([['body', { id: 'body', file: CHARIS, font: charis }]]);

/** A page of `width` × `height` points holding `items`. */
export function page(width: number, height: number, items: FrameItem[]): Page {
  return { number: 1, width, height, frame: { width, height, items }, articles: [] };
}

/** `text` shaped with fontkit in Charis at `size` pt, its baseline starting at (x, y). */
export function run(text: string, x: number, y: number, size: number, color: Cmyk = [0, 0, 0, 100]): GlyphRun {
  const shaped = charis.layout(text);
  const scale = size / charis.unitsPerEm;
  let pen = 0;
  const glyphs = shaped.glyphs.map((g, i) => {
    const p = shaped.positions[i]!;
    const placed = { id: g.id, x: pen + p.xOffset * scale, dy: -p.yOffset * scale };
    pen += p.xAdvance * scale;
    return placed;
  });
  return { kind: 'glyphs', x, y, font: 'body', size, text, glyphs, width: pen, wordSpacing: 0, tracking: 0, hscale: 1, color };
}

/** A flat-colour JPEG or PNG of `width` × `height` px, left half `left`, right half `right`. */
export async function twoToneImage(
  id: string,
  width: number,
  height: number,
  left: { r: number; g: number; b: number },
  right: { r: number; g: number; b: number },
): Promise<ImageAsset> {
  const half = Math.floor(width / 2);
  const data = await sharp({ create: { width, height, channels: 3, background: left } })
    .composite([{ input: { create: { width: width - half, height, channels: 3, background: right } }, left: half, top: 0 }])
    .png()
    .toBuffer();
  return { id, file: id, widthPx: width, heightPx: height, data, format: 'png' };
}

export const images = (...assets: ImageAsset[]): ImageSet => new Map(assets.map((a) => [a.id, a]));

/**
 * Per-channel (RGB) min and mean over a pixel region of an encoded image.
 * (sharp's `.stats()` describes the whole input and ignores `.extract()`, so the
 * region is decoded to raw pixels and counted here.)
 */
export async function region(
  image: Buffer,
  left: number,
  top: number,
  width: number,
  height: number,
): Promise<{ min: number[]; mean: number[] }> {
  const { data, info } = await sharp(image)
    .extract({ left, top, width, height })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const min = [255, 255, 255];
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) {
    for (let c = 0; c < 3; c++) {
      const v = data[i + c]!;
      if (v < min[c]!) min[c] = v;
      sum[c]! += v;
    }
  }
  const n = data.length / info.channels;
  return { min, mean: sum.map((s) => s / n) };
}
