// "As on paper": print colours and photos shown on screen through the press's ICC profile (newsprint's duller inks).
import sharp from 'sharp';
import type { Cmyk, Page } from '../../core/index.js';
import type { Picture } from '../raster/images.js';
import { cmykTiff } from '../icc.js';

const key = (c: Cmyk): string => c.join(',');

/** Where solid 100 % K lands on screen: the near-black Acrobat shows (the raster's K_SOLID_REFLECTANCE), not newsprint's brown-grey. */
const SCREEN_BLACK = 35;

/**
 * Black-point compensation, done in sRGB: the profile maps paper to white and solid K to newsprint's dark
 * brown-grey (about L* 46 against the paper); screens show print with the black point compensated, so each
 * channel is stretched linearly to put that K at SCREEN_BLACK and keep paper at 255. `kBlack` is the profile's
 * sRGB for [0, 0, 0, 100]. Returns per-channel `a`, `b` of out = a·v + b.
 */
function compensation(kBlack: readonly number[]): { a: number[]; b: number[] } {
  const a = kBlack.map((v) => (255 - SCREEN_BLACK) / Math.max(1, 255 - v));
  return { a, b: a.map((x) => 255 - 255 * x) };
}

/** The profile's sRGB of each CMYK colour, black-point compensated, as [r, g, b] 0–255. */
async function toScreen(colours: readonly Cmyk[], icc: Buffer): Promise<number[][]> {
  const rgb = await sharp(cmykTiff([[0, 0, 0, 100], ...colours], icc)).toColourspace('srgb').raw().toBuffer();
  const { a, b } = compensation([rgb[0]!, rgb[1]!, rgb[2]!]);
  return colours.map((_, i) => [0, 1, 2].map((j) => Math.max(0, Math.min(255, Math.round(a[j]! * rgb[(i + 1) * 3 + j]! + b[j]!)))));
}

/**
 * The screen colour of every print colour the pages use, converted through the press's profile (perceptual, to
 * sRGB): the masthead red as newsprint prints it, not as a screen could. Returns `cmyk.join(',')` → `#rrggbb`.
 */
export async function paperColours(pages: readonly Page[], icc: Buffer): Promise<Map<string, string>> {
  const seen = new Map<string, Cmyk>([[key([0, 0, 0, 0]), [0, 0, 0, 0]]]);
  for (const page of pages) {
    for (const item of page.frame.items) {
      const colours = item.kind === 'glyphs' || item.kind === 'rule' ? [item.color] : item.kind === 'rect' ? [item.fill, item.stroke] : [];
      for (const c of colours) if (c) seen.set(key(c), c);
    }
  }
  const list = [...seen.values()];
  const rgb = await toScreen(list, icc);
  return new Map(list.map((c, i) => [key(c), '#' + rgb[i]!.map((v) => v.toString(16).padStart(2, '0')).join('')]));
}

/** Grid points per channel of the on-paper colour table: 33 (every 8 levels), as colour-management engines use. */
const GRID = 33;

/**
 * How photos are put "on paper": the press's profile as a table of sRGB → press CMYK → sRGB (black-point
 * compensated like the vector colours) on a 33 × 33 × 33 grid, made once by an edition through the profile with
 * sharp (LittleCMS) and interpolated for each pixel. Plain data: it goes to the worker threads as it is.
 */
export interface PaperSettings {
  /** GRID³ RGB triples, red slowest. */
  readonly table: Uint8Array;
}

/** The on-paper table of a press profile. `icc` is the profile file's bytes, `iccPath` its path. */
export async function paperSettings(iccPath: string, icc: Buffer): Promise<PaperSettings> {
  const black = await sharp(cmykTiff([[0, 0, 0, 100]], icc)).toColourspace('srgb').raw().toBuffer();
  const { a, b } = compensation([black[0]!, black[1]!, black[2]!]);
  const grid = Buffer.alloc(GRID * GRID * GRID * 3);
  let i = 0;
  for (let r = 0; r < GRID; r++) for (let g = 0; g < GRID; g++) for (let bl = 0; bl < GRID; bl++) {
    grid[i++] = level(r);
    grid[i++] = level(g);
    grid[i++] = level(bl);
  }
  const raw = { raw: { width: GRID * GRID, height: GRID, channels: 3 as const } };
  const cmyk = await sharp(grid, raw).withIccProfile(iccPath, { attach: true }).tiff().toBuffer();
  const table = await sharp(cmyk).toColourspace('srgb').linear(a, b).raw().toBuffer();
  return { table: new Uint8Array(table.buffer, table.byteOffset, table.byteLength) };
}

