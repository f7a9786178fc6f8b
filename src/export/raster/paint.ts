// Frame items → pixels with Skia (@napi-rs/canvas): glyph outlines filled as paths, rules, boxes and pictures.
import { createCanvas, ImageData, Path2D, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Font } from 'fontkit';
import type { FontSet } from '../../core/assets.js';
import type { Cmyk } from '../../core/color.js';
import type { FrameItem, GlyphRun, ImageItem, Page, RectItem, RuleItem } from '../../core/frame.js';
import { cmykToHex } from './color.js';
import type { Picture } from './images.js';

/** How a print colour shows on screen: a CSS colour (`#rrggbb`). */
export type ScreenColour = (c: Cmyk) => string;

/** Stroke width of a rect that has a stroke colour but no width: PDF's (and PDFKit's) default line width, 1 pt. */
const DEFAULT_STROKE_WIDTH = 1;

/**
 * Each font's glyph outlines as Skia paths, made once per process (a worker thread keeps its own): fontkit's outline
 * in font units, y up; the transform at fill time flips and scales it. `null` for a glyph that draws nothing (a space).
 */
const outlines = new WeakMap<Font, Map<number, Path2D | null>>();

function outline(font: Font, gid: number): Path2D | null {
  let paths = outlines.get(font);
  if (!paths) outlines.set(font, (paths = new Map()));
  let p = paths.get(gid);
  if (p === undefined) {
    const d = font.getGlyph(gid).path.toSVG();
    p = d === '' ? null : new Path2D(d);
    paths.set(gid, p);
  }
  return p;
}

/**
 * Paints a page at `width` × `height` pixels (the page's points scaled to fill them) on white paper, items in frame
 * (paint) order as the print PDF paints them; anchors and adverts' own items are not drawn (a PDF advert reaches here
 * as the image item of its rendering). Each image item's picture (by its `image` id) is drawn from its crop into its
 * box. Returns the canvas: its `data()` is 8-bit RGBA rows, opaque (alpha 255 everywhere), and is the canvas's own
 * memory, valid only while the canvas is reachable. Throws an Error when an item names a font or picture missing from the sets (a layout
 * bug).
 *
 * The same page, sizes and pictures give the same pixels: Skia's CPU rasteriser has no threads or timing in it.
 */
export function paintPage(page: Page, fonts: FontSet, pictures: ReadonlyMap<string, Picture>, width: number, height: number, colour: ScreenColour = cmykToHex): Canvas {
  const sources = new Map<string, Canvas>();
  for (const item of page.frame.items) {
    if (item.kind !== 'image' || sources.has(item.image)) continue;
    const p = pictures.get(item.image);
    if (!p) throw new Error(`export/raster: image item uses "${item.image}", which is not in the image set`);
    const c = createCanvas(p.width, p.height);
    c.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(p.rgba.buffer, p.rgba.byteOffset, p.rgba.byteLength), p.width, p.height), 0, 0);
    sources.set(item.image, c);
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const sx = width / page.width;
  const sy = height / page.height;
  for (const item of page.frame.items) paintItem(ctx, item, fonts, sources, sx, sy, colour);
  return canvas;
}

function paintItem(ctx: SKRSContext2D, item: FrameItem, fonts: FontSet, images: Map<string, Canvas>, sx: number, sy: number, colour: ScreenColour): void {
  switch (item.kind) {
    case 'glyphs':
      return paintRun(ctx, item, fonts, sx, sy, colour);
    case 'rule':
      return paintRule(ctx, item, sx, sy, colour);
    case 'rect':
      return paintRect(ctx, item, sx, sy, colour);
    case 'image':
      return paintImage(ctx, item, images.get(item.image)!, sx, sy);
    case 'anchor':
    case 'advert':
      return;
  }
}

/**
 * Each glyph's outline filled at its pen position: font units (y up) to pixels is scale(s·h·sx, −s·sy) with
 * s = size / unitsPerEm and h the run's horizontal scaling (PDF's Tz), which widens shapes; pen positions include it.
 */
function paintRun(ctx: SKRSContext2D, run: GlyphRun, fonts: FontSet, sx: number, sy: number, colour: ScreenColour): void {
  const face = fonts.get(run.font);
  if (!face) throw new Error(`export/raster: glyph run uses font "${run.font}", which is not in the font set`);
  const s = run.size / face.font.unitsPerEm;
  const a = s * (run.hscale ?? 1) * sx;
  const d = -s * sy;
  ctx.fillStyle = colour(run.color);
  for (const g of run.glyphs) {
    const path = outline(face.font, g.id);
    if (!path) continue;
    ctx.setTransform(a, 0, 0, d, sx * (run.x + g.x), sy * (run.y + g.dy));
    ctx.fill(path);
  }
  ctx.resetTransform();
}

/** Rules have butt caps, as PDF's default line cap. */
function paintRule(ctx: SKRSContext2D, r: RuleItem, sx: number, sy: number, colour: ScreenColour): void {
  if (!(r.width > 0)) return;
  ctx.setTransform(sx, 0, 0, sy, 0, 0);
  ctx.lineCap = 'butt';
  ctx.strokeStyle = colour(r.color);
  ctx.lineWidth = r.width;
  ctx.beginPath();
  ctx.moveTo(r.x1, r.y1);
  ctx.lineTo(r.x2, r.y2);
  ctx.stroke();
  ctx.resetTransform();
}

/** A box: filled, stroked (the stroke centred on the edge, as in PDF), or both. */
function paintRect(ctx: SKRSContext2D, r: RectItem, sx: number, sy: number, colour: ScreenColour): void {
  if (!r.fill && !r.stroke) return;
  ctx.setTransform(sx, 0, 0, sy, 0, 0);
  if (r.fill) {
    ctx.fillStyle = colour(r.fill);
    ctx.fillRect(r.x, r.y, r.w, r.h);
  }
  if (r.stroke) {
    ctx.lineJoin = 'miter';
    ctx.strokeStyle = colour(r.stroke);
    ctx.lineWidth = r.strokeWidth ?? DEFAULT_STROKE_WIDTH;
    ctx.strokeRect(r.x, r.y, r.w, r.h);
  }
  ctx.resetTransform();
}

/** The picture's crop (source pixels) drawn into its box, smoothed with Skia's best filter, clipped to the box. */
function paintImage(ctx: SKRSContext2D, item: ImageItem, img: Canvas, sx: number, sy: number): void {
  const { left, top, width, height } = item.crop;
  if (!(width > 0 && height > 0 && item.w > 0 && item.h > 0)) return;
  ctx.save();
  ctx.setTransform(sx, 0, 0, sy, 0, 0);
  ctx.beginPath();
  ctx.rect(item.x, item.y, item.w, item.h);
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, left, top, width, height, item.x, item.y, item.w, item.h);
  ctx.restore();
}
