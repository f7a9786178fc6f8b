// The Article model: what every ingest format produces and the templates consume.
import type { Span } from './span.js';

/** A run of text in one style inside a paragraph. */
export interface Inline {
  readonly text: string;
  readonly italic?: boolean;
  readonly bold?: boolean;
}

/** A photo or graphic, with its caption and credit. `file` is an absolute path. */
export interface ImageRef {
  readonly file: string;
  readonly caption?: string;
  readonly credit?: string;
  /** Alternative text for screen readers; defaults to the caption. */
  readonly alt?: string;
  /** Point of interest for cropping, 0–1 from the left and top; default centre. */
  readonly focus?: { readonly x: number; readonly y: number };
  readonly src: Span;
}

/** A block of story text. Every block carries where it came from. */
export type Block =
  | { readonly kind: 'paragraph'; readonly runs: readonly Inline[]; readonly src: Span }
  | { readonly kind: 'crosshead'; readonly runs: readonly Inline[]; readonly src: Span }
  | { readonly kind: 'quote'; readonly runs: readonly Inline[]; readonly src: Span }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[]; readonly src: Span }
  | { readonly kind: 'image'; readonly image: ImageRef; readonly src: Span };

export type BlockKind = Block['kind'];

/** Site furniture found around a scraped story (Announcements, Buy Photos…): house promos on paper, never story text. */
export interface Furniture {
  readonly heading: string;
  readonly text: string;
  readonly src: Span;
}

export interface Byline {
  /** The author's name, or a desk such as "Coventry Editorial". */
  readonly name: string;
  readonly role?: string;
}

export type ArticleFormat = 'text' | 'markdown' | 'ninjs';

export interface Article {
  /** Stable id, unique within an edition: a slug of the file name. */
  readonly id: string;
  readonly format: ArticleFormat;
  /** The article file, as the user named it. */
  readonly file: string;
  readonly publication?: string;
  readonly section?: string;
  readonly kicker?: string;
  readonly headline: string;
  readonly standfirst?: string;
  readonly byline?: Byline;
  /** Publication date-time, ISO 8601 (`2020-09-11` or `2020-09-11T08:30:00Z`). */
  readonly published?: string;
  readonly updated?: string;
  readonly commentCount?: number;
  /** The lead photo, shown above the body. */
  readonly leadImage?: ImageRef;
  readonly body: readonly Block[];
  /**
   * The copy's own cut mark: `body[cutFrom]` and every block after it may be cut, from the end, when the page is short
   * of room (Markdown and ninjs `<!-- cut -->`, a scraped-text line `[cut]`). Undefined: nothing may be cut.
   */
  readonly cutFrom?: number;
  readonly furniture: readonly Furniture[];
  /** Where the headline is. */
  readonly src: Span;
}
