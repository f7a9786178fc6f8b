// The Frame: the one contract between layout and every exporter.
// Layout produces positioned items; exporters only draw them (typst's Frame).
import type { Cmyk } from './color.js';
import type { Span } from './span.js';

/**
 * All coordinates are PDF points with the origin at the top-left corner of the
 * trimmed page and y growing downwards. Exporters flip y where their format needs it.
 */

/** One shaped glyph of a run. `x` is its pen position from the run's origin. */
export interface PlacedGlyph {
  readonly id: number;
  readonly x: number;
  /** Vertical offset from the baseline (GPOS), points, down positive. */
  readonly dy: number;
  /** The characters the glyph stands for (two for an “fi” ligature), for the PDF's text extraction. */
  readonly cp: readonly number[];
}

/** What a run of text is in the story's structure, for the tagged PDF and the e-edition. */
export type TextRole = 'H1' | 'H2' | 'P' | 'BlockQuote' | 'Caption' | 'Credit' | 'Byline' | 'Standfirst' | 'Kicker' | 'L' | 'Figure';

export interface ArticleTag {
  readonly article: string;
  readonly role: TextRole;
  /** Index of the block within the article; runs sharing article, role and block form one structure element. */
  readonly block: number;
}

/**
 * A line (or part of a line) of text in one font: `text` is what it says, `glyphs`
 * is exactly where each glyph goes. Exporters draw the glyphs at their positions;
 * `wordSpacing`, `tracking` and `hscale` record how the line was justified (the
 * positions already include them; `hscale` also widens the glyph shapes).
 */
export interface GlyphRun {
  readonly kind: 'glyphs';
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly font: string;
  readonly size: number;
  readonly text: string;
  readonly glyphs: readonly PlacedGlyph[];
  readonly width: number;
  /** Extra space added to each U+0020, points. */
  readonly wordSpacing: number;
  /** Extra space after every glyph, points. */
  readonly tracking: number;
  /** Horizontal glyph scaling (PDF's Tz), 1 = 100 %: scales glyph shapes and every displacement. Glyph x positions already include it. */
  readonly hscale: number;
  readonly color: Cmyk;
  readonly tag?: ArticleTag;
  readonly src?: Span;
  /**
   * Set on a line's last run when the line ends inside a word that goes on at the start of the next line: the whole
   * word as the copy has it, and whether the line breaker added the hyphen this run ends with (a discretionary hyphen,
   * which is not in the copy) rather than breaking after the copy's own hyphen or inside an address. For readers of
   * the words (the archive's ALTO), since the next line may be on another page.
   */
  readonly breaksWord?: { readonly word: string; readonly hyphen: boolean };
  /** Set on a line's first run when the line starts with the rest of a word begun on the line before: the whole word. */
  readonly finishesWord?: string;
  /**
   * How the run's first `glyphs` glyphs read when the PDF's text is extracted, where that is not their characters: a
   * drop cap reads as nothing where it stands, and the first line's first word reads with the cap's letter
   * ("ORE" → "MORE"). Written as ActualText in tagged PDFs; the glyphs are drawn as they are.
   */
  readonly actualText?: { readonly glyphs: number; readonly text: string };
}

export interface RuleItem {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: Cmyk;
}

export interface RectItem {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill?: Cmyk;
  readonly stroke?: Cmyk;
  readonly strokeWidth?: number;
}

/** A picture placed in a box; `crop` is the part of the source image shown, in source pixels. */
export interface ImageItem {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Key into the edition's image assets. */
  readonly image: string;
  readonly crop: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  readonly alt?: string;
  readonly tag?: ArticleTag;
}

/** Where an article sits on the page: drawn by nobody, used by the e-edition for its zones. */
export interface AnchorItem {
  readonly kind: 'anchor';
  readonly article: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * A booked advert in its box: the advertiser's own file, drawn by each exporter from the file itself (a PDF page as
 * vectors, an image through the press profile), and a zone of its own (not an article) in the e-edition.
 */
export interface AdvertItem {
  readonly kind: 'advert';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The advert's file as the edition names it (a key into the edition's advert assets). */
  readonly file: string;
  /** Its click-through address in the e-edition. */
  readonly url?: string;
  /** A name for the zone (the advertiser), else the file's name. */
  readonly name: string;
  /**
   * A PDF advert, drawn by the exporters from its page (as vectors in the plant file). An image advert (false) is
   * drawn by the image item layout puts under it, converted for the press as photos are; this item is then its zone.
   */
  readonly pdf: boolean;
  /**
   * One of the publication's own house adverts, placed by the composer as filler where the copy left a space: it is
   * not a booked advert, so the e-edition and the page's figures count it with the news hole's filler.
   */
  readonly house?: boolean;
}

export type FrameItem = GlyphRun | RuleItem | RectItem | ImageItem | AnchorItem | AdvertItem;

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly items: readonly FrameItem[];
}

export interface Page {
  /** 1-based page number in the edition. */
  readonly number: number;
  readonly section?: string;
  /** Trim size in points. */
  readonly width: number;
  readonly height: number;
  readonly frame: Frame;
  /** Ids of the articles that appear on this page, in reading order. */
  readonly articles: readonly string[];
}
