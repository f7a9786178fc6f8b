// The page composer: a page's news hole filled with its stories round its adverts (docs/composer.md, "Composing a
// page"). Steps: the adverts take their corners; every story is measured in its variants; the search picks the
// arrangement; the modules, promos and rules are laid out where it put them; what jumps waits for its page.
import { createHash } from 'node:crypto';
import type { FrameItem, PageComposition } from '../../core/index.js';
import { BLACK } from '../../core/index.js';
import type { MarkupElement } from '../../template/index.js';
import { attr, isElement, textOf } from '../../template/index.js';
import type { LayoutContext } from '../context.js';
import { warn } from '../context.js';
import type { FlowUnit } from '../flow/columns.js';
import { layoutPromo, type Placed } from '../furniture.js';
import { spanWidth } from '../geometry.js';
import { layoutStory } from '../story.js';
import { placeAdverts } from './adverts.js';
import { measureContinuation, measureStory, type MeasuredStory } from './measure.js';
import { composeHole, type Composition, type HoleInput, type StoryInput } from './search.js';

/** What did not fit on its page, waiting for the page it jumps to. */
export interface Continuation {
  readonly article: string;
  readonly story: MarkupElement;
  readonly units: readonly FlowUnit[];
  readonly fromPage: number;
  readonly toPage: number;
}

/**
 * The edition's jumps, shared by its pages as they are laid out in order: where each page may send a story, and the
 * continuations waiting. `sections` and `composed` are per page (index 0 is page 1).
 */
export interface JumpDesk {
  readonly pending: Continuation[];
  readonly sections: readonly (string | undefined)[];
  readonly composed: readonly boolean[];
}


/**
 * Time spent measuring story variants and searching, in this process, milliseconds: for the benchmark
 * (bench/compose-case.mjs) only. Never written to any output, so builds stay byte-identical.
 */
export const composeTimes = { measureMs: 0, searchMs: 0, pages: 0 };

/** Rows a module and what is under it keep between them (white, with a hairline in it). */
const GAP_ROWS = 1;
/** A page whose stories at their largest fill less than this share of its hole is short of copy. */
const SHORT_COPY = 0.6;
/** A house promo needs room for its heading and a line of text: 8 rows (about 3 cm). */
const MIN_FILLER_ROWS = 8;
/** Words a line of body holds in a 48 mm column at 9/10.5 pt (the seed galley: 648 words on 103 lines). */
const WORDS_PER_LINE = 6.3;
/** Hairline between modules, points. */
const HAIR = 0.5;

/** The page a story may jump to from `page`: its `continue-on`, else the next composed page of the same section. */
function jumpTarget(desk: JumpDesk, page: number, el: MarkupElement): number | undefined {
  const asked = attr.num(el, 'continue-on');
  if (asked !== undefined) return asked;
  const section = desk.sections[page - 1];
  for (let p = page + 1; p <= desk.sections.length; p++) if (desk.composed[p - 1] && desk.sections[p - 1] === section) return p;
  return undefined;
}

/**
 * Composes `<compose>` in the box from `y` to `y + maxH` across the type area: adverts, stories, promos. Continuations
 * for this page are taken from `ctx.jumps`, and stories that jump leave theirs there.
 */
