// NewsML-G2 news items, packages and messages: one text item and its pictures, from the file and the files beside it.
import type { Article, Block, DeskNote, Embargo, ImageRef } from '../core/article.js';
import { fail, type Span } from '../core/span.js';
import { readNitf, type NitfStory } from './nitf.js';
import { displayPath, resolveImagePath } from './paths.js';
import { fileExists, readSourceFile } from './read.js';
import { cleanText, optional } from './runs.js';
import { xmlBodyBlocks, type XmlBody } from './xml-body.js';
import { child, childrenNamed, elements, parseXml, textOf, type XmlElement } from './xml.js';
import { bylineName, located, storyArticle, wireDate, wirePicture, type Located, type StoryPlace, type WireStory } from './wire-story.js';

/** The NewsML-G2 namespace (the IPTC News Architecture's). */
export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Renditions that mean "the full-size picture", by a word in their rendition QCode (rnd:highRes, rnd:print…). */
const FULL_SIZE = /highres|print|original|master/i;
const PICTURE_FILE = /\.(jpe?g|png|tiff?|webp|gif)$/i;
const PICTURE_CLASSES = new Set(['picture', 'graphic']);

/** An item element and the file it was read from (pictures are resolved against that file). */
interface Item {
  readonly el: XmlElement;
  readonly file: string;
}

/** The Article of a NewsML-G2 file, and the other files it was put together from (a package's items). */
export interface NewsmlResult {
  readonly article: Article;
  readonly parts: readonly string[];
}

/**
 * Reads a NewsML-G2 root: a `newsItem` (a text item), a `packageItem` (its groups' itemRefs followed to items carried
 * in the same newsMessage or to files beside it, never to the network), a `newsMessage` (its package, else its one text
 * item with its picture items), or a bare `contentSet` (as in the IPTC guidelines' listing 25). The first picture is
 * the lead picture; more pictures follow the body.
 */
export function readNewsml(file: string, root: XmlElement): NewsmlResult {
  const parts: string[] = [];
  if (root.name === 'contentSet') {
    const content = readContent(root, file);
    const story: WireStory = { ...content.story, notes: content.story.notes ?? [], body: content.story.body ?? [] };
    return { article: storyArticle(file, 'newsml-g2', story, place(root, 'the contentSet', content)), parts };
  }
  if (root.name === 'newsItem') return { article: itemArticle({ el: root, file }, [], undefined), parts };
  if (root.name === 'packageItem') return { article: packageArticle({ el: root, file }, new Map(), parts), parts };

  // A newsMessage: its items by guid, then its package, else its one text item and its pictures.
  const set = child(root, 'itemSet');
  const items: Item[] = (set ? elements(set) : []).filter((e) => e.ns === NAR_NS && (e.name === 'newsItem' || e.name === 'packageItem')).map((el) => ({ el, file }));
  if (items.length === 0) fail('ingest/newsml-empty', 'the newsMessage carries no items', set?.src ?? root.src, ['put the newsItem (and its picture items) inside <itemSet>']);
  const carried = new Map(items.flatMap((i) => (i.el.attrs.guid ? [[i.el.attrs.guid, i] as const] : [])));
  const pkg = items.find((i) => i.el.name === 'packageItem');
  if (pkg) return { article: packageArticle(pkg, carried, parts), parts };
  const texts = items.filter((i) => itemClass(i.el) === 'text');
  const pictures = items.filter((i) => PICTURE_CLASSES.has(itemClass(i.el))).map(pictureOf);
  return { article: itemArticle(oneText(texts, root), pictures, undefined), parts };
}

/** The one text item of a message or package: none, or more than one, is an error. */
function oneText(texts: readonly Item[], where: XmlElement): Item {
  if (texts.length === 0) fail('ingest/no-body', `the ${where.name} carries no text item, so there is no story to set`, where.src, ['a NewsML-G2 story is a newsItem with itemClass ninat:text and its body in inlineXML']);
  if (texts.length > 1) {
    fail('ingest/several-stories', `the ${where.name} carries ${texts.length} text items; an article file is one story`, texts[1]!.el.src,
      ['give each story its own file, and name them all in the edition file']);
  }
  return texts[0]!;
}

