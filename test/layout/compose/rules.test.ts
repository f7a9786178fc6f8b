// The rules checked on a composed page after its search: one picture dominates a page that has pictures.
import { describe, expect, it } from 'vitest';
import { dominanceFault } from '../../../src/layout/compose/rules.js';

describe('one picture dominates', () => {
  it('is broken when the two largest pictures are within half again of each other, naming the page and both stories', () => {
    const f = dominanceFault(3, [
      { article: 'lead', rank: 0, area: 10_000 },
      { article: 'second', rank: 1, area: 8_000 },
    ]);
    expect(f).toBe("page 3: no picture dominates: lead's and second's are within 50 % of each other in area");
  });

  it('holds when the largest is half as large again as any other, whichever story it belongs to', () => {
    expect(dominanceFault(2, [{ article: 'lead', rank: 0, area: 15_000 }, { article: 'second', rank: 1, area: 10_000 }, { article: 'third', rank: 2, area: 2_000 }])).toBeUndefined();
    expect(dominanceFault(2, [{ article: 'lead', rank: 0, area: 2_000 }, { article: 'second', rank: 1, area: 9_000 }])).toBeUndefined();
  });

  it('has nothing to say of a page with one picture or none', () => {
    expect(dominanceFault(1, [])).toBeUndefined();
    expect(dominanceFault(1, [{ article: 'lead', rank: 0, area: 1 }])).toBeUndefined();
  });
});
