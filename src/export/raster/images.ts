// Pictures for the raster: each placed photo cut to its crop, reduced to the pixels it fills, decoded to RGBA.
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { ImageAsset, ImageSet } from '../../core/assets.js';
import type { FrameItem, ImageItem, Page } from '../../core/frame.js';

/** A picture as the raster paints it: 8-bit RGBA rows (not premultiplied), at the pixels it is shown at. */
export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly rgba: Buffer;
}

/**
 * Returns the page with every image item pointing at a decoded picture: the source pixels the crop touches (plus one
 * around them, so the filter sees the neighbours it would in the whole picture) reduced with sharp's Lanczos filter
 * to about the pixels its box covers at `scaleX` × `scaleY` px/pt, and the crop re-expressed in the picture's pixels;
 * a picture shown at or above its own resolution is decoded whole (the canvas does the enlarging). The box, the part
 * of the picture shown and the paint order are unchanged. Pictures stay raw pixels from here to the canvas: no
 * encoding in between.
 */
export async function withPictures(page: Page, images: ImageSet, scaleX: number, scaleY: number): Promise<{ page: Page; pictures: Map<string, Picture> }> {
  const pictures = new Map<string, Picture>();
  const items = await Promise.all(
    page.frame.items.map(async (item, index): Promise<FrameItem> => {
      if (item.kind !== 'image') return item;
      const asset = images.get(item.image);
      if (!asset) throw new Error(`export/raster: image item uses "${item.image}", which is not in the image set`);
      const id = `${item.image}#picture-${index}`;
      const key = `${digest(asset)}|${JSON.stringify(item.crop)}|${item.w * scaleX}|${item.h * scaleY}`;
      let made = recent.get(key);
      if (!made) {
        made = reduce(item, asset, scaleX, scaleY).then(async (r) => ({ crop: r?.item.crop ?? item.crop, picture: r?.picture ?? (await decode(sharp(asset.data, { failOn: 'truncated' }))) }));
        remember(key, made);
      }
      const { crop, picture } = await made;
      pictures.set(id, picture);
      return { ...item, crop, image: id };
    }),
  );
  return { page: { ...page, frame: { ...page.frame, items } }, pictures };
}

/**
 * Pictures made lately in this thread, by the photo's content, its crop and the pixels it fills: the preview draws a
 * changed page again after every save, with the same photos in the same places. Pictures are never changed once made.
 */
const recent = new Map<string, Promise<{ crop: ImageItem['crop']; picture: Picture }>>();
/** Bytes of pixels kept at most (the oldest go first): a page's worth of photos at the preview's size, a few at zoom size. */
const RECENT_BYTES = 48 * 1024 * 1024;
const sizes = new Map<string, number>();
let kept = 0;

function remember(key: string, made: Promise<{ crop: ImageItem['crop']; picture: Picture }>): void {
  recent.set(key, made);
  made.then(
    ({ picture }) => {
      if (recent.get(key) !== made) return;
      sizes.set(key, picture.rgba.length);
      kept += picture.rgba.length;
      // The oldest go until the rest fit (the newest stays even when it alone is larger).
      for (const old of recent.keys()) {
        if (kept <= RECENT_BYTES || old === key) break;
        kept -= sizes.get(old) ?? 0;
        sizes.delete(old);
        recent.delete(old);
      }
    },
    () => recent.delete(key),
  );
}
const digests = new WeakMap<Buffer, string>();
function digest(asset: ImageAsset): string {
  let d = digests.get(asset.data);
  if (d === undefined) digests.set(asset.data, (d = createHash('sha1').update(asset.data).digest('hex')));
  return d;
}

async function decode(img: Sharp): Promise<Picture> {
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: data };
}

async function reduce(item: ImageItem, asset: ImageAsset, scaleX: number, scaleY: number): Promise<{ item: ImageItem; picture: Picture } | undefined> {
  const c = item.crop;
  if (!(c.width > 0 && c.height > 0)) return undefined;
  // Picture pixels per source pixel, never more than 1: the canvas does the enlarging.
  const kx = Math.min(1, (item.w * scaleX) / c.width);
  const ky = Math.min(1, (item.h * scaleY) / c.height);
  if (kx === 1 && ky === 1) return undefined;
  // The source pixels the crop touches, plus one each side for the filter, inside the picture.
  const left = Math.max(0, Math.floor(c.left) - 1);
  const top = Math.max(0, Math.floor(c.top) - 1);
  const right = Math.min(asset.widthPx, Math.ceil(c.left + c.width) + 1);
  const bottom = Math.min(asset.heightPx, Math.ceil(c.top + c.height) + 1);
  if (right <= left || bottom <= top) return undefined;
  const width = Math.max(1, Math.round((right - left) * kx));
  const height = Math.max(1, Math.round((bottom - top) * ky));
  const picture = await decode(
    sharp(asset.data, { failOn: 'truncated' })
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(width, height, { fit: 'fill' }),
  );
  const fx = width / (right - left);
  const fy = height / (bottom - top);
  return { picture, item: { ...item, crop: { left: (c.left - left) * fx, top: (c.top - top) * fy, width: c.width * fx, height: c.height * fy } } };
}
