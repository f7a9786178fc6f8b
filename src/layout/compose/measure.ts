// Story options for the composer, measured by really setting each variant with the story layout: every span, the
// headline styles its rank allows, standfirst on and off, the photo at its smallest (it can grow to fill).
import type { MarkupElement, MarkupNode } from '../../template/index.js';
import { attr, isElement, textOf } from '../../template/index.js';
import type { LayoutContext } from '../context.js';
import { spanWidth } from '../geometry.js';
import { layoutStory } from '../story.js';
import type { StoryOption } from './search.js';
import type { FlowUnit } from '../flow/columns.js';

/** A variant as the placement needs it back: the story element to lay out, and its photo's smallest height. */
export interface Variant {
  readonly el: MarkupElement;
  /** Photo height at `rows`, points (0 without a photo); each row more the module takes goes to the photo. */
  readonly photo: number;
  /** A continuation cut from the end (`trim: end`): the units it sets instead of all that came over. */
  readonly units?: readonly FlowUnit[];
}

export interface MeasuredStory {
  readonly options: StoryOption[];
  readonly variants: Variant[];
}

/** Body text that must run before a jump: 10 cm of its deepest leg. */
const JUMP_MIN_MM = 100;
/** Blocks `trim: end` always keeps: the intro and the next two paragraphs carry an inverted pyramid's news. */
const TRIM_KEEP = 3;
/** How many depths of cut `trim: end` offers, evenly from one paragraph to all it may cut. */
const TRIM_STEPS = 12;
/** Photo depth as a share of its width: from a wide 2:1 crop to a square one. */
const PHOTO_MIN = 0.5;
const PHOTO_MAX = 1;

/** The element with `changes` applied to its children (a shallow copy: untouched children keep their identity). */
function variantOf(el: MarkupElement, change: (c: MarkupElement) => MarkupElement | undefined): MarkupElement {
  const children: MarkupNode[] = [];
  for (const c of el.children) {
    if (!isElement(c)) children.push(c);
    else {
      const n = change(c);
      if (n) children.push(n);
    }
  }
  return { ...el, children };
}

/** A story of fewer body words than this is a brief: a brief's head, whatever its rank. */
export const BRIEF_WORDS = 100;

/**
 * The headline styles a story of this rank may take, from the page's scale (largest first): the lead the first, the
 * second story the second or third, every other the third — so headlines get smaller down the page by construction,
 * and none is larger than the page lead's.
 */
export function headlineStylesFor(rank: number, styles: readonly string[]): string[] {
  if (styles.length === 0) return [];
  const at = (i: number) => styles[Math.min(i, styles.length - 1)]!;
  if (rank === 0) return [at(0)];
  if (rank === 1) return [...new Set([at(1), at(2)])];
  return [at(2)];
}

/**
 * Measures every variant of a story for a hole of `columns` columns; with `pullQuotes` (a page short of copy), only
 * the variants with a pull quote from its own quotes, to add to those measured before (none when it has no quote).
 */