/** A text item's Article, with the pictures that go with it and the package's own metadata under the item's. */
function itemArticle(item: Item, pictures: readonly ImageRef[], pkg: WireStory | undefined): Article {
  const el = item.el;
  const im = child(el, 'itemMeta');
  const cm = child(el, 'contentMeta');
  const content = readContent(child(el, 'contentSet'), item.file, el);
  const body = content.story;

  // Metadata: contentMeta first, then what the body itself says, then the package's.
  const headline = pickHeadline(cm) ?? body.headline ?? pkg?.headline;
  const by = child(cm, 'by');
  const creator = child(child(cm, 'creator'), 'name');
  const byName = bylineName(textOf(by));
  const byline = byName ? { name: byName } : body.byline ?? (cleanText(textOf(creator)) ? { name: cleanText(textOf(creator)) } : undefined);
  const summary = childrenNamed(cm, 'description').find((d) => !d.attrs.role || /summary/i.test(d.attrs.role));
  const dateline = located(child(cm, 'dateline'), textOf(child(cm, 'dateline'))) ?? body.dateline ?? locatedDateline(cm, im);
  const published = g2Date(child(cm, 'contentCreated'), 'contentCreated') ?? g2Date(child(im, 'firstCreated'), 'firstCreated') ?? body.published;
  const updated = g2Date(child(cm, 'contentModified'), 'contentModified') ?? g2Date(child(im, 'versionCreated'), 'versionCreated');
  const embargo = embargoOf(im) ?? body.embargo ?? pkg?.embargo;
  const notes: DeskNote[] = [...(pkg?.notes ?? []), ...edNotes(im), ...(body.notes ?? [])];

  let blocks: Block[] = [...(body.body ?? [])];
  let cutFrom = body.cutFrom;
  // An XHTML body often repeats the headline as its first h1: it is set once, as the headline.
  const first = blocks[0];
  if (headline && first?.kind === 'crosshead' && cleanText(first.runs.map((r) => r.text).join('')).toLowerCase() === headline.text.toLowerCase()) {
    blocks = blocks.slice(1);
    if (cutFrom !== undefined) cutFrom = Math.max(0, cutFrom - 1);
  }
  const [lead, ...more] = pictures;
  if (blocks.length > 0) blocks.push(...more.map((image): Block => ({ kind: 'image', image, src: image.src })));

  const story: WireStory = {
    ...optional('headline', headline),
    ...optional('standfirst', body.standfirst ?? (cleanText(textOf(summary)) || undefined)),
    ...optional('byline', byline),
    ...optional('dateline', dateline),
    ...optional('slugline', cleanText(textOf(child(cm, 'slugline'))) || undefined),
    body: blocks,
    ...optional('cutFrom', cutFrom),
    ...optional('tagline', body.tagline),
    ...optional('leadImage', lead),
    ...optional('published', published),
    ...optional('updated', updated),
    ...optional('embargo', embargo),
    notes,
  };
  return storyArticle(item.file, 'newsml-g2', story, place(el, 'the news item', content));
}

/** A package's Article: its itemRefs followed in group order; one text item, any number of pictures. */
function packageArticle(pkg: Item, carried: ReadonlyMap<string, Item>, parts: string[]): Article {
  const refs = itemRefs(pkg.el);
  if (refs.length === 0) fail('ingest/newsml-package', 'the package refers to no items', child(pkg.el, 'groupSet')?.src ?? pkg.el.src, ['list the story and its pictures as <itemRef> elements in the package’s root group']);
  const texts: Item[] = [];
  const pictures: ImageRef[] = [];
  for (const ref of refs) {
    const target = follow(ref, pkg.file, carried, parts);
    if ('image' in target) pictures.push(target.image);
    else if (itemClass(target.el) === 'text') texts.push(target);
    else if (PICTURE_CLASSES.has(itemClass(target.el))) pictures.push(pictureOf(target));
  }
  const text = oneText(texts, pkg.el);
  const im = child(pkg.el, 'itemMeta');
  const cm = child(pkg.el, 'contentMeta');
  const own: WireStory = { ...optional('headline', pickHeadline(cm)), ...optional('embargo', embargoOf(im)), notes: edNotes(im), body: [] };
  return itemArticle(text, pictures, own);
}

