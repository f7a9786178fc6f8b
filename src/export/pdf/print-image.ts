// Print renditions of photos: the placed crop, resampled down to the plant's target resolution and converted to its newsprint CMYK (or kept grey) as a JPEG PDFKit embeds.
import type { Sharp } from 'sharp';
import type { Diagnostic, ImageAsset, ImageItem, Span } from '../../core/index.js';
import { fail } from '../../core/index.js';
import type { PlantProfile } from '../../plant/profile.js';
import { greyToK } from '../icc.js';

/** A photo as the plant gets it: exactly the part that shows, at the plant's resolution, in its ink. */
export interface PrintImage {
  /** JPEG bytes (no embedded ICC profile: in the PDF the image is DeviceCMYK or DeviceGray). */
  readonly data: Buffer;
  /** `cmyk`: four plates, converted through the plant's profile; `gray`: the black plate only. */
  readonly colorSpace: 'cmyk' | 'gray';
  readonly widthPx: number;
  readonly heightPx: number;
  /** Effective resolution at the placed size, ppi (the lower of the two directions). */
  readonly ppi: number;
}

/** Where and how large the photo is placed: points, and the part of the source shown (source pixels). */
export interface Placement {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly crop: ImageItem['crop'];
}

/** JPEG quality for print renditions: well above visible loss on a 100-line newsprint screen, a quarter the bytes of quality 100. */
const JPEG_QUALITY = 90;
/**
 * Headroom over the ink limit when checking the conversion: four 8-bit channels each
 * rounded by up to half a step (4 × 0.2 %). The check reads the converted pixels
 * before JPEG encoding, whose ringing at hard edges can add a few per cent on
 * pathological content (random dots of rich black and white: 247 % from a 236 %
 * conversion) without the profile being at fault.
 */
const ROUNDING_INK = 1;
const POINTS_PER_INCH = 72;

/**
 * Makes the print rendition of one placed photo from the original bytes (upright,
 * as loadImages keeps them): cuts out `placed.crop`, resamples it down to the
 * plant's target ppi at the placed size (never up), flattens any alpha onto white
 * paper, converts RGB, palette and CMYK photos to the plant's output condition
 * through its ICC profile with sharp (perceptual intent), keeps greyscale photos
 * grey (one channel, the black plate), and encodes an 8-bit JPEG (quality 90, no
 * chroma subsampling). Below the plant's minimum resolution it warns
 * (`image/low-resolution`); a corrupt photo, or a conversion over the ink limit
 * (a profile that is not the press's), is a UserError naming the file at `src`.
 */
