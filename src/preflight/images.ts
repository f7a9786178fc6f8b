// Placed images as the plant sees them: effective resolution, and the highest total ink of any pixel at 150 dpi.
import sharp from 'sharp';
import type { ColourSpace } from './colour.js';
import { totalInk } from './colour.js';
import { readBits } from './functions.js';
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
  /** Highest total ink of any pixel at INK_DPI and where it is; undefined when the data cannot be read here (JPEG 2000, CCITT, JBIG2, inline images, masks). */
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
  let samples: Uint8Array;
  let bpc = numberOf(entry(dict, 'BitsPerComponent')) ?? 8;
  if (data.codec === 'DCTDecode') {
    samples = await jpegSamples(data.bytes, space.components, width, height);
    bpc = 8;
  } else if (!data.codec) {
    samples = data.bytes;
  } else {
    return undefined;
  }
  const decode = numbersOf(entry(dict, 'Decode')) ?? space.defaultDecode(bpc);
  let ink = inkPerPixel(samples, bpc, width, height, space, decode);
  // Reduce to the plate's resolution where the image is larger: the mean ink of the pixels each plate pixel covers.
  const w = Math.min(width, Math.max(1, Math.ceil(placed.w * INK_DPI)));
  const h = Math.min(height, Math.max(1, Math.ceil(placed.h * INK_DPI)));
  if (w < width || h < height) ink = boxResample(ink, width, height, w, h);
  let at = 0;
  for (let i = 1; i < ink.length; i++) if (ink[i]! > ink[at]!) at = i;
  const px = at % w;
  const py = Math.floor(at / w);
  // Image space: the unit square, y up from the bottom row.
  return { ink: ink[at] ?? 0, at: transform(use.ctm, (px + 0.5) / w, 1 - (py + 0.5) / h) };
}

/**
 * A JPEG's samples as a PDF renderer sees them, before the image's Decode. A CMYK JPEG must stay CMYK (sharp would
 * colour-manage it to sRGB on the way out). libvips undoes the inversion of an Adobe CMYK JPEG on load; a PDF
 * renderer does not (the image's /Decode [1 0 …] does it), so those samples are inverted back here.
 */
async function jpegSamples(jpeg: Uint8Array, components: number, width: number, height: number): Promise<Uint8Array> {
  const space = components === 4 ? 'cmyk' : components === 1 ? 'b-w' : 'srgb';
  const { data, info } = await sharp(jpeg, { ignoreIcc: true }).pipelineColourspace(space).toColourspace(space).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== components || info.width !== width || info.height !== height) throw new Error('the JPEG does not match its image dictionary');
  const out = new Uint8Array(data);
  if (components === 4 && hasAdobeMarker(jpeg)) for (let i = 0; i < out.length; i++) out[i] = 255 - out[i]!;
  return out;
}

/** Total ink of each pixel, row 0 at the top; one-component spaces (grey, Indexed, Separation) use a table of every sample value. */
function inkPerPixel(bytes: Uint8Array, bpc: number, width: number, height: number, space: ColourSpace, decode: number[]): Float32Array {
  const n = space.components;
  const max = 2 ** bpc - 1;
  const rowBits = Math.ceil((width * n * bpc) / 8) * 8;
  const value = (raw: number, c: number): number => (decode[2 * c] ?? 0) + (raw / max) * ((decode[2 * c + 1] ?? 1) - (decode[2 * c] ?? 0));
  const inkOf = (values: readonly number[]): number => {
    const ink = space.ink(values);
    return ink ? totalInk(ink) : 0;
  };
  const table = n === 1 && bpc <= 8 ? Float32Array.from({ length: max + 1 }, (_, raw) => inkOf([value(raw, 0)])) : undefined;
  const px = new Array<number>(n).fill(0);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = y * rowBits + x * n * bpc;
      if (table) {
        out[y * width + x] = table[readBits(bytes, bit, bpc)]!;
        continue;
      }
      for (let c = 0; c < n; c++) px[c] = value(readBits(bytes, bit + c * bpc, bpc), c);
      out[y * width + x] = inkOf(px);
    }
  }
  return out;
}

/** Area-average resampling (each output pixel the mean of the input it covers, partial pixels weighted), across then down. */
export function boxResample(src: Float32Array, w: number, h: number, tw: number, th: number): Float32Array {
  const across = new Float32Array(tw * h);
  for (let y = 0; y < h; y++) for (let j = 0; j < tw; j++) across[y * tw + j] = mean(src, y * w, 1, w, j, tw);
  const out = new Float32Array(tw * th);
  for (let x = 0; x < tw; x++) for (let i = 0; i < th; i++) out[i * tw + x] = mean(across, x, tw, h, i, th);
  return out;
}

/** Mean of `a[offset + k·stride]` over the k that output cell `cell` of `cells` covers out of `n`. */
function mean(a: Float32Array, offset: number, stride: number, n: number, cell: number, cells: number): number {
  const start = (cell * n) / cells;
  const end = ((cell + 1) * n) / cells;
  let sum = 0;
  for (let k = Math.floor(start); k < Math.ceil(end); k++) sum += a[offset + k * stride]! * (Math.min(end, k + 1) - Math.max(start, k));
  return sum / (end - start);
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
