// News in brief: a page's briefs (stories of under BRIEF_WORDS words) grouped in one module under a label — "News in
// brief", or the section's — each with its brief-sized head, a hairline between them (docs/composer.md, "Briefs").
// The group is one module to the search: a column (or two) as deep as its briefs, placed after the page's other stories
// in priority order, so its small heads never sit above a larger one in the same columns.
import type { FrameItem, Span } from '../../core/index.js';
import { BLACK } from '../../core/index.js';
import type { MarkupElement } from '../../template/index.js';
import { attr } from '../../template/index.js';
import type { LayoutContext } from '../context.js';
import { style } from '../context.js';
import { spanWidth } from '../geometry.js';
import { layoutStory } from '../story.js';
import { placeLines } from '../text/emit.js';
import { setParagraph } from '../text/paragraph.js';
import type { MeasuredStory, Variant } from './measure.js';
import type { StoryOption } from './search.js';

/** Widest a group of briefs is set: one column, or two when the briefs are many. */
const MAX_SPAN = 2;
/** Rows between two briefs (white, with a hairline in it). */
const GAP_ROWS = 1;
/** Hairline between briefs, points. */
const HAIR = 0.5;
/** The label's style in the template set's sheet; a kicker's when the sheet has none. */
const LABEL_STYLE = 'briefs-label';

/** A group of briefs as the search and the placement see it. */
export interface BriefGroup {
  readonly label: string;
  /** The briefs' story elements, in priority order. */
  readonly members: readonly MarkupElement[];
  /** Each member's variant to set at each span (index span − 1), from its own measuring. */
  readonly variants: readonly (readonly Variant[])[];
  /** The group's options, one a span, and a variant each (the first brief's, for the index only). */
  readonly measured: MeasuredStory;
}

/** Rows the label takes: its line and a rule under it, on the grid. */
function labelRows(ctx: LayoutContext, label: string, w: number, src: Span): number {
  const s = labelStyle(ctx, src);
  const lines = setParagraph(label, s, ctx.sheet, ctx.shaper, w);
  return Math.ceil((lines.length * s.leading + 4) / ctx.area.baseline - 1e-6);
}

const labelStyle = (ctx: LayoutContext, src: Span) => style(ctx, ctx.sheet.paragraph[LABEL_STYLE] ? LABEL_STYLE : 'kicker', src);

/**
 * The group of `briefs` (each measured with its brief-sized head) under `label`: an option for each span from one to
 * MAX_SPAN (two only for four briefs or more), as deep as the label and every brief at that span with a row between.
 */
export function groupBriefs(ctx: LayoutContext, label: string, briefs: readonly { el: MarkupElement; m: MeasuredStory }[], src: Span): BriefGroup {
  const options: StoryOption[] = [];
  const variants: Variant[] = [];
  const perSpan: Variant[][] = briefs.map(() => []);
  const spans = briefs.length >= 4 ? MAX_SPAN : 1;
  for (let span = 1; span <= spans; span++) {
    let rows = labelRows(ctx, label, spanWidth(ctx.area, span), src);
    briefs.forEach((b, i) => {
      // The brief's shallowest setting at this span.
      let best = -1;
      b.m.options.forEach((o, k) => {
        if (o.span === span && o.trimmed === 0 && !o.pullQuote && (best < 0 || o.rows < b.m.options[best]!.rows)) best = k;
      });
      if (best < 0) throw new Error(`brief ${attr.str(b.el, 'article')} has no option ${span} column${span === 1 ? '' : 's'} wide`);
      rows += b.m.options[best]!.rows + (i > 0 ? GAP_ROWS : 0);
      perSpan[i]!.push(b.m.variants[best]!);
    });
    // A brief's head is the scale's last step; the group counts as one leg as deep as itself, whatever its briefs' legs.
    options.push({ span, rows, grow: 0, trimmed: 0, headline: 0, legRows: rows, picture: 0 });
    variants.push(perSpan[0]![span - 1]!);
  }
  return { label, members: briefs.map((b) => b.el), variants: perSpan, measured: { options, variants } };
}

/**
 * Sets the group in its module: the label and its rule, then each brief in turn, a hairline between. The label's
 * ground belongs to the first brief's zone in the e-edition (an anchor), so it is never taken for a filler.
 */
export function layoutBriefs(ctx: LayoutContext, g: BriefGroup, x: number, y: number, span: number, src: Span): FrameItem[] {
  const items: FrameItem[] = [];
  const grid = ctx.area.baseline;
  const w = spanWidth(ctx.area, span);
  const s = labelStyle(ctx, src);
  const lines = setParagraph(g.label, s, ctx.sheet, ctx.shaper, w);
  const placed = placeLines(ctx, lines, s, x, y, undefined, src);
  items.push(...placed.runs);
  const rows = labelRows(ctx, g.label, w, src);
  items.push({ kind: 'rule', x1: x, y1: placed.bottom + 2, x2: x + w, y2: placed.bottom + 2, width: 1, color: BLACK });
  items.push({ kind: 'anchor', article: attr.str(g.members[0]!, 'article')!, x, y, w, h: rows * grid });
  let top = y + rows * grid;
  g.members.forEach((_, i) => {
    const v = g.variants[i]![span - 1]!;
    if (i > 0) {
      const yy = top + (GAP_ROWS * grid) / 2;
      items.push({ kind: 'rule', x1: x, y1: yy, x2: x + w, y2: yy, width: HAIR, color: BLACK });
      top += GAP_ROWS * grid;
    }
    const r = layoutStory(ctx, v.el, { x, y: top, columns: span, maxH: 1e6, mode: 'auto' });
    items.push(...r.items);
    top += Math.ceil(r.height / grid - 1e-6) * grid;
  });
  return items;
}
