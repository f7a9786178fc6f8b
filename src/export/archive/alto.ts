// One page as ALTO 4.4 (docs/archive.md): every block, line and word of the page with its box, from the layout itself.
import type { ArticleTag, FontSet, Page, TextRole } from '../../core/index.js';
import { pageText, type TextBlock, type Word } from './page-text.js';
import { attrs, esc, lengthMm10, mm10, union, type Box } from './xml.js';

export const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';
const ALTO_XSD = 'http://www.loc.gov/standards/alto/v4/alto-4-4.xsd';

export interface AltoOptions {
  /** The page image the ALTO describes, relative to the ALTO file (`../tiles/page-01/full/max/0/default.jpg`). */
  readonly image: string;
}

/** A block of an article in the ALTO, for the METS's logical structure: its ID, and what it is in the story. */
export interface AltoBlockRef {
  readonly id: string;
  /** The text's role, or `Figure` for a photo (an Illustration). */
  readonly role: TextRole;
  /** The article's block it belongs to (a photo, its caption and credit share one). */
  readonly block: number;
}

/** An article on the page: its ComposedBlock and the blocks in it, in the page's order. */
export interface AltoArticle {
  readonly article: string;
  readonly id: string;
  readonly blocks: readonly AltoBlockRef[];
}

/** An advert on the page: its Illustration's ID and its name. */
export interface AltoAdvert {
  readonly id: string;
  readonly name: string;
}

export interface AltoPage {
  readonly xml: string;
  readonly articles: readonly AltoArticle[];
  readonly adverts: readonly AltoAdvert[];
}

/** Something the page shows, in the frame's order: a block of text, a picture, an advert, a rule or a box. */
type Entry =
  | { readonly kind: 'text'; readonly at: number; readonly box: Box; readonly tag?: ArticleTag; readonly block: TextBlock }
  | { readonly kind: 'photo'; readonly at: number; readonly box: Box; readonly tag?: ArticleTag; readonly alt?: string }
  | { readonly kind: 'advert'; readonly at: number; readonly box: Box; readonly name: string }
  | { readonly kind: 'graphic'; readonly at: number; readonly box: Box; readonly article?: string };

/** An article's entries on the page, kept together in its ComposedBlock where the first of them comes. */
interface Composed {
  readonly kind: 'article';
  readonly article: string;
  readonly entries: Entry[];
}

/** Two boxes the same (an image advert's picture under its zone). */
const sameBox = (a: Box, b: Box) => Math.abs(a.x0 - b.x0) < 0.01 && Math.abs(a.y0 - b.y0) < 0.01 && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01;
/** `inner` lies within `outer` (give or take half a point: a rule drawn on a story's edge). */
const within = (inner: Box, outer: Box) => inner.x0 >= outer.x0 - 0.5 && inner.y0 >= outer.y0 - 0.5 && inner.x1 <= outer.x1 + 0.5 && inner.y1 <= outer.y1 + 0.5;

/**
 * The page as ALTO 4.4 in tenths of a millimetre (mm10): a PrintSpace holding, in the page's order, a ComposedBlock
 * (TYPE Article) per article with its TextBlocks and Illustrations, and the page's own text (masthead, folios,
 * promos) as TextBlocks; photos are Illustrations, adverts Illustrations of TYPE Advertisement, rules and boxes
 * GraphicalElements (inside an article's block when they lie within its area). Each TextLine holds a String per word
 * with SP between and a HYP where the line breaker added a hyphen; a word broken across lines is HypPart1 and
 * HypPart2 with the whole word as SUBS_CONTENT. Strings refer to TextStyles (font family, size, bold or italic). IDs
 * are the page's number and a count in document order (`P1_TB00003`): the same page gives the same IDs.
 */
