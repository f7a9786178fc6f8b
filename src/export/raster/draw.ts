// Frame items → SVG fragments in points, each with the vertical extent it can ink (for banded rendering).
import type { FontSet, ImageSet } from '../../core/assets.js';
import type { Cmyk } from '../../core/color.js';
import type { FrameItem, GlyphRun, ImageItem, Page, RectItem, RuleItem } from '../../core/frame.js';
import { cmykToHex } from './color.js';

/** How a print colour shows on screen: a CSS colour for SVG fill and stroke. */
export type ScreenColour = (c: Cmyk) => string;
import { GlyphDefs } from './glyph-defs.js';

/** One drawn item: its SVG (points, y down) and the rows it may touch, in points, top ≤ bottom. */
export interface DrawnItem {
  readonly svg: string;
  readonly top: number;
  readonly bottom: number;
}

/** A page drawn as SVG fragments in points: glyph outlines for <defs>, then items in frame (paint) order. */
export interface PageDrawing {
  readonly defs: string;
  readonly items: readonly DrawnItem[];
}

/** Stroke width of a rect that has a stroke colour but no width: PDF's (and PDFKit's) default line width, 1 pt. */
const DEFAULT_STROKE_WIDTH = 1;

/**
 * Draws every visible item of a page. Glyphs are filled outlines from fontkit, each
 * (font, glyph) defined once in `defs`; anchors are not drawn. Throws an Error when
 * an item names a font or image missing from the sets (a layout bug).
 */
export function drawPage(page: Page, fonts: FontSet, images: ImageSet, colour: ScreenColour = cmykToHex): PageDrawing {
  const glyphs = new GlyphDefs(fonts);
  const items: DrawnItem[] = [];
  for (const item of page.frame.items) {
    const drawn = drawItem(item, glyphs, images, colour);
    if (drawn) items.push(drawn);
  }
  return { defs: glyphs.defs(), items };
}

function drawItem(item: FrameItem, glyphs: GlyphDefs, images: ImageSet, colour: ScreenColour): DrawnItem | undefined {
  switch (item.kind) {
    case 'glyphs':
      return drawRun(item, glyphs, colour);
    case 'rule':
      return drawRule(item, colour);
    case 'rect':
      return drawRect(item, colour);
    case 'image':
      return drawImage(item, images);
    case 'anchor':
      return undefined;
  }
}

/**
 * One <g> per run with the run's fill and a transform from font units (y up) to
 * points: translate(run.x, run.y) scale(s, −s), s = size / unitsPerEm. Each glyph is
 * a <use> at its pen position (glyph.x, glyph.dy) expressed in font units. This is
 * the same placement as a per-glyph `translate(run.x + x, run.y + dy) scale(s, −s)`,
 * but librsvg renders it ~20 % faster (one transform per run, not per glyph).
 * Glyphs with empty outlines (spaces) are skipped.
 */
function drawRun(run: GlyphRun, glyphs: GlyphDefs, colour: ScreenColour): DrawnItem | undefined {
  const s = run.size * glyphs.unitScale(run.font);
  // Horizontal scaling (PDF's Tz) widens the glyph shapes; pen positions already include it.
  const h = run.hscale ?? 1;
  const uses: string[] = [];
  let minDy = 0;
  let maxDy = 0;
  for (const g of run.glyphs) {
    const href = glyphs.ref(run.font, g.id);
    if (href === undefined) continue;
    const y = g.dy === 0 ? '' : ` y="${fontUnits(-g.dy / s)}"`;
    uses.push(`<use href="${href}" x="${fontUnits(g.x / (s * h))}"${y}/>`);
    minDy = Math.min(minDy, g.dy);
    maxDy = Math.max(maxDy, g.dy);
  }
  if (uses.length === 0) return undefined;
  // The font's bounding box holds every glyph's outline.
  const bbox = glyphs.bbox(run.font);
  return {
    svg:
      `<g fill="${colour(run.color)}" transform="translate(${pt(run.x)},${pt(run.y)}) scale(${scale(s * h)},${scale(-s)})">` +
      `${uses.join('')}</g>`,
    top: run.y + minDy - bbox.maxY * s,
    bottom: run.y + maxDy - bbox.minY * s,
  };
}

/** Rules have butt caps, as PDF's default line cap, so they reach half their width either side of the centre line. */
function drawRule(r: RuleItem, colour: ScreenColour): DrawnItem | undefined {
  if (!(r.width > 0)) return undefined;
  return {
    svg:
      `<line x1="${pt(r.x1)}" y1="${pt(r.y1)}" x2="${pt(r.x2)}" y2="${pt(r.y2)}" ` +
      `stroke="${colour(r.color)}" stroke-width="${pt(r.width)}"/>`,
    top: Math.min(r.y1, r.y2) - r.width / 2,
    bottom: Math.max(r.y1, r.y2) + r.width / 2,
  };
}

/** A box: filled, stroked (stroke centred on the edge, as in PDF), or both. */
function drawRect(r: RectItem, colour: ScreenColour): DrawnItem | undefined {
  if (!r.fill && !r.stroke) return undefined;
  const fill = r.fill ? colour(r.fill) : 'none';
  const sw = r.stroke ? (r.strokeWidth ?? DEFAULT_STROKE_WIDTH) : 0;
  const stroke = r.stroke ? ` stroke="${colour(r.stroke)}" stroke-width="${pt(sw)}"` : '';
  return {
    svg: `<rect x="${pt(r.x)}" y="${pt(r.y)}" width="${pt(r.w)}" height="${pt(r.h)}" fill="${fill}"${stroke}/>`,
    top: r.y - sw / 2,
    bottom: r.y + r.h + sw / 2,
  };
}

/**
 * A picture: the whole source image in a nested <svg> whose viewBox is the crop
 * (source pixels), stretched to the item's box. The nested viewport clips what
 * lies outside the crop.
 */
function drawImage(item: ImageItem, images: ImageSet): DrawnItem {
  const asset = images.get(item.image);
  if (!asset) throw new Error(`export/raster: image item uses "${item.image}", which is not in the image set`);
  const { left, top, width, height } = item.crop;
  return {
    svg:
      `<svg x="${pt(item.x)}" y="${pt(item.y)}" width="${pt(item.w)}" height="${pt(item.h)}" ` +
      `viewBox="${pt(left)} ${pt(top)} ${pt(width)} ${pt(height)}" preserveAspectRatio="none">` +
      `<image width="${asset.widthPx}" height="${asset.heightPx}" preserveAspectRatio="none" ` +
      `href="data:image/${asset.format};base64,${asset.data.toString('base64')}"/></svg>`,
    top: item.y,
    bottom: item.y + item.h,
  };
}

/** A length in points (or source pixels), to 1/1000 (under 1/200 px at 300 dpi); no `-0`. */
export function pt(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A position in font units, to 1/100 unit (1/200,000 em). */
function fontUnits(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A font-units-to-points scale (size / unitsPerEm, ~0.005), to 9 significant digits. */
function scale(v: number): string {
  return String(Number(v.toPrecision(9)));
}
