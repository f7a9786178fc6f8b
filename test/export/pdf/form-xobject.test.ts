// An advertiser's PDF/X-1a page placed as a Form XObject: the advert made by Ghostscript (not our writer), placed
// twice by PDFKit, and the result read back with pdf.js, poppler (pdffonts, pdftoppm, pdftotext, pdfimages), qpdf
// and pdf-lib. CI installs the tools (.ci/run); here they are required, never skipped.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, StandardFonts, type PDFObject } from '@cantoo/pdf-lib';
import PDFKit from 'pdfkit';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawPdfPage, embedPdfPage, type EmbeddedPage } from '../../../src/export/pdf/form-xobject.js';
import { UserError } from '../../../src/core/index.js';
import { readPdf } from '../../pdf-reader.js';
import { REPO, tempDir } from '../../helpers.js';

const MM = 72 / 25.4;
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const ICC = join(REPO, 'color', 'snap-tr002-newsprint.icc');

/** The advert, in points from its trim's bottom-left: 100 × 60 mm, 3 mm bleed all round. */
const AD = { w: 100 * MM, h: 60 * MM, bleed: 3 * MM };
/** An orange box (0/60/100/0) from the bleed's corner, 120 × 80 pt: outside the trim on the left and bottom. */
const BOX = { x0: -AD.bleed, y0: -AD.bleed, x1: 120 - AD.bleed, y1: 80 - AD.bleed };
/** The headline's baseline start, and the 64 × 64 px CMYK image's place (four bands: C, M, Y, K). */
const TEXT = { x: 20, y: 120 };
const IMAGE = { x: 150, y: 20, size: 100 };

/**
 * The advert as an advertiser would send it: PostScript (text in Ghostscript's URW fonts, which pdfwrite embeds; a
 * CMYK box; a CMYK image) through `gs -dPDFX` with a PDF/X-1a prefix declaring the output intent with our ICC
 * profile embedded, so there is an OutputIntent our output must not take over.
 */
