// preflight: checks any PDF — ours or an advertiser's — against a printing plant's profile, as a plant's own preflight would.
import { PDFDict, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { toMm } from '../core/index.js';
import type { PlantProfile } from '../plant/profile.js';
import { documentIssues, pageIssues } from './actions.js';
import { totalInk, type Ink } from './colour.js';
import { fromFile, printable } from './escape.js';
import { ImageReader } from './images.js';
import { interpretPage, type ImageUse, type PageUses } from './interpret.js';
import type { Issue } from './issue.js';
import { loadPdf } from './load.js';
import { intersect, type Point } from './matrix.js';
import { dictOf, entry, itemsOf, nameOf, numberOf, rectOf, streamOf, textOf, type Rect } from './objects.js';
import { overprintIssues, stackingRegions, type StackingPage } from './overprint-ink.js';
import { colourIssues } from './spots.js';
import { contentBytes, streamBytes } from './streams.js';

export interface Finding {
  readonly severity: 'error' | 'warning';
  /** Stable code: `preflight/rgb`, `preflight/ink`… (docs/preflight.md). */
  readonly code: string;
  readonly message: string;
  readonly page?: number;
  /** Position on the page, mm from the top-left of the TrimBox (or MediaBox): the top-left of what is painted. */
  readonly at?: { readonly x: number; readonly y: number };
  /** Where in the file, bytes from its start: for damage (`preflight/damaged`) and encryption, which are no page's. */
  readonly byte?: number;
}

export interface PreflightResult {
  readonly file: string;
  /** What the file says it is (`PDF/X-1a:2001`, `PDF/X-4`), if anything. */
  readonly pdfx?: string;
  readonly pages: number;
  /**
   * How much of the file was checked: `all`; `part`, when it is damaged but its catalog and some pages could be read
   * (the damage is a `preflight/damaged` error, and the other checks ran on what was read); `none`, when it is not a
   * PDF, is damaged past reading, or is encrypted (its one finding says which).
   */
  readonly checked: 'all' | 'part' | 'none';
  readonly findings: Finding[];
}

/** One line: `file: page 3 at 12.0, 40.5 mm: error: message [code]`, or `file: byte 4767: error: …` for damage; printable whatever the file held. */
export function formatFinding(f: Finding, file: string): string {
  const where = f.page !== undefined ? `page ${f.page}${f.at ? ` at ${f.at.x.toFixed(1)}, ${f.at.y.toFixed(1)} mm` : ''}: ` : f.byte !== undefined ? `byte ${f.byte}: ` : '';
  return printable(`${file}: ${where}${f.severity}: ${f.message} [${f.code}]`);
}

/**
 * Findings of one page, at most one per code, with how many times it was met. An error replaces a warning of the
 * same code (ICC RGB is a warning in X-4, DeviceRGB an error); the distinct things named (`what`: fonts, colour
 * spaces, kinds of transparency) are all listed.
 */
class PageFindings {
  private readonly byCode = new Map<string, { f: Finding; n: number; what: Set<string> }>();
  constructor(private readonly page: number, private readonly origin: Rect) {}

  add(severity: Finding['severity'], code: string, message: string, at?: Point, what?: string): void {
    const pos = at ? { x: toMm(at.x - this.origin.x0), y: toMm(this.origin.y1 - at.y) } : undefined;
    const f: Finding = { severity, code, message: printable(message), page: this.page, ...(pos ? { at: pos } : {}) };
    const seen = this.byCode.get(code);
    if (!seen) {
      this.byCode.set(code, { f, n: 1, what: new Set(what ? [what] : []) });
      return;
    }
    seen.n++;
    if (severity === 'error' && seen.f.severity === 'warning') seen.f = f;
    if (what) seen.what.add(what);
  }

  /** The issues of a check (actions.ts, spots.ts, overprint-ink.ts). */
  addAll(issues: readonly Issue[]): void {
    for (const i of issues) this.add(i.severity, i.code, i.message, i.at, i.what);
  }

  list(): Finding[] {
    return [...this.byCode.values()].map(({ f, n, what }) => {
      if (n === 1) return f;
      const others = [...what].filter((w) => !f.message.includes(w));
      return { ...f, message: `${f.message} (and ${n - 1} more like it on this page${others.length ? `: ${others.join(', ')}` : ''})` };
    });
  }
}

const mmText = (pt: number) => `${toMm(pt).toFixed(1)} mm`;
const pct = (v: number) => `${Math.round(v)} %`;
const solidBlack = (i: Ink) => i.k >= 95;
const kOnly = (i: Ink) => i.c === 0 && i.m === 0 && i.y === 0 && i.spot === 0;

/**
 * Checks a PDF against the plant: boxes, PDF/X identification and output intent, fonts, colour spaces,
 * transparency, total ink (vector colours, and images at 150 dpi), small black text (K only, overprinting),
 * minimum type and rule sizes, and photo resolution. Never throws for what a file holds: a file that is not a PDF, is
 * damaged or is encrypted gets one finding saying so (`preflight/damaged`, `preflight/encrypted`, at its byte in the
 * file); a damaged file read in part is checked as far as it could be read.
 */
export async function preflightPdf(bytes: Uint8Array, file: string, plant: PlantProfile): Promise<PreflightResult> {
  // 0. The file: a PDF at all, whole or damaged, encrypted (load.ts).
  const pdf = await loadPdf(bytes);
  if (pdf.kind === 'unchecked') {
    return { file, pages: pdf.pages, checked: 'none', findings: [{ severity: 'error', code: pdf.code, message: printable(pdf.message), ...(pdf.byte !== undefined ? { byte: pdf.byte } : {}) }] };
  }
  const { version, catalog, info } = pdf;
  const findings: Finding[] = [];
  if (pdf.damage) findings.push({ severity: 'error', code: 'preflight/damaged', message: printable(pdf.damage.message), ...(pdf.damage.byte !== undefined ? { byte: pdf.damage.byte } : {}) });
  const doc1 = (severity: Finding['severity'], code: string, message: string) => findings.push({ severity, code, message: printable(message) });

  // 1. The document: version, PDF/X identification, output intent.
  const xmp = xmpText(streamOf(entry(catalog, 'Metadata')));
  const claimed = textOf(entry(info, 'GTS_PDFXConformance')) ?? /pdfxid:GTS_PDFXVersion[^>]*>([^<]+)</.exec(xmp ?? '')?.[1] ?? /pdfxid:GTS_PDFXVersion="([^"]+)"/.exec(xmp ?? '')?.[1] ?? textOf(entry(info, 'GTS_PDFXVersion'));
  const pdfx = claimed === undefined ? undefined : fromFile(claimed);
  if (plant.pdfx === 'X-1a:2001') {
    if (textOf(entry(info, 'GTS_PDFXVersion')) !== 'PDF/X-1:2001' || textOf(entry(info, 'GTS_PDFXConformance')) !== 'PDF/X-1a:2001') {
      doc1('error', 'preflight/pdfx-id', `not identified as PDF/X-1a:2001 (Info GTS_PDFXVersion ${show(textOf(entry(info, 'GTS_PDFXVersion')))}, GTS_PDFXConformance ${show(textOf(entry(info, 'GTS_PDFXConformance')))})`);
    }
    if (version !== '1.3') doc1(version === '1.4' ? 'warning' : 'error', 'preflight/version', `PDF ${version}: PDF/X-1a:2001 is PDF 1.3`);
  } else {
    if (!/PDF\/X-4/.test(xmp ?? '')) doc1('error', 'preflight/pdfx-id', 'not identified as PDF/X-4 (no pdfxid:GTS_PDFXVersion PDF/X-4 in the XMP metadata)');
    if (Number(version) > 1.6) doc1('error', 'preflight/version', `PDF ${version}: PDF/X-4 is PDF 1.6 at most`);
  }
  const trapped = entry(info, 'Trapped');
  if (trapped !== undefined && !(trapped instanceof PDFName)) doc1('error', 'preflight/trapped', 'Info /Trapped is text; PDF/X needs the name /True or /False');
  else if (trapped instanceof PDFName && !['True', 'False'].includes(trapped.decodeText())) doc1('error', 'preflight/trapped', `Info /Trapped is /${fromFile(trapped.decodeText())}; PDF/X needs /True or /False`);
  if (trapped === undefined) doc1('error', 'preflight/trapped', 'Info /Trapped is missing; PDF/X needs /True or /False');
  const intents = (itemsOf(entry(catalog, 'OutputIntents')) ?? []).map((o) => dictOf(o)).filter((d): d is PDFDict => !!d);
  const pdfxIntent = intents.find((d) => nameOf(entry(d, 'S')) === 'GTS_PDFX');
  if (!pdfxIntent) doc1('error', 'preflight/output-intent', 'no PDF/X output intent (/OutputIntents with /S /GTS_PDFX)');
  else {
    const profile = streamOf(entry(pdfxIntent, 'DestOutputProfile'));
    const n = numberOf(entry(profile?.dict, 'N'));
    if (profile && n !== 4) doc1('error', 'preflight/output-intent', `the output intent's ICC profile has ${n} components; a CMYK press needs 4`);
    if (!profile && !textOf(entry(pdfxIntent, 'OutputConditionIdentifier'))) doc1('error', 'preflight/output-intent', 'the output intent has neither an ICC profile nor a registered condition');
  }
  // Scripts, actions and forms of the document (actions.ts).
  for (const i of documentIssues(catalog)) doc1(i.severity, i.code, i.message);

  // 2. Every page: all but the images' pixels first, then the images, each read once, in page order.
  const pages = pdf.pages;
  const placed: { pf: PageFindings; images: ImageUse[] }[] = [];
  const reader = new ImageReader();
  const stacking: { pf: PageFindings; page: StackingPage }[] = [];
  for (const [i, page] of pages.entries()) {
    // Let the images read so far be measured (their JPEGs decode in the background meanwhile).
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const n = i + 1;
    const node = page.node;
    const inherited = (key: string) => page.inherited(key);
    const media = rectOf(inherited('MediaBox')) ?? { x0: 0, y0: 0, x1: 612, y1: 792 };
    const trim = rectOf(entry(node, 'TrimBox')) ?? rectOf(entry(node, 'ArtBox'));
    const origin = trim ?? media;
    const pf = new PageFindings(n, origin);
    checkBoxes(pf, plant, media, trim, rectOf(entry(node, 'BleedBox')));
    pf.addAll(pageIssues(node, media, trim, rectOf(entry(node, 'BleedBox'))));
    if (plant.pdfx === 'X-1a:2001' && nameOf(entry(dictOf(entry(node, 'Group')), 'S')) === 'Transparency') {
      pf.add('error', 'preflight/transparency', 'the page is a transparency group: PDF/X-1a allows no transparency');
    }
    const resources = dictOf(inherited('Resources'));
    let content: Uint8Array;
    try {
      content = contentBytes(entry(node, 'Contents'));
    } catch (e) {
      pf.add('error', 'preflight/content', `the page's content cannot be decoded: ${fromFile((e as Error).message)}`);
      placed.push({ pf, images: [] });
      continue;
    }
    let uses: PageUses;
    try {
      uses = interpretPage(content, resources);
    } catch (e) {
      // In a damaged file, a page whose objects are broken is part of the damage; in a whole one it is a bug.
      if (!pdf.damage) throw e;
      pf.add('error', 'preflight/damaged', `the file is damaged: page ${n}'s content cannot be followed (its fonts, colour spaces or forms are broken), so it was not checked`);
      placed.push({ pf, images: [] });
      continue;
    }
    const inside = (p: Point) => !trim || (p.x >= trim.x0 - 0.5 && p.x <= trim.x1 + 0.5 && p.y >= trim.y0 - 0.5 && p.y <= trim.y1 + 0.5);

    // Fonts.
    for (const font of uses.fonts.values()) {
      if (!font.embedded) pf.add('error', 'preflight/font-not-embedded', `font ${font.name} is not embedded: the plant's RIP would substitute another`, undefined, font.name);
    }
    // Colour spaces and transparency.
    for (const r of uses.rgb) {
      const deviceRgb = /DeviceRGB/.test(r.what);
      if (plant.pdfx === 'X-1a:2001' || deviceRgb) pf.add('error', 'preflight/rgb', `${r.what} colour: a newspaper page must be CMYK (or grey)`, r.at, r.what);
      else pf.add('warning', 'preflight/rgb', `${r.what} colour: the RIP will convert it; better converted to CMYK before`, r.at, r.what);
    }
    if (plant.pdfx === 'X-1a:2001') for (const t of uses.transparency) pf.add('error', 'preflight/transparency', `${t.what}: PDF/X-1a allows no transparency`, t.at, t.what);
    pf.addAll(colourIssues(uses.spaces, plant));
    // Where overprinting objects could stack above the limit, the page is rendered below (overprint-ink.ts).
    const regions = stackingRegions(uses.marks, plant.totalInk);
    if (regions.length) stacking.push({ pf, page: { page: n, media, ...(trim ? { trim } : {}), rotate: numberOf(inherited('Rotate')) ?? 0, regions } });

    // Vector ink, black text, type and rule sizes.
    for (const p of uses.paints) {
      if (p.ink && totalInk(p.ink) > plant.totalInk + 0.5 && !(p.space.registration && !inside(p.at))) {
        pf.add('error', 'preflight/ink', `${pct(totalInk(p.ink))} total ink in a ${p.kind}, above the plant's ${plant.totalInk} %`, p.at);
      }
      if (p.kind === 'stroke' && p.lineWidth !== undefined && inside(p.at)) {
        if (p.lineWidth === 0) pf.add('error', 'preflight/hairline', 'a hairline (line width 0): it prints at the device’s thinnest, which newsprint loses', p.at);
        else if (p.lineWidth < plant.minRule - 1e-3) pf.add(plant.severity['thin-rule'], 'preflight/thin-rule', `a ${p.lineWidth.toFixed(2)} pt rule, below the plant's ${plant.minRule} pt`, p.at);
      }
    }
    for (const t of uses.texts) {
      if (!t.visible || !t.ink || !inside(t.at)) continue;
      const total = totalInk(t.ink);
      if (total > plant.totalInk + 0.5) pf.add('error', 'preflight/ink', `${pct(total)} total ink in text, above the plant's ${plant.totalInk} %`, t.at);
      const size = `${t.size.toFixed(1)} pt`;
      if (total <= 5) {
        if (t.size < plant.minType.reversed - 0.05) pf.add('error', 'preflight/small-reversed-type', `${size} reversed (white) type, below the plant's ${plant.minType.reversed} pt: it fills in on newsprint`, t.at);
        continue;
      }
      if (solidBlack(t.ink)) {
        if (t.size < 12 && !kOnly(t.ink)) pf.add('error', 'preflight/rich-black-text', `${size} text in rich black (C ${pct(t.ink.c)}, M ${pct(t.ink.m)}, Y ${pct(t.ink.y)}, K ${pct(t.ink.k)}): small black type must be K only, or it misregisters`, t.at);
        else if (t.size < 12 && !t.overprint) pf.add(plant.severity['black-knockout'], 'preflight/black-knockout', `${size} black text does not overprint: it knocks out what is under it and shows any misregistration`, t.at);
        if (t.size < plant.minType.black - 0.05) pf.add('error', 'preflight/small-type', `${size} black type, below the plant's ${plant.minType.black} pt`, t.at);
      } else if (t.size < plant.minType.tint - 0.05) {
        pf.add('error', 'preflight/small-tint-type', `${size} type in a tint or colour, below the plant's ${plant.minType.tint} pt`, t.at);
      }
    }
    // Images on the page: read from now on, reported below.
    const images = uses.images.filter((img) => !trim || intersect(img.box, { x0: trim.x0 - 0.5, y0: trim.y0 - 0.5, x1: trim.x1 + 0.5, y1: trim.y1 + 0.5 }) !== undefined);
    reader.queue(images);
    placed.push({ pf, images });
  }
  // Overprinting objects stacked: rendered by Ghostscript while the images are read.
  const stacked = await overprintIssues(bytes, stacking.map((s) => s.page), plant);
  for (const s of stacking) s.pf.addAll(stacked.pages.get(s.page.page) ?? []);
  for (const i of stacked.document) doc1(i.severity, i.code, i.message);
  // Images: resolution, ink, and data that will not decode.
  for (const { pf, images } of placed) {
    for (const img of images) {
      const facts = await reader.facts(img);
      if (!facts) continue;
      if (facts.undecodable) pf.add('error', 'preflight/image-data', `image ${img.name ? `/${img.name}` : '(inline)'} cannot be decoded: ${facts.undecodable}; a RIP stops on it or prints it blank`, img.at, img.name);
      if (!img.mask && facts.ppi < plant.images.minimum - 0.5) pf.add('warning', 'preflight/low-resolution', `an image at ${Math.round(facts.ppi)} ppi where it is placed, below the plant's ${plant.images.minimum} ppi: it will print soft`, img.at);
      else if (!img.mask && facts.ppi > 2 * plant.images.target) pf.add('warning', 'preflight/heavy-image', `an image at ${Math.round(facts.ppi)} ppi, more than twice the ${plant.images.target} ppi the plant needs: heavier than needed`, img.at);
      if (facts.maxInk && facts.maxInk.ink > plant.totalInk + 2) pf.add('error', 'preflight/ink', `${pct(facts.maxInk.ink)} total ink in an image (at 150 dpi), above the plant's ${plant.totalInk} %`, facts.maxInk.at);
    }
    findings.push(...pf.list());
  }
  return { file, ...(pdfx ? { pdfx } : {}), pages: pages.length, checked: pdf.damage ? 'part' : 'all', findings };
}

