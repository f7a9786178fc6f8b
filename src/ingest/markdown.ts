// Markdown articles: YAML front matter for the story's metadata, CommonMark for its body.
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import { lazyPackage } from '../core/lazy.js';
import { isScalar, type Node } from 'yaml';
import type { Article, Block, Byline, ImageRef, Inline } from '../core/article.js';
import { fail, type Span } from '../core/span.js';
import { isIsoDateTime, ukDateToIso } from './dates.js';
import { resolveImagePath } from './paths.js';
import { optional, PLAIN, RunBuilder, slugFromPath, type RunStyle } from './runs.js';
import { parseYaml, YamlFields, type YamlSource } from './yaml-fields.js';

const mdast = lazyPackage<typeof import('mdast-util-from-markdown')>('mdast-util-from-markdown');

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

  // 2. Parse the body; mdast lines count from the body's first line.
  const tree = mdast().fromMarkdown(lines.slice(bodyOffset).join('\n'));
  const at = (n: { position?: { start: { line: number; column: number } } }): Span => ({
    file,
    line: (n.position?.start.line ?? 1) + bodyOffset,
    col: n.position?.start.column ?? 1,
  });
  const children = [...tree.children];

  // 3. The headline: front matter, else a leading level-1 heading.
  let headline = meta?.string('headline');
  let headlineSpan: Span = meta ? meta.span('headline') : { file, line: 1, col: 1 };
  const firstNode = children.find((c) => c.type !== 'html' && c.type !== 'definition');
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
    else body.push(...blocks(node, file, at));
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
    src: headlineSpan,
  };
}

/** The copy's cut mark: an HTML comment `<!-- cut -->` on a line of its own between paragraphs. */
export const CUT_MARK = /^<!--\s*cut\s*-->$/i;

type At = (n: { position?: { start: { line: number; column: number } } }) => Span;

/** The blocks one top-level Markdown node becomes. */
function blocks(node: RootContent | BlockContent | DefinitionContent, file: string, at: At): Block[] {
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
      return node.children.flatMap((c) => blocks(c, file, at)).map((b) =>
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
    default:
      // thematic breaks, HTML comments and blocks, link definitions: nothing to print
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
