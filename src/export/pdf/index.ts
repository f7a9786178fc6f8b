// export/pdf: page frames → the print PDF through PDFKit (the only importer of pdfkit). Fonts embedded as subsets, stories tagged Art / H1 / P.
import PDFDocument from 'pdfkit';
import type { ArticleTag, EditionLayout, FontSet, FrameItem, GlyphRun, ImageSet, Page, TextRole } from '../../core/index.js';
import type { PlantProfile } from '../../plant/profile.js';
import type { EmbeddedPage } from './form-xobject.js';
import { drawGlyphs } from './glyphs.js';
import { drawProofMarks, PROOF_BLEED, PROOF_MARGIN } from './marks.js';
import { documentId, flavourOptions, isSolidBlack, makePdfx, Overprint, useOwnXmp, writeInfoDirect, type XDoc } from './pdfx.js';
import { tagSubsets, type TagDoc } from './subset-tag.js';

export interface PdfMeta {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  /** ISO date of the edition: the PDF's creation and modification dates, so output is reproducible. */
  readonly date: string;
  /** Overrides the creation and modification dates (SOURCE_DATE_EPOCH, for reproducible-build tooling). */
  readonly created?: Date;
  /** Document language, BCP 47. */
  readonly lang?: string;
}

/** PDF standard structure types for our text roles. */
const PDF_ROLE: Record<TextRole, string> = {
  H1: 'H1',
  H2: 'H2',
  P: 'P',
  BlockQuote: 'BlockQuote',
  Caption: 'Caption',
  Credit: 'Caption',
  Byline: 'P',
  Standfirst: 'P',
  Kicker: 'P',
  L: 'P',
  Figure: 'Figure',
};

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;

/** Structure elements of one article, created as its content is first drawn. */
class ArticleStructure {
  private readonly arts = new Map<string, StructElement>();
  private readonly elems = new Map<string, StructElement>();
  constructor(private readonly doc: Doc) {}

  element(tag: ArticleTag, alt?: string): StructElement {
    let art = this.arts.get(tag.article);
    if (!art) {
      art = this.doc.struct('Art');
      this.doc.addStructure(art);
      this.arts.set(tag.article, art);
    }
    const key = `${tag.article}\u0000${tag.block}\u0000${PDF_ROLE[tag.role]}`;
    let el = this.elems.get(key);
    if (!el) {
      el = this.doc.struct(PDF_ROLE[tag.role], alt ? { alt } : {});
      art.add(el);
      this.elems.set(key, el);
    }
    return el;
  }

  end(): void {
    for (const el of this.elems.values()) el.end();
    for (const art of this.arts.values()) art.end();
  }
}

