// One paragraph: inline markup in a paragraph style → set lines at a measure.
import type { ParagraphStyle, StyleSheet } from '../../core/index.js';
import type { MarkupNode } from '../../template/index.js';
import { breakLines } from './break-lines.js';
import { paragraphItems, type StyledText } from './items.js';
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
  readonly indent: boolean;
}

/** Breaks and sets a paragraph at a fixed measure. */
export function setParagraph(content: readonly MarkupNode[] | string, style: ParagraphStyle, sheet: StyleSheet, shaper: Shaper, measure: number, opts: ParagraphOptions = { indent: false }): SetLine[] {
  const runs = styledRuns(content, style, sheet);
  if (runs.length === 0) return [];
  const items = paragraphItems(runs, shaper, {
    indent: opts.indent ? style.indent : 0,
    wordSpace: style.wordSpace,
    ragged: style.align !== 'justify',
  });
  const width = () => measure;
  const breaks = breakLines(items, width);
  return setLines(items, breaks, width, style.align, shaper);
}
