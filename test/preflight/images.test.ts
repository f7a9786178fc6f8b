// Image ink in the preflight: each placement of an image reported on its own page at its own place, the same data read
// once but never confused with other data, the 150 dpi cell means (not single pixels), and the figures exactly those of
// a plain per-pixel reading.
import { deflateSync } from 'node:zlib';
import { PDFDocument as PdfLib, PDFName } from '@cantoo/pdf-lib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPlant } from '../../src/plant/index.js';
import { totalInk } from '../../src/preflight/colour.js';
import { readBits } from '../../src/preflight/functions.js';
import { imageFacts, INK_DPI } from '../../src/preflight/images.js';
import { preflightPdf, type Finding } from '../../src/preflight/index.js';
import { interpretPage, type ImageUse } from '../../src/preflight/interpret.js';
import { transform } from '../../src/preflight/matrix.js';
import { entry, numberOf, numbersOf } from '../../src/preflight/objects.js';
import { contentBytes, streamData } from '../../src/preflight/streams.js';

const MM = 72 / 25.4;
const plant = loadPlant('uk-tabloid');
const W = 280 * MM;
const H = 430 * MM;
type Doc = InstanceType<typeof PDFDocument>;

/** A PDF of `pages` plant-sized pages made with PDFKit; `draw` paints page i (from 1). */
async function pdf(pages: number, draw: (doc: Doc, page: number) => void | Promise<void>): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, pdfVersion: '1.3' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (let p = 1; p <= pages; p++) {
    doc.addPage({ size: [W, H], margin: 0 });
    (doc.page.dictionary.data as Record<string, unknown>)['TrimBox'] = [0, 0, W, H];
    await draw(doc, p);
  }
  doc.end();
  return new Uint8Array(await done);
}

type Ref = ReturnType<Doc['ref']>;
/** An image XObject written by hand (raw samples, Flate-compressed), for the page's resources under `name`. */
function image(doc: Doc, dict: Record<string, unknown>, samples: Uint8Array): Ref {
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Filter: 'FlateDecode', ...dict });
  ref.write(deflateSync(samples));
  ref.end();
  return ref;
}
const place = (doc: Doc, name: string, ref: Ref, m: readonly number[]) => {
  (doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects[name] = ref;
  doc.addContent(`q ${m.join(' ')} cm /${name} Do Q`);
};

/** 64 × 64 CMYK pixels at 20/20/20/20 (80 %), their bottom-right quarter at 90/80/80/90 (340 %). */
const QUARTER = (() => {
  const px = new Uint8Array(64 * 64 * 4);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) px.set(x >= 32 && y >= 32 ? [230, 204, 204, 230] : [51, 51, 51, 51], (y * 64 + x) * 4);
  return px;
})();

const inkFindings = (fs: readonly Finding[]) => fs.filter((f) => f.code === 'preflight/ink');
const percent = (f: Finding) => Number(/^(\d+) % total ink in an image/.exec(f.message)?.[1]);