const pdfDate = (iso: string): Date => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`bad edition date ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0));
};

function tagKey(item: FrameItem): string | undefined {
  if (item.kind === 'glyphs' || item.kind === 'image') return item.tag ? `${item.tag.article}/${item.tag.block}/${item.tag.role}` : undefined;
  return undefined;
}

const sameInk = (a: GlyphRun, b: GlyphRun): boolean =>
  a.font === b.font && a.size === b.size && a.color.length === b.color.length && a.color.every((v, i) => v === b.color[i]);

/** How colour and photos are written: overprinting solid black (plant files), and the photos' print renditions. */
interface Ink {
  readonly overprint: Overprint | undefined;
  /** Runs' actual text (a drop cap read with its word) is written as ActualText: tagged files only (PDF 1.5 and up). */
  readonly actualText: boolean;
  readonly printImages: ReadonlyMap<FrameItem, PlacedPrintImage> | undefined;
  /** PDF adverts copied into the document as forms, by file, and how to draw one (loaded only when there are adverts). */
  readonly forms: ReadonlyMap<string, EmbeddedPage>;
  readonly drawForm?: (doc: unknown, form: EmbeddedPage, x: number, y: number, w: number, h: number) => void;
}

/** Draws items[from..to): consecutive glyph runs in one font, size and colour go into one text object. */
function drawItems(doc: Doc, items: readonly FrameItem[], from: number, to: number, images: ImageSet, ink: Ink): void {
  for (let k = from; k < to; ) {
    const item = items[k]!;
    if (item.kind !== 'glyphs') {
      draw(doc, item, images, ink);
      k++;
      continue;
    }
    const group: GlyphRun[] = [item];
    let next = items[k + 1];
    while (k + group.length < to && next?.kind === 'glyphs' && sameInk(item, next)) {
      group.push(next);
      next = items[k + group.length];
    }
    doc.font(item.font).fontSize(item.size).fillColor([...item.color]);
    drawGlyphs(doc, group, ink.overprint && isSolidBlack(item.color) ? ink.overprint.on() : undefined, ink.actualText);
    k += group.length;
  }
}

function draw(doc: Doc, item: Exclude<FrameItem, GlyphRun>, images: ImageSet, ink: Ink): void {
  switch (item.kind) {
    case 'rule':
      doc.save();
      if (ink.overprint && isSolidBlack(item.color)) doc.addContent(ink.overprint.on());
      doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor([...item.color]).stroke().restore();
      return;
    case 'rect':
      doc.save().rect(item.x, item.y, item.w, item.h);
      if (item.fill && item.stroke) doc.lineWidth(item.strokeWidth ?? 0.5).fillAndStroke([...item.fill], [...item.stroke]);
      else if (item.fill) doc.fill([...item.fill]);
      else if (item.stroke) doc.lineWidth(item.strokeWidth ?? 0.5).stroke([...item.stroke]);
      doc.restore();
      return;
    case 'image': {
      const print = ink.printImages?.get(item);
      if (print) {
        // Already cut to what shows and sized for the placement.
        doc.image(print.data, item.x, item.y, { width: item.w, height: item.h });
        return;
      }
      const img = images.get(item.image);
      if (!img) throw new Error(`image ${item.image} not loaded`);
      const scale = item.w / item.crop.width;
      doc.save().rect(item.x, item.y, item.w, item.h).clip();
      doc.image(img.data, item.x - item.crop.left * scale, item.y - item.crop.top * scale, { width: img.widthPx * scale, height: img.heightPx * scale });
      doc.restore();
      return;
    }
    case 'advert': {
      // An image advert is drawn by its image item; a PDF advert's page goes in as vectors, its box on the booking.
      if (!item.pdf) return;
      const form = ink.forms.get(item.file);
      if (!form || !ink.drawForm) throw new Error(`advert ${item.file} was not embedded`);
      ink.drawForm(doc, form, item.x, item.y, item.w, item.h);
      return;
    }
    case 'anchor':
      return;
  }
}

/** Draws one page: tagged runs of an article inside their structure element, everything else as a pagination artifact. */
function drawPage(doc: Doc, page: Page, images: ImageSet, structure: ArticleStructure | undefined, ink: Ink): void {
  const items = page.frame.items.filter((i) => i.kind !== 'anchor');
  if (!structure) {
    // Untagged (PDF/X-1a, PDF 1.3): no marked content at all.
    drawItems(doc, items, 0, items.length, images, ink);
    return;
  }
  let i = 0;
  while (i < items.length) {
    const key = tagKey(items[i]!);
    let j = i + 1;
    while (j < items.length && tagKey(items[j]!) === key) j++;
    const first = items[i]!;
    const tag = (first.kind === 'glyphs' || first.kind === 'image') && first.tag ? first.tag : undefined;
    if (tag) {
      const el = structure.element(tag, first.kind === 'image' ? first.alt : undefined);
      const content = doc.markStructureContent(PDF_ROLE[tag.role]);
      drawItems(doc, items, i, j, images, ink);
      doc.endMarkedContent();
      el.add(content);
    } else {
      doc.markContent('Artifact', { type: 'Pagination' });
      drawItems(doc, items, i, j, images, ink);
      doc.endMarkedContent();
    }
    i = j;
  }
}

/** A photo as the plant gets it: cut to what shows, resampled and converted to the press's CMYK (print-image.ts). */
export interface PlacedPrintImage {
  readonly data: Buffer;
}

export interface PdfOptions {
  /** Page numbers to write (default: all). */
  readonly pages?: readonly number[];
  /** The plant whose PDF/X flavour, output intent and boxes the file follows; none: a plain tagged PDF 1.7 (the galley). */
  readonly plant?: PlantProfile;
  /** A desk proof: 3 mm bleed, crop and registration marks and this slug line outside the trim. Never for the plant. */
  readonly proof?: { readonly slug: (page: Page) => string; readonly font: string };
  /** Print renditions of the placed photos, by image item; photos without one are drawn from their originals. */
  readonly printImages?: ReadonlyMap<FrameItem, PlacedPrintImage>;
  /** PDF adverts' bytes by file: each placed page becomes a form XObject (vectors, fonts and colours kept). */
  readonly adverts?: ReadonlyMap<string, Uint8Array>;
}

/**
 * Writes the edition as one PDF. The same layout, fonts, images and meta give
 * byte-identical output: dates come from the edition and the file ID from them.
 * With a plant, the file is PDF/X as the plant asks (X-1a:2001: PDF 1.3, untagged;
 * PDF 1.6, tagged), with its output intent, TrimBox and BleedBox, and solid
 * black text and rules overprinting.
 */
export async function writePdf(layout: EditionLayout, fonts: FontSet, images: ImageSet, meta: PdfMeta, options: PdfOptions = {}): Promise<Buffer> {
  const pages = options.pages ?? layout.pages.map((p) => p.number);
  const written = layout.pages.filter((p) => pages.includes(p.number));
  const pdf = await openPdf(fonts, images, meta, options, written);
  for (const page of written) pdf.addPage(page);
  return pdf.end(pages);
}

/**
 * A PDF being written page by page (writePdf, in steps): `addPage` draws a page as soon as it is laid out, so a long
 * galley's glyphs need not all be kept until the file is written, and `end` finishes the file. `formPages` are the
 * pages to be added that place PDF adverts (or all of them): each advert's page is copied in once, before the first
 * page is drawn; a page with a PDF advert not among them fails to draw.
 */
export async function openPdf(fonts: FontSet, images: ImageSet, meta: PdfMeta, options: PdfOptions = {}, formPages: readonly Page[] = []): Promise<PdfWriter> {
  const { plant } = options;
  const date = meta.created ?? pdfDate(meta.date);
  const flavour = flavourOptions(plant);
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    tagged: flavour.tagged,
    ...(flavour.tagged ? { lang: meta.lang ?? 'en-GB', displayTitle: true } : {}),
    pdfVersion: flavour.pdfVersion,
    // No default font: PDFKit would load Helvetica's metrics for nothing (every run selects its own embedded font).
    font: null as unknown as string,
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: 'newsprint',
      Producer: 'newsprint with PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // The XMP packet is written when the file ends: its document id (from the pages written) is filled in then.
  const ids = { id: '' };
  writeInfoDirect(doc as unknown as XDoc);
  if (plant) makePdfx(doc as unknown as XDoc, plant, ids);
  else useOwnXmp(doc as unknown as XDoc, ids);
  // PDFKit takes the fontkit font layout already opened (PDFKit 0.20 accepts one): the file is not read and its
  // tables not decoded a second time, and the glyphs layout used are the ones embedded.
  for (const face of fonts.values()) doc.registerFont(face.id, face.font as unknown as Buffer);
  const structure = flavour.tagged ? new ArticleStructure(doc) : undefined;
  // The adverts' pages, copied in once each, in the order the pages place them.
  const forms = new Map<string, EmbeddedPage>();
  // The PDF reader behind form XObjects (pdf-lib) loads only for pages with PDF adverts: a galley starts without it.
  const hasForms = formPages.some((p) => p.frame.items.some((i) => i.kind === 'advert' && i.pdf));
  const formXObject = hasForms ? await import('./form-xobject.js') : undefined;
  for (const page of formPages) {
    for (const item of page.frame.items) {
      if (item.kind !== 'advert' || !item.pdf || forms.has(item.file)) continue;
      const bytes = options.adverts?.get(item.file);
      if (!bytes) throw new Error(`advert ${item.file} was not loaded`);
      forms.set(item.file, await formXObject!.embedPdfPage(doc, bytes, 0, { file: item.file, keepGroup: flavour.tagged }));
    }
  }
  const ink: Ink = { overprint: plant ? new Overprint(doc as unknown as XDoc) : undefined, actualText: structure !== undefined, printImages: options.printImages, forms, ...(formXObject ? { drawForm: formXObject.drawPdfPage } : {}) };
  return new PdfWriter(doc, images, options, structure, ink, ids, done, meta);
}

export class PdfWriter {
  private readonly numbers: number[] = [];
  constructor(
    private readonly doc: Doc,
    private readonly images: ImageSet,
    private readonly options: PdfOptions,
    private readonly structure: ArticleStructure | undefined,
    private readonly ink: Ink,
    private readonly ids: { id: string },
    private readonly done: Promise<Buffer>,
    private readonly meta: PdfMeta,
  ) {}

  /** Draws `page` as the file's next page. */
  addPage(page: Page): void {
    const { doc, options } = this;
    const { plant, proof } = options;
    this.numbers.push(page.number);
    const bleed = proof ? PROOF_BLEED : (plant?.bleed ?? 0);
    const offset = proof ? PROOF_BLEED + PROOF_MARGIN : bleed;
    const media = { w: page.width + 2 * offset, h: page.height + 2 * offset };
    doc.addPage({ size: [media.w, media.h], margin: 0 });
    // PDF boxes are y-up from the MediaBox's bottom-left; the trim sits `offset` in from every side.
    const trim = [offset, offset, offset + page.width, offset + page.height];
    const bleedBox = [offset - bleed, offset - bleed, offset + page.width + bleed, offset + page.height + bleed];
    const dict = doc.page.dictionary.data as Record<string, unknown>;
    dict['TrimBox'] = trim;
    dict['BleedBox'] = bleedBox;
    // PDFKit writes /UserUnit 1 (the default) on every page; the key is PDF 1.6, too new for a PDF 1.3 (X-1a) file.
    if ((doc as unknown as { version: number }).version < 1.6) delete dict['UserUnit'];
    if (offset > 0) doc.save().translate(offset, offset);
    drawPage(doc, page, this.images, this.structure, this.ink);
    if (offset > 0) doc.restore();
    if (proof) drawProofMarks(doc, { trimX: offset, trimY: offset, w: page.width, h: page.height, slug: proof.slug(page), font: proof.font });
  }

  /**
   * Finishes the file and gives its bytes. The document id is made from the meta, the plant and the page numbers
   * (`pages`, default the numbers of the pages added), so the same inputs give the same file.
   */
  end(pages: readonly number[] = this.numbers): Promise<Buffer> {
    const plant = this.options.plant;
    this.ids.id = documentId([this.meta.title, this.meta.date, plant?.name ?? '', plant?.pdfx ?? '', pages.join(',')]);
    this.structure?.end();
    tagSubsets(this.doc as unknown as TagDoc);
    this.doc.end();
    return this.done;
  }
}