export function measureStory(ctx: LayoutContext, el: MarkupElement, rank: number, columns: number, headlineStyles: readonly string[], pullQuotes = false, briefStyle?: string): MeasuredStory {
  const quiet: LayoutContext = { ...ctx, warnings: [] };
  const grid = ctx.area.baseline;
  const options: StoryOption[] = [];
  const variants: Variant[] = [];
  const headline = el.children.find((c): c is MarkupElement => isElement(c) && c.kind === 'headline');
  const styles = !headline ? [''] : briefStyle ? [briefStyle] : headlineStylesFor(rank, headlineStyles.length ? headlineStyles : [attr.str(headline, 'style') ?? 'headline']);
  // The step of each style on the page's scale (a brief's head is the step below the scale's last).
  const stepOf = (hs: string) => (hs === briefStyle ? headlineStyles.length : Math.max(0, headlineStyles.indexOf(hs)));
  const hasStandfirst = el.children.some((c) => isElement(c) && c.kind === 'standfirst');
  const image = el.children.find((c): c is MarkupElement => isElement(c) && c.kind === 'image');
  const jumpRows = Math.ceil((JUMP_MIN_MM * 72) / 25.4 / grid);
  // The copy's own cut mark: the blocks after it may go, from the end — a third, two thirds or all of them.
  const body = el.children.find((c): c is MarkupElement => isElement(c) && c.kind === 'body');
  const blocks = body ? body.children.filter(isElement) : [];
  const mark = blocks.findIndex((b) => b.kind === 'cut');
  // `trim="end"` (the flatplan's `trim: end`, for an inverted pyramid): any whole paragraphs may go from the end, the
  // first TRIM_KEEP blocks always stay; else only what follows the copy's own cut mark.
  const trimEnd = attr.str(el, 'trim') === 'end';
  const cuttable = trimEnd ? Math.max(0, blocks.filter((b) => b.kind !== 'cut').length - TRIM_KEEP) : mark >= 0 ? blocks.length - mark - 1 : 0;
  // Every depth of cut from one paragraph to all it may cut, or TRIM_STEPS of them evenly spaced when there are more.
  const steps = Math.min(cuttable, TRIM_STEPS);
  const trims = [0, ...new Set(Array.from({ length: steps }, (_, i) => Math.round(((i + 1) * cuttable) / steps)))];
  const trimmedBody = (t: number): MarkupElement | undefined => {
    if (!body || t === 0) return body;
    const paras = blocks.filter((b) => b.kind !== 'cut');
    const keep = new Set(trimEnd ? paras.slice(0, paras.length - t) : blocks.slice(0, blocks.length - t));
    return { ...body, children: body.children.filter((c) => !isElement(c) || keep.has(c)) };
  };
  // A pull quote from the story's own quotes, for a story that would otherwise run short: the first quotation of
  // 40 to 160 characters in its paragraphs, set after its second paragraph.
  const quoted = pullQuotes ? pullQuoteOf(blocks) : undefined;
  const withPullQuote = (): MarkupElement | undefined => {
    if (!body || !quoted) return undefined;
    const after = blocks.filter((b) => b.kind === 'p')[1] ?? blocks[0]!;
    const children: MarkupNode[] = [];
    for (const c of body.children) {
      children.push(c);
      if (c === after) children.push({ kind: 'pullquote', attrs: {}, children: [{ kind: '#text', text: quoted.text }], src: quoted.src });
    }
    return { ...body, children };
  };
  for (let span = 1; span <= columns; span++) {
    const pw = spanWidth(ctx.area, Math.min(span, (image && attr.num(image, 'span')) || span));
    const photo = image ? Math.round((pw * PHOTO_MIN) / grid) * grid : 0;
    const grow = image ? Math.floor((pw * (PHOTO_MAX - PHOTO_MIN)) / grid) : 0;
    for (const hs of styles) {
      const combos = pullQuotes
        ? quoted
          ? [[true, 0, true] as const]
          : []
        : [...(hasStandfirst ? [true, false] : [true]).map((f) => [f, 0, false] as const), ...trims.slice(1).map((t) => [true, t, false] as const)];
      for (const [standfirst, trimmed, pull] of combos) {
        const cutBody = pull ? withPullQuote() : trimmedBody(trimmed);
        const v = variantOf(el, (c) => {
          if (c.kind === 'headline' && hs) return { ...c, attrs: { ...c.attrs, style: hs } };
          if (c.kind === 'standfirst' && !standfirst) return undefined;
          if (c.kind === 'image') return { ...c, attrs: { ...c.attrs, height: photo } };
          if (c.kind === 'body' && cutBody) return cutBody;
          return c;
        });
        const r = layoutStory(quiet, v, { x: ctx.area.x, y: ctx.area.y, columns: span, maxH: 1e6, mode: 'auto' });
        // A headline that needs more lines than its rank allows, even at its rank's least size, does not go this wide.
        if (r.headTooLong && span < columns) continue;
        const rows = Math.ceil(r.height / grid - 1e-6);
        const head = rows - r.legs;
        const size = hs ? (ctx.sheet.paragraph[hs]?.size ?? 0) : 0;
        options.push({
          span,
          rows,
          grow,
          trimmed,
          ...(pull ? { pullQuote: true } : {}),
          headline: size,
          step: hs ? stepOf(hs) : headlineStyles.length + 1,
          headRows: Math.ceil(r.headDepth / grid - 1e-6),
          bodySteps: r.bodySteps,
          legRows: r.legs,
          picture: image ? (photo / grid) * span : 0,
          headWhite: r.headWhite / (ctx.area.columnWidth * grid) + r.legWhite,
          // Run short here: at least 10 cm of body in its deepest leg first, and a line for the jump.
          jumpRows: head + jumpRows + 1,
        });
        variants.push({ el: v, photo });
      }
    }
  }
  return { options, variants };
}

