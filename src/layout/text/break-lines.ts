// Knuth–Plass total-fit line breaking over boxes, glue and penalties (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
// A pure function of the items and the line widths: it knows no fonts. Fallbacks follow TeX: a first pass without
// hyphenation, a second with, a third with emergency stretch, and a last that accepts the least-bad overfull lines.
import type { BreakSettings } from '../../core/index.js';
import type { Item } from './items.js';
import { FORCED, FORBIDDEN } from './items.js';

/**
 * The breaker's parameters: the style's TeX settings (core/style.ts documents each) without the penalties, which the
 * items already carry, plus a per-line hyphen cost the column flow uses.
 */
export interface BreakOptions extends Omit<BreakSettings, 'hyphenPenalty' | 'exHyphenPenalty'> {
  /** Extra demerits for a hyphen at the end of line n (0-based): lets a caller keep hyphens off a column's last line. */
  readonly hyphenDemeritsAt?: (line: number) => number;
  /**
   * Lines after this one (0-based count of lines) all have the same width and no per-line demerits, so the breaker
   * keeps one node per fitness class and hyphen run for them whatever their line number, as TeX does past its
   * `easy_line`: the result is the same, and a word broken over many lines no longer multiplies the nodes. Default:
   * every line number is kept apart (a caller whose widths or hyphen demerits vary with no end).
   */
  readonly easyLine?: number;
}

export const DEFAULT_BREAK_OPTIONS: BreakOptions = {
  pretolerance: 100,
  tolerance: 800,
  linePenalty: 10,
  adjDemerits: 10000,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  maxHyphensInRow: 2,
  looseness: 0,
  emergencyStretch: 0,
  spacingExponent: 3,
};

export interface Break {
  /** Index of the item where the line ends (a glue or penalty). */
  readonly position: number;
  /** Adjustment ratio of the line ending here: −1…0 shrinks, 0… stretches; below −1 the line is overfull. */
  readonly ratio: number;
  readonly flagged: boolean;
}

export interface BreakResult {
  readonly breaks: Break[];
  /** Which pass found the breaks: 1 without hyphenation, 2 with, 3 with emergency stretch, 4 least-bad with overfull lines. */
  readonly pass: 1 | 2 | 3 | 4;
}

/** Stretch at or above this is the paragraph's closing fill, not a word space. */
const FILL = 1e5;

/** TeX's "infinitely bad": the last-resort pass accepts any badness. */
const INF_BAD = 10000;
/** TeX's badness, 100 |r|³ capped at 10000 ("infinitely bad"): what tolerance and pretolerance are measured in. */
function badness(r: number): number {
  if (r < -1) return Infinity;
  const a = Math.abs(r);
  return Math.min(INF_BAD, 100 * a * a * a);
}

/**
 * What a line's spacing costs in the demerits: 100 |r|^p. With p = 3 this is TeX's
 * badness; newsprint's default p = 1 weighs every line's deviation from natural
 * spacing evenly instead of letting one very loose line buy many slightly loose
 * ones, which is what a reader sees in a narrow column (see docs/composer.md).
 * Not capped at 10000 as TeX's badness is, so among very loose lines the least
 * loose still wins.
 */
function spacingCost(r: number, p: number): number {
  const a = Math.abs(r);
  return p === 1 ? 100 * a : p === 3 ? 100 * a * a * a : 100 * a ** p;
}

/** TeX's fitness classes: 0 tight (r < −0.5), 1 decent, 2 loose (r > 0.5), 3 very loose (r > 1). */
function fitness(r: number): number {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

interface Node {
  readonly position: number;
  readonly line: number;
  readonly fitness: number;
  /** Hyphenated lines in a row ending at this break. */
  readonly hyphens: number;
  readonly flagged: boolean;
  /** The break is inside a word wider than the measure (an emergency break). */
  readonly emergency: boolean;
  /**
   * Where the line after this break starts (the first box after it) as an index into the prefix sums: a line from
   * here to a later break is the difference of the sums there and here (an index, not four copied sums, keeps the
   * nodes small).
   */
  readonly from: number;
  /** The width of the line after this break (lineWidth(line)), asked once for the node, not at every break it is weighed against. */
  readonly measure: number;
  readonly demerits: number;
  readonly ratio: number;
  readonly prev: Node | null;
}

/** Prefix sums of width, stretch and shrink over the items. */
function prefixSums(items: readonly Item[]) {
  const n = items.length;
  const width = new Float64Array(n + 1);
  const stretch = new Float64Array(n + 1);
  const shrink = new Float64Array(n + 1);
  // Word spaces: glue that can end a line or be stretched, not the paragraph's closing fill.
  const spaces = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    let w = 0;
    let st = 0;
    let sh = 0;
    if (it.type === 'box') {
      w = it.width;
      st = it.stretch ?? 0;
      sh = it.shrink ?? 0;
    } else if (it.type === 'glue') {
      w = it.width;
      st = it.stretch;
      sh = it.shrink;
    }
    width[i + 1] = width[i]! + w;
    stretch[i + 1] = stretch[i]! + st;
    shrink[i + 1] = shrink[i]! + sh;
    spaces[i + 1] = spaces[i]! + (it.type === 'glue' && it.stretch < FILL ? 1 : 0);
  }
  return { width, stretch, shrink, spaces };
}

