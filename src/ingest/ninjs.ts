// IPTC ninjs (News in JSON) articles, 1.x to 3.x: headline, byline, dates, HTML or plain body, lead picture.
import type { Node, ParseError } from 'jsonc-parser';
import { lazyPackage } from '../core/lazy.js';
import type { Article, Block, ImageRef } from '../core/article.js';
import { fail, positionAt, type Span } from '../core/span.js';
import { isIsoDateTime } from './dates.js';
import { htmlToBlocks, htmlToText } from './html.js';
import { resolveImagePath } from './paths.js';
import { cleanText, optional, plainRuns, slugFromPath } from './runs.js';

const jsonc = lazyPackage<typeof import('jsonc-parser')>('jsonc-parser');

/*
 * Fields read (property names are matched case-insensitively, so ninjs 3's
 * camelCase `firstCreated`/`contentType` and 1.x's `firstcreated` both work):
 *   headlines [{role, value}] (role "main" first) | headline (1.x)
 *   by                                  → byline ("By " dropped)
 *   bodies [{role, contentType, value}] (text/html first, then text/plain) | body_html | body_text
 *   descriptions [{role, value}] (role "summary" first) | description_text → standfirst
 *   firstCreated → published, versionCreated → updated (ISO 8601)
 *   associations (3.x array or 1.x/2.x object): the first of type picture/image/graphic
 *     → lead image: renditions (array or object) href, relative to the JSON file;
 *       caption from descriptions/headlines; credit from by/creditline/copyrightNotice;
 *       focus from the rendition's poi {x, y} over its width/height.
 * Other fields (uri, altIds, subjects, genres, …) are accepted and not used:
 * the Article model has no place for them yet.
 */

const CODE = 'ingest/ninjs';
/** Rendition names that mean "the full-size file", most preferred first. */
const FULL_SIZE = ['original', 'baseimage', 'highres', 'hires', 'master', 'large', 'viewimage'];

/**
 * Parses a ninjs news item. JSON syntax errors report their line and column;
 * body blocks point at their place inside the body string in the JSON file.
 */
export function parseNinjs(file: string, text: string): Article {
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const spanAt = (offset: number): Span => ({ file, ...positionAt(text, offset) });
  const first = errors[0];
  if (first) fail('ingest/json-syntax', `JSON syntax error: ${describeError(first)}`, spanAt(first.offset));
  if (!root || root.type !== 'object') fail(CODE, 'a ninjs file must hold one JSON object', spanAt(root?.offset ?? 0));
  const span = (n: Node): Span => spanAt(n.offset);

  // 1. Headline.
  const headlineNode = pickValue(prop(root, 'headlines'), 'main') ?? stringNode(prop(root, 'headline'));
  const headline = headlineNode ? cleanText(headlineNode.value as string) : '';
  if (!headline) fail('ingest/no-headline', 'ninjs item has no headline', span(root), ['add "headlines": [{ "role": "main", "value": "…" }]']);
  const headlineSpan = span(headlineNode!);

  // 2. Body: HTML preferred, plain text otherwise.
  const body: Block[] = [];
  let cutFrom: number | undefined;
  const chosen = chooseBody(root);
  if (chosen) {
    const at = literalSpans(text, chosen.node, spanAt);
    const value = chosen.node.value as string;
    if (chosen.html) {
      const before = body.length;
      body.push(...htmlToBlocks(value, { spanAt: at, resolveImage: (src, where) => resolveImagePath(file, src, where), onCut: (n) => (cutFrom ??= before + n) }));
    }
    else body.push(...plainBlocks(value, at));
  }
  if (body.length === 0) fail('ingest/no-body', `story "${headline}" has a headline but no body text`, headlineSpan, ['add "bodies": [{ "contentType": "text/html", "value": "<p>…</p>" }]']);

  // 3. Metadata.
  const summary = pickValue(prop(root, 'descriptions'), 'summary') ?? stringNode(prop(root, 'description_text'));
  const standfirst = summary ? (/<[a-z]/i.test(summary.value) ? htmlToText(summary.value) : cleanText(summary.value)) : '';
  const by = stringNode(prop(root, 'by'));
  const name = by ? cleanText(by.value as string).replace(/^by\s+/i, '') : '';
  const date = (key: string): string | undefined => {
    const n = prop(root, key);
    if (!n) return undefined;
    if (n.type !== 'string' || !isIsoDateTime(n.value)) fail(CODE, `${key} must be an ISO 8601 date-time such as 2026-11-26T09:30:00Z (found ${JSON.stringify(n.value)})`, span(n));
    return n.value as string;
  };
  const leadImage = pictureAssociation(file, prop(root, 'associations'), span);

  return {
    id: slugFromPath(file),
    format: 'ninjs',
    file,
    headline,
    ...optional('standfirst', standfirst || undefined),
    ...(name ? { byline: { name } } : {}),
    ...optional('published', date('firstCreated')),
    ...optional('updated', date('versionCreated')),
    ...(leadImage ? { leadImage } : {}),
    body,
    ...(cutFrom !== undefined && cutFrom < body.length ? { cutFrom } : {}),
    furniture: [],
    src: headlineSpan,
  };
}