export async function printImage(
  asset: ImageAsset,
  placed: Placement,
  plant: Pick<PlantProfile, 'outputCondition' | 'totalInk' | 'images'>,
  src?: Span,
): Promise<{ image: PrintImage; warnings: Diagnostic[] }> {
  // Loaded on first use: the galley writes PDFs without photos and starts faster without sharp.
  const { default: sharp } = await import('sharp');
  const bad = (why: string): never =>
    fail('image/unreadable', `photo cannot be printed: ${asset.file}: ${why}`, src, ['export the photo again as JPEG or PNG and check it opens']);
  const open = (): Sharp => sharp(asset.data, { failOn: 'truncated' });

  // What the photo is: colour model, depth and alpha decide the conversion.
  const meta = await open().metadata().catch((e: unknown) => bad(messageOf(e)));
  if (!meta.width || !meta.height) bad('no pixel size in the file');
  const gray = meta.space === 'b-w' || meta.space === 'grey16';

  // The crop in whole source pixels, and the resolution it prints at.
  const crop = pixelCrop(placed.crop, meta.width!, meta.height!);
  const inches = { w: placed.widthPt / POINTS_PER_INCH, h: placed.heightPt / POINTS_PER_INCH };
  if (!(inches.w > 0 && inches.h > 0)) throw new Error(`printImage: placed size ${placed.widthPt} × ${placed.heightPt} pt of ${asset.file} is empty`);
  const sourcePpi = Math.min(crop.width / inches.w, crop.height / inches.h);
  const downsample = sourcePpi > plant.images.target;
  const size = downsample
    ? { width: Math.max(1, Math.round(inches.w * plant.images.target)), height: Math.max(1, Math.round(inches.h * plant.images.target)) }
    : { width: crop.width, height: crop.height };

  // Cut, resample, flatten and convert in one sharp pipeline from the original bytes, to lossless 8-bit pixels.
  let pipeline = open().extract(crop);
  if (downsample) pipeline = pipeline.resize({ ...size, fit: 'fill', kernel: 'lanczos3' });
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  pipeline = gray ? pipeline.toColourspace('b-w') : pipeline.withIccProfile(plant.outputCondition.profile, { attach: false });
  let converted = await pipeline.tiff({ compression: 'none' }).toBuffer().catch((e: unknown) => bad(messageOf(e)));
  if (gray) {
    // Grey goes on the black plate through the press's K curve, so midtones do not print dark with dot gain.
    const curve = await greyToK(plant.outputCondition.profile);
    const { data, info } = await sharp(converted).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    for (let i = 0; i < data.length; i++) data[i] = curve[data[i]!]!;
    converted = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).toColourspace('b-w').tiff({ compression: 'none' }).toBuffer();
  }

  // The conversion must keep within the ink limit: over it, the profile is not this press's.
  const convertedInk = await highestInk(sharp(converted), gray);
  if (convertedInk > plant.totalInk + ROUNDING_INK) {
    fail('image/ink-limit', `photo ${asset.file} converts to ${fmt(convertedInk)} % total ink through ${plant.outputCondition.profile}, over the plant's ${plant.totalInk} % limit`, src,
      ['the output condition\u2019s ICC profile must be made for this press with its ink limit (color/README.md tells how)']);
  }

  // Encode as stored (CMYK stays CMYK). The file's own ink is the preflight's to read, from the PDF.
  const data = await asCaptured(sharp(converted), gray).jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();

  const ppi = Math.min(size.width / inches.w, size.height / inches.h);
  const warnings: Diagnostic[] = [];
  if (sourcePpi < plant.images.minimum) {
    const widest = (crop.width / plant.images.minimum) * 25.4;
    warnings.push({
      severity: 'warning',
      code: 'image/low-resolution',
      message: `photo ${asset.file} prints at ${Math.round(sourcePpi)} ppi at its placed size, below the plant's minimum of ${plant.images.minimum} ppi: it will look soft`,
      span: src,
      hints: [`use a larger original, or place this crop at most ${fmt(widest)} mm wide`],
    });
  }
  return { image: { data, colorSpace: gray ? 'gray' : 'cmyk', widthPx: size.width, heightPx: size.height, ppi }, warnings };
}

/** The crop rounded out to whole pixels and kept inside the image; an empty crop is a layout bug. */
function pixelCrop(crop: ImageItem['crop'], width: number, height: number): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, Math.floor(crop.left));
  const top = Math.max(0, Math.floor(crop.top));
  const right = Math.min(width, Math.ceil(crop.left + crop.width));
  const bottom = Math.min(height, Math.ceil(crop.top + crop.height));
  if (right <= left || bottom <= top) throw new Error(`crop ${JSON.stringify(crop)} lies outside the ${width} × ${height} px image`);
  return { left, top, width: right - left, height: bottom - top };
}

/** Reads pixels as stored, without colour management: CMYK stays CMYK instead of turning into sRGB. */
function asCaptured(image: Sharp, gray: boolean): Sharp {
  return gray ? image.toColourspace('b-w') : image.pipelineColourspace('cmyk').toColourspace('cmyk');
}

/** Highest per-pixel ink of 8-bit pixels, per cent: C+M+Y+K for CMYK, K = 100 − grey for grey. */
async function highestInk(image: Sharp, gray: boolean): Promise<number> {
  const raw = await asCaptured(image, gray).raw().toBuffer();
  let max = 0;
  if (gray) {
    let darkest = 255;
    for (const v of raw) if (v < darkest) darkest = v;
    max = 255 - darkest;
  } else {
    for (let i = 0; i + 3 < raw.length; i += 4) {
      const sum = raw[i]! + raw[i + 1]! + raw[i + 2]! + raw[i + 3]!;
      if (sum > max) max = sum;
    }
  }
  return (max / 255) * 100;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).trim().split('\n')[0]!.replace(/^Input buffer /, '');

const fmt = (n: number): string => n.toFixed(1).replace(/\.0$/, '');
