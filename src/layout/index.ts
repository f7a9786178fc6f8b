// layout: page markup + styles + fonts + images → page frames. Never draws.
import { createHash } from 'node:crypto';
import type { Diagnostic, EditionLayout, FontSet, HeldOver, ImageSet, Page, PageComposition, StyleSheet } from '../core/index.js';
import { poolOf } from './compose/pool.js';
import type { JumpDesk } from './desk.js';
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
export { composeTimes } from './compose/index.js';
import { MIN_PPI } from './flow/picture.js';

export interface LayoutInput {
  readonly pages: readonly MarkupElement[];
  readonly sheet: StyleSheet;
  readonly fonts: FontSet;
  readonly images: ImageSet;
  readonly geometry?: PageGeometry;
  /**
   * The overmatter (template/renderOvermatter): story elements in priority order, each with the `section` whose pages
   * may take it. Composed pages take from it in page order; what none takes is held over (EditionLayout.heldOver).
   */
  readonly overmatter?: readonly MarkupElement[];
  /** The plant's lowest acceptable effective photo resolution, ppi (default 150). */
  readonly minImagePpi?: number;
  /** Pages laid out before, kept by a long-running caller (the preview): a page whose inputs are unchanged is reused. */
  readonly cache?: LayoutCache;
  /**
   * Called with each page as soon as it is laid out, in page order. Pages are final once laid out (a story that
   * jumps waits for its later page), so the caller can start exporting them while the rest are set.
   */
  readonly onPage?: (page: Page) => void;
}

/**
 * Laid-out pages by what they were made from. `context` fingerprints what every page depends on (style sheet,
 * fonts, photos, geometry); when it changes, nothing is reused. Pages are keyed by their number and markup.
 */
export interface LayoutCache {
  context?: string;
  readonly pages: Map<string, { readonly page: Page; readonly warnings: readonly Diagnostic[]; readonly compositions: readonly PageComposition[] }>;
  /** Pages laid out (not reused) by the last call. */
  laidOut?: number;
  /** What composed pages measured and searched, for pages laid out again (LayoutContext.memo). */
  readonly memo?: Map<string, unknown>;
}

/** A new, empty layout cache. */
export const layoutCache = (): LayoutCache => ({ pages: new Map(), memo: new Map() });

const fingerprint = (x: unknown): string => createHash('sha1').update(JSON.stringify(x)).digest('hex');

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
  const cache = input.cache;
  if (cache) {
    const context = fingerprint({
      sheet: input.sheet,
      geometry,
      minImagePpi: input.minImagePpi ?? MIN_PPI,
      fonts: [...input.fonts.values()].map((f) => [f.id, f.file, fontIdentity(f.font)]),
      images: [...input.images.values()].map((a) => [a.id, a.widthPx, a.heightPx, a.data.length, a.data.subarray(0, 64).toString('base64')]),
    });
    if (cache.context !== context) {
      cache.pages.clear();
      cache.memo?.clear();
    }
    cache.context = context;
    cache.laidOut = 0;
  }
  const used = new Set<string>();
  // Stories that jump wait on the desk for their page: pages are laid out in order.
  const desk: JumpDesk = {
    pending: [],
    sections: input.pages.map((p) => (typeof p.attrs['section'] === 'string' ? (p.attrs['section'] as string) : undefined)),
    composed: input.pages.map((p) => p.children.some((c) => isElement(c) && c.kind === 'compose')),
    pool: poolOf(input.overmatter ?? []),
    overmatter: (input.overmatter ?? []).length > 0,
    measured: new Map(),
  };
  const compositions: PageComposition[] = [];
  const pages = input.pages.map((root, i) => {
    // A page's layout depends on its markup and on the overmatter still on the desk when its turn comes.
    const key = cache ? `${i + 1}:${fingerprint([root, desk.pool.map((p) => p.el)])}` : '';
    // A page that takes a continuation, or sends one, depends on more than its own markup: it is never reused.
    const known = desk.pending.some((c) => c.toPage === i + 1) ? undefined : cache?.pages.get(key);
    used.add(key);
    if (known) {
      warnings.push(...known.warnings);
      compositions.push(...known.compositions);
      for (const c of known.compositions) for (const id of c.overmatter ?? []) {
        const at = desk.pool.findIndex((p) => p.id === id);
        if (at >= 0) desk.pool.splice(at, 1);
      }
      input.onPage?.(known.page);
      return known.page;
    }
    const before = warnings.length;
    const composedBefore = compositions.length;
    const pendingBefore = desk.pending.length;
    const ctx = { sheet: input.sheet, shaper, images: input.images, area: typeArea(geometry, i + 1), pageNumber: i + 1, warnings, minImagePpi: input.minImagePpi ?? MIN_PPI, jumps: desk, compositions, ...(cache?.memo ? { memo: cache.memo } : {}) };
    const page = layoutPage(ctx, root, geometry.width, geometry.height, articlesOf(root));
    const jumpsHere = compositions.slice(composedBefore).some((c) => c.jumped.length > 0 || c.continued.length > 0) || desk.pending.length !== pendingBefore;
    if (cache && !jumpsHere) cache.pages.set(key, { page, warnings: warnings.slice(before), compositions: compositions.slice(composedBefore) });
    if (cache) cache.laidOut = (cache.laidOut ?? 0) + 1;
    input.onPage?.(page);
    return page;
  });
  if (cache) for (const k of [...cache.pages.keys()]) if (!used.has(k)) cache.pages.delete(k);
  // A continuation whose page never took it is copy on no page.
  for (const c of desk.pending) {
    warnings.push({
      severity: 'error',
      code: 'compose/lost',
      message: `story ${c.article} jumps from page ${c.fromPage} to page ${c.toPage}, which has no news hole to take the rest`,
      hints: ['give it a continue-on page that is composed (a page without a template, or one with <compose>)'],
    });
  }
  // What the overmatter still holds is held over: listed in the report, not an error.
  const heldOver: HeldOver[] = desk.pool.map((p) => ({ article: p.id, ...(p.section !== undefined ? { section: p.section } : {}), words: p.words }));
  for (const h of heldOver) {
    const el = desk.pool.find((p) => p.id === h.article)!.el;
    warnings.push({ severity: 'info', code: 'compose/held-over', message: `held over: ${h.article} (${h.words} words${h.section ? `, ${h.section}` : ''}): no page of this edition had room for it`, span: el.copy ?? el.src });
  }
  return { pages, warnings, compositions, ...(input.overmatter ? { heldOver } : {}) };
}

/** The same font object (the caller reopens a font file only when it changed) is the same font. */
const fontIds = new WeakMap<object, number>();
let nextFontId = 1;
function fontIdentity(font: object): number {
  let id = fontIds.get(font);
  if (id === undefined) fontIds.set(font, (id = nextFontId++));
  return id;
}