/** The value node of a property, its name matched case-insensitively. */
function prop(obj: Node | undefined, name: string): Node | undefined {
  if (obj?.type !== 'object') return undefined;
  const want = name.toLowerCase();
  for (const p of obj.children ?? []) {
    const [key, value] = p.children ?? [];
    if (key && value && String(key.value).toLowerCase() === want) return value;
  }
  return undefined;
}

const stringNode = (n: Node | undefined): Node | undefined => (n?.type === 'string' && String(n.value).trim() !== '' ? n : undefined);
const str = (n: Node | undefined): string | undefined => stringNode(n)?.value as string | undefined;

/** From an array of `{role, value}` objects, the value node with the role wanted, else the first with a value. */
function pickValue(arr: Node | undefined, role: string): Node | undefined {
  if (arr?.type !== 'array') return undefined;
  const items = (arr.children ?? []).filter((c) => stringNode(prop(c, 'value')));
  const best = items.find((c) => str(prop(c, 'role'))?.toLowerCase() === role) ?? items[0];
  return best ? prop(best, 'value') : undefined;
}

/** The body string to use: an HTML body first, then plain text, then any body. */
function chooseBody(root: Node): { node: Node; html: boolean } | undefined {
  const bodies = prop(root, 'bodies');
  if (bodies?.type === 'array') {
    const items = (bodies.children ?? []).filter((c) => stringNode(prop(c, 'value')));
    const type = (c: Node): string => str(prop(c, 'contentType'))?.toLowerCase() ?? '';
    const best = items.find((c) => type(c).includes('html')) ?? items.find((c) => type(c) === '' || type(c).startsWith('text/plain')) ?? items[0];
    if (best) return { node: prop(best, 'value')!, html: type(best).includes('html') };
  }
  const html = stringNode(prop(root, 'body_html'));
  if (html) return { node: html, html: true };
  const plain = stringNode(prop(root, 'body_text'));
  return plain ? { node: plain, html: false } : undefined;
}

/** Paragraphs of a plain-text body: split at blank lines, or at every line end when there are none. */
function plainBlocks(value: string, at: (offset: number) => Span): Block[] {
  const sep = /\n[ \t]*\n/.test(value) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const blocks: Block[] = [];
  let start = 0;
  for (const piece of value.split(sep)) {
    const offset = value.indexOf(piece, start);
    start = offset + piece.length;
    const runs = plainRuns(piece);
    const lead = piece.length - piece.trimStart().length;
    if (runs.length) blocks.push({ kind: 'paragraph', runs, src: at(offset + lead) });
  }
  return blocks;
}

