// Page furniture: the masthead, the folio line and house promo boxes.
import type { FrameItem } from '../core/index.js';
import { BLACK } from '../core/index.js';
import type { MarkupElement } from '../template/index.js';
import { attr, textOf } from '../template/index.js';
import type { LayoutContext } from './context.js';
import { style } from './context.js';
import { spanWidth } from './geometry.js';
import { placeLines } from './text/emit.js';
import { setParagraph } from './text/paragraph.js';

export interface Placed {
  readonly items: FrameItem[];
  readonly height: number;
}

/** Heavy and hairline rule weights, points. */
const HEAVY = 2;
const HAIR = 0.5;

function hrule(x: number, y: number, w: number, weight: number): FrameItem {
  return { kind: 'rule', x1: x, y1: y, x2: x + w, y2: y, width: weight, color: BLACK };
}

/** One line of display text at the given alignment across `w`; returns runs and bottom. */
function textLine(ctx: LayoutContext, text: string, styleName: string, el: MarkupElement, x: number, top: number, w: number, align?: 'left' | 'right' | 'center') {
  const base = style(ctx, styleName, el.src);
  const s = align ? { ...base, align } : base;
  return placeLines(ctx, setParagraph(text, s, ctx.sheet, ctx.shaper, w), s, x, top, undefined, el.src);
}

/** The front-page title block: title (shrunk to the width if needed), tagline, then date · issue · price between rules. */
export function layoutMasthead(ctx: LayoutContext, el: MarkupElement, x: number, y: number, w: number): Placed {
  const items: FrameItem[] = [];
  const title = attr.str(el, 'title')!;
  let ts = style(ctx, 'masthead-title', el.src);
  let lines = setParagraph(title, ts, ctx.sheet, ctx.shaper, w);
  while (lines.length > 1 && ts.size > 24) {
    ts = { ...ts, size: ts.size * 0.95, leading: ts.leading * 0.95 };
    lines = setParagraph(title, ts, ctx.sheet, ctx.shaper, w);
  }
  const t = placeLines(ctx, lines, ts, x, y, undefined, el.src);
  items.push(...t.runs);
  let bottom = t.bottom + 2;
  const tagline = attr.str(el, 'tagline');
  if (tagline) {
    const tl = textLine(ctx, tagline, 'masthead-tagline', el, x, bottom + 2, w);
    items.push(...tl.runs);
    bottom = tl.bottom + 4;
  }
  items.push(hrule(x, bottom, w, HEAVY));
  const info = bottom + 5;
  let infoBottom = info;
  const put = (text: string | undefined, align: 'left' | 'center' | 'right') => {
    if (!text) return;
    const p = textLine(ctx, text, 'masthead-info', el, x, info, w, align);
    items.push(...p.runs);
    infoBottom = Math.max(infoBottom, p.bottom);
  };
  put(attr.str(el, 'date'), 'left');
  put(attr.str(el, 'issue'), 'center');
  put(attr.str(el, 'price'), 'right');
  items.push(hrule(x, infoBottom + 4, w, HAIR));
  return { items, height: infoBottom + 4 + HAIR - y };
}

/** The running line: page number at the outer edge, section · publication · date on the other side, a rule under. */
export function layoutFolio(ctx: LayoutContext, el: MarkupElement, x: number, y: number, w: number): Placed {
  const items: FrameItem[] = [];
  const number = attr.str(el, 'number')!;
  const odd = ctx.pageNumber % 2 === 1;
  const label = [attr.str(el, 'section'), attr.str(el, 'title'), attr.str(el, 'date')].filter(Boolean).join('  ·  ');
  const n = textLine(ctx, number, 'folio-number', el, x, y, w, odd ? 'right' : 'left');
  const l = textLine(ctx, label, 'folio', el, x, y + 1.5, w, odd ? 'left' : 'right');
  items.push(...n.runs, ...l.runs);
  const bottom = Math.max(n.bottom, l.bottom) + 3;
  items.push(hrule(x, bottom, w, HAIR));
  return { items, height: bottom + HAIR - y };
}

/** Padding inside a promo box, points. */
const PAD = 5;

/** A promo given more depth than this, points (about 7 cm), is set as a house advert: its type grows with its box. */
const HOUSE_AD_DEPTH = 200;

/**
 * A house promo: a red rule on top, a heading and its line, on a light tint. Given a deep box (the composer sizes
 * promos to the room copy leaves), it is set as a house advert: heading and text grow with the box — the heading to at
 * most a tenth of its depth and 48 pt, the text to at most 18 pt — and stand in the middle of it.
 */
export function layoutPromo(ctx: LayoutContext, el: MarkupElement, x: number, y: number, columns: number, height?: number): Placed {
  const w = spanWidth(ctx.area, columns);
  const inner = w - 2 * PAD;
  let hs = style(ctx, el.kind === 'promo' ? 'promo-heading' : 'kicker', el.src);
  let ts = style(ctx, 'promo-text', el.src);
  const heading = attr.str(el, 'heading') ?? '';
  const body = el.children.length ? el.children : textOf(el);
  const big = height !== undefined && height > HOUSE_AD_DEPTH;
  if (big) {
    const size = Math.min(48, height / 10, Math.max(hs.size, (inner / Math.max(1, heading.length)) * 1.6));
    hs = { ...hs, size, leading: size * 1.1 };
    const text = Math.min(18, Math.max(ts.size, size * 0.45));
    ts = { ...ts, size: text, leading: text * 1.2 };
  }
  const set = (top: number) => {
    const head = placeLines(ctx, setParagraph(heading, hs, ctx.sheet, ctx.shaper, inner), hs, x + PAD, top, undefined, el.src);
    const text = placeLines(ctx, setParagraph(body, ts, ctx.sheet, ctx.shaper, inner), ts, x + PAD, head.bottom + (big ? hs.size * 0.4 : 3), undefined, el.src);
    return { head, text };
  };
  let placed = set(y + PAD + 3);
  if (big) {
    // Centre the type in the box.
    const used = placed.text.bottom - (y + PAD + 3);
    placed = set(y + Math.max(PAD + 3, (height - used) / 2));
  }
  const h = Math.max(height ?? 0, placed.text.bottom + PAD - y);
  const tint = ctx.sheet.colors['tint'] ?? [0, 0, 0, 10];
  const red = ctx.sheet.colors['red'] ?? BLACK;
  return {
    items: [
      { kind: 'rect', x, y, w, h, fill: tint },
      { kind: 'rule', x1: x, y1: y + 1, x2: x + w, y2: y + 1, width: HEAVY, color: red },
      ...placed.head.runs,
      ...placed.text.runs,
    ],
    height: h,
  };
}
