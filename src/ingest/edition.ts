// Edition files: which stories go on which page, and the paper's name, date and issue (YAML, version 1).
import { dirname, relative, resolve } from 'node:path';
import { isScalar, type Node } from 'yaml';
import type { AdBooking, AdPosition, EEditionSettings, HouseAd, Publication } from '../core/edition.js';
import { AD_POSITIONS } from '../core/edition.js';
import { fail, formatSpan, type Diagnostic, type Span } from '../core/span.js';
import { isIsoDate } from './dates.js';
import { fileExists } from './read.js';
import { inputLimits } from './limits.js';
import { confine, rootOf, type ReadRoot } from './root.js';
import { optional as opt } from './runs.js';
import { describe, parseYaml, spanOf, YamlFields, type YamlSource } from './yaml-fields.js';

/*
 * An edition file (see docs/edition-file.md):
 *
 *   version: 1                       # required; the only version so far
 *   publication:                     # required
 *     name: The Wexcombe Courier     #   required: folios and metadata
 *     code: WXC                      #   optional: 2–8 capitals or digits for plant file names, default the initials
 *     masthead: Wexcombe Courier     #   optional: front-page title, default name
 *     tagline: "Serving the valley since 1881"
 *     price: "£1.40"                 #   text as printed
 *     url: https://wexcombecourier.example
 *   date: 2026-11-26                 # required, ISO date
 *   issue: 7412                      # optional, positive whole number
 *   base-url: https://…              # optional, where the e-edition is published
 *   e-edition:                       # optional: rendition formats and widths in pixels
 *     formats: [jpeg, webp]
 *     sizes: { thumbnail: 200, page: 1200, zoom: 3000 }
 *   pages:                           # required, at least one: the flatplan
 *     - template: front              #   optional: templates/pages/<name>.hbs; default the composed page
 *       section: News                #   optional
 *       stories:                     #   in priority order, relative to this file; none: filled from the overmatter
 *         - stories/harbour-wall.md
 *         - { file: stories/school.md, continue-on: 5 }   # the rest goes to page 5 if it does not fit
 *         - { file: stories/court.md, trim: end }         # whole paragraphs may be cut from the end to fit
 *       ads:                         #   optional: booked adverts, columns × depth
 *         - { file: ads/garden.pdf, size: 5x12cm, position: foot, url: https://… }
 *   overmatter:                      # optional: stories not yet placed, highest priority first
 *     - { file: stories/x.md, section: News, trim: end }
 *     - stories/z.md                 #   section from the story's own metadata, else any page
 *   house-ads:                       # optional: the publication's own promos, the composer's filler of last resort
 *     - { heading: Subscribe, text: "Have the Courier delivered…", url: https://… }
 *     - { file: ads/house-subscribe.pdf, size: 2x6cm }
 *
 * A story file is named once in the whole file: on one page, or in the overmatter.
 */

/** Top-level keys of an edition file. */
export const EDITION_KEYS = ['version', 'publication', 'date', 'issue', 'base-url', 'e-edition', 'pages', 'overmatter', 'house-ads'] as const;
const PUBLICATION_KEYS = ['name', 'code', 'masthead', 'tagline', 'price', 'url'];
const PAGE_KEYS = ['template', 'section', 'stories', 'ads'];
const STORY_KEYS = ['file', 'continue-on', 'trim'];
const AD_KEYS = ['file', 'size', 'position', 'url'];
const OVERMATTER_KEYS = ['file', 'section', 'trim'];
const HOUSE_AD_KEYS = ['heading', 'text', 'file', 'size', 'url'];
/** The template of a page the flatplan gives none: folio, a news hole the composer fills, and the adverts. */
export const COMPOSED_TEMPLATE = 'composed';
const CODE = 'ingest/edition';

/** One page as the edition file lists it. */
export interface EditionPageSpec {
  /** Template name under templates/pages/, for example `front`; COMPOSED_TEMPLATE when the file names none. */
  readonly template: string;
  readonly section?: string;
  /** Absolute paths of the story files, in priority order. */
  readonly stories: readonly string[];
  /** Where each story is named in the edition file, parallel to `stories`. */
  readonly storySrc: readonly Span[];
  /** The page each story continues on (undefined: the next page of its section that has room), parallel to `stories`. */
  readonly continueOn: readonly (number | undefined)[];
  /** `trim: end` (whole paragraphs may be cut from the end to fit) or undefined, parallel to `stories`. */
  readonly trim: readonly ('end' | undefined)[];
  /** Adverts booked on the page, their files as absolute paths. */
  readonly ads: readonly AdBooking[];
  /** Where the page entry starts. */
  readonly src: Span;
}