/** The adjustment ratio of a line `short` points short of its measure (negative: too long) with the given stretch and shrink. */
function ratioOf(short: number, stretch: number, shrink: number): number {
  return short > 0 ? (stretch > 0 ? short / stretch : INF_BAD) : short < 0 ? (shrink > 0 ? short / shrink : -Infinity) : 0;
}

/**
 * The candidates at one breakpoint, kept as parallel arrays so that only the best per class become nodes: the inner
 * loop of the breaker runs for every active node at every legal break, and allocating there dominated its cost before
 * the code is optimised (a command-line run is over before it is).
 */
class Candidates {
  count = 0;
  readonly line: number[] = [];
  readonly fitness: number[] = [];
  readonly hyphens: number[] = [];
  readonly demerits: number[] = [];
  readonly ratio: number[] = [];
  readonly prev: Node[] = [];

  /** Keeps the cheapest candidate per (line, fitness class, hyphens in a row), line numbers past `easy` counting as one. */
  offer(easy: number, line: number, fitness: number, hyphens: number, demerits: number, ratio: number, prev: Node): void {
    const cls = Math.min(line, easy);
    for (let k = 0; k < this.count; k++) {
      if (Math.min(this.line[k]!, easy) === cls && this.fitness[k] === fitness && this.hyphens[k] === hyphens) {
        if (demerits < this.demerits[k]!) this.set(k, line, fitness, hyphens, demerits, ratio, prev);
        return;
      }
    }
    this.set(this.count++, line, fitness, hyphens, demerits, ratio, prev);
  }

  private set(k: number, line: number, fitness: number, hyphens: number, demerits: number, ratio: number, prev: Node): void {
    this.line[k] = line;
    this.fitness[k] = fitness;
    this.hyphens[k] = hyphens;
    this.demerits[k] = demerits;
    this.ratio[k] = ratio;
    this.prev[k] = prev;
  }
}

