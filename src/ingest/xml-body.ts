// Story bodies marked up in XML, NITF's body.content or XHTML, to blocks: one walker, both vocabularies.
import type { Block, ImageRef } from '../core/article.js';
import type { Span } from '../core/span.js';
import { child, childrenNamed, descendant, elements, textOf, type XmlElement, type XmlNode } from './xml.js';
import { cleanText, PLAIN, RunBuilder, type RunStyle } from './runs.js';

/*
 * Element names (NITF 3.x and XHTML share most of them; the two never give one name two meanings):
 *   paragraph   p, pre, dd, caption (a table's)
 *   crosshead   hl1, hl2 (NITF, inside body.content), h1–h6, dt
 *   quote       bq, blockquote: each paragraph inside is a quote; NITF's bq credit is a last quote line "— credit"
 *   list        ol, ul with li (a nested list's items join the outer list)
 *   picture     media (NITF: media-reference source, media-caption, media-producer as credit), img, figure/figcaption
 *   table       table: a paragraph a row, cells joined by " · "
 *   italic      em, i, cite;  bold: strong, b;  br: a space
 *   skipped     script, style, head, title, hr, media-metadata, nitf-table-metadata, object, iframe, video, audio
 * Any other element is looked into: its text is kept (NITF's person, location, chron, a, q… inside a paragraph; block,
 * div, section… around paragraphs). A `<!-- cut -->` comment between blocks marks where the copy may be cut.
 */

