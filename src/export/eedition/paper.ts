// "As on paper": print colours and photos shown on screen through the press's ICC profile (newsprint's duller inks).
import sharp from 'sharp';
import type { Cmyk, ImageAsset, ImageSet, Page } from '../../core/index.js';
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
 * sRGB): the masthead red as newsprint prints it, not as a screen could. Returns a lookup for the raster.
 */
export async function paperColours(pages: readonly Page[], icc: Buffer): Promise<(c: Cmyk) => string> {
  const seen = new Map<string, Cmyk>([[key([0, 0, 0, 0]), [0, 0, 0, 0]]]);
  for (const page of pages) {
    for (const item of page.frame.items) {
      const colours = item.kind === 'glyphs' || item.kind === 'rule' ? [item.color] : item.kind === 'rect' ? [item.fill, item.stroke] : [];
      for (const c of colours) if (c) seen.set(key(c), c);
    }
  }
  const list = [...seen.values()];
  const rgb = await toScreen(list, icc);
  const hex = new Map(list.map((c, i) => [key(c), '#' + rgb[i]!.map((v) => v.toString(16).padStart(2, '0')).join('')]));
  return (c) => {
    const h = hex.get(key(c));
    if (!h) throw new Error(`export/eedition: colour ${key(c)} was not converted`);
    return h;
  };
}

/**
 * Each photo as it will look printed: converted to the press's CMYK through its profile and back to sRGB, so the
 * e-edition shows newsprint's gamut (duller reds and blues), black-point compensated like the vector colours.
 * Same pixel size, so crops stay right. `icc` is the profile file's bytes (`iccPath`), read by the caller.
 */
export async function paperImages(images: ImageSet, iccPath: string, icc: Buffer): Promise<ImageSet> {
  const out = new Map<string, ImageAsset>();
  const black = await sharp(cmykTiff([[0, 0, 0, 100]], icc)).toColourspace('srgb').raw().toBuffer();
  const { a, b } = compensation([black[0]!, black[1]!, black[2]!]);
  for (const [id, asset] of images) {
    // failOn as where photos are loaded and printed: a truncated photo is refused there, a warning is no error.
    const cmyk = await sharp(asset.data, { failOn: 'truncated' }).flatten({ background: '#ffffff' }).withIccProfile(iccPath, { attach: true }).tiff().toBuffer();
    const data = await sharp(cmyk).toColourspace('srgb').linear(a, b).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
    out.set(id, { ...asset, data, format: 'jpeg' });
  }
  return out;
}
