// British English hyphenation: where words break, shown as a reader sees them (“know-ledge”).
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPHENATION, hyphenationPoints, stripSoftHyphens, type HyphenationOptions } from '../../src/layout/text/hyphenate.js';

const SHY = '\u00AD';

/** Options: the defaults with some changed. */
const opts = (o: Partial<HyphenationOptions> = {}): HyphenationOptions => ({ ...DEFAULT_HYPHENATION, ...o });

/** The word with a hyphen at every break point, e.g. “know-ledge”; soft hyphens are removed first, as the setter does. */
function hyphenated(word: string, o?: Partial<HyphenationOptions>): string {
  const points = hyphenationPoints(word, o && opts(o));
  const text = stripSoftHyphens(word).text;
  let out = '';
  let from = 0;
  for (const p of points) {
    out += `${text.slice(from, p)}-`;
    from = p;
  }
  return out + text.slice(from);
}

/** Characters (letters and apostrophes) in a piece of a word. */
const positions = (s: string) => [...s].filter((c) => /[\p{L}'’]/u.test(c)).length;

describe('British patterns', () => {
  // Hand-checked against British usage (Collins, Oxford): etymological breaks, not the US
  // phonetic ones (US patterns give knowl-edge, and no break at all in progress).
  it.each([
    ['knowledge', 'know-ledge'],
    ['progress', 'pro-gress'],
    ['organised', 'or-gan-ised'],
    ['investigation', 'in-vest-ig-a-tion'],
    ['paedophile', 'pae-do-phile'],
    ['safeguarded', 'safe-guarded'],
    ['predators', 'pred-at-ors'],
    ['apprehension', 'ap-pre-hen-sion'],
    ['environment', 'en-vir-on-ment'],
    ['psychologically', 'psy-cho-lo-gic-ally'],
    ['community', 'com-munity'],
    ['neighbourhood', 'neigh-bour-hood'],
    ['programme', 'pro-gramme'],
    ['colour', 'col-our'],
  ])('%s → %s', (word, expected) => {
    expect(hyphenated(word)).toBe(expected);
  });

  it('never breaks the past tense off: safeguarded is not safeguard-ed', () => {
    expect(hyphenated('safeguarded')).not.toContain('-ed');
  });
});

describe('minWordLength', () => {
  it('breaks a five-letter word by default, and not when six letters are the minimum', () => {
    expect(hyphenated('human')).toBe('hu-man');
    expect(hyphenated('human', { minWordLength: 6 })).toBe('human');
  });

  it('counts letters only, not the punctuation around the word', () => {
    expect(hyphenated('colour', { minWordLength: 6 })).toBe('col-our');
    expect(hyphenated('“colour,”', { minWordLength: 7 })).toBe('“colour,”');
  });
});

describe('leftMin and rightMin', () => {
  it('drops the two-letter endings the en-GB patterns allow (nation-al, hospit-al, nev-er)', () => {
    // The raw patterns give na-tion-al, hos-pit-al and nev-er: right-hand pieces of two letters.
    expect(hyphenated('national')).toBe('na-tional');
    expect(hyphenated('hospital')).toBe('hos-pital');
    expect(hyphenated('never')).toBe('never');
  });

  it('keeps leftMin characters before a break', () => {
    expect(hyphenated('remain')).toBe('re-main');
    expect(hyphenated('remain', { leftMin: 3 })).toBe('remain');
    expect(hyphenated('psychologically', { leftMin: 4 })).toBe('psycho-lo-gic-ally');
  });

  it('keeps rightMin characters after a break', () => {
    expect(hyphenated('psychologically', { rightMin: 5 })).toBe('psy-cho-lo-gically');
    expect(hyphenated('progress', { rightMin: 6 })).toBe('progress');
  });

  it('counts an apostrophe as a character: chil-dren’s leaves six after the break', () => {
    expect(hyphenated('children’s', { rightMin: 6 })).toBe('chil-dren’s');
    expect(hyphenated('children’s', { rightMin: 7 })).toBe('children’s');
  });

  it.each([
    [2, 3],
    [3, 3],
    [3, 4],
  ])('no break in a body of words has fewer than %i before or %i after', (leftMin, rightMin) => {
    const words =
      'knowledge progress organised investigation paedophile safeguarded predators apprehension environment psychologically community neighbourhood programme colour national hospital general original director typical electrical generator courier cricket fictional reported officers specialist collectively abandoned supplied carried happily merrily heavily easily actually children’s organisations’'.split(' ');
    let breaks = 0;
    for (const w of words) {
      for (const p of hyphenationPoints(w, opts({ leftMin, rightMin }))) {
        breaks++;
        expect(positions(w.slice(0, p)), `${w} at ${p}`).toBeGreaterThanOrEqual(leftMin);
        expect(positions(w.slice(p)), `${w} at ${p}`).toBeGreaterThanOrEqual(rightMin);
      }
    }
    expect(breaks).toBeGreaterThan(20); // the check looked at real breaks
  });
});

describe('words that are never broken', () => {
  it.each([
    ['a URL', 'https://www.safeguarding.example.org/investigation'],
    ['a URL without a scheme', 'www.investigation.example.org'],
    ['a bracketed URL', '(www.investigation.example.org)'],
    ['an e-mail address', 'investigation@police.example.uk'],
    ['a decade', '2020s'],
    ['a word with a digit', 'investigation2'],
    ['an acronym', 'SAFEGUARDING'],
    ['an acronym in a possessive', 'SAFEGUARDING’s'],
    ['a plural acronym', 'PROGRAMMEs'],
    ['a hyphenated compound', 'well-organised'],
    ['a compound of three', 'twelve-year-old'],
    ['an address with inner full stops', 'west-midlands.police'],
    ['a compound with a non-breaking hyphen', 'well\u2011organised'],
    ['an en dash', 'knowledge–progress'],
    ['an em dash', 'knowledge—progress'],
    ['a slash', 'investigation/apprehension'],
    ['inner full stops', 'Investig.ation'],
  ])('%s: %s', (_what, word) => {
    expect(hyphenationPoints(word)).toEqual([]);
  });

  it('leaves acronyms whole even when capitalised words may break', () => {
    expect(hyphenated('SAFEGUARDING', { capitalised: true })).toBe('SAFEGUARDING');
  });

  it('leaves names, places and sentence-opening words whole unless capitalised is set', () => {
    expect(hyphenated('Nottingham')).toBe('Nottingham');
    expect(hyphenated('Investigation')).toBe('Investigation');
    expect(hyphenated('Investigation', { capitalised: true })).toBe('In-vest-ig-a-tion');
  });

  it('finds nothing when hyphenation is off', () => {
    expect(hyphenated('knowledge', { enabled: false })).toBe('knowledge');
  });
});

describe('punctuation stays outside the word', () => {
  it('shifts the points by the opening quote and puts none in the quote or comma', () => {
    expect(hyphenationPoints('knowledge')).toEqual([4]);
    expect(hyphenationPoints('“knowledge,”')).toEqual([5]);
    expect(hyphenated('“knowledge,”')).toBe('“know-ledge,”');
  });

  it.each([
    ['‘programme’', '‘pro-gramme’'],
    ['"progress"', '"pro-gress"'],
    ["'progress.'", "'pro-gress.'"],
    ['(investigation).', '(in-vest-ig-a-tion).'],
    ['environment:', 'en-vir-on-ment:'],
    ['[community]…', '[com-munity]…'],
    ['organisations’', 'or-gan-isa-tions’'],
    ['neighbourhood’s', 'neigh-bour-hood’s'],
  ])('%s → %s', (word, expected) => {
    expect(hyphenated(word)).toBe(expected);
  });

  it('puts every break between two letters, never beside punctuation or an apostrophe', () => {
    const tokens = ['“knowledge,”', '(investigation).', '‘children’s’', "children's", 'organisations’', 'government’s', 'programme’s', '…psychologically?'];
    for (const t of tokens) {
      const points = hyphenationPoints(t);
      expect(points.length, t).toBeGreaterThan(0);
      for (const p of points) {
        expect(t[p - 1], `${t} at ${p}`).toMatch(/\p{L}/u);
        expect(t[p], `${t} at ${p}`).toMatch(/\p{L}/u);
      }
    }
  });

  it('breaks a word with a straight apostrophe like one with a curly one', () => {
    expect(hyphenated("children's")).toBe("chil-dren's");
    expect(hyphenated('children’s')).toBe('chil-dren’s');
    // Read as one word with the apostrophe as a letter, the patterns would give program-me's.
    expect(hyphenated("programme's")).toBe("pro-gramme's");
    expect(hyphenated('programme’s')).toBe('pro-gramme’s');
  });
});

describe('soft hyphens', () => {
  it('strips them and says where they were', () => {
    expect(stripSoftHyphens(`know${SHY}ledge`)).toEqual({ text: 'knowledge', points: [4] });
    expect(stripSoftHyphens(`${SHY}know${SHY}${SHY}ledge${SHY}`)).toEqual({ text: 'knowledge', points: [4] });
    expect(stripSoftHyphens('knowledge')).toEqual({ text: 'knowledge', points: [] });
  });

  it('are the only breaks of their word, as offsets into the word without them', () => {
    // The patterns would give know-ledge and in-vest-ig-a-tion.
    expect(hyphenationPoints(`knowl${SHY}edge`)).toEqual([5]);
    expect(hyphenated(`knowl${SHY}edge`)).toBe('knowl-edge');
    expect(hyphenated(`investiga${SHY}tion`)).toBe('investiga-tion');
  });

  it('count from the start of the token, punctuation included', () => {
    expect(hyphenationPoints(`“knowl${SHY}edge,”`)).toEqual([6]);
  });

  it('are honoured where the patterns would not break: names, short words, hyphenation off, tight limits', () => {
    expect(hyphenated(`Notting${SHY}ham`)).toBe('Notting-ham');
    expect(hyphenated(`know${SHY}ledge`, { enabled: false })).toBe('know-ledge');
    expect(hyphenated(`hu${SHY}man`, { minWordLength: 6, rightMin: 4 })).toBe('hu-man');
  });

  it('break nothing when they stand outside the letters', () => {
    expect(hyphenationPoints(`“${SHY}knowledge”`)).toEqual([]);
    expect(hyphenationPoints(`knowledge${SHY},`)).toEqual([]);
  });
});

describe('cache', () => {
  it('returns equal results for a word met again', () => {
    const first = hyphenationPoints('psychologically');
    expect(hyphenationPoints('psychologically')).toEqual(first);
    expect(first).toEqual([3, 6, 8, 11]);
  });

  it('keeps results apart for different options', () => {
    expect(hyphenationPoints('remain')).toEqual([2]);
    expect(hyphenationPoints('remain', opts({ leftMin: 3 }))).toEqual([]);
    expect(hyphenationPoints('remain')).toEqual([2]);
  });

  it('cannot be changed by a caller: the cached points are frozen', () => {
    expect(() => (hyphenationPoints('neighbourhood') as number[]).push(99)).toThrow(TypeError);
    expect(hyphenationPoints('neighbourhood')).toEqual([5, 9]);
  });
});

describe('options', () => {
  it('defaults to 5 letters, 2 before, 3 after, no capitalised words', () => {
    expect(DEFAULT_HYPHENATION).toEqual({ enabled: true, minWordLength: 5, leftMin: 2, rightMin: 3, capitalised: false });
  });

  it('rejects a limit that is not a whole number of characters', () => {
    expect(() => hyphenationPoints('knowledge', opts({ leftMin: 0 }))).toThrow(/leftMin/);
    expect(() => hyphenationPoints('knowledge', opts({ rightMin: 2.5 }))).toThrow(/rightMin/);
  });
});
