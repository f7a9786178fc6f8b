// The galley proof: a story's body as one long column, paged, with the copyfitting and spacing figures a sub-editor reads.
import type { Article, Diagnostic, FontSet, FrameItem, Page, ParagraphStyle, StyleSheet } from '../core/index.js';
import { mm, toMm } from '../core/index.js';
import type { MarkupNode } from '../template/index.js';
import { lineFindings, lineRuns } from './text/emit.js';
import { setParagraphWithPass } from './text/paragraph.js';
import { hyphenLadders, type SetLine } from './text/set-lines.js';
import { Shaper } from './text/shape.js';

export interface GalleyOptions {
  /** Column width, points (48 mm is a tabloid column). */
  readonly measure: number;
  /** The body style: font, size, leading, indent, hyphenation, expansion. */
  readonly style: ParagraphStyle;
  readonly sheet: StyleSheet;
  readonly fonts: FontSet;
  /** Page size and column depth, points: the proof pages as the plant's type area would hold them. */
  readonly pageHeight: number;
  readonly margin: number;
}

export interface GalleyStats {
  readonly paragraphs: number;
  readonly lines: number;
  readonly words: number;
  /** Depth of the whole text, millimetres, and in column-centimetres of this width. */
  readonly depthMm: number;
  readonly columnCm: number;
  readonly hyphenatedLines: number;
  readonly maxHyphensInRow: number;
  readonly overfullLines: number;
  /** Justified lines (not the last of a paragraph, two or more words). */
  readonly justifiedLines: number;
  /** Mean |r − 1| of the word spaces as set (what a reader sees) and as if all adjustment were in the spaces. */
  readonly meanSpaceDeviation: number;
  readonly meanSpaceDeviationEq: number;
  /** Share of justified lines whose spaces are over 1.5 × natural (loose), as set and equivalent. */
  readonly looseShare: number;
  readonly looseShareEq: number;
  /** Paragraphs that needed the breaker's emergency pass or its overfull last resort. */
  readonly emergencyParagraphs: number;
  /** Breaks inside words too wide for the measure (not counting a compound's own hyphen), and of those the faults: between two letters. */
  readonly emergencyBreaks: number;
  readonly letterBreaks: number;
}

export interface Galley extends GalleyReport {
  readonly pages: Page[];
}

/** A galley set page by page (layoutGalleyPages): everything but the pages, which went to the caller as they filled. */
export interface GalleyReport {
  readonly stats: GalleyStats;
  readonly warnings: Diagnostic[];
  /** The body as set, one paragraph a line (for checking that every word is there). */
  readonly text: string;
  /** How many proof pages the column filled. */
  readonly pageCount: number;
}

/** The text of inline markup, white space collapsed: what the reader should find, word for word. */
function plain(nodes: readonly MarkupNode[]): string {
  const text = (n: MarkupNode): string => (n.kind === '#text' ? n.text : n.children.map(text).join(''));
  return nodes.map(text).join('').replace(/\s+/g, ' ').trim();
}

/** Loose: word spaces over 1.5 × their natural width (the yardstick's threshold). */
const LOOSE = 1.5;

function blockText(b: Article['body'][number]): MarkupNode[] | undefined {
  const inline = (runs: readonly { text: string; italic?: boolean; bold?: boolean }[]): MarkupNode[] =>
    runs.map((r) => {
      let n: MarkupNode = { kind: '#text', text: r.text };
      if (r.italic) n = { kind: 'i', attrs: {}, children: [n], src: { file: '', line: 0, col: 0 } };
      if (r.bold) n = { kind: 'b', attrs: {}, children: [n], src: { file: '', line: 0, col: 0 } };
      return n;
    });
  switch (b.kind) {
    case 'paragraph':
    case 'crosshead':
    case 'quote':
      return inline(b.runs);
    case 'list':
      return b.items.flatMap((item, i) => [...(i > 0 ? [{ kind: '#text' as const, text: ' ' }] : []), { kind: '#text' as const, text: '• ' }, ...inline(item)]);
    case 'image':
      return undefined;
  }
}

/**
 * Sets every text block of the article's body as a paragraph of the body style,
 * each with a first-line indent and no space between, in one column paged at the
 * given depth. Crossheads are set as bold paragraphs; pictures are left out.
 */
export function layoutGalley(article: Article, o: GalleyOptions): Galley {
  const pages: Page[] = [];
  const report = layoutGalleyPages(article, o, (page) => pages.push(page));
  return { ...report, pages };
}

