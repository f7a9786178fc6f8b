// Scraped plain text: a story as copied from a local news website (title line, headline, byline, paragraphs, site furniture).
import type { Article, Block, Byline, Furniture } from '../core/article.js';
import { fail, type Span } from '../core/span.js';
import { ukDateToIso } from './dates.js';
import { cleanText, plainRuns, slugFromPath } from './runs.js';

/*
 * The format, as scraped from UK local news sites (see shared/seeds/):
 *
 *   <headline> - <Publication>          title line (optional, see below)
 *   <headline>
 *   <desk or author> 11th Sep, 2020 Updated: 11th Sep, 2020   0     byline line (optional)
 *   <paragraph>                          paragraphs, separated by blank lines
 *   <Crosshead>                          short line before a paragraph
 *   Announcements                        site furniture at the end: a heading
 *   <one line>                           and one line, repeated
 *
 * The title line is recognised when it has a " - " (or " | ") suffix AND either
 * the next line repeats the part before the last separator, or the line after
 * next is a byline. Otherwise the first non-blank line is the headline and the
 * article has no publication: a headline such as "Fire crews - a thank you"
 * is therefore never split.
 */

/** Furniture headings seen on UK local news sites; matched case-insensitively. */
const KNOWN_FURNITURE = new Set([
  'announcements', 'recruitment', 'jobs', 'buy photos', 'online editions', 'e-editions', 'e-edition',
  'public notices', 'family notices', 'newsletter', 'newsletters', 'subscribe', 'subscriptions',
  'advertise', 'advertise with us', 'contact us', 'follow us', 'most read', 'trending', 'related stories',
  'read more', 'share this', 'sign up', 'local business directory', 'directory', 'dating', 'motors', 'property',
]);

