// Limits on input, checked as each article is read, before any layout (docs/edition-file.md, "Limits"): a file far
// larger than any story (a log, a book, a file given by mistake) is refused at once with one line, instead of taking
// minutes and gigabytes to set. Both can be raised for one run with the command-line options named in the error.

export interface InputLimits {
  /** An article file's size, bytes. */
  readonly articleBytes: number;
  /** An article's words (headline, standfirst and body). */
  readonly articleWords: number;
  /** An edition's pages, as its flatplan lists them. */
  readonly editionPages: number;
  /** An advert file's size, bytes (PDF or image). */
  readonly advertBytes: number;
}

/**
 * An article: about 160,000 words of plain text; the longest long read is under 10,000 words (60 KB). An edition: 400
 * pages, past the largest Sunday broadsheet. An advert: 50 MB, past a full-page PDF/X-1a with 300 ppi photos (10–20 MB).
 */
export const DEFAULT_LIMITS: InputLimits = { articleBytes: 1_000_000, articleWords: 20_000, editionPages: 400, advertBytes: 50_000_000 };

let limits: InputLimits = DEFAULT_LIMITS;

/** Sets the limits for this process (the CLI, from --max-article-kb and --max-article-words); unset ones are the defaults. */
export function setInputLimits(l: Partial<InputLimits>): void {
  limits = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) };
}

export function inputLimits(): InputLimits {
  return limits;
}
