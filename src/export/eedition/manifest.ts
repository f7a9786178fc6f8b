// The e-edition manifest (manifest.json, version 1): pages with their renditions and tiles, articles with their regions and text. Documented in docs/e-edition.md.
import type { ArticleHeads } from '../../core/index.js';

/** One encoded image of a page. `file` is relative to the e-edition folder. */
export interface Rendition {
  readonly format: 'jpeg' | 'webp';
  readonly file: string;
  /** Pixels. */
  readonly width: number;
  readonly height: number;
}

/** A page's IIIF Image API 3.0 level-0 tile pyramid. */
export interface TilePyramid {
  /** The folder holding info.json and the tiles, relative to the e-edition folder (`tiles/page-01`). */
  readonly dir: string;
  /** The IIIF image id (absolute URL, under the edition's base URL). */
  readonly id: string;
  /** Full-size pixels. */
  readonly width: number;
  readonly height: number;
  readonly tileSize: number;
  /** The pyramid's scale factors, 1 (full size) first. */
  readonly scaleFactors: readonly number[];
  /** Tile encoding: `jpg`. Tile URLs are `<dir>/<x>,<y>,<w>,<h>/<tw>,/0/default.jpg`, IIIF 3 level 0. */
  readonly format: 'jpg';
}

export interface ManifestPage {
  readonly number: number;
  /** "Page 1", or "Page 1: News". */
  readonly label: string;
  readonly section: string | null;
  /** Trim size, points: the coordinate space of article regions (origin top-left, y down). */
  readonly width: number;
  readonly height: number;
  readonly renditions: {
    /** ~200 px wide. */
    readonly thumbnail: readonly Rendition[];
    /** ~1200 px wide. */
    readonly page: readonly Rendition[];
    /** ~3000 px wide: the full size of the tile pyramid. */
    readonly zoom: readonly Rendition[];
  };
  readonly tiles: TilePyramid;
  /** Ids of the articles on the page, in reading order (none on an all-advert page). */
  readonly articles: readonly string[];
  /** Booked adverts on the page: zones of their own, not articles, with their click-through addresses. */
  readonly adverts: readonly ManifestAdvert[];
  /**
   * The publication's own house adverts the composer placed as filler in the news hole, where the copy left a space:
   * zones with their click-through addresses, kept apart from the booked adverts (they are part of the news hole).
   * Absent when the page has none.
   */
  readonly houseAdverts?: readonly ManifestAdvert[];
}

/** An advert's zone on its page, in page points from the trim's top-left. */
export interface ManifestAdvert {
  readonly type: 'advert';
  /** The advertiser, or the advert's file name. */
  readonly name: string;
  /** Click-through address, or null. */
  readonly url: string | null;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A rectangle of an article on a page, in page points from the trim's top-left. */
export interface Region {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A piece of inline text: plain, italic or bold. */
export interface TextRun {
  readonly text: string;
  readonly italic?: true;
  readonly bold?: true;
}

export type ArticleBlock =
  | { readonly type: 'p' | 'crosshead' | 'quote'; readonly runs: readonly TextRun[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly TextRun[])[] }
  | { readonly type: 'image'; readonly image: number };

/** A photo of an article for the article view: a screen rendition, with its caption, credit and alt text. */
export interface ArticleImage {
  /** Relative to the e-edition folder (`articles/images/harbour-wall-1.jpg`). */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  /** Alternative text: the copy's alt text, else its caption. */
  readonly alt: string;
  readonly caption: string | null;
  readonly credit: string | null;
}

/** A story in the manifest: its heads in the shape the page templates see them too (core `ArticleHeads`), then the rest. */
export interface ManifestArticle extends ArticleHeads {
  /** ISO date or date-time. */
  readonly date: string | null;
  /** The article view, relative to the e-edition folder (`articles/harbour-wall.html`). */
  readonly view: string;
  /** Pages it appears on, in order. */
  readonly pages: readonly number[];
  /** Where it is on each page, from the layout (not from image analysis). */
  readonly regions: readonly Region[];
  /** The lead photo first, then photos in the body, as `image` blocks refer to them by index. */
  readonly images: readonly ArticleImage[];
  /** The story text: the lead photo is images[0] when there is one; body photos appear as `image` blocks. */
  readonly blocks: readonly ArticleBlock[];
}

export interface EEditionManifest {
  readonly version: 1;
  readonly generator: 'newsprint';
  readonly edition: {
    readonly slug: string;
    readonly publication: string;
    readonly date: string;
    /** "Thursday, 26 November 2026". */
    readonly dateLong: string;
    readonly issue: number | null;
    readonly language: 'en-GB';
  };
  /** Absolute URL where the e-edition folder is published (IIIF ids are under it); ends with `/`. */
  readonly baseUrl: string;
  /** The IIIF Presentation 3 manifest, relative to the e-edition folder. */
  readonly iiif: string;
  readonly pages: readonly ManifestPage[];
  readonly articles: readonly ManifestArticle[];
}

/** The viewer cannot fetch JSON from file://, so the manifest is also written as a script: `manifest.js` sets this global. */
export const MANIFEST_GLOBAL = 'NEWSPRINT_EDITION';
