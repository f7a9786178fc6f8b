// Picture renditions for the raster: each placed photo cut to its crop and reduced to the pixels it fills.
import sharp from 'sharp';
import type { ImageAsset, ImageSet } from '../../core/assets.js';
import type { FrameItem, ImageItem, Page } from '../../core/frame.js';

/**
 * JPEG quality of a reduced photo. It is decoded once more and re-encoded at the
 * page quality (default 80), so it must lose visibly less than that: 95 with no
 * chroma subsampling is visually lossless and ~5× smaller than PNG for photos.
 */
const RENDITION_JPEG_QUALITY = 95;

/**
 * Returns the page with every image item that would be scaled down replaced by
 * one that shows a rendition: the source pixels the crop touches (plus one around
 * them, so the filter sees the neighbours it would in the whole picture) reduced
 * with sharp's Lanczos filter to about the pixels its box covers at `scaleX` ×
 * `scaleY` px/pt, and the crop re-expressed in the rendition's pixels. The box, the
 * part of the picture shown and the paint order are unchanged.
 *
 * Why: librsvg decodes an embedded picture once per document it renders (and the
 * page is rendered in bands), reduces it with a cruder filter than sharp's, and
 * libxml2 refuses attributes over 10 MB, which a print-resolution photo in base64
 * exceeds. Pictures shown at or above their own resolution are left as they are.
 */
export async function withRenditions(
  page: Page,
  images: ImageSet,
  scaleX: number,
  scaleY: number,
): Promise<{ page: Page; images: ImageSet }> {
  const out = new Map<string, ImageAsset>(images);
  const items = await Promise.all(
    page.frame.items.map(async (item, index): Promise<FrameItem> => {
      if (item.kind !== 'image') return item;
      const asset = images.get(item.image);
      if (!asset) throw new Error(`export/raster: image item uses "${item.image}", which is not in the image set`);
      const reduced = await reduce(item, asset, scaleX, scaleY, `${item.image}#rendition-${index}`);
      if (!reduced) return item;
      out.set(reduced.asset.id, reduced.asset);
      return reduced.item;
    }),
  );
  return { page: { ...page, frame: { ...page.frame, items } }, images: out };
}

async function reduce(
  item: ImageItem,
  asset: ImageAsset,
  scaleX: number,
  scaleY: number,
  id: string,
): Promise<{ item: ImageItem; asset: ImageAsset } | undefined> {
  const c = item.crop;
  if (!(c.width > 0 && c.height > 0)) return undefined;
  // Rendition pixels per source pixel, never more than 1: librsvg does the enlarging.
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
  const pipeline = sharp(asset.data, { failOn: 'truncated' })
    .extract({ left, top, width: right - left, height: bottom - top })
    .resize(width, height, { fit: 'fill' });
  // PNGs may be transparent: keep them PNG (fast, low compression); photos go to JPEG.
  const data =
    asset.format === 'png'
      ? await pipeline.png({ compressionLevel: 1 }).toBuffer()
      : await pipeline.jpeg({ quality: RENDITION_JPEG_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer();
  const fx = width / (right - left);
  const fy = height / (bottom - top);
  return {
    asset: { id, file: asset.file, widthPx: width, heightPx: height, data, format: asset.format },
    item: {
      ...item,
      image: id,
      crop: { left: (c.left - left) * fx, top: (c.top - top) * fy, width: c.width * fx, height: c.height * fy },
    },
  };
}
