// One paragraph: inline markup in a paragraph style → set lines at a measure.
import type { ParagraphStyle, StyleSheet } from '../../core/index.js';
import type { MarkupNode } from '../../template/index.js';
import { breakParagraph, breakWithoutHyphenation, type BreakOptions } from './break-lines.js';
import { hyphenationPoints } from './hyphenate.js';
import { paragraphItems, type Hyphenator, type ItemOptions, type StyledText } from './items.js';
import { setLines, type SetLine } from './set-lines.js';
import type { Shaper } from './shape.js';

/** Picks the face of a family for bold/italic, falling back to the nearest face the family has. */
export function faceFor(sheet: StyleSheet, family: string, bold: boolean, italic: boolean): string {
  const f = sheet.families[family];
  if (!f) throw new Error(`unknown family ${family}`);
  if (bold && italic) return f.boldItalic ?? f.bold ?? f.italic ?? f.regular;
  if (bold) return f.bold ?? f.regular;
  if (italic) return f.italic ?? f.regular;
  return f.regular;
}

/** Flattens inline markup (`<i>`, `<b>`, text) into styled text runs. */
export function styledRuns(nodes: readonly MarkupNode[] | string, style: ParagraphStyle, sheet: StyleSheet): StyledText[] {
  const out: StyledText[] = [];
  const tracking = (style.tracking / 1000) * style.size;
  const walk = (list: readonly MarkupNode[], bold: boolean, italic: boolean) => {
    for (const n of list) {
      if (n.kind === '#text') {
        const text = style.uppercase ? n.text.toLocaleUpperCase('en-GB') : n.text;
        out.push({ text, face: faceFor(sheet, style.family, bold, italic), size: style.size, color: style.color, tracking });
      } else walk(n.children, bold || n.kind === 'b', italic || n.kind === 'i');
    }
  };
  walk(typeof nodes === 'string' ? [{ kind: '#text', text: nodes }] : nodes, style.bold, style.italic);
  // Collapse white space at the ends so a paragraph starts and ends with a word.
  return out.map((r, i) => ({ ...r, text: i === 0 ? r.text.replace(/^\s+/, '') : r.text })).filter((r) => r.text !== '');
}

export interface ParagraphOptions {
  /** Apply the style's first-line indent. */
  readonly indent?: boolean;
  /** Width of line n when it differs from the measure (a drop cap, a picture). */
  readonly lineWidth?: (line: number) => number;
  /** Extra demerits for a hyphen ending line n: keeps hyphens off a column's last line. */
  readonly hyphenDemeritsAt?: (line: number) => number;
  /**
   * The last line (0-based) whose width or hyphen demerits differ from the rest: past it the breaker need not tell
   * line numbers apart (BreakOptions.easyLine). Default: 0 when neither `lineWidth` nor `hyphenDemeritsAt` is given,
   * otherwise none (every line number kept apart).
   */
  readonly easyLine?: number;
  /** Ragged lines balanced, the last one included (headlines, standfirsts): no last line of one short word. */
  readonly balance?: boolean;
}

/** The hyphenator a style asks for: en-GB Liang patterns with the style's limits, or none. */
export function hyphenatorFor(style: ParagraphStyle): Hyphenator | undefined {
  const h = style.hyphenation;
  if (!h.enabled) return undefined;
  return (word) => hyphenationPoints(word, h);
}

/**
 * Paragraphs already set, by their content (the markup's own child array), then by shaper, style, measure and indent.
 * The composer sets each story many times over (every span, headline and photo it tries); its body paragraphs are the
 * same each time, and set lines are immutable, so they are set once. Only paragraphs with no per-line widths or
 * demerits are kept (those depend on where the column ends).
 */
const setCache = new WeakMap<readonly MarkupNode[], Map<string, SetLine[]>>();
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object): number => ids.get(o) ?? (ids.set(o, nextId), nextId++);

