// The Knuth–Plass breaker: hand-checked paragraphs, and total fit checked against an exhaustive search.
import { describe, expect, it } from 'vitest';
import { BLACK } from '../../src/core/index.js';
import { breakParagraph, type Item } from '../../src/layout/index.js';
import { DEFAULT_BREAK_OPTIONS } from '../../src/layout/text/break-lines.js';

const style = { text: '', face: 'mono', size: 10, color: BLACK, tracking: 0 };

/** A paragraph in a monospace measure: each letter 1 unit, spaces 1 unit stretching by 1 and shrinking by ½ (TeX's usual shape). */
function para(text: string, opts: { hyphenAt?: Record<string, number[]> } = {}): Item[] {
  const items: Item[] = [];
  text.split(' ').forEach((word, i, all) => {
    const cuts = opts.hyphenAt?.[word] ?? [];
    let from = 0;
    for (const at of cuts) {
      items.push({ type: 'box', width: at - from, parts: [{ ...style, text: word.slice(from, at), width: at - from }] });
      items.push({ type: 'penalty', width: 1, penalty: 50, flagged: true, hyphenation: true });
      from = at;
    }
    items.push({ type: 'box', width: word.length - from, parts: [{ ...style, text: word.slice(from), width: word.length - from }] });
    if (i < all.length - 1) items.push({ type: 'glue', width: 1, stretch: 1, shrink: 0.5, style });
  });
  items.push({ type: 'penalty', width: 0, penalty: 10000, flagged: false });
  items.push({ type: 'glue', width: 0, stretch: 1e6, shrink: 0, style });
  items.push({ type: 'penalty', width: 0, penalty: -10000, flagged: false });
  return items;
}

const lines = (items: Item[], breaks: { position: number }[]) => {
  const out: string[] = [];
  let from = 0;
  for (const b of breaks) {
    const words: string[] = [];
    let word = '';
    for (let i = from; i < b.position; i++) {
      const it = items[i]!;
      if (it.type === 'box') word += it.parts.map((p) => p.text).join('');
      else if (it.type === 'glue' && word) (words.push(word), (word = ''));
    }
    const end = items[b.position]!;
    if (end.type === 'penalty' && end.flagged) word += '-';
    if (word) words.push(word);
    out.push(words.join(' '));
    from = b.position + 1;
  }
  return out;
};

/** Demerits of one set of breaks, by the same rules (TeX's), or Infinity when a line is infeasible. */
function demeritsOf(items: Item[], breaks: number[], width: number, tolerance: number): number {
  let total = 0;
  let prevFit = 1;
  let prevFlag = false;
  let from = 0;
  for (const b of breaks) {
    let w = 0;
    let st = 0;
    let sh = 0;
    let i = from;
    while (i < b && items[i]!.type !== 'box') i++;
    for (; i < b; i++) {
      const it = items[i]!;
      if (it.type === 'box') w += it.width;
      else if (it.type === 'glue') (w += it.width), (st += it.stretch), (sh += it.shrink);
    }
    const end = items[b]!;
    if (end.type === 'penalty') w += end.width;
    const r = w < width ? (w === width ? 0 : st > 0 ? (width - w) / st : Infinity) : w > width ? (sh > 0 ? (width - w) / sh : -Infinity) : 0;
    if (r < -1) return Infinity;
    const bad = Math.min(10000, 100 * Math.abs(r) ** 3);
    if (bad > tolerance) return Infinity;
    const p = end.type === 'penalty' ? end.penalty : 0;
    const flagged = end.type === 'penalty' && end.flagged;
    let d = (10 + bad) ** 2 + (p > 0 ? p * p : p < 0 && p > -10000 ? -p * p : 0);
    if (flagged && prevFlag) d += 10000;
    if (p <= -10000 && prevFlag) d += 5000;
    const fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
    if (Math.abs(fit - prevFit) > 1) d += 10000;
    total += d;
    prevFit = fit;
    prevFlag = flagged;
    from = b + 1;
  }
  return total;
}

/** Every legal set of breaks, by brute force (small paragraphs only). */
function bestByExhaustion(items: Item[], width: number, tolerance: number): number {
  const legal: number[] = [];
  items.forEach((it, i) => {
    if ((it.type === 'glue' && items[i - 1]?.type === 'box') || (it.type === 'penalty' && it.penalty < 10000 && it.penalty > -10000)) legal.push(i);
  });
  const last = items.length - 1;
  let best = Infinity;
  const n = legal.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const breaks = legal.filter((_, k) => mask & (1 << k)).concat(last);
    best = Math.min(best, demeritsOf(items, breaks, width, tolerance));
  }
  return best;
}