export function layoutCompose(ctx: LayoutContext, el: MarkupElement, y: number, maxH: number): Placed & { composition: PageComposition } {
  const area = ctx.area;
  const grid = area.baseline;
  const items: FrameItem[] = [];
  const desk = ctx.jumps;
  // 1. The hole's top on the baseline grid, so modules measured at the type area's top set the same anywhere in it.
  const top = area.y + Math.ceil((y - area.y) / grid - 1e-6) * grid;
  const foot = y + maxH;
  // 2. The adverts take their corners; the hole is what each column has left above them.
  const ads = placeAdverts(ctx, el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'advert'), top, foot);
  items.push(...ads.items);
  const hole: HoleInput = {
    rows: ads.holeFoot.map((f) => Math.max(0, Math.floor((f - ads.holeTop) / grid + 1e-6))),
    gap: GAP_ROWS,
    minLeg: Math.ceil(mmToPt(40) / grid),
    maxLeg: Math.floor(mmToPt(250) / grid),
    minFiller: MIN_FILLER_ROWS,
    // The lead spans at least three of five columns (three fifths of the page), as a lead does.
    leadSpan: Math.ceil(area.columns * 0.6),
  };
  // 3. Every story measured in its variants, then this page's continuations, last in priority.
  const stories = el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'story');
  const styles = (attr.str(el, 'headlines') ?? '').split(/[\s,]+/).filter(Boolean);
  const measuring = performance.now();
  const measured: MeasuredStory[] = [];
  const inputs: StoryInput[] = [];
  const targets: (number | undefined)[] = [];
  stories.forEach((s, rank) => {
    const to = desk ? jumpTarget(desk, ctx.pageNumber, s) : undefined;
    targets.push(to);
    const m = remembered(ctx, ['measure', s, rank, area.columns, styles, ctx.pageNumber, ctx.area], () => measureStory(ctx, s, rank, area.columns, styles));
    measured.push(m);
    inputs.push({ id: attr.str(s, 'article')!, options: m.options, jumpable: to !== undefined, jumpAsked: attr.num(s, 'continue-on') !== undefined });
  });
  // A page short of copy — its stories at their largest (photos grown) fill under SHORT_COPY of the hole — also tries
  // each story with a pull quote from its own quotes, before house promos take the rest.
  const holeArea = ads.holeFoot.reduce((a, f) => a + Math.max(0, Math.floor((f - ads.holeTop) / grid + 1e-6)), 0);
  const largest = measured.reduce((a, m) => a + Math.max(0, ...m.options.map((o) => o.span * (o.rows + o.grow))), 0);
  if (stories.length > 0 && largest < SHORT_COPY * holeArea) {
    stories.forEach((s, rank) => {
      const pq = remembered(ctx, ['pull quotes', s, rank, area.columns, styles, ctx.pageNumber, ctx.area], () => measureStory(ctx, s, rank, area.columns, styles, true));
      const m = measured[rank]!;
      measured[rank] = { options: [...m.options, ...pq.options], variants: [...m.variants, ...pq.variants] };
      inputs[rank] = { ...inputs[rank]!, options: measured[rank]!.options };
    });
  }
  const incoming = desk ? desk.pending.filter((c) => c.toPage === ctx.pageNumber) : [];
  for (const c of incoming) {
    desk!.pending.splice(desk!.pending.indexOf(c), 1);
    const m = measureContinuation(ctx, c.story, { units: c.units, fromPage: c.fromPage }, area.columns);
    measured.push(m);
    inputs.push({ id: c.article, options: m.options });
    targets.push(undefined);
  }
  composeTimes.measureMs += performance.now() - measuring;
  const holeRows = hole.rows.reduce((a, b) => a + b, 0);
  // A column-row of the grid in cm²: a column's width by a row's depth.
  const cellCm2 = ((area.columnWidth * 2.54) / 72) * ((grid * 2.54) / 72);
  const report: PageComposition = { page: ctx.pageNumber, placed: [], jumped: [], continued: [], trimmed: [], holeRows, promoRows: 0, whiteRows: 0, holeCm2: holeRows * cellCm2, largestWhiteCm2: 0, adverts: ads.names, faults: [] };
  // 4. The search.
  if (inputs.length > 0 && hole.rows.every((r) => r < hole.minLeg)) {
    ctx.warnings.push({
      severity: 'error',
      code: 'compose/no-hole',
      message: `page ${ctx.pageNumber}: its adverts leave no news hole, but it lists ${inputs.map((i) => i.id).join(', ')}`,
      span: el.src,
      hints: ['move the stories to another page, or book fewer or smaller adverts here'],
    });
    return { items, height: maxH, composition: report };
  }
  const searching = performance.now();
  const comp = remembered(ctx, ['search', inputs, hole], () => composeHole(inputs, hole));
  composeTimes.searchMs += performance.now() - searching;
  composeTimes.pages++;
  if (!comp) {
    const names = inputs.map((s) => s.id).join(', ');
    ctx.warnings.push({
      severity: 'error',
      code: 'compose/no-fit',
      message: `page ${ctx.pageNumber}: the stories ${names} cannot all be placed in its news hole${ads.names.length ? ` round its ${ads.names.length} advert${ads.names.length === 1 ? '' : 's'}` : ''}`,
      span: el.src,
      hints: ['move a story to another page, give a long one a continue-on page, or book fewer adverts here'],
    });
    return { items, height: maxH, composition: report };
  }
  // 5. Lay out the modules where the search put them.
  const xOf = (col: number) => area.x + col * (area.columnWidth + area.gutter);
  const yOf = (row: number) => ads.holeTop + row * grid;
  const placed: string[] = [];
  const jumped: { article: string; to: number }[] = [];
  const continued: { article: string; from: number }[] = [];
  const trimmed: { article: string; blocks: number }[] = [];
  for (const p of comp.placements) {
    const m = measured[p.story]!;
    const option = m.options[p.option]!;
    const variant = m.variants[p.option]!;
    const isContinuation = p.story >= stories.length;
    const cont = isContinuation ? incoming[p.story - stories.length]! : undefined;
    // Rows the module takes beyond its measure go to its photo.
    const extra = Math.max(0, Math.min(p.rows - option.rows, option.grow)) * grid;
    const storyEl = variant.photo > 0 && extra > 0 ? withPhotoHeight(variant.el, variant.photo + extra) : variant.el;
    const to = p.jumps ? targets[p.story] : undefined;
    const r = layoutStory(ctx, storyEl, {
      x: xOf(p.col),
      y: yOf(p.row),
      columns: p.span,
      maxH: p.rows * grid,
      mode: 'fill',
      ...(to !== undefined ? { jumpTo: to } : {}),
      ...(cont ? { resume: { units: cont.units, fromPage: cont.fromPage } } : {}),
    });
    items.push(...r.items);
    const id = inputs[p.story]!.id;
    if (cont) continued.push({ article: id, from: cont.fromPage });
    else placed.push(id);
    if (to !== undefined && r.overset.length > 0) {
      desk!.pending.push({ article: id, story: storyEl, units: r.overset, fromPage: ctx.pageNumber, toPage: to });
      jumped.push({ article: id, to });
    }
    if (option.trimmed > 0) {
      trimmed.push({ article: id, blocks: option.trimmed });
      warn(ctx, 'compose/trimmed', `story ${id} cut by ${option.trimmed} paragraph${option.trimmed === 1 ? '' : 's'} at the copy's cut mark to fit page ${ctx.pageNumber}`, storyEl.copy ?? storyEl.src);
    }
  }
  // 6. Promos sized to what copy could not fill, and the white the search could not avoid, each reported.
  const promos = el.children.filter((c): c is MarkupElement => isElement(c) && c.kind === 'promo');
  let promoRows = 0;
  let whiteRows = 0;
  let largestWhite = 0;
  comp.fillers.forEach((f, i) => {
    if (f.white || promos.length === 0) {
      whiteRows += f.rows * f.span;
      largestWhite = Math.max(largestWhite, f.rows * f.span * cellCm2);
      if (f.rows > 1) warn(ctx, 'compose/white', `page ${ctx.pageNumber}: ${cm(f.rows * grid)} cm of white across ${f.span} column${f.span === 1 ? '' : 's'} that neither copy nor a promo fits`, el.src);
      return;
    }
    const promo = promos[i % promos.length]!;
    items.push(...layoutPromo(ctx, promo, xOf(f.col), yOf(f.row), f.span, f.rows * grid).items);
    promoRows += f.rows * f.span;
    const words = Math.round(f.rows * f.span * WORDS_PER_LINE);
    // A page booked with no stories (a house-advert page) is meant to be promos.
    if (inputs.length === 0) return;
    warn(ctx, 'compose/promo', `page ${ctx.pageNumber}: a house promo (“${attr.str(promo, 'heading') ?? textOf(promo)}”) fills ${cm(f.rows * grid)} cm × ${f.span} column${f.span === 1 ? '' : 's'} the copy left: about ${words} more words would fill it`, el.src, ['add copy to a story on the page, or a story from the overmatter']);
  });
  // 7. Hairlines: under each module with something below it, and in the gutter beside it.
  items.push(...rules(comp, hole, xOf, yOf, ctx, ads.holeFoot));
  const report2: PageComposition = { ...report, placed, jumped, continued, trimmed, promoRows, whiteRows, largestWhiteCm2: largestWhite, faults: comp.faults };
  return { items, height: maxH, composition: report2 };
}

