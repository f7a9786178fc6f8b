// The page markup vocabulary: the elements a template may emit, their attributes and children.
import type { Span } from '../core/index.js';

/** Attribute value types. `length` accepts mm, pt, cm, in, pc and is stored in points. */
export type AttrType = 'string' | 'int' | 'length' | 'bool' | 'span' | { readonly oneOf: readonly string[] } | 'length-or-fill';

interface ElementSpec {
  readonly attrs: Readonly<Record<string, AttrType>>;
  readonly required?: readonly string[];
  /** Allowed child elements; `#text` allows text. */
  readonly children: readonly string[];
  readonly doc: string;
}

const INLINE = ['#text', 'i', 'b'] as const;
const HEIGHT: AttrType = 'length-or-fill';

/** The closed vocabulary. Every element also takes `src` (the copy's file:line:col, set by helpers). */
export const ELEMENTS = {
  page: { attrs: { section: 'string' }, children: ['masthead', 'folio', 'story', 'row', 'rule', 'space', 'promo', 'compose'], doc: 'One newspaper page; children stack down the type area.' },
  compose: {
    attrs: { headlines: 'string', brief: 'string', 'brief-label': 'string' },
    children: ['story', 'advert', 'promo', 'house-advert'],
    doc: 'The news hole: the rest of the type area, composed full by the page composer — its stories in priority order (the first is the lead) round its adverts, then what it takes from the overmatter, with at most one of its promos (the paper’s own house adverts) filling what copy cannot. `headlines` is the headline scale, largest first: the lead takes the first, the second story the second or third, every other the third; `brief` is the headline style of a brief (a story of under 100 words); the page’s briefs are grouped in one module under `brief-label` (default “News in brief”).',
  },
  advert: {
    attrs: { file: 'string', span: 'int', depth: 'length', position: { oneOf: ['foot', 'top', 'outer', 'inner'] }, url: 'string', name: 'string' },
    required: ['file', 'span', 'depth'],
    children: [],
    doc: 'A booked advert in the news hole: a PDF, JPEG, PNG or TIFF file, `span` columns by `depth`, at the `foot` (default: stacked from the outer edge, deepest outermost), the `top`, or the foot at the `outer` or `inner` edge; `url` is its click-through in the e-edition.',
  },
  'house-advert': {
    attrs: { file: 'string', span: 'int', depth: 'length', url: 'string', name: 'string' },
    required: ['file', 'span', 'depth'],
    children: [],
    doc: 'One of the paper’s own house adverts made as artwork (a PDF, JPEG, PNG or TIFF file, `span` columns by `depth`): a filler the composer may place, as it places a promo, where the copy leaves a space of its width at least its depth.',
  },
  masthead: { attrs: { title: 'string', tagline: 'string', date: 'string', issue: 'string', price: 'string', url: 'string' }, required: ['title'], children: [], doc: 'The paper’s title block on the front page.' },
  folio: { attrs: { number: 'string', section: 'string', title: 'string', date: 'string' }, required: ['number'], children: [], doc: 'The running line: page number at the outer edge, section, publication and date.' },
  row: { attrs: { height: HEIGHT }, children: ['story', 'promo', 'box'], doc: 'Places its children side by side, each across `span` columns.' },
  story: { attrs: { article: 'string', span: 'int', height: HEIGHT, 'continue-on': 'int', section: 'string', trim: { oneOf: ['end'] } }, required: ['article'], children: ['kicker', 'headline', 'standfirst', 'byline', 'image', 'body'], doc: 'An article’s module: headline across its columns, then the body flowing column to column. In `<compose>`, `continue-on` names the page where the rest goes if it does not fit, and `trim="end"` lets the composer cut whole paragraphs from the end to fit; `section` is set on the overmatter’s stories.' },
  kicker: { attrs: {}, children: INLINE, doc: 'The label above a headline.' },
  headline: { attrs: { style: 'string', 'max-lines': 'int' }, children: INLINE, doc: 'Set across the story’s columns, shrunk to fit `max-lines`.' },
  standfirst: { attrs: {}, children: INLINE, doc: 'The summary under the headline.' },
  byline: { attrs: { name: 'string', role: 'string', date: 'string' }, children: [], doc: 'Author and date line.' },
  image: { attrs: { file: 'string', caption: 'string', credit: 'string', alt: 'string', span: 'int', height: 'length', 'focus-x': 'string', 'focus-y': 'string' }, required: ['file'], children: [], doc: 'A photo with caption and credit.' },
  body: { attrs: { 'first-style': 'string' }, children: ['p', 'crosshead', 'quote', 'list', 'image', 'cut', 'pullquote'], doc: 'The story text, flowed through the story’s columns; `first-style` sets the opening paragraph (a style with `drop-cap` gives a drop cap).' },
  p: { attrs: {}, children: INLINE, doc: 'A paragraph of body text.' },
  pullquote: { attrs: {}, children: INLINE, doc: 'Words from the story set large between rules, a leg wide, in the flow of the body (the composer adds one, from the story’s own quotes, where the story would otherwise run short).' },
  cut: { attrs: {}, children: [], doc: 'The copy’s own cut mark: on a composed page, the blocks after it may be cut, from the end, when the page is short of room.' },
  crosshead: { attrs: {}, children: INLINE, doc: 'A subheading inside the body.' },
  quote: { attrs: {}, children: INLINE, doc: 'A block quotation.' },
  list: { attrs: { ordered: 'bool' }, children: ['li'], doc: 'A bulleted or numbered list.' },
  li: { attrs: {}, children: INLINE, doc: 'A list item.' },
  i: { attrs: {}, children: INLINE, doc: 'Italic.' },
  b: { attrs: {}, children: INLINE, doc: 'Bold.' },
  promo: { attrs: { span: 'int', heading: 'string' }, required: ['heading'], children: INLINE, doc: 'A house promo box: a heading and one line.' },
  box: { attrs: { span: 'int', heading: 'string' }, children: INLINE, doc: 'A boxed panel of text.' },
  rule: { attrs: { weight: 'length' }, children: [], doc: 'A horizontal rule across the type area.' },
  space: { attrs: { height: HEIGHT }, required: ['height'], children: [], doc: 'Vertical white space; `fill` takes what the page has left, pushing what follows to the foot.' },
} as const satisfies Record<string, ElementSpec>;