function checkBoxes(pf: PageFindings, plant: PlantProfile, media: Rect, trim: Rect | undefined, bleed: Rect | undefined): void {
  const tol = (0.1 * 72) / 25.4;
  if (!trim) {
    pf.add('error', 'preflight/no-trimbox', 'no TrimBox (or ArtBox): the plant cannot tell where the page is cut');
    return;
  }
  const w = trim.x1 - trim.x0;
  const h = trim.y1 - trim.y0;
  if (Math.abs(w - plant.trim.width) > tol || Math.abs(h - plant.trim.height) > tol) {
    pf.add('error', 'preflight/trim-size', `the trimmed page is ${mmText(w)} × ${mmText(h)}; plant “${plant.name}” prints ${mmText(plant.trim.width)} × ${mmText(plant.trim.height)}`);
  }
  const want = plant.bleed;
  if (bleed) {
    const out = [trim.x0 - bleed.x0, trim.y0 - bleed.y0, bleed.x1 - trim.x1, bleed.y1 - trim.y1];
    if (out.some((d) => Math.abs(d - want) > tol)) pf.add('error', 'preflight/bleed', `the BleedBox reaches ${mmText(Math.max(...out))} beyond the trim; plant “${plant.name}” takes ${mmText(want)} of bleed`);
    if (bleed.x0 < media.x0 - tol || bleed.y0 < media.y0 - tol || bleed.x1 > media.x1 + tol || bleed.y1 > media.y1 + tol) pf.add('error', 'preflight/bleed', 'the BleedBox reaches outside the MediaBox');
  } else if (want > 0 && (trim.x0 - media.x0 < want - tol || media.x1 - trim.x1 < want - tol)) {
    pf.add('error', 'preflight/bleed', `no bleed: plant “${plant.name}” takes ${mmText(want)} of bleed`);
  }
}

function xmpText(stream: PDFRawStream | undefined): string | undefined {
  if (!stream) return undefined;
  try {
    return new TextDecoder('utf-8').decode(streamBytes(stream));
  } catch {
    return undefined;
  }
}

const show = (s: string | undefined) => (s === undefined ? 'missing' : `“${fromFile(s)}”`);