/** One pass of the algorithm. Returns the best final node, or null when no feasible breaks exist. */
function pass(items: readonly Item[], lineWidth: (line: number) => number, o: BreakOptions, sums: ReturnType<typeof prefixSums>, tolerance: number, hyphenate: boolean, emergencyStretch: number, lastResort: boolean): Node | null {
  // The active nodes, compacted in place as nodes die.
  const active: Node[] = [afterBreak(items, lineWidth, -1, 0, 1, 0, false, false, 0, 0, null)];
  const finals: Node[] = [];
  const best = new Candidates();
  // Line numbers from here on are alike (none when looseness asks for an exact count of lines).
  const easy = o.looseness === 0 ? (o.easyLine ?? Infinity) + 1 : Infinity;
  const { width: sumWidth, stretch: sumStretch, shrink: sumShrink, spaces: sumSpaces } = sums;
  const { linePenalty, spacingExponent, maxHyphensInRow, doubleHyphenDemerits, finalHyphenDemerits, adjDemerits, hyphenDemeritsAt } = o;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    // A legal break (isLegalBreak, written out: this loop runs for every item of every pass).
    if (it.type === 'penalty' ? it.penalty >= FORBIDDEN || (!hyphenate && it.hyphenation) : it.type !== 'glue' || i === 0 || items[i - 1]!.type !== 'box') continue;
    const isPenalty = it.type === 'penalty';
    const penalty = isPenalty ? it.penalty : 0;
    const flagged = isPenalty && it.flagged;
    const forced = isPenalty && penalty <= FORCED;
    const penaltyWidth = isPenalty ? it.width : 0;
    const penaltyStretch = isPenalty ? (it.stretch ?? 0) : 0;
    const emergency = isPenalty && it.emergency !== undefined;
    // Best candidate per (line, fitness, hyphens-in-row) class; TeX keeps one per line and fitness.
    best.count = 0;
    let kept = 0;
    let lastDeactivated: Node | null = null;
    const n = active.length;
    for (let k = 0; k < n; k++) {
      const a = active[k]!;
      const from = a.from;
      const width = sumWidth[i]! - sumWidth[from]! + penaltyWidth;
      const L = a.measure;
      const stretch = sumStretch[i]! - sumStretch[from]! + penaltyStretch;
      // Most nodes, most of the time: a line from them to here is still too loose to take, and they stay active (the
      // general case below gives the same, at more cost). Its badness written out: this runs for every active node
      // at every legal break, mostly before the code is optimised.
      if (L > width && emergencyStretch === 0 && !lastResort && !emergency && !a.emergency) {
        const loose = stretch > 0 ? (L - width) / stretch : INF_BAD;
        if (Math.min(INF_BAD, 100 * loose * loose * loose) > tolerance) {
          if (!forced) active[kept++] = a;
          continue;
        }
      }
      const shrink = sumShrink[i]! - sumShrink[from]!;
      // r is the line's true adjustment ratio; emergency stretch only widens what is feasible, never what it costs.
      let r = ratioOf(L - width, stretch, shrink);
      let rFeasible = emergencyStretch > 0 ? ratioOf(L - width, stretch + emergencyStretch, shrink) : r;
      const noSpace = sumSpaces[i]! === sumSpaces[from]!;
      // A piece of a word too wide for the measure, alone on its line, has no space to justify with: it is always
      // feasible, set flush left, and costs by the white it leaves at the line's end, as a share of a twentieth of the
      // measure when its expansion gives less: a piece that fills the line costs little, one that leaves a third of
      // it white costs about as much as a break between two letters (LETTER_PENALTY in items.ts).
      if (r > 0 && noSpace && (emergency || a.emergency)) {
        r = (L - width) / Math.max(stretch, L / 20);
        rFeasible = Math.min(r, 1);
      }
      // A line without spaces counts on only half its boxes' shrink (font expansion): narrowing is not linear — the
      // letter-spacing after the last glyph is not ink, and scaling narrows the letter-spacing too — and there are no
      // spaces to take up the difference (about 0.3 pt of ±0.3 pt letter-spacing), so the line could stick out.
      const tooTight = noSpace && r < 0 && width - 0.5 * shrink > L;
      // A node whose line can no longer fit dies; a forced break ends every line here.
      if (r < -1) lastDeactivated = a;
      else if (!forced) active[kept++] = a;
      if (r >= -1 && !tooTight) {
        if (badness(rFeasible) > tolerance && !lastResort) continue;
        // Counted only to one past the limit: beyond it every count behaves alike, and distinct counts would multiply
        // the nodes kept at each break of a word broken over many lines.
        const hyphens = flagged ? Math.min(a.hyphens + 1, maxHyphensInRow + 1) : 0;
        // The limit on hyphens in a row gives way to a word too wide for the measure, which must break.
        if (hyphens > maxHyphensInRow && !emergency) continue;
        const cost = linePenalty + spacingCost(r, spacingExponent);
        let d = cost * cost;
        if (penalty > 0) d += penalty * penalty;
        else if (penalty < 0 && !forced) d -= penalty * penalty;
        if (flagged && a.flagged) d += doubleHyphenDemerits;
        if (forced && a.flagged) d += finalHyphenDemerits;
        if (flagged && hyphenDemeritsAt) d += hyphenDemeritsAt(a.line);
        const fit = fitness(r);
        if (Math.abs(fit - a.fitness) > 1) d += adjDemerits;
        best.offer(easy, a.line + 1, fit, hyphens, a.demerits + d, r, a);
      }
    }
    // The last resort: when every node would die here with nothing new, break anyway (an overfull line), as TeX does.
    if (lastResort && best.count === 0 && kept === 0 && lastDeactivated) {
      const a = lastDeactivated;
      const width = sumWidth[i]! - sumWidth[a.from]! + penaltyWidth;
      const shrink = sumShrink[i]! - sumShrink[a.from]!;
      const r = shrink > 0 ? (a.measure - width) / shrink : -Infinity;
      best.offer(easy, a.line + 1, 0, flagged ? a.hyphens + 1 : 0, a.demerits + 1e9, r, a);
    }
    active.length = forced ? 0 : kept;
    for (let k = 0; k < best.count; k++) {
      const prev = best.prev[k]!;
      if (forced) finals.push({ position: i, line: best.line[k]!, fitness: best.fitness[k]!, hyphens: best.hyphens[k]!, flagged, emergency, from: 0, measure: 0, demerits: best.demerits[k]!, ratio: best.ratio[k]!, prev });
      else active.push(afterBreak(items, lineWidth, i, best.line[k]!, best.fitness[k]!, best.hyphens[k]!, flagged, emergency, best.demerits[k]!, best.ratio[k]!, prev));
    }
    if (forced && finals.length > 0) break;
    if (active.length === 0 && !forced) return null;
  }
  if (finals.length === 0) return null;
  finals.sort((x, y) => x.demerits - y.demerits);
  let chosen = finals[0]!;
  if (o.looseness !== 0) {
    const target = chosen.line + o.looseness;
    for (const f of finals) {
      const better = Math.abs(f.line - target) < Math.abs(chosen.line - target) || (Math.abs(f.line - target) === Math.abs(chosen.line - target) && f.demerits < chosen.demerits);
      if (better) chosen = f;
    }
  }
  return chosen;
}