export function altoPage(page: Page, fonts: FontSet, o: AltoOptions): AltoPage {
  const p = `P${page.number}`;
  const entries = pageEntries(page, fonts);
  // Articles' entries go together into one ComposedBlock, at the place of their first.
  const top: (Entry | Composed)[] = [];
  const composed = new Map<string, Composed>();
  for (const e of entries) {
    const article = e.kind === 'graphic' ? e.article : e.kind === 'advert' ? undefined : e.tag?.article;
    if (article === undefined) {
      top.push(e);
      continue;
    }
    let c = composed.get(article);
    if (!c) {
      c = { kind: 'article', article, entries: [] };
      composed.set(article, c);
      top.push(c);
    }
    c.entries.push(e);
  }

  // Text styles by face and size, numbered as first used.
  const styles = new Map<string, { id: string; font: string; size: number }>();
  const styleOf = (w: Word) => {
    const size = Math.round(w.size * 100) / 100;
    const key = `${w.font}|${size}`;
    let s = styles.get(key);
    if (!s) styles.set(key, (s = { id: `TS${styles.size + 1}`, font: w.font, size }));
    return s.id;
  };
  const counters = new Map<string, number>();
  const id = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${p}_${kind}${String(n).padStart(5, '0')}`;
  };

  const articles: AltoArticle[] = [];
  const adverts: AltoAdvert[] = [];
  const body: string[] = [];
  const entry = (e: Entry, indent: string, refs?: AltoBlockRef[]) => {
    switch (e.kind) {
      case 'text': {
        const tb = id('TB');
        refs?.push({ id: tb, role: e.tag!.role, block: e.tag!.block });
        body.push(`${indent}<TextBlock${attrs({ ID: tb, ...mm10(e.box) })}>`);
        for (const line of e.block.lines) textLine(line.words, line.box, `${indent}  `);
        body.push(`${indent}</TextBlock>`);
        break;
      }
      case 'photo': {
        const il = id('IL');
        if (e.tag) refs?.push({ id: il, role: 'Figure', block: e.tag.block });
        body.push(`${indent}<Illustration${attrs({ ID: il, ...mm10(e.box), TYPE: 'Photo' })}/>`);
        break;
      }
      case 'advert': {
        const il = id('IL');
        adverts.push({ id: il, name: e.name });
        body.push(`${indent}<Illustration${attrs({ ID: il, ...mm10(e.box), TYPE: 'Advertisement' })}/>`);
        break;
      }
      case 'graphic':
        body.push(`${indent}<GraphicalElement${attrs({ ID: id('GE'), ...mm10(e.box) })}/>`);
        break;
    }
  };
  const textLine = (words: readonly Word[], box: Box, indent: string) => {
    body.push(`${indent}<TextLine${attrs({ ID: id('TL'), ...mm10(box) })}>`);
    const boxes = words.map((w) => mm10(w.box));
    words.forEach((w, i) => {
      const b = boxes[i]!;
      // Written out rather than through attrs(): a page has thousands of words.
      const part = w.part ? ` SUBS_TYPE="${w.part.n === 1 ? 'HypPart1' : 'HypPart2'}" SUBS_CONTENT="${esc(w.part.whole)}"` : '';
      body.push(`${indent}  <String ID="${id('ST')}" STYLEREFS="${styleOf(w)}" HPOS="${b.HPOS}" VPOS="${b.VPOS}" WIDTH="${b.WIDTH}" HEIGHT="${b.HEIGHT}" CONTENT="${esc(w.text)}"${part}/>`);
      // The space between two words: from the end of one (as rounded) to the start of the next.
      const next = boxes[i + 1];
      if (next) body.push(`${indent}  <SP WIDTH="${Math.max(0, next.HPOS - (b.HPOS + b.WIDTH))}" HPOS="${b.HPOS + b.WIDTH}" VPOS="${b.VPOS}"/>`);
    });
    const hyphen = words[words.length - 1]?.hyphen;
    if (hyphen) body.push(`${indent}  <HYP${attrs({ ...mm10(hyphen), CONTENT: '-' })}/>`);
    body.push(`${indent}</TextLine>`);
  };

  for (const t of top) {
    if (t.kind !== 'article') {
      entry(t, '        ');
      continue;
    }
    const cb = id('CB');
    const refs: AltoBlockRef[] = [];
    const box = t.entries.map((e) => e.box).reduce(union);
    body.push(`        <ComposedBlock${attrs({ ID: cb, ...mm10(box), TYPE: 'Article' })}>`);
    for (const e of t.entries) entry(e, '          ', refs);
    body.push('        </ComposedBlock>');
    articles.push({ article: t.article, id: cb, blocks: refs });
  }

  const printSpace = entries.length > 0 ? entries.map((e) => e.box).reduce(union) : { x0: 0, y0: 0, x1: page.width, y1: page.height };
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alto xmlns="${ALTO_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ALTO_NS} ${ALTO_XSD}" SCHEMAVERSION="4.4">`,
    '  <Description>',
    '    <MeasurementUnit>mm10</MeasurementUnit>',
    `    <sourceImageInformation><fileName>${esc(o.image)}</fileName></sourceImageInformation>`,
    `    <Processing${attrs({ ID: `${p}_PROC1` })}>`,
    '      <processingCategory>contentGeneration</processingCategory>',
    '      <processingStepDescription>Written from the page layout by the program that set the page, not by OCR: every word and its position is the one printed.</processingStepDescription>',
    '      <processingSoftware><softwareName>newsprint</softwareName></processingSoftware>',
    '    </Processing>',
    '  </Description>',
    '  <Styles>',
    ...[...styles.values()].map((s) => `    <TextStyle${attrs({ ID: s.id, ...fontAttrs(fonts, s.font), FONTSIZE: s.size })}/>`),
    '  </Styles>',
    '  <Layout>',
    `    <Page${attrs({ ID: p, PHYSICAL_IMG_NR: page.number, PRINTED_IMG_NR: String(page.number), WIDTH: lengthMm10(page.width), HEIGHT: lengthMm10(page.height), LANG: 'en-GB' })}>`,
    `      <PrintSpace${attrs({ ID: `${p}_PS00001`, ...mm10(printSpace) })}>`,
    ...body,
    '      </PrintSpace>',
    '    </Page>',
    '  </Layout>',
    '</alto>',
    '',
  ].join('\n');
  return { xml, articles, adverts };
}

