// Page → pixels: paint the page once with Skia, then encode each format and the thumbnail with sharp.
import sharp, { type Sharp } from 'sharp';
import type { FontSet, ImageSet } from '../../core/assets.js';
import { advertRasterId } from '../../core/assets.js';
import type { FrameItem, Page } from '../../core/frame.js';
import { withPictures, type Picture } from './images.js';
import { paintPage, type ScreenColour } from './paint.js';

export type RasterFormat = 'png' | 'jpeg' | 'webp';

/** Options of `renderPage`. */
export interface RenderOptions {
  /** Resolution of the page image, dots per inch. Default 150: a tabloid page is 1654 × 2539 px. */
  readonly dpi?: number;
  /** Width of the thumbnail in pixels; its height keeps the page's aspect. Default 200. */
  readonly thumbnailWidth?: number;
  /** Encodings of the page image, in this order. The thumbnail uses the first. Default `['jpeg']`. */
  readonly formats?: readonly RasterFormat[];
  /** Quality of JPEG and WebP, 1–100 (PNG is lossless and ignores it). Default 80. */
  readonly quality?: number;
  /** Screen colour of each print colour (default: a simple subtractive model, `cmykToHex`). */
  readonly colour?: ScreenColour;
}

/** One encoded image. */
export interface RasterImage {
  readonly format: RasterFormat;
  readonly data: Buffer;
  /** Pixels. */
  readonly width: number;
  readonly height: number;
}

export interface RenderedPage {
  /** The page at `dpi`, once per requested format, in the order asked for. */
  readonly page: RasterImage[];
  readonly thumbnail: RasterImage;
}

const DEFAULTS = { dpi: 150, thumbnailWidth: 200, formats: ['jpeg'] as readonly RasterFormat[], quality: 80 };
const FORMATS: readonly RasterFormat[] = ['png', 'jpeg', 'webp'];

/**
 * Rasterises a laid-out page: Page → Skia (`paint.ts`) → sharp. The page is
 * rendered once at `dpi` (round(width/72·dpi) × round(height/72·dpi) px, white
 * paper, 8-bit sRGB without alpha); every format is encoded from that raster and
 * the thumbnail is that raster resized, not a second rendering. The same page and
 * options give the same bytes.
 *
 * Throws an Error for invalid options, or for a font or image the page uses that
 * is not in `fonts` / `images`.
 */
export async function renderPage(
  page: Page,
  fonts: FontSet,
  images: ImageSet,
  opts: RenderOptions = {},
): Promise<RenderedPage> {
  const o = validate(opts);
  const { pixels, width, height } = await rasterisePage(page, fonts, images, o.dpi, opts.colour ? { colour: opts.colour } : {});
  const raw = { raw: { width, height, channels: 3 } } as const;

  // 4. Encode the page in each format.
  const pageImages = await Promise.all(
    o.formats.map(async (format) => ({
      format,
      data: await encode(sharp(pixels, raw), format, o.quality),
      width,
      height,
    })),
  );

  // 5. Thumbnail: the same raster, resized to the thumbnail width, same aspect.
  const thumbWidth = o.thumbnailWidth;
  const thumbHeight = Math.max(1, Math.round((thumbWidth * height) / width));
  const thumbFormat = o.formats[0]!;
  const thumbnail = {
    format: thumbFormat,
    data: await encode(sharp(pixels, raw).resize(thumbWidth, thumbHeight, { fit: 'fill' }), thumbFormat, o.quality),
    width: thumbWidth,
    height: thumbHeight,
  };
  return { page: pageImages, thumbnail };
}

