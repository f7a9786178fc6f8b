// Booked adverts on a composed page: they take their corners first — along the foot in the usual pyramid, deepest at
// the outer edge, or across the top — and the news hole is what every column has left, a white row and a hairline
// away from them.
import type { FrameItem } from '../../core/index.js';
import { BLACK } from '../../core/index.js';
import type { MarkupElement } from '../../template/index.js';
import { attr } from '../../template/index.js';
import type { LayoutContext } from '../context.js';
import { spanWidth } from '../geometry.js';

export interface AdvertLayout {
  readonly items: FrameItem[];
  /** The hole's top (below any top adverts) and, per column, its foot (above any foot advert and its gap). */
  readonly holeTop: number;
  readonly holeFoot: number[];
  /** The adverts placed, by name. */
  readonly names: string[];
}

const HAIR = 0.5;
const basename = (f: string) => f.replace(/^.*[\\/]/, '');

/**
 * Places the adverts between `top` and `foot` of the type area: foot adverts in a pyramid from the outer edge (below),
 * top adverts side by side across the top. Adverts that do not fit together, or leave no room, are errors that name
 * the advert and its booking.
 */
export function placeAdverts(ctx: LayoutContext, ads: readonly MarkupElement[], top: number, foot: number): AdvertLayout {
  const area = ctx.area;
  const grid = area.baseline;
  const cols = area.columns;
  const xOf = (col: number) => area.x + col * (area.columnWidth + area.gutter);
  // Odd pages are right-hand pages: their outer edge is on the right.
  const outerRight = ctx.pageNumber % 2 === 1;
  const items: FrameItem[] = [];
  const names: string[] = [];
  const holeFoot = new Array<number>(cols).fill(foot);
  let holeTop = top;
  const booking = (ad: MarkupElement) => `${attr.num(ad, 'span')} × ${((attr.num(ad, 'depth')! * 25.4) / 72 / 10).toFixed(1)} cm`;
  const fail = (ad: MarkupElement, message: string, hint: string) => {
    ctx.warnings.push({ severity: 'error', code: 'compose/advert', message: `advert ${attr.str(ad, 'file')} (${booking(ad)}): ${message}`, span: ad.copy ?? ad.src, hints: [hint] });
  };
  const draw = (ad: MarkupElement, col: number, y: number) => {
    items.push(...advertItems(ctx, ad, xOf(col), y));
    names.push(advertName(ad));
  };
  const valid = ads.filter((ad) => {
    const span = attr.num(ad, 'span')!;
    if (span < 1 || span > cols) {
      fail(ad, `${span} columns on a page of ${cols}`, `book between 1 and ${cols} columns`);
      return false;
    }
    return true;
  });
  // 1. Top adverts, side by side from the inner edge; the hole starts a white row below the deepest.
  const tops = valid.filter((a) => attr.str(a, 'position') === 'top');
  let used = 0;
  let topDepth = 0;
  for (const ad of tops) {
    const span = attr.num(ad, 'span')!;
    if (used + span > cols) {
      fail(ad, `the top adverts together take more than the page's ${cols} columns`, 'move one to the foot or to another page');
      continue;
    }
    const col = outerRight ? used : cols - used - span;
    draw(ad, col, top);
    used += span;
    topDepth = Math.max(topDepth, attr.num(ad, 'depth')!);
  }
  if (topDepth > 0) {
    holeTop = area.y + Math.ceil((top + topDepth + grid - area.y) / grid - 1e-6) * grid;
    items.push({ kind: 'rule', x1: area.x, y1: holeTop - grid / 2, x2: area.x + area.w, y2: holeTop - grid / 2, width: HAIR, color: BLACK });
  }
  // 2. Foot adverts in the usual pyramid: deepest first, each on the lowest flat ledge it fits (the page's foot, or
  //    the top of adverts already placed), outermost among those — so the deepest sit at the outer edge and
  //    shallower ones stack inwards and upwards. `outer` and `inner` pin an advert to that edge.
  const feet = valid.filter((a) => attr.str(a, 'position') !== 'top');
  const depthOf = (a: MarkupElement) => attr.num(a, 'depth')!;
  const order = feet.map((a, i) => ({ a, i })).sort((p, q) => depthOf(q.a) - depthOf(p.a) || attr.num(q.a, 'span')! - attr.num(p.a, 'span')! || p.i - q.i);
  // Column c counted from the outer edge is page column outerCol(c).
  const outerCol = (c: number) => (outerRight ? cols - 1 - c : c);
  const ledge = new Array<number>(cols).fill(foot); // by column counted from the outer edge
  for (const { a: ad } of order) {
    const span = attr.num(ad, 'span')!;
    const depth = depthOf(ad);
    const position = attr.str(ad, 'position') ?? 'foot';
    let best: { from: number; level: number } | undefined;
    for (let from = 0; from + span <= cols; from++) {
      if (position === 'outer' && from !== 0) continue;
      const level = ledge[from]!;
      if (ledge.slice(from, from + span).some((l) => l !== level)) continue;
      if (level - depth < holeTop + grid) continue;
      // The lowest ledge wins; among equals the outermost (or, for `inner`, the innermost).
      if (!best || level > best.level || (level === best.level && position === 'inner')) best = { from, level };
    }
    if (!best) {
      fail(ad, `it does not fit on the page with the other adverts booked there (${cols} columns, ${(((foot - holeTop) * 25.4) / 72 / 10).toFixed(1)} cm under the page's head)`, 'move an advert to another page, or book it smaller');
      continue;
    }
    const y0 = best.level - depth;
    const col = Math.min(...Array.from({ length: span }, (_, k) => outerCol(best!.from + k)));
    draw(ad, col, y0);
    for (let k = best.from; k < best.from + span; k++) ledge[k] = y0 - grid;
    const ruleY = y0 - grid / 2;
    items.push({ kind: 'rule', x1: xOf(col), y1: ruleY, x2: xOf(col) + spanWidth(area, span), y2: ruleY, width: HAIR, color: BLACK });
  }
  for (let c = 0; c < cols; c++) holeFoot[outerCol(c)] = ledge[c] === foot ? foot : ledge[c]!;
  return { items, holeTop, holeFoot, names };
}

/** An advert's name for its zone: its `name`, else its file's. */
export const advertName = (ad: MarkupElement): string => attr.str(ad, 'name') ?? basename(attr.str(ad, 'file')!);

/**
 * What an advert element (a booked `advert`, or a `house-advert` the composer places as filler) draws at (x, y): its
 * zone, and for an image advert the picture under it, placed whole (the build checked its shape) as a photo is, so it
 * prints through the same conversion to the press's colours.
 */
export function advertItems(ctx: LayoutContext, ad: MarkupElement, x: number, y: number): FrameItem[] {
  const file = attr.str(ad, 'file')!;
  const url = attr.str(ad, 'url');
  const name = advertName(ad);
  const box = { x, y, w: spanWidth(ctx.area, attr.num(ad, 'span')!), h: attr.num(ad, 'depth')! };
  const img = ctx.images.get(file);
  const house = ad.kind === 'house-advert';
  return [
    ...(img ? [{ kind: 'image' as const, ...box, image: img.id, crop: { left: 0, top: 0, width: img.widthPx, height: img.heightPx }, alt: `${house ? 'House advertisement' : 'Advertisement'}: ${name}` }] : []),
    { kind: 'advert', ...box, file, name, pdf: !img, ...(url ? { url } : {}), ...(house ? { house: true } : {}) },
  ];
}