const level = (i: number) => Math.min(255, Math.round((i * 255) / (GRID - 1)));

/** Slots of the per-thread cache of converted colours (a photo has far fewer colours than pixels). */
const CACHE_BITS = 20;
const cacheKeys = new Int32Array(1 << CACHE_BITS);
const cacheValues = new Int32Array(1 << CACHE_BITS);
let cacheTable: Uint8Array | undefined;

/**
 * A picture as it will look printed (`PaperSettings`): laid on white paper where it is transparent, then each colour
 * through the table, interpolated between the 8 grid points round it (each colour worked out once, then cached).
 * Same pixel size, so crops stay right. Called on the picture a page shows, reduced to the pixels it fills.
 */
export function onPaper(p: Picture, s: PaperSettings): Picture {
  if (cacheTable !== s.table) {
    cacheKeys.fill(0);
    cacheTable = s.table;
  }
  // Whole pixels at a time, on 4-byte boundaries (a pooled or sliced buffer is copied first).
  const src = p.rgba.byteOffset % 4 === 0 ? p.rgba : Buffer.from(p.rgba);
  const out = Buffer.from(new ArrayBuffer(src.length));
  const src32 = new Uint32Array(src.buffer, src.byteOffset, src.length >>> 2);
  const out32 = new Uint32Array(out.buffer, out.byteOffset, out.length >>> 2);
  const mask = (1 << CACHE_BITS) - 1;
  for (let i = 0; i < src32.length; i++) {
    let v = src32[i]!;
    const alpha = v >>> 24;
    // Over white paper (little-endian RGBA: red in the low byte).
    if (alpha !== 255) {
      const a = alpha / 255;
      const over = (x: number) => Math.round(x * a + 255 * (1 - a));
      v = over(v & 0xff) | (over((v >>> 8) & 0xff) << 8) | (over((v >>> 16) & 0xff) << 16);
    }
    const rgb = v & 0xffffff;
    const slot = Math.imul(rgb, 0x9e3779b1) >>> (32 - CACHE_BITS);
    let hit = cacheKeys[slot & mask] === rgb + 1 ? cacheValues[slot & mask]! : -1;
    if (hit < 0) {
      hit = convert(rgb & 0xff, (rgb >>> 8) & 0xff, rgb >>> 16, s.table);
      cacheKeys[slot & mask] = rgb + 1;
      cacheValues[slot & mask] = hit;
    }
    out32[i] = (hit | 0xff000000) >>> 0;
  }
  return { width: p.width, height: p.height, rgba: out };
}

/** One colour through the table: trilinear between the 8 grid points round it. Returns 0x00bbggrr. */
function convert(red: number, green: number, blue: number, t: Uint8Array): number {
  const step = (GRID - 1) / 255;
  const r = red * step;
  const g = green * step;
  const b = blue * step;
  const r0 = Math.min(GRID - 2, Math.floor(r));
  const g0 = Math.min(GRID - 2, Math.floor(g));
  const b0 = Math.min(GRID - 2, Math.floor(b));
  const fr = r - r0;
  const fg = g - g0;
  const fb = b - b0;
  const base = ((r0 * GRID + g0) * GRID + b0) * 3;
  const dg = GRID * 3;
  const dr = GRID * GRID * 3;
  let out = 0;
  for (let c = 0; c < 3; c++) {
    const o = base + c;
    const c00 = t[o]! + (t[o + 3]! - t[o]!) * fb;
    const c01 = t[o + dg]! + (t[o + dg + 3]! - t[o + dg]!) * fb;
    const c10 = t[o + dr]! + (t[o + dr + 3]! - t[o + dr]!) * fb;
    const c11 = t[o + dr + dg]! + (t[o + dr + dg + 3]! - t[o + dr + dg]!) * fb;
    const c0 = c00 + (c01 - c00) * fg;
    const c1 = c10 + (c11 - c10) * fg;
    out |= Math.round(c0 + (c1 - c0) * fr) << (8 * c);
  }
  return out;
}
