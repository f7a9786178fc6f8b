// Parses page markup with a real XML parser (saxes) into a checked, typed MarkupElement tree.
import { SaxesParser } from 'saxes';
import type { Span } from '../core/index.js';
import { UserError, parseLength } from '../core/index.js';
import type { AttrType, AttrValue, MarkupElement, MarkupNode } from './markup.js';
import { elementSpec } from './markup.js';
import { ORIGIN_ATTR } from './instrument.js';

interface Open {
  kind: MarkupElement['kind'];
  attrs: Record<string, AttrValue>;
  children: MarkupNode[];
  src: Span;
  copy?: Span;
}

function parseSpanText(text: string): Span | undefined {
  const m = /^(.*):(\d+):(\d+)$/.exec(text);
  return m ? { file: m[1]!, line: Number(m[2]), col: Number(m[3]) } : undefined;
}

type Converted = { readonly value: AttrValue } | { readonly error: string };

function convert(type: AttrType, raw: string): Converted {
  const bad = (error: string): Converted => ({ error });
  if (type === 'string') return { value: raw };
  if (type === 'int') return /^\s*-?\d+\s*$/.test(raw) ? { value: Number(raw) } : bad(`“${raw}” is not a whole number`);
  if (type === 'bool') return raw === 'true' ? { value: true } : raw === 'false' ? { value: false } : bad(`“${raw}” is not true or false`);
  if (type === 'span') {
    const span = parseSpanText(raw);
    return span ? { value: span } : bad(`“${raw}” is not file:line:col`);
  }
  if (type === 'length' || type === 'length-or-fill') {
    if (type === 'length-or-fill' && (raw === 'fill' || raw === 'auto')) return { value: raw };
    const v = parseLength(raw);
    return v === undefined ? bad(`bad length “${raw}” (use a number with mm, pt, cm, in or pc)`) : { value: v };
  }
  return type.oneOf.includes(raw) ? { value: raw } : bad(`“${raw}” is not one of ${type.oneOf.join(', ')}`);
}

/**
 * Parses the markup a page template produced. Each start tag carries its template
 * position (added by instrumentTemplate); every error is reported there.
 * @param fallback where to report errors that come before any tag (the page template).
 */
export function parseMarkup(markup: string, fallback: Span): MarkupElement {
  const parser = new SaxesParser({ position: true });
  const stack: Open[] = [];
  let root: MarkupElement | undefined;
  let last: Span = fallback;
  let lastClosed: Open | undefined;
  const error = (code: string, message: string, span: Span, hints?: string[]): never => {
    throw new UserError({ severity: 'error', code, message, span, hints });
  };

  parser.on('opentag', (tag) => {
    const originText = tag.attributes[ORIGIN_ATTR];
    const src = (typeof originText === 'string' && parseSpanText(originText)) || last;
    last = src;
    const spec = elementSpec(tag.name);
    if (!spec) error('template/unknown-element', `unknown element <${tag.name}>`, src, ['see docs/page-markup.md for the elements a template may use']);
    const parent = stack[stack.length - 1];
    if (!parent && tag.name !== 'page') error('template/root', `a page template must produce one <page> element, not <${tag.name}>`, src);
    if (parent) {
      const allowed = elementSpec(parent.kind)!.children as readonly string[];
      if (!allowed.includes(tag.name)) error('template/misplaced', `<${tag.name}> is not allowed inside <${parent.kind}>`, src, [`<${parent.kind}> takes: ${allowed.filter((c) => c !== '#text').join(', ') || 'no elements'}`]);
    }
    const attrs: Record<string, AttrValue> = {};
    let copy: Span | undefined;
    for (const [name, raw] of Object.entries(tag.attributes)) {
      if (name === ORIGIN_ATTR) continue;
      const value = typeof raw === 'string' ? raw : raw.value;
      if (name === 'src') {
        copy = parseSpanText(value);
        if (!copy) error('template/bad-attribute', `src="${value}" on <${tag.name}> is not file:line:col`, src);
        continue;
      }
      const type = (spec!.attrs as Record<string, AttrType>)[name];
      if (!type) error('template/unknown-attribute', `unknown attribute ${name} on <${tag.name}>`, src, [`<${tag.name}> takes: ${Object.keys(spec!.attrs).concat('src').join(', ')}`]);
      const v = convert(type!, value);
      if ('error' in v) error(type === 'length' || type === 'length-or-fill' ? 'template/bad-length' : 'template/bad-attribute', `${name} on <${tag.name}>: ${v.error}`, src);
      else attrs[name] = v.value;
    }
    for (const req of spec!.required ?? []) {
      if (!(req in attrs)) error('template/missing-attribute', `<${tag.name}> needs a ${req} attribute`, src);
    }
    stack.push({ kind: tag.name as MarkupElement['kind'], attrs, children: [], src, copy });
  });

  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    const allowsText = (elementSpec(top.kind)!.children as readonly string[]).includes('#text');
    if (!allowsText) {
      if (text.trim() !== '') error('template/stray-text', `text “${text.trim().slice(0, 40)}” is not allowed directly inside <${top.kind}>`, top.src);
      return;
    }
    top.children.push({ kind: '#text', text });
  });

  parser.on('closetag', () => {
    const open = stack.pop()!;
    lastClosed = open;
    const el: MarkupElement = { kind: open.kind, attrs: open.attrs, children: open.children, src: open.src, ...(open.copy ? { copy: open.copy } : {}) };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
  });

  // saxes reports well-formedness errors through this handler before it recovers; the first one is reported at the innermost open element.
  let firstError: { message: string; open: Open | undefined } | undefined;
  // On a close tag that does not match, saxes first closes the open element itself: that element is the one left unclosed.
  parser.on('error', (e) => {
    const message = String(e.message).replace(/^[^:]*:\d+:\d+: /, '');
    if (firstError) return;
    if (/unexpected close tag/.test(message) && lastClosed) firstError = { message: `<${lastClosed.kind}> is not closed`, open: lastClosed };
    else firstError = { message, open: stack[stack.length - 1] };
  });
  parser.write(markup).close();
  if (firstError) {
    const { message, open } = firstError;
    error('template/markup', `malformed page markup: ${message}`, open?.src ?? last, open ? [`in <${open.kind}> written here`] : undefined);
  }
  if (!root) return error('template/empty', 'the page template produced no <page> element', fallback);
  return root;
}
