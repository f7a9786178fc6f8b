// A page of another PDF (an advertiser's PDF/X-1a) placed as vectors in our PDFKit output: copied in as a Form XObject.
//
// Approach: PDFKit cannot import PDF pages, and its document is a stream of objects written as they end, so the
// page is copied object by object into PDFKit's own object table rather than merged with another library's writer.
// @cantoo/pdf-lib parses the source (xref tables and streams, object streams, inherited page attributes); we walk
// everything the page's /Resources and /Contents reach and write each indirect object once through `doc.ref()`:
// fonts with their font files, colour spaces, ICC streams, images, ExtGStates, patterns, shadings, nested forms.
// Streams keep their bytes and /Filter and /DecodeParms exactly as in the source (PDFKit is told not to compress
// them again, and writes /Length itself); only the page's content streams are decoded, and only when the page has
// more than one, since a form has one content stream. Names, strings and numbers are written as the source spells
// them (PDFKit would write a JS string as a name without escaping it). The walk never enters a page, the page tree,
// the catalog or an output intent, so the advert's own OutputIntent and ICC profile stay out of our file (we have
// ours); a page-level /Group (transparency group) is dropped by default (PDF/X-1a allows none) and reported.
// The walk is breadth-first in the order the source's dictionaries list their keys: the same bytes give the same
// objects in the same order, so our output stays byte-identical from run to run.
import { createHash } from 'node:crypto';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { fail } from '../../core/index.js';

/** One PDFKit object (PDFReference, 0.20): data written as its dictionary, bytes as its stream. */
export interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array | string): void;
  end(): void;
}

/** The parts of PDFKit's document (0.20) used here. */
interface FormDoc {
  readonly compress: boolean;
  readonly _security?: unknown;
  readonly page: { readonly xobjects: Record<string, unknown> };
  ref(data?: Record<string, unknown>): PdfRef;
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  addContent(s: string): unknown;
}

/** A rectangle in PDF user space, y up, normalised so that x0 ≤ x1 and y0 ≤ y1. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A source page copied into the document, ready to be drawn on any page any number of times. */
export interface EmbeddedPage {
  /** Resource name under which pages name the form (`Fx1`, `Fx2`… in the order pages are embedded). */
  readonly name: string;
  /** The Form XObject. */
  readonly ref: PdfRef;
  /** Size of the form's box (the source's TrimBox, else CropBox, else MediaBox, turned by its /Rotate), points. */
  readonly width: number;
  readonly height: number;
  /** That box in the form's outer space (BBox through the form's Matrix): what drawPdfPage maps onto its target. */
  readonly box: Box;
  /** Which of TrimBox, CropBox and MediaBox gave the BBox. */
  readonly boxFrom: 'TrimBox' | 'CropBox' | 'MediaBox';
  /** Page-level entries not placed (a transparency group, annotations, the page's own metadata), and objects left out. */
  readonly dropped: readonly string[];
  /** Indirect objects copied (the form itself not counted). */
  readonly objects: number;
}

export interface EmbedOptions {
  /**
   * Keep a page-level transparency group (/Group) as the form's group. Default false: PDF/X-1a (PDF 1.3) allows no
   * transparency, so it is dropped and reported in `dropped`; a PDF/X-4 writer may keep it.
   */
  readonly keepGroup?: boolean;
}

/** A token PDFKit writes as it is (its `PDFObject.convert` ends with `${object}` for anything it does not know). */
class PdfToken {
  constructor(private readonly text: string) {}
  // Without its own tag PDFKit would take the object for a dictionary ('[object Object]') and write its fields.
  get [Symbol.toStringTag](): string {
    return 'PdfToken';
  }
  toString(): string {
    return this.text;
  }
}

/** Objects of these types belong to the source document, not to the page's appearance: never copied. */
const FOREIGN_TYPES = new Set(['Catalog', 'Pages', 'Page', 'OutputIntent']);
/** Keys that tie an object to the source's structure tree; meaningless (and dangling) in ours. */
const FOREIGN_KEYS = new Set(['StructParent', 'StructParents']);

