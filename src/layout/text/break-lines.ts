// Line breaking over boxes, glue and penalties. For now first-fit (greedy); the composer of issue 3 replaces it with Knuth–Plass total fit behind the same signature.
import type { Item } from './items.js';
import { FORCED, FORBIDDEN } from './items.js';

export interface Break {
  /** Index of the item where the line ends (a glue or penalty). */
  readonly position: number;
  /** Adjustment ratio of the line ending here: −1…0 shrinks, 0… stretches; beyond −1 the line is overfull. */
  readonly ratio: number;
  readonly flagged: boolean;
}

export interface BreakOptions {
  /** The largest ratio a line may stretch to before an earlier break is preferred (TeX's tolerance as a ratio). */
  readonly maxRatio: number;
}

/** Width, stretch and shrink of items [from, to), skipping glue and penalties at the start of the line. */
function measureLine(items: readonly Item[], from: number, to: number) {
  let width = 0;
  let stretch = 0;
  let shrink = 0;
  let i = from;
  while (i < to && items[i]!.type !== 'box') i++;
  for (; i < to; i++) {
    const it = items[i]!;
    if (it.type === 'box') width += it.width;
    else if (it.type === 'glue') {
      width += it.width;
      stretch += it.stretch;
      shrink += it.shrink;
    }
  }
  const end = items[to];
  if (end && end.type === 'penalty') width += end.width;
  return { width, stretch, shrink };
}

function ratioOf(m: { width: number; stretch: number; shrink: number }, lineWidth: number): number {
  const diff = lineWidth - m.width;
  if (diff >= 0) return m.stretch > 0 ? diff / m.stretch : diff > 0 ? Infinity : 0;
  return m.shrink > 0 ? diff / m.shrink : -Infinity;
}

/** Legal break positions: glue after a box, and penalties below FORBIDDEN. */
function isBreak(items: readonly Item[], i: number): boolean {
  const it = items[i]!;
  if (it.type === 'penalty') return it.penalty < FORBIDDEN;
  return it.type === 'glue' && i > 0 && items[i - 1]!.type === 'box';
}

/**
 * First-fit line breaking: each line takes as many items as fit at full shrink.
 * A word wider than the line stays alone on an overfull line (ratio < −1), which the caller reports.
 * @param lineWidth width of line n (0-based), so lines can run round a picture.
 */
export function breakLines(items: readonly Item[], lineWidth: (line: number) => number, _opts?: Partial<BreakOptions>): Break[] {
  const breaks: Break[] = [];
  let start = 0;
  let candidate = -1;
  for (let i = 0; i < items.length; i++) {
    if (!isBreak(items, i)) continue;
    const w = lineWidth(breaks.length);
    const m = measureLine(items, start, i);
    const r = ratioOf(m, w);
    const forced = items[i]!.type === 'penalty' && (items[i] as { penalty: number }).penalty <= FORCED;
    if (r < -1 && candidate >= 0) {
      // The line up to i is too long: end it at the last break that fitted, then look at i again.
      breaks.push(breakAt(items, start, candidate, lineWidth(breaks.length)));
      start = candidate + 1;
      candidate = -1;
      i = start - 1;
      continue;
    }
    if (forced) {
      breaks.push(breakAt(items, start, i, w));
      start = i + 1;
      candidate = -1;
      continue;
    }
    candidate = i;
    if (r < -1) {
      // Nothing fitted: a single overlong word. Break after it.
      breaks.push(breakAt(items, start, i, w));
      start = i + 1;
      candidate = -1;
    }
  }
  return breaks;
}

function breakAt(items: readonly Item[], from: number, to: number, w: number): Break {
  const it = items[to]!;
  return { position: to, ratio: ratioOf(measureLine(items, from, to), w), flagged: it.type === 'penalty' && it.flagged };
}
