// Markdown articles: YAML front matter for the story's metadata, CommonMark for its body.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it/index.js';
import { lazyPackage } from '../core/lazy.js';
import { isScalar, type Node } from 'yaml';
import type { Article, Block, Byline, ImageRef, Inline } from '../core/article.js';
import { fail, type Span } from '../core/span.js';
import { isIsoDateTime, ukDateToIso } from './dates.js';
import { resolveImagePath } from './paths.js';
import { optional, PLAIN, RunBuilder, slugFromPath, type RunStyle } from './runs.js';
import { parseYaml, YamlFields, type YamlSource } from './yaml-fields.js';

const markdownIt = lazyPackage<typeof import('markdown-it')>('markdown-it');

/**
 * Front matter keys. `headline` is required; `date`/`updated` are ISO dates
 * (`2026-11-26`, `2026-11-26T09:30:00Z`) or UK dates (`26th November 2026`);
 * `byline` is a name or `{ name, role }`; `image` is the lead photo,
 * `{ src, caption, credit, alt, focus: { x, y } }` with `src` relative to the
 * article file and focus 0–1 from the left and top.
 */
export const FRONT_MATTER_KEYS = ['headline', 'standfirst', 'byline', 'date', 'updated', 'section', 'kicker', 'publication', 'image'] as const;
const IMAGE_KEYS = ['src', 'caption', 'credit', 'alt', 'focus'];
const CODE = 'ingest/front-matter';

/**
 * Parses a Markdown article: optional front matter between `---` lines, then
 * the body. Paragraphs, `##`–`######` headings (crossheads), block quotes,
 * lists and image-only paragraphs (`![alt](photo.jpg "caption")`) become
 * blocks; emphasis and strong become italic and bold runs. Without a
 * `headline` key, a leading `# Heading` is the headline. Spans are file lines.
 */
export function parseMarkdown(file: string, text: string): Article {
  // 1. Split the front matter from the body.
  const lines = text.split('\n');
  let meta: YamlFields | undefined;
  let bodyOffset = 0;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
    if (close < 0) fail(CODE, 'front matter is not closed: add a line "---" after it', { file, line: 1, col: 1 });
    const src: YamlSource = { file, text: lines.slice(1, close).join('\n'), lineOffset: 1 };
    const root = parseYaml(src, CODE);
    if (root !== null && !(isScalar(root) && root.value === null)) {
      meta = YamlFields.of(src, root, 'front matter', FRONT_MATTER_KEYS, CODE);
    }
    bodyOffset = close + 1;
  }

  // 2. Parse the body; its lines count from the body's first line. Nesting deeper than the page shows is flattened
  //    first (markdown-it would drop what lies past its nesting limit), with a warning at the first line it touched.
  const flat = flattenNesting(lines.slice(bodyOffset));
  const bodyLines = flat.lines;
  const tree = markdownTree(parser().parse(bodyLines.join('\n'), {}), bodyLines);
  const readingNotes: ReadingNote[] = flat.first === undefined ? [] : [{
    code: 'ingest/deep-nesting',
    message: `block quotes or lists nested more than ${MAX_QUOTES} quotes or ${MAX_LIST_INDENT / 2} list levels deep, from here on, are set at that depth (${flat.count} line${flat.count === 1 ? '' : 's'}); nothing is left out`,
    src: { file, line: flat.first + 1 + bodyOffset, col: 1 },
    hints: ['a newspaper page shows one level of quote and of list: nest less'],
  }];
  const at = (n: { position?: { start: { line: number; column: number } } }): Span => ({
    file,
    line: (n.position?.start.line ?? 1) + bodyOffset,
    col: n.position?.start.column ?? 1,
  });
  const children = [...tree];

  // 3. The headline: front matter, else a leading level-1 heading.
  let headline = meta?.string('headline');
  let headlineSpan: Span = meta ? meta.span('headline') : { file, line: 1, col: 1 };
  const firstNode = children.find((c) => c.type !== 'html');
  if (headline === undefined && firstNode?.type === 'heading' && firstNode.depth === 1) {
    headline = phrasing(firstNode.children).text();
    headlineSpan = at(firstNode);
    children.splice(children.indexOf(firstNode), 1);
  }
  if (!headline) {
    fail('ingest/no-headline', 'article has no headline', headlineSpan,
      ['start the file with front matter:\n---\nheadline: Harbour wall to be rebuilt\n---']);
  }

  // 4. Body blocks; a `<!-- cut -->` between them marks where the copy may be cut from.
  const body: Block[] = [];
  let cutFrom: number | undefined;
  for (const node of children) {
    if (node.type === 'html' && CUT_MARK.test(node.value)) cutFrom ??= body.length;
    else body.push(...blocks(node, file, at, readingNotes));
  }
  if (body.length === 0) {
    fail('ingest/no-body', `story "${headline}" has a headline but no body text`, headlineSpan, ['write the story below the front matter']);
  }

  const by = meta ? byline(meta) : undefined;
  const image = meta?.fields('image', IMAGE_KEYS);
  return {
    id: slugFromPath(file),
    format: 'markdown',
    file,
    ...optional('publication', meta?.string('publication')),
    ...optional('section', meta?.string('section')),
    ...optional('kicker', meta?.string('kicker')),
    headline,
    ...optional('standfirst', meta?.string('standfirst')),
    ...(by ? { byline: by } : {}),
    ...optional('published', meta ? date(meta, 'date') : undefined),
    ...optional('updated', meta ? date(meta, 'updated') : undefined),
    ...(image ? { leadImage: imageRef(file, image) } : {}),
    body,
    ...(cutFrom !== undefined && cutFrom < body.length ? { cutFrom } : {}),
    furniture: [],
    ...(readingNotes.length ? { readingNotes } : {}),
    src: headlineSpan,
  };
}

