// Column flow on the baseline grid: units of whole grid steps poured into columns, balanced, the rest overset.
import type { ArticleTag, FrameItem, Span } from '../../core/index.js';
import type { SetLine } from '../text/set-lines.js';

/** Something that occupies whole baseline-grid steps in a column. */
export type FlowUnit =
  | {
      readonly kind: 'line';
      readonly line: SetLine;
      readonly tag: ArticleTag;
      readonly src?: Span;
      /** Must not end a column (crossheads, bylines). */
      readonly keepWithNext: boolean;
      readonly steps: 1;
    }
  /** White space that disappears at the head of a column (space above a crosshead). */
  | { readonly kind: 'gap'; readonly steps: number }
  /** A picture or rule: drawn by `draw` with its top at the grid line above its first step. */
  | { readonly kind: 'figure'; readonly steps: number; readonly src?: Span; readonly draw: (x: number, top: number, width: number) => FrameItem[] };

export interface Filled {
  /** Units per column, in order. */
  readonly columns: FlowUnit[][];
  /** Units that did not fit. */
  readonly overset: FlowUnit[];
  /** Deepest column, in steps. */
  readonly depth: number;
}

/** Pours units into `n` columns of at most `depth` steps each. */
function pour(units: readonly FlowUnit[], n: number, depth: number): Filled {
  const columns: FlowUnit[][] = [];
  let i = 0;
  for (let c = 0; c < n && i < units.length; c++) {
    const col: FlowUnit[] = [];
    let used = 0;
    while (i < units.length) {
      const u = units[i]!;
      if (col.length === 0 && u.kind === 'gap') {
        i++;
        continue;
      }
      if (used + u.steps > depth) break;
      col.push(u);
      used += u.steps;
      i++;
    }
    // Keep-with-next: a crosshead or byline line never ends a column that has other text.
    while (i < units.length && col.length > 1) {
      const last = col[col.length - 1]!;
      if (!((last.kind === 'line' && last.keepWithNext) || last.kind === 'gap')) break;
      col.pop();
      i--;
    }
    if (col.length === 0 && i < units.length && units[i]!.steps > depth) {
      // A unit taller than the column can never be placed.
      break;
    }
    columns.push(col);
  }
  const depthUsed = Math.max(0, ...columns.map((c) => c.reduce((s, u) => s + u.steps, 0)));
  return { columns, overset: units.slice(i), depth: depthUsed };
}

/**
 * Flows units through `n` columns of `capacity` steps. With `balance`, finds the
 * smallest depth at which everything fits, so the columns end level (within the
 * step a kept line or figure forces); otherwise fills each column in turn.
 */
export function flowColumns(units: readonly FlowUnit[], n: number, capacity: number, balance: boolean): Filled {
  if (capacity <= 0) return { columns: [], overset: [...units], depth: 0 };
  if (balance) {
    const total = units.reduce((s, u) => s + u.steps, 0);
    for (let d = Math.max(1, Math.ceil(total / n)); d <= capacity; d++) {
      const f = pour(units, n, d);
      if (f.overset.length === 0) return f;
    }
  }
  return pour(units, n, capacity);
}
