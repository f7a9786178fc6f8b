// Loaded resources handed to layout and exporters: fonts and images are read before layout, never inside it.
import type { Font } from 'fontkit';
import type { Span } from './span.js';

/** A font face loaded from fonts/: the fontkit font for measuring and outlines, the file for embedding. */
export interface FontFace {
  /** Key used by styles and frames, for example `body` or `body-italic`. */
  readonly id: string;
  /** Absolute path of the TTF/OTF file. */
  readonly file: string;
  readonly font: Font;
}

export type FontSet = ReadonlyMap<string, FontFace>;

/** A decoded photo: its pixel size and the bytes the exporters use. */
export interface ImageAsset {
  /** Key used by frames: the absolute path of the source file. */
  readonly id: string;
  readonly file: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** JPEG or PNG bytes, upright (EXIF orientation applied). */
  readonly data: Buffer;
  readonly format: 'jpeg' | 'png';
  /** Where the copy first placed it (the article's image block, or the template's element), for errors found later. */
  readonly src?: Span;
}

export type ImageSet = ReadonlyMap<string, ImageAsset>;

/** The key, in the edition's images, of a PDF advert's page rendered for the screen (the e-edition, the preview). */
export const advertRasterId = (file: string): string => `${file}#page-1`;