describe('an image over the ink limit', () => {
  it('placed on several pages, is reported on each with the same figure, where each placement puts it', async () => {
    const bytes = await pdf(5, (doc, page) => {
      // Page 1 and 2: one XObject, the same size (20 pt: 230 ppi, 42 cells of 150 dpi across), in different places.
      if (page === 1) {
        const shared = image(doc, { Width: 64, Height: 64, ColorSpace: 'DeviceCMYK' }, QUARTER);
        place(doc, 'Im1', shared, [20, 0, 0, 20, 50, 1000]);
        (doc as unknown as { shared: Ref }).shared = shared;
      }
      if (page === 2) place(doc, 'Im1', (doc as unknown as { shared: Ref }).shared, [20, 0, 0, 20, 300, 200]);
      // Page 3: the same XObject again, larger (64 pt: read pixel for pixel).
      if (page === 3) place(doc, 'Im1', (doc as unknown as { shared: Ref }).shared, [64, 0, 0, 64, 100, 100]);
      // Page 4: the same bytes in an object of their own, read inverted: the quarter is light, the rest 320 %.
      if (page === 4) place(doc, 'Im2', image(doc, { Width: 64, Height: 64, ColorSpace: 'DeviceCMYK', Decode: [1, 0, 1, 0, 1, 0, 1, 0] }, QUARTER), [20, 0, 0, 20, 50, 1000]);
      // Page 5: the same bytes and dictionary in an object of their own, as page 1.
      if (page === 5) place(doc, 'Im3', image(doc, { Width: 64, Height: 64, ColorSpace: 'DeviceCMYK' }, QUARTER), [20, 0, 0, 20, 60, 900]);
    });
    const r = await preflightPdf(bytes, 'placed.pdf', plant);
    const ink = inkFindings(r.findings);
    expect(ink.map((f) => f.page)).toEqual([1, 2, 3, 4, 5]);
    const [p1, p2, p3, p4, p5] = ink as [Finding, Finding, Finding, Finding, Finding];
    expect(p1.message).toBe("340 % total ink in an image (at 150 dpi), above the plant's 240 %");
    expect(p2.message).toBe(p1.message);
    expect(p3.message).toBe(p1.message);
    expect(p5.message).toBe(p1.message);
    expect(percent(p4)).toBe(320);
    // PDFKit's pages are drawn y down from the top, so the points below are mm from the top-left as findings give them.
    // Page 1: in the heavy quarter, the right half of the image (60–70 pt across) and its last rows (1000–1010 pt down).
    expect(p1.at!.x).toBeGreaterThan(60 / MM);
    expect(p1.at!.x).toBeLessThan(70 / MM);
    expect(p1.at!.y).toBeGreaterThan(1000 / MM);
    expect(p1.at!.y).toBeLessThan(1010 / MM);
    // Page 2: the same cell, 250 pt to the right and 800 pt higher up the page.
    expect(p2.at!.x).toBeCloseTo(p1.at!.x + 250 / MM, 6);
    expect(p2.at!.y).toBeCloseTo(p1.at!.y - 800 / MM, 6);
    // Page 5: 10 pt to the right and 100 pt higher than page 1.
    expect(p5.at!.x).toBeCloseTo(p1.at!.x + 10 / MM, 6);
    expect(p5.at!.y).toBeCloseTo(p1.at!.y - 100 / MM, 6);
    // Page 3: the quarter's first pixel, read one for one: 100 + 64 × 32.5/64 pt across, 100 + 64 × (1 − 32.5/64) down.
    expect(p3.at!.x).toBeCloseTo(132.5 / MM, 6);
    expect(p3.at!.y).toBeCloseTo(131.5 / MM, 6);
    // Page 4: the rest is the heavy part now, outside the quarter.
    expect(p4.at!.x < 60 / MM || p4.at!.y > 1010 / MM).toBe(true);
  });

  it('is judged by the mean ink of each 150 dpi cell, not by a single pixel', async () => {
    // 300 × 300 pixels at 25 % on each plate (100 %) across 72 pt: 300 ppi, so each 150 dpi cell is 2 × 2 pixels.
    const field = () => new Uint8Array(300 * 300 * 4).fill(64);
    const heavy = (px: Uint8Array, x: number, y: number) => px.set([255, 255, 255, 255], (y * 300 + x) * 4);
    const spiked = field();
    heavy(spiked, 101, 101); // one 400 % pixel: its cell is (400 + 3 × 100) ÷ 4 = 175 %
    const blocked = field();
    for (let y = 200; y < 204; y++) for (let x = 40; x < 44; x++) heavy(blocked, x, y); // a 4 × 4 block at 400 %: two cells by two
    const spike = await pdf(1, (doc) => place(doc, 'Im1', image(doc, { Width: 300, Height: 300, ColorSpace: 'DeviceCMYK' }, spiked), [72, 0, 0, 72, 100, 100]));
    expect(inkFindings((await preflightPdf(spike, 'spike.pdf', plant)).findings)).toEqual([]);
    const block = await pdf(1, (doc) => place(doc, 'Im1', image(doc, { Width: 300, Height: 300, ColorSpace: 'DeviceCMYK' }, blocked), [72, 0, 0, 72, 100, 100]));
    const [f] = inkFindings((await preflightPdf(block, 'block.pdf', plant)).findings);
    expect(f?.message).toMatch(/^400 % total ink in an image/);
    // The block's first cell: pixels 40–41 across, 200–201 down, so its centre is at 41 px, 201 px of 300 in 72 pt.
    expect(f!.at!.x).toBeCloseTo((100 + (72 * 41) / 300) / MM, 6);
    expect(f!.at!.y).toBeCloseTo((100 + 72 * (1 - 201 / 300)) / MM, 6);
  });
});

/**
 * The ink figures as a plain reading works them out, pixel by pixel: each pixel's colour through its colour space,
 * then the mean over each 150 dpi cell, across then down (partial pixels weighted), and the first heaviest cell.
 */