const mmToPt = (mm: number) => (mm * 72) / 25.4;
const cm = (pt: number) => ((pt * 25.4) / 72 / 10).toFixed(1);

function withPhotoHeight(el: MarkupElement, height: number): MarkupElement {
  return { ...el, children: el.children.map((c) => (isElement(c) && c.kind === 'image' ? { ...c, attrs: { ...c.attrs, height } } : c)) };
}

/** Hairlines in the gap under every module or promo that has something below it, and down the gutter to its right. */
function rules(comp: Composition, hole: HoleInput, xOf: (c: number) => number, yOf: (r: number) => number, ctx: LayoutContext, feet: readonly number[]): FrameItem[] {
  const out: FrameItem[] = [];
  const area = ctx.area;
  const boxes = [...comp.placements, ...comp.fillers.filter((f) => !f.white)];
  for (const b of boxes) {
    const x = xOf(b.col);
    const w = spanWidth(area, b.span);
    const bottom = b.row + b.rows;
    const below = boxes.some((o) => o !== b && o.row >= bottom && o.col < b.col + b.span && o.col + o.span > b.col);
    if (below) {
      const yy = yOf(bottom) + (hole.gap * area.baseline) / 2;
      out.push({ kind: 'rule', x1: x, y1: yy, x2: x + w, y2: yy, width: HAIR, color: BLACK });
    }
    if (b.col + b.span < hole.rows.length) {
      const gx = x + w + area.gutter / 2;
      out.push({ kind: 'rule', x1: gx, y1: yOf(b.row), x2: gx, y2: Math.min(yOf(bottom), feet[b.col + b.span - 1]!), width: HAIR, color: BLACK });
    }
  }
  return out;
}

export type { PageComposition };

/** The largest number of results kept in a memo between layouts (oldest dropped first). */
const MEMO_KEPT = 2000;

/**
 * `make()`, or what it gave before for the same `key` parts in this edition's memo (LayoutContext.memo): measuring
 * and searching are pure functions of their inputs, so an unchanged story is not measured again, nor an unchanged
 * page searched again, when the preview lays the edition out after a save. Without a memo, `make()`.
 */
function remembered<T>(ctx: LayoutContext, key: readonly unknown[], make: () => T): T {
  if (!ctx.memo) return make();
  const k = createHash('sha1').update(JSON.stringify(key)).digest('hex');
  if (ctx.memo.has(k)) return ctx.memo.get(k) as T;
  const v = make();
  ctx.memo.set(k, v);
  if (ctx.memo.size > MEMO_KEPT) ctx.memo.delete(ctx.memo.keys().next().value!);
  return v;
}
