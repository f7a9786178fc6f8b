// The composer's search alone, on measured-looking options: full pages, priority order, jumps, and no overlap.
import { describe, expect, it } from 'vitest';
import { composeHole, type Composition, type HoleInput, type StoryInput, type StoryOption } from '../../../src/layout/compose/search.js';

const HOLE = (rows: number[]): HoleInput => ({ rows, gap: 1, minLeg: 11, maxLeg: 67, minFiller: 8 });

/** A text story of `lines` body lines with a head of `head` rows at every span from 1 to `spans`. */
function story(id: string, lines: number, head: number, opts: { spans?: number[]; photo?: number; grow?: number; headline?: number; jump?: boolean } = {}): StoryInput {
  const options: StoryOption[] = (opts.spans ?? [1, 2, 3, 4, 5]).map((span) => {
    const legRows = Math.ceil(lines / span);
    const photo = opts.photo ? opts.photo : 0;
    const rows = head + photo + legRows;
    return { span, rows, grow: opts.grow ?? 0, trimmed: 0, headline: opts.headline ?? 30, legRows, picture: photo * span, jumpRows: head + photo + 27 };
  });
  return { id, options, jumpable: opts.jump === true, jumpAsked: opts.jump === true };
}

/** Every cell of the hole is covered once: by a module, a filler or a gap row under a module or filler. */
function expectTiled(c: Composition, hole: HoleInput) {
  const grid = hole.rows.map((r) => new Array<number>(r).fill(0));
  const mark = (col: number, row: number, span: number, rows: number) => {
    for (let x = col; x < col + span; x++) for (let y = row; y < row + rows; y++) {
      expect(y, `row ${y} of column ${x} is below the hole`).toBeLessThan(hole.rows[x]!);
      grid[x]![y]! += 1;
    }
  };
  // A module stepped round the adverts runs each of its columns to its own foot.
  for (const p of c.placements) {
    if (p.feet) p.feet.forEach((f, i) => mark(p.col + i, p.row, 1, f));
    else mark(p.col, p.row, p.span, p.rows);
  }
  for (const f of c.fillers) mark(f.col, f.row, f.span, f.rows);
  grid.forEach((column, x) => column.forEach((n, y) => expect(n, `cell ${x},${y} covered ${n} times`).toBeLessThanOrEqual(1)));
  // Uncovered cells are gap rows: at most `gap` rows in a run, never at a column's foot beyond fitting's one row.
  for (const column of grid) {
    let run = 0;
    for (const n of column) {
      run = n === 0 ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(hole.gap + 1);
    }
  }
}

