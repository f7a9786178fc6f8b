// Print renditions of photos: colour space, pixel size for the placement, ink within the newsprint limit, low-resolution warnings and clear errors.
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ImageAsset, ImageItem } from '../../../src/core/index.js';
import { UserError } from '../../../src/core/span.js';
import { printImage, type Placement, type PrintImage } from '../../../src/export/pdf/print-image.js';
import { REPO } from '../../helpers.js';

const PROFILE = join(REPO, 'color', 'snap-tr002-newsprint.icc');
/** The shipped plants' photo settings: 240 % total ink, 150 ppi minimum, 200 ppi target. */
const PLANT = {
  outputCondition: { identifier: 'CGATS TR 002', info: 'Coldset newsprint', registry: 'http://www.color.org', profile: PROFILE },
  totalInk: 240,
  images: { minimum: 150, target: 200 },
};
const SRC = { file: 'stories/fire.md', line: 7, col: 1 };
const MM = 72 / 25.4;

/** An asset as loadImages hands it over. */
async function asset(name: string, data: Buffer): Promise<ImageAsset> {
  const meta = await sharp(data).metadata();
  return { id: `/photos/${name}`, file: `/photos/${name}`, widthPx: meta.width, heightPx: meta.height, data, format: meta.format === 'png' ? 'png' : 'jpeg' };
}

/** The whole image placed `widthMm` wide at its own aspect ratio. */
function whole(a: ImageAsset, widthMm: number): Placement {
  const widthPt = widthMm * MM;
  return { widthPt, heightPt: (widthPt * a.heightPx) / a.widthPx, crop: { left: 0, top: 0, width: a.widthPx, height: a.heightPx } };
}

/** Vertical bars of the given sRGB colours, `w` × `h` px. */
function bars(colours: readonly (readonly [number, number, number])[], w: number, h: number): Sharp {
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) px.set(colours[Math.floor((x * colours.length) / w)]!, (y * w + x) * 3);
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } });
}

const SATURATED: Record<string, readonly [number, number, number]> = {
  red: [255, 0, 0], green: [0, 255, 0], blue: [0, 0, 255], cyan: [0, 255, 255], magenta: [255, 0, 255], yellow: [255, 255, 0],
  black: [0, 0, 0], navy: [0, 0, 80], 'dark green': [0, 60, 0], 'dark brown': [60, 30, 10],
};

/** What the press gets: JPEG colour model, channels and pixel size, read back from the bytes. */
async function jpegOf(img: PrintImage): Promise<{ format: string | undefined; space: string | undefined; channels: number | undefined; width: number; height: number }> {
  const m = await sharp(img.data).metadata();
  return { format: m.format, space: m.space, channels: m.channels, width: m.width, height: m.height };
}

/** The CMYK values, per cent, of the rendition's pixel at (x, y), as stored. */
async function cmykAt(img: PrintImage, x: number, y: number): Promise<number[]> {
  const raw = await sharp(img.data).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
  const i = (y * img.widthPx + x) * 4;
  return [...raw.subarray(i, i + 4)].map((v) => Math.round(v / 2.55));
}

/** Runs printImage, expecting a UserError; returns its first diagnostic. */
async function errorOf(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e: unknown = await run.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof UserError)) throw new Error(`expected a UserError, got ${String(e)}`);
  return e.diagnostics[0]!;
}

/** Highest total ink of any pixel of the JPEG as the plant reads it, per cent (grey: K). */
async function inkOf(image: { data: Buffer; colorSpace: 'cmyk' | 'gray' }): Promise<number> {
  const gray = image.colorSpace === 'gray';
  const raw = await (gray ? sharp(image.data).toColourspace('b-w') : sharp(image.data).pipelineColourspace('cmyk').toColourspace('cmyk')).raw().toBuffer();
  let max = 0;
  if (gray) for (const v of raw) max = Math.max(max, 255 - v);
  else for (let i = 0; i + 3 < raw.length; i += 4) max = Math.max(max, raw[i]! + raw[i + 1]! + raw[i + 2]! + raw[i + 3]!);
  return (max / 255) * 100;
}

