// Placed images as the plant sees them: effective resolution, and the highest total ink of any pixel at 150 dpi.
import { createHash } from 'node:crypto';
import type { PDFRawStream } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { isDeviceCmyk, totalInk, type ColourSpace } from './colour.js';
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
  /** Why its data cannot be decoded (a broken Flate or JPEG stream, data cut short): a RIP fails on it or prints it blank. */
  readonly undecodable?: string;
}

/** Width and height of the image on the page, in inches, from its transformation (the unit square mapped). */
const placedInches = (use: ImageUse) => ({ w: Math.hypot(use.ctm[0], use.ctm[1]) / 72, h: Math.hypot(use.ctm[2], use.ctm[3]) / 72 });

/** Reads a placed image's size, resolution and ink. */
export async function imageFacts(use: ImageUse): Promise<ImageFacts | undefined> {
  return new ImageReader().facts(use);
}

/** An image whose data will not decode, and why. */
interface Undecodable {
  readonly error: string;
}

/** The heaviest 150 dpi cell of an image at one placed size, in the image's own grid of cells. */
interface InkHit {
  readonly ink: number;
  /** Its cell, across and down from the top left, in a grid of `w` × `h` cells. */
  readonly px: number;
  readonly py: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Reads the images of a file. Each image's pixels are read once however often it is placed: the ink of an image at a
 * placed size is worked out once for every placement of the same data (the same stream bytes, dictionary and colour
 * space) at that size, and where it is on the page is worked out for each placement. Images queued are read in the
 * background, a few at a time (their JPEGs decoded by libvips off the main thread), while the caller goes on.
 */
export class ImageReader {
  private readonly hits = new Map<string, Promise<InkHit | Undecodable | undefined>>();
  private readonly hashes = new WeakMap<PDFRawStream, string>();
  private readonly queued: ImageUse[] = [];
  private next = 0;
  private reading = 0;

  /** `window`: how many images are read at once. */
  constructor(private readonly window = 4) {}

  /** Images that will be asked about, in the order they will be; they are read from now on, `window` at a time. */
  queue(uses: readonly ImageUse[]): void {
    this.queued.push(...uses);
    this.pump();
  }

  /** A placed image's size, resolution and ink (see ImageFacts). */
  async facts(use: ImageUse): Promise<ImageFacts | undefined> {
    const plan = this.plan(use);
    if (!plan) return undefined;
    const { width, height, ppi } = plan;
    if (!plan.ink) return { width, height, ppi };
    const hit = await this.start(use);
    if (!hit) return { width, height, ppi };
    if ('error' in hit) return { width, height, ppi, undecodable: hit.error };
    // Image space: the unit square, y up from the bottom row.
    const at = transform(use.ctm, (hit.px + 0.5) / hit.w, 1 - (hit.py + 0.5) / hit.h);
    return { width, height, ppi, maxInk: { ink: hit.ink, at } };
  }

  private pump(): void {
    while (this.reading < this.window && this.next < this.queued.length) this.start(this.queued[this.next++]!);
  }

  /** What is known of a placement without reading its pixels, and (`ink`) what reading them takes, if they are to be read. */
  private plan(use: ImageUse) {
    const dict = use.stream?.dict;
    const inline = use.inline?.dict;
    const width = dict ? numberOf(entry(dict, 'Width')) : Number(inline?.get('W') ?? inline?.get('Width'));
    const height = dict ? numberOf(entry(dict, 'Height')) : Number(inline?.get('H') ?? inline?.get('Height'));
    if (!width || !height) return undefined;
    const placed = placedInches(use);
    if (!(placed.w > 0 && placed.h > 0)) return undefined;
    const ppi = Math.min(width / placed.w, height / placed.h);
    if (use.mask || !use.space || !use.stream) return { width, height, ppi };
    // The plate's resolution where the image is larger: the mean ink of the pixels each plate pixel covers.
    const w = Math.min(width, Math.max(1, Math.ceil(placed.w * INK_DPI)));
    const h = Math.min(height, Math.max(1, Math.ceil(placed.h * INK_DPI)));
    return { width, height, ppi, ink: { stream: use.stream, space: use.space, w, h } };
  }