/**
 * A new active node for a break at `position`: its line starts after the break, where glue and penalties are
 * discarded up to the next box, so its totals are those up to that box.
 */
function afterBreak(items: readonly Item[], lineWidth: (line: number) => number, position: number, line: number, fitness: number, hyphens: number, flagged: boolean, emergency: boolean, demerits: number, ratio: number, prev: Node | null): Node {
  let j = position + 1;
  while (j < items.length) {
    const it = items[j]!;
    if (it.type === 'box') break;
    if (it.type === 'penalty' && it.penalty <= FORCED && j > position + 1) break;
    j++;
  }
  // An explicit literal in Node's field order keeps every node the same shape for the engine.
  return { position, line, fitness, hyphens, flagged, emergency, from: j, measure: lineWidth(line), demerits, ratio, prev };
}

function trace(node: Node): Break[] {
  const out: Break[] = [];
  for (let n: Node | null = node; n && n.position >= 0; n = n.prev) out.push({ position: n.position, ratio: n.ratio, flagged: n.flagged });
  return out.reverse();
}

/**
 * Breaks a paragraph into lines with the fewest total demerits (Knuth & Plass total fit).
 * @param lineWidth width of line n (0-based), so lines can run round a picture or a drop cap.
 */
export function breakParagraph(items: readonly Item[], lineWidth: (line: number) => number, options: Partial<BreakOptions> = {}): BreakResult {
  const o = { ...DEFAULT_BREAK_OPTIONS, ...options };
  const sums = prefixSums(items);
  const hasHyphens = items.some((it) => it.type === 'penalty' && it.hyphenation);
  if (o.pretolerance >= 0) {
    const n = pass(items, lineWidth, o, sums, o.pretolerance, false, 0, false);
    if (n) return { breaks: trace(n), pass: 1 };
  }
  const n2 = pass(items, lineWidth, o, sums, o.tolerance, true, 0, false);
  if (n2) return { breaks: trace(n2), pass: 2 };
  if (o.emergencyStretch > 0) {
    const n3 = pass(items, lineWidth, o, sums, o.tolerance, true, o.emergencyStretch, false);
    if (n3) return { breaks: trace(n3), pass: 3 };
  }
  const n4 = pass(items, lineWidth, o, sums, INF_BAD, hasHyphens, o.emergencyStretch, true);
  if (!n4) throw new Error('line breaking found no breaks even in its last-resort pass');
  return { breaks: trace(n4), pass: 4 };
}

/**
 * TeX's first pass alone: breaks at spaces and explicit hyphens only, within the pretolerance; null when it finds
 * none (or the pretolerance is negative, which skips it). Its result is the one breakParagraph would give from the
 * same words with their hyphenation points, which this pass never uses: a caller can look the points up only for
 * the paragraphs that need them, as TeX does.
 */
export function breakWithoutHyphenation(items: readonly Item[], lineWidth: (line: number) => number, options: Partial<BreakOptions> = {}): BreakResult | null {
  const o = { ...DEFAULT_BREAK_OPTIONS, ...options };
  if (o.pretolerance < 0) return null;
  const n = pass(items, lineWidth, o, prefixSums(items), o.pretolerance, false, 0, false);
  return n ? { breaks: trace(n), pass: 1 } : null;
}

/** The breaks alone, for callers that need no pass information. */
export function breakLines(items: readonly Item[], lineWidth: (line: number) => number, options: Partial<BreakOptions> = {}): Break[] {
  return breakParagraph(items, lineWidth, options).breaks;
}
