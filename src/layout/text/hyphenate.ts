// British English hyphenation: Liang's patterns (the TeX hyph-en-gb set, through the `hyphen` package) with newspaper limits.
import enGb from 'hyphen/en-gb/index.js';
import type { HyphenationSettings } from '../../core/index.js';
import { DEFAULT_HYPHENATION } from '../../core/index.js';

/** Marker the pattern library inserts at each break: a character no article contains. */
const MARK = '\u{F8FF}';

/** Letters (and marks) a break may fall between. */
const LETTER = /[\p{L}\p{M}]/u;
/** Apostrophes inside words: “children’s”. A break is never put next to one. */
const APOSTROPHE = /['’]/;

const cache = new Map<string, readonly number[]>();

/**
 * Break points inside `word` (one token between spaces, punctuation and all), as
 * character offsets: a hyphen goes after `word.slice(0, offset)`. Empty when the
 * word must not be broken:
 * - shorter than `minWordLength` letters;
 * - a URL (`://`, `www.`), an e-mail address (`@`), or anything with a digit;
 * - a word with an explicit hyphen, dash or slash (it breaks there instead);
 * - all capitals (acronyms: ROCU), or starting with a capital unless `capitalised`.
 * Leading and trailing punctuation (quotes, brackets, commas) stays outside: points
 * count at least `leftMin` letters before and `rightMin` after, and never sit
 * beside an apostrophe.
 */
export function hyphenationPoints(word: string, opts: HyphenationSettings = DEFAULT_HYPHENATION): readonly number[] {
  if (!opts.enabled) return [];
  const key = `${opts.minWordLength}/${opts.leftMin}/${opts.rightMin}/${opts.capitalised ? 1 : 0}/${word}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const points = compute(word, opts);
  cache.set(key, points);
  return points;
}

function compute(word: string, opts: HyphenationSettings): readonly number[] {
  if (/[\d@]|:\/\/|^www\./i.test(word) || /[-‐–—/\u00AD]/.test(word)) return [];
  // The core: from the first letter to the last letter; punctuation around it stays whole.
  const chars = [...word];
  let start = 0;
  while (start < chars.length && !LETTER.test(chars[start]!)) start++;
  let end = chars.length;
  while (end > start && !LETTER.test(chars[end - 1]!)) end--;
  const core = chars.slice(start, end);
  if (core.some((c) => !LETTER.test(c) && !APOSTROPHE.test(c))) return []; // inner punctuation: not a plain word
  const letters = core.filter((c) => LETTER.test(c));
  if (letters.length < opts.minWordLength) return [];
  const first = core[0]!;
  if (first !== first.toLocaleLowerCase('en-GB')) {
    if (letters.every((c) => c === c.toLocaleUpperCase('en-GB'))) return []; // acronym
    if (!opts.capitalised) return [];
  }
  // Patterns work on lower case; map the marked result back onto the core's characters.
  const marked = [...enGb.hyphenateSync(core.join('').toLocaleLowerCase('en-GB'), { hyphenChar: MARK, minWordLength: opts.minWordLength })];
  const points: number[] = [];
  let pos = 0;
  for (const c of marked) {
    if (c === MARK) points.push(pos);
    else pos++;
  }
  // Offsets in the core → offsets in the word (UTF-16), within the letter limits, not beside an apostrophe.
  const lettersBefore = (i: number) => core.slice(0, i).filter((c) => LETTER.test(c)).length;
  const prefix = chars.slice(0, start).join('').length;
  return points
    .filter((i) => lettersBefore(i) >= opts.leftMin && letters.length - lettersBefore(i) >= opts.rightMin)
    .filter((i) => !APOSTROPHE.test(core[i - 1] ?? '') && !APOSTROPHE.test(core[i] ?? ''))
    .map((i) => prefix + core.slice(0, i).join('').length);
}
