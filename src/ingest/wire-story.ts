// What NITF and NewsML-G2 readers gather about a story, and how it becomes an Article: dateline lead-in, tagline, checks.
import type { Article, ArticleFormat, Block, Byline, DeskNote, Embargo, ImageRef } from '../core/article.js';
import { fail, type Span } from '../core/span.js';
import { isIsoDate, isIsoDateTime } from './dates.js';
import { fileExists } from './read.js';
import { resolveImagePath } from './paths.js';
import { cleanText, normaliseRuns, optional, slugFromPath } from './runs.js';
import type { XmlElement } from './xml.js';

/** A piece of text with where it is. */
export interface Located {
  readonly text: string;
  readonly src: Span;
}

/** A story's parts as a wire format gives them, before they are put together. Every field but body is optional. */
export interface WireStory {
  readonly headline?: Located;
  readonly standfirst?: string;
  readonly byline?: Byline;
  readonly dateline?: Located;
  readonly slugline?: string;
  readonly body: readonly Block[];
  readonly cutFrom?: number;
  readonly tagline?: Located;
  readonly leadImage?: ImageRef;
  readonly published?: string;
  readonly updated?: string;
  readonly embargo?: Embargo;
  readonly notes: readonly DeskNote[];
}

/** Where a story's errors point: the item for a missing headline, the body (if any) for a missing body, and what to say. */
export interface StoryPlace {
  readonly src: Span;
  /** "news item", "NITF document"… */
  readonly what: string;
  readonly bodySpan?: Span;
  /** Why the body is empty, when the reader knows (", its inlineXML is empty"). */
  readonly bodyWhy?: string;
  readonly bodyHint: string;
}

/**
 * Puts a story together as an Article. The headline and the body are required (`ingest/no-headline` at `where`,
 * `ingest/no-body` at the headline). The dateline becomes a bold lead-in on the first paragraph, "LONDON, 2 Dec – ",
 * and the tagline a last paragraph in italic, so that the page, the e-edition's article text and the galley all show
 * them as a sub-editor would set them.
 */
export function storyArticle(file: string, format: ArticleFormat, s: WireStory, where: StoryPlace): Article {
  if (!s.headline?.text) fail('ingest/no-headline', `${where.what} has no headline`, where.src, ['give the story a headline: NewsML-G2 contentMeta <headline>, or NITF <hedline><hl1>']);
  const headline = s.headline;
  if (s.body.length === 0) fail('ingest/no-body', `story “${headline.text}” has a headline but no body text${where.bodyWhy ?? ''}`, where.bodySpan ?? headline.src, [where.bodyHint]);
  const body: Block[] = [...s.body];
  let shift = 0;
  if (s.dateline?.text) {
    const i = body.findIndex((b) => b.kind === 'paragraph');
    const lead = { text: `${s.dateline.text}${/[-–—:]$/.test(s.dateline.text) ? '' : ' –'} `, style: { italic: false, bold: true } };
    const first = body[i];
    if (first?.kind === 'paragraph') {
      const pieces = [lead, ...first.runs.map((r) => ({ text: r.text, style: { italic: !!r.italic, bold: !!r.bold } }))];
      body[i] = { ...first, runs: normaliseRuns(pieces) };
    } else {
      body.unshift({ kind: 'paragraph', runs: normaliseRuns([lead]), src: s.dateline.src });
      shift = 1;
    }
  }
  if (s.tagline?.text) body.push({ kind: 'paragraph', runs: [{ text: s.tagline.text, italic: true }], src: s.tagline.src });
  return {
    id: slugFromPath(file),
    format,
    file,
    headline: headline.text,
    ...optional('standfirst', s.standfirst || undefined),
    ...(s.byline ? { byline: s.byline } : {}),
    ...optional('published', s.published),
    ...optional('updated', s.updated),
    ...(s.leadImage ? { leadImage: s.leadImage } : {}),
    body,
    ...(s.cutFrom !== undefined && s.cutFrom < s.body.length ? { cutFrom: s.cutFrom + shift } : {}),
    furniture: [],
    ...optional('dateline', s.dateline?.text || undefined),
    ...optional('tagline', s.tagline?.text || undefined),
    ...optional('slugline', s.slugline || undefined),
    ...(s.notes.length ? { deskNotes: s.notes } : {}),
    ...(s.embargo ? { embargo: s.embargo } : {}),
    src: headline.src,
  };
}

/** A picture named in a wire file: resolved against that file, and refused at once when it is not there. */
export function wirePicture(file: string): (ref: string, at: Span) => string {
  return (ref, at) => {
    const path = resolveImagePath(file, ref, at);
    if (!fileExists(path)) fail('ingest/missing-picture', `picture not found: ${ref.trim()} (looked for ${path})`, at, ['put the picture file there, or correct the reference']);
    return path;
  };
}

/** An element's text with white space collapsed, or undefined when it holds none. */
export function located(el: XmlElement | undefined, text: string): Located | undefined {
  const t = cleanText(text);
  return el && t ? { text: t, src: el.src } : undefined;
}

/** "By Jane Smith" → "Jane Smith"; a trailing comma or dash before a title goes too. */
export function bylineName(text: string): string {
  return cleanText(text).replace(/^by\s+/i, '').replace(/[\s,;–—-]+$/, '');
}

/**
 * A date as NITF's `norm` attributes and NewsML-G2's elements write it, in ISO 8601 extended form: `20181021T162532-0500`
 * → `2018-10-21T16:25:32-05:00`, `20181021` → `2018-10-21`; extended forms pass through. Undefined when it is no date.
 */
export function isoFromNorm(raw: string): string | undefined {
  const v = raw.trim();
  if (isIsoDateTime(v)) return v;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isIsoDate(date)) return undefined;
  if (m[4] === undefined) return date;
  const zone = m[7] === undefined || m[7] === 'Z' ? (m[7] ?? '') : `${m[7].slice(0, 3)}:${m[7].slice(-2)}`;
  const iso = `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
  return isIsoDateTime(iso) ? iso : undefined;
}

/** A date read from a wire file, or a UserError at its element naming the field. */
export function wireDate(raw: string, field: string, at: Span): string {
  const iso = isoFromNorm(raw);
  if (!iso) fail('ingest/wire-date', `${field} is not an ISO 8601 date (found “${cleanText(raw)}”)`, at, ['write it as 2026-11-26T09:30:00Z, or in NITF norm form 20261126T093000Z']);
  return iso;
}