/** A validated edition file, before its stories are loaded. */
export interface EditionSpec {
  /** The edition file, as the user named it. */
  readonly file: string;
  readonly version: 1;
  readonly publication: Publication;
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly issue?: number;
  /** Where the e-edition will be published, for absolute links in manifests. */
  readonly baseUrl?: string;
  /** E-edition rendition formats and widths. */
  readonly eEdition?: EEditionSettings;
  readonly pages: readonly EditionPageSpec[];
  /** Stories not yet placed, highest priority first (`overmatter:`); none when the file has no overmatter. */
  readonly overmatter: readonly OvermatterSpec[];
  /** The publication's own promos (`house-ads:`), their files as absolute paths; none when the file has none. */
  readonly houseAds: readonly HouseAd[];
}

/** One overmatter entry as the edition file gives it. */
export interface OvermatterSpec {
  /** Absolute path of the story file. */
  readonly file: string;
  /** The entry's own `section:`; absent: the story's own section, else any page. */
  readonly section?: string;
  readonly trim?: 'end';
  /** Where the entry starts. */
  readonly src: Span;
}

/**
 * Parses and validates an edition file. Every complaint is a UserError at the
 * file:line:col of the offending YAML node: unknown keys (with the known ones
 * as a hint), missing or mistyped fields, a bad date, no pages, story and
 * advert files that do not exist (`exists` is injectable for tests), files outside the edition's root (`root`, by
 * default its folder and `--root`'s: see root.ts), and a story file named twice (on pages or in the overmatter).
 */