describe('printImage: colour', () => {
  it('converts an RGB photo to newsprint CMYK with every saturated colour and black within 240 % ink', async () => {
    const colours = Object.values(SATURATED);
    const a = await asset('bars.jpg', await bars(colours, 100 * colours.length, 100).jpeg({ quality: 95 }).toBuffer());
    const { image, warnings } = await printImage(a, whole(a, 100), PLANT, SRC);
    expect(image.colorSpace).toBe('cmyk');
    expect(await jpegOf(image)).toMatchObject({ format: 'jpeg', space: 'cmyk', channels: 4 });
    expect((await inkOf(image))).toBeLessThanOrEqual(240 + 2);
    expect(warnings).toEqual([]);
    // The middle of each bar, away from JPEG ringing at the edges: within the limit itself.
    const step = image.widthPx / colours.length;
    for (let k = 0; k < colours.length; k++) {
      const ink = (await cmykAt(image, Math.floor((k + 0.5) * step), image.heightPx >> 1)).reduce((s, v) => s + v, 0);
      expect(ink, Object.keys(SATURATED)[k]).toBeLessThanOrEqual(240);
    }
    // Black is a rich black with a full black plate; red is magenta and yellow, no cyan.
    const black = await cmykAt(image, Math.floor(6.5 * step), 10);
    expect(black[3]).toBeGreaterThanOrEqual(95);
    const red = await cmykAt(image, Math.floor(0.5 * step), 10);
    expect(red[0]).toBeLessThan(5);
    expect(red[1]).toBeGreaterThan(75);
    expect(red[2]).toBeGreaterThan(75);
  });

  it('keeps a greyscale photo grey: one channel on the black plate, through the press’s K curve', async () => {
    const grey = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#404040' } }).toColourspace('b-w').jpeg().toBuffer();
    const a = await asset('grey.jpg', grey);
    const { image } = await printImage(a, whole(a, 80), PLANT, SRC);
    expect(image.colorSpace).toBe('gray');
    expect(await jpegOf(image)).toMatchObject({ space: 'b-w', channels: 1 });
    // #404040 would be 75 % K inverted as it is; newsprint's dot gain would print that too dark, so it gets less.
    expect((await inkOf(image))).toBeGreaterThan(62);
    expect((await inkOf(image))).toBeLessThan(72);
  });

  it('prints greys so their tones survive dot gain: black stays solid, white stays paper, a midtone gets less K than 50 %', async () => {
    const strip = await sharp(Buffer.from([0, 0, 0, 128, 128, 128, 255, 255, 255].flatMap((v) => Array(1).fill(v))), { raw: { width: 3, height: 1, channels: 3 } })
      .resize(600, 200, { kernel: 'nearest' }).toColourspace('b-w').png().toBuffer();
    const a = await asset('greys.png', strip);
    const { image } = await printImage(a, whole(a, 60), PLANT, SRC);
    const raw = await sharp(image.data).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    const kAt = (x: number) => (255 - raw.data[100 * raw.info.width + Math.round(x * raw.info.width)]!) / 2.55;
    expect(kAt(1 / 6)).toBeGreaterThan(97);
    expect(kAt(3 / 6)).toBeGreaterThan(35);
    expect(kAt(3 / 6)).toBeLessThan(47);
    expect(kAt(5 / 6)).toBeLessThan(2);
  });

  it('re-converts a CMYK photo made for another press so its ink stays within the limit', async () => {
    // sharp's own CMYK conversion puts this deep plum at about 280 % ink: too much for newsprint.
    const cmyk = await bars([[51, 17, 34], [0, 0, 0], [255, 0, 0]], 600, 200).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer();
    const source = await sharp(cmyk).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
    expect((source[0]! + source[1]! + source[2]! + source[3]!) / 2.55).toBeGreaterThan(270);
    const a = await asset('cmyk.jpg', cmyk);
    const { image } = await printImage(a, whole(a, 60), PLANT, SRC);
    expect(image.colorSpace).toBe('cmyk');
    expect(await jpegOf(image)).toMatchObject({ space: 'cmyk', channels: 4 });
    expect((await inkOf(image))).toBeLessThanOrEqual(240 + 2);
    expect((await cmykAt(image, 20, 20)).reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(240);
  });

  it('reduces a 16-bit PNG to an 8-bit CMYK JPEG', async () => {
    const png16 = await bars([[200, 30, 30], [30, 30, 200]], 400, 300).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const a = await asset('deep.png', png16);
    const { image } = await printImage(a, whole(a, 40), PLANT, SRC);
    const m = await sharp(image.data).metadata();
    expect([m.format, m.space, m.depth]).toEqual(['jpeg', 'cmyk', 'uchar']);
    expect((await inkOf(image))).toBeLessThanOrEqual(240 + 2);
  });

  it('flattens a PNG with alpha onto white paper: transparent parts carry no ink', async () => {
    const rgba = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 200, height: 200, channels: 4, background: { r: 0, g: 0, b: 120, alpha: 1 } } }, left: 100, top: 100 }])
      .png()
      .toBuffer();
    const a = await asset('logo.png', rgba);
    const { image } = await printImage(a, whole(a, 50), PLANT, SRC);
    expect(await jpegOf(image)).toMatchObject({ space: 'cmyk', channels: 4 });
    expect(await cmykAt(image, 5, 5)).toEqual([0, 0, 0, 0]);
    expect((await cmykAt(image, image.widthPx >> 1, image.heightPx >> 1)).reduce((s, v) => s + v, 0)).toBeGreaterThan(150);
  });

  it('converts a palette PNG to CMYK', async () => {
    const palette = await bars([[255, 0, 0], [0, 128, 0], [255, 255, 255]], 300, 100).png({ palette: true, colours: 4 }).toBuffer();
    expect((await sharp(palette).metadata()).isPalette).toBe(true);
    const a = await asset('map.png', palette);
    const { image } = await printImage(a, whole(a, 30), PLANT, SRC);
    expect(image.colorSpace).toBe('cmyk');
    expect(await cmykAt(image, image.widthPx - 3, 3)).toEqual([0, 0, 0, 0]);
    expect((await inkOf(image))).toBeLessThanOrEqual(240 + 2);
  });
});