/** What the galley's figures need of a set line, kept after its page has gone (its glyphs with it). */
type LineFigures = Pick<SetLine, 'hyphenated' | 'emergency' | 'overfull' | 'spaceRatio' | 'spaceRatioEq' | 'last' | 'text'>;

/**
 * As layoutGalley, handing each page to `onPage` as soon as its lines are set, in order, and keeping none: a galley
 * written straight to its PDF holds one page's glyphs at a time, not the whole story's.
 */
export function layoutGalleyPages(article: Article, o: GalleyOptions, onPage: (page: Page) => void): GalleyReport {
  const shaper = new Shaper(o.fonts);
  const s = o.style;
  const warnings: Diagnostic[] = [];
  const lines: { line: LineFigures; src: Article['body'][number]['src'] }[] = [];
  const texts: string[] = [];
  // Page the column: as many lines a page as the depth holds; a page goes as soon as it is full.
  const perPage = Math.max(1, Math.floor((o.pageHeight - 2 * o.margin) / s.leading));
  const width = o.measure + 2 * o.margin;
  let page: FrameItem[] = [];
  let pageCount = 0;
  const endPage = () => {
    pageCount++;
    onPage({ number: pageCount, width, height: o.pageHeight, frame: { width, height: o.pageHeight, items: page }, articles: [article.id] });
    page = [];
  };
  let emergency = 0;
  const crosshead = { ...s, bold: true, align: 'left' as const };
  const quote = { ...s, italic: true };
  const blocks = article.body.map((b, i) => {
    const content = blockText(b);
    return content ? { b, i, content, style: b.kind === 'crosshead' ? crosshead : b.kind === 'quote' ? quote : s } : undefined;
  });
  blocks.filter((x) => x !== undefined).forEach(({ b, i, content, style }) => {
    const set = setParagraphWithPass(content, style, o.sheet, shaper, o.measure, { indent: true });
    if (set.pass >= 3) emergency++;
    for (const line of set.lines) {
      const k = lines.length % perPage;
      if (k === 0 && lines.length > 0) endPage();
      lines.push({ line: { hyphenated: line.hyphenated, emergency: line.emergency, overfull: line.overfull, spaceRatio: line.spaceRatio, spaceRatioEq: line.spaceRatioEq, last: line.last, text: line.text }, src: b.src });
      lineFindings(warnings, line, b.src);
      const baseline = o.margin + s.size + k * s.leading;
      for (const run of lineRuns(line, o.margin, baseline, { article: article.id, role: 'P', block: i }, b.src)) page.push(run);
    }
    texts.push(plain(content));
  });
  endPage();
  // Hyphen ladders beyond the limit (only possible when the limit is raised).
  const { ladders, longest: maxRun } = hyphenLadders(lines, (l) => l.line);
  for (const { line, src } of ladders) warnings.push({ severity: 'warning', code: 'layout/hyphen-ladder', message: `three hyphenated lines in a row, ending “${line.text}”`, span: src });
  const justified = lines.filter(({ line }) => !line.last && line.text.includes(' '));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const depth = lines.length * s.leading;
  return {
    pageCount,
    warnings,
    text: texts.join('\n') + '\n',
    stats: {
      paragraphs: texts.length,
      lines: lines.length,
      words: texts.join(' ').split(/\s+/).filter(Boolean).length,
      depthMm: toMm(depth),
      columnCm: toMm(depth) / 10,
      hyphenatedLines: lines.filter(({ line }) => line.hyphenated).length,
      maxHyphensInRow: maxRun,
      overfullLines: lines.filter(({ line }) => line.overfull > 0).length,
      justifiedLines: justified.length,
      meanSpaceDeviation: mean(justified.map(({ line }) => Math.abs(line.spaceRatio - 1))),
      meanSpaceDeviationEq: mean(justified.map(({ line }) => Math.abs(line.spaceRatioEq - 1))),
      looseShare: justified.filter(({ line }) => line.spaceRatio > LOOSE).length / Math.max(1, justified.length),
      looseShareEq: justified.filter(({ line }) => line.spaceRatioEq > LOOSE).length / Math.max(1, justified.length),
      emergencyParagraphs: emergency,
      emergencyBreaks: lines.filter(({ line }) => line.emergency && line.emergency.means !== 'compound').length,
      letterBreaks: lines.filter(({ line }) => line.emergency?.means === 'letter').length,
    },
  };
}

/** Default proof page: the column on a tabloid-deep page with 15 mm margins. */
export const GALLEY_PAGE = { height: mm(430), margin: mm(15) };
