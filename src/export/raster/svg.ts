// Page → SVG documents for librsvg: the whole page, or one horizontal band of it, sized in pixels.
import type { FontSet, ImageSet } from '../../core/assets.js';
import type { Page } from '../../core/frame.js';
import { drawPage, type PageDrawing } from './draw.js';

/** Options of `pageToSvg`. */
export interface SvgOptions {
  /** Pixels per point of the raster the SVG is made for (dpi / 72). Sets the SVG's width and height in px. */
  readonly pxPerPt: number;
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

/**
 * Draws a laid-out page as one SVG document. The root is sized in pixels
 * (`pagePixelSize`) with a pixel viewBox; one group scales points to pixels so the
 * page fills the image exactly (the two axes differ by the rounding of the pixel
 * size, under half a pixel). Paper is white; items are painted in frame order, as
 * the print PDF paints them; glyphs are fontkit outlines, each defined once in
 * <defs> and placed with <use>; anchors are not drawn.
 *
 * Throws an Error when a run names a font missing from `fonts` or an image item an
 * image missing from `images` (a layout bug, not a user mistake).
 */
export function pageToSvg(page: Page, fonts: FontSet, images: ImageSet, opts: SvgOptions): string {
  const size = pagePixelSize(page, opts.pxPerPt);
  return bandSvg(page, drawPage(page, fonts, images), size, 0, size.height);
}

/**
 * The SVG document for pixel rows [rowStart, rowEnd) of the page: the viewBox
 * starts at an integer pixel row, so a band's pixels are exactly those rows of the
 * whole-page rendering (same transform up to an integer translation). Only items
 * whose extent reaches the band are written, so librsvg, which walks the whole
 * document for every strip it renders, has less to walk.
 */
export function bandSvg(
  page: Page,
  drawing: PageDrawing,
  size: { width: number; height: number },
  rowStart: number,
  rowEnd: number,
): string {
  const sx = size.width / page.width;
  const sy = size.height / page.height;
  // Anti-aliasing reaches into the pixel an edge touches: widen the band by one pixel each way.
  const top = (rowStart - 1) / sy;
  const bottom = (rowEnd + 1) / sy;
  const rows = rowEnd - rowStart;
  const body = drawing.items.filter((i) => i.bottom >= top && i.top <= bottom).map((i) => i.svg);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${rows}" viewBox="0 ${rowStart} ${size.width} ${rows}">`,
    `<defs>\n${drawing.defs}\n</defs>`,
    `<rect y="${rowStart}" width="${size.width}" height="${rows}" fill="#ffffff"/>`,
    `<g transform="scale(${sx},${sy})">`,
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