const PARAGRAPH = new Set(['p', 'pre', 'dd', 'caption']);
const CROSSHEAD = new Set(['hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);
const QUOTE = new Set(['bq', 'blockquote']);
const LIST = new Set(['ol', 'ul']);
const PICTURE = new Set(['media', 'img', 'figure']);
const ITALIC = new Set(['em', 'i', 'cite']);
const BOLD = new Set(['strong', 'b']);
const SKIP = new Set(['script', 'style', 'head', 'title', 'hr', 'media-metadata', 'nitf-table-metadata', 'object', 'iframe', 'video', 'audio', 'noscript', 'template']);
/** Elements that hold running text: met between blocks, they start a paragraph rather than being looked into as a container. */
const INLINE = new Set([...ITALIC, ...BOLD, 'br', 'a', 'span', 'q', 'lang', 'pronounce', 'chron', 'person', 'location', 'org', 'money', 'num', 'event',
  'function', 'object.title', 'virtloc', 'classifier', 'copyrite', 'city', 'state', 'region', 'country', 'sub', 'sup', 'abbr', 'small', 'u', 's', 'mark',
  'time', 'code', 'ruby', 'frac', 'postaddr', 'alt-code']);
/** NITF media types that are pictures; media of other types (audio, video, data) are left out. */
const PICTURE_MEDIA = new Set(['image', 'photo', 'graphic', 'picture']);
/** Between the cells of a table row set as one paragraph: a middle dot, as results tables are run on in print. */
const CELL_SEPARATOR = ' · ';

/** What the body reader needs from its caller: how a picture reference becomes a checked file path. */
export interface BodyContext {
  /** The absolute path of a picture named in the body, or a UserError at `at` (remote, missing). */
  readonly picture: (ref: string, at: Span) => string;
}

export interface XmlBody {
  readonly blocks: Block[];
  /** Blocks from this index on may be cut (the copy's `<!-- cut -->`). */
  readonly cutFrom?: number;
}

type Kind = 'paragraph' | 'crosshead' | 'quote';

/** Maps the children of a body element (NITF body.content, XHTML body) to blocks. */
export function xmlBodyBlocks(nodes: readonly XmlNode[], ctx: BodyContext): XmlBody {
  const w = new Walker(ctx);
  w.blocks(nodes);
  w.close();
  return { blocks: w.out, ...(w.cutFrom !== undefined && w.cutFrom < w.out.length ? { cutFrom: w.cutFrom } : {}) };
}

class Walker {
  readonly out: Block[] = [];
  cutFrom: number | undefined;
  private open: { kind: Kind; b: RunBuilder; src: Span } | undefined;
  /** Pictures met inside a paragraph (`<p><img/></p>`): placed after it. */
  private pending: Block[] = [];
  private quoteDepth = 0;

  constructor(private readonly ctx: BodyContext) {}

  blocks(nodes: readonly XmlNode[]): void {
    for (const n of nodes) this.block(n);
  }

  close(): void {
    if (this.open && !this.open.b.isEmpty) this.out.push({ kind: this.open.kind, runs: this.open.b.runs(), src: this.open.src });
    this.open = undefined;
    this.out.push(...this.pending);
    this.pending = [];
  }

  private start(kind: Kind, src: Span): RunBuilder {
    this.close();
    this.open = { kind: this.quoteDepth > 0 && kind === 'paragraph' ? 'quote' : kind, b: new RunBuilder(), src };
    return this.open.b;
  }

  /** Loose text between blocks: continues the loose paragraph already open, or starts one here. */
  private loose(src: Span): RunBuilder {
    return this.open?.b ?? this.start('paragraph', src);
  }

  private block(n: XmlNode): void {
    if (n.kind === 'comment') {
      if (cleanText(n.text).toLowerCase() === 'cut') {
        this.close();
        this.cutFrom ??= this.out.length;
      }
      return;
    }
    if (n.kind === 'text') {
      // Blank text between blocks is layout; inside a loose paragraph it parts two words.
      if (n.text.trim() !== '') this.loose(n.src).add(n.text);
      else this.open?.b.add(n.text);
      return;
    }
    const name = n.name;
    if (SKIP.has(name)) return;
    if (PARAGRAPH.has(name) || CROSSHEAD.has(name)) {
      const b = this.start(CROSSHEAD.has(name) ? 'crosshead' : 'paragraph', n.src);
      this.inline(n.children, PLAIN, b);
      this.close();
    } else if (QUOTE.has(name)) {
      this.close();
      this.quoteDepth++;
      this.blocks(n.children.filter((c) => !(c.kind === 'element' && c.name === 'credit')));
      for (const credit of childrenNamed(n, 'credit')) {
        const b = this.start('quote', credit.src);
        b.add('— ');
        this.inline(credit.children, PLAIN, b);
      }
      this.close();
      this.quoteDepth--;
    } else if (LIST.has(name)) {
      this.close();
      const items: RunBuilder[] = [];
      this.listItems(n, items);
      const runs = items.filter((b) => !b.isEmpty).map((b) => b.runs());
      if (runs.length) this.out.push({ kind: 'list', ordered: name === 'ol', items: runs, src: n.src });
    } else if (PICTURE.has(name)) {
      this.close();
      const pic = this.picture(n);
      if (pic) this.out.push(pic);
    } else if (name === 'table') {
      this.close();
      for (const row of rows(n)) {
        const b = this.start('paragraph', row.src);
        elements(row).filter((c) => c.name === 'td' || c.name === 'th').forEach((cell, i) => {
          if (i > 0) b.add(CELL_SEPARATOR);
          this.inline(cell.children, cell.name === 'th' ? { italic: false, bold: true } : PLAIN, b);
        });
        this.close();
      }
    } else if (INLINE.has(name)) {
      this.inline([n], PLAIN, this.loose(n.src));
    } else {
      // A container (NITF block, XHTML div, section…) or an element we do not know: its text is kept.
      this.close();
      this.blocks(n.children);
      this.close();
    }
  }

  /** Running text into one builder, styles nested as marked; a picture inside goes after the paragraph. */
  private inline(nodes: readonly XmlNode[], style: RunStyle, b: RunBuilder): void {
    for (const n of nodes) {
      if (n.kind === 'text') b.add(n.text, style);
      if (n.kind !== 'element' || SKIP.has(n.name)) continue;
      if (n.name === 'br') b.add(' ', style);
      else if (PICTURE.has(n.name)) {
        const pic = this.picture(n);
        if (pic) this.pending.push(pic);
      } else {
        // A block inside running text (a p inside an li): a space keeps its words apart.
        if (PARAGRAPH.has(n.name) || CROSSHEAD.has(n.name)) b.add(' ', style);
        this.inline(n.children, { italic: style.italic || ITALIC.has(n.name), bold: style.bold || BOLD.has(n.name) }, b);
      }
    }
  }

  /** The items of a list, a nested list's items joining the outer list in order. */
  private listItems(list: XmlElement, items: RunBuilder[]): void {
    for (const c of list.children) {
      if (c.kind !== 'element') continue;
      if (c.name !== 'li') {
        if (LIST.has(c.name)) this.listItems(c, items);
        continue;
      }
      const item = new RunBuilder();
      items.push(item);
      const nested: XmlElement[] = [];
      this.inline(c.children.filter((k) => {
        if (k.kind === 'element' && LIST.has(k.name)) { nested.push(k); return false; }
        return true;
      }), PLAIN, item);
      for (const n of nested) this.listItems(n, items);
    }
  }

  /** A picture block from NITF media, an XHTML img or a figure; undefined for media that is not a picture or names no file. */
  private picture(el: XmlElement): Block | undefined {
    let ref: { source: string; at: Span; alt?: string } | undefined;
    let caption = '';
    let credit = '';
    if (el.name === 'media') {
      const type = (el.attrs['media-type'] ?? 'image').toLowerCase();
      if (!PICTURE_MEDIA.has(type)) return undefined;
      const refs = childrenNamed(el, 'media-reference').filter((r) => (r.attrs.source ?? '').trim() !== '');
      const best = refs.find((r) => /^image\//i.test(r.attrs['mime-type'] ?? '')) ?? refs[0];
      if (best) ref = { source: best.attrs.source!, at: best.src, ...(best.attrs['alternate-text'] ? { alt: best.attrs['alternate-text'] } : {}) };
      caption = cleanText(textOf(child(el, 'media-caption')));
      credit = cleanText(textOf(child(el, 'media-producer')));
    } else {
      const img = el.name === 'img' ? el : descendant(el, 'img');
      if (img?.attrs.src) ref = { source: img.attrs.src, at: img.src, ...(img.attrs.alt?.trim() ? { alt: img.attrs.alt.trim() } : {}) };
      const fig = child(el, 'figcaption');
      const creditEl = fig ? findCredit(fig) : undefined;
      credit = cleanText(textOf(creditEl));
      caption = cleanText(fig ? textWithout(fig, creditEl) : '') || cleanText(img?.attrs.title ?? '');
    }
    if (!ref) return undefined;
    const image: ImageRef = {
      file: this.ctx.picture(ref.source, ref.at),
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(ref.alt ? { alt: cleanText(ref.alt) } : {}),
      src: ref.at,
    };
    return { kind: 'image', image, src: el.src };
  }
}

/** The rows of a table, through thead, tbody and tfoot. */
function rows(table: XmlElement): XmlElement[] {
  return elements(table).flatMap((c) => (c.name === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(c.name) ? childrenNamed(c, 'tr') : []));
}

/** An element with class "credit" inside a figcaption (as the HTML reader takes it). */
function findCredit(el: XmlElement): XmlElement | undefined {
  for (const c of elements(el)) {
    if ((c.attrs.class ?? '').split(/\s+/).includes('credit')) return c;
    const inner = findCredit(c);
    if (inner) return inner;
  }
  return undefined;
}

/** The text of an element leaving out one descendant. */
function textWithout(el: XmlElement, skip: XmlElement | undefined): string {
  return el.children.map((c) => (c === skip ? '' : c.kind === 'text' ? c.text : c.kind === 'element' ? textWithout(c, skip) : '')).join('');
}
