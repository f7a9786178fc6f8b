// XML article files (NITF, NewsML-G2) read safely with saxes into a small element tree with a span on every node.
import type { SaxesTagNS } from 'saxes';
import { lazyPackage } from '../core/lazy.js';
import { fail, type Span } from '../core/span.js';

const saxes = lazyPackage<typeof import('saxes')>('saxes');

/** An element: its local name and namespace, its attributes by name as written, its children, where it starts. */
export interface XmlElement {
  readonly kind: 'element';
  /** Local name, without any prefix: `newsItem`, `body.content`. */
  readonly name: string;
  /** Namespace URI, '' when the element is in no namespace (NITF 3.0–3.3 files). */
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** The `<` of its start tag. */
  readonly src: Span;
}

/** Character data (CDATA sections included), entities decoded; `src` is its first non-blank character. */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  readonly src: Span;
}

/** A comment: kept for the copy's `<!-- cut -->` mark. */
export interface XmlComment {
  readonly kind: 'comment';
  readonly text: string;
  readonly src: Span;
}

export type XmlNode = XmlElement | XmlText | XmlComment;

const CODE = 'ingest/xml';
const ENTITY_CODE = 'ingest/xml-entity';
const ENTITY_HINTS = ['write the character itself (files are UTF-8) or a character reference such as &#233; for é; XML’s own &amp; &lt; &gt; &quot; &apos; are read too'];

/**
 * Parses an XML file into an element tree. A non-validating read, and a closed one: nothing outside the file is ever
 * opened. A DOCTYPE naming an external DTD (`<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">`) is accepted and the DTD is not
 * read; a DOCTYPE whose internal subset declares an entity is refused (no XXE, no "billion laughs"), and an entity
 * reference other than XML's five predefined ones or a character reference is an error, never a lookup. The first
 * well-formedness error stops the read with its line and column.
 */
export function parseXml(file: string, text: string): XmlElement {
  const at = spanFinder(file, text);
  const parser = new (saxes().SaxesParser)({ xmlns: true, position: true });
  const stack: { name: string; ns: string; attrs: Record<string, string>; children: XmlNode[]; src: Span; offset: number }[] = [];
  let root: XmlElement | undefined;
  // Where the markup before the current text ended: the text starts there.
  let lastEnd = 0;
  let tagStart = 0;
  // saxes closes the open element before it reports a close tag that does not match it: that element is the one left open.
  let lastClosed: { name: string; src: Span } | undefined;

  const stop = (message: string, offset: number, hints?: readonly string[]): never => fail(CODE, `malformed XML: ${message}`, at(offset), hints);
  const addText = (value: string, rawStart: number): void => {
    const top = stack[stack.length - 1];
    if (!top || value === '') return;
    let start = rawStart;
    while (start < text.length && isXmlSpace(text.charCodeAt(start))) start++;
    const prev = top.children[top.children.length - 1];
    if (prev?.kind === 'text') top.children[top.children.length - 1] = { ...prev, text: prev.text + value };
    else top.children.push({ kind: 'text', text: value, src: at(start) });
  };

  parser.on('doctype', (doctype) => {
    // saxes hands over what lies between `<!DOCTYPE` and the closing `>`; it never expands or fetches anything in it.
    const start = parser.position - 1 - doctype.length;
    const declared = entityDeclaration(doctype);
    if (declared !== undefined) {
      fail(ENTITY_CODE, 'the DOCTYPE declares an entity: entity declarations are refused (they can read other files or expand without limit)', at(start + declared),
        ['remove the internal subset ([…]) from the DOCTYPE; a DOCTYPE that only names its DTD, such as <!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">, is fine']);
    }
    lastEnd = parser.position;
  });
  parser.on('opentagstart', () => {
    // saxes has read the name and one character past it; the tag starts at the `<` before the name.
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    stack.push({ name: tag.local, ns: tag.uri, attrs, children: [], src: at(tagStart), offset: tagStart });
    lastEnd = parser.position;
  });
  parser.on('closetag', () => {
    const open = stack.pop();
    lastEnd = parser.position;
    if (!open) return;
    lastClosed = open;
    const el: XmlElement = { kind: 'element', name: open.name, ns: open.ns, attrs: open.attrs, children: open.children, src: open.src };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
  });
  parser.on('text', (t) => {
    addText(t, lastEnd);
    lastEnd = parser.position - 1;
  });
  parser.on('cdata', (t) => {
    addText(t, text.lastIndexOf('<![CDATA[', parser.position - 1) + '<![CDATA['.length);
    lastEnd = parser.position;
  });
  parser.on('comment', (c) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push({ kind: 'comment', text: c, src: at(text.lastIndexOf('<!--', parser.position - 1)) });
    // saxes reports a comment on its closing `--`, before the `>`.
    lastEnd = parser.position + 1;
  });
  parser.on('processinginstruction', () => {
    lastEnd = parser.position;
  });
  parser.on('error', (e) => {
    // saxes writes "line:column: message." (no file name is given to it).
    const message = String(e.message).replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    const here = Math.max(0, parser.position - 1);
    // saxes reads an entity up to the next `;`, or to the end of the file: a bare & shows up as one of these.
    if (/entity|^unclosed tag|^unexpected end/.test(message)) {
      const amp = badAmpersand(text, lastEnd, here);
      if (amp !== undefined) stop('a bare & that starts no entity', amp, ['write &amp; for an ampersand']);
    }
    if (message === 'undefined entity') {
      const amp = text.lastIndexOf('&', here);
      const ref = text.slice(amp, text.indexOf(';', amp) + 1);
      fail(ENTITY_CODE, `unknown entity ${ref}: only XML’s five predefined entities and character references are read`, at(amp), ENTITY_HINTS);
    }
    if (message === 'unexpected close tag' && lastClosed) {
      const lt = text.lastIndexOf('</', here);
      const name = text.slice(lt + 2, text.indexOf('>', lt)).trim();
      stop(`</${name}> where <${lastClosed.name}> (opened at ${lastClosed.src.line}:${lastClosed.src.col}) is not closed`, lt);
    }
    if (/^unclosed tag/.test(message)) {
      const open = stack[stack.length - 1];
      stop(`<${open?.name ?? '?'}> is never closed`, open?.offset ?? here);
    }
    if (/outside of root node/.test(message)) {
      let start = lastEnd;
      while (start < here && isXmlSpace(text.charCodeAt(start))) start++;
      stop('text after the root element ends', start);
    }
    stop(message, here);
  });

  parser.write(text).close();
  if (!root) return stop('the file holds no element', 0);
  return root;
}

