// Adverts against their booking (newsprint preflight --ad): the booking parsed and sized on the plant's grid, the
// sample adverts (examples/sample-edition/ads/) passing at their bookings, wrong sizes named with both sizes, RGB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { loadPlant } from '../../src/plant/index.js';
import { UserError } from '../../src/core/index.js';
import { bookedSize, checkAdvert, parseAdSize } from '../../src/preflight/advert.js';
import { preflightCommand } from '../../src/cli/commands/preflight.js';
import { diagnosticOf, REPO, tempDir } from '../helpers.js';

const MM = 72 / 25.4;
const plant = loadPlant('uk-tabloid');
const ADS = join(REPO, 'examples', 'sample-edition', 'ads');
const ad = (name: string) => new Uint8Array(readFileSync(join(ADS, name)));
const codes = (fs: readonly { code: string }[]) => fs.map((f) => f.code);

/** A one-page PDFKit advert w × h mm (TrimBox unless told otherwise), painted by `draw`. */
async function pdfAd(w: number, h: number, draw: (doc: InstanceType<typeof PDFDocument>) => void = () => {}, o: { trim?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, pdfVersion: '1.3', info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  doc.addPage({ size: [w * MM, h * MM], margin: 0 });
  if (o.trim !== false) (doc.page.dictionary.data as Record<string, unknown>)['TrimBox'] = [0, 0, w * MM, h * MM];
  draw(doc);
  doc.end();
  return new Uint8Array(await done);
}

/** Runs the preflight command's function (as `newsprint preflight FILE --ad BOOKING` runs it) and captures stderr. */
async function command(files: string[], ad: string): Promise<{ ok: boolean; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    return { ok: await preflightCommand({ files, plant: 'uk-tabloid', json: false, quiet: false, ad }), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('parseAdSize', () => {
  it('reads columns and a depth in cm or mm, with x or ×', () => {
    expect(parseAdSize('5x12cm')).toMatchObject({ columns: 5, text: '5x12cm' });
    expect(parseAdSize('5x12cm').depth).toBeCloseTo(120 * MM, 6);
    expect(parseAdSize('2x100mm').depth).toBeCloseTo(100 * MM, 6);
    expect(parseAdSize('3×9cm')).toMatchObject({ columns: 3, text: '3x9cm' });
    expect(parseAdSize(' 1 X 4.5 cm ').depth).toBeCloseTo(45 * MM, 6);
  });

  it('refuses anything else with the text and an example', () => {
    for (const bad of ['3 by 9', '3x9', 'x9cm', '3x9in', '3x9 inches', '', '0x9cm', '3x0cm', '2.5x9cm', '-1x9cm']) {
      const d = diagnosticOf(() => parseAdSize(bad));
      expect(d.code, bad).toBe('advert/booking');
      expect(d.message).toContain(`“${bad}”`);
      expect(d.printed).toMatch(/hint: columns, then x, then the depth in cm or mm: 5x12cm, 2x100mm, 3×9cm/);
    }
  });
});

describe('bookedSize on the plant grid', () => {
  it('N columns of 48 mm and N − 1 gutters of 4 mm on uk-tabloid; the grid comes from the plant', () => {
    for (const [n, w] of [[1, 48], [2, 100], [3, 152], [5, 256]] as const) {
      expect(bookedSize(parseAdSize(`${n}x9cm`), plant).width / MM).toBeCloseTo(w, 6);
    }
    const berliner = loadPlant('berliner');
    const col = (berliner.trim.width - berliner.margins.inside - berliner.margins.outside - 5 * berliner.gutter) / 6;
    expect(bookedSize(parseAdSize('2x9cm'), berliner).width).toBeCloseTo(2 * col + berliner.gutter, 6);
  });

  it('refuses more columns than the plant has, and a depth beyond its type area', () => {
    expect(diagnosticOf(() => bookedSize(parseAdSize('6x9cm'), plant)).message).toBe('advert booked 6x9cm, but plant “uk-tabloid” has 5 columns');
    expect(diagnosticOf(() => bookedSize(parseAdSize('2x41cm'), plant)).message).toMatch(/deeper than plant “uk-tabloid”’s type area \(404\.0 mm\)/);
  });
});

describe('checkAdvert', () => {
  it('passes every sample advert at its booking: four Ghostscript PDF/X-1a files and a CMYK JPEG, no finding at all', async () => {
    for (const [file, booking] of [['garden-centre.pdf', '5x12cm'], ['funeral-director.pdf', '2x9cm'], ['car-dealer.pdf', '3x6cm'], ['jobs-box.pdf', '2x6cm'], ['bakery.jpg', '2x4cm']]) {
      const r = await checkAdvert(ad(file!), file!, parseAdSize(booking!), plant);
      expect(r.findings, `${file} at ${booking}`).toEqual([]);
      expect(r.booking).toMatchObject({ text: booking });
    }
    const pdf = await checkAdvert(ad('garden-centre.pdf'), 'garden-centre.pdf', parseAdSize('5x12cm'), plant);
    expect(pdf).toMatchObject({ format: 'pdf', pdfx: 'PDF/X-1a:2001', booking: { columns: 5, widthMm: 256, depthMm: 120 } });
  });

  it('a wrong size fails, naming the file, the booking and both sizes in mm', async () => {
    const r = await checkAdvert(ad('jobs-box.pdf'), 'ads/jobs-box.pdf', parseAdSize('3x6cm'), plant);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code: 'preflight/ad-size', page: 1 });
    expect(r.findings[0]!.message).toBe('ads/jobs-box.pdf is 100.0 × 60.0 mm (its TrimBox); booking 3x6cm on plant “uk-tabloid” is 152.0 × 60.0 mm (3 × 48.0 mm columns with 4.0 mm gutters), within 1 mm');
    // The depth counts too.
    const deep = await checkAdvert(ad('car-dealer.pdf'), 'car-dealer.pdf', parseAdSize('3x7cm'), plant);
    expect(deep.findings[0]!.message).toMatch(/is 152\.0 × 60\.0 mm .* is 152\.0 × 70\.0 mm/);
  });

  it('allows 1 mm either way, not more; with no TrimBox the MediaBox is the size, with a warning', async () => {
    const near = await checkAdvert(await pdfAd(152.8, 59.3), 'near.pdf', parseAdSize('3x6cm'), plant);
    expect(codes(near.findings)).not.toContain('preflight/ad-size');
    const off = await checkAdvert(await pdfAd(153.3, 60), 'off.pdf', parseAdSize('3x6cm'), plant);
    expect(codes(off.findings)).toContain('preflight/ad-size');
    const media = await checkAdvert(await pdfAd(152, 60, () => {}, { trim: false }), 'media.pdf', parseAdSize('3x6cm'), plant);
    expect(media.findings.find((f) => f.code === 'preflight/no-trimbox')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/MediaBox/) });
    expect(codes(media.findings)).not.toContain('preflight/ad-size');
  });

  it('keeps the plant’s other checks for a PDF (RGB, unembedded fonts, ink) but not the page size and bleed', async () => {
    const bytes = await pdfAd(100, 90, (doc) => {
      doc.rect(10, 10, 100, 50).fill('#0050ff');
      doc.rect(10, 80, 100, 50).fill([100, 100, 100, 0]);
      doc.font('Helvetica').fontSize(9).fillColor([0, 0, 0, 100]).text('Call 01632 960 000', 10, 150);
    });
    const r = await checkAdvert(bytes, 'rgb.pdf', parseAdSize('2x9cm'), plant);
    expect(r.findings.find((f) => f.code === 'preflight/rgb')).toMatchObject({ severity: 'error', message: expect.stringMatching(/DeviceRGB/) });
    expect(codes(r.findings)).toEqual(expect.arrayContaining(['preflight/font-not-embedded', 'preflight/ink', 'preflight/pdfx-id']));
    expect(codes(r.findings)).not.toContain('preflight/trim-size');
    expect(codes(r.findings)).not.toContain('preflight/ad-size');
  });

  it('an RGB PNG advert is a warning that it will be converted, not an error', async () => {
    const r = await checkAdvert(ad('quiz-night.png'), 'quiz-night.png', parseAdSize('1x4cm'), plant);
    expect(r.format).toBe('png');
    expect(r.findings).toEqual([
      { severity: 'warning', code: 'preflight/rgb', message: 'an RGB picture (srgb): it will be converted to the plant\'s CMYK (CGATS TR 002) through its profile; bright colours may print duller' },
    ]);
  });

  it('a picture of the wrong shape, or too few pixels for the booking, fails with the sizes in px and mm', async () => {
    const r = await checkAdvert(ad('quiz-night.png'), 'quiz-night.png', parseAdSize('2x4cm'), plant);
    expect(r.findings.find((f) => f.code === 'preflight/ad-size')!.message).toBe(
      'quiz-night.png is 378 × 315 px, which at the booked width of 100.0 mm is 83.3 mm deep; booking 2x4cm on plant “uk-tabloid” (100.0 × 40.0 mm)');
    expect(r.findings.find((f) => f.code === 'preflight/ad-resolution')!.message).toMatch(/^quiz-night\.png is 378 × 315 px: 96 ppi at booking 2x4cm .* below the plant's minimum of 150 ppi \(it needs 591 × 237 px\)$/);
    // The right shape at 120 ppi: only the resolution.
    const small = await sharp({ create: { width: 227, height: 189, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const low = await checkAdvert(new Uint8Array(small), 'small.jpg', parseAdSize('1x4cm'), plant);
    expect(codes(low.findings)).toEqual(['preflight/ad-resolution', 'preflight/rgb']);
  });

  it('a CMYK JPEG over the ink limit is an error; Adobe-inverted samples read the right way round', async () => {
    const cmyk = (c: number, m: number, y: number, k: number) =>
      sharp({ create: { width: 378, height: 315, channels: 3, background: '#000' } }).pipelineColourspace('cmyk').linear([0, 0, 0, 0], [c, m, y, k]).toColourspace('cmyk').jpeg({ quality: 100 }).toBuffer();
    const heavy = await checkAdvert(new Uint8Array(await cmyk(230, 204, 204, 255)), 'heavy.jpg', parseAdSize('1x4cm'), plant);
    expect(heavy.findings).toHaveLength(1);
    expect(heavy.findings[0]!.message).toMatch(/^35\d % total ink in the picture \(at 150 dpi, at the booked size\), above the plant's 240 %$/);
    const light = await checkAdvert(new Uint8Array(await cmyk(26, 26, 26, 26)), 'light.jpg', parseAdSize('1x4cm'), plant);
    expect(light.findings).toEqual([]);
  });

  it('refuses a file that is neither PDF nor picture, naming it', async () => {
    await expect(checkAdvert(new TextEncoder().encode('Dear Sir, please find our advert attached'), 'letter.doc', parseAdSize('1x4cm'), plant)).rejects.toThrow(
      /letter\.doc is not a PDF, JPEG, PNG or TIFF advert/);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).gif().toBuffer();
    await expect(checkAdvert(new Uint8Array(gif), 'ad.gif', parseAdSize('1x4cm'), plant)).rejects.toThrow(/ad\.gif is not a PDF, JPEG, PNG or TIFF advert \(it is GIF\)/);
  });
});

describe('the preflight command with an advert booking', () => {
  it('passes a right-size advert, fails a wrong one, and says the booking on each file’s line', async () => {
    const good = await command([join(ADS, 'funeral-director.pdf'), join(ADS, 'quiz-night.png')], '2x9cm');
    expect(good.ok).toBe(false); // the PNG is 1x4cm
    expect(good.stderr).toMatch(/funeral-director\.pdf, advert booked 2x9cm: 1 page, PDF\/X-1a:2001: passes plant uk-tabloid/);
    expect(good.stderr).toMatch(/quiz-night\.png, advert booked 2x9cm: PNG picture: 2 errors, 1 warning for plant uk-tabloid/);
    const ok = await command([join(ADS, 'quiz-night.png')], '1x4cm');
    expect(ok.ok).toBe(true);
    expect(ok.stderr).toMatch(/warning: an RGB picture/);
    const wrong = await command([join(ADS, 'jobs-box.pdf')], '3x6cm');
    expect(wrong.ok).toBe(false);
    expect(wrong.stderr).toMatch(/jobs-box\.pdf: page 1: error: .*jobs-box\.pdf is 100\.0 × 60\.0 mm \(its TrimBox\); booking 3x6cm .* is 152\.0 × 60\.0 mm .*\[preflight\/ad-size\]/);
  });

  it('refuses a bad booking before reading any file', async () => {
    const dir = tempDir();
    await expect(preflightCommand({ files: [join(dir, 'missing.pdf')], plant: 'uk-tabloid', json: false, quiet: false, ad: '3 columns by 9' })).rejects.toThrow(UserError);
    await expect(preflightCommand({ files: [join(dir, 'missing.pdf')], plant: 'uk-tabloid', json: false, quiet: false, ad: '3x9in' })).rejects.toThrow(/advert size “3x9in” is not a booking such as 3x9cm/);
  });
});