/** A continuation's options: its jump head and the units left over, at every span. */
export function measureContinuation(ctx: LayoutContext, el: MarkupElement, resume: NonNullable<Parameters<typeof layoutStory>[2]['resume']>, columns: number, depths: readonly number[] = [], maxLeg?: number): MeasuredStory {
  const quiet: LayoutContext = { ...ctx, warnings: [] };
  const grid = ctx.area.baseline;
  const options: StoryOption[] = [];
  const variants: Variant[] = [];
  const size = ctx.sheet.paragraph['jump-head']?.size ?? 0;
  const measure = (span: number, cut: number, units: readonly FlowUnit[]) => {
    const r = layoutStory(quiet, el, { x: ctx.area.x, y: ctx.area.y, columns: span, maxH: 1e6, mode: 'auto', resume: { ...resume, units } });
    const rows = Math.ceil(r.height / grid - 1e-6);
    // A continuation jumps no further: what does not fit of it is overset.
    options.push({ span, rows, grow: 0, trimmed: cut, headline: size, headRows: Math.ceil(r.headDepth / grid - 1e-6), legRows: r.legs, picture: 0, jumpRows: rows - r.legs + Math.min(r.legs, 3), headWhite: r.headWhite / (ctx.area.columnWidth * grid) + r.legWhite });
    variants.push({ el, photo: 0, ...(cut > 0 ? { units } : {}) });
    return rows;
  };
  // A story the flatplan lets the composer cut from the end (`trim: end`) is cut here, on the page it continues on:
  // for each span and each depth the hole's columns run to, the fewest whole paragraphs from the end that bring it
  // within that depth (keeping at least one paragraph).
  const paras = [...new Set(resume.units.flatMap((u) => (u.kind === 'line' ? [u.para] : [])))];
  const lines = new Map<number, number>();
  for (const u of resume.units) if (u.kind === 'line') lines.set(u.para, (lines.get(u.para) ?? 0) + 1);
  const trim = attr.str(el, 'trim') === 'end' && paras.length > 1;
  for (let span = 1; span <= columns; span++) {
    const rows = measure(span, 0, resume.units);
    if (!trim) continue;
    const head = rows - options[options.length - 1]!.legRows;
    const tried = new Set<number>();
    // The depths the hole's columns run to, and the depth at which its legs reach the longest a reader is given.
    for (const depth of [...depths, ...(maxLeg !== undefined ? [head + maxLeg] : [])]) {
      if (depth >= rows || depth <= head) continue;
      // Lines the span holds at this depth, then the fewest paragraphs whose lines bring the rest within it.
      const room = (depth - head) * span;
      let left = [...lines.values()].reduce((a, b) => a + b, 0);
      let cut = 0;
      while (left > room && cut < paras.length - 1) left -= lines.get(paras[paras.length - 1 - cut++]!)!;
      // Columns balanced to the row, and kept lines, can need a paragraph more.
      for (let more = 0; more < 3 && cut + more < paras.length && !tried.has(cut + more); more++) {
        const k = cut + more;
        tried.add(k);
        if (k === 0) continue;
        if (measure(span, k, trimUnits(resume.units, new Set(paras.slice(paras.length - k)))) <= depth) break;
      }
    }
  }
  return { options, variants };
}

/** The units without the paragraphs in `gone`, and without anything (a gap, a figure) after the last kept line. */
function trimUnits(units: readonly FlowUnit[], gone: ReadonlySet<number>): FlowUnit[] {
  const kept = units.filter((u) => u.kind !== 'line' || !gone.has(u.para));
  let end = kept.length;
  while (end > 0 && kept[end - 1]!.kind !== 'line') end--;
  return kept.slice(0, end);
}

/** Curly or straight double quotation marks round 40 to 160 characters: words someone said, fit for a pull quote. */
const QUOTATION = /[“"]([^”"]{40,160})[”"]/u;

/** The first quotation in a story's paragraphs that makes a pull quote, with where it is; none when there is none. */
function pullQuoteOf(blocks: readonly MarkupElement[]): { text: string; src: MarkupElement['src'] } | undefined {
  for (const b of blocks) {
    if (b.kind !== 'p') continue;
    const m = QUOTATION.exec(textOf(b));
    if (m) return { text: `“${m[1]!.trim().replace(/[,.]$/, '')}”`, src: b.copy ?? b.src };
  }
  return undefined;
}
