// Placed images as the plant sees them: effective resolution, and the highest total ink of any pixel at 150 dpi.
import sharp from 'sharp';
import type { ColourSpace } from './colour.js';
import { totalInk } from './colour.js';
import type { ImageUse } from './interpret.js';
import { transform, type Point } from './matrix.js';
import { entry, numberOf, numbersOf } from './objects.js';
import { streamData } from './streams.js';

/** Resolution images are looked at for ink: the plate is no finer than this, so a single noisy pixel is not a finding. */
export const INK_DPI = 150;

export interface ImageFacts {
  /** Pixels across and down, as stored. */
  readonly width: number;
  readonly height: number;
  /** Effective resolution where it is placed: the lower of across and down, ppi. */
  readonly ppi: number;
  /** Highest total ink of any pixel at INK_DPI and where it is; undefined when the data cannot be read here (JPEG 2000, CCITT, JBIG2, 16-bit, masks). */
  readonly maxInk?: { readonly ink: number; readonly at: Point };
}

/** Width and height of the image on the page, in inches, from its transformation (the unit square mapped). */
const placedInches = (use: ImageUse) => ({ w: Math.hypot(use.ctm[0], use.ctm[1]) / 72, h: Math.hypot(use.ctm[2], use.ctm[3]) / 72 });

/** Reads a placed image's size, resolution and ink. */
export async function imageFacts(use: ImageUse): Promise<ImageFacts | undefined> {
  const dict = use.stream?.dict;
  const inline = use.inline?.dict;
  const width = dict ? numberOf(entry(dict, 'Width')) : Number(inline?.get('W') ?? inline?.get('Width'));
  const height = dict ? numberOf(entry(dict, 'Height')) : Number(inline?.get('H') ?? inline?.get('Height'));
  if (!width || !height) return undefined;
  const placed = placedInches(use);
  if (!(placed.w > 0 && placed.h > 0)) return undefined;
  const ppi = Math.min(width / placed.w, height / placed.h);
  if (use.mask || !use.space || !use.stream) return { width, height, ppi };
  const maxInk = await highestInk(use, use.space, width, height, placed).catch(() => undefined);
  return { width, height, ppi, ...(maxInk ? { maxInk } : {}) };
}

async function highestInk(use: ImageUse, space: ColourSpace, width: number, height: number, placed: { w: number; h: number }) {
  const dict = use.stream!.dict;
  const data = streamData(use.stream!);
  const bpc = numberOf(entry(dict, 'BitsPerComponent')) ?? 8;
  let pixels: Buffer;
  let channels: number;
  if (data.codec === 'DCTDecode') {
    // A CMYK JPEG must stay CMYK: sharp would otherwise colour-manage it to sRGB on the way out.
    const meta = await sharp(data.bytes).metadata();
    const img = meta.space === 'cmyk' ? sharp(data.bytes).pipelineColourspace('cmyk').toColourspace('cmyk') : sharp(data.bytes);
    const out = await img.raw().toBuffer({ resolveWithObject: true });
    pixels = out.data;
    channels = out.info.channels;
    if (out.info.width !== width || out.info.height !== height) return undefined;
    // libvips undoes the inversion of an Adobe CMYK JPEG on load; a PDF renderer does not (the image's /Decode
    // [1 0 …] does it), so give back the samples as the PDF sees them before applying Decode.
    if (channels === 4 && hasAdobeMarker(data.bytes)) for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - pixels[i]!;
  } else if (!data.codec && bpc === 8) {
    pixels = Buffer.from(data.bytes);
    channels = space.components;
    if (pixels.length < width * height * channels) return undefined;
  } else {
    return undefined;
  }
  // Reduce to the plate's resolution where the image is larger: averaging, as ink spreads, without overshoot.
  const target = { w: Math.max(1, Math.ceil(placed.w * INK_DPI)), h: Math.max(1, Math.ceil(placed.h * INK_DPI)) };
  let w = width;
  let h = height;
  if (width > target.w || height > target.h) {
    w = Math.min(width, target.w);
    h = Math.min(height, target.h);
    pixels = await sharp(pixels, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } }).resize(w, h, { fit: 'fill', kernel: 'linear' }).raw().toBuffer();
  }
  const decode = numbersOf(entry(dict, 'Decode')) ?? space.defaultDecode(8);
  const values = new Array<number>(channels).fill(0);
  let best = -1;
  let at = 0;
  for (let i = 0; i < w * h; i++) {
    for (let c = 0; c < channels; c++) {
      const lo = decode[2 * c] ?? 0;
      const hi = decode[2 * c + 1] ?? 1;
      values[c] = lo + (pixels[i * channels + c]! / 255) * (hi - lo);
    }
    const ink = space.ink(values);
    const t = ink ? totalInk(ink) : 0;
    if (t > best) {
      best = t;
      at = i;
    }
  }
  if (best < 0) return undefined;
  const px = at % w;
  const py = Math.floor(at / w);
  // Image space: the unit square, y up from the bottom row.
  return { ink: best, at: transform(use.ctm, (px + 0.5) / w, 1 - (py + 0.5) / h) };
}

/** An Adobe APP14 segment in the JPEG's header: its CMYK samples are stored inverted. */
function hasAdobeMarker(jpeg: Uint8Array): boolean {
  for (let i = 2; i + 9 < jpeg.length && i < 65536; ) {
    if (jpeg[i] !== 0xff) return false;
    const marker = jpeg[i + 1]!;
    if (marker === 0xda) return false; // start of scan: no more header segments
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker === 0xee && String.fromCharCode(...jpeg.subarray(i + 4, i + 9)) === 'Adobe') return true;
    i += 2 + length;
  }
  return false;
}
