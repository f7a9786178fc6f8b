// Types for the one part of the `hyphen` package (1.14, Liang patterns from the TeX hyphenation project) that newsprint uses.
// The package ships no types and has no `exports` map, so ES modules import the file itself: 'hyphen/en-gb/index.js'.
declare module 'hyphen/en-gb/index.js' {
  /** Per-call options of `hyphenateSync`. */
  interface HyphenOptions {
    /** Character inserted at each break (default U+00AD, the soft hyphen). */
    hyphenChar?: string;
    /** Words (runs of letters; a curly apostrophe ends a run) shorter than this many characters are left alone (default 5). */
    minWordLength?: number;
    /** Words with fixed breaks, written with '-' at each break (default none). */
    exceptions?: string[];
  }
  /** British English (TeX's hyph-en-gb): `hyphenateSync` returns `text` with `hyphenChar` at every break. */
  const enGb: { hyphenateSync(text: string, options?: HyphenOptions): string };
  export default enGb;
}
