// A story's module: kicker, headline across its columns, standfirst, lead photo, then byline and body flowing column to column on the baseline grid.
import type { ArticleTag, FrameItem, ParagraphStyle, Span } from '../core/index.js';
import { BLACK, formatSpan } from '../core/index.js';
import type { MarkupElement, MarkupNode } from '../template/index.js';
import { attr, isElement, textOf } from '../template/index.js';
import type { LayoutContext } from './context.js';
import { style, warn } from './context.js';
import { spanWidth } from './geometry.js';
import { flowColumns, type FlowUnit, type LineUnit } from './flow/columns.js';
import { captionHeight, drawPicture, pictureHeight, type PictureSpec } from './flow/picture.js';
import { capHeight, descent, lineFindings, lineRuns, placeLines, readWithLeadIn } from './text/emit.js';
import { faceFor, setParagraph } from './text/paragraph.js';
import { hyphenLadders, placeRun } from './text/set-lines.js';
import type { SetLine } from './text/set-lines.js';

export interface StoryBox {
  readonly x: number;
  readonly y: number;
  /** Columns the story spans. */
  readonly columns: number;
  /** Height available. */
  readonly maxH: number;
  /** `fill` takes all of maxH; `auto` takes what the text needs. */
  readonly mode: 'fill' | 'auto';
  /**
   * The story jumps: its columns are filled in turn (not balanced), the last ends with a line sending the reader to
   * this page, and what does not fit comes back in `StoryResult.overset` for the continuation.
   */
  readonly jumpTo?: number;
  /**
   * A continuation: instead of the story's head and body, a jump head (the headline in the `jump-head` style), a line
   * saying where it came from, and these units — what did not fit on that page.
   */
  readonly resume?: { readonly units: readonly FlowUnit[]; readonly fromPage: number };
  /**
   * A module stepped round the advert stack: where each of its columns ends (page y, points), the deepest being
   * `y + maxH`. Its head and photo go across the top; its legs above an advert stop at the advert's line.
   */
  readonly feet?: readonly number[];
}

export interface StoryResult {
  readonly items: FrameItem[];
  readonly height: number;
  /** Body depth, grid steps (the deepest leg), and the units that did not fit (empty when all of it shows). */
  readonly legs: number;
  readonly overset: readonly FlowUnit[];
  /** White beside the headline's and standfirst's lines (what they leave of the measure, by their leading), points². */
  readonly headWhite: number;
  /** Rows of white at the foot of legs shorter than the deepest, beyond two rows a leg (column-rows). */
  readonly legWhite: number;
  /** The headline needs more lines than it may have even at its least size on the scale: a measure too narrow for it. */
  readonly headTooLong?: boolean;
  /** From the module's top to the foot of its headline (or jump head), points: where a headline beside it would butt. */
  readonly headDepth: number;
  /** Grid steps the body takes over all its legs (lines, crossheads' space, figures): what a stepped module must hold. */
  readonly bodySteps: number;
}

/** Word spaces more than this many times natural are reported as a loose line. */
const LOOSE_WARNING = 2;

/** Block numbers within an article, for tags: furniture first, body blocks from BODY_BASE. */
const BLOCK = { kicker: 0, headline: 1, standfirst: 2, byline: 3, image: 4 } as const;
const BODY_BASE = 10;
/** Space between the parts of a story's head, points. */
const HEAD_GAP = 6;
/** Smallest headline size the fitter goes to, as a fraction of the style's size. */
const MIN_HEADLINE_SCALE = 0.5;
/** Each fitting step shrinks the headline by this factor (about a point at 18 pt). */
const HEADLINE_STEP = 0.95;
/** Largest size a headline grows to to fill its measure, as a multiple of its style's size. */
const HEADLINE_GROW = 1.5;

function child(el: MarkupElement, kind: string): MarkupElement | undefined {
  return el.children.find((c): c is MarkupElement => isElement(c) && c.kind === kind);
}

function pictureOf(el: MarkupElement): PictureSpec {
  const num = (name: string) => {
    const v = Number(attr.str(el, name) ?? '0.5');
    return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5;
  };
  const opt = (name: string) => attr.str(el, name) || undefined;
  return {
    file: attr.str(el, 'file')!,
    caption: opt('caption'),
    credit: opt('credit'),
    alt: opt('alt') ?? opt('caption'),
    focus: { x: num('focus-x'), y: num('focus-y') },
    src: el.copy ?? el.src,
  };
}