/** FONTFAMILY and FONTSTYLE of a face, from the font file's own name and style bits. */
function fontAttrs(fonts: FontSet, id: string): { FONTFAMILY: string; FONTSTYLE?: string } {
  const font = fonts.get(id)?.font;
  if (!font) throw new Error(`export/archive: font "${id}" is not in the font set`);
  const sel = (font as unknown as { 'OS/2'?: { fsSelection?: { bold?: boolean; italic?: boolean } } })['OS/2']?.fsSelection;
  const style = [sel?.bold ? 'bold' : '', sel?.italic ? 'italics' : ''].filter(Boolean).join(' ');
  return { FONTFAMILY: font.familyName, ...(style ? { FONTSTYLE: style } : {}) };
}

/** What the page shows, in its frame's order: text blocks, photos, adverts, rules and boxes. Anchors draw nothing. */
function pageEntries(page: Page, fonts: FontSet): Entry[] {
  const items = page.frame.items;
  const areas: { article: string; box: Box }[] = [];
  const advertBoxes: Box[] = [];
  for (const it of items) {
    if (it.kind === 'anchor') areas.push({ article: it.article, box: { x0: it.x, y0: it.y, x1: it.x + it.w, y1: it.y + it.h } });
    else if (it.kind === 'advert') advertBoxes.push({ x0: it.x, y0: it.y, x1: it.x + it.w, y1: it.y + it.h });
  }
  const articleAt = (box: Box) => areas.find((a) => within(box, a.box))?.article;
  const out: Entry[] = pageText(page, fonts).map((b) => ({ kind: 'text' as const, at: b.at, box: b.box, ...(b.tag ? { tag: b.tag } : {}), block: b }));
  items.forEach((it, at) => {
    switch (it.kind) {
      case 'image': {
        const box = { x0: it.x, y0: it.y, x1: it.x + it.w, y1: it.y + it.h };
        // An image advert's picture: its advert item says what it is.
        if (!it.tag && advertBoxes.some((b) => sameBox(b, box))) return;
        out.push({ kind: 'photo', at, box, ...(it.tag ? { tag: it.tag } : {}), ...(it.alt ? { alt: it.alt } : {}) });
        return;
      }
      case 'advert':
        out.push({ kind: 'advert', at, box: { x0: it.x, y0: it.y, x1: it.x + it.w, y1: it.y + it.h }, name: it.name });
        return;
      case 'rule': {
        const h = it.width / 2;
        const box = { x0: Math.min(it.x1, it.x2) - (it.y1 === it.y2 ? 0 : h), y0: Math.min(it.y1, it.y2) - (it.x1 === it.x2 ? 0 : h), x1: Math.max(it.x1, it.x2) + (it.y1 === it.y2 ? 0 : h), y1: Math.max(it.y1, it.y2) + (it.x1 === it.x2 ? 0 : h) };
        const article = articleAt(box);
        out.push({ kind: 'graphic', at, box, ...(article ? { article } : {}) });
        return;
      }
      case 'rect': {
        const h = it.stroke ? (it.strokeWidth ?? 1) / 2 : 0;
        const box = { x0: it.x - h, y0: it.y - h, x1: it.x + it.w + h, y1: it.y + it.h + h };
        const article = articleAt(box);
        out.push({ kind: 'graphic', at, box, ...(article ? { article } : {}) });
        return;
      }
      default:
        return;
    }
  });
  // In the frame's order; a text block where its first run is.
  return out.sort((a, b) => a.at - b.at);
}