  /** The ink of a placement, started once for all placements of the same data at the same size. */
  private start(use: ImageUse): Promise<InkHit | Undecodable | undefined> | undefined {
    const plan = this.plan(use);
    if (!plan?.ink) return undefined;
    const { stream, space, w, h } = plan.ink;
    const key = this.key(stream, space, w, h);
    let hit = this.hits.get(key);
    if (!hit) {
      this.reading++;
      hit = highestInk(stream, space, plan.width, plan.height, w, h)
        .catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          this.reading--;
          this.pump();
        });
      this.hits.set(key, hit);
    }
    return hit;
  }

  /** Everything the ink of an image depends on: its bytes, its dictionary, its colour space's ink and Decode, the cells. */
  private key(stream: PDFRawStream, space: ColourSpace, w: number, h: number): string {
    let hash = this.hashes.get(stream);
    if (hash === undefined) {
      hash = createHash('sha256').update(stream.contents).digest('hex');
      this.hashes.set(stream, hash);
    }
    return `${hash} ${stream.dict.toString()} ${idOf(space.ink)} ${space.components} ${space.defaultDecode(8).join(',')} ${space.defaultDecode(bitsOf(stream)).join(',')} ${w}×${h}`;
  }
}

const bitsOf = (stream: PDFRawStream): number => numberOf(entry(stream.dict, 'BitsPerComponent')) ?? 8;

/** A number for each function: two colour spaces with the same ink function put down the same ink. */
const ids = new WeakMap<object, number>();
let lastId = 0;
function idOf(f: object): number {
  let id = ids.get(f);
  if (id === undefined) ids.set(f, (id = ++lastId));
  return id;
}

async function highestInk(stream: PDFRawStream, space: ColourSpace, width: number, height: number, w: number, h: number): Promise<InkHit | undefined> {
  const dict = stream.dict;
  const data = streamData(stream);
  let samples: Uint8Array;
  let inverted = false;
  let bpc = bitsOf(stream);
  if (data.codec === 'DCTDecode') {
    ({ samples, inverted } = await jpegSamples(data.bytes, space.components, width, height));
    bpc = 8;
  } else if (!data.codec) {
    samples = data.bytes;
    const need = Math.ceil((width * space.components * bpc) / 8) * height;
    if (samples.length < need) throw new Error(`its data is cut short: ${samples.length} of the ${need} bytes its ${width} × ${height} pixels need`);
  } else {
    return undefined;
  }
  const decode = numbersOf(entry(dict, 'Decode')) ?? space.defaultDecode(bpc);
  const { ink, at } = heaviestCell(pixelInk(samples, inverted, bpc, width, height, space, decode), width, height, w, h);
  return { ink, px: at % w, py: Math.floor(at / w), w, h };
}

/**
 * A JPEG's samples as a PDF renderer sees them, before the image's Decode. A CMYK JPEG must stay CMYK (sharp would
 * colour-manage it to sRGB on the way out). libvips undoes the inversion of an Adobe CMYK JPEG on load; a PDF
 * renderer does not (the image's /Decode [1 0 …] does it), so those samples are to be read inverted back
 * (`inverted`: each sample s stands for 255 − s).
 */
async function jpegSamples(jpeg: Uint8Array, components: number, width: number, height: number): Promise<{ samples: Uint8Array; inverted: boolean }> {
  const space = components === 4 ? 'cmyk' : components === 1 ? 'b-w' : 'srgb';
  const { data, info } = await sharp(jpeg, { ignoreIcc: true }).pipelineColourspace(space).toColourspace(space).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== components || info.width !== width || info.height !== height) throw new Error('the JPEG does not match its image dictionary');
  return { samples: new Uint8Array(data.buffer, data.byteOffset, data.length), inverted: components === 4 && hasAdobeMarker(jpeg) };
}

/** Writes the total ink of each pixel of row `y` (row 0 at the top) into `out`. */
type RowInk = (y: number, out: Float32Array) => void;

/**
 * How to read the ink of each pixel: 8-bit DeviceCMYK by its plate tables (C at 0–255, M at 256–511, Y, K: the ink
 * of each sample value), read in line by cellsInk; anything else a row at a time.
 */
type PixelInk = { readonly bytes: Uint8Array; readonly plates: Float64Array } | { readonly row: RowInk };

/**
 * Total ink of each pixel, a row at a time. One-component spaces (grey, Indexed, Separation) use a table of every
 * sample value; 8-bit DeviceCMYK a table for each plate; other spaces work each distinct colour out once.
 */
