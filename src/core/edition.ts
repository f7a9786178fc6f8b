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

/** Where a booked advert goes on its page. */
export type AdPosition = 'foot' | 'top' | 'outer' | 'inner';
export const AD_POSITIONS: readonly AdPosition[] = ['foot', 'top', 'outer', 'inner'];

/** An advert booked on a page: its file and its size on the plant's column grid. */
export interface AdBooking {
  /** The advert's file (PDF, JPEG, PNG or TIFF), as a path the build can open. */
  readonly file: string;
  /** Columns of the plant's grid. */
  readonly columns: number;
  /** Depth, points. */
  readonly depth: number;
  /** The booking as written (`5x12cm`), for messages. */
  readonly size: string;
  readonly position: AdPosition;
  /** Click-through address in the e-edition. */
  readonly url?: string;
  readonly src: Span;
}

export interface EditionPage {
  /** Template name under templates/pages/, for example `front` or `news`; `composed` when the flatplan names none. */
  readonly template: string;
  readonly section?: string;
  /** Article ids in priority order (the first is the page's lead), as the template places them. */
  readonly stories: readonly string[];
  /** The page each story continues on if it does not fit (by article id): the flatplan's `continue-on`. */
  readonly continueOn?: Readonly<Record<string, number>>;
  /** Adverts booked on the page. */
  readonly ads?: readonly AdBooking[];
  /** Stories the composer may cut whole paragraphs from the end of, to fit (by article id): the flatplan's `trim: end`. */
  readonly trim?: Readonly<Record<string, 'end'>>;
  readonly src: Span;
}

/**
 * A story not yet placed (the edition file's `overmatter:`), in priority order, highest first. The composer gives it a
 * page of its section, or holds it over.
 */
export interface OvermatterEntry {
  /** Article id. */
  readonly id: string;
  /** The section whose pages may take it (the entry's own, else the story's metadata); undefined: any page. */
  readonly section?: string;
  /** `trim: end`: whole paragraphs may be cut from the end to fit. */
  readonly trim?: 'end';
  /** Where the edition file names it. */
  readonly src: Span;
}

/**
 * One of the publication's own house adverts or promos (the edition file's `house-ads:`): the only filler the composer
 * may place, at most one a page. Either text (`heading` and `text`) set as a promo box sized to the space, or a file
 * (PDF, JPEG, PNG or TIFF) booked at a size, as an advert is.
 */
export interface HouseAd {
  readonly heading?: string;
  readonly text?: string;
  /** The advert's file and booking, for a house advert made as artwork. */
  readonly file?: string;
  readonly columns?: number;
  /** Depth, points. */
  readonly depth?: number;
  /** The booking as written (`2x6cm`). */
  readonly size?: string;
  readonly url?: string;
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
  /** Stories the composer places where its pages have room, in priority order; the rest are held over. */
  readonly overmatter?: readonly OvermatterEntry[];
  /** The publication's own house adverts and promos: the composer's filler of last resort. */
  readonly houseAds?: readonly HouseAd[];
  /** Every article named in the edition file (on a page or in the overmatter). */
  readonly articles: ReadonlyMap<string, Article>;
  /** The edition file, or undefined for an edition made from loose article files. */
  readonly file?: string;
  /** What reading the edition file found worth a warning (an overmatter story no page can take…), for the report. */
  readonly notes?: readonly Diagnostic[];
}

/** What the composer did on a page, for the report. */
export interface PageComposition {
  readonly page: number;
  /** Stories placed (whole, or the first part of one that jumps), jumped (continued on another page), and continued here. */
  readonly placed: readonly string[];
  readonly jumped: readonly { readonly article: string; readonly to: number }[];
  readonly continued: readonly { readonly article: string; readonly from: number }[];
  /** Stories cut at the copy's own cut mark or from the end (`trim: end`): how many blocks and words went. */
  readonly trimmed: readonly { readonly article: string; readonly blocks: number; readonly words?: number }[];
  /** Stories the page took from the overmatter, in priority order. */
  readonly overmatter?: readonly string[];
  /** The house adverts or promos placed as filler, where (points, from the page's top left) and which. */
  readonly fillers?: readonly { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly heading: string }[];
  /** The news hole, column-rows of the baseline grid; how much of it house promos fill, and how much is left white. */
  readonly holeRows: number;
  readonly promoRows: number;
  readonly whiteRows: number;
  /** The news hole's area and the largest white space the composer left in it, cm². */
  readonly holeCm2: number;
  readonly largestWhiteCm2: number;
  readonly adverts: readonly string[];
  readonly faults: readonly string[];
}

/** What layout returns: every page's frame, and the warnings found on the way. */
export interface EditionLayout {
  readonly pages: readonly Page[];
  readonly warnings: readonly Diagnostic[];
  /** What the composer did on each composed page. */
  readonly compositions?: readonly PageComposition[];
  /** Stories of the overmatter no page took, in priority order: held over for a later edition. */
  readonly heldOver?: readonly HeldOver[];
}

/** A story held over: in the overmatter, on no page of this edition. */
export interface HeldOver {
  readonly article: string;
  readonly section?: string;
  /** Words of its body. */
  readonly words: number;
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
