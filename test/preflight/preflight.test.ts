// newsprint preflight: a deliberately bad advert is caught, problem by problem, with its page and place; our own plant files pass.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPlant } from '../../src/plant/index.js';
import { PdfName, type XDoc } from '../../src/export/pdf/pdfx.js';
import { preflightPdf, type Finding } from '../../src/preflight/index.js';
import { cli } from '../cli/run.js';
import { FONTS, SAMPLE_EDITION } from '../helpers.js';
import { markX1aByHand } from './by-hand.js';

const MM = 72 / 25.4;
const plant = loadPlant('uk-tabloid');
const W = 280 * MM;
const H = 430 * MM;

/** A one-page PDF made with PDFKit, its TrimBox the plant's page (unless told otherwise); `draw` paints it. */
async function pdf(draw: (doc: InstanceType<typeof PDFDocument>) => void | Promise<void>, o: { size?: [number, number]; trim?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, pdfVersion: '1.3', info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const [w, h] = o.size ?? [W, H];
  doc.addPage({ size: [w, h], margin: 0 });
  if (o.trim !== false) (doc.page.dictionary.data as Record<string, unknown>)['TrimBox'] = [0, 0, w, h];
  await draw(doc);
  doc.end();
  return done;
}

const codes = (fs: readonly Finding[]) => [...new Set(fs.map((f) => f.code))].sort();

describe('a deliberately bad advert', () => {
  let findings: Finding[];
  let file: string;
  beforeAll(async () => {
    const rgbPhoto = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 20, g: 120, b: 220 } } }).png().toBuffer();
    const bytes = await pdf((doc) => {
      doc.image(rgbPhoto, 50, 50, { width: 300 }); // an RGB image, 144 ppi
      doc.rect(50, 400, 300, 100).fill([100, 100, 100, 0]); // 300 % ink
      doc.rect(50, 600, 300, 60).fill([0, 0, 0, 100]);
      doc.font('Helvetica').fontSize(4).fillColor([0, 0, 0, 0]).text('Terms and conditions apply', 60, 620); // 4 pt reversed, unembedded
      doc.font('Helvetica').fontSize(9).fillColor([0, 0, 0, 100]).text('Call 01234 567890', 60, 700);
    });
    file = join(mkdtempSync(join(tmpdir(), 'newsprint-pf-')), 'advert.pdf');
    writeFileSync(file, bytes);
    findings = (await preflightPdf(new Uint8Array(bytes), 'advert.pdf', plant)).findings;
  });

  it('names each problem with its page, and where it is on the page', () => {
    const on = (code: string) => findings.find((f) => f.code === code);
    expect(on('preflight/rgb')).toMatchObject({ severity: 'error', page: 1, message: expect.stringMatching(/DeviceRGB/) });
    expect(on('preflight/font-not-embedded')).toMatchObject({ severity: 'error', page: 1, message: expect.stringMatching(/Helvetica is not embedded/) });
    const ink = on('preflight/ink')!;
    expect(ink).toMatchObject({ severity: 'error', page: 1, message: expect.stringMatching(/^300 % total ink in a fill/) });
    // The 300 % box starts 50 pt from the left and 400 pt from the top.
    expect(ink.at!.x).toBeCloseTo(50 / MM, 0);
    expect(ink.at!.y).toBeGreaterThan(400 / MM - 1);
    expect(on('preflight/small-reversed-type')).toMatchObject({ severity: 'error', message: expect.stringMatching(/^4\.0 pt reversed/) });
    // Not PDF/X at all.
    expect(findings.some((f) => f.code === 'preflight/pdfx-id' && f.severity === 'error')).toBe(true);
    expect(findings.some((f) => f.code === 'preflight/output-intent')).toBe(true);
  });

  it('newsprint preflight prints them and exits 1; --json gives the same findings', async () => {
    const r = await cli('preflight', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/advert\.pdf: 1 page, not PDF\/X: \d+ errors/);
    expect(r.stderr).toMatch(/page 1 at \d+\.\d, \d+\.\d mm: error: 300 % total ink in a fill, above the plant's 240 % \[preflight\/ink\]/);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    try {
      expect((await cli('preflight', file, '--json')).code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const json = JSON.parse(out);
    expect(codes(json.files[0].findings)).toEqual(codes(findings));
  });
});