/** The itemRefs of a package, in the order of its groups from the root group (groupRefs followed once each). */
function itemRefs(pkg: XmlElement): XmlElement[] {
  const groupSet = child(pkg, 'groupSet');
  const groups = childrenNamed(groupSet, 'group');
  const byId = new Map(groups.flatMap((g) => (g.attrs.id ? [[g.attrs.id, g] as const] : [])));
  const root = byId.get(groupSet?.attrs.root ?? '') ?? groups[0];
  const seen = new Set<XmlElement>();
  const out: XmlElement[] = [];
  const walk = (g: XmlElement | undefined): void => {
    if (!g || seen.has(g)) return;
    seen.add(g);
    for (const c of elements(g)) {
      if (c.name === 'itemRef') out.push(c);
      else if (c.name === 'groupRef') walk(byId.get(c.attrs.idref ?? ''));
    }
  };
  walk(root);
  return out;
}

/** What an itemRef points at: an item carried in the same message, or a file beside the package (an item, or a picture file). */
function follow(ref: XmlElement, file: string, carried: ReadonlyMap<string, Item>, parts: string[]): Item | { image: ImageRef } {
  const residref = ref.attrs.residref;
  const known = residref !== undefined ? carried.get(residref) : undefined;
  if (known) return known;
  const href = ref.attrs.href?.trim();
  if (!href) {
    fail('ingest/newsml-unresolved', `the package refers to item ${residref ?? '(no residref)'}, which is neither carried in this file nor named by an href`, ref.src,
      ['newsprint fetches nothing: save the item beside the package and name it with href="item.xml", or send the package and its items in one newsMessage']);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^file:/i.test(href) && !/^[a-z]:[\\/]/i.test(href)) {
    fail('ingest/newsml-remote', `the package’s item is on the network (${href}); newsprint fetches nothing`, ref.src, ['download the item beside the package and name it by a relative href']);
  }
  const path = resolveImagePath(file, href, ref.src, 'package item');
  if (!fileExists(path)) fail('ingest/missing-file', `package item not found: ${href} (looked for ${path})`, ref.src, ['save the item there, or correct the href']);
  if (/^image\//i.test(ref.attrs.contenttype ?? '') || PICTURE_FILE.test(path)) {
    const caption = cleanText(textOf(childrenNamed(ref, 'description').find((d) => /caption/i.test(d.attrs.role ?? '')) ?? child(ref, 'title')));
    return { image: { file: path, ...optional('caption', caption || undefined), src: ref.src } };
  }
  const shown = displayPath(path);
  const { text } = readSourceFile(shown);
  const root = parseXml(shown, text);
  parts.push(shown);
  if (root.name !== 'newsItem' || root.ns !== NAR_NS) {
    fail('ingest/newsml-package', `${shown} holds <${root.name}>, not a NewsML-G2 newsItem`, root.src, ['an itemRef href names a newsItem file (or a picture file) beside the package']);
  }
  return { el: root, file: shown };
}

/** The class of an item from its itemMeta itemClass (`ninat:text` → `text`), else from what its contentSet holds. */
function itemClass(el: XmlElement): string {
  const ic = child(child(el, 'itemMeta'), 'itemClass');
  const code = (ic?.attrs.qcode ?? ic?.attrs.uri ?? '').split(/[:/]/).filter(Boolean).pop()?.toLowerCase();
  if (code) return code;
  if (el.name === 'packageItem') return 'composite';
  const cs = child(el, 'contentSet');
  if (child(cs, 'inlineXML') || child(cs, 'inlineData')) return 'text';
  return child(cs, 'remoteContent') ? 'picture' : '';
}

