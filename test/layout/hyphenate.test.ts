// British English hyphenation: the en-GB patterns, newspaper limits, and the words that must never break.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPHENATION } from '../../src/core/index.js';
import { hyphenationPoints } from '../../src/layout/text/hyphenate.js';
import { softHyphens } from '../../src/layout/text/items.js';

/** The word with a hyphen at each break point, as a reader would see the choices. */
const show = (word: string, opts = DEFAULT_HYPHENATION) => {
  let out = '';
  let from = 0;
  for (const p of hyphenationPoints(word, opts)) (out += word.slice(from, p) + '-'), (from = p);
  return out + word.slice(from);
};

describe('en-GB hyphenation', () => {
  it('follows British patterns', () => {
    expect(show('knowledge')).toBe('know-ledge'); // American patterns give knowl-edge
    expect(show('progress')).toBe('pro-gress');
    expect(show('neighbourhood')).toBe('neigh-bour-hood');
    expect(show('apprehension')).toBe('ap-pre-hen-sion');
    expect(show('safeguarded')).toBe('safe-guarded');
  });

  it('keeps at least two letters before a break and three after', () => {
    for (const w of ['investigation', 'organised', 'psychologically', 'environment', 'community']) {
      const pts = hyphenationPoints(w, DEFAULT_HYPHENATION);
      expect(pts.length, w).toBeGreaterThan(0);
      for (const p of pts) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(w.length - p).toBeGreaterThanOrEqual(3);
      }
    }
    expect(show('investigation', { ...DEFAULT_HYPHENATION, leftMin: 3, rightMin: 4 })).toBe('invest-ig-a-tion'); // no 'in-' with 3 letters before
  });

  it('leaves short words, numbers, addresses, acronyms and compounds whole', () => {
    for (const w of ['four', '2020s', 'west-midlands.police', 'news@courier.example', 'https://courier.example/news', 'www.example.org', 'ROCU', 'twelve-year-old', 'and/or']) {
      expect(hyphenationPoints(w, DEFAULT_HYPHENATION), w).toEqual([]);
    }
  });

  it('breaks capitalised words only when the style allows it', () => {
    expect(show('Birmingham')).toContain('-');
    expect(hyphenationPoints('Birmingham', { ...DEFAULT_HYPHENATION, capitalised: false })).toEqual([]);
  });

  it('keeps punctuation outside and never breaks beside an apostrophe', () => {
    expect(show('“knowledge,”')).toBe('“know-ledge,”');
    expect(show('children’s')).not.toMatch(/-’|’-/);
    expect(show('neighbourhood’s')).toBe('neigh-bour-hood’s');
  });

  it('honours soft hyphens in the copy as the word’s only breaks', () => {
    expect(softHyphens('news\u00ADpaper\u00ADman')).toEqual({ text: 'newspaperman', points: [4, 9] });
    expect(softHyphens('plain')).toEqual({ text: 'plain', points: [] });
  });

  it('can be switched off', () => {
    expect(hyphenationPoints('knowledge', { ...DEFAULT_HYPHENATION, enabled: false })).toEqual([]);
  });
});