/** Pages already embedded in a document, by source hash and page index, and its form counter: each page copied once. */
const embedded = new WeakMap<object, { count: number; pages: Map<string, EmbeddedPage> }>();

/**
 * Copies page `pageIndex` (0-based) of a PDF into the PDFKit document as a Form XObject. Parsing is asynchronous
 * (pdf-lib's parser); call before or while drawing pages, then drawPdfPage on every page it appears on. The same
 * bytes and page embedded twice in one document give the same form. A file pdf-lib cannot read, an encrypted
 * file or a page that does not exist is a UserError naming `file`.
 */
export async function embedPdfPage(doc: unknown, bytes: Uint8Array, pageIndex = 0, options: EmbedOptions & { file?: string } = {}): Promise<EmbeddedPage> {
  const file = options.file ?? 'the PDF';
  const key = `${createHash('sha256').update(bytes).digest('hex')}:${pageIndex}:${options.keepGroup ? 'g' : ''}`;
  const known = embedded.get(doc as object)?.pages.get(key);
  if (known) return known;
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch (e) {
    return fail('advert/unreadable', `${file} cannot be read as a PDF: ${(e as Error).message}`);
  }
  return embedLoadedPage(doc, pdf, pageIndex, { ...options, file, key });
}

/** embedPdfPage for a document pdf-lib has already parsed: synchronous, for callers that load their PDFs first. */
export function embedLoadedPage(doc: unknown, pdf: PDFDocument, pageIndex = 0, options: EmbedOptions & { file?: string; key?: string } = {}): EmbeddedPage {
  const d = doc as FormDoc;
  const file = options.file ?? 'the PDF';
  if (d._security) throw new Error('embedLoadedPage: an encrypted output document would need every copied string encrypted; not supported');
  if (pdf.context.trailerInfo.Encrypt) fail('advert/encrypted', `${file} is encrypted: its page cannot be placed`, undefined, ['ask the advertiser for an unencrypted PDF/X file']);
  let count = 0;
  try {
    count = pdf.getPageCount();
  } catch (e) {
    fail('advert/unreadable', `${file} cannot be read as a PDF: no page tree (${(e as Error).message})`);
  }
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= count) {
    fail('advert/no-page', `${file} has ${count} page${count === 1 ? '' : 's'}; there is no page ${pageIndex + 1}`);
  }
  let state = embedded.get(d);
  if (!state) embedded.set(d, (state = { count: 0, pages: new Map() }));
  const known = options.key ? state.pages.get(options.key) : undefined;
  if (known) return known;

  // 1. The page: its boxes, rotation, resources and content, with inherited attributes looked up the page tree.
  const node = pdf.getPage(pageIndex).node;
  const inherited = (k: string) => {
    const v = node.getInheritableAttribute(PDFName.of(k));
    return v ? pdf.context.lookup(v) : undefined;
  };
  const own = (k: string) => node.lookup(PDFName.of(k));
  const trim = boxOf(own('TrimBox'));
  const crop = boxOf(inherited('CropBox'));
  const media = boxOf(inherited('MediaBox')) ?? { x0: 0, y0: 0, x1: 612, y1: 792 };
  const [bbox, boxFrom] = trim ? [trim, 'TrimBox' as const] : crop ? [crop, 'CropBox' as const] : [media, 'MediaBox' as const];
  const rotate = (((numberOf(inherited('Rotate')) ?? 0) % 360) + 360) % 360;
  const matrix = ROTATIONS[rotate] ?? ROTATIONS[0]!;
  const dropped: string[] = [];

  // 2. The form: everything the resources reach is copied once, in the order first met.
  const copier = new Copier(d, pdf);
  const form: Record<string, unknown> = {
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [bbox.x0, bbox.y0, bbox.x1, bbox.y1],
    ...(rotate ? { Matrix: [...matrix] } : {}),
  };
  const resources = node.getInheritableAttribute(PDFName.of('Resources'));
  form['Resources'] = resources ? copier.value(resources) : {};
  const group = own('Group');
  if (group) {
    if (options.keepGroup) form['Group'] = copier.value(node.get(PDFName.of('Group'))!);
    else dropped.push('Group (a page transparency group: none in PDF/X-1a)');
  }
  const annots = own('Annots');
  if (annots instanceof PDFArray && annots.size() > 0) dropped.push('Annots (annotations are not part of the printed page)');
  const ref = d.ref(form);
  writeContent(ref, node.get(PDFName.of('Contents')), pdf, copier, d.compress, file);
  copier.drain();
  ref.end();

  // 3. Its name and size.
  const box = transformBox(matrix, bbox);
  const result: EmbeddedPage = {
    name: `Fx${++state.count}`,
    ref,
    width: box.x1 - box.x0,
    height: box.y1 - box.y0,
    box,
    boxFrom,
    dropped: [...dropped, ...copier.skipped],
    objects: copier.copied,
  };
  if (options.key) state.pages.set(options.key, result);
  return result;
}