/** A picture item as an ImageRef: its full-size remoteContent (else the largest), caption, credit and alternative text. */
function pictureOf(item: Item): ImageRef {
  const el = item.el;
  const cm = child(el, 'contentMeta');
  const cs = child(el, 'contentSet');
  const remote = childrenNamed(cs, 'remoteContent').filter((r) => (r.attrs.href ?? '').trim() !== '');
  const area = (r: XmlElement): number => Number(r.attrs.width ?? 0) * Number(r.attrs.height ?? 0) || 0;
  const best = remote.find((r) => FULL_SIZE.test(r.attrs.rendition ?? '')) ?? [...remote].sort((a, b) => area(b) - area(a))[0];
  if (!best) fail('ingest/newsml-picture', 'the picture item names no picture file: no remoteContent with an href', cs?.src ?? el.src, ['add <remoteContent href="photo.jpg" contenttype="image/jpeg"/> to its contentSet']);
  const descriptions = childrenNamed(cm, 'description');
  const captionEl = descriptions.find((d) => /caption/i.test(d.attrs.role ?? '')) ?? descriptions.find((d) => !d.attrs.role);
  const captionText = captionEl ? cleanText(textOf(captionEl)) : pickHeadline(cm)?.text;
  const alt = descriptions.find((d) => /alt/i.test(d.attrs.role ?? ''));
  const rights = child(el, 'rightsInfo');
  const credit = [child(cm, 'creditline'), child(cm, 'by'), child(child(cm, 'creator'), 'name'), child(child(rights, 'copyrightHolder'), 'name'), child(rights, 'copyrightNotice')]
    .map((e) => cleanText(textOf(e))).find(Boolean);
  return {
    file: wirePicture(item.file)(best.attrs.href!, best.src),
    ...optional('caption', captionText || undefined),
    ...optional('credit', credit),
    ...optional('alt', cleanText(textOf(alt)) || undefined),
    src: best.src,
  };
}

/** A story body read from a contentSet: NITF or XHTML in inlineXML first, then plain text in inlineData. */
interface Content {
  readonly story: Partial<NitfStory>;
  readonly span?: Span;
  readonly why?: string;
}

function readContent(cs: XmlElement | undefined, file: string, item?: XmlElement): Content {
  if (!cs) return { story: {}, ...(item ? { span: item.src } : {}), why: ', as it has no contentSet' };
  const picture = wirePicture(file);
  let empty: Content | undefined;
  for (const x of childrenNamed(cs, 'inlineXML')) {
    const [root] = elements(x);
    if (!root) { empty ??= { story: {}, span: x.src, why: ', as its inlineXML is empty' }; continue; }
    if (root.name === 'nitf') return { story: readNitf(root, picture), span: x.src };
    if (root.name === 'html' || root.name === 'body' || root.ns === XHTML_NS || /html/i.test(x.attrs.contenttype ?? '')) {
      const html = root.name === 'html' ? root : undefined;
      const title = child(child(html, 'head'), 'title');
      const nodes = html ? child(html, 'body')?.children ?? [] : root.name === 'body' ? root.children : x.children;
      return { story: xhtmlStory(xmlBodyBlocks(nodes, { picture }), located(title, textOf(title))), span: x.src };
    }
    fail('ingest/newsml-content', `inlineXML holds <${root.name}>, which is neither NITF (<nitf>) nor XHTML (<html>)`, root.src, ['newsprint reads NITF and XHTML story bodies']);
  }
  for (const d of childrenNamed(cs, 'inlineData')) {
    const type = (d.attrs.contenttype ?? 'text/plain').toLowerCase();
    if (!type.startsWith('text/plain') || d.attrs.encoding) { empty ??= { story: {}, span: d.src, why: `, as its inlineData is ${d.attrs.encoding ? 'encoded' : type}, which newsprint does not read` }; continue; }
    const blocks = plainBlocks(d);
    if (blocks.length) return { story: { body: blocks, notes: [] }, span: d.src };
    empty ??= { story: {}, span: d.src, why: ', as its inlineData is empty' };
  }
  return empty ?? { story: {}, span: cs.src, why: ', as its contentSet holds no inlineXML or inlineData' };
}