/**
 * The first `&` between `from` and `to` that does not start a reference saxes can end: no `;` follows, or what lies
 * between is no name (`&amp;`, `&#233;` and `&x;` are references; `& ` and `&fish and chips;` are not).
 */
function badAmpersand(text: string, from: number, to: number): number | undefined {
  for (let amp = text.indexOf('&', from); amp >= 0 && amp <= to; amp = text.indexOf('&', amp + 1)) {
    const semi = text.indexOf(';', amp);
    if (semi < 0 || !isReferenceName(text.slice(amp + 1, semi))) return amp;
  }
  return undefined;
}

/** A name (letters, digits, `_ : . -`, not starting with a digit, `.` or `-`) or a decimal or hex character number. */
function isReferenceName(s: string): boolean {
  if (s.startsWith('#')) return /^#(?:\d+|x[0-9a-fA-F]+)$/.test(s);
  return s.length > 0 && /^[\p{L}_:][\p{L}\p{N}_:.\-\u00B7]*$/u.test(s);
}

/** XML white space: space, tab, line feed, carriage return. */
function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The offset, inside a DOCTYPE's text, of an `<!ENTITY` declaration in its internal subset, or undefined when there
 * is none. Walks the text as the XML grammar reads it: quoted literals and comments are skipped, so a `[` or
 * `<!ENTITY` inside a system identifier or a comment is not taken for one.
 */
function entityDeclaration(doctype: string): number | undefined {
  let inSubset = false;
  for (let i = 0; i < doctype.length; i++) {
    const c = doctype[i]!;
    if (c === '"' || c === "'") {
      const close = doctype.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (!inSubset && c === '[') inSubset = true;
    else if (inSubset && doctype.startsWith('<!--', i)) {
      const close = doctype.indexOf('-->', i + 4);
      if (close < 0) return undefined;
      i = close + 2;
    } else if (inSubset && doctype.startsWith('<!ENTITY', i)) return i;
  }
  return undefined;
}

/** Maps a character offset in the text to its 1-based line and column (UTF-16 units, as editors count), by binary search over line starts. */
function spanFinder(file: string, text: string): (offset: number) => Span {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** The element children of an element. */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The first child element with this local name (any namespace). */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => c.kind === 'element' && c.name === name);
}

/** Every child element with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? elements(el).filter((c) => c.name === name) : [];
}

/** The first element with this local name at any depth, in document order (the element itself included). */
export function descendant(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  if (el.name === name) return el;
  for (const c of elements(el)) {
    const hit = descendant(c, name);
    if (hit) return hit;
  }
  return undefined;
}

/** All the text inside an element, in document order, as written (not collapsed). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (c.kind === 'text' ? c.text : c.kind === 'element' ? textOf(c) : '')).join('');
}