function pixelInk(stored: Uint8Array, inverted: boolean, bpc: number, width: number, height: number, space: ColourSpace, decode: number[]): PixelInk {
  const n = space.components;
  const max = 2 ** bpc - 1;
  const rowBits = Math.ceil((width * n * bpc) / 8) * 8;
  // Data cut short reads as zeros.
  const need = (rowBits / 8) * height;
  let bytes = stored;
  if (stored.length < need) {
    bytes = new Uint8Array(need);
    bytes.set(stored);
  }
  const value = (raw: number, c: number): number => (decode[2 * c] ?? 0) + (raw / max) * ((decode[2 * c + 1] ?? 1) - (decode[2 * c] ?? 0));
  const inkOf = (values: readonly number[]): number => {
    const ink = space.ink(values);
    return ink ? totalInk(ink) : 0;
  };
  if (n === 4 && bpc === 8 && isDeviceCmyk(space)) {
    // DeviceCMYK puts down each value × 100 on its plate: C + M + Y + K (+ no spot).
    return { bytes, plates: Float64Array.from({ length: 1024 }, (_, i) => value(inverted ? 255 - (i & 255) : i & 255, i >> 8) * 100) };
  }
  if (inverted) bytes = bytes.map((s) => 255 - s);
  if (n === 1 && bpc <= 8) {
    const table = Float32Array.from({ length: max + 1 }, (_, raw) => inkOf([value(raw, 0)]));
    if (bpc === 8) {
      return {
        row: (row, out) => {
          const p = row * width;
          for (let x = 0; x < width; x++) out[x] = table[bytes[p + x]!]!;
        },
      };
    }
    return {
      row: (row, out) => {
        for (let x = 0; x < width; x++) out[x] = table[readBits(bytes, row * rowBits + x * bpc, bpc)]!;
      },
    };
  }
  // Any other space: each distinct colour worked out once (while there are not too many to remember).
  const seen = n * bpc <= 48 ? new Map<number, number>() : undefined;
  const px = new Array<number>(n).fill(0);
  const row: RowInk = (row, out) => {
    for (let x = 0; x < width; x++) {
      const bit = row * rowBits + x * n * bpc;
      let key = 0;
      if (seen) {
        for (let c = 0; c < n; c++) key = key * (max + 1) + readBits(bytes, bit + c * bpc, bpc);
        const known = seen.get(key);
        if (known !== undefined) {
          out[x] = known;
          continue;
        }
      }
      for (let c = 0; c < n; c++) px[c] = value(readBits(bytes, bit + c * bpc, bpc), c);
      const ink = inkOf(px);
      if (seen && seen.size < 1 << 20) seen.set(key, ink);
      out[x] = ink;
    }
  };
  return { row };
}

/**
 * The heaviest of the `w` × `h` cells the image's pixels are reduced to by area-average resampling where the image is
 * larger (as boxResample: across, then down), and its index (row by row from the top left; the first of equals). The
 * pixels are read a row at a time: each row, once reduced across, is added into the (at most two) rows of cells it
 * lies in, so every cell sums its rows in the same order as boxResample does, and each row of cells is looked at as
 * it is finished; no grid of the whole image is kept.
 */