/**
 * Draws an embedded page so that its box fills the rectangle x, y, w, h — PDFKit's coordinates, as the rest of the
 * exporter draws (x from the left, y from the top of the page, after any transform in force) — and names the form
 * in the current page's resources. A box of another shape is stretched to fit: callers pass the booked size.
 */
export function drawPdfPage(doc: unknown, form: EmbeddedPage, x: number, y: number, w: number, h: number): void {
  const d = doc as FormDoc;
  const { box } = form;
  const sx = w / (box.x1 - box.x0);
  const sy = h / (box.y1 - box.y0);
  if (!(Number.isFinite(sx) && Number.isFinite(sy) && sx > 0 && sy > 0)) throw new Error(`drawPdfPage: cannot place ${form.name} in ${w} × ${h} pt`);
  d.page.xobjects[form.name] = form.ref;
  // PDFKit's user space is y down (its page starts with a 1 0 0 −1 0 H cm), the form's y up: flip, so that the box's
  // bottom-left (x0, y0) lands at (x, y + h) and its top-right (x1, y1) at (x + w, y).
  d.save();
  d.transform(sx, 0, 0, -sy, x - sx * box.x0, y + h + sy * box.y0);
  d.addContent(`/${form.name} Do`);
  d.restore();
}

/** Form matrices for /Rotate 0, 90, 180, 270 (the page turned clockwise as a viewer shows it). */
const ROTATIONS: Record<number, readonly [number, number, number, number, number, number]> = {
  0: [1, 0, 0, 1, 0, 0],
  90: [0, -1, 1, 0, 0, 0],
  180: [-1, 0, 0, -1, 0, 0],
  270: [0, 1, -1, 0, 0, 0],
};

