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
}

export interface StyleSheet {
  /** Face id → font file, relative to the fonts folder. */
  readonly faces: Readonly<Record<string, string>>;
  readonly families: Readonly<Record<string, FontFamily>>;
  readonly paragraph: Readonly<Record<string, ParagraphStyle>>;
  readonly colors: Readonly<Record<string, Cmyk>>;
  /** The style file, for messages. */
  readonly file: string;
}