function xhtmlStory(body: XmlBody, title: Located | undefined): Partial<NitfStory> {
  return { body: body.blocks, ...optional('cutFrom', body.cutFrom), ...optional('headline', title), notes: [] };
}

/**
 * Paragraphs of a plain-text inlineData: split at blank lines, or at every line end when there are none. Each points
 * at its first character (counted in the text as decoded: a character reference before it on its line shifts it).
 */
function plainBlocks(el: XmlElement): Block[] {
  const node = el.children.find((c) => c.kind === 'text');
  if (!node || node.kind !== 'text') return [];
  const value = node.text;
  const lead = value.length - value.trimStart().length;
  const sep = /\n[ \t]*\n/.test(value) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const blocks: Block[] = [];
  let start = 0;
  for (const piece of value.split(sep)) {
    const offset = value.indexOf(piece, start) + (piece.length - piece.trimStart().length);
    start = offset + piece.trimStart().length;
    const t = cleanText(piece);
    if (!t) continue;
    const before = value.slice(lead, offset);
    const lines = before.split('\n').length - 1;
    const col = lines === 0 ? node.src.col + before.length : offset - value.lastIndexOf('\n', offset - 1);
    blocks.push({ kind: 'paragraph', runs: [{ text: t }], src: { file: node.src.file, line: node.src.line + lines, col } });
  }
  return blocks;
}

/** The headline of a contentMeta: one without a role or with a main role, else the first. */
function pickHeadline(cm: XmlElement | undefined): Located | undefined {
  const all = childrenNamed(cm, 'headline').filter((h) => cleanText(textOf(h)) !== '');
  const best = all.find((h) => !h.attrs.role || /main/i.test(h.attrs.role)) ?? all[0];
  return located(best, textOf(best));
}

/** "Berlin, 18 Oct" from contentMeta `located` and the day the content was created. */
function locatedDateline(cm: XmlElement | undefined, im: XmlElement | undefined): Located | undefined {
  const where = child(cm, 'located');
  const name = cleanText(textOf(child(where, 'name')));
  if (!where || !name) return undefined;
  const when = cleanText(textOf(child(cm, 'contentCreated'))) || cleanText(textOf(child(im, 'firstCreated')));
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(when);
  const day = m ? `, ${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''}`.trimEnd() : '';
  return { text: `${name}${day}`, src: where.src };
}

/** A NewsML-G2 date as ISO 8601; undefined when absent or truncated to a year or month (no day to put on a page). */
function g2Date(el: XmlElement | undefined, field: string): string | undefined {
  const raw = cleanText(textOf(el));
  if (!el || raw === '' || /^\d{4}(-\d{2})?$/.test(raw)) return undefined;
  return wireDate(raw, field, el.src);
}

/** itemMeta `embargoed`: a date-time, or empty for "until further notice". */
function embargoOf(im: XmlElement | undefined): Embargo | undefined {
  const e = child(im, 'embargoed');
  if (!e) return undefined;
  const raw = cleanText(textOf(e));
  return raw ? { until: wireDate(raw, 'embargoed', e.src), src: e.src } : { src: e.src };
}

function edNotes(im: XmlElement | undefined): DeskNote[] {
  return childrenNamed(im, 'edNote').map((n) => ({ text: cleanText(textOf(n)), src: n.src })).filter((n) => n.text !== '');
}

function place(el: XmlElement, what: string, content: Content): StoryPlace {
  return {
    src: el.src,
    what,
    ...optional('bodySpan', content.span),
    ...optional('bodyWhy', content.why),
    bodyHint: 'put the story in the item’s contentSet as <inlineXML contenttype="application/nitf+xml"><nitf>…</nitf></inlineXML> (or XHTML)',
  };
}