describe('composeHole', () => {
  it('fills a plain hole with a lead and a second story, lead at the top left', () => {
    const hole = HOLE([100, 100, 100, 100, 100]);
    const c = composeHole([story('lead', 200, 12, { photo: 20, grow: 30, headline: 48 }), story('second', 60, 6, { headline: 30 })], hole)!;
    expect(c).toBeDefined();
    expectTiled(c, hole);
    const lead = c.placements.find((p) => p.story === 0)!;
    expect(lead.col).toBe(0);
    expect(lead.row).toBe(0);
    expect(c.fillers.filter((f) => f.white)).toEqual([]);
  });

  it('lets the photo grow to fill instead of leaving a hole', () => {
    const hole = HOLE([80, 80, 80]);
    const c = composeHole([story('pic', 90, 8, { photo: 10, grow: 60, spans: [3] })], hole)!;
    expect(c.placements[0]!.rows).toBe(80);
    expect(c.fillers).toEqual([]);
  });

  it('fills a short page with a house promo sized to the hole, never white', () => {
    const hole = HOLE([100, 100]);
    const c = composeHole([story('short', 40, 6, { spans: [2] })], hole)!;
    expectTiled(c, hole);
    const promo = c.fillers.filter((f) => !f.white);
    expect(promo.length).toBe(1);
    expect(c.placements[0]!.rows + hole.gap + promo[0]!.rows).toBe(100);
  });

  it('composes round a pyramid of adverts at the foot', () => {
    // Five columns; a 3-column advert at the outer edge takes 40 rows, a 2-column one 20.
    const hole = HOLE([90, 90, 70, 70, 70]);
    const stories = [story('lead', 120, 12, { photo: 16, grow: 40, headline: 48 }), story('two', 90, 6), story('three', 30, 5, { headline: 24 }), story('nib', 12, 3, { headline: 18 })];
    const c = composeHole(stories, hole)!;
    expect(c).toBeDefined();
    expectTiled(c, hole);
    expect(new Set(c.placements.map((p) => p.story))).toEqual(new Set([0, 1, 2, 3]));
    expect(c.fillers.filter((f) => f.white).reduce((n, f) => n + f.rows * f.span, 0)).toBeLessThanOrEqual(2);
  });

  it('jumps a story too long for the page when it may, and sets it short (overset, a fault) only when it may not', () => {
    const hole = HOLE([60, 60]);
    const long = story('long', 400, 8, { spans: [2], jump: true });
    const c = composeHole([long], hole)!;
    expect(c.placements[0]!.jumps).toBe(true);
    expect(c.placements[0]!.rows).toBe(60);
    expect(c.faults).toEqual(['long jumps']);
    const stuck = composeHole([story('long', 400, 8, { spans: [2] })], hole)!;
    expect(stuck.placements[0]!.jumps).toBe(false);
    expect(stuck.placements[0]!.short).toBe(true);
    expect(stuck.faults).toEqual(['long overset']);
  });

  it('never sets a story short when another arrangement shows all of it', () => {
    // Side by side, each story needs more rows than the hole; stacked in full width each fits whole.
    const hole = HOLE([80, 80, 80, 80]);
    const c = composeHole([story('a', 120, 6, { spans: [2, 4] }), story('b', 100, 6, { spans: [2, 4] })], hole)!;
    expect(c.placements.every((p) => !p.short)).toBe(true);
    expect(c.placements.every((p) => p.span === 4)).toBe(true);
  });

  it('cuts a story at its cut mark rather than jump it or leave it overset, and says how much', () => {
    const hole = HOLE([60, 60]);
    // The whole story needs 8 + 130 rows a leg; cut at its mark (4 paragraphs) it needs 8 + 50.
    const whole = { span: 2, rows: 138, grow: 0, trimmed: 0, headline: 30, legRows: 130, picture: 0, jumpRows: 36 };
    const cut = { ...whole, rows: 58, legRows: 50, trimmed: 4 };
    const c = composeHole([{ id: 'cup', options: [whole, cut] }], hole)!;
    expect(c.placements[0]!.option).toBe(1);
    expect(c.placements[0]!.short).toBe(false);
    expect(c.faults).toEqual([]);
  });

  it('never sets headlines less than two steps of the scale apart side by side at the same height, even down a cut', () => {
    // The lead (step 0), a second story (step 1) and a third (step 2): the second never sits beside the lead's head,
    // and no two heads that meet across a cut, at whatever depth, are of neighbouring steps.
    const withStep = (s: StoryInput, step: number, headRows = 3): StoryInput => ({ ...s, options: s.options.map((o) => ({ ...o, step, headRows })) });
    const stories = [withStep(story('lead', 150, 6, { headline: 40 }), 0), withStep(story('second', 60, 4, { headline: 26 }), 1), withStep(story('third', 40, 3, { headline: 18 }), 2), withStep(story('fourth', 40, 3, { headline: 18 }), 2)];
    const hole = HOLE([60, 60, 60, 60, 60]);
    const c = composeHole(stories, hole)!;
    expect(c).toBeDefined();
    expectTiled(c, hole);
    const step = (k: number) => stories[k]!.options[0]!.step!;
    for (const a of c.placements) {
      for (const b of c.placements) {
        if (a === b || a.col + a.span !== b.col) continue;
        // Heads side by side: b's module starts in the rows a's head takes (3 rows from its top).
        if (b.row < a.row + 3 && a.row < b.row + 3) expect(Math.abs(step(a.story) - step(b.story)), `${stories[a.story]!.id} beside ${stories[b.story]!.id}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(c.faults.filter((f) => /side by side/.test(f))).toEqual([]);
  });

  it('steps a story down round the advert stack: its legs above the adverts stop at their line', () => {
    // Columns 0–2 run 60 rows, 3–4 stop at 40 (an advert under them): one story of 4 columns' worth fills it stepped.
    const hole = HOLE([60, 60, 60, 40, 40]);
    const lines = 3 * 52 + 2 * 32 - 8;
    const s: StoryInput = { id: 'long', options: [{ span: 5, rows: 8 + Math.ceil(lines / 5), grow: 0, trimmed: 0, headline: 40, legRows: Math.ceil(lines / 5), bodySteps: lines, picture: 0 }] };
    const c = composeHole([s], hole)!;
    expect(c.placements).toHaveLength(1);
    expect(c.placements[0]!.feet).toEqual([60, 60, 60, 40, 40]);
    expect(c.placements[0]!.short).toBe(false);
    expect(c.fillers.filter((f) => !f.white)).toEqual([]);
    expectTiled(c, hole);
  });

  it('gives the same page for the same input', () => {
    const hole = HOLE([90, 90, 90, 70, 70]);
    const stories = [story('a', 200, 10, { photo: 12, grow: 30, headline: 48 }), story('b', 100, 6), story('c', 60, 5, { headline: 24 }), story('d', 14, 3, { headline: 18 }), story('e', 12, 3, { headline: 18 })];
    expect(JSON.stringify(composeHole(stories, hole))).toBe(JSON.stringify(composeHole(stories, hole)));
  });
});
