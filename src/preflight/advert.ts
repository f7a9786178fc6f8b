// Adverts against their booking: the size booked on the plant's column grid (`3x9cm`), then the plant's own checks
// (a PDF's colour, fonts, ink…; a picture's resolution, colour model and ink).
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { fail, toMm, type Span } from '../core/index.js';
import { plantGeometry, type PlantProfile } from '../plant/profile.js';
import { boxResample, INK_DPI } from './images.js';
import { preflightPdf, type Finding, type PreflightResult } from './index.js';
import { rectOf, type Rect } from './objects.js';

/** An advert's booking: whole columns of the plant's grid, and a depth. */
export interface AdSize {
  readonly columns: number;
  /** Depth, points. */
  readonly depth: number;
  /** As booked, normalised: `3x9cm`, `2x100mm`. */
  readonly text: string;
}

/** The booking on one plant: its size in points, and the grid it was worked out from. */
export interface BookedSize {
  readonly booking: AdSize;
  readonly width: number;
  readonly height: number;
  readonly columnWidth: number;
  readonly gutter: number;
}

/** What checkAdvert found: the plant's findings for the file, the booking's, and what the file is. */
export interface AdvertResult extends PreflightResult {
  readonly booking: { readonly text: string; readonly columns: number; readonly widthMm: number; readonly depthMm: number };
  readonly format: 'pdf' | 'jpeg' | 'png' | 'tiff';
}

/**
 * How far an advert may be from its booked width and depth: 1 mm. Studios round to whole or half millimetres and
 * some tools work in points or picas (3 columns = 152 mm = 430.87 pt); a miss larger than that is a wrong size,
 * and shows as a gap or an overlap against the next advert or the column rule.
 */
export const AD_TOLERANCE_MM = 1;
const PT_PER_INCH = 72;

const BOOKING = /^\s*(\d{1,2})\s*[x×X]\s*(\d+(?:\.\d+)?)\s*(cm|mm)\s*$/;

/**
 * Parses an advert booking: whole columns, `x` (or `×`), and a depth in cm or mm — `5x12cm`, `2x100mm`, `3×9cm`,
 * `1 x 4.5 cm`. Anything else is a UserError (code `advert/booking`) at `span` if given; the number of columns is
 * checked against a plant by bookedSize.
 */
export function parseAdSize(text: string, span?: Span): AdSize {
  const m = BOOKING.exec(text);
  const hints = ['columns, then x, then the depth in cm or mm: 5x12cm, 2x100mm, 3×9cm'];
  if (!m) return fail('advert/booking', `advert size “${text}” is not a booking such as 3x9cm`, span, hints);
  const columns = Number(m[1]);
  const value = Number(m[2]);
  const unit = m[3] as 'cm' | 'mm';
  const depthMm = unit === 'cm' ? value * 10 : value;
  if (columns < 1) fail('advert/booking', `advert size “${text}”: an advert is at least 1 column wide`, span, hints);
  if (!(depthMm > 0)) fail('advert/booking', `advert size “${text}”: the depth must be more than 0`, span, hints);
  return { columns, depth: depthMm * (72 / 25.4), text: `${columns}x${m[2]}${unit}` };
}

/**
 * The booked size on the plant's grid: N columns are N × column + (N − 1) × gutter wide, the column being
 * (page width − inner − outer margins − gutters) ÷ columns (plantGeometry). More columns than the plant has, or a
 * depth beyond its type area, is a UserError naming the booking.
 */
export function bookedSize(booking: AdSize, plant: PlantProfile, span?: Span): BookedSize {
  const g = plantGeometry(plant);
  const columnWidth = (g.width - g.margin.inner - g.margin.outer - g.gutter * (g.columns - 1)) / g.columns;
  const typeDepth = g.height - g.margin.top - g.margin.bottom;
  if (booking.columns > g.columns) {
    fail('advert/booking', `advert booked ${booking.text}, but plant “${plant.name}” has ${g.columns} columns`, span, [`book at most ${g.columns} columns`]);
  }
  if (booking.depth > typeDepth + 1e-6) {
    fail('advert/booking', `advert booked ${booking.text}, deeper than plant “${plant.name}”’s type area (${mmText(typeDepth)})`, span);
  }
  return { booking, width: booking.columns * columnWidth + (booking.columns - 1) * g.gutter, height: booking.depth, columnWidth, gutter: g.gutter };
}