export function parseEditionFile(file: string, text: string, exists: (path: string) => boolean = fileExists, readRoot: ReadRoot = rootOf(file)): EditionSpec {
  const src: YamlSource = { file, text, lineOffset: 0 };
  const root = YamlFields.of(src, parseYaml(src, CODE), 'edition file', EDITION_KEYS, CODE, { file, line: 1, col: 1 });

  // 1. Version: refuse files written for a newer newsprint.
  const version = root.number('version') ?? root.missing('version', '1');
  if (version !== 1) root.bad('version', '1, the only edition file version this newsprint reads');

  // 2. Publication.
  const pub = root.fields('publication', PUBLICATION_KEYS) ?? root.missing('publication', '{ name: … }');
  const url = pub.string('url');
  if (url !== undefined && !isWebUrl(url)) pub.bad('url', 'a web address starting with https://');
  const code = pub.string('code');
  if (code !== undefined && !/^[A-Z0-9]{2,8}$/.test(code)) pub.bad('code', '2 to 8 capital letters or digits, as the plant files are named (WXC)');
  const publication: Publication = {
    name: pub.string('name', true),
    ...opt('code', code),
    ...opt('masthead', pub.string('masthead')),
    ...opt('tagline', pub.string('tagline')),
    ...opt('price', pub.string('price')),
    ...opt('url', url),
  };

  // 3. Date, issue, base URL.
  const dateNode = root.node('date');
  if (!dateNode) root.missing('date', 'the edition date, YYYY-MM-DD');
  const date = isScalar(dateNode) && typeof dateNode.value === 'string' ? dateNode.value.trim() : '';
  if (!isIsoDate(date)) root.bad('date', 'a real date written YYYY-MM-DD');
  const issue = root.number('issue');
  if (issue !== undefined && !(Number.isInteger(issue) && issue > 0)) root.bad('issue', 'a positive whole number');
  const baseUrl = root.string('base-url');
  if (baseUrl !== undefined && !isWebUrl(baseUrl)) root.bad('base-url', 'a web address starting with https://');

  // 4. E-edition renditions: formats and widths.
  const eEdition = eEditionSettings(root);

  // 5. Pages and their stories.
  const pagesSeq = root.seq('pages') ?? root.missing('pages', 'a list of pages');
  if (pagesSeq.items.length === 0) root.bad('pages', 'a list of at least one page');
  const maxPages = inputLimits().editionPages;
  if (pagesSeq.items.length > maxPages) {
    fail('ingest/too-many-pages', `edition file: pages lists ${pagesSeq.items.length.toLocaleString('en-GB')} pages, more than the ${maxPages.toLocaleString('en-GB')} an edition may have`, root.span('pages'),
      ['split it into sections built apart, or build with --max-pages N to allow more']);
  }
  const folder = dirname(resolve(file));
  const fileAt = (value: unknown, at: Span, what: string, kind: 'story' | 'advert'): string => {
    if (typeof value !== 'string' || value.trim() === '') fail(CODE, `edition file: ${what} must be ${kind === 'story' ? 'a story' : 'an advert'} file path (found ${describeValue(value)})`, at);
    const path = confine(resolve(folder, value.trim()), readRoot, at, `${kind} file`, value.trim());
    if (!exists(path)) {
      fail(`ingest/missing-${kind}`, `${kind} file not found: ${value.trim()}`, at, [`looked for ${path}; ${kind} paths are relative to the edition file`]);
    }
    return path;
  };
  /** Every naming of a story file, on a page or in the overmatter, to find one named twice. */
  const mentions: StoryMention[] = [];
  /** A story entry, `PATH` or a mapping of `keys` with `file:`; the entry's mapping is handed to `more` for its other keys. */
  const storyEntry = (s: Node | null, what: string, keys: readonly string[], more: (entry: YamlFields) => void): { path: string; at: Span } => {
    let at = spanOf(src, s);
    let value: unknown;
    if (isScalar(s)) value = s.value;
    else {
      const entry = YamlFields.of(src, s, 'edition file', keys, CODE, at, `${what}.`);
      if (!entry.has('file')) entry.missing('file', 'the story file');
      value = isScalar(entry.node('file')) ? (entry.node('file') as { value: unknown }).value : entry.node('file');
      at = entry.span('file');
      more(entry);
    }
    const path = fileAt(value, at, what, 'story');
    mentions.push({ path, written: String(value).trim(), at, where: what });
    return { path, at };
  };
  const pages = pagesSeq.items.map((node, i): EditionPageSpec => {
    const where = `pages[${i + 1}]`;
    const page = YamlFields.of(src, node, 'edition file', PAGE_KEYS, CODE, spanOf(src, node), `${where}.`);
    const template = page.string('template') ?? COMPOSED_TEMPLATE;
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(template)) page.bad('template', 'a template name such as front or news (letters, digits, - and _)');
    const stories: string[] = [];
    const storySrc: Span[] = [];
    const continueOn: (number | undefined)[] = [];
    const trim: ('end' | undefined)[] = [];
    (page.seq('stories')?.items ?? []).forEach((s, k) => {
      let on: number | undefined;
      let cut: 'end' | undefined;
      const { path, at } = storyEntry(s, `${where}.stories[${k + 1}]`, STORY_KEYS, (entry) => {
        on = entry.number('continue-on');
        if (on !== undefined && !(Number.isInteger(on) && on >= 1)) entry.bad('continue-on', 'a page number');
        if (on !== undefined && on <= i + 1) entry.bad('continue-on', `a later page than this one (page ${i + 1}): a story jumps forward`);
        if (on !== undefined && on > pagesSeq.items.length) entry.bad('continue-on', `a page of this edition, which has ${pagesSeq.items.length}`);
        cut = trimOf(entry);
      });
      stories.push(path);
      storySrc.push(at);
      continueOn.push(on);
      trim.push(cut);
    });
    const ads = (page.seq('ads')?.items ?? []).map((a, k): AdBooking => {
      const what = `${where}.ads[${k + 1}]`;
      const entry = YamlFields.of(src, a, 'edition file', AD_KEYS, CODE, spanOf(src, a), `${what}.`);
      if (!entry.has('file')) entry.missing('file', 'the advert file (PDF, JPEG, PNG or TIFF)');
      const fileNode = entry.node('file');
      const file = fileAt(isScalar(fileNode) ? fileNode.value : fileNode, entry.span('file'), `${what}.file`, 'advert');
      const size = entry.string('size') ?? entry.missing('size', 'the booking, columns × depth: 5x12cm or 2x100mm');
      const booked = parseAdSize(size) ?? entry.bad('size', 'columns × depth, such as 5x12cm or 2x100mm');
      const position = (entry.string('position') ?? 'foot') as AdPosition;
      if (!AD_POSITIONS.includes(position)) entry.bad('position', `one of ${AD_POSITIONS.join(', ')}`);
      const adUrl = entry.string('url');
      if (adUrl !== undefined && !isWebUrl(adUrl)) entry.bad('url', 'a web address starting with https://');
      return { file, columns: booked.columns, depth: booked.depth, size, position, ...opt('url', adUrl), src: spanOf(src, a) };
    });
    return { template, ...opt('section', page.string('section')), stories, storySrc, continueOn, trim, ads, src: spanOf(src, node) };
  });

  // 6. Overmatter: stories not yet placed, in priority order.
  const overmatter = (root.seq('overmatter')?.items ?? []).map((s, k): OvermatterSpec => {
    let section: string | undefined;
    let cut: 'end' | undefined;
    const { path } = storyEntry(s, `overmatter[${k + 1}]`, OVERMATTER_KEYS, (entry) => {
      section = entry.string('section');
      cut = trimOf(entry);
    });
    return { file: path, ...opt('section', section), ...opt('trim', cut), src: spanOf(src, s) };
  });

  // 7. House adverts and promos: text, or a file booked like an advert.
  const houseAds = (root.seq('house-ads')?.items ?? []).map((a, k): HouseAd => {
    const what = `house-ads[${k + 1}]`;
    const at = spanOf(src, a);
    const entry = YamlFields.of(src, a, 'edition file', HOUSE_AD_KEYS, CODE, at, `${what}.`);
    const asText = entry.has('heading') || entry.has('text');
    const asFile = entry.has('file') || entry.has('size');
    if (asText === asFile) {
      fail(CODE, `edition file: ${what} must be a text promo (heading and text) or a file (file and size)${asText ? ', not both' : ''}`, at,
        ['{ heading: Subscribe, text: "Have the paper delivered…" } or { file: ads/house-subscribe.pdf, size: 2x6cm }']);
    }
    const adUrl = entry.string('url');
    if (adUrl !== undefined && !isWebUrl(adUrl)) entry.bad('url', 'a web address starting with https://');
    if (asText) {
      const heading = entry.string('heading') ?? entry.missing('heading', 'a text promo has a heading and text');
      const text = entry.string('text') ?? entry.missing('text', 'a text promo has a heading and text');
      return { heading, text, ...opt('url', adUrl), src: at };
    }
    if (!entry.has('file')) entry.missing('file', 'the advert file (PDF, JPEG, PNG or TIFF)');
    const fileNode = entry.node('file');
    const adFile = fileAt(isScalar(fileNode) ? fileNode.value : fileNode, entry.span('file'), `${what}.file`, 'advert');
    const size = entry.string('size') ?? entry.missing('size', 'the booking, columns × depth: 5x12cm or 2x100mm');
    const booked = parseAdSize(size) ?? entry.bad('size', 'columns × depth, such as 5x12cm or 2x100mm');
    return { file: adFile, columns: booked.columns, depth: booked.depth, size, ...opt('url', adUrl), src: at };
  });

  // 8. A story is named once: a story run on to another page says so with continue-on, not a second listing.
  refuseTwice(mentions);

  return {
    file, version: 1, publication, date, ...opt('issue', issue), ...opt('baseUrl', baseUrl), ...opt('eEdition', eEdition),
    pages, overmatter, houseAds,
  };
}

