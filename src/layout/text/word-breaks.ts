// Break points inside words that are not hyphenation: web and e-mail addresses (Chicago style) and, as the last
// resort for a word wider than its measure, between any two letters.

/** An address: a scheme (`https://`, `mailto:`), a `www.` host, or an e-mail address (`name@host.tld`). */
const ADDRESS = /^[^\p{L}\p{N}]*(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.|[^\s@]+@[^\s@]+\.[^\s@]+)/iu;
/** Opening punctuation before an address (brackets, quotes) and closing punctuation after it (a full stop, a comma). */
const LEAD = /^[([{<‘“'"]*/u;
const TRAIL = /[)\]}>’”'".,;:!?]*$/u;

/** Whether a token between spaces is a web or e-mail address, which is never hyphenated. */
export function isAddress(token: string): boolean {
  // Every address has a colon, an at sign or the full stop of `www.`: most words have none, and skip the pattern.
  if (token.indexOf(':') < 0 && token.indexOf('@') < 0 && token.indexOf('.') < 0) return false;
  return ADDRESS.test(token);
}

/**
 * Where an address may break, as UTF-16 offsets into `token` (the line ends with `token.slice(0, offset)`), ascending.
 * No hyphen is ever added: a hyphen would read as part of the address. The places are the Chicago Manual of Style's
 * (17th ed., 6.17, 14.18): after a colon or a double slash; before a single slash, a full stop, a comma, a hyphen, an
 * underscore, a question mark, a number sign, a percent sign, a tilde or an at sign; before or after an equals sign or
 * an ampersand. So a broken line never ends with a full stop or hyphen a reader could take for punctuation, and the
 * next line starts with the character that shows the address goes on. Punctuation around the address (a bracket, a
 * sentence's full stop) is never split from it, and no piece is shorter than 2 characters.
 */
export function addressPoints(token: string): number[] {
  const from = LEAD.exec(token)![0].length;
  const to = token.length - TRAIL.exec(token.slice(from))![0].length;
  const points = new Set<number>();
  for (let i = from; i < to; i++) {
    const c = token[i]!;
    const prev = token[i - 1];
    const next = token[i + 1];
    if (c === '/') {
      if (prev === '/') points.add(i + 1); // after a double slash
      else if (next !== '/') points.add(i); // before a single slash
    } else if (c === ':') {
      if (next !== '/') points.add(i + 1);
    } else if ('.,-_?#%~@'.includes(c)) points.add(i);
    else if (c === '=' || c === '&') (points.add(i), points.add(i + 1));
  }
  return [...points].filter((p) => p - from >= 2 && to - p >= 2).sort((a, b) => a - b);
}

/** Made when first needed: building a segmenter loads ICU's break rules (some 10 ms), and most runs never break a word letter by letter. */
let graphemes: Intl.Segmenter | undefined;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * The last resort: every place between two characters of `text` from `from` to `to` (UTF-16 offsets), never inside a
 * character with its combining marks. With `lettersOnly`, only between two letters or digits (a hyphen will be added,
 * so never next to punctuation); otherwise between any two characters (an address, broken without a hyphen).
 */
export function letterPoints(text: string, from: number, to: number, lettersOnly: boolean): number[] {
  const out: number[] = [];
  let prevLetter = false;
  let first = true;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(text.slice(from, to))) {
    const letter = LETTER_OR_DIGIT.test(segment);
    if (!first && (!lettersOnly || (prevLetter && letter))) out.push(from + index);
    prevLetter = letter;
    first = false;
  }
  return out;
}