/** Block quotes nested deeper than this are set at this depth. */
const MAX_QUOTES = 8;
/** List items indented further than this (columns: 16 levels of a two-space list) are set at this indent. */
const MAX_LIST_INDENT = 32;

/**
 * The body's lines with their nesting held to what the parser keeps (markdown-it drops everything nested past its
 * limit): a line's run of block-quote markers cut to MAX_QUOTES, a line indented further than MAX_LIST_INDENT columns
 * brought back to it (deeper list items become siblings at that depth). The same number of lines, so every line and
 * column the tree gives stays right; `first` is the first line changed (0-based), `count` how many were.
 */
function flattenNesting(lines: readonly string[]): { lines: string[]; first?: number; count: number } {
  let first: number | undefined;
  let count = 0;
  const out = lines.map((line, i) => {
    let l = line;
    const quotes = /^(?: {0,3}> ?)+/.exec(l);
    if (quotes && (quotes[0].match(/>/g)?.length ?? 0) > MAX_QUOTES) l = `${'> '.repeat(MAX_QUOTES)}${l.slice(quotes[0].length)}`;
    const indent = /^[ \t]*/.exec(l)![0];
    const width = [...indent].reduce((w, c) => (c === '\t' ? w + 4 - (w % 4) : w + 1), 0);
    if (width > MAX_LIST_INDENT && l.trim() !== '') l = ' '.repeat(MAX_LIST_INDENT) + l.slice(indent.length);
    if (l !== line) {
      first ??= i;
      count++;
    }
    return l;
  });
  return { lines: out, ...(first !== undefined ? { first } : {}), count };
}

/** The copy's cut mark: an HTML comment `<!-- cut -->` on a line of its own between paragraphs. */
export const CUT_MARK = /^<!--\s*cut\s*-->$/i;

type At = (n: { position?: { start: { line: number; column: number } } }) => Span;