/** Where a story file is named in the edition file. */
interface StoryMention {
  readonly path: string;
  /** The path as written. */
  readonly written: string;
  readonly at: Span;
  /** `pages[2].stories[1]`, `overmatter[3]`. */
  readonly where: string;
}

/** Fails at the later of the first two namings of one story file, naming both. */
function refuseTwice(mentions: readonly StoryMention[]): void {
  const first = new Map<string, StoryMention>();
  const inFileOrder = [...mentions].sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
  for (const m of inFileOrder) {
    const earlier = first.get(m.path);
    if (!earlier) {
      first.set(m.path, m);
      continue;
    }
    fail('ingest/duplicate-story',
      `edition file: ${m.written} is listed twice, at ${earlier.where} (${formatSpan(earlier.at)}) and at ${m.where}: a story appears once in a flatplan`,
      m.at, ['a story that does not fit its page goes on with continue-on in its one entry; a story not yet placed is listed in overmatter only']);
  }
}

/** `trim: end`, the only trim: whole paragraphs may be cut from the end to fit. */
function trimOf(entry: YamlFields): 'end' | undefined {
  if (!entry.has('trim')) return undefined;
  const n = entry.node('trim');
  if (!isScalar(n) || n.value !== 'end') entry.bad('trim', 'end, to cut whole paragraphs from the end to fit');
  return 'end';
}

/** A section name as pages and stories are matched by it: trimmed, case ignored. */
const sectionKey = (s: string): string => s.trim().toLowerCase();

/** Whether a page is composed (its news hole filled by the composer): no template, or `front`. */
export const isComposedPage = (page: { readonly template: string }): boolean => page.template === COMPOSED_TEMPLATE || page.template === 'front';

/**
 * Checks the overmatter against the pages, given the section each overmatter entry goes to (its own, else its
 * story's; undefined: any page), parallel to `spec.overmatter`. Fails (`ingest/empty-page`) at a composed page that
 * lists no stories when no overmatter story can go on it; returns a warning (`ingest/overmatter-section`) for each
 * overmatter story whose section no page has, as it will be held over.
 */