function makeAd(dir: string): string {
  const px = Buffer.alloc(64 * 64 * 4);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) px[(y * 64 + x) * 4 + Math.floor(x / 16)] = 255;
  writeFileSync(join(dir, 'pdfx.ps'), `%!
[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Title (Wexcombe Bakery) /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} (${ICC}) (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition (Coldset newsprint) /Info (CGATS TR 002)
  /OutputConditionIdentifier (CGATS TR 002) /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`);
  const b = AD.bleed;
  writeFileSync(join(dir, 'ad.ps'), `%!PS-Adobe-3.0
<< /PageSize [${AD.w + 2 * b} ${AD.h + 2 * b}] >> setpagedevice
[ /TrimBox [${b} ${b} ${AD.w + b} ${AD.h + b}] /PAGE pdfmark
${b} ${b} translate
0 0.6 1 0 setcmykcolor
${BOX.x0} ${BOX.y0} moveto ${BOX.x1 - BOX.x0} 0 rlineto 0 ${BOX.y1 - BOX.y0} rlineto ${BOX.x0 - BOX.x1} 0 rlineto closepath fill
0 0 0 1 setcmykcolor
/NimbusSans-Bold findfont 18 scalefont setfont
${TEXT.x} ${TEXT.y} moveto (Wexcombe Bakery) show
/NimbusRoman-Regular findfont 10 scalefont setfont
${TEXT.x} ${TEXT.y - 20} moveto (Fresh bread daily from 6 am) show
gsave ${IMAGE.x} ${IMAGE.y} translate ${IMAGE.size} ${IMAGE.size} scale
64 64 8 [64 0 0 -64 0 64] currentfile /ASCIIHexDecode filter false 4 colorimage
${px.toString('hex').replace(/(.{128})/g, '$1\n')}>
grestore
showpage
`);
  const out = join(dir, 'ad.pdf');
  execFileSync('gs', ['-q', '-dPDFX', '-dBATCH', '-dNOPAUSE', '-dSAFER', `--permit-file-read=${join(REPO, 'color')}/`, '-sDEVICE=pdfwrite',
    '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dPDFXSetBleedBoxToMediaBox', '-dAutoFilterColorImages=false',
    '-sColorImageFilter=FlateEncode', `-sOutputFile=${out}`, join(dir, 'pdfx.ps'), join(dir, 'ad.ps')], { env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200' } });
  return out;
}

/** Where the advert goes on an A4 page (PDFKit's coordinates: from the top-left), at its own size and at 1.5 ×. */
const PAGE = { w: 595.28, h: 841.89 };
const PLACED = [
  { x: 40, y: 60, s: 1 },
  { x: 40, y: 320, s: 1.5 },
];

/** A plain PDFKit document (no pipeline) with the advert placed at each of PLACED. */
async function placeAd(ad: Uint8Array): Promise<{ pdf: Buffer; form: EmbeddedPage; ms: number }> {
  const doc = new PDFKit({ autoFirstPage: false, compress: true, pdfVersion: '1.3', info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.addPage({ size: [PAGE.w, PAGE.h], margin: 0 });
  const t0 = performance.now();
  const form = await embedPdfPage(doc, ad, 0, { file: 'bakery.pdf' });
  const again = await embedPdfPage(doc, ad, 0, { file: 'bakery.pdf' });
  expect(again).toBe(form); // copied once per document
  const ms = performance.now() - t0;
  for (const p of PLACED) drawPdfPage(doc, form, p.x, p.y, form.width * p.s, form.height * p.s);
  doc.end();
  return { pdf: await done, form, ms };
}

/** Every indirect object of a PDF, as pdf-lib reads it. */
async function objects(bytes: Uint8Array): Promise<PDFObject[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.context.enumerateIndirectObjects().map(([, o]) => o);
}
const dictOf = (o: PDFObject) => (o instanceof PDFRawStream ? o.dict : o instanceof PDFDict ? o : undefined);
const nameIn = (o: PDFObject, key: string) => (dictOf(o)?.lookup(PDFName.of(key)) as PDFName | undefined)?.decodeText();

/** The RGB of a pixel, and the darkest grey in a rectangle, of a pdftoppm rendering at 72 dpi (a pixel a point). */
async function render(file: string, dir: string) {
  tool('pdftoppm', '-r', '72', '-png', '-singlefile', file, join(dir, 'page'));
  const { data, info } = await sharp(join(dir, 'page.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (Math.round(y) * info.width + Math.round(x)) * 3;
    return { r: data[i]!, g: data[i + 1]!, b: data[i + 2]! };
  };
  const darkest = (x0: number, y0: number, x1: number, y1: number) => {
    let min = 255;
    for (let y = Math.round(y0); y < y1; y++) for (let x = Math.round(x0); x < x1; x++) min = Math.min(min, ...Object.values(at(x, y)));
    return min;
  };
  return { at, darkest };
}

describe('a Ghostscript PDF/X-1a advert placed twice as a form', () => {
  let dir: string;
  let ad: Uint8Array;
  let out: string;
  let placed: Awaited<ReturnType<typeof placeAd>>;
  beforeAll(async () => {
    dir = tempDir();
    ad = new Uint8Array(readFileSync(makeAd(dir)));
    placed = await placeAd(ad);
    out = join(dir, 'page.pdf');
    writeFileSync(out, placed.pdf);
  });

  it('takes the TrimBox as the form’s box and copies what the page uses, nothing dropped', () => {
    expect(placed.form.boxFrom).toBe('TrimBox');
    expect(placed.form.width).toBeCloseTo(AD.w, 3);
    expect(placed.form.height).toBeCloseTo(AD.h, 3);
    expect(placed.form.dropped).toEqual([]);
    expect(placed.form.objects).toBeGreaterThan(4); // fonts, descriptors, font files, the image…
    expect(placed.ms).toBeLessThan(2000);
  });

  it('qpdf finds no error', () => {
    expect(tool('qpdf', '--check', out)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('pdf.js reads the advert’s own text at each place, and its fonts as embedded', async () => {
    const read = await readPdf(out);
    const items = read.text[0]!.filter((t) => t.str.includes('Wexcombe Bakery'));
    expect(items).toHaveLength(2);
    for (const [i, p] of PLACED.entries()) {
      // Trim-relative (20, 120) y up → page-relative, y up from the page's bottom.
      const x = p.x + TEXT.x * p.s;
      const y = PAGE.h - (p.y + (AD.h - TEXT.y) * p.s);
      const hit = items.find((t) => Math.abs(t.x - x) < 0.1 && Math.abs(t.y - y) < 0.1);
      expect(hit, `headline ${i + 1} at ${x.toFixed(2)}, ${y.toFixed(2)}; found ${items.map((t) => `${t.x.toFixed(2)}, ${t.y.toFixed(2)}`).join(' / ')}`).toBeDefined();
      expect(hit!.height).toBeCloseTo(18 * p.s, 1);
    }
    expect(read.text[0]!.filter((t) => t.str.includes('Fresh bread daily'))).toHaveLength(2);
    expect(read.fonts.length).toBeGreaterThanOrEqual(2);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('pdffonts lists the advert’s fonts as embedded', () => {
    const rows = tool('pdffonts', out).split('\n').slice(2).filter(Boolean);
    expect(rows.map((r) => r.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NimbusRoman-Regular', 'NimbusSans-Bold']);
    for (const r of rows) expect(r).toMatch(/\s+yes\s+yes\s+/); // emb, sub
  });

  it('pdftoppm renders ink where the advert has it, at both sizes, and nothing of its bleed outside the box', async () => {
    const page = await render(out, dir);
    for (const p of PLACED) {
      const toPage = (u: number, v: number) => ({ x: p.x + u * p.s, y: p.y + (AD.h - v) * p.s });
      const orange = toPage((BOX.x0 + BOX.x1) / 2 + AD.bleed / 2, (BOX.y0 + BOX.y1) / 2 + AD.bleed / 2);
      expect(page.at(orange.x, orange.y)).toMatchObject({ r: expect.toSatisfy((v: number) => v > 220), b: expect.toSatisfy((v: number) => v < 60) });
      const cyan = toPage(IMAGE.x + IMAGE.size / 8, IMAGE.y + IMAGE.size / 2);
      expect(page.at(cyan.x, cyan.y)).toMatchObject({ r: expect.toSatisfy((v: number) => v < 80), b: expect.toSatisfy((v: number) => v > 180) });
      const black = toPage(IMAGE.x + (IMAGE.size * 7) / 8, IMAGE.y + IMAGE.size / 2);
      expect(Math.max(...Object.values(page.at(black.x, black.y)))).toBeLessThan(80);
      const head = toPage(TEXT.x, TEXT.y + 14);
      expect(page.darkest(head.x, head.y, head.x + 120 * p.s, head.y + 12 * p.s)).toBeLessThan(80);
      // The orange box reaches 3 mm into the advert's bleed on the left: the form's box (the trim) clips it.
      const bleed = toPage(-AD.bleed / 2, 30);
      expect(page.at(bleed.x, bleed.y)).toEqual({ r: 255, g: 255, b: 255 });
    }
  });

  it('is vectors in a form, not a picture of the advert: one Form XObject, its only image the advert’s own 64 × 64 one', async () => {
    const all = await objects(placed.pdf);
    const forms = all.filter((o) => nameIn(o, 'Subtype') === 'Form');
    expect(forms).toHaveLength(1);
    const bbox = (dictOf(forms[0]!)!.lookup(PDFName.of('BBox')) as PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    expect(bbox[0]).toBeCloseTo(AD.bleed, 3);
    expect(bbox[2]! - bbox[0]!).toBeCloseTo(AD.w, 3);
    const images = all.filter((o) => nameIn(o, 'Subtype') === 'Image');
    expect(images.map((o) => [(dictOf(o)!.lookup(PDFName.of('Width')) as PDFNumber).asNumber(), (dictOf(o)!.lookup(PDFName.of('Height')) as PDFNumber).asNumber()])).toEqual([[64, 64]]);
    // pdfimages sees that one image drawn twice, the same object both times.
    const rows = tool('pdfimages', '-list', out).split('\n').slice(2).filter(Boolean).map((r) => r.trim().split(/\s+/));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r[3], r[4], r[5]])).toEqual([['64', '64', 'cmyk'], ['64', '64', 'cmyk']]);
    expect(rows[0]![10]).toBe(rows[1]![10]);
  });

  it('copies streams raw: the font programs and the image keep their bytes and filters', async () => {
    const streams = (os: PDFObject[]) => os.filter((o): o is PDFRawStream => o instanceof PDFRawStream);
    const source = streams(await objects(ad));
    const ours = streams(await objects(placed.pdf));
    const fontFiles = source.filter((s) => s.dict.has(PDFName.of('Subtype')) && nameIn(s, 'Subtype') === 'Type1C');
    expect(fontFiles).toHaveLength(2);
    const image = source.find((s) => nameIn(s, 'Subtype') === 'Image')!;
    for (const s of [...fontFiles, image]) {
      const copy = ours.find((o) => Buffer.compare(Buffer.from(o.contents), Buffer.from(s.contents)) === 0);
      expect(copy, 'a stream copied byte for byte').toBeDefined();
      expect(String(copy!.dict.get(PDFName.of('Filter')))).toBe(String(s.dict.get(PDFName.of('Filter'))));
    }
  });

  it('leaves the advert’s OutputIntent and its ICC profile behind', async () => {
    const all = await objects(placed.pdf);
    expect(all.filter((o) => nameIn(o, 'Type') === 'OutputIntent')).toEqual([]);
    expect(all.some((o) => o instanceof PDFRawStream && o.dict.has(PDFName.of('N')))).toBe(false);
    expect(placed.pdf.length).toBeLessThan(readFileSync(ICC).length / 4); // the profile alone is 276 KB
  });

  it('gives byte-identical output from the same advert', async () => {
    const again = await placeAd(ad);
    expect(Buffer.compare(again.pdf, placed.pdf)).toBe(0);
  });
});

describe('pages that need more than copying', () => {
  /** A pdf-lib page (object streams, PDF 1.7): 200 × 100 pt, text and a black box in two content streams, turned 90°, with a transparency group. */
  async function turnedPage(): Promise<Uint8Array> {
    const src = await PDFDocument.create();
    const page = src.addPage([200, 100]);
    page.drawText('Sideways', { x: 10, y: 60, size: 12, font: await src.embedFont(StandardFonts.Helvetica) });
    page.node.addContentStream(src.context.register(src.context.flateStream('q 0 0 0 1 k 10 10 50 20 re f Q')));
    page.setRotation(degrees(90));
    page.node.set(PDFName.of('Group'), src.context.obj({ Type: 'Group', S: 'Transparency', CS: 'DeviceCMYK' }));
    return src.save();
  }

  async function place(bytes: Uint8Array, keepGroup: boolean) {
    const doc = new PDFKit({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
    });
    doc.addPage({ size: [300, 300], margin: 0 });
    const form = await embedPdfPage(doc, bytes, 0, { keepGroup });
    drawPdfPage(doc, form, 50, 50, form.width, form.height);
    doc.end();
    return { form, pdf: await done };
  }

  it('joins a page’s content streams, turns it by its /Rotate, and drops its transparency group (reported)', async () => {
    const bytes = await turnedPage();
    expect((await PDFDocument.load(bytes)).getPage(0).node.Contents()).toBeInstanceOf(PDFArray);
    const { form, pdf } = await place(bytes, false);
    expect([form.width, form.height, form.boxFrom]).toEqual([100, 200, 'MediaBox']);
    expect(form.dropped.join()).toMatch(/^Group/);
    const all = await objects(pdf);
    const f = all.find((o) => nameIn(o, 'Subtype') === 'Form')!;
    expect(dictOf(f)!.has(PDFName.of('Group'))).toBe(false);
    expect(String(dictOf(f)!.get(PDFName.of('Matrix')))).toBe('[ 0 -1 1 0 0 0 ]');
    const dir = tempDir({ 'turned.pdf': pdf });
    expect(tool('qpdf', '--check', join(dir, 'turned.pdf'))).toMatch(/No syntax or stream encoding errors/);
    // Turned clockwise: the source's bottom-left corner is now top-left, so the box (10–60 across, 10–30 up) shows
    // 10–30 pt from the form's left and 10–60 pt from its top; the text reads downwards inside the placed box.
    const page = await render(join(dir, 'turned.pdf'), dir);
    expect(Math.max(...Object.values(page.at(50 + 20, 50 + 35)))).toBeLessThan(40);
    expect(page.at(50 + 50, 50 + 35)).toEqual({ r: 255, g: 255, b: 255 });
    const words = tool('pdftotext', '-bbox', join(dir, 'turned.pdf'), '-');
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Sideways</.exec(words);
    expect(m).not.toBeNull();
    const [x0, y0, x1, y1] = m!.slice(1).map(Number) as [number, number, number, number];
    expect(x0).toBeGreaterThanOrEqual(50);
    expect(x1).toBeLessThanOrEqual(150);
    expect(y0).toBeGreaterThanOrEqual(50);
    expect(y1).toBeLessThanOrEqual(250);
    expect(y1 - y0).toBeGreaterThan(x1 - x0); // runs down the page
  });

  it('keeps the transparency group when asked (a PDF/X-4 page)', async () => {
    const { form, pdf } = await place(await turnedPage(), true);
    expect(form.dropped).toEqual([]);
    const f = (await objects(pdf)).find((o) => nameIn(o, 'Subtype') === 'Form')!;
    expect(nameIn(dictOf(f)!.lookup(PDFName.of('Group'))!, 'S')).toBe('Transparency');
  });

  it('refuses a file that is not a PDF, and a page that does not exist, naming the file', async () => {
    const doc = new PDFKit({ autoFirstPage: false });
    await expect(embedPdfPage(doc, new TextEncoder().encode('%PDF-1.3\nnot really'), 0, { file: 'junk.pdf' })).rejects.toThrow(UserError);
    await expect(embedPdfPage(doc, await turnedPage(), 3, { file: 'turned.pdf' })).rejects.toThrow(/turned\.pdf has 1 page; there is no page 4/);
  });
});
