// The Edition: which stories go on which page, and the paper's name, date and price.
import type { Article } from './article.js';
import type { Diagnostic, Span } from './span.js';
import type { Page } from './frame.js';

export interface Publication {
  /** The paper's name, for folios and metadata: "The Wexcombe Courier". */
  readonly name: string;
  /** Short code for plant file names (`WXC`); see publicationCode for the default. */
  readonly code?: string;
  /** The masthead title as set on the front page; defaults to `name`. */
  readonly masthead?: string;
  readonly tagline?: string;
  /** Cover price as printed, for example "£1.20". */
  readonly price?: string;
  readonly url?: string;
}

/** The e-edition's renditions as an edition file sets them (each part optional). */
export interface EEditionSettings {
  readonly formats?: readonly ('jpeg' | 'webp')[];
  readonly sizes?: { readonly thumbnail?: number; readonly page?: number; readonly zoom?: number };
}

export interface EditionPage {
  /** Template name under templates/pages/, for example `front` or `news`. */
  readonly template: string;
  readonly section?: string;
  /** Article ids in the order the template places them. */
  readonly stories: readonly string[];
  readonly src: Span;
}

export interface Edition {
  /** Folder name of the edition under output/: for example `wexcombe-courier-2026-11-26`. */
  readonly slug: string;
  readonly publication: Publication;
  /** Edition date, ISO `YYYY-MM-DD`: the date on every folio, and the PDF's dates. */
  readonly date: string;
  readonly issue?: number;
  /** Where the e-edition will be published (absolute URL): the base of its IIIF ids. */
  readonly baseUrl?: string;
  /** E-edition rendition formats and widths, from the edition file. */
  readonly eEdition?: EEditionSettings;
  readonly pages: readonly EditionPage[];
  readonly articles: ReadonlyMap<string, Article>;
  /** The edition file, or undefined for an edition made from loose article files. */
  readonly file?: string;
}

/** What layout returns: every page's frame, and the warnings found on the way. */
export interface EditionLayout {
  readonly pages: readonly Page[];
  readonly warnings: readonly Diagnostic[];
}

/** The publication's code for plant file names: its own, else the capitals of its name's words without "The" (`WC`). */
export function publicationCode(p: Publication): string {
  if (p.code) return p.code;
  const initials = p.name
    .split(/\s+/)
    .filter((w) => !/^the$/i.test(w))
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').charAt(0).toUpperCase())
    .join('')
    .replace(/[^A-Z0-9]/g, '');
  return initials.length >= 2 ? initials.slice(0, 8) : 'NP';
}
