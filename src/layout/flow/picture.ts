// Photos in boxes: crop to the box's shape round the focus point, caption and credit under it.
import type { ArticleTag, FrameItem, ImageAsset, Span } from '../../core/index.js';
import type { LayoutContext } from '../context.js';
import { style, warn } from '../context.js';
import { placeLines } from '../text/emit.js';
import { setParagraph } from '../text/paragraph.js';

/** Effective resolution below which a photo prints soft on newsprint, pixels per inch, when no plant says otherwise. */
export const MIN_PPI = 150;

export interface PictureSpec {
  readonly file: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly alt?: string;
  readonly focus: { readonly x: number; readonly y: number };
  readonly src: Span;
}

/** Source rectangle of `img` with the aspect of a w×h box, centred on the focus as far as the edges allow. */
export function cropFor(img: ImageAsset, w: number, h: number, focus: { x: number; y: number }) {
  const box = w / h;
  const src = img.widthPx / img.heightPx;
  let width = img.widthPx;
  let height = img.heightPx;
  if (src > box) width = Math.round(img.heightPx * box);
  else height = Math.round(img.widthPx / box);
  const clamp = (v: number, max: number) => Math.min(Math.max(0, v), max);
  const left = Math.round(clamp(focus.x * img.widthPx - width / 2, img.widthPx - width));
  const top = Math.round(clamp(focus.y * img.heightPx - height / 2, img.heightPx - height));
  return { left, top, width, height };
}

export function imageAsset(ctx: LayoutContext, file: string): ImageAsset {
  const img = ctx.images.get(file);
  if (!img) throw new Error(`image ${file} was not loaded before layout`);
  return img;
}

/** Natural height of a picture at width `w`, capped at `maxH`. */
export function pictureHeight(ctx: LayoutContext, p: PictureSpec, w: number, maxH: number): number {
  const img = imageAsset(ctx, p.file);
  return Math.min((w * img.heightPx) / img.widthPx, maxH);
}

/** Height of the caption block under a picture of width `w`. */
export function captionHeight(ctx: LayoutContext, p: PictureSpec, w: number): number {
  return drawCaption(ctx, p, 0, 0, w, undefined).bottom;
}

function drawCaption(ctx: LayoutContext, p: PictureSpec, x: number, top: number, w: number, tag: ArticleTag | undefined): { items: FrameItem[]; bottom: number } {
  const items: FrameItem[] = [];
  let y = top;
  if (p.caption) {
    const cs = style(ctx, 'caption', p.src);
    const lines = setParagraph(p.caption, cs, ctx.sheet, ctx.shaper, w);
    const placed = placeLines(ctx, lines, cs, x, y + 3, tag ? { ...tag, role: 'Caption' } : undefined, p.src);
    items.push(...placed.runs);
    y = placed.bottom;
  }
  if (p.credit) {
    const cr = style(ctx, 'credit', p.src);
    const lines = setParagraph(`Picture: ${p.credit}`, cr, ctx.sheet, ctx.shaper, w);
    const placed = placeLines(ctx, lines, cr, x, y + 2, tag ? { ...tag, role: 'Credit' } : undefined, p.src);
    items.push(...placed.runs);
    y = placed.bottom;
  }
  return { items, bottom: y };
}

/** Draws the photo in a w×h box at (x, top) and its caption below; warns when it will print soft. */
export function drawPicture(ctx: LayoutContext, p: PictureSpec, x: number, top: number, w: number, h: number, tag?: ArticleTag): { items: FrameItem[]; bottom: number } {
  const img = imageAsset(ctx, p.file);
  const crop = cropFor(img, w, h, p.focus);
  const ppi = crop.width / (w / 72);
  if (ppi < ctx.minImagePpi) {
    warn(ctx, 'layout/low-resolution', `photo ${p.file} prints at ${Math.round(ppi)} ppi, below the plant's minimum of ${ctx.minImagePpi} ppi: it will look soft`, p.src, ['use a larger original, or give it fewer columns']);
  }
  const items: FrameItem[] = [{ kind: 'image', x, y: top, w, h, image: img.id, crop, ...(p.alt ? { alt: p.alt } : {}), ...(tag ? { tag: { ...tag, role: 'Figure' } } : {}) }];
  const cap = drawCaption(ctx, p, x, top + h, w, tag);
  items.push(...cap.items);
  return { items, bottom: cap.bottom };
}
