// A page: children of <page> stacked down the type area; rows place modules side by side.
import type { FrameItem, Page } from '../core/index.js';
import { BLACK } from '../core/index.js';
import type { MarkupElement } from '../template/index.js';
import { attr, isElement } from '../template/index.js';
import type { LayoutContext } from './context.js';
import { warn } from './context.js';
import { spanWidth } from './geometry.js';
import { layoutFolio, layoutMasthead, layoutPromo, type Placed } from './furniture.js';
import { layoutStory } from './story.js';
import { layoutCompose } from './compose/index.js';

/** White space between stacked modules: one baseline-grid step. */
const stackGap = (ctx: LayoutContext) => ctx.area.baseline;
/** Hairline between modules, points. */
const HAIR = 0.5;

type Height = number | 'fill' | 'auto';

function heightOf(el: MarkupElement): Height {
  // The news hole always takes what the page has left.
  if (el.kind === 'compose') return 'fill';
  const h = el.attrs['height'];
  return typeof h === 'number' ? h : h === 'fill' ? 'fill' : 'auto';
}

/** Lays out one element at (x, y) across `columns`, with at most `maxH` of depth. */
function place(ctx: LayoutContext, el: MarkupElement, x: number, y: number, columns: number, maxH: number, mode: 'fill' | 'auto'): Placed {
  const w = spanWidth(ctx.area, columns);
  switch (el.kind) {
    case 'masthead':
      return layoutMasthead(ctx, el, x, y, w);
    case 'folio':
      return layoutFolio(ctx, el, x, y, w);
    case 'story':
      return layoutStory(ctx, el, { x, y, columns, maxH, mode });
    case 'promo':
    case 'box':
      return layoutPromo(ctx, el, x, y, columns, mode === 'fill' ? maxH : undefined);
    case 'rule': {
      const weight = attr.num(el, 'weight') ?? HAIR;
      return { items: [{ kind: 'rule', x1: x, y1: y + weight / 2, x2: x + w, y2: y + weight / 2, width: weight, color: BLACK }], height: weight };
    }
    case 'space':
      return { items: [], height: mode === 'fill' ? maxH : (attr.num(el, 'height') ?? 0) };
    case 'row':
      return layoutRow(ctx, el, x, y, columns, maxH, mode);
    case 'compose': {
      const c = layoutCompose(ctx, el, y, maxH);
      ctx.compositions?.push(c.composition);
      return c;
    }
    default:
      throw new Error(`<${el.kind}> cannot stand on a page`);
  }
}

/** Children side by side, each across its `span` (the rest share what is left), a hairline in each gutter between them. */
function layoutRow(ctx: LayoutContext, row: MarkupElement, x: number, y: number, columns: number, maxH: number, mode: 'fill' | 'auto'): Placed {
  const kids = row.children.filter(isElement);
  const fixed = kids.reduce((n, k) => n + (attr.num(k, 'span') ?? 0), 0);
  const open = kids.filter((k) => attr.num(k, 'span') === undefined).length;
  const share = open > 0 ? Math.max(1, Math.floor((columns - fixed) / open)) : 0;
  const spans = kids.map((k) => attr.num(k, 'span') ?? share);
  const total = spans.reduce((a, b) => a + b, 0);
  if (total > columns) {
    warn(ctx, 'layout/row-too-wide', `row asks for ${total} columns but the page has ${columns}`, row.src);
  }
  // Auto rows are as deep as their deepest child; fill rows take maxH and children fill it too.
  let depth = 0;
  const results: Placed[] = [];
  let cx = x;
  const rowMode = mode;
  kids.forEach((k, i) => {
    const span = Math.min(spans[i]!, columns);
    const kidMode = rowMode === 'fill' ? 'fill' : heightOf(k) === 'fill' ? 'fill' : 'auto';
    const r = place(ctx, k, cx, y, span, maxH, kidMode);
    results.push(r);
    depth = Math.max(depth, r.height);
    cx += spanWidth(ctx.area, span) + ctx.area.gutter;
  });
  if (rowMode === 'fill') depth = maxH;
  // Auto rows: promos and boxes stretch to the row's depth so their tints line up.
  const items: FrameItem[] = [];
  cx = x;
  kids.forEach((k, i) => {
    const span = Math.min(spans[i]!, columns);
    let r = results[i]!;
    if ((k.kind === 'promo' || k.kind === 'box') && r.height < depth) r = layoutPromo(ctx, k, cx, y, span, depth);
    items.push(...r.items);
    cx += spanWidth(ctx.area, span) + ctx.area.gutter;
    if (i < kids.length - 1 && k.kind === 'story') {
      const gx = cx - ctx.area.gutter / 2;
      items.push({ kind: 'rule', x1: gx, y1: y, x2: gx, y2: y + depth, width: HAIR, color: BLACK });
    }
  });
  return { items, height: depth };
}

/**
 * Stacks the page's children down the type area. Fixed and auto children are
 * measured first; `fill` children share the depth that is left. A child that
 * cannot fit gets what is left and reports its overset itself.
 */
export function layoutPage(ctx: LayoutContext, root: MarkupElement, width: number, height: number, articles: readonly string[]): Page {
  const area = ctx.area;
  const kids = root.children.filter(isElement);
  const gap = stackGap(ctx);
  const bottom = area.y + area.h;
  // 1. Measure the children that are not `fill`, at the full depth.
  const natural = kids.map((k) => {
    const h = heightOf(k);
    if (h === 'fill') return 0;
    if (typeof h === 'number') return h;
    return place({ ...ctx, warnings: [] }, k, area.x, area.y, area.columns, area.h, 'auto').height;
  });
  const fills = kids.filter((k) => heightOf(k) === 'fill').length;
  const gaps = gap * Math.max(0, kids.length - 1);
  const fixed = natural.reduce((a, b) => a + b, 0);
  const fillDepth = fills > 0 ? Math.max(0, (area.h - fixed - gaps) / fills) : 0;
  // 2. Place each child in turn, never past the foot of the type area.
  const items: FrameItem[] = [];
  let y = area.y;
  kids.forEach((k, i) => {
    const later = natural.slice(i + 1).reduce((a, b) => a + b, 0) + gap * (kids.length - 1 - i);
    const isFill = heightOf(k) === 'fill';
    const room = Math.max(0, bottom - y - (i < kids.length - 1 ? later : 0));
    const maxH = isFill ? Math.min(fillDepth, room) : room;
    const placed = place(ctx, k, area.x, y, area.columns, maxH, isFill ? 'fill' : 'auto');
    items.push(...placed.items);
    y += placed.height + gap;
    if (i < kids.length - 1 && (k.kind === 'story' || k.kind === 'row') && kids[i + 1]!.kind !== 'rule') {
      items.push({ kind: 'rule', x1: area.x, y1: y - gap / 2, x2: area.x + area.w, y2: y - gap / 2, width: HAIR, color: BLACK });
    }
  });
  return {
    number: ctx.pageNumber,
    ...(typeof root.attrs['section'] === 'string' && root.attrs['section'] ? { section: root.attrs['section'] as string } : {}),
    width,
    height,
    frame: { width, height, items },
    // The page's own stories, then any continued here from another page (placed by the composer, not in the markup).
    articles: [...articles, ...new Set(items.flatMap((i) => (i.kind === 'anchor' && !articles.includes(i.article) ? [i.article] : [])))],
  };
}