/** Breaks (Knuth–Plass, with the style's TeX parameters) and sets a paragraph. */
export function setParagraph(content: readonly MarkupNode[] | string, style: ParagraphStyle, sheet: StyleSheet, shaper: Shaper, measure: number, opts: ParagraphOptions = {}): SetLine[] {
  if (typeof content === 'string' || opts.lineWidth || opts.hyphenDemeritsAt) return setParagraphWithPass(content, style, sheet, shaper, measure, opts).lines;
  let byKey = setCache.get(content);
  if (!byKey) setCache.set(content, (byKey = new Map()));
  const key = `${idOf(shaper)}/${idOf(sheet)}/${idOf(style)}/${measure}/${opts.indent ? 1 : 0}/${opts.balance ? 1 : 0}`;
  let lines = byKey.get(key);
  if (!lines) byKey.set(key, (lines = setParagraphWithPass(content, style, sheet, shaper, measure, opts).lines));
  return lines;
}

/** As setParagraph, also telling which breaker pass succeeded (4: some line could not be kept within the measure). */
export function setParagraphWithPass(content: readonly MarkupNode[] | string, style: ParagraphStyle, sheet: StyleSheet, shaper: Shaper, measure: number, opts: ParagraphOptions = {}): { lines: SetLine[]; pass: number } {
  const runs = styledRuns(content, style, sheet);
  if (runs.length === 0) return { lines: [], pass: 1 };
  const justify = style.align === 'justify';
  const b = style.breaking;
  const width = opts.lineWidth ?? (() => measure);
  // Words wider than the narrowest of the first lines (a drop cap shortens them) get the emergency breaks.
  const narrowest = opts.lineWidth ? Math.min(measure, ...Array.from({ length: 8 }, (_, n) => width(n))) : measure;
  const itemOptions: ItemOptions = {
    indent: opts.indent ? style.indent : 0,
    wordSpace: style.wordSpace,
    ragged: !justify,
    ...(opts.balance ? { balance: true } : {}),
    hyphenPenalty: b.hyphenPenalty,
    exHyphenPenalty: b.exHyphenPenalty,
    ...(justify && style.expansion ? { expansion: style.expansion } : {}),
    // A word wider than the measure gets the emergency breaks, so no line need stick out of it.
    measure: narrowest,
  };
  // Ragged display lines (headlines) break first-fit-like: any line within the measure is fine, so a huge tolerance.
  const breakOptions: Partial<BreakOptions> = {
    ...b,
    ...(justify ? {} : { pretolerance: -1, tolerance: 10000 }),
    ...(opts.hyphenDemeritsAt ? { hyphenDemeritsAt: opts.hyphenDemeritsAt } : {}),
    ...(opts.easyLine !== undefined ? { easyLine: opts.easyLine } : !opts.lineWidth && !opts.hyphenDemeritsAt ? { easyLine: 0 } : {}),
  };
  const setOptions = { align: style.align, ...(justify && style.expansion ? { expansion: style.expansion } : {}) };
  const hyphenate = hyphenatorFor(style);
  // As TeX does, the words' hyphenation points are looked up only when the first pass, which never breaks at them,
  // finds no breaks: most paragraphs of body copy set without (about 70 % of the seed story at 48 mm).
  if (hyphenate && (breakOptions.pretolerance ?? 0) >= 0) {
    const plain = paragraphItems(runs, shaper, itemOptions);
    const first = breakWithoutHyphenation(plain, width, breakOptions);
    if (first) return { lines: setLines(plain, first.breaks, width, setOptions, shaper), pass: 1 };
  }
  const items = paragraphItems(runs, shaper, hyphenate ? { ...itemOptions, hyphenate } : itemOptions);
  const result = breakParagraph(items, width, hyphenate ? { ...breakOptions, pretolerance: -1 } : breakOptions);
  const lines = setLines(items, result.breaks, width, setOptions, shaper);
  return { lines, pass: result.pass };
}
