// Edition files: which stories go on which page, and the paper's name, date and issue (YAML, version 1).
import { dirname, resolve } from 'node:path';
import { isScalar } from 'yaml';
import type { EEditionSettings, Publication } from '../core/edition.js';
import { fail, type Span } from '../core/span.js';
import { isIsoDate } from './dates.js';
import { fileExists } from './read.js';
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
 *   pages:                           # required, at least one
 *     - template: front              #   required: templates/pages/<name>.hbs
 *       section: News                #   optional
 *       stories: [stories/harbour-wall.md, stories/school.txt]   # relative to this file
 */

/** Top-level keys of an edition file. */
export const EDITION_KEYS = ['version', 'publication', 'date', 'issue', 'base-url', 'e-edition', 'pages'] as const;
const PUBLICATION_KEYS = ['name', 'code', 'masthead', 'tagline', 'price', 'url'];
const PAGE_KEYS = ['template', 'section', 'stories'];
const CODE = 'ingest/edition';

/** One page as the edition file lists it. */
export interface EditionPageSpec {
  /** Template name under templates/pages/, for example `front`. */
  readonly template: string;
  readonly section?: string;
  /** Absolute paths of the story files, in the order the template places them. */
  readonly stories: readonly string[];
  /** Where each story is named in the edition file, parallel to `stories`. */
  readonly storySrc: readonly Span[];
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
}

/**
 * Parses and validates an edition file. Every complaint is a UserError at the
 * file:line:col of the offending YAML node: unknown keys (with the known ones
 * as a hint), missing or mistyped fields, a bad date, no pages, and story
 * files that do not exist (`exists` is injectable for tests).
 */
export function parseEditionFile(file: string, text: string, exists: (path: string) => boolean = fileExists): EditionSpec {
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
  const folder = dirname(resolve(file));
  const pages = pagesSeq.items.map((node, i): EditionPageSpec => {
    const where = `pages[${i + 1}]`;
    const page = YamlFields.of(src, node, 'edition file', PAGE_KEYS, CODE, spanOf(src, node), `${where}.`);
    const template = page.string('template', true);
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(template)) page.bad('template', 'a template name such as front or news (letters, digits, - and _)');
    const stories: string[] = [];
    const storySrc: Span[] = [];
    (page.seq('stories')?.items ?? []).forEach((s, k) => {
      const at = spanOf(src, s);
      if (!isScalar(s) || typeof s.value !== 'string' || s.value.trim() === '') {
        fail(CODE, `edition file: ${where}.stories[${k + 1}] must be a story file path (found ${describe(s)})`, at);
      }
      const path = resolve(folder, s.value.trim());
      if (!exists(path)) {
        fail('ingest/missing-story', `story file not found: ${s.value.trim()}`, at, [`looked for ${path}; story paths are relative to the edition file`]);
      }
      stories.push(path);
      storySrc.push(at);
    });
    return { template, ...opt('section', page.string('section')), stories, storySrc, src: spanOf(src, node) };
  });

  return { file, version: 1, publication, date, ...opt('issue', issue), ...opt('baseUrl', baseUrl), ...opt('eEdition', eEdition), pages };
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

const isWebUrl = (s: string): boolean => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(s) || /^https?:\/\/localhost\b/i.test(s);
