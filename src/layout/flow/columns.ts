// Column flow on the baseline grid: units of whole grid steps poured into columns, balanced, widows and orphans
// avoided, the rest overset.
import type { ArticleTag, FrameItem, Span } from '../../core/index.js';
import type { SetLine } from '../text/set-lines.js';

/** Something that occupies whole baseline-grid steps in a column. */
export type FlowUnit =
  | {
      readonly kind: 'line';
      readonly line: SetLine;
      readonly tag: ArticleTag;
      readonly src?: Span;
      /** Must not end a column (crossheads, bylines, the lines beside a drop cap). */
      readonly keepWithNext: boolean;
      readonly steps: 1;
      /** The paragraph the line belongs to (unique in the flow), its index in it, and the paragraph's line count. */
      readonly para: number;
      readonly index: number;
      readonly count: number;
      /** Offset of the line from the column's left edge, points (lines beside a drop cap). */
      readonly dx?: number;
      /** Extra items drawn with the line, given its left edge and baseline (a drop cap). */
      readonly decorate?: (x: number, baseline: number) => FrameItem[];
      /** What a reader reads just before the line's first word, drawn by `decorate` (a drop cap's letter). */
      readonly leadIn?: string;
    }
  /** White space that disappears at the head of a column (space above a crosshead). */
  | { readonly kind: 'gap'; readonly steps: number }
  /** A picture or rule: drawn by `draw` with its top at the grid line above its first step. */
  | { readonly kind: 'figure'; readonly steps: number; readonly src?: Span; readonly draw: (x: number, top: number, width: number) => FrameItem[] };

export type LineUnit = Extract<FlowUnit, { kind: 'line' }>;

/** A widow or orphan the flow could not avoid. */
export interface Lone {
  readonly kind: 'widow' | 'orphan';
  readonly unit: LineUnit;
}

export interface Filled {
  /** Units per column, in order. */
  readonly columns: FlowUnit[][];
  /** Units that did not fit. */
  readonly overset: FlowUnit[];
  /** Deepest column, in steps. */
  readonly depth: number;
  /** Widows and orphans left where no better column break existed. */
  readonly lone: Lone[];
}

const isLine = (u: FlowUnit | undefined): u is LineUnit => !!u && u.kind === 'line';

/**
 * What is wrong with ending a column before units[e]: an orphan (a paragraph's
 * first line alone at the foot), a widow (its last line alone at the head), or a
 * kept unit (crosshead, byline) separated from what follows.
 */
function breakFault(units: readonly FlowUnit[], e: number): 'orphan' | 'widow' | 'keep' | undefined {
  const before = units[e - 1];
  const after = units[e];
  if (!after) return undefined;
  if ((isLine(before) && before.keepWithNext) || before?.kind === 'gap') return 'keep';
  if (isLine(before) && isLine(after) && before.para === after.para) {
    if (before.index === 0) return 'orphan';
    if (after.index === after.count - 1) return 'widow';
  }
  return undefined;
}

/**
 * Pours units into `n` columns of at most `depth` steps each. `level`: each column takes its share of what is left
 * (the steps left over the columns left, rounded up) rather than all it can hold, so that when the widow, orphan
 * and keep rules push a balanced story one step deeper, the extra white is spread a line a leg, not left at the
 * foot of the last.
 */
function pour(units: readonly FlowUnit[], n: number, depth: number, level = false, caps?: readonly number[]): Filled {
  const columns: FlowUnit[][] = [];
  const lone: Lone[] = [];
  let i = 0;
  let left = level ? units.reduce((s, u) => s + u.steps, 0) : 0;
  for (let c = 0; c < n && i < units.length; c++) {
    while (i < units.length && units[i]!.kind === 'gap') left -= units[i++]!.steps;
    const start = i;
    let used = 0;
    // A stepped module's column holds no more than its own cap (the columns above an advert stop at its top).
    const deep = caps ? Math.min(depth, caps[c] ?? depth) : depth;
    const room = level ? Math.min(deep, Math.ceil(left / (n - c))) : deep;
    while (i < units.length && used + units[i]!.steps <= room) used += units[i++]!.steps;
    // Move the column break up past widows, orphans and kept units, as long as the column keeps some text.
    let e = i;
    if (i < units.length && c < n - 1) {
      while (e > start + 1 && breakFault(units, e)) e--;
      if (e === start + 1 && breakFault(units, e)) e = i;
      const fault = breakFault(units, e);
      if (fault === 'widow' || fault === 'orphan') lone.push({ kind: fault, unit: (fault === 'widow' ? units[e] : units[e - 1]) as LineUnit });
    }
    if (i < units.length && c === n - 1) e = i;
    if (e === start && units[start] && units[start]!.steps > deep) break; // a unit taller than the column never fits
    columns.push(units.slice(start, e) as FlowUnit[]);
    if (level) for (let k = start; k < e; k++) left -= units[k]!.steps;
    i = e;
  }
  const depthUsed = Math.max(0, ...columns.map((col) => col.reduce((s, u) => s + u.steps, 0)));
  return { columns, overset: units.slice(i), depth: depthUsed, lone };
}

/**
 * Flows units through `n` columns of `capacity` steps. With `balance`, finds the
 * smallest depth at which everything fits, so the columns end level (within the
 * steps that widow, orphan and keep rules move); otherwise fills each column in turn.
 * `caps` (a stepped module round an advert stack): the most steps each column may take, the deepest being `capacity`.
 */
export function flowColumns(units: readonly FlowUnit[], n: number, capacity: number, balance: boolean, caps?: readonly number[]): Filled {
  if (capacity <= 0) return { columns: [], overset: [...units], depth: 0, lone: [] };
  if (balance) {
    const total = units.reduce((s, u) => s + u.steps, 0);
    for (let d = Math.max(1, Math.ceil(total / n)); d <= capacity; d++) {
      const f = pour(units, n, d, false, caps);
      if (f.overset.length === 0) {
        // The shallowest depth found; poured level at that depth, the legs end within a line or two of each other.
        const even = pour(units, n, d, true, caps);
        return even.overset.length === 0 && even.depth <= f.depth ? even : f;
      }
    }
  }
  return pour(units, n, capacity, false, caps);
}