/** Codes of preflightPdf about the page itself, which for an advert is its booking's business, not the plant's page. */
const PAGE_CODES = new Set(['preflight/trim-size', 'preflight/no-trimbox', 'preflight/bleed']);

/**
 * Checks an advert against its booking on a plant. A PDF: the TrimBox (else the MediaBox) of each page must be the
 * booked width and depth within AD_TOLERANCE_MM, then every check of preflightPdf except the page size and bleed
 * (an advert is placed on a page; its bleed is cut off). A JPEG, PNG or TIFF: its proportions must be the booking's
 * within the tolerance, its pixels enough for the plant's minimum resolution at the booked size (else an error),
 * RGB a warning (the pipeline converts it), and its ink within the plant's limit at 150 dpi. Anything else, or an
 * unreadable file, is a UserError naming `file`.
 */
export async function checkAdvert(bytes: Uint8Array, file: string, booking: AdSize, plant: PlantProfile): Promise<AdvertResult> {
  const size = bookedSize(booking, plant);
  const summary = { text: booking.text, columns: booking.columns, widthMm: round1(toMm(size.width)), depthMm: round1(toMm(size.height)) };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) {
    const result = await preflightPdf(bytes, file, plant);
    // A file not read at all has its one finding; one read in part is measured as far as pdf-lib reads its pages.
    const boxes = result.checked === 'none' ? [] : await pageBoxes(bytes).catch(() => []);
    const findings = result.findings.filter((f) => !PAGE_CODES.has(f.code));
    boxes.forEach((b, i) => findings.push(...sizeFindings(file, size, plant, b.trim ?? b.media, b.trim ? 'TrimBox' : 'MediaBox', i + 1)));
    if (boxes.length > 1) findings.push({ severity: 'warning', code: 'preflight/ad-pages', message: `${boxes.length} pages: an advert is one page; page 1 is the one placed` });
    return { ...result, findings: sortFindings(findings), booking: summary, format: 'pdf' };
  }
  return checkPicture(bytes, file, size, plant, summary);
}

/** A JPEG, PNG or TIFF advert: proportions, resolution at the booked size, colour model, ink. */
async function checkPicture(bytes: Uint8Array, file: string, size: BookedSize, plant: PlantProfile, summary: AdvertResult['booking']): Promise<AdvertResult> {
  const meta = await sharp(bytes).metadata().catch(() => undefined);
  const format = meta?.format === 'jpeg' || meta?.format === 'png' || meta?.format === 'tiff' ? meta.format : undefined;
  if (!meta || !format || !meta.width || !meta.height) {
    return fail('preflight/not-advert', `${file} is not a PDF, JPEG, PNG or TIFF advert${meta?.format ? ` (it is ${meta.format.toUpperCase()})` : ''}`, { file, line: 1, col: 1 },
      ['send the advert as PDF/X-1a, or as a CMYK JPEG or TIFF']);
  }
  const findings: Finding[] = [];
  const px = { w: meta.width, h: meta.height };
  const booked = `booking ${size.booking.text} on plant “${plant.name}” (${sizeText(size.width, size.height)})`;

  // Proportions: scaled to the booked width, the picture must be the booked depth.
  const depthAtWidth = (px.h / px.w) * size.width;
  if (Math.abs(toMm(depthAtWidth - size.height)) > AD_TOLERANCE_MM) {
    findings.push({
      severity: 'error',
      code: 'preflight/ad-size',
      message: `${file} is ${px.w} × ${px.h} px, which at the booked width of ${mmText(size.width)} is ${mmText(depthAtWidth)} deep; ${booked}`,
    });
  }
  // Resolution at the booked size.
  const inches = { w: size.width / PT_PER_INCH, h: size.height / PT_PER_INCH };
  const ppi = Math.min(px.w / inches.w, px.h / inches.h);
  if (ppi < plant.images.minimum - 0.5) {
    const need = { w: Math.ceil(inches.w * plant.images.minimum), h: Math.ceil(inches.h * plant.images.minimum) };
    findings.push({
      severity: 'error',
      code: 'preflight/ad-resolution',
      message: `${file} is ${px.w} × ${px.h} px: ${Math.round(ppi)} ppi at ${booked}, below the plant's minimum of ${plant.images.minimum} ppi (it needs ${need.w} × ${need.h} px)`,
    });
  }
  // Colour model: CMYK as it prints, grey on the black plate, RGB converted by the pipeline.
  const space = meta.space ?? '';
  const cmyk = space === 'cmyk' || (meta.channels === 4 && !meta.hasAlpha);
  const grey = space === 'b-w' || space === 'grey16';
  if (!cmyk && !grey) {
    findings.push({
      severity: 'warning',
      code: 'preflight/rgb',
      message: `an RGB picture (${space || 'unknown'}): it will be converted to the plant's CMYK (${plant.outputCondition.identifier}) through its profile; bright colours may print duller`,
    });
  }
  if (meta.hasAlpha) {
    findings.push({ severity: 'warning', code: 'preflight/transparency', message: 'the picture has an alpha channel: its transparent parts print as paper (white)' });
  }
  if (cmyk) {
    const ink = await heaviestInk(bytes, size, px);
    if (ink > plant.totalInk + 2) {
      findings.push({ severity: 'error', code: 'preflight/ink', message: `${Math.round(ink)} % total ink in the picture (at ${INK_DPI} dpi, at the booked size), above the plant's ${plant.totalInk} %` });
    }
  }
  return { file, pages: 1, checked: 'all', findings: sortFindings(findings), booking: summary, format };
}