/** Where a block starts: its first line and column in the body (1-based). */
interface Position {
  readonly start: { readonly line: number; readonly column: number };
}

/** Inline Markdown, as the body's blocks hold it. */
type PhrasingContent =
  | { readonly type: 'text' | 'inlineCode' | 'html'; readonly value: string }
  | { readonly type: 'emphasis' | 'strong' | 'link'; readonly children: PhrasingContent[] }
  | { readonly type: 'break' }
  | { readonly type: 'image'; readonly url: string; readonly title: string | null; readonly alt: string };

/** A block of the body: the Markdown syntax tree newsprint reads, made from markdown-it's tokens (markdownTree). */
type BlockContent =
  | { readonly type: 'paragraph'; readonly children: PhrasingContent[]; readonly position: Position }
  | { readonly type: 'heading'; readonly depth: number; readonly children: PhrasingContent[]; readonly position: Position }
  | { readonly type: 'blockquote'; readonly children: BlockContent[]; readonly position: Position }
  | { readonly type: 'list'; readonly ordered: boolean; readonly children: ListItem[]; readonly position: Position }
  | { readonly type: 'code' | 'html'; readonly value: string; readonly position: Position }
  | { readonly type: 'thematicBreak'; readonly position: Position };

interface ListItem {
  readonly type: 'listItem';
  readonly children: BlockContent[];
}

/**
 * The CommonMark parser: markdown-it in its strict CommonMark mode, with HTML blocks (the copy's cut mark). Link and
 * image addresses are kept as written (escapes and character references resolved), not percent-encoded or refused
 * by scheme: a photo's file name is read as the writer typed it.
 */
let markdown: MarkdownIt | undefined;
function parser(): MarkdownIt {
  if (!markdown) {
    // The package as CommonJS gives its class as module.exports; as an ES module (the bundle), as its default export.
    const mod = markdownIt() as unknown as typeof MarkdownIt & { default?: typeof MarkdownIt };
    const md = new (mod.default ?? mod)('commonmark');
    // Room for what flattenNesting leaves (8 quotes, 16 list levels: 40 levels of tokens), so nothing is dropped.
    (md.options as { maxNesting: number }).maxNesting = 64;
    md.normalizeLink = (url) => url;
    md.validateLink = () => true;
    markdown = md;
  }
  return markdown;
}

/**
 * The body's blocks from markdown-it's token stream, each with the line and column it starts at: the column after
 * any block-quote markers (`> `) and, but for indented code, after the block's own indentation. `lines` are the
 * body's lines, which the tokens' line numbers count.
 */
function markdownTree(tokens: readonly Token[], lines: readonly string[]): BlockContent[] {
  let i = 0;
  const position = (t: Token, quotes: number, code = false): Position => {
    const line = t.map?.[0] ?? 0;
    const text = lines[line] ?? '';
    let c = 0;
    for (let q = 0; q < quotes; q++) {
      while (c < 3 && text[c] === ' ') c++;
      if (text[c] !== '>') break;
      c++;
      if (text[c] === ' ') c++;
    }
    if (!code) while (text[c] === ' ' || text[c] === '\t') c++;
    return { start: { line: line + 1, column: c + 1 } };
  };
  const content = (t: Token) => t.content.replace(/\r?\n$/, '');
  // Blocks until the token `close` (or the end), inside `quotes` block quotes.
  const blocksUntil = (close: string | undefined, quotes: number): BlockContent[] => {
    const out: BlockContent[] = [];
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (t.type === close) {
        i++;
        return out;
      }
      switch (t.type) {
        case 'paragraph_open':
        case 'heading_open': {
          const children = phrasingOf(tokens[i + 1]?.children ?? []);
          const pos = position(t, quotes);
          out.push(t.type === 'heading_open' ? { type: 'heading', depth: Number(t.tag.slice(1)), children, position: pos } : { type: 'paragraph', children, position: pos });
          i += 3; // open, inline, close
          break;
        }
        case 'blockquote_open':
          i++;
          out.push({ type: 'blockquote', position: position(t, quotes), children: blocksUntil('blockquote_close', quotes + 1) });
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const end = t.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
          const pos = position(t, quotes);
          const items: ListItem[] = [];
          i++;
          while (i < tokens.length && tokens[i]!.type === 'list_item_open') {
            i++;
            items.push({ type: 'listItem', children: blocksUntil('list_item_close', quotes) });
          }
          if (tokens[i]?.type === end) i++;
          out.push({ type: 'list', ordered: t.type === 'ordered_list_open', children: items, position: pos });
          break;
        }
        case 'code_block':
        case 'fence':
          out.push({ type: 'code', value: content(t), position: position(t, quotes, t.type === 'code_block') });
          i++;
          break;
        case 'html_block':
          out.push({ type: 'html', value: content(t), position: position(t, quotes) });
          i++;
          break;
        case 'hr':
          out.push({ type: 'thematicBreak', position: position(t, quotes) });
          i++;
          break;
        default:
          i++;
      }
    }
    return out;
  };
  return blocksUntil(undefined, 0);
}