async function plainReading(use: ImageUse): Promise<{ ink: number; at: { x: number; y: number } } | undefined> {
  const dict = use.stream!.dict;
  const space = use.space!;
  const width = numberOf(entry(dict, 'Width'))!;
  const height = numberOf(entry(dict, 'Height'))!;
  const data = streamData(use.stream!);
  let bytes = data.bytes;
  let bpc = numberOf(entry(dict, 'BitsPerComponent')) ?? 8;
  if (data.codec === 'DCTDecode') {
    const raw = await sharp(bytes, { ignoreIcc: true }).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
    bytes = Uint8Array.from(raw, (s) => 255 - s); // sharp's CMYK JPEGs carry the Adobe marker: stored inverted
    bpc = 8;
  }
  const n = space.components;
  const decode = numbersOf(entry(dict, 'Decode')) ?? space.defaultDecode(bpc);
  const max = 2 ** bpc - 1;
  const rowBits = Math.ceil((width * n * bpc) / 8) * 8;
  const ink = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const values = Array.from({ length: n }, (_, c) => decode[2 * c]! + (readBits(bytes, y * rowBits + (x * n + c) * bpc, bpc) / max) * (decode[2 * c + 1]! - decode[2 * c]!));
      const i = space.ink(values);
      ink[y * width + x] = i ? totalInk(i) : 0;
    }
  }
  const w = Math.min(width, Math.max(1, Math.ceil((Math.hypot(use.ctm[0], use.ctm[1]) / 72) * INK_DPI)));
  const h = Math.min(height, Math.max(1, Math.ceil((Math.hypot(use.ctm[2], use.ctm[3]) / 72) * INK_DPI)));
  const mean = (a: Float32Array, at: number, stride: number, count: number, cell: number, cells: number) => {
    const start = (cell * count) / cells;
    const end = ((cell + 1) * count) / cells;
    let sum = 0;
    for (let k = Math.floor(start); k < Math.ceil(end); k++) sum += a[at + k * stride]! * (Math.min(end, k + 1) - Math.max(start, k));
    return sum / (end - start);
  };
  const across = new Float32Array(w * height);
  for (let y = 0; y < height; y++) for (let j = 0; j < w; j++) across[y * w + j] = mean(ink, y * width, 1, width, j, w);
  const cells = new Float32Array(w * h);
  for (let x = 0; x < w; x++) for (let i = 0; i < h; i++) cells[i * w + x] = mean(across, x, w, height, i, h);
  let best = 0;
  for (let i = 1; i < cells.length; i++) if (cells[i]! > cells[best]!) best = i;
  return { ink: cells[best]!, at: transform(use.ctm, ((best % w) + 0.5) / w, 1 - (Math.floor(best / w) + 0.5) / h) };
}

describe('image ink figures', () => {
  it('are exactly those of a plain per-pixel reading, in every colour space and bit depth', async () => {
    let seed = 12345;
    const noise = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
    const cmykJpeg = await sharp(Buffer.from(noise(90 * 70 * 4)), { raw: { width: 90, height: 70, channels: 4 } }).toColourspace('cmyk').jpeg({ quality: 70 }).toBuffer();
    const bytes = await pdf(1, (doc) => {
      const tint = doc.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0.9, 0.8, 0.1, 0.7], N: 1.5 });
      tint.end();
      const images: [Record<string, unknown>, Uint8Array, number[]][] = [
        [{ Width: 97, Height: 61, ColorSpace: 'DeviceCMYK' }, noise(97 * 61 * 4), [40, 0, 0, 25, 300, 600]],
        [{ Width: 97, Height: 61, ColorSpace: 'DeviceCMYK', Decode: [1, 0, 0, 1, 0.2, 0.9, 0, 1] }, noise(97 * 61 * 4), [0, 30, -20, 0, 400, 700]],
        [{ Width: 33, Height: 17, ColorSpace: 'DeviceCMYK', BitsPerComponent: 16 }, noise(33 * 17 * 8), [10, 0, 0, 5, 500, 600]],
        [{ Width: 31, Height: 19, ColorSpace: 'DeviceCMYK', BitsPerComponent: 4 }, noise(62 * 19), [10, 0, 0, 6, 550, 600]],
        [{ Width: 50, Height: 40, ColorSpace: ['Indexed', 'DeviceCMYK', 15, new String(Buffer.from(noise(64)).toString('latin1'))], BitsPerComponent: 4 }, noise(25 * 40), [30, 0, 0, 24, 600, 700]],
        [{ Width: 64, Height: 64, ColorSpace: ['Separation', 'Spot', 'DeviceCMYK', tint] }, noise(64 * 64), [30, 0, 0, 30, 100, 900]],
        [{ Width: 40, Height: 30, ColorSpace: ['DeviceN', ['Cyan', 'Magenta', 'Orange'], 'DeviceCMYK', tint] }, noise(40 * 30 * 3), [20, 0, 0, 15, 200, 900]],
        [{ Width: 45, Height: 33, ColorSpace: 'DeviceGray', BitsPerComponent: 2 }, noise(12 * 33), [5, 0, 0, 4, 700, 1000]],
      ];
      images.forEach(([dict, samples, m], i) => place(doc, `Im${i}`, image(doc, dict, samples), m));
      doc.image(cmykJpeg, 100, 100, { width: 30 });
      doc.image(cmykJpeg, 200, 100, { width: 200 });
    });
    const doc = await PdfLib.load(bytes);
    const page = doc.getPages()[0]!.node;
    const uses = interpretPage(contentBytes(page.lookup(PDFName.of('Contents'))), page.lookup(PDFName.of('Resources')) as never).images;
    expect(uses).toHaveLength(10);
    for (const use of uses) {
      const facts = await imageFacts(use);
      expect(facts?.maxInk, use.space?.name).toEqual(await plainReading(use));
    }
  });
});
