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

export type ArticleFormat = 'text' | 'markdown' | 'ninjs' | 'nitf' | 'newsml-g2';

/** A message to the desk that travels with the copy (NewsML-G2 `edNote`, NITF `ed-msg`): never printed, reported. */
export interface DeskNote {
  readonly text: string;
  readonly src: Span;
}

/** The provider's embargo: the story may not be published before it lifts. */
export interface Embargo {
  /** ISO 8601 date-time the embargo lifts; absent when it is embargoed until further notice (an empty NewsML-G2 `embargoed`). */
  readonly until?: string;
  readonly src: Span;
}

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
  /**
   * Where and when the story was filed, as wire copy gives it ("LONDON, 2 Dec"). Ingest has already set it in `body`,
   * as a bold lead-in at the start of the first paragraph, so every output shows it; it is here on its own for tools
   * that index it, and must not be shown a second time.
   */
  readonly dateline?: string;
  /** The line at the end of wire copy ("Reporting by …", NITF `body.end`): already the last paragraph of `body`, in italic. */
  readonly tagline?: string;
  /** The desk's short name for the story on the wire ("US-Finance-Fed"); not printed, used to name the story in the report. */
  readonly slugline?: string;
  /** Notes from the provider to the desk: each one a warning in the build's report, never on the page. */
  readonly deskNotes?: readonly DeskNote[];
  /** An embargo on the story: a warning in the report when it lifts after the edition goes on sale. */
  readonly embargo?: Embargo;
  /**
   * What reading the copy changed and the desk should know, each a warning for the report at its line: nesting
   * deeper than the page can show, flattened (nothing of the copy is dropped in silence).
   */
  readonly readingNotes?: readonly { readonly code: string; readonly message: string; readonly src: Span; readonly hints?: readonly string[] }[];
  /** Where the headline is. */
  readonly src: Span;
}

/**
 * A story's heads as every reader of it shows them — the page templates (template/view.ts `storyView`) and the
 * e-edition's manifest and article pages (export/eedition `ManifestArticle`): one shape, so the two never disagree.
 * Each adds what only it needs: the template its source spans, long date, photo and cut mark for the layout; the
 * manifest its published photos, regions on the pages and text blocks.
 */
export interface ArticleHeads {
  readonly id: string;
  readonly headline: string;
  readonly kicker: string | null;
  readonly standfirst: string | null;
  readonly byline: { readonly name: string; readonly role: string | null } | null;
  readonly section: string | null;
}

export function articleHeads(a: Article): ArticleHeads {
  return {
    id: a.id,
    headline: a.headline,
    kicker: a.kicker ?? null,
    standfirst: a.standfirst ?? null,
    byline: a.byline ? { name: a.byline.name, role: a.byline.role ?? null } : null,
    section: a.section ?? null,
  };
}