/**
 * Maps an offset in a JSON string's decoded value to the file span of the
 * character that produced it, following escapes (`\n`, `\"`, `\u00e9`).
 */
function literalSpans(text: string, node: Node, spanAt: (offset: number) => Span): (offset: number) => Span {
  const map: number[] = [];
  const end = node.offset + node.length - 1;
  for (let i = node.offset + 1; i < end;) {
    map.push(i);
    i += text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
  }
  return (offset) => spanAt(map[Math.min(offset, map.length - 1)] ?? node.offset);
}

function pictureAssociation(file: string, assoc: Node | undefined, span: (n: Node) => Span): ImageRef | undefined {
  const items = assoc?.type === 'array' ? assoc.children ?? [] : assoc?.type === 'object' ? (assoc.children ?? []).map((p) => p.children?.[1]).filter((n): n is Node => !!n) : [];
  const pic = items.find((a) => ['picture', 'image', 'graphic'].includes(str(prop(a, 'type'))?.toLowerCase() ?? ''));
  if (!pic) return undefined;
  const rend = chooseRendition(prop(pic, 'renditions'));
  const href = rend ? stringNode(prop(rend, 'href')) : undefined;
  if (!rend || !href) fail(CODE, 'picture association has no rendition with an href', span(pic), ['add "renditions": [{ "name": "original", "href": "photos/picture.jpg" }]']);
  const caption = pickValue(prop(pic, 'descriptions'), 'caption')?.value ?? str(prop(pic, 'description_text')) ?? pickValue(prop(pic, 'headlines'), 'main')?.value ?? str(prop(pic, 'headline'));
  const credit = str(prop(pic, 'by')) ?? str(prop(pic, 'creditline')) ?? str(prop(pic, 'copyrightNotice')) ?? str(prop(pic, 'copyrightHolder'));
  const alt = (prop(pic, 'descriptions')?.children ?? []).find((d) => /^alt/i.test(str(prop(d, 'role')) ?? ''));
  const poi = prop(rend, 'poi');
  const [x, y, w, h] = [prop(poi, 'x')?.value, prop(poi, 'y')?.value, prop(rend, 'width')?.value, prop(rend, 'height')?.value];
  const focus = [x, y, w, h].every((v) => typeof v === 'number') && w > 0 && h > 0
    ? { x: Math.min(1, Math.max(0, x / w)), y: Math.min(1, Math.max(0, y / h)) } : undefined;
  const at = span(href);
  return {
    file: resolveImagePath(file, href.value as string, at),
    ...optional('caption', caption ? cleanText(caption) : undefined),
    ...optional('credit', credit ? cleanText(credit) : undefined),
    ...optional('alt', alt ? str(prop(alt, 'value')) : undefined),
    ...(focus ? { focus } : {}),
    src: at,
  };
}

/** The full-size rendition by name, else the widest, else the first with an href. */
function chooseRendition(r: Node | undefined): Node | undefined {
  const named: { name: string; node: Node }[] = r?.type === 'array'
    ? (r.children ?? []).map((node) => ({ name: str(prop(node, 'name')) ?? '', node }))
    : r?.type === 'object' ? (r.children ?? []).map((p) => ({ name: String(p.children?.[0]?.value ?? ''), node: p.children?.[1]! })) : [];
  const usable = named.filter((n) => n.node && stringNode(prop(n.node, 'href')));
  for (const want of FULL_SIZE) {
    const hit = usable.find((n) => n.name.toLowerCase() === want);
    if (hit) return hit.node;
  }
  const width = (n: Node): number => (typeof prop(n, 'width')?.value === 'number' ? prop(n, 'width')!.value : -1);
  return usable.map((n) => n.node).sort((a, b) => width(b) - width(a))[0];
}

function describeError(e: ParseError): string {
  const name = jsonc().printParseErrorCode(e.error);
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