describe('one problem at a time', () => {
  it('a TrimBox of the wrong size, and none at all', async () => {
    const wrong = await preflightPdf(new Uint8Array(await pdf(() => {}, { size: [210 * MM, 297 * MM] })), 'a4.pdf', plant);
    expect(wrong.findings.find((f) => f.code === 'preflight/trim-size')?.message).toMatch(/210\.0 mm × 297\.0 mm; plant “uk-tabloid” prints 280\.0 mm × 430\.0 mm/);
    const none = await preflightPdf(new Uint8Array(await pdf(() => {}, { trim: false })), 'x.pdf', plant);
    expect(codes(none.findings)).toContain('preflight/no-trimbox');
  });

  it('a hairline and a thin rule; rich black small text; black text that knocks out', async () => {
    const bytes = await pdf((doc) => {
      doc.registerFont('charis', join(FONTS, 'charis-sil', 'CharisSIL-Regular.ttf'));
      doc.moveTo(50, 50).lineTo(300, 50).lineWidth(0).strokeColor([0, 0, 0, 100]).stroke();
      doc.moveTo(50, 80).lineTo(300, 80).lineWidth(0.1).strokeColor([0, 0, 0, 100]).stroke();
      doc.font('charis').fontSize(8).fillColor([60, 40, 40, 100]).text('Rich black small type', 50, 120);
      doc.font('charis').fontSize(9).fillColor([0, 0, 0, 100]).text('Plain black, knocking out', 50, 160);
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'rules.pdf', plant);
    expect(r.findings.find((f) => f.code === 'preflight/hairline')?.severity).toBe('error');
    expect(r.findings.find((f) => f.code === 'preflight/thin-rule')?.message).toMatch(/0\.10 pt rule, below the plant's 0\.25 pt/);
    expect(r.findings.find((f) => f.code === 'preflight/rich-black-text')?.message).toMatch(/^8\.0 pt text in rich black \(C 60 %, M 40 %, Y 40 %, K 100 %\)/);
    expect(r.findings.find((f) => f.code === 'preflight/black-knockout')?.severity).toBe('error'); // an error by default on a newspaper plant
    expect(r.findings.find((f) => f.code === 'preflight/thin-rule')?.severity).toBe('error');
    expect(codes(r.findings)).not.toContain('preflight/font-not-embedded');
  });

  it('a Flate-compressed CMYK image over the ink limit, and a 72 ppi photo', async () => {
    // 64 × 64 CMYK pixels at 90/80/80/90 (340 %), as raw samples in a FlateDecode image written by hand.
    const px = Buffer.alloc(64 * 64 * 4);
    for (let i = 0; i < px.length; i += 4) px.set([230, 204, 204, 230], i);
    const grey = await sharp({ create: { width: 144, height: 144, channels: 3, background: '#777' } }).greyscale().png().toBuffer();
    const bytes = await pdf((doc) => {
      const img = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: 64, Height: 64, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8, Filter: 'FlateDecode' });
      img.write(deflateSync(px));
      img.end();
      (doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects['Im9'] = img;
      doc.addContent('q 20 0 0 20 50 1000 cm /Im9 Do Q'); // 230 ppi
      doc.image(grey, 50, 200, { width: 144 }); // 144 px across 2 inches: 72 ppi
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'photos.pdf', plant);
    expect(r.findings.find((f) => f.code === 'preflight/ink')?.message).toMatch(/^340 % total ink in an image \(at 150 dpi\), above the plant's 240 %/);
    expect(r.findings.find((f) => f.code === 'preflight/low-resolution')?.message).toMatch(/^an image at 72 ppi/);
  });

  it('a CMYK JPEG over the ink limit: Adobe-inverted samples read the right way round', async () => {
    // sharp writes CMYK JPEGs inverted with an Adobe marker, and PDFKit gives them Decode [1 0 1 0 1 0 1 0].
    const cmykJpeg = (c: number, m: number, y: number, k: number) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } }).pipelineColourspace('cmyk').linear([0, 0, 0, 0], [c, m, y, k]).toColourspace('cmyk').jpeg({ quality: 100 }).toBuffer();
    const heavy = await cmykJpeg(230, 204, 204, 255); // 90/80/80/100: 350 %
    const light = await cmykJpeg(26, 26, 26, 26); // 10/10/10/10: 40 %, which would read 360 % if left inverted
    const bytes = await pdf((doc) => {
      doc.image(heavy, 100, 100, { width: 30 });
      doc.image(light, 100, 300, { width: 30 });
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'jpeg.pdf', plant);
    const ink = r.findings.filter((f) => f.code === 'preflight/ink');
    expect(ink).toHaveLength(1);
    expect(Number(/^(\d+) % total ink in an image/.exec(ink[0]!.message)?.[1])).toBeCloseTo(350, -1);
    expect(ink[0]!.message).not.toMatch(/more like it/);
    // Reported where the heavy photo is: 100 pt in and down, 30 pt across.
    expect(ink[0]!.at!.x).toBeGreaterThan(100 / MM - 0.5);
    expect(ink[0]!.at!.x).toBeLessThan(130 / MM + 0.5);
    expect(ink[0]!.at!.y).toBeLessThan(140 / MM);
  });

  it('an RGB text colour is an error, and every unembedded font on the page is named in one finding', async () => {
    const bytes = await pdf((doc) => {
      doc.font('Helvetica').fontSize(12).fillColor([0, 0, 0, 100]).text('One', 50, 50);
      doc.font('Times-Roman').fontSize(12).fillColor('#ff0000').text('Two', 50, 100);
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'fonts.pdf', plant);
    const fonts = r.findings.filter((f) => f.code === 'preflight/font-not-embedded');
    expect(fonts).toHaveLength(1);
    expect(fonts[0]!.message).toMatch(/Helvetica/);
    expect(fonts[0]!.message).toMatch(/Times-Roman/);
    expect(r.findings.find((f) => f.code === 'preflight/rgb')?.severity).toBe('error');
  });

  it('a file that is not a PDF gets its verdict, naming it (test/preflight/damaged.test.ts has the rest)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'newsprint-pf-'));
    writeFileSync(join(d, 'advert.pdf'), 'this is a Word document really');
    const r = await cli('preflight', join(d, 'advert.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/advert\.pdf: byte 0: error: the file is damaged: it is not a PDF at all \(no %PDF- header\): it begins “this is a Word document…”; nothing could be checked \[preflight\/damaged\]/);
  });
});

describe('a compliant page made by hand', () => {
  it('gives no error: PDF/X-1a ids, output intent, embedded font, K-only overprinting text, CMYK within the limit', async () => {
    const bytes = await pdf((doc) => {
      const d = markX1aByHand(doc, plant);
      const op = doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
      op.end();
      d.page.ext_gstates['GSop'] = op;
      doc.registerFont('charis', join(FONTS, 'charis-sil', 'CharisSIL-Regular.ttf'));
      doc.rect(40, 40, 200, 100).fill([20, 60, 60, 10]); // 150 %
      doc.addContent('/GSop gs');
      doc.font('charis').fontSize(9).fillColor([0, 0, 0, 100]).text('Body copy in solid black', 50, 200);
      doc.font('charis').fontSize(14).fillColor([0, 0, 0, 0]).text('REVERSED', 50, 60); // white on the tint, at 14 pt
      doc.moveTo(50, 300).lineTo(300, 300).lineWidth(0.5).strokeColor([0, 0, 0, 100]).stroke();
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'good.pdf', plant);
    expect(r.pdfx).toBe('PDF/X-1a:2001');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('a /Trapped that is neither True nor False is an error', async () => {
    const bytes = await pdf((doc) => {
      (doc as unknown as XDoc).info['Trapped'] = new PdfName('Unknown');
    });
    const r = await preflightPdf(new Uint8Array(bytes), 'trapped.pdf', plant);
    expect(r.findings.find((f) => f.code === 'preflight/trapped')?.message).toMatch(/\/Unknown/);
  });
});

describe('our own plant files', () => {
  it('pass: the whole edition and every page file, as the build reports', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsprint-pf-own-'));
    expect((await cli('build', SAMPLE_EDITION, '--out', out, '--quiet', '--formats', 'jpeg')).code).toBe(0);
    const dir = join(out, 'the-wexcombe-courier-2026-11-26');
    const files = [join(dir, 'print', 'the-wexcombe-courier-2026-11-26.pdf'), ...readdirSync(join(dir, 'print', 'pages')).map((f) => join(dir, 'print', 'pages', f))];
    const r = await cli('preflight', ...files);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/passes plant uk-tabloid/g)).toHaveLength(files.length);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.preflight).toMatchObject({ plant: 'uk-tabloid', file: 'print/the-wexcombe-courier-2026-11-26.pdf', pdfx: 'PDF/X-1a:2001', errors: 0 });
  }, 120_000);
});
