// Column flow: balanced columns on the baseline grid, widows and orphans avoided, keep-with-next, overset.
import { describe, expect, it } from 'vitest';
import type { SetLine } from '../../src/layout/index.js';
import { flowColumns, type FlowUnit } from '../../src/layout/index.js';

const line = (text: string): SetLine => ({ runs: [], measure: 100, width: 90, spaceRatio: 1, spaceRatioEq: 1, letterSpacing: 0, hscale: 1, overfull: 0, hyphenated: false, last: false, text });

/** Paragraphs of the given line counts, as flow units. */
function paras(...counts: number[]): FlowUnit[] {
  return counts.flatMap((count, p) =>
    Array.from({ length: count }, (_, index): FlowUnit => ({ kind: 'line', line: line(`p${p} l${index}`), tag: { article: 'a', role: 'P', block: p }, keepWithNext: false, steps: 1, para: p, index, count })),
  );
}
const names = (col: FlowUnit[]) => col.map((u) => (u.kind === 'line' ? u.line.text : u.kind));

describe('column flow', () => {
  it('balances columns to within one line', () => {
    const f = flowColumns(paras(5, 6, 4, 7), 3, 100, true);
    const depths = f.columns.map((c) => c.length);
    expect(depths.reduce((a, b) => a + b, 0)).toBe(22);
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1);
    expect(f.overset).toEqual([]);
  });

  it('does not leave the first line of a paragraph alone at the foot of a column (orphan)', () => {
    // 4 + 4 lines in two columns of 5: a plain split would put p1's first line at the foot of column 1.
    const f = flowColumns(paras(4, 4), 2, 5, false);
    expect(names(f.columns[0]!)).toEqual(['p0 l0', 'p0 l1', 'p0 l2', 'p0 l3']);
    expect(f.lone).toEqual([]);
  });

  it('does not leave the last line of a paragraph alone at the head of a column (widow)', () => {
    // 6 lines in columns of 5: a plain split would carry p0's last line over alone.
    const f = flowColumns(paras(6, 3), 2, 5, false);
    expect(names(f.columns[0]!)).toEqual(['p0 l0', 'p0 l1', 'p0 l2', 'p0 l3']);
    expect(names(f.columns[1]!).slice(0, 2)).toEqual(['p0 l4', 'p0 l5']);
  });

  it('keeps a crosshead with the paragraph after it and drops the space above it at a column head', () => {
    const units: FlowUnit[] = [
      ...paras(4),
      { kind: 'gap', steps: 1 },
      { kind: 'line', line: line('Crosshead'), tag: { article: 'a', role: 'H2', block: 9 }, keepWithNext: true, steps: 1, para: 9, index: 0, count: 1 },
      ...paras(0, 3).map((u) => (u.kind === 'line' ? { ...u, para: 10 } : u)),
    ];
    const f = flowColumns(units, 2, 6, false);
    expect(names(f.columns[0]!)).toEqual(['p0 l0', 'p0 l1', 'p0 l2', 'p0 l3']);
    expect(names(f.columns[1]!)[0]).toBe('Crosshead');
  });

  it('reports what does not fit as overset, in order', () => {
    const f = flowColumns(paras(10, 10), 2, 8, true);
    expect(f.overset.length).toBeGreaterThan(0);
    const placed = f.columns.flat().length;
    expect(placed + f.overset.length).toBe(20);
    expect(names([f.overset[0]!])[0]).toBe(names([paras(10, 10)[placed]!])[0]);
  });

  it('accepts a widow when no better break exists, and says so', () => {
    // A two-line paragraph in columns one line deep cannot avoid splitting.
    const f = flowColumns(paras(2), 2, 1, false);
    expect(f.columns.map((c) => c.length)).toEqual([1, 1]);
    expect(f.lone.length).toBe(1);
  });
});