/** A page as 8-bit RGB pixels on white, row by row, at `dpi`. */
export interface PagePixels {
  readonly pixels: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Pixel size of a page at `pxPerPt`: each side rounded to whole pixels (at least 1), keeping the page's aspect. */
export function pagePixelSize(page: Page, pxPerPt: number): { width: number; height: number } {
  if (!(Number.isFinite(pxPerPt) && pxPerPt > 0)) {
    throw new Error(`export/raster: invalid pxPerPt: expected a positive number, got ${pxPerPt}`);
  }
  return {
    width: Math.max(1, Math.round(page.width * pxPerPt)),
    height: Math.max(1, Math.round(page.height * pxPerPt)),
  };
}

/** Options of `rasterisePage`. */
export interface RasteriseOptions {
  /** Each print colour's screen colour (default: a simple subtractive model, `cmykToHex`). */
  readonly colour?: ScreenColour;
  /**
   * Applied to every picture as the page shows it, after it is reduced to the pixels it fills (so a photo is
   * converted at the size it is seen, not at print resolution): the e-edition shows photos "as on paper" this way.
   */
  readonly picture?: (p: Picture) => Picture | Promise<Picture>;
}

/** Canvases whose pixels libvips is reading: held here so the garbage collector cannot free them meanwhile. */
const painting = new Set<object>();

/**
 * Rasterises a page once: photos reduced to the pixels they fill and decoded (images.ts), passed through `picture`,
 * then the page painted by Skia (paint.ts). The same page and options give the same pixels.
 */
export async function rasterisePage(page: Page, fonts: FontSet, images: ImageSet, dpi: number, o: RasteriseOptions = {}): Promise<PagePixels> {
  const { width, height } = pagePixelSize(page, dpi / 72);
  const prepared = await withPictures(advertsAsImages(page, images), images, width / page.width, height / page.height);
  let pictures = prepared.pictures;
  if (o.picture) {
    const shown = await Promise.all([...pictures].map(async ([id, p]) => [id, await o.picture!(p)] as const));
    pictures = new Map(shown);
  }
  const canvas = paintPage(prepared.page, fonts, pictures, width, height, o.colour);
  // The alpha channel dropped by libvips: a copy in C, a tenth of the time a loop here takes. `data()` is the canvas's
  // own memory, not a copy: the canvas is held until libvips has copied it, or its pixels are freed under libvips.
  painting.add(canvas);
  try {
    const pixels = await sharp(canvas.data(), { raw: { width, height, channels: 4 } }).removeAlpha().raw().toBuffer();
    return { pixels, width, height };
  } finally {
    painting.delete(canvas);
  }
}

/**
 * Encoder settings chosen for speed on a whole edition (NOTES.md "Rasterising
 * pages"): plain libjpeg-turbo-style JPEG (mozjpeg's trellis takes ~1 s a page),
 * WebP effort 2 (~0.3 s), PNG compression 6 (zlib's default).
 */
function encode(img: Sharp, format: RasterFormat, quality: number): Promise<Buffer> {
  switch (format) {
    case 'jpeg':
      return img.jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer();
    case 'webp':
      return img.webp({ quality, effort: 2 }).toBuffer();
    case 'png':
      return img.png({ compressionLevel: 6 }).toBuffer();
  }
}

function validate(opts: RenderOptions): Required<Omit<RenderOptions, 'colour'>> {
  const dpi = opts.dpi ?? DEFAULTS.dpi;
  const thumbnailWidth = opts.thumbnailWidth ?? DEFAULTS.thumbnailWidth;
  const formats = opts.formats ?? DEFAULTS.formats;
  const quality = opts.quality ?? DEFAULTS.quality;
  if (!(Number.isFinite(dpi) && dpi > 0)) invalid('dpi', 'a positive number', dpi);
  if (!(Number.isInteger(thumbnailWidth) && thumbnailWidth > 0)) invalid('thumbnailWidth', 'a positive integer', thumbnailWidth);
  if (formats.length === 0 || formats.some((f) => !FORMATS.includes(f))) {
    invalid('formats', `a non-empty list of ${FORMATS.join(', ')}`, formats);
  }
  if (!(Number.isInteger(quality) && quality >= 1 && quality <= 100)) invalid('quality', 'an integer from 1 to 100', quality);
  return { dpi, thumbnailWidth, formats, quality };
}

/** One message shape for every bad option (sharp `lib/is.mjs`). */
function invalid(name: string, expected: string, actual: unknown): never {
  throw new Error(`export/raster: invalid ${name}: expected ${expected}, got ${JSON.stringify(actual)}`);
}

/**
 * A PDF advert is shown on screen by its page as pdf.js rendered it (the build keeps it under advertRasterId): an
 * image item in the advert's box, so it is reduced and coloured as photos are. Image adverts have their own.
 */
function advertsAsImages(page: Page, images: ImageSet): Page {
  if (!page.frame.items.some((i) => i.kind === 'advert' && i.pdf)) return page;
  const items = page.frame.items.flatMap((i): FrameItem[] => {
    if (i.kind !== 'advert' || !i.pdf) return [i];
    const img = images.get(advertRasterId(i.file));
    if (!img) throw new Error(`advert ${i.file} has no rendering`);
    return [{ kind: 'image', x: i.x, y: i.y, w: i.w, h: i.h, image: img.id, crop: { left: 0, top: 0, width: img.widthPx, height: img.heightPx } }, i];
  });
  return { ...page, frame: { ...page.frame, items } };
}
