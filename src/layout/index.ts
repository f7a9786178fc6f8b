// layout: page markup + styles + fonts + images → page frames. Never draws.
import type { Diagnostic, EditionLayout, FontSet, ImageSet, StyleSheet } from '../core/index.js';
import type { MarkupElement } from '../template/index.js';
import { attr, isElement } from '../template/index.js';
import { typeArea, UK_TABLOID, type PageGeometry } from './geometry.js';
import { layoutPage } from './page.js';
import { Shaper } from './text/shape.js';

export { UK_TABLOID, typeArea, spanWidth, type PageGeometry, type TypeArea } from './geometry.js';
export { Shaper } from './text/shape.js';
export { paragraphItems, type Item, type StyledText } from './text/items.js';
export { breakLines, breakParagraph, DEFAULT_BREAK_OPTIONS, type Break, type BreakOptions, type BreakResult } from './text/break-lines.js';
export { setLines, placeRun, type SetLine } from './text/set-lines.js';
export { setParagraph, styledRuns, faceFor } from './text/paragraph.js';
export { flowColumns, type FlowUnit } from './flow/columns.js';
export { cropFor } from './flow/picture.js';
import { MIN_PPI } from './flow/picture.js';

export interface LayoutInput {
  readonly pages: readonly MarkupElement[];
  readonly sheet: StyleSheet;
  readonly fonts: FontSet;
  readonly images: ImageSet;
  readonly geometry?: PageGeometry;
  /** The plant's lowest acceptable effective photo resolution, ppi (default 150). */
  readonly minImagePpi?: number;
}

/** Articles a page's markup places, in order. */
function articlesOf(el: MarkupElement): string[] {
  const own = el.kind === 'story' ? [attr.str(el, 'article')!] : [];
  return own.concat(el.children.filter(isElement).flatMap(articlesOf));
}

/** Lays out every page. Warnings (overset, low-resolution photos, loose lines) come back with their source spans. */
export function layoutEdition(input: LayoutInput): EditionLayout {
  const geometry = input.geometry ?? UK_TABLOID;
  const shaper = new Shaper(input.fonts);
  const warnings: Diagnostic[] = [];
  const pages = input.pages.map((root, i) => {
    const ctx = { sheet: input.sheet, shaper, images: input.images, area: typeArea(geometry, i + 1), pageNumber: i + 1, warnings, minImagePpi: input.minImagePpi ?? MIN_PPI };
    return layoutPage(ctx, root, geometry.width, geometry.height, articlesOf(root));
  });
  return { pages, warnings };
}
