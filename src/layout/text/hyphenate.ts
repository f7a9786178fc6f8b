// British English hyphenation for the line breaker: Liang's patterns (TeX's hyph-en-gb, through the `hyphen` package) with newspaper rules.
import enGb from 'hyphen/en-gb/index.js';

/** How words are hyphenated. Counts are in characters: letters, with a word's inner apostrophe counting as one. */
export interface HyphenationOptions {
  /**
   * Find breaks with the en-GB patterns. Default `true`. When `false` the patterns find
   * nothing, but soft hyphens (U+00AD) typed in the copy still break: the editor put them there.
   */
  readonly enabled: boolean;
  /** Shortest word that may be broken, characters (punctuation around the word not counted). Default 5: shorter words are never broken. */
  readonly minWordLength: number;
  /** Fewest characters before a break, 1 or more. Default 2 (British newspaper practice is 2 before, 3 after: “re-”, never “-ed”). */
  readonly leftMin: number;
  /** Fewest characters after a break, 1 or more. Default 3: no “-ly” or “-ed” carried to the next line. */
  readonly rightMin: number;
  /**
   * Break words that contain a capital letter: names and places (Leeds, Nottingham), brands
   * (iPhone), and any word that opens a sentence. Default `false`. Acronyms (ROCU, CCTV, NGOs)
   * are never broken, whatever this says.
   */
  readonly capitalised: boolean;
}

/** Newspaper defaults: words of 5 characters or more, 2 before and 3 after the break, no capitalised words. */
export const DEFAULT_HYPHENATION: HyphenationOptions = Object.freeze({
  enabled: true,
  minWordLength: 5,
  leftMin: 2,
  rightMin: 3,
  capitalised: false,
});