/** The highest total ink of a CMYK picture, as the mean over each 150 dpi cell at the booked size (images.ts). */
async function heaviestInk(bytes: Uint8Array, size: BookedSize, px: { w: number; h: number }): Promise<number> {
  // libvips undoes an Adobe CMYK JPEG's inversion on load: the samples come out as ink.
  const { data } = await sharp(bytes, { ignoreIcc: true }).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  const ink = new Float32Array(px.w * px.h);
  // C + M + Y + K (+ no spot) as totalInk adds them, without an Ink object a pixel.
  for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i]! / 2.55 + data[4 * i + 1]! / 2.55 + data[4 * i + 2]! / 2.55 + data[4 * i + 3]! / 2.55 + 0;
  const w = Math.min(px.w, Math.max(1, Math.ceil((size.width / PT_PER_INCH) * INK_DPI)));
  const h = Math.min(px.h, Math.max(1, Math.ceil((size.height / PT_PER_INCH) * INK_DPI)));
  const cells = w < px.w || h < px.h ? boxResample(ink, px.w, px.h, w, h) : ink;
  let max = 0;
  for (const v of cells) if (v > max) max = v;
  return max;
}

/** The advert's size against the booking, one finding when it misses by more than the tolerance. */
function sizeFindings(file: string, size: BookedSize, plant: PlantProfile, box: Rect, from: 'TrimBox' | 'MediaBox', page: number): Finding[] {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const out: Finding[] = [];
  const off = (a: number, b: number) => Math.abs(toMm(a - b)) > AD_TOLERANCE_MM;
  if (off(w, size.width) || off(h, size.height)) {
    out.push({
      severity: 'error',
      code: 'preflight/ad-size',
      page,
      message: `${file} is ${sizeText(w, h)} (its ${from}); booking ${size.booking.text} on plant “${plant.name}” is ${sizeText(size.width, size.height)} (${size.booking.columns} × ${mmText(size.columnWidth)} columns with ${mmText(size.gutter)} gutters), within ${AD_TOLERANCE_MM} mm`,
    });
  }
  if (from === 'MediaBox') {
    out.push({ severity: 'warning', code: 'preflight/no-trimbox', page, message: 'no TrimBox: the MediaBox is taken as the advert’s edge' });
  }
  return out;
}

async function pageBoxes(bytes: Uint8Array): Promise<{ trim?: Rect; media: Rect }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  return doc.getPages().map((page) => {
    const media = page.node.getInheritableAttribute(PDFName.of('MediaBox'));
    const trim = rectOf(page.node.lookup(PDFName.of('TrimBox')));
    return { ...(trim ? { trim } : {}), media: rectOf(media ? doc.context.lookup(media) : undefined) ?? { x0: 0, y0: 0, x1: 612, y1: 792 } };
  });
}

/** Errors first, then by page: the booking's verdict leads. */
const sortFindings = (fs: Finding[]): Finding[] =>
  fs.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || (a.f.page ?? 0) - (b.f.page ?? 0) || a.i - b.i).map(({ f }) => f);
const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1) * 2 + (f.code.startsWith('preflight/ad-') ? 0 : 1);

const round1 = (v: number) => Math.round(v * 10) / 10;
const mmText = (pt: number) => `${toMm(pt).toFixed(1)} mm`;
const sizeText = (w: number, h: number) => `${toMm(w).toFixed(1)} × ${toMm(h).toFixed(1)} mm`;
