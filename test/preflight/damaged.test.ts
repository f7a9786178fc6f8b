// newsprint preflight on files it cannot fully read — garbage after a header, cut in half (linearised or not), no trailer, encrypted (RC4, AES-256), a corrupt image stream, empty, not a PDF — each one verdict with its place and exit 1, never 3; a batch gives every file its verdict (and valid JSON); nothing unprintable reaches the terminal. qpdf judges independently that each file is what we say. And findings about painted objects sit at the object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument as PdfLibDocument, PDFName, type PDFDict } from '@cantoo/pdf-lib';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPlant } from '../../src/plant/index.js';
import { preflightPdf, type PreflightResult } from '../../src/preflight/index.js';
import { cli } from '../cli/run.js';
import { FONTS, REPO } from '../helpers.js';
import { markX1aByHand } from './by-hand.js';

const MM = 72 / 25.4;
const plant = loadPlant('uk-tabloid');
const ADS = join(REPO, 'examples', 'sample-edition', 'ads');
const CLEAN = join(ADS, 'car-dealer.pdf');

/** Bytes that are no PDF syntax: a fixed linear congruential sequence (Numerical Recipes' constants), so every run is the same. */
function noise(n: number, seed = 1): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const qpdf = (...args: string[]) => spawnSync('qpdf', args, { encoding: 'utf8' });

/** A page that passes uk-tabloid: PDF/X-1a ids, output intent, Trapped, the plant's trim, an embedded font, K-only text. */
async function compliantPage(): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, pdfVersion: '1.3', info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const [w, h] = [plant.trim.width, plant.trim.height];
  doc.addPage({ size: [w, h], margin: 0 });
  (doc.page.dictionary.data as Record<string, unknown>)['TrimBox'] = [0, 0, w, h];
  markX1aByHand(doc, plant);
  doc.registerFont('charis', join(FONTS, 'charis-sil', 'CharisSIL-Regular.ttf'));
  doc.font('charis').fontSize(14).fillColor([0, 0, 0, 100]).text('A clean page', 50, 200);
  doc.end();
  return done;
}

/** A one-page pdf-lib file with an RGB PNG image placed, its Flate data then overwritten with noise (same length, so the file's structure stays whole). */
async function corruptImage(): Promise<{ bytes: Buffer; object: number }> {
  const doc = await PdfLibDocument.create();
  const page = doc.addPage([400, 400]);
  const png = await doc.embedPng(readFileSync(join(ADS, 'quiz-night.png')));
  page.drawImage(png, { x: 50, y: 50, width: 300, height: 250 });
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  const text = bytes.toString('latin1');
  const dict = text.indexOf('/Subtype /Image');
  const header = text.lastIndexOf(' 0 obj', dict);
  const object = Number(/(\d+)$/.exec(text.slice(header - 8, header))![1]);
  const start = text.indexOf('stream', dict) + 'stream\n'.length;
  const end = text.indexOf('endstream', start) - 1;
  noise(end - start, 7).copy(bytes, start);
  return { bytes, object };
}

interface Bad {
  readonly name: string;
  /** The one verdict line it gets (after `name: `), as printed. */
  readonly verdict: RegExp;
}