function transformBox(m: readonly number[], b: Box): Box {
  const pts = [[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1]].map(([u, v]) => [m[0]! * u! + m[2]! * v! + m[4]!, m[1]! * u! + m[3]! * v! + m[5]!]);
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Copies indirect objects breadth-first: each source object becomes one PDFKit object, ended once its value is written. */
class Copier {
  private readonly refs = new Map<string, PdfRef | null>();
  private readonly queue: [PDFRef, PdfRef][] = [];
  readonly skipped: string[] = [];
  copied = 0;

  constructor(private readonly doc: FormDoc, private readonly pdf: PDFDocument) {}

  /** A source value as PDFKit data; references become (allocated, not yet written) PDFKit objects. */
  value(o: PDFObject): unknown {
    if (o instanceof PDFRef) return this.ref(o);
    if (o instanceof PDFDict) return this.dict(o);
    if (o instanceof PDFArray) return o.asArray().map((v) => this.value(v));
    if (o instanceof PDFName) return new PdfToken(o.asString());
    if (o instanceof PDFNumber) return new PdfToken(o.toString());
    if (o instanceof PDFString || o instanceof PDFHexString) return new PdfToken(o.toString());
    if (o instanceof PDFBool) return o.asBoolean();
    if (o === PDFNull) return null;
    if (o instanceof PDFRawStream) throw new Error('a stream met as a direct object');
    return null; // PDFInvalidObject: what pdf-lib could not parse (throwOnInvalidObject: false)
  }

  private dict(o: PDFDict): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of o.entries()) {
      const name = k.asString().slice(1);
      if (FOREIGN_KEYS.has(k.decodeText())) continue;
      out[name] = this.value(v);
    }
    return out;
  }

  private ref(r: PDFRef): PdfRef | null {
    const key = `${r.objectNumber} ${r.generationNumber}`;
    if (this.refs.has(key)) return this.refs.get(key)!;
    const target = this.pdf.context.lookup(r);
    const type = target instanceof PDFDict || target instanceof PDFRawStream ? nameOf((target instanceof PDFRawStream ? target.dict : target).lookup(PDFName.of('Type'))) : undefined;
    if (target === undefined || (type && FOREIGN_TYPES.has(type))) {
      this.refs.set(key, null);
      if (type) this.skipped.push(`a reference to the source's ${type} (written as null)`);
      return null;
    }
    const out = this.doc.ref();
    this.refs.set(key, out);
    this.queue.push([r, out]);
    return out;
  }

  /** Writes and ends every object allocated so far, and those they reach. */
  drain(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const [r, out] = this.queue[i]!;
      const target = this.pdf.context.lookup(r)!;
      if (target instanceof PDFRawStream) {
        const data = this.dict(target.dict);
        delete data['Length']; // PDFKit counts the bytes itself
        out.data = data;
        out.compress = false; // as filtered in the source, or not at all
        writeStreamBytes(out, target.contents);
      } else if (target instanceof PDFDict) {
        out.data = this.dict(target);
      } else {
        // A number, array, name… as an object of its own: PDFKit writes any data value.
        (out as unknown as { data: unknown }).data = this.value(target);
      }
      out.end();
      this.copied++;
    }
    this.queue.length = 0;
  }
}

/**
 * Stream bytes through PDFKit. PDFKit writes no `stream … endstream` for an empty buffer, so an empty stream
 * becomes one newline with its filters removed (an empty stream decodes to nothing whatever its filter).
 */
function writeStreamBytes(out: PdfRef, bytes: Uint8Array): void {
  if (bytes.length > 0) {
    out.write(bytes);
    return;
  }
  delete out.data['Filter'];
  delete out.data['DecodeParms'];
  out.write(new Uint8Array([0x0a]));
}

/**
 * The form's one content stream: a single source stream is copied raw with its filters; an array of streams is
 * decoded and joined with newlines (content may be split between any two tokens), then compressed as the
 * document compresses.
 */
function writeContent(form: PdfRef, contents: PDFObject | undefined, pdf: PDFDocument, copier: Copier, compress: boolean, file: string): void {
  const target = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
  if (target instanceof PDFRawStream) {
    const dict = target.dict;
    const filter = dict.lookup(PDFName.of('Filter'));
    const parms = dict.lookup(PDFName.of('DecodeParms'));
    if (filter) form.data['Filter'] = copier.value(filter);
    if (parms) form.data['DecodeParms'] = copier.value(parms);
    form.compress = false;
    writeStreamBytes(form, target.contents);
    return;
  }
  const parts = target instanceof PDFArray ? target.asArray().map((p) => pdf.context.lookup(p)) : [];
  const decoded: Uint8Array[] = [];
  for (const p of parts) {
    if (!(p instanceof PDFRawStream)) continue;
    try {
      decoded.push(decodePDFRawStream(p).decode(), new Uint8Array([0x0a]));
    } catch (e) {
      fail('advert/content', `${file}: a content stream of the page cannot be decoded: ${(e as Error).message}`);
    }
  }
  form.compress = compress;
  form.write(decoded.length ? concat(decoded) : new Uint8Array([0x0a]));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const numberOf = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber ? o.asNumber() : undefined);
const nameOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFName ? o.decodeText() : undefined);

function boxOf(o: PDFObject | undefined): Box | undefined {
  if (!(o instanceof PDFArray) || o.size() !== 4) return undefined;
  const n = o.asArray().map((v) => numberOf(v instanceof PDFRef ? undefined : v));
  if (!n.every((v): v is number => v !== undefined)) return undefined;
  const [a, b, c, d] = n as [number, number, number, number];
  return { x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) };
}
