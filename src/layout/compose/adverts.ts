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
 * Places the adverts between `top` and `foot` of the type area. Foot adverts go side by side along the foot from the
 * page's outer edge inwards, deepest first (`outer` and `inner` pin one to that edge); top adverts go side by side
 * across the top. Adverts that do not fit together, or leave no room, are errors that name the advert and its booking.
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
    ctx.warnings.push({ severity: 'error', code: 'compose/advert', message: `advert ${attr.str(ad, 'file')} (${booking(ad)}): ${message}`, span: ad.src, hints: [hint] });
  };
  const draw = (ad: MarkupElement, col: number, y: number) => {
    const span = attr.num(ad, 'span')!;
    const file = attr.str(ad, 'file')!;
    const url = attr.str(ad, 'url');
    const name = attr.str(ad, 'name') ?? basename(file);
    items.push({ kind: 'advert', x: xOf(col), y, w: spanWidth(area, span), h: attr.num(ad, 'depth')!, file, name, ...(url ? { url } : {}) });
    names.push(name);
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
  // 2. Foot adverts: `outer` first at the outer edge, then the rest deepest first, then `inner` at the inner edge.
  const feet = valid.filter((a) => attr.str(a, 'position') !== 'top');
  const depthOf = (a: MarkupElement) => attr.num(a, 'depth')!;
  const rank = (a: MarkupElement) => (attr.str(a, 'position') === 'outer' ? 0 : attr.str(a, 'position') === 'inner' ? 2 : 1);
  const order = feet.map((a, i) => ({ a, i })).sort((p, q) => rank(p.a) - rank(q.a) || depthOf(q.a) - depthOf(p.a) || p.i - q.i);
  let taken = 0;
  for (const { a: ad } of order) {
    const span = attr.num(ad, 'span')!;
    const depth = depthOf(ad);
    if (taken + span > cols) {
      fail(ad, `the foot adverts together take more than the page's ${cols} columns`, 'move one to another page, or book it narrower');
      continue;
    }
    if (depth > foot - holeTop - grid) {
      fail(ad, `deeper than the ${(((foot - holeTop) * 25.4) / 72 / 10).toFixed(1)} cm the page has under its head`, 'book it shallower, or on a page without a masthead');
      continue;
    }
    // From the outer edge inwards (an `inner` advert takes the innermost free columns).
    const fromOuter = attr.str(ad, 'position') === 'inner' ? cols - taken - span : taken;
    const col = outerRight ? cols - fromOuter - span : fromOuter;
    draw(ad, col, foot - depth);
    for (let c = col; c < col + span; c++) holeFoot[c] = foot - depth - grid;
    const ruleY = foot - depth - grid / 2;
    items.push({ kind: 'rule', x1: xOf(col), y1: ruleY, x2: xOf(col) + spanWidth(area, span), y2: ruleY, width: HAIR, color: BLACK });
    taken += span;
  }
  return { items, holeTop, holeFoot, names };
}