/**
 * Sets the headline, shrinking it step by step until it takes at most `max-lines` lines and no word has to be broken
 * for being wider than the measure (a long word is set smaller rather than split, down to the smallest size).
 */
function fitHeadline(ctx: LayoutContext, el: MarkupElement, w: number): { lines: SetLine[]; style: ParagraphStyle; tooLong?: boolean } {
  const base = style(ctx, attr.str(el, 'style') ?? 'headline', el.src);
  const maxLines = attr.num(el, 'max-lines') ?? 3;
  let s = base;
  // Headline lines are balanced: no last line of one short word.
  let lines = setParagraph(el.children, s, ctx.sheet, ctx.shaper, w, { balance: true });
  // A headline on the scale shrinks no further than its rank's least size; any other, to half its size.
  const canShrink = () => (base.minSize !== undefined ? s.size * HEADLINE_STEP >= base.minSize - 1e-6 : s.size > base.size * MIN_HEADLINE_SCALE);
  while ((lines.length > maxLines || lines.some((l) => l.overfull > 0 || l.emergency)) && canShrink()) {
    const size = s.size * HEADLINE_STEP;
    s = { ...base, size, leading: base.leading * (size / base.size) };
    lines = setParagraph(el.children, s, ctx.sheet, ctx.shaper, w, { balance: true });
  }
  if (lines.length > maxLines || lines.some((l) => l.overfull > 0)) {
    warn(ctx, 'layout/headline-too-long', `headline “${textOf(el).slice(0, 60)}” needs ${lines.length} lines at ${s.size.toFixed(1)} pt, more than ${maxLines}`, el.copy ?? el.src, ['shorten the headline in the copy, or give it more columns']);
    return { lines, style: s, tooLong: true };
  } else if (!lines.some((l) => l.emergency)) {
    // Sized to fill: a headline whose widest line leaves its measure short grows until that line fills it (at most
    // HEADLINE_GROW times its style's size), on as many lines as before — a headline set across five columns in
    // two short lines would otherwise leave a block of white beside it.
    const widest = Math.max(...lines.map((l) => l.width));
    const grow = Math.min(w / widest, (base.maxSize ?? HEADLINE_GROW * base.size) / s.size);
    if (grow > 1.02) {
      const size = s.size * grow * 0.99;
      const bigger = { ...base, size, leading: base.leading * (size / base.size) };
      const set = setParagraph(el.children, bigger, ctx.sheet, ctx.shaper, w, { balance: true });
      if (set.length === lines.length && !set.some((l) => l.overfull > 0 || l.emergency)) return { lines: set, style: bigger };
    }
  }
  return { lines, style: s };
}

/** Lines of a paragraph whose hyphen must be avoided because they end a column: block index → line indexes. */
type AvoidHyphens = ReadonlyMap<number, ReadonlySet<number>>;

/** Demerits that keep a hyphen off a column's last line unless no other break is feasible. */
const COLUMN_END_HYPHEN_DEMERITS = 1e7;

