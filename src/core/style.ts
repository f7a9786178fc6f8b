// Style sheet types: named paragraph styles that templates refer to, and the font families they use.
import type { Cmyk } from './color.js';

/** The faces of one family, by face id (keys of the FontSet). */
export interface FontFamily {
  readonly regular: string;
  readonly italic?: string;
  readonly bold?: string;
  readonly boldItalic?: string;
}

export type Align = 'justify' | 'left' | 'right' | 'center';

/** Hyphenation settings of a style. */
export interface HyphenationSettings {
  readonly enabled: boolean;
  /** Shortest word that may be broken, characters. */
  readonly minWordLength: number;
  /** Fewest characters before and after a break (en-GB newspaper practice 2 and 3). */
  readonly leftMin: number;
  readonly rightMin: number;
  /** Break words that start with a capital (names, places). */
  readonly capitalised: boolean;
}

/** The line breaker's TeX parameters, as paragraph-style settings (`breaking:` in styles.yaml). */
export interface BreakSettings {
  /** Largest badness (100 |r|³) a line may have in the first pass, which tries no hyphenation (TeX \pretolerance, 100). Negative skips the pass. */
  readonly pretolerance: number;
  /** Largest badness a line may have in the later passes (TeX \tolerance). Newspaper default 800: r up to about 2.0. */
  readonly tolerance: number;
  /** Added to every line's spacing cost before squaring: favours fewer lines (TeX \linepenalty, 10). */
  readonly linePenalty: number;
  /** Penalty of a break at a discretionary hyphen (TeX \hyphenpenalty, 50). */
  readonly hyphenPenalty: number;
  /** Penalty of a break after an explicit hyphen or dash (TeX \exhyphenpenalty, 50). */
  readonly exHyphenPenalty: number;
  /** Demerits when a line's fitness class differs by more than one from the line before (TeX \adjdemerits, 10000). */
  readonly adjDemerits: number;
  /** Demerits for two hyphenated lines in a row (TeX \doublehyphendemerits, 10000). */
  readonly doubleHyphenDemerits: number;
  /** Demerits when the second-last line of a paragraph ends in a hyphen (TeX \finalhyphendemerits, 5000). */
  readonly finalHyphenDemerits: number;
  /** Most hyphenated lines in a row, a hard limit (TeX has only demerits). Default 2. */
  readonly maxHyphensInRow: number;
  /** Make the paragraph this many lines longer (positive) or shorter (negative) than optimal, where possible (TeX \looseness). */
  readonly looseness: number;
  /** Extra stretch per line, points, deciding feasibility in the third pass (TeX \emergencystretch). */
  readonly emergencyStretch: number;
  /** Exponent p of the spacing cost 100 |r|^p in the demerits: TeX's 3; newsprint's default 1 (even spacing over the paragraph). */
  readonly spacingExponent: number;
}

/** Font expansion used as extra stretch when justifying: letter-spacing per glyph (points) and glyph scaling (fraction). */
export interface ExpansionSettings {
  readonly letterSpacing: number;
  readonly scaling: number;
}

export interface ParagraphStyle {
  /** Family name, a key of `StyleSheet.families`. */
  readonly family: string;
  /** Font size, points. */
  readonly size: number;
  /** Baseline-to-baseline distance, points. Body text's leading is the page's baseline grid. */
  readonly leading: number;
  /** Extra space after each glyph, in thousandths of an em (InDesign's tracking unit). */
  readonly tracking: number;
  readonly align: Align;
  /** First-line indent, points (not applied to the first paragraph after a heading). */
  readonly indent: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Bold or italic for the whole paragraph. */
  readonly bold: boolean;
  readonly italic: boolean;
  /** Set in capitals. */
  readonly uppercase: boolean;
  readonly color: Cmyk;
  /** Word space: minimum, natural and maximum as fractions of the font's space (newspaper practice 0.8 / 1 / 1.33). */
  readonly wordSpace: { readonly min: number; readonly natural: number; readonly max: number };
  readonly hyphenation: HyphenationSettings;
  readonly breaking: BreakSettings;
  /** Font expansion when justifying, or undefined for none. */
  readonly expansion?: ExpansionSettings;
  /** Lines of a drop cap at the start of the first paragraph, 0 for none. */
  readonly dropCap: number;
  /**
   * A headline's range on the template set's headline scale, points: it shrinks to fit its lines no smaller than
   * `minSize` (default half its size) and grows to fill its measure no larger than `maxSize` (default 1.5 × its size).
   */
  readonly minSize?: number;
  readonly maxSize?: number;
}

/** Newspaper defaults for hyphenation: en-GB, words of five letters or more, 2 before and 3 after; capitalised words too, as TeX does (acronyms never). */
export const DEFAULT_HYPHENATION: HyphenationSettings = { enabled: true, minWordLength: 5, leftMin: 2, rightMin: 3, capitalised: true };

/**
 * Newspaper defaults for the breaker. TeX's values, except: tolerance 800 (narrow
 * columns need looser lines than a book page), an emergency stretch of 9 pt (about
 * an em of body type) for the third pass, at most 2 hyphenated lines in a row as a
 * hard rule, and a spacing cost linear in |r| rather than TeX's cube (measured on
 * the seed story at 48 mm: mean |r − 1| 0.538 against 0.572; docs/composer.md).
 */
export const DEFAULT_BREAKING: BreakSettings = {
  pretolerance: 100,
  tolerance: 800,
  linePenalty: 10,
  hyphenPenalty: 50,
  exHyphenPenalty: 50,
  adjDemerits: 10000,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  maxHyphensInRow: 2,
  looseness: 0,
  emergencyStretch: 9,
  spacingExponent: 1,
};

/** Body-text expansion: letter-spacing within ±0.3 pt and glyph scaling within 98–102 %. */
export const BODY_EXPANSION: ExpansionSettings = { letterSpacing: 0.3, scaling: 0.02 };

export interface StyleSheet {
  /** Face id → font file, relative to the fonts folder. */
  readonly faces: Readonly<Record<string, string>>;
  readonly families: Readonly<Record<string, FontFamily>>;
  readonly paragraph: Readonly<Record<string, ParagraphStyle>>;
  readonly colors: Readonly<Record<string, Cmyk>>;
  /** The style file, for messages. */
  readonly file: string;
}