/** Inline tokens as phrasing nodes: a soft line break is the text of a new line, as CommonMark's syntax tree has it. */
function phrasingOf(tokens: readonly Token[]): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  const open = (type: 'emphasis' | 'strong' | 'link') => {
    const children: PhrasingContent[] = [];
    stack[stack.length - 1]!.push({ type, children });
    stack.push(children);
  };
  for (const t of tokens) {
    const into = stack[stack.length - 1]!;
    switch (t.type) {
      case 'text': into.push({ type: 'text', value: t.content }); break;
      case 'softbreak': into.push({ type: 'text', value: '\n' }); break;
      case 'hardbreak': into.push({ type: 'break' }); break;
      case 'code_inline': into.push({ type: 'inlineCode', value: t.content }); break;
      case 'html_inline': into.push({ type: 'html', value: t.content }); break;
      case 'em_open': open('emphasis'); break;
      case 'strong_open': open('strong'); break;
      case 'link_open': open('link'); break;
      case 'em_close': case 'strong_close': case 'link_close': if (stack.length > 1) stack.pop(); break;
      case 'image': into.push({ type: 'image', url: t.attrGet('src') ?? '', title: t.attrGet('title'), alt: plainText(t.children ?? []) }); break;
    }
  }
  return root;
}

/** The plain text of inline tokens (an image's description). */
function plainText(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' || t.type === 'hardbreak' ? '\n' : t.type === 'image' ? plainText(t.children ?? []) : '')).join('');
}

/** A finding made while reading, for the desk (Article.readingNotes). */
type ReadingNote = NonNullable<Article['readingNotes']>[number];