/** Body units: byline lines, then paragraphs, crossheads, quotes, lists and pictures. */
function bodyUnits(ctx: LayoutContext, story: MarkupElement, article: string, colW: number, avoid: AvoidHyphens): FlowUnit[] {
  const units: FlowUnit[] = [];
  const grid = ctx.area.baseline;
  let para = 0;
  const addLines = (lines: SetLine[], tag: ArticleTag, src: Span | undefined, keep: boolean, extra: Partial<Pick<LineUnit, 'dx' | 'decorate' | 'keepWithNext' | 'leadIn'>>[] = []) => {
    para++;
    lines.forEach((line, index) => {
      units.push({ kind: 'line', line, tag, ...(src ? { src } : {}), keepWithNext: keep, steps: 1, para, index, count: lines.length, ...(extra[index] ?? {}) });
    });
  };
  const opts = (block: number, indent: boolean) => {
    const lines = avoid.get(block);
    return { indent, ...(lines ? { hyphenDemeritsAt: (n: number) => (lines.has(n) ? COLUMN_END_HYPHEN_DEMERITS : 0), easyLine: Math.max(0, ...lines) } : {}) };
  };
  const by = child(story, 'byline');
  if (by) {
    const tag: ArticleTag = { article, role: 'Byline', block: BLOCK.byline };
    const name = attr.str(by, 'name');
    const role = attr.str(by, 'role');
    const date = attr.str(by, 'date');
    if (name) addLines(setParagraph(`By ${name}`, style(ctx, 'byline', by.src), ctx.sheet, ctx.shaper, colW), tag, by.src, true);
    if (role) addLines(setParagraph(role, style(ctx, 'dateline', by.src), ctx.sheet, ctx.shaper, colW), tag, by.src, true);
    if (date) addLines(setParagraph(date, style(ctx, 'dateline', by.src), ctx.sheet, ctx.shaper, colW), tag, by.src, true);
    units.push({
      kind: 'figure',
      steps: 1,
      draw: (x, top, width) => [{ kind: 'rule', x1: x, y1: top + grid * 0.55, x2: x + Math.min(width, 36), y2: top + grid * 0.55, width: 1, color: BLACK }],
    });
  }
  const body = child(story, 'body');
  if (!body) return units;
  let afterHead = true;
  let first = true;
  body.children.filter(isElement).forEach((b, i) => {
    const block = BODY_BASE + i;
    const tag = (role: ArticleTag['role']): ArticleTag => ({ article, role, block });
    const src = b.copy ?? b.src;
    switch (b.kind) {
      case 'p': {
        const s = style(ctx, first ? (attr.str(body, 'first-style') ?? 'body-first') : afterHead ? 'body-first' : 'body', b.src);
        if (first && s.dropCap > 1) {
          const dc = dropCap(ctx, b.children, s, colW, tag('P'));
          if (dc) {
            const o = opts(block, false);
            const easyLine = Math.max(s.dropCap - 1, o.easyLine ?? 0);
            addLines(setParagraph(dc.rest, s, ctx.sheet, ctx.shaper, colW, { ...o, easyLine, lineWidth: (n) => (n < s.dropCap ? colW - dc.width : colW) }), tag('P'), src, false, dc.extra);
            first = false;
            afterHead = false;
            break;
          }
        }
        addLines(setParagraph(b.children, s, ctx.sheet, ctx.shaper, colW, opts(block, !afterHead)), tag('P'), src, false);
        afterHead = false;
        first = false;
        break;
      }
      case 'crosshead': {
        const s = style(ctx, 'crosshead', b.src);
        units.push({ kind: 'gap', steps: Math.max(1, Math.round(s.spaceBefore / grid)) });
        addLines(setParagraph(b.children, s, ctx.sheet, ctx.shaper, colW), tag('H2'), src, true);
        afterHead = true;
        break;
      }
      case 'quote':
        addLines(setParagraph(b.children, style(ctx, 'quote', b.src), ctx.sheet, ctx.shaper, colW, opts(block, false)), tag('BlockQuote'), src, false);
        afterHead = false;
        break;
      case 'list':
        for (const li of b.children.filter(isElement)) {
          addLines(setParagraph([{ kind: '#text', text: '• ' }, ...li.children], style(ctx, 'list', b.src), ctx.sheet, ctx.shaper, colW), tag('L'), src, false);
        }
        afterHead = false;
        break;
      case 'image': {
        const p = pictureOf(b);
        const h = pictureHeight(ctx, p, colW, colW * 1.25);
        const total = h + captionHeight(ctx, p, colW) + grid * 0.5;
        units.push({ kind: 'figure', steps: Math.ceil(total / grid), src, draw: (x, top, width) => drawPicture(ctx, p, x, top, width, h, tag('Figure')).items });
        break;
      }
      case 'pullquote': {
        // The story's own words, larger, between red rules, a leg wide: a figure in the flow.
        const s = ctx.sheet.paragraph['pullquote'] ? style(ctx, 'pullquote', b.src) : style(ctx, 'standfirst', b.src);
        const lines = setParagraph(b.children, s, ctx.sheet, ctx.shaper, colW, { balance: true });
        const depth = grid * 0.5 + capHeight(ctx, s) + (lines.length - 1) * s.leading + descent(ctx, s) + grid * 0.5;
        const red = ctx.sheet.colors['red'] ?? BLACK;
        units.push({
          kind: 'figure',
          steps: Math.ceil(depth / grid) + 1,
          src,
          draw: (x, top, width) => [
            { kind: 'rule', x1: x, y1: top + 1, x2: x + width, y2: top + 1, width: 1.5, color: red },
            ...placeLines(ctx, lines, s, x, top + grid * 0.5, tag('BlockQuote'), src).runs,
            { kind: 'rule', x1: x, y1: top + depth + 1, x2: x + width, y2: top + depth + 1, width: 1.5, color: red },
          ],
        });
        break;
      }
      default:
        break;
    }
  });
  return units;
}