/** Longest crosshead, in words: newspaper crossheads are one to four words; eight leaves room for labels like "What the council said". */
const CROSSHEAD_MAX_WORDS = 8;
/** Longest furniture heading, in words ("Advertise with us", "Local business directory"). */
const FURNITURE_MAX_WORDS = 4;
/** A line ending in one of these is a sentence or quote, not a heading. */
const TERMINAL = /[.!?:;,…"”’'»)]$/;

interface Line { readonly text: string; readonly span: Span }
type Group = readonly Line[];

/** A parsed byline line: who, when, and the site's comment count. */
export interface BylineLine {
  readonly name?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly commentCount?: number;
}

/**
 * Parses a scraped story. `file` is the path as the user gave it (for spans);
 * `text` is LF-normalised (see readSourceFile). Throws UserError
 * `ingest/no-headline` for a blank text and `ingest/no-body` when a headline
 * has no paragraphs after it.
 */
export function parseScrapedText(file: string, text: string): Article {
  const lines: Line[] = text.split('\n').map((t, i) => ({ text: t, span: { file, line: i + 1, col: firstCol(t) } }));
  const nonBlank = lines.filter((l) => !isBlank(l.text));
  const first = nonBlank[0];
  if (!first) fail('ingest/no-headline', 'file has no headline', { file, line: 1, col: 1 });

  // 1. Header: optional title line, headline, optional byline line.
  let i = 0;
  const title = splitTitle(first.text);
  const isTitle = title !== undefined && nonBlank[1] !== undefined
    && (cleanText(nonBlank[1].text) === title.headline || (nonBlank[2] !== undefined && parseBylineLine(nonBlank[2].text) !== undefined));
  const publication = isTitle ? title.publication : undefined;
  if (isTitle) i++;
  const headlineLine = nonBlank[i++]!;
  const by = nonBlank[i] ? parseBylineLine(nonBlank[i]!.text) : undefined;
  if (by) i++;
  const lastHeaderLine = nonBlank[i - 1]!.span.line;

  // 2. Body groups: runs of non-blank lines after the header.
  const groups = toGroups(lines.slice(lastHeaderLine));

  // 3. Site furniture, from the end backwards.
  const furnitureCount = countFurniture(groups);
  const storyGroups = groups.slice(0, groups.length - furnitureCount);
  const furniture: Furniture[] = [];
  for (let k = storyGroups.length; k < groups.length; k += 2) {
    const heading = groups[k]!;
    furniture.push({ heading: joined(heading), text: joined(groups[k + 1]!), src: heading[0]!.span });
  }

  // 4. Paragraphs and crossheads; a line `[cut]` on its own marks where the copy may be cut from.
  const cutAt = storyGroups.findIndex((g) => g.length === 1 && /^\[cut\]$/i.test(joined(g).trim()));
  const cutFrom = cutAt >= 0 ? cutAt : undefined;
  if (cutAt >= 0) storyGroups.splice(cutAt, 1);
  const body: Block[] = storyGroups.map((g, k) => {
    const next = storyGroups[k + 1];
    const kind = g.length === 1 && next !== undefined && isCrosshead(joined(g)) && !isCrosshead(joined(next)) ? 'crosshead' : 'paragraph';
    return { kind, runs: plainRuns(joined(g)), src: g[0]!.span };
  });
  if (body.length === 0) {
    fail('ingest/no-body', `story "${cleanText(headlineLine.text)}" has a headline but no body text`, headlineLine.span,
      ['paragraphs follow the headline and byline, separated by blank lines']);
  }

  const byline: Byline | undefined = by?.name ? { name: by.name } : undefined;
  return {
    id: slugFromPath(file),
    format: 'text',
    file,
    ...(publication ? { publication } : {}),
    headline: cleanText(headlineLine.text),
    ...(byline ? { byline } : {}),
    ...(by?.published ? { published: by.published } : {}),
    ...(by?.updated ? { updated: by.updated } : {}),
    ...(by?.commentCount !== undefined ? { commentCount: by.commentCount } : {}),
    body,
    ...(cutFrom !== undefined && cutFrom < body.length ? { cutFrom } : {}),
    furniture,
    src: headlineLine.span,
  };
}

/** Splits `Headline - Publication` on the last " - " (or " | "); undefined without one. */
export function splitTitle(line: string): { headline: string; publication: string } | undefined {
  const s = cleanText(line);
  const at = Math.max(s.lastIndexOf(' - '), s.lastIndexOf(' | '));
  if (at <= 0) return undefined;
  const publication = s.slice(at + 3).trim();
  if (publication === '') return undefined;
  return { headline: s.slice(0, at).trim(), publication };
}

const DATE = String.raw`\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?,? \d{4}`;
const BYLINE = new RegExp(String.raw`^(?:By )?(.*?) ?(${DATE})(?: Updated:? ?(${DATE}))?(?: (\d+)(?: comments?)?)?$`, 'i');

/**
 * Parses a byline line such as `Coventry Editorial 11th Sep, 2020 Updated: 11th Sep, 2020   0`
 * (odd spaces allowed; Updated and the comment count optional), or `By Jane Smith`.
 * Undefined when the line is not a byline.
 */
export function parseBylineLine(raw: string): BylineLine | undefined {
  const s = cleanText(raw);
  const m = BYLINE.exec(s);
  if (m) {
    const published = ukDateToIso(m[2]!);
    if (!published) return undefined;
    const name = m[1]!.replace(/^by\s+/i, '').replace(/[\s,|–—-]+$/, '').trim();
    const updated = m[3] ? ukDateToIso(m[3]) : undefined;
    return {
      ...(name ? { name } : {}),
      published,
      ...(updated ? { updated } : {}),
      ...(m[4] !== undefined ? { commentCount: Number(m[4]) } : {}),
    };
  }
  const by = /^By (\p{Lu}[^.!?]*)$/u.exec(s);
  if (by && by[1]!.split(' ').length <= 6) return { name: by[1]! };
  return undefined;
}

/** A short line that reads as a heading: ≤ 8 words, capital first, no sentence or quote ending. */
export function isCrosshead(text: string): boolean {
  const s = cleanText(text);
  return s.split(' ').length <= CROSSHEAD_MAX_WORDS && /^\p{Lu}/u.test(s) && !TERMINAL.test(s);
}

/**
 * How many trailing groups are site furniture: heading-and-line pairs counted
 * back from the end, the earliest of which must be a known heading (so a
 * story's own last crosshead and paragraph are never taken for furniture).
 */
function countFurniture(groups: readonly Group[]): number {
  const pairs: string[] = [];
  let end = groups.length;
  while (end >= 2) {
    const heading = groups[end - 2]!;
    const text = joined(heading);
    if (heading.length !== 1 || !isFurnitureHeading(text)) break;
    pairs.unshift(text.toLowerCase());
    end -= 2;
  }
  while (pairs.length > 0 && !KNOWN_FURNITURE.has(pairs[0]!)) pairs.shift();
  return pairs.length * 2;
}

function isFurnitureHeading(text: string): boolean {
  return KNOWN_FURNITURE.has(text.toLowerCase()) || (text.split(' ').length <= FURNITURE_MAX_WORDS && isCrosshead(text));
}

function toGroups(lines: readonly Line[]): Group[] {
  const groups: Line[][] = [];
  let current: Line[] | undefined;
  for (const l of lines) {
    if (isBlank(l.text)) current = undefined;
    else if (current) current.push(l);
    else groups.push((current = [l]));
  }
  return groups;
}

const joined = (g: Group): string => cleanText(g.map((l) => l.text).join(' '));
const isBlank = (t: string): boolean => t.trim() === '';
const firstCol = (t: string): number => (t.length - t.trimStart().length) + 1;