/** The soft hyphen: an editor's break, invisible unless the line breaks there. */
export const SOFT_HYPHEN = '\u00AD';
/** Marker the pattern library inserts at each break: a private-use character, which no word that reaches the patterns contains. */
const MARK = '\u{F8FF}';
/** Apostrophes inside words (children’s, o’clock): straight, curly and the modifier letter; each one UTF-16 unit. */
const APOSTROPHES = "'’ʼ";
/** A combining mark: part of the letter before it; never broken off. */
const MARK_CHAR = /^\p{M}$/u;
/** A token as leading punctuation, core (first letter to last letter and its marks) and trailing punctuation. */
const SPLIT = /^([^\p{L}]*)(\p{L}(?:.*[\p{L}\p{M}])?)([^\p{L}\p{M}]*)$/su;
/** The common core: plain lower-case letters, one character per UTF-16 unit, no capitals, marks or apostrophes. */
const SIMPLE = /^[a-z]+$/;
/** The only characters a breakable core may hold. */
const CORE = /^[\p{L}\p{M}'’ʼ]+$/u;
/** A capital (upper or title case) letter. */
const CAPITAL = /\p{Lu}|\p{Lt}/u;
/** Tokens never hyphenated: URLs, e-mail addresses, anything with a digit, and words that already break at a hyphen, dash or slash. */
const UNBREAKABLE = /:\/\/|@|\p{N}|[-\u2010-\u2015/\\\u2044]/u;
/** A URL without a scheme: www. after any opening punctuation. */
const WWW = /^[^\p{L}]*www\./iu;

/**
 * Results kept before the cache is emptied and starts again. A whole edition has a few
 * tens of thousands of distinct tokens, so this is never reached in one build; it only
 * bounds a long-running preview server. Each entry is a short key and a small array.
 */
const CACHE_LIMIT = 200_000;
/** Points per word, per options object (a style's settings are one object for the whole run). */
const cache = new WeakMap<HyphenationOptions, Map<string, readonly number[]>>();

/**
 * Removes the soft hyphens (U+00AD) from `word`. `text` is the word without them;
 * `points` are where they were, as UTF-16 offsets into `text` (a break goes after
 * `text.slice(0, point)`), ascending, without repeats, and never 0 or `text.length`.
 */
export function stripSoftHyphens(word: string): { text: string; points: number[] } {
  if (!word.includes(SOFT_HYPHEN)) return { text: word, points: [] };
  const points: number[] = [];
  let text = '';
  for (const ch of word) {
    if (ch !== SOFT_HYPHEN) text += ch;
    else if (text.length > 0 && points[points.length - 1] !== text.length) points.push(text.length);
  }
  return { text, points: points.filter((p) => p < text.length) };
}

/** `word` without its soft hyphens (stripSoftHyphens(word).text), and the word itself, unmade, when it has none. */
export function withoutSoftHyphens(word: string): string {
  return word.includes(SOFT_HYPHEN) ? stripSoftHyphens(word).text : word;
}

/**
 * Break points inside `word` as UTF-16 offsets (a hyphen goes after `word.slice(0, offset)`),
 * ascending; `[]` when the word must not be broken. `word` is one token between spaces and may
 * carry punctuation at either end (quotes, brackets, commas, full stops): the points are found
 * in the letters and offset back into the token, so no break falls inside the punctuation.
 *
 * Soft hyphens: if `word` contains any, they are its only break points. The offsets are then
 * into the word WITH THE SOFT HYPHENS REMOVED (`stripSoftHyphens(word).text`), the text the
 * line breaker sets: `know\u00ADledge` gives `[4]`, a break after “know” in “knowledge”. Soft
 * hyphens are honoured even when `enabled` is false or the word is capitalised, and need not
 * respect `leftMin`/`rightMin`; only those at the very edge, outside the letters, are dropped.
 *
 * Otherwise the en-GB patterns give the points, except that these are never broken:
 * - words shorter than `minWordLength`;
 * - URLs (containing `://` or starting `www.`), e-mail addresses (`@`), anything with a digit (2020s);
 * - words with a hyphen, an en or em dash, or a slash: they break there instead;
 * - acronyms: all capitals, allowing a plural or possessive s (ROCU, NGOs, ROCU’s);
 * - words with a capital (names, places, a sentence's first word) unless `capitalised`;
 * - words with punctuation inside them other than an apostrophe (U.K., a.m., AT&T).
 * Points keep `leftMin` characters before and `rightMin` after (an apostrophe counts as a
 * character) and never sit next to an apostrophe (never “children’-s”).
 *
 * Results are cached per word and options, so a word met again costs a map look-up.
 */
export function hyphenationPoints(word: string, opts: HyphenationOptions = DEFAULT_HYPHENATION): readonly number[] {
  const soft = word.includes(SOFT_HYPHEN);
  if (!opts.enabled && !soft) return NONE;
  let perOpts = cache.get(opts);
  if (!perOpts) {
    checkOptions(opts);
    cache.set(opts, (perOpts = new Map()));
  }
  let points = perOpts.get(word);
  if (points === undefined) {
    points = Object.freeze(soft ? softPoints(word) : patternPoints(word, opts));
    if (perOpts.size >= CACHE_LIMIT) perOpts.clear();
    perOpts.set(word, points);
  }
  return points;
}

const NONE: readonly number[] = Object.freeze([]);

/** Options are set by the style sheet, which validates them: a bad value here is a bug. */
function checkOptions(opts: HyphenationOptions): void {
  for (const name of ['minWordLength', 'leftMin', 'rightMin'] as const) {
    const v = opts[name];
    if (!Number.isInteger(v) || v < 1) throw new Error(`hyphenation: ${name} must be a whole number of characters, 1 or more; got ${v}`);
  }
}

/** Soft-hyphen points of `word`, in the stripped text, kept only where the core (first to last letter) lies on both sides. */
function softPoints(word: string): number[] {
  const { text, points } = stripSoftHyphens(word);
  const m = SPLIT.exec(text);
  if (!m) return [];
  const from = m[1]!.length;
  const to = from + m[2]!.length;
  return points.filter((p) => p > from && p < to);
}

/**
 * Points the en-GB patterns give for a token without soft hyphens, under the newspaper rules; with `emergency`, the
 * rules that keep names, acronyms and short words whole are skipped (the limits of `opts` still apply).
 */
function patternPoints(word: string, opts: HyphenationOptions, emergency = false): number[] {
  if (!emergency && (UNBREAKABLE.test(word) || WWW.test(word))) return [];
  const m = SPLIT.exec(word);
  if (!m) return [];
  const prefix = m[1]!.length;
  const text = m[2]!;
  if (!CORE.test(text)) return [];
  // Most words are plain lower case, where characters and UTF-16 offsets coincide; the rest need counting.
  const simple = SIMPLE.test(text);
  const before = simple ? undefined : positionsBefore(text);
  const positions = before ? before[text.length]! : text.length;
  if (positions < opts.minWordLength) return [];
  if (!emergency && !simple && isAcronym(text)) return [];
  if (!simple && !opts.capitalised && CAPITAL.test(text)) return [];

  // The library treats a straight apostrophe as a letter but a curly one as the end of a word:
  // make them all curly so “programme's” breaks like “programme’s” (not program-me's). Same length.
  const plain = simple ? text : text.replace(/['ʼ]/gu, '’');
  const marked = enGb.hyphenateSync(plain, { hyphenChar: MARK, minWordLength: 1 });
  const out: number[] = [];
  let marks = 0;
  for (let i = marked.indexOf(MARK); i >= 0; i = marked.indexOf(MARK, i + 1)) {
    const at = i - marks++; // the break falls before text[at]
    const b = before ? before[at]! : at;
    if (b < 0) continue; // inside a character, or before a combining mark
    if (b < opts.leftMin || positions - b < opts.rightMin) continue;
    if (!simple && (APOSTROPHES.includes(text[at - 1]!) || APOSTROPHES.includes(text[at]!))) continue;
    out.push(prefix + at);
  }
  if (marked.length - marks !== plain.length) return []; // lower-casing changed the length: no safe mapping
  return out;
}

/**
 * before[k] = characters (letters and apostrophes; marks ride on their letter) before
 * UTF-16 offset k of `text`, or -1 where k is no place to break: inside a surrogate pair,
 * or just before a combining mark. before[text.length] is the word's length in characters.
 */
function positionsBefore(text: string): number[] {
  const before = new Array<number>(text.length + 1).fill(-1);
  let k = 0;
  let n = 0;
  for (const c of text) {
    if (!MARK_CHAR.test(c)) before[k] = n++;
    k += c.length;
  }
  before[k] = n;
  return before;
}

/** All capitals but for a final plural or possessive s (ROCU, CCTV, NGOs, ROCU’s), at least two of them. */
function isAcronym(text: string): boolean {
  const letters = text.replace(/['’ʼ]s$|s$/u, '').replace(/[^\p{L}]/gu, '');
  return [...letters].length >= 2 && /^[\p{Lu}\p{Lt}]+$/u.test(letters);
}

/**
 * The emergency options: for a word wider than the measure, which must break somewhere. Any word length, names
 * and acronyms too, 2 characters before and after the break: the usual limits waived for that word alone.
 */
const EMERGENCY: HyphenationOptions = Object.freeze({ enabled: true, minWordLength: 1, leftMin: 2, rightMin: 2, capitalised: true });
const emergencyCache = new Map<string, readonly number[]>();

/**
 * Pattern break points of a word too wide for its measure (the first of the emergency means, docs/composer.md):
 * the en-GB patterns with the usual limits waived (any length, capitals and acronyms allowed, 2 characters before and
 * after). A word with no letters, or with a digit or other non-letter inside it, gets none here: the letter-by-letter
 * last resort breaks it. Offsets as in `hyphenationPoints` (a hyphen goes after `word.slice(0, offset)`).
 */
export function emergencyHyphenationPoints(word: string): readonly number[] {
  let points = emergencyCache.get(word);
  if (points === undefined) {
    points = Object.freeze(patternPoints(word, EMERGENCY, true));
    if (emergencyCache.size >= CACHE_LIMIT) emergencyCache.clear();
    emergencyCache.set(word, points);
  }
  return points;
}