/**
 * A drop cap over `style.dropCap` lines: the paragraph's first letter (with any
 * opening quote) set so its capital reaches from the first line's cap height to
 * the last dropped line's baseline. Returns the rest of the text, the room it
 * takes from those lines, and the decoration drawn with the last dropped line.
 */
function dropCap(ctx: LayoutContext, content: readonly MarkupNode[], s: ParagraphStyle, colW: number, tag: ArticleTag) {
  const firstText = content.find((n) => n.kind === '#text') as { kind: '#text'; text: string } | undefined;
  if (!firstText || content[0] !== firstText) return undefined;
  const m = /^\s*([‘“'"]?[\p{L}\p{N}])/u.exec(firstText.text);
  if (!m) return undefined;
  const letter = m[1]!;
  const restText = firstText.text.slice(m[0].length);
  const rest: MarkupNode[] = [{ kind: '#text', text: restText }, ...content.slice(1)];
  // The letter begins the first line's first word ("M" + "ORE"), unless it is a word of its own ("A man…").
  const joins = restText !== '' && !/^\s/u.test(restText);
  const face = faceFor(ctx.sheet, s.family, true, false);
  const capRatio = ctx.shaper.metrics(face).capHeight;
  const lines = s.dropCap;
  const size = ((lines - 1) * s.leading + capRatio * s.size) / capRatio;
  const glyphs = placeRun(ctx.shaper, { text: letter, face, size, color: s.color, tracking: 0 }, letter, 0);
  const width = glyphs.width + s.size * 0.4;
  // The cap is drawn with the first line (so it reads first), sitting on the last dropped line's baseline;
  // the dropped lines are kept together in one column.
  // Joined, the cap reads as nothing where it stands and the first word reads whole ("MORE"): see readWithLeadIn.
  const extra: Partial<Pick<LineUnit, 'dx' | 'decorate' | 'keepWithNext' | 'leadIn'>>[] = Array.from({ length: lines }, (_, k) => ({
    dx: width,
    keepWithNext: k < lines - 1,
    ...(k === 0
      ? {
          decorate: (x: number, baseline: number): FrameItem[] => [
            {
              kind: 'glyphs', x: x - width, y: baseline + (lines - 1) * s.leading, font: face, size, text: letter, glyphs: glyphs.glyphs, width: glyphs.width, wordSpacing: 0, tracking: 0, hscale: 1, color: s.color, tag,
              ...(joins ? { actualText: { glyphs: glyphs.glyphs.length, text: '' } } : {}),
            },
          ],
          ...(joins ? { leadIn: letter } : {}),
        }
      : {}),
  }));
  return { rest, width, extra };
}

/** Lays out one story in its box. */
export function layoutStory(ctx: LayoutContext, el: MarkupElement, box: StoryBox): StoryResult {
  const article = attr.str(el, 'article')!;
  const area = ctx.area;
  const w = spanWidth(area, box.columns);
  const items: FrameItem[] = [];
  const bottomLimit = box.y + box.maxH;
  let y = box.y;

  // 1. Kicker, headline and standfirst across the story's columns (a continuation has its jump head instead).
  const resume = box.resume;
  let headWhite = 0;
  let headTooLong = false;
  let headDepth = 0;
  const kicker = resume ? undefined : child(el, 'kicker');
  if (kicker) {
    const s = style(ctx, 'kicker', kicker.src);
    const placed = placeLines(ctx, setParagraph(kicker.children, s, ctx.sheet, ctx.shaper, w), s, box.x, y, { article, role: 'Kicker', block: BLOCK.kicker }, kicker.src);
    items.push(...placed.runs);
    y = placed.bottom + HEAD_GAP / 2;
  }
  const headline = child(el, 'headline');
  if (headline && resume) {
    const jh = jumpHead(ctx, el, headline, resume.fromPage, box.x, y, w, items);
    headDepth = jh.y - box.y;
    y = jh.y;
    headWhite += jh.white;
  } else if (headline) {
    const fit = fitHeadline(ctx, headline, w);
    headTooLong = fit.tooLong === true;
    const placed = placeLines(ctx, fit.lines, fit.style, box.x, y, { article, role: 'H1', block: BLOCK.headline }, el.copy ?? headline.src);
    items.push(...placed.runs);
    headWhite += whiteBeside(fit.lines, fit.style.leading, w);
    headDepth = placed.bottom - box.y;
    y = placed.bottom + HEAD_GAP;
  }
  const standfirst = resume ? undefined : child(el, 'standfirst');
  if (standfirst) {
    const s = style(ctx, 'standfirst', standfirst.src);
    const lines = setParagraph(standfirst.children, s, ctx.sheet, ctx.shaper, w, { balance: true });
    const placed = placeLines(ctx, lines, s, box.x, y, { article, role: 'Standfirst', block: BLOCK.standfirst }, standfirst.src);
    items.push(...placed.runs);
    headWhite += whiteBeside(lines, s.leading, w);
    y = placed.bottom + HEAD_GAP;
  }

  // 2. The lead photo across the story's columns, at most half the room left.
  const image = resume ? undefined : child(el, 'image');
  if (image) {
    const p = pictureOf(image);
    const span = Math.min(attr.num(image, 'span') ?? box.columns, box.columns);
    const pw = spanWidth(area, span);
    const room = bottomLimit - y;
    const ph = attr.num(image, 'height') ?? pictureHeight(ctx, p, pw, Math.max(room * 0.5, 0));
    const drawn = drawPicture(ctx, p, box.x, y, pw, ph, { article, role: 'Figure', block: BLOCK.image });
    items.push(...drawn.items);
    y = drawn.bottom + HEAD_GAP;
  }

  // 3. Byline and body flow through the columns, baselines on the page's grid.
  const grid = area.baseline;
  const body = style(ctx, 'body', el.src);
  const firstBaseline = area.y + Math.ceil((y + capHeight(ctx, body) - area.y) / grid - 1e-6) * grid;
  const desc = descent(ctx, body);
  const capacity = Math.floor((bottomLimit - desc - firstBaseline) / grid + 1e-6) + 1;
  const caps = box.feet?.map((f) => Math.max(0, Math.floor((Math.min(f, bottomLimit) - desc - firstBaseline) / grid + 1e-6) + 1));
  // Flow, then keep hyphens off the columns' last lines: re-break those paragraphs and flow again (a few rounds at most).
  const avoid = new Map<number, Set<number>>();
  let filled!: ReturnType<typeof flowColumns>;
  let jumpLine: LineUnit | undefined;
  for (let round = 0; round < 3; round++) {
    const units = resume ? [...resume.units] : bodyUnits(ctx, el, article, area.columnWidth, avoid);
    if (box.jumpTo !== undefined) {
      // A jump: fill the columns in turn; if it does not all fit, end the last column with the jump line.
      filled = flowColumns(units, box.columns, capacity, false, caps);
      if (filled.overset.length > 0) {
        jumpLine ??= jumpLineUnit(ctx, `Continued on page ${box.jumpTo}`, article, el.src);
        for (let n = units.length - filled.overset.length - 1; n > 0; n--) {
          const f = flowColumns([...units.slice(0, n), jumpLine], box.columns, capacity, false, caps);
          if (f.overset.length === 0) {
            filled = { ...f, overset: units.slice(n) };
            break;
          }
        }
      }
    } else filled = flowColumns(units, box.columns, capacity, true, caps);
    if (resume) break;
    let changed = false;
    filled.columns.forEach((col, c) => {
      const last = col[col.length - 1];
      if (c < filled.columns.length - 1 && last?.kind === 'line' && last.line.hyphenated && last.tag.role === 'P') {
        const set = avoid.get(last.tag.block) ?? new Set<number>();
        if (!set.has(last.index)) (set.add(last.index), (changed = true));
        avoid.set(last.tag.block, set);
      }
    });
    if (!changed) break;
  }
  filled.columns.forEach((col, c) => {
    const x = box.x + c * (area.columnWidth + area.gutter);
    let step = 0;
    for (const u of col) {
      const baseline = firstBaseline + (step + u.steps - 1) * grid;
      if (u.kind === 'line') {
        if (u.decorate) items.push(...u.decorate(x + (u.dx ?? 0), baseline));
        const runs = lineRuns(u.line, x + (u.dx ?? 0), baseline, u.tag, u.src);
        if (u.leadIn !== undefined) readWithLeadIn(runs, u.leadIn);
        items.push(...runs);
        lineFindings(ctx.warnings, u.line, u.src);
        if (u.line.spaceRatio > LOOSE_WARNING) warn(ctx, 'layout/loose-line', `loose line: word spaces ${u.line.spaceRatio.toFixed(2)} × natural in “${u.line.text}”`, u.src, ['a word more or less in the paragraph, or a hyphenation point, would even it']);
      } else if (u.kind === 'figure') {
        items.push(...u.draw(x, firstBaseline + (step - 1) * grid + desc, area.columnWidth));
      }
      step += u.steps;
    }
  });
  for (const l of filled.lone) {
    warn(ctx, `layout/${l.kind}`, `${l.kind}: ${l.kind === 'widow' ? 'the last line of a paragraph stands alone at the head of a column' : 'the first line of a paragraph stands alone at the foot of a column'}: “${l.unit.line.text}”`, l.unit.src);
  }
  for (const col of filled.columns) {
    const last = col[col.length - 1];
    if (col !== filled.columns[filled.columns.length - 1] && last?.kind === 'line' && last.line.hyphenated) {
      warn(ctx, 'layout/hyphen-column-end', `a column ends in a hyphen: “${last.line.text}”`, last.src);
    }
  }
  const flowLines = filled.columns.flat().filter((u): u is LineUnit => u.kind === 'line');
  for (const u of hyphenLadders(flowLines, (x) => x.line).ladders) warn(ctx, 'layout/hyphen-ladder', `three hyphenated lines in a row, ending “${u.line.text}”`, u.src);
  // What a jumping story leaves over goes to its continuation (the composer reports it if it lands nowhere).
  if (box.jumpTo === undefined) reportOverset(ctx, article, filled.overset, resume ? [resume.fromPage, ctx.pageNumber] : [ctx.pageNumber]);
  const textBottom = filled.depth > 0 ? firstBaseline + (filled.depth - 1) * grid + desc : y;
  // Lines short of the module's foot in each column, below the deepest leg (a stepped module's columns end at their
  // own feet, so the columns cut short by an advert are not counted as short).
  const short = Array.from({ length: box.columns }, (_, c) => Math.max(0, (caps?.[c] ?? capacity) - filled.depth)).reduce((a, b) => a + b, 0);
  if (box.mode === 'fill' && filled.overset.length === 0 && short > box.columns * Math.max(3, capacity * 0.1)) {
    ctx.warnings.push({
      severity: 'info',
      code: 'layout/underset',
      message: `story ${article} is about ${short} lines short of filling its space`,
      span: el.copy ?? el.src,
    });
  }
  const height = box.mode === 'fill' ? box.maxH : Math.min(textBottom - box.y, box.maxH);
  if (box.feet && box.mode === 'fill') {
    // A stepped module's zone is its rectangles: across all its columns down to the shallowest foot, then each run of
    // deeper columns down to its own.
    const shallow = Math.min(...box.feet);
    items.push({ kind: 'anchor', article, x: box.x, y: box.y, w, h: shallow - box.y });
    for (let c = 0; c < box.feet.length; ) {
      let e = c + 1;
      while (e < box.feet.length && box.feet[e] === box.feet[c]) e++;
      if (box.feet[c]! > shallow) items.push({ kind: 'anchor', article, x: box.x + c * (area.columnWidth + area.gutter), y: shallow, w: spanWidth(area, e - c), h: box.feet[c]! - shallow });
      c = e;
    }
  } else items.push({ kind: 'anchor', article, x: box.x, y: box.y, w, h: height });
  // White at the foot of legs shorter than the deepest, beyond the two rows (under a centimetre) any leg may leave.
  const legWhite = filled.columns.reduce((a, col) => a + Math.max(0, filled.depth - col.reduce((n, u) => n + u.steps, 0) - 1), 0) + Math.max(0, box.columns - filled.columns.length) * Math.max(0, filled.depth - 1);
  return { items, height, legs: filled.depth, overset: filled.overset, headWhite, legWhite, headDepth, bodySteps: filled.columns.reduce((a, col) => a + col.reduce((n, u) => n + u.steps, 0), 0), ...(headTooLong ? { headTooLong } : {}) };
}

/** White beside display lines: what each line leaves of the measure, by its leading, points². */
function whiteBeside(lines: readonly SetLine[], leading: number, measure: number): number {
  return lines.reduce((a, l) => a + Math.max(0, measure - l.width) * leading, 0);
}

/** The head of a continuation: the story's headline small, and where it came from. Returns the y below it. */
function jumpHead(ctx: LayoutContext, el: MarkupElement, headline: MarkupElement, fromPage: number, x: number, top: number, w: number, items: FrameItem[]): { y: number; white: number } {
  const article = attr.str(el, 'article')!;
  const hs = ctx.sheet.paragraph['jump-head'] ? style(ctx, 'jump-head', headline.src) : style(ctx, 'headline-side', headline.src);
  const lines = setParagraph(headline.children, hs, ctx.sheet, ctx.shaper, w, { balance: true });
  const head = placeLines(ctx, lines, hs, x, top, { article, role: 'H1', block: BLOCK.headline }, el.copy ?? headline.src);
  items.push(...head.runs);
  const ls = ctx.sheet.paragraph['jump-line'] ? style(ctx, 'jump-line', headline.src) : style(ctx, 'dateline', headline.src);
  const from = placeLines(ctx, setParagraph(`Continued from page ${fromPage}`, ls, ctx.sheet, ctx.shaper, w), ls, x, head.bottom + 3, { article, role: 'Kicker', block: BLOCK.kicker }, el.copy ?? headline.src);
  items.push(...from.runs);
  return { y: from.bottom + HEAD_GAP, white: whiteBeside(lines, hs.leading, w) };
}

/** The line that ends a jumping story's last leg: “Continued on page N”, in the `jump-line` style. */
function jumpLineUnit(ctx: LayoutContext, text: string, article: string, src: Span): LineUnit {
  const s = ctx.sheet.paragraph['jump-line'] ? style(ctx, 'jump-line', src) : style(ctx, 'dateline', src);
  const line = setParagraph(text, s, ctx.sheet, ctx.shaper, ctx.area.columnWidth)[0]!;
  return { kind: 'line', line, tag: { article, role: 'Kicker', block: BLOCK.kicker }, src, keepWithNext: false, steps: 1, para: -1, index: 0, count: 1 };
}

/** Text that did not fit is never dropped silently: one warning naming where the overset starts. */
function reportOverset(ctx: LayoutContext, article: string, overset: readonly FlowUnit[], pages: readonly number[]): void {
  const lines = overset.filter((u): u is Extract<FlowUnit, { kind: 'line' }> => u.kind === 'line');
  if (overset.length === 0) return;
  const words = lines.reduce((n, u) => n + u.line.text.split(/\s+/).filter(Boolean).length, 0);
  const first = lines[0];
  const src = first?.src ?? overset.find((u) => u.kind === 'figure')?.src;
  // Where a cut makes the story fit: the paragraph the overset starts in (cut from its start, the lines of it that did
  // fit free room enough), or the next one when the overset starts at a paragraph's first line.
  const cutAt = first?.src ? `cut from the paragraph at ${formatSpan(first.src)} (“${first.line.text.slice(0, 40)}…”) on and it fits, or give its flatplan entry trim: end` : undefined;
  const on = pages.length > 1 ? `pages ${pages.join(' and ')}` : `page ${pages[0]}`;
  ctx.warnings.push({
    severity: 'warning',
    code: 'layout/overset',
    message: `overset on ${on}: ${lines.length} lines (${words} words) of story ${article} do not fit${first ? `, from “${first.line.text.slice(0, 50)}…”` : ''}`,
    ...(src ? { span: src } : {}),
    hints: [...(cutAt ? [cutAt] : []), 'cut the copy, give the story more columns or depth, or use a smaller headline'],
  });
}
