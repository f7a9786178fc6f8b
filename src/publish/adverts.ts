// Booked adverts, read before layout: each file checked against its booking, PDFs kept as bytes for the plant file
// (placed there as vectors) and rendered once by pdf.js for the e-edition; image adverts load as photos do.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Diagnostic, ImageAsset, Span } from '../core/index.js';
import { inputLimits } from '../ingest/limits.js';
import { advertRasterId, fail } from '../core/index.js';
import { bookedSize } from '../preflight/advert.js';
import type { PlantProfile } from '../plant/index.js';
import type { MarkupElement } from '../template/index.js';
import { attr, isElement } from '../template/index.js';

/** An advert a page books, with its size and where it was booked. */
export interface AdvertRequest {
  readonly file: string;
  readonly columns: number;
  /** Depth, points. */
  readonly depth: number;
  readonly src: Span;
}

/** Image adverts are loaded and converted as photos are; anything else must be a PDF. */
export const IMAGE_ADVERT = /\.(jpe?g|png|tiff?)$/i;


/** Every advert the pages' markup books. */
export function advertRequests(el: MarkupElement): AdvertRequest[] {
  const own = el.kind === 'advert' ? [{ file: attr.str(el, 'file')!, columns: attr.num(el, 'span')!, depth: attr.num(el, 'depth')!, src: el.copy ?? el.src }] : [];
  return own.concat(el.children.filter(isElement).flatMap(advertRequests));
}

/** How far an advert may differ from its booking, points (1 mm: what a plant's own preflight allows). */
const SIZE_TOLERANCE = (1 * 72) / 25.4;
/** Resolution of the e-edition's rendering of a PDF advert: the zoom rendition's (3000 px across 280 mm ≈ 272 ppi). */
const RASTER_DPI = 300;

const mm = (pt: number) => ((pt * 25.4) / 72).toFixed(1);

/** A booking as the flatplan writes it: `3x9cm`, or `2x45mm` when the depth is not whole centimetres. */
export function bookingText(r: { readonly columns: number; readonly depth: number }): string {
  const depth = Math.round((r.depth * 25.4) / 72);
  return depth % 10 === 0 ? `${r.columns}x${depth / 10}cm` : `${r.columns}x${depth}mm`;
}

/** The booking's size on the plant's grid (preflight's own reckoning: more columns than the plant has is an error). */
const booked = (r: AdvertRequest, plant: PlantProfile) => bookedSize({ columns: r.columns, depth: r.depth, text: bookingText(r) }, plant, r.src);

export interface LoadedAdverts {
  /** PDF adverts' bytes by file, for the plant files. */
  readonly pdfs: Map<string, Uint8Array>;
  /** Their e-edition renderings, keyed by advertRasterId(file). */
  readonly rasters: ImageAsset[];
  /** Warnings for the report: a PDF of more than one page, of which the first is placed. */
  readonly warnings: Diagnostic[];
}

/**
 * Reads the PDF adverts and checks each against its booking on the plant's grid: a missing or unreadable file, or a
 * trim (else media) box other than the booked columns × depth, is an error naming the file and the booking. Image
 * adverts are checked by shape in checkImageAdverts once loaded.
 */
export async function loadPdfAdverts(requests: readonly AdvertRequest[], plant: PlantProfile): Promise<LoadedAdverts> {
  const pdfs = new Map<string, Uint8Array>();
  const rasters: ImageAsset[] = [];
  const warnings: Diagnostic[] = [];
  // Every advert file, PDF or image, is held to the size limit before a byte of it is read.
  const limit = inputLimits().advertBytes;
  for (const r of requests) {
    const bytes = existsSync(r.file) ? statSync(r.file).size : 0;
    if (bytes > limit) {
      const size = (n: number) => (n >= 1e6 ? `${(n / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(n / 1000).toLocaleString('en-GB')} KB`);
      fail('advert/too-large', `advert ${r.file} (booked ${bookingText(r)}) is ${size(bytes)}, more than the ${size(limit)} an advert file may be`, r.src,
        ['a full-page PDF/X-1a advert is 10–20 MB: ask the advertiser for a smaller file, or build with --max-advert-mb N to allow more']);
    }
  }
  const todo = requests.filter((r) => !IMAGE_ADVERT.test(r.file));
  if (todo.length === 0) return { pdfs, rasters, warnings };
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  for (const r of todo) {
    const booking = bookingText(r);
    if (!existsSync(r.file)) fail('advert/missing', `advert not found: ${r.file}`, r.src, ['advert paths are relative to the edition file']);
    const bytes = new Uint8Array(readFileSync(r.file));
    if (!pdfs.has(r.file)) {
      let trim: Box;
      const unreadable = (why: string): never =>
        fail('advert/unreadable', `advert ${r.file} (booked ${booking}) cannot be read as a PDF: ${why}`, r.src, ['ask the advertiser for the file again; advertisers send PDF/X-1a, and JPEG, PNG and TIFF adverts are taken too']);
      const damage = pdfDamage(bytes);
      if (damage) unreadable(damage);
      try {
        const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
        trim = doc.getPage(0).getTrimBox();
        const count = doc.getPageCount();
        if (count > 1) {
          warnings.push({ severity: 'warning', code: 'advert/pages', message: `advert ${r.file} (booked ${booking}) has ${count} pages: its first is placed, and the other ${count - 1} are not printed`, span: r.src, hints: ['an advert is one page: check that the first is the one booked, and ask the advertiser for that page alone'] });
        }
      } catch (e) {
        return unreadable(plainReason(e));
      }
      const size = booked(r, plant);
      const w = size.width;
      if (Math.abs(trim.width - w) > SIZE_TOLERANCE || Math.abs(trim.height - r.depth) > SIZE_TOLERANCE) {
        fail('advert/size', `advert ${r.file} is ${mm(trim.width)} × ${mm(trim.height)} mm, but its booking ${booking} is ${mm(w)} × ${mm(r.depth)} mm`, r.src, [
          `columns on this plant (${plant.name}) are ${mm(size.columnWidth)} mm with ${mm(size.gutter)} mm gutters; book the advert's own size, or ask for it at the booked one`,
          otherPlant(plant),
        ]);
      }
      pdfs.set(r.file, bytes);
      rasters.push(await renderPdfAdvert(r.file, bytes, trim, r.src));
    }
  }
  return { pdfs, rasters, warnings };
}