describe('printImage: size and resolution', () => {
  it('cuts out the crop and resamples it down to 200 ppi at the placed size', async () => {
    // Left half red, right half blue; the right half placed 50 × 75 mm.
    const a = await asset('two.jpg', await bars([[255, 0, 0], [0, 0, 255]], 2000, 1500).jpeg().toBuffer());
    const crop: ImageItem['crop'] = { left: 1000, top: 0, width: 1000, height: 1500 };
    const { image, warnings } = await printImage(a, { widthPt: 50 * MM, heightPt: 75 * MM, crop }, PLANT, SRC);
    expect([image.widthPx, image.heightPx]).toEqual([Math.round((50 / 25.4) * 200), Math.round((75 / 25.4) * 200)]);
    expect(image.ppi).toBeCloseTo(200, 0);
    expect(warnings).toEqual([]);
    expect((await cmykAt(image, 2, 2))[0]).toBeGreaterThan(80); // blue: mostly cyan, nothing of the red half
  });

  it('brings a 40-megapixel photo down to the placement in a few seconds', async () => {
    // Noise blown up 8 times: detail at every scale, made far faster than 40 megapixels of noise.
    const noise = await sharp({ create: { width: 968, height: 646, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    const big = await sharp(noise).resize(7744, 5164, { kernel: 'nearest' }).jpeg({ quality: 85 }).toBuffer();
    const a = await asset('big.jpg', big);
    const placed = whole(a, 5 * 48 + 4 * 4); // five columns
    const started = performance.now();
    const { image, warnings } = await printImage(a, placed, PLANT, SRC);
    const seconds = (performance.now() - started) / 1000;
    expect([image.widthPx, image.heightPx]).toEqual([Math.round((256 / 25.4) * 200), Math.round((placed.heightPt / 72) * 200)]);
    // The conversion keeps within 240 %; a handful of the 2.7 million JPEG pixels ring a few per cent over at the hard block edges.
    expect((await inkOf(image))).toBeLessThan(250);
    expect(warnings).toEqual([]);
    expect(seconds).toBeLessThan(5); // about 0.5 s on one core
  });

  it('never resamples up, and warns with the file name when a photo prints below the minimum', async () => {
    const a = await asset('mayor.jpg', await bars([[120, 90, 60]], 400, 300).jpeg().toBuffer());
    const { image, warnings } = await printImage(a, { widthPt: 400, heightPt: 300, crop: { left: 0, top: 0, width: 400, height: 300 } }, PLANT, SRC);
    expect([image.widthPx, image.heightPx]).toEqual([400, 300]);
    expect(image.ppi).toBeCloseTo(72, 5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', code: 'image/low-resolution', span: SRC });
    expect(warnings[0]!.message).toContain('/photos/mayor.jpg');
    expect(warnings[0]!.message).toContain('72 ppi');
    expect(warnings[0]!.message).toContain('minimum of 150 ppi');
  });

  it('keeps the pixels of a photo between the minimum and the target, without a warning', async () => {
    const a = await asset('council.jpg', await bars([[90, 120, 60]], 700, 500).jpeg().toBuffer());
    const { image, warnings } = await printImage(a, whole(a, 100), PLANT, SRC); // 178 ppi
    expect([image.widthPx, image.heightPx]).toEqual([700, 500]);
    expect(warnings).toEqual([]);
  });
});

describe('printImage: bad photos', () => {
  it('refuses a truncated JPEG with a UserError naming the file', async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#884422', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).jpeg().toBuffer();
    const a = { ...(await asset('cut.jpg', jpeg)), data: jpeg.subarray(0, jpeg.length >> 1) };
    const d = await errorOf(printImage(a, whole(a, 50), PLANT, SRC));
    expect(d.code).toBe('image/unreadable');
    expect(d.message).toContain('/photos/cut.jpg');
    expect(d.message).toMatch(/premature|truncat/i);
  });

  it('refuses bytes that are not an image', async () => {
    const good = await asset('x.jpg', await bars([[0, 0, 0]], 10, 10).jpeg().toBuffer());
    const a = { ...good, file: '/photos/notes.jpg', data: Buffer.from('this is not a photo') };
    const d = await errorOf(printImage(a, whole(good, 10), PLANT, SRC));
    expect(d.message).toContain('/photos/notes.jpg');
  });

  it('accepts a busy dark photo whose JPEG rings a little over the limit at hard edges', async () => {
    // Random dots of rich black, dark colours and white: the conversion keeps within 240 %, the JPEG's ringing does not quite.
    const palette = [[0, 0, 0], [255, 255, 255], [0, 0, 80], [60, 30, 10], [0, 60, 0], [51, 17, 34]] as const;
    const w = 256;
    const px = Buffer.alloc(w * w * 3);
    for (let i = 0; i < w * w; i++) px.set(palette[(i * 7919 + (i >> 3) * 104729) % palette.length]!, i * 3);
    const a = await asset('crowd.png', await sharp(px, { raw: { width: w, height: w, channels: 3 } }).png().toBuffer());
    const { image } = await printImage(a, whole(a, 30), PLANT, SRC);
    expect((await inkOf(image))).toBeGreaterThan(200);
    expect((await inkOf(image))).toBeLessThan(255);
  });

  it('refuses a profile that breaks the ink limit, naming the file', async () => {
    const a = await asset('night.jpg', await bars([[0, 0, 0]], 200, 200).jpeg().toBuffer());
    const d = await errorOf(printImage(a, whole(a, 20), { ...PLANT, totalInk: 180 }, SRC));
    expect(d.code).toBe('image/ink-limit');
    expect(d.message).toContain('/photos/night.jpg');
  });
});

describe('printImage in the PDF', () => {
  it('is embedded by PDFKit as DeviceCMYK and reads back the right way round (not inverted)', async () => {
    // Solid red: magenta and yellow ink. Inverted CMYK would show as dark cyan.
    const a = await asset('red.jpg', await bars([[255, 0, 0]], 100, 100).jpeg().toBuffer());
    const { image } = await printImage(a, whole(a, 20), PLANT, SRC);
    const doc = new PDFDocument({ size: [200, 200], compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.image(image.data, 10, 10, { width: 50, height: 50 });
    doc.end();
    const pdf = await done;

    const dict = /\/Subtype \/Image[\s\S]*?>>/.exec(pdf.toString('latin1'))?.[0] ?? '';
    expect(dict).toContain('/ColorSpace /DeviceCMYK');
    expect(dict).toContain('/Filter /DCTDecode');

    const reader = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const page = await reader.getPage(1);
    const ops = await page.getOperatorList();
    const name = ops.argsArray[ops.fnArray.indexOf(OPS.paintImageXObject)]![0] as string;
    const img = await new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((resolve) => page.objs.get(name, resolve));
    await reader.destroy();
    const bpp = img.data.length / (img.width * img.height);
    const [r, g, b] = img.data.subarray(0, 3);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
    expect(bpp).toBeGreaterThanOrEqual(3);
  });
});
