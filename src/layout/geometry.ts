// Page geometry: trim, type area, column grid and baseline grid, in points.
import { mm, type PageGeometry } from '../core/index.js';

/** The page geometry type lives in core (plant profiles declare it too); re-exported for layout's callers. */
export type { PageGeometry };

/**
 * UK tabloid, 280 × 430 mm trim, 5 columns of 48 mm with 4 mm gutters
 * (12 mm side margins: 280 − 24 = 256 = 5 × 48 + 4 × 4), 10.5 pt baseline grid.
 * Issue 4 moves these figures into per-plant profile files.
 */
export const UK_TABLOID: PageGeometry = {
  width: mm(280),
  height: mm(430),
  margin: { top: mm(12), bottom: mm(14), inner: mm(12), outer: mm(12) },
  columns: 5,
  gutter: mm(4),
  baseline: 10.5,
};

/** The type area of a page and its columns. Left and right margins swap on even pages. */
export interface TypeArea {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly columnWidth: number;
  readonly gutter: number;
  readonly columns: number;
  readonly baseline: number;
}

export function typeArea(g: PageGeometry, pageNumber: number): TypeArea {
  const left = pageNumber % 2 === 1 ? g.margin.inner : g.margin.outer;
  const w = g.width - g.margin.inner - g.margin.outer;
  return {
    x: left,
    y: g.margin.top,
    w,
    h: g.height - g.margin.top - g.margin.bottom,
    columnWidth: (w - g.gutter * (g.columns - 1)) / g.columns,
    gutter: g.gutter,
    columns: g.columns,
    baseline: g.baseline,
  };
}

/** Width of `n` columns including the gutters between them. */
export function spanWidth(area: TypeArea, n: number): number {
  return n * area.columnWidth + (n - 1) * area.gutter;
}
