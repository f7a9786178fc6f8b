// HTML story bodies (ninjs text/html) to blocks, with htmlparser2 doing the tokenising and entity decoding.
import type { Parser } from 'htmlparser2';
import { lazyPackage } from '../core/lazy.js';
import type { Block, ImageRef, Inline } from '../core/article.js';
import type { Span } from '../core/span.js';
import { cleanText, RunBuilder } from './runs.js';

const htmlparser2 = lazyPackage<typeof import('htmlparser2')>('htmlparser2');

/** What the HTML reader needs from its caller: where an HTML offset is, and how to turn an img src into a file. */
export interface HtmlContext {
  /** The file span of a character offset in the (decoded) HTML string. */
  readonly spanAt: (offset: number) => Span;
  readonly resolveImage: (src: string, at: Span) => string;
  /** Told the number of blocks before a `<!-- cut -->` comment: the copy may be cut from there. */
  readonly onCut?: (blocksBefore: number) => void;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ITALIC = new Set(['em', 'i', 'cite']);
const BOLD = new Set(['strong', 'b']);
/** Elements whose text is never story copy. */
const SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

/**
 * Maps an HTML body to blocks: <p> → paragraph, <h1>–<h6> → crosshead,
 * <blockquote> → quote (one per paragraph inside), <ul>/<ol> → list (nested
 * lists flatten into the outer one), <em>/<i>/<cite> → italic, <strong>/<b> →
 * bold, <figure><img><figcaption> and a lone <img> → image (an element with
 * class "credit" inside the figcaption is the credit). Loose text outside any
 * block becomes a paragraph. Entities are decoded.
 */
export function htmlToBlocks(html: string, ctx: HtmlContext): Block[] {
  const out: Block[] = [];
  let block: { kind: 'paragraph' | 'crosshead' | 'quote'; b: RunBuilder; start: number } | undefined;
  let list: { ordered: boolean; items: Inline[][]; start: number; depth: number; item?: RunBuilder } | undefined;
  let figure: { start: number; src?: string; alt?: string; title?: string; caption: RunBuilder; credit: RunBuilder } | undefined;
  let captionDepth = 0;
  let creditDepth = 0;
  let quoteDepth = 0;
  let italic = 0;
  let bold = 0;
  let skip = 0;
  const creditStack: boolean[] = [];

  const closeBlock = (): void => {
    if (block && !block.b.isEmpty) out.push({ kind: block.kind, runs: block.b.runs(), src: ctx.spanAt(block.start) });
    block = undefined;
  };
  const flushItem = (): void => {
    if (list?.item && !list.item.isEmpty) list.items.push(list.item.runs());
    if (list) list.item = undefined;
  };
  const pushImage = (start: number, src: string | undefined, caption: string, credit: string, alt: string | undefined): void => {
    if (!src) return;
    const at = ctx.spanAt(start);
    const image: ImageRef = {
      file: ctx.resolveImage(src, at),
      ...(caption ? { caption } : {}),
      ...(credit ? { credit } : {}),
      ...(alt ? { alt } : {}),
      src: at,
    };
    out.push({ kind: 'image', image, src: at });
  };
  const target = (): RunBuilder | undefined => {
    if (figure) return creditDepth > 0 ? figure.credit : captionDepth > 0 ? figure.caption : undefined;
    if (list) return (list.item ??= new RunBuilder());
    return block?.b;
  };

  const parser: Parser = new (htmlparser2().Parser)({
    oncomment(data) {
      if (/^\s*cut\s*$/i.test(data) && !list && !figure) {
        closeBlock();
        ctx.onCut?.(out.length);
      }
    },
    onopentag(name, attribs) {
      const start = parser.startIndex;
      if (SKIP.has(name)) { skip++; return; }
      if (ITALIC.has(name)) italic++;
      else if (BOLD.has(name)) bold++;
      else if (name === 'br') target()?.add(' ');
      else if (name === 'p' || name === 'div') {
        if (!list && !figure) { closeBlock(); if (name === 'p') block = { kind: quoteDepth > 0 ? 'quote' : 'paragraph', b: new RunBuilder(), start }; }
      } else if (HEADINGS.has(name) && !list && !figure) { closeBlock(); block = { kind: 'crosshead', b: new RunBuilder(), start }; }
      else if (name === 'blockquote') { closeBlock(); quoteDepth++; }
      else if (name === 'ul' || name === 'ol') {
        closeBlock();
        if (list) list.depth++;
        else list = { ordered: name === 'ol', items: [], start, depth: 1 };
      } else if (name === 'li' && list) flushItem();
      else if (name === 'figure') { closeBlock(); figure = { start, caption: new RunBuilder(), credit: new RunBuilder() }; }
      else if (name === 'img') {
        if (figure) Object.assign(figure, { src: attribs.src, alt: attribs.alt, title: attribs.title });
        else { closeBlock(); pushImage(start, attribs.src, cleanText(attribs.title ?? ''), '', attribs.alt?.trim() || undefined); }
      } else if (name === 'figcaption') captionDepth++;
      const isCredit = /\bcredit\b/i.test(attribs.class ?? '') && captionDepth > 0;
      creditStack.push(isCredit);
      if (isCredit) creditDepth++;
    },
    ontext(text) {
      if (skip > 0) return;
      let t = target();
      if (!t && !figure && text.trim() !== '') {
        block = { kind: quoteDepth > 0 ? 'quote' : 'paragraph', b: new RunBuilder(), start: parser.startIndex };
        t = block.b;
      }
      t?.add(text, { italic: italic > 0, bold: bold > 0 });
    },
    onclosetag(name) {
      if (SKIP.has(name)) { skip = Math.max(0, skip - 1); return; }
      if (creditStack.pop()) creditDepth--;
      if (ITALIC.has(name)) italic = Math.max(0, italic - 1);
      else if (BOLD.has(name)) bold = Math.max(0, bold - 1);
      else if (name === 'p' || HEADINGS.has(name)) { if (!list && !figure) closeBlock(); }
      else if (name === 'blockquote') { closeBlock(); quoteDepth = Math.max(0, quoteDepth - 1); }
      else if (name === 'li') flushItem();
      else if ((name === 'ul' || name === 'ol') && list) {
        flushItem();
        if (--list.depth === 0) {
          if (list.items.length) out.push({ kind: 'list', ordered: list.ordered, items: list.items, src: ctx.spanAt(list.start) });
          list = undefined;
        }
      } else if (name === 'figcaption') captionDepth = Math.max(0, captionDepth - 1);
      else if (name === 'figure' && figure) {
        const f = figure;
        figure = undefined;
        pushImage(f.start, f.src, f.caption.text() || cleanText(f.title ?? ''), f.credit.text(), f.alt?.trim() || undefined);
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  closeBlock();
  return out;
}

/** The text of an HTML fragment, tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const b = new RunBuilder();
  const parser = new (htmlparser2().Parser)({ ontext: (t) => b.add(t), onopentag: (n) => { if (n === 'br' || n === 'p') b.add(' '); } }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return b.text();
}