describe('damaged, encrypted and non-PDF files', () => {
  let dir: string;
  let clean: Buffer;
  let imageObject: number;
  const bad: Bad[] = [
    { name: 'garbage.pdf', verdict: /^byte 8: error: the file is damaged: nothing after its %PDF-1\.4 header can be read as a PDF object; it has no trailer: .*; nothing could be checked \[preflight\/damaged\]$/ },
    { name: 'half.pdf', verdict: /^byte \d+: error: the file is damaged: it is cut short: it ends in the stream of object \d+ \(begun at byte \d+\), with no cross-reference table or trailer after it; read in part: 1 page found and checked \[preflight\/damaged\]$/ },
    { name: 'half-linearised.pdf', verdict: /^byte \d+: error: the file is damaged: it is cut short: it is \d+ bytes, but says \(it is linearised\) that it is \d+; .*\[preflight\/damaged\]$/ },
    { name: 'no-trailer.pdf', verdict: /^byte \d+: error: the file is damaged: it has no trailer: no startxref in its last 1024 bytes, so its cross-reference table cannot be found; read in part: 1 page found and checked \[preflight\/damaged\]$/ },
    { name: 'rc4.pdf', verdict: /^byte \d+: error: the file is encrypted \(RC4 128-bit, password security\): plants take no encrypted PDFs; nothing else was checked \[preflight\/encrypted\]$/ },
    { name: 'aes256.pdf', verdict: /^byte \d+: error: the file is encrypted \(AES 256-bit, password security\): plants take no encrypted PDFs; nothing else was checked \[preflight\/encrypted\]$/ },
    { name: 'bad-image.pdf', verdict: /^byte \d+: error: the file is damaged: object \d+ \(an image\) has corrupt Flate data \(zlib: incorrect header check\); read in part: 1 page found and checked \[preflight\/damaged\]$/ },
    { name: 'empty.pdf', verdict: /^byte 0: error: the file is damaged: it is empty \(0 bytes\); nothing could be checked \[preflight\/damaged\]$/ },
    { name: 'picture.pdf', verdict: /^byte 0: error: the file is damaged: it is not a PDF at all \(no %PDF- header\): it is a PNG picture; nothing could be checked \[preflight\/damaged\]$/ },
    { name: 'notes.pdf', verdict: /^byte 0: error: the file is damaged: it is not a PDF at all \(no %PDF- header\): it begins “Dear Sir, our advert is…”; nothing could be checked \[preflight\/damaged\]$/ },
  ];
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsprint-damaged-'));
    clean = readFileSync(CLEAN);
    const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));
    writeFileSync(path('garbage.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n'), noise(3000)]));
    writeFileSync(path('half.pdf'), cut(clean));
    expect(qpdf('--linearize', CLEAN, path('linearised.pdf')).status).toBe(0);
    writeFileSync(path('half-linearised.pdf'), cut(readFileSync(path('linearised.pdf'))));
    writeFileSync(path('no-trailer.pdf'), clean.subarray(0, clean.lastIndexOf('trailer')));
    // qpdf 11 writes RC4 only when told that weak crypto is meant.
    expect(qpdf('--allow-weak-crypto', '--encrypt', 'u', 'o', '128', '--use-aes=n', '--', CLEAN, path('rc4.pdf')).status).toBe(0);
    expect(qpdf('--encrypt', 'u', 'o', '256', '--', CLEAN, path('aes256.pdf')).status).toBe(0);
    const image = await corruptImage();
    imageObject = image.object;
    writeFileSync(path('bad-image.pdf'), image.bytes);
    writeFileSync(path('empty.pdf'), '');
    writeFileSync(path('picture.pdf'), readFileSync(join(ADS, 'quiz-night.png')));
    writeFileSync(path('notes.pdf'), 'Dear Sir, our advert is attached as a Word file.\n');
    writeFileSync(path('clean.pdf'), await compliantPage());
  });

  it('qpdf, as an independent judge, finds each file damaged or encrypted as we say, and the clean one whole', () => {
    for (const name of ['garbage.pdf', 'half.pdf', 'half-linearised.pdf', 'no-trailer.pdf']) {
      const r = qpdf('--check', path(name));
      expect(r.status, name).not.toBe(0);
      expect(r.stderr, name).toMatch(/file is damaged.*\n.*can't find startxref/);
    }
    const cipher = (name: string) => (JSON.parse(qpdf('--json', '--json-key=encrypt', '--password=u', path(name)).stdout) as { encrypt: { encrypted: boolean; parameters: { method: string; bits: number } } }).encrypt;
    expect(cipher('rc4.pdf')).toMatchObject({ encrypted: true, parameters: { method: 'RC4', bits: 128 } });
    expect(cipher('aes256.pdf')).toMatchObject({ encrypted: true, parameters: { method: 'AESv3', bits: 256 } });
    // qpdf --check leaves image data alone; decoding every stream finds the corrupt one, the same object we name.
    const image = qpdf('--decode-level=all', '--stream-data=uncompress', path('bad-image.pdf'), path('bad-image-out.pdf'));
    expect(image.stderr).toMatch(new RegExp(`error decoding stream data for object ${imageObject} 0: stream inflate: inflate: data: incorrect header check`));
    expect(qpdf('--check', path('clean.pdf')).status).toBe(0);
  });

  it.each(bad.map((b) => [b.name, b] as const))('%s: one verdict line with its place, exit 1', async (name, b) => {
    const r = await cli('preflight', path(name));
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0], r.stderr).toMatch(new RegExp(`^${path(name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
    const verdict = lines.find((l) => /\[preflight\/(damaged|encrypted)\]$/.test(l));
    expect(verdict, r.stderr).toBeDefined();
    expect(verdict!.slice(`  ${path(name)}: `.length)).toMatch(b.verdict);
    expect(lines.filter((l) => /\[preflight\/(damaged|encrypted)\]$/.test(l)), r.stderr).toHaveLength(1);
    expectPrintable(r.stderr);
  });

  it('the corrupt image is named by the object qpdf names, at its byte in the file', async () => {
    const r = await preflightPdf(new Uint8Array(readFileSync(path('bad-image.pdf'))), 'bad-image.pdf', plant);
    const f = r.findings.find((x) => x.code === 'preflight/damaged')!;
    expect(f.message).toContain(`object ${imageObject} (an image)`);
    const text = readFileSync(path('bad-image.pdf')).toString('latin1');
    expect(text.slice(f.byte!, f.byte! + 12)).toMatch(new RegExp(`^${imageObject} 0 obj`));
    expect(r.checked).toBe('part');
  });

  it('an encrypted file has one finding, and nothing read from its encrypted strings', async () => {
    for (const name of ['rc4.pdf', 'aes256.pdf']) {
      const r = await preflightPdf(new Uint8Array(readFileSync(path(name))), name, plant);
      expect(r.findings.map((f) => f.code), name).toEqual(['preflight/encrypted']);
      expect(r.pdfx, name).toBeUndefined();
      expect(r).toMatchObject({ checked: 'none', pages: 1 });
    }
  });

  it('a batch of them all and a clean page: every file has its verdict, the clean one passes, exit 1; --json is one entry a file', async () => {
    const files = [...bad.map((b) => path(b.name)), path('clean.pdf')];
    const r = await cli('preflight', ...files);
    expect(r.code, r.stderr).toBe(1);
    for (const b of bad) expect(r.stderr, b.name).toMatch(new RegExp(`^${path(b.name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*errors?, \\d+ warnings? for plant uk-tabloid$`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^${path('clean.pdf').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: 1 page, PDF/X-1a:2001: passes plant uk-tabloid$`, 'm'));
    expectPrintable(r.stderr);

    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    let json: { code: number; stderr: string };
    try {
      json = await cli('preflight', '--json', ...files);
    } finally {
      spy.mockRestore();
    }
    expect(json.code, json.stderr).toBe(1);
    const parsed = JSON.parse(out) as { files: PreflightResult[] };
    expect(parsed.files.map((f) => f.file)).toEqual(files);
    expect(parsed.files.at(-1)).toMatchObject({ checked: 'all', findings: [] });
    for (const f of parsed.files.slice(0, -1)) expect(f.findings.some((x) => x.code === 'preflight/damaged' || x.code === 'preflight/encrypted'), f.file).toBe(true);
    expectPrintable(out);
  });

  it('the installed command (the bundle, in its own process) gives the same batch exit 1, every verdict, and only printable bytes', () => {
    const files = [...bad.map((b) => path(b.name)), path('clean.pdf')];
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'newsprint.js'), 'preflight', ...files]);
    expect(r.status, r.stderr.toString()).toBe(1);
    const text = r.stderr.toString('utf8');
    expect(text.split('\n').filter((l) => /^\S.*for plant uk-tabloid$|passes plant uk-tabloid$/.test(l))).toHaveLength(files.length);
    // The raw bytes: UTF-8 text, no control byte but line ends.
    expect(Buffer.from(text, 'utf8').equals(r.stderr)).toBe(true);
    expect([...r.stderr].filter((b) => (b < 0x20 && b !== 0x0a) || b === 0x7f)).toEqual([]);
    expectPrintable(text);
  });

  it('with --ad too, every damaged PDF gets its verdict and the batch goes on', async () => {
    const names = ['garbage.pdf', 'half-linearised.pdf', 'rc4.pdf', 'notes.pdf'];
    const r = await cli('preflight', '--ad', '3x6cm', ...names.map(path), path('half.pdf'), CLEAN);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/car-dealer\.pdf, advert booked 3x6cm: 1 page, PDF\/X-1a:2001: passes plant uk-tabloid/);
    for (const n of names) expect(r.stderr, n).toMatch(new RegExp(`${n.replace('.', '\\.')}, advert booked 3x6cm: not checked: 1 error`));
    expect(r.stderr).toMatch(/half\.pdf, advert booked 3x6cm: 1 page, not PDF\/X, read in part: \d+ errors/);
    expect(r.stderr).toMatch(/notes\.pdf: error: .*notes\.pdf is not a PDF, JPEG, PNG or TIFF advert .*\[preflight\/not-advert\]/);
    expectPrintable(r.stderr);
  });

  it('names and strings from a file are escaped: no control byte reaches the terminal', async () => {
    // A page whose blend mode and Trapped names, and PDF/X conformance string, carry escape sequences and a bell.
    const doc = await PdfLibDocument.create();
    const page = doc.addPage([400, 400]);
    const ctx = doc.context;
    doc.setTitle('x');
    const info = ctx.lookup(ctx.trailerInfo.Info) as PDFDict;
    info.set(PDFName.of('Trapped'), PDFName.of('\x1b[31mRed\x07'));
    info.set(PDFName.of('GTS_PDFXConformance'), ctx.obj('PDF/X\x1b]0;pwned\x07') as never);
    const gs = ctx.obj({ Type: 'ExtGState', BM: PDFName.of('\x1b[2JClear') });
    page.node.set(PDFName.of('Resources'), ctx.obj({ ExtGState: { GS1: gs } }));
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('/GS1 gs 0 0 0 1 k 10 10 50 50 re f')));
    const file = path('escapes.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    const r = await cli('preflight', file);
    expect(r.code).toBe(1);
    expectPrintable(r.stderr);
    expect(r.stderr).toContain('Info /Trapped is /\\x1b[31mRed\\x07');
    expect(r.stderr).toContain('blend mode \\x1b[2JClear');
  });
});