/** A seeded generator, so the random paragraphs are the same every run. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('Knuth–Plass breaking', () => {
  it('sets a hand-checked paragraph: a tight middle line beats a very loose one', () => {
    // At 10 units: "ddddd ee" would stretch its one space by 2 (r = 2, badness 800); "ddddd ee ff" shrinks
    // its two spaces by ½ each (r = −1, badness 100), so total fit takes "ff" up and the last line is short.
    const items = para('aaa bb cc ddddd ee ff gggg hh');
    const r = breakParagraph(items, () => 10, { pretolerance: -1, tolerance: 10000 });
    expect(lines(items, r.breaks)).toEqual(['aaa bb cc', 'ddddd ee ff', 'gggg hh']);
    expect(r.breaks.map((b) => b.ratio.toFixed(2))).toEqual(['0.50', '-1.00', r.breaks[2]!.ratio.toFixed(2)]);
  });

  it('never does worse than first-fit, and often better', () => {
    const next = rng(7);
    let better = 0;
    for (let trial = 0; trial < 60; trial++) {
      const text = Array.from({ length: 14 }, () => 'x'.repeat(1 + Math.floor(next() * 7))).join(' ');
      const items = para(text);
      const width = 14 + Math.floor(next() * 8);
      const kp = breakParagraph(items, () => width, { pretolerance: -1, tolerance: 10000 });
      const kpDemerits = demeritsOf(items, kp.breaks.map((b) => b.position), width, 10000);
      // First fit: each line takes the most words that fit at full shrink.
      const ff: number[] = [];
      let from = 0;
      let lastFit = -1;
      for (let i = 0; i < items.length; i++) {
        const it = items[i]!;
        const legal = (it.type === 'glue' && items[i - 1]?.type === 'box') || i === items.length - 1;
        if (!legal) continue;
        let w = 0;
        let sh = 0;
        for (let j = from; j < i; j++) {
          const x = items[j]!;
          if (x.type === 'box') w += x.width;
          else if (x.type === 'glue' && j > from) (w += x.width), (sh += x.shrink);
        }
        if (w - sh > width && lastFit >= 0) {
          ff.push(lastFit);
          from = lastFit + 1;
          lastFit = -1;
          i = from - 1;
          continue;
        }
        lastFit = i;
      }
      ff.push(items.length - 1);
      const ffDemerits = demeritsOf(items, ff, width, 10000);
      if (!Number.isFinite(kpDemerits)) continue;
      expect(kpDemerits).toBeLessThanOrEqual(ffDemerits + 1e-6);
      if (kpDemerits < ffDemerits - 1e-6) better++;
    }
    expect(better).toBeGreaterThan(5);
  });

  it('finds the set of breaks with the fewest demerits, as an exhaustive search does', () => {
    const next = rng(42);
    const words = () => Array.from({ length: 9 + Math.floor(next() * 6) }, () => 'x'.repeat(1 + Math.floor(next() * 7))).join(' ');
    for (let trial = 0; trial < 40; trial++) {
      const items = para(words());
      const width = 12 + Math.floor(next() * 10);
      const r = breakParagraph(items, () => width, { pretolerance: -1, tolerance: 2000 });
      if (r.pass !== 2) continue;
      const got = demeritsOf(items, r.breaks.map((b) => b.position), width, 2000);
      expect(got).toBeCloseTo(bestByExhaustion(items, width, 2000), 6);
    }
  });

  it('honours per-line widths, for a drop cap or a picture', () => {
    const items = para('aaaa bbbb cccc dddd eeee ffff gggg hhhh');
    const r = breakParagraph(items, (n) => (n < 2 ? 9 : 19), { pretolerance: -1, tolerance: 10000 });
    const got = lines(items, r.breaks);
    expect(got.slice(0, 2)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(got[2]!.length).toBeGreaterThan(9);
  });

  it('never sets more hyphenated lines in a row than allowed', () => {
    const words = 'abcdefgh ijklmnop qrstuvwx yzabcdef ghijklmn opqrstuv wxyzabcd efghijkl';
    const hyphenAt = Object.fromEntries(words.split(' ').map((w) => [w, [2, 3, 4, 5, 6]]));
    const items = para(words, { hyphenAt });
    for (const max of [1, 2]) {
      const r = breakParagraph(items, () => 11, { pretolerance: -1, maxHyphensInRow: max, doubleHyphenDemerits: 0 });
      let run = 0;
      for (const b of r.breaks) {
        run = b.flagged ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(max);
      }
      expect(r.breaks.some((b) => b.flagged)).toBe(true);
    }
  });

  it('tries a first pass without hyphenation and hyphenates only when that fails', () => {
    const easy = para('aaa bb cc ddddd ee ff gggg hh', { hyphenAt: { ddddd: [2] } });
    expect(breakParagraph(easy, () => 10).pass).toBe(1);
    // At 15 units, "aaaaaaaaa bbbb-" fits exactly; without the hyphen no line is within tolerance.
    const hard = para('aaaaaaaaa bbbbbbbbbb', { hyphenAt: { bbbbbbbbbb: [4] } });
    const r = breakParagraph(hard, () => 15);
    expect(r.pass).toBe(2);
    expect(lines(hard, r.breaks)).toEqual(['aaaaaaaaa bbbb-', 'bbbbbb']);
  });

  it('falls back to emergency stretch, then to the least-bad overfull line, never dropping words', () => {
    const loose = para('aaaaaaaaaa bb');
    expect(breakParagraph(loose, () => 6, { emergencyStretch: 0 }).pass).toBe(4);
    const tooLong = para('aa bbbbbbbbbbbbbbbbbbbb cc');
    const r = breakParagraph(tooLong, () => 8);
    expect(r.pass).toBe(4);
    expect(lines(tooLong, r.breaks).join(' ')).toBe('aa bbbbbbbbbbbbbbbbbbbb cc');
    expect(r.breaks.some((b) => b.ratio < -1)).toBe(true);
    const stretchy = para('aaaa bb cccccccc');
    expect(breakParagraph(stretchy, () => 12, { tolerance: 100, emergencyStretch: 4 }).pass).toBe(3);
  });

  it('makes the paragraph a line longer with looseness 1', () => {
    const items = para('aaa bb cc ddddd ee ff gggg hh ii jjj');
    const tight = breakParagraph(items, () => 12, { pretolerance: -1, tolerance: 10000 }).breaks.length;
    const loose = breakParagraph(items, () => 12, { pretolerance: -1, tolerance: 10000, looseness: 1 }).breaks.length;
    expect(loose).toBe(tight + 1);
  });

  it('uses TeX’s defaults unless told otherwise', () => {
    expect(DEFAULT_BREAK_OPTIONS).toMatchObject({ linePenalty: 10, adjDemerits: 10000, doubleHyphenDemerits: 10000, finalHyphenDemerits: 5000, pretolerance: 100 });
  });
});