export function checkOvermatter(spec: EditionSpec, sections: readonly (string | undefined)[]): Diagnostic[] {
  spec.pages.forEach((page, i) => {
    if (page.stories.length > 0 || !isComposedPage(page)) return;
    const own = page.section === undefined ? undefined : sectionKey(page.section);
    if (sections.some((s) => s === undefined || (own !== undefined && sectionKey(s) === own))) return;
    const why = page.section === undefined
      ? 'lists no stories and has no section, and no overmatter story is for any page'
      : `lists no stories, and no overmatter story is for section ${JSON.stringify(page.section)} or for any page`;
    fail('ingest/empty-page', `edition file: pages[${i + 1}] ${why}: nothing to put on it`, page.src,
      [`list its stories, add overmatter ${page.section === undefined ? 'without a section' : `for section ${page.section}`}, or give an advert page a template of its own (template: house-ad)`]);
  });
  const pageSections = [...new Map(spec.pages.filter((p) => p.section !== undefined).map((p) => [sectionKey(p.section!), p.section!])).values()];
  const folder = dirname(resolve(spec.file));
  const notes: Diagnostic[] = [];
  spec.overmatter.forEach((o, k) => {
    const section = sections[k];
    if (section === undefined || pageSections.some((p) => sectionKey(p) === sectionKey(section))) return;
    const whose = o.section === undefined ? ' (the story’s own section)' : '';
    notes.push({
      severity: 'warning',
      code: 'ingest/overmatter-section',
      message: `edition file: overmatter[${k + 1}] (${relative(folder, o.file)}) is for section ${JSON.stringify(section)}${whose}, which no page of this edition has: it will be held over`,
      span: o.src,
      hints: [pageSections.length ? `the edition's sections: ${pageSections.join(', ')}` : 'no page of this edition has a section; an entry without one may go on any page'],
    });
  });
  return notes;
}

/** Limits of the rendition widths, pixels: a thumbnail strip, a screen page, a zoom a tile pyramid is cut from. */
const RENDITION_WIDTHS = { thumbnail: [64, 800], page: [400, 4000], zoom: [1000, 12000] } as const;

/** `e-edition: { formats: [jpeg, webp], sizes: { thumbnail: 200, page: 1200, zoom: 3000 } }`, each part optional. */
function eEditionSettings(root: YamlFields): EEditionSettings | undefined {
  const e = root.fields('e-edition', ['formats', 'sizes']);
  if (!e) return undefined;
  const formatsSeq = e.seq('formats');
  const formats = formatsSeq?.items.map((n) => (isScalar(n) ? n.value : undefined));
  if (formats && (formats.length === 0 || formats.some((f) => f !== 'jpeg' && f !== 'webp') || new Set(formats).size !== formats.length)) {
    e.bad('formats', 'a list of jpeg and webp, each once');
  }
  const sizesF = e.fields('sizes', ['thumbnail', 'page', 'zoom']);
  const sizes: { thumbnail?: number; page?: number; zoom?: number } = {};
  for (const key of ['thumbnail', 'page', 'zoom'] as const) {
    const v = sizesF?.number(key);
    if (v === undefined) continue;
    const [lo, hi] = RENDITION_WIDTHS[key];
    if (!Number.isInteger(v) || v < lo || v > hi) sizesF!.bad(key, `a width in pixels from ${lo} to ${hi}`);
    sizes[key] = v;
  }
  return { ...(formats ? { formats: formats as ('jpeg' | 'webp')[] } : {}), ...(sizesF ? { sizes } : {}) };
}

/** A YAML value for a message: text quoted, anything else as the YAML reader describes it. */
const describeValue = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v && typeof v === 'object' ? describe(v as Parameters<typeof describe>[0]) : String(v));

/**
 * An advert booking, columns of the plant's grid by depth: `5x12cm`, `2x100mm`, `3×9cm` (depth in cm or mm, 1 to 600
 * mm; 1 to 20 columns — the plant's own count is checked at layout). Undefined when it is not one.
 */
export function parseAdSize(text: string): { columns: number; depth: number } | undefined {
  const m = /^\s*(\d{1,2})\s*[x×]\s*(\d+(?:\.\d+)?)\s*(cm|mm)\s*$/i.exec(text);
  if (!m) return undefined;
  const columns = Number(m[1]);
  const mm = Number(m[2]) * (m[3]!.toLowerCase() === 'cm' ? 10 : 1);
  if (columns < 1 || columns > 20 || mm < 1 || mm > 600) return undefined;
  return { columns, depth: (mm * 72) / 25.4 };
}

const isWebUrl = (s: string): boolean => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(s) || /^https?:\/\/localhost\b/i.test(s);