describe('findings at the painted object, not the page origin', () => {
  it('an RGB fill and a blend mode used on it are placed at the rectangle’s top-left; a clipped RGB shading at its clip', async () => {
    const doc = await PdfLibDocument.create();
    const ctx = doc.context;
    const [w, h] = [400, 500];
    // Page 1: under a translation, an RGB rectangle filled with a Multiply blend mode in force.
    const p1 = doc.addPage([w, h]);
    p1.setTrimBox(0, 0, w, h);
    p1.node.set(PDFName.of('Resources'), ctx.obj({ ExtGState: { GS1: ctx.obj({ Type: 'ExtGState', BM: 'Multiply' }) } }));
    p1.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('q 1 0 0 1 20 30 cm /GS1 gs 1 0 0 rg 100 150 80 50 re f Q')));
    // Page 2: an RGB axial shading painted with `sh` inside a clipping rectangle.
    const p2 = doc.addPage([w, h]);
    p2.setTrimBox(0, 0, w, h);
    const shading = ctx.obj({ ShadingType: 2, ColorSpace: 'DeviceRGB', Coords: [0, 0, 400, 0], Function: { FunctionType: 2, Domain: [0, 1], C0: [1, 0, 0], C1: [0, 0, 1], N: 1 } });
    p2.node.set(PDFName.of('Resources'), ctx.obj({ Shading: { Sh1: shading } }));
    p2.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('q 60 300 120 90 re W n /Sh1 sh Q')));
    const r = await preflightPdf(await doc.save({ useObjectStreams: false }), 'placed.pdf', plant);

    // The rectangle spans x 120–200, y 180–230 on the page: its top-left is 120 pt across, 500 − 230 = 270 pt down.
    const rect = { x: 120 / MM, y: 270 / MM };
    for (const code of ['preflight/rgb', 'preflight/transparency']) {
      const f = r.findings.find((x) => x.code === code && x.page === 1)!;
      expect(f, code).toBeDefined();
      expect(Math.abs(f.at!.x - rect.x), code).toBeLessThan(1);
      expect(Math.abs(f.at!.y - rect.y), code).toBeLessThan(1);
    }
    expect(r.findings.find((x) => x.code === 'preflight/transparency')!.message).toMatch(/blend mode Multiply/);
    // The shading fills its clip: 60–180 across, 300–390 up, so its top-left is 60 pt across, 110 pt down.
    const sh = r.findings.find((x) => x.code === 'preflight/rgb' && x.page === 2)!;
    expect(Math.abs(sh.at!.x - 60 / MM)).toBeLessThan(1);
    expect(Math.abs(sh.at!.y - 110 / MM)).toBeLessThan(1);
  });
});

/** No line holds a control character (C0 but tab and line ends, DEL, C1), and nothing reads as a crash. */
function expectPrintable(text: string): void {
  for (const line of text.split('\n')) {
    expect(line).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  }
  expect(text).not.toMatch(/this is a bug|undefined|Cannot read|TypeError|NaN/);
}