function heaviestCell(ink: PixelInk, width: number, height: number, w: number, h: number): { ink: number; at: number } {
  const row = new Float32Array(width);
  const across = w < width ? cellsOf(width, w) : undefined;
  const line = across ? new Float32Array(w) : row;
  const down = h < height ? cellsOf(height, h) : undefined;
  const cells = down ? new Float32Array(w) : line; // a finished row of cells
  let sums = new Float64Array(down ? w : 0);
  let next = new Float64Array(down ? w : 0);
  let cell = 0; // the row of cells being summed in `sums`; `next` holds the one after
  const heaviest = { ink: 0, at: 0 };
  let seen = 0;
  const look = () => {
    for (let x = 0; x < w; x++, seen++) {
      const v = cells[x]!;
      if (seen === 0 || v > heaviest.ink) {
        heaviest.ink = v;
        heaviest.at = seen;
      }
    }
  };
  for (let y = 0; y < height; y++) {
    if ('plates' in ink) {
      const { bytes, plates } = ink;
      for (let x = 0, p = y * width * 4; x < width; x++, p += 4) {
        row[x] = plates[bytes[p]!]! + plates[256 + bytes[p + 1]!]! + plates[512 + bytes[p + 2]!]! + plates[768 + bytes[p + 3]!]! + 0;
      }
    } else {
      ink.row(y, row);
    }
    if (across) resampleAcross(row, 0, across, line, 0);
    if (!down) {
      look();
      continue;
    }
    const { first, from, weights, span } = down;
    const inCell = y - first[cell]!;
    if (inCell < from[cell + 1]! - from[cell]!) addRow(sums, line, weights[from[cell]! + inCell]!);
    if (cell + 1 < h && first[cell + 1]! <= y) addRow(next, line, weights[from[cell + 1]! + y - first[cell + 1]!]!);
    if (y === first[cell]! + from[cell + 1]! - from[cell]! - 1) {
      // The last row of this row of cells (a cell is more than one row deep, so no other ends here).
      const s = span[cell]!;
      for (let x = 0; x < w; x++) cells[x] = sums[x]! / s;
      look();
      [sums, next] = [next, sums.fill(0)];
      cell++;
    }
  }
  return heaviest;
}

function addRow(sums: Float64Array, line: Float32Array, weight: number): void {
  for (let x = 0; x < sums.length; x++) sums[x] = sums[x]! + line[x]! * weight;
}

/** Area-average resampling (each output pixel the mean of the input it covers, partial pixels weighted), across then down. */
export function boxResample(src: Float32Array, w: number, h: number, tw: number, th: number): Float32Array {
  const across = new Float32Array(tw * h);
  const cells = cellsOf(w, tw);
  for (let y = 0; y < h; y++) resampleAcross(src, y * w, cells, across, y * tw);
  return resampleDown(across, tw, h, th);
}

/**
 * Which of `n` inputs each of `cells` output cells covers, and by how much: cell j covers [j·n/cells, (j+1)·n/cells),
 * input k by the part of [k, k + 1) inside that. Every cell is the weighted sum of its inputs over its span.
 */
interface Cells {
  readonly count: number;
  /** First input of each cell, and where its weights start in `weights`. */
  readonly first: Int32Array;
  readonly from: Int32Array;
  readonly weights: Float64Array;
  readonly span: Float64Array;
}

function cellsOf(n: number, count: number): Cells {
  const first = new Int32Array(count);
  const from = new Int32Array(count + 1);
  const span = new Float64Array(count);
  const weights: number[] = [];
  for (let cell = 0; cell < count; cell++) {
    const start = (cell * n) / count;
    const end = ((cell + 1) * n) / count;
    first[cell] = Math.floor(start);
    from[cell] = weights.length;
    span[cell] = end - start;
    for (let k = Math.floor(start); k < Math.ceil(end); k++) weights.push(Math.min(end, k + 1) - Math.max(start, k));
  }
  from[count] = weights.length;
  return { count, first, from, weights: Float64Array.from(weights), span };
}

/** One row: `cells.count` means of `src` from `at`, written to `out` from `to`. */
function resampleAcross(src: Float32Array, at: number, cells: Cells, out: Float32Array, to: number): void {
  const { count, first, from, weights, span } = cells;
  for (let j = 0, i = 0; j < count; j++) {
    let sum = 0;
    for (let k = at + first[j]!; i < from[j + 1]!; i++, k++) sum += src[k]! * weights[i]!;
    out[to + j] = sum / span[j]!;
  }
}

/** Down the columns of a `tw`-wide grid of `h` rows to `th` rows; each column summed in the same order as across. */
function resampleDown(src: Float32Array, tw: number, h: number, th: number): Float32Array {
  const cells = cellsOf(h, th);
  const out = new Float32Array(tw * th);
  const sums = new Float64Array(tw);
  for (let i = 0; i < th; i++) {
    sums.fill(0);
    for (let j = cells.from[i]!, k = cells.first[i]!; j < cells.from[i + 1]!; j++, k++) {
      const weight = cells.weights[j]!;
      const row = k * tw;
      for (let x = 0; x < tw; x++) sums[x] = sums[x]! + src[row + x]! * weight;
    }
    const span = cells.span[i]!;
    for (let x = 0; x < tw; x++) out[i * tw + x] = sums[x]! / span;
  }
  return out;
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