export type ElementKind = keyof typeof ELEMENTS;

export type AttrValue = string | number | boolean | Span;

/** A parsed markup element. `src` is where the template wrote it; `copy` is where its text came from in the article. */
export interface MarkupElement {
  readonly kind: ElementKind;
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly children: readonly MarkupNode[];
  readonly src: Span;
  readonly copy?: Span;
}

export interface MarkupText {
  readonly kind: '#text';
  readonly text: string;
}

export type MarkupNode = MarkupElement | MarkupText;

export function isElement(n: MarkupNode): n is MarkupElement {
  return n.kind !== '#text';
}

/** Typed attribute accessors for layout; the parser has already checked the types. */
export const attr = {
  str(el: MarkupElement, name: string): string | undefined {
    const v = el.attrs[name];
    return typeof v === 'string' ? v : undefined;
  },
  num(el: MarkupElement, name: string): number | undefined {
    const v = el.attrs[name];
    return typeof v === 'number' ? v : undefined;
  },
  bool(el: MarkupElement, name: string): boolean {
    return el.attrs[name] === true;
  },
};

/** The text content of an element, inline children flattened. */
export function textOf(node: MarkupNode): string {
  return node.kind === '#text' ? node.text : node.children.map(textOf).join('');
}

export function elementSpec(kind: string): ElementSpec | undefined {
  return Object.hasOwn(ELEMENTS, kind) ? (ELEMENTS as Record<string, ElementSpec>)[kind] : undefined;
}