/** An image advert must have its booking's shape (within 2 %): it is placed whole, never cropped. */
export function checkImageAdverts(requests: readonly AdvertRequest[], images: ReadonlyMap<string, ImageAsset>, plant: PlantProfile): void {
  for (const r of requests.filter((q) => IMAGE_ADVERT.test(q.file))) {
    const img = images.get(r.file);
    if (!img) continue;
    const w = booked(r, plant).width;
    const want = w / r.depth;
    const got = img.widthPx / img.heightPx;
    if (Math.abs(got / want - 1) > 0.02) {
      fail('advert/size', `advert ${r.file} is ${img.widthPx} × ${img.heightPx} px, the shape of ${mm(r.depth * got)} × ${mm(r.depth)} mm, not its booking ${bookingText(r)} (${mm(w)} × ${mm(r.depth)} mm on plant ${plant.name})`, r.src, ['image adverts are placed whole, never cropped: send it at the booked shape', otherPlant(plant)]);
    }
  }
}

/**
 * The hint for an advert the wrong size: bookings are columns of the plant's grid, so an edition planned for another
 * plant (examples/editions/berliner.yaml) has every advert the wrong width on this one.
 */
const otherPlant = (plant: PlantProfile): string =>
  `if the edition was planned for another plant, build it with that plant's --plant (this build is for ${plant.name})`;

/** A PDF box, points, y up. */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Renderings made in this process, by file and content: a long-running caller (the preview) lays the edition out
 * again on every save, and an advert that has not changed is not rendered again. At most RENDERED_KEPT are kept.
 */
const rendered = new Map<string, Promise<ImageAsset>>();
const RENDERED_KEPT = 64;

/** The first page of a PDF advert rendered by pdf.js for the e-edition (its trim box, RASTER_DPI), as a PNG asset. */
function renderPdfAdvert(file: string, bytes: Uint8Array, trim: Box, src: Span): Promise<ImageAsset> {
  const key = `${file}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
  let r = rendered.get(key);
  if (!r) {
    r = renderPdfAdvertAnew(file, bytes, trim, src);
    rendered.set(key, r);
    // A failure is not kept: the next build reports it again (and tries again).
    r.catch(() => rendered.delete(key));
    if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  }
  return r;
}

async function renderPdfAdvertAnew(file: string, bytes: Uint8Array, trim: Box, src: Span): Promise<ImageAsset> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { default: sharp } = await import('sharp');
  try {
    const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: RASTER_DPI / 72 });
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(type: string): Buffer }; context: unknown } } }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    // Cut to the trim box: pdf.js renders the page's view (its crop box, which may hold bleed), y down.
    const [vx0, , , vy1] = page.view as [number, number, number, number];
    const k = RASTER_DPI / 72;
    const full = canvas.toBuffer('image/png');
    await doc.destroy();
    const meta = await sharp(full).metadata();
    const left = Math.max(0, Math.round((trim.x - vx0) * k));
    const top = Math.max(0, Math.round((vy1 - (trim.y + trim.height)) * k));
    const width = Math.min(meta.width! - left, Math.round(trim.width * k));
    const height = Math.min(meta.height! - top, Math.round(trim.height * k));
    const data = await sharp(full).extract({ left, top, width, height }).flatten({ background: '#ffffff' }).png().toBuffer();
    return { id: advertRasterId(file), file, widthPx: width, heightPx: height, data, format: 'png' };
  } catch (e) {
    return fail('advert/unreadable', `advert ${file} cannot be rendered for the e-edition: ${plainReason(e)}`, src, ['ask the advertiser for the file again']);
  }
}

/** What is plainly wrong with a file given as a PDF, before any parser reads it: not a PDF, or cut short. */
function pdfDamage(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return 'it is not a PDF (it does not begin with %PDF-)';
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) return 'the file is cut short (it does not end with %%EOF): it was not sent or saved whole';
  return undefined;
}

/**
 * A PDF parser's complaint in the advertiser's terms: the parser's own words where they describe the file ("Invalid
 * PDF structure"), never a JavaScript internal ("Cannot read properties of undefined").
 */
function plainReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError || /undefined|null|instance of|is not a function/i.test(message)) return 'the file is damaged: its pages cannot be found';
  return `the file is damaged (${message.replace(/\.$/, '')})`;
}