/** The blocks one top-level Markdown node becomes; what it cannot set is noted in `notes`. */
function blocks(node: BlockContent, file: string, at: At, notes: ReadingNote[]): Block[] {
  switch (node.type) {
    case 'paragraph': {
      const visible = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const only = visible[0];
      if (visible.length === 1 && only?.type === 'image') {
        const src = at(node);
        const image: ImageRef = {
          file: resolveImagePath(file, only.url, src),
          ...optional('caption', only.title?.trim() || undefined),
          ...optional('alt', only.alt?.trim() || undefined),
          src,
        };
        return [{ kind: 'image', image, src }];
      }
      const runs = phrasing(node.children).runs();
      return runs.length ? [{ kind: 'paragraph', runs, src: at(node) }] : [];
    }
    case 'heading': {
      const runs = phrasing(node.children).runs();
      return runs.length ? [{ kind: 'crosshead', runs, src: at(node) }] : [];
    }
    case 'blockquote':
      return node.children.flatMap((c) => blocks(c, file, at, notes)).map((b) =>
        b.kind === 'paragraph' || b.kind === 'crosshead' ? { kind: 'quote', runs: b.runs, src: b.src } : b);
    case 'list': {
      const items = node.children.flatMap(listItemRuns).filter((r) => r.length > 0);
      return items.length ? [{ kind: 'list', ordered: node.ordered === true, items, src: at(node) }] : [];
    }
    case 'code': {
      const b = new RunBuilder();
      b.add(node.value);
      return b.isEmpty ? [] : [{ kind: 'paragraph', runs: b.runs(), src: at(node) }];
    }
    case 'html': {
      // An HTML block prints nothing; one with words in it (a table, a div pasted from a web page) is said, never lost
      // in silence.
      const words = node.value.replace(/<!--[\s\S]*?(-->|$)/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim();
      if (words) {
        notes.push({
          code: 'ingest/html-block',
          message: `an HTML block is not set, and its words are left out: “${words.length > 60 ? `${words.slice(0, 60)}…` : words}”`,
          src: at(node),
          hints: ['write it as Markdown paragraphs or a list; tables and other HTML blocks do not print'],
        });
      }
      return [];
    }
    default:
      // thematic breaks (link definitions make no block)
      return [];
  }
}

/** Runs of a list item (its paragraphs joined), then those of any nested list's items. */
function listItemRuns(item: ListItem): Inline[][] {
  const b = new RunBuilder();
  const nested: Inline[][] = [];
  for (const c of item.children) {
    if (c.type === 'paragraph' || c.type === 'heading') { phrasing(c.children, b); b.add(' '); }
    else if (c.type === 'list') nested.push(...c.children.flatMap(listItemRuns));
  }
  return [b.runs(), ...nested];
}

/** Adds inline Markdown to a run builder: emphasis → italic, strong → bold, links keep their text. */
function phrasing(nodes: readonly PhrasingContent[], b = new RunBuilder(), style: RunStyle = PLAIN): RunBuilder {
  for (const n of nodes) {
    switch (n.type) {
      case 'text': case 'inlineCode': b.add(n.value, style); break;
      case 'emphasis': phrasing(n.children, b, { ...style, italic: true }); break;
      case 'strong': phrasing(n.children, b, { ...style, bold: true }); break;
      case 'break': b.add(' ', style); break;
      default: if ('children' in n) phrasing(n.children as PhrasingContent[], b, style);
    }
  }
  return b;
}

function byline(meta: YamlFields): Byline | undefined {
  const node: Node | undefined = meta.node('byline');
  if (!node) return undefined;
  if (isScalar(node)) return { name: meta.string('byline', true).replace(/^by\s+/i, '') };
  const f = meta.fields('byline', ['name', 'role'])!;
  const role = f.string('role');
  return { name: f.string('name', true), ...(role ? { role } : {}) };
}

function date(meta: YamlFields, key: string): string | undefined {
  const n = meta.node(key);
  if (!n) return undefined;
  const v = isScalar(n) && typeof n.value === 'string' ? n.value.trim() : '';
  if (isIsoDateTime(v)) return v;
  return ukDateToIso(v.replace(/\s+/g, ' ')) ?? meta.bad(key, 'a date such as 2026-11-26 or 2026-11-26T09:30:00Z');
}

function imageRef(file: string, f: YamlFields): ImageRef {
  const src = f.span('src');
  const focus = f.fields('focus', ['x', 'y']);
  const coord = (k: 'x' | 'y'): number => {
    const v = focus!.number(k) ?? focus!.missing(k, 'a number from 0 to 1');
    return v >= 0 && v <= 1 ? v : focus!.bad(k, 'a number from 0 to 1');
  };
  return {
    file: resolveImagePath(file, f.string('src', true), src),
    ...optional('caption', f.string('caption')),
    ...optional('credit', f.string('credit')),
    ...optional('alt', f.string('alt')),
    ...(focus ? { focus: { x: coord('x'), y: coord('y') } } : {}),
    src,
  };
}
