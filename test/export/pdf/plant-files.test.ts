// The plant files checked with tools that are not ours: poppler's pdfinfo and pdffonts, qpdf, and Ghostscript's
// separations (tiffsep). CI installs them (.ci/run); here they are required, never skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../../src/core/index.js';
import { buildEdition, editionFromArticles, editionFromFile } from '../../../src/publish/index.js';
import { loadTemplateSet } from '../../../src/template/index.js';
import { cli } from '../../cli/run.js';
import { FONTS, SAMPLE_EDITION, SEED, TEMPLATES } from '../../helpers.js';

const MM = 72 / 25.4;
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** pdfinfo -box for every page: the boxes in mm, and the document's PDF version and subtype. */
function boxes(pdf: string): { version: string; subtype: string; pages: { media: number[]; trim: number[]; bleed: number[] }[] } {
  const head = tool('pdfinfo', pdf);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(head)![1]);
  const all = tool('pdfinfo', '-box', '-f', '1', '-l', String(pages), pdf);
  const box = (page: number, name: string) =>
    new RegExp(`^Page\\s+${page} ${name}:\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)`, 'm').exec(all)!.slice(1).map((v) => Number(v) / MM);
  return {
    version: /^PDF version:\s+(\S+)/m.exec(head)![1]!,
    subtype: /^PDF subtype:\s+(.+)$/m.exec(head)?.[1]?.trim() ?? '',
    pages: Array.from({ length: pages }, (_, i) => ({ media: box(i + 1, 'MediaBox'), trim: box(i + 1, 'TrimBox'), bleed: box(i + 1, 'BleedBox') })),
  };
}

/** Highest total ink of any pixel of page `page` at 150 dpi, from Ghostscript's C, M, Y and K separations, and the plates. */
async function separations(pdf: string, page: number): Promise<{ maxInk: number; plates: Buffer[]; width: number; height: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-sep-'));
  tool('gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiffsep', '-r150', `-dFirstPage=${page}`, `-dLastPage=${page}`, '-o', join(dir, 'p.tif'), pdf);
  const plates: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (const name of ['Cyan', 'Magenta', 'Yellow', 'Black']) {
    // Each separation is a grey image: 255 is no ink, 0 is solid.
    const { data, info } = await sharp(join(dir, `p(${name}).tif`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    plates.push(data);
    width = info.width;
    height = info.height;
  }
  let max = 0;
  for (let i = 0; i < plates[0]!.length; i++) {
    const ink = 1020 - plates[0]![i]! - plates[1]![i]! - plates[2]![i]! - plates[3]![i]!;
    if (ink > max) max = ink;
  }
  return { maxInk: (max / 255) * 100, plates, width, height };
}

/** Every object and content stream of the file, uncompressed by qpdf, as text. */
const uncompressed = (pdf: string) => tool('qpdf', '--qdf', '--object-streams=disable', pdf, '-');

interface Built {
  readonly name: string;
  readonly dir: string;
  readonly pdf: string;
}

async function build(...args: string[]): Promise<Built> {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-plant-'));
  const r = await cli('build', ...args, '--out', out, '--quiet', '--formats', 'jpeg');
  expect(r.code, r.stderr).toBe(0);
  const name = readdirSync(out).find((d) => !d.startsWith('.'))!;
  const dir = join(out, name);
  return { name, dir, pdf: join(dir, 'print', `${name}.pdf`) };
}

const cases: [string, () => Promise<Built>][] = [['the sample edition', () => build(SAMPLE_EDITION)]];
if (existsSync(SEED)) cases.push(['the seed story', () => build(SEED)]);

describe.each(cases)('uk-tabloid plant files of %s', (_, make) => {
  let b: Built;
  beforeAll(async () => {
    b = await make();
  }, 60_000);

  it('pdfinfo: PDF 1.3, PDF/X-1:2001, TrimBox 280 × 430 mm ± 0.1 mm on every page, MediaBox and BleedBox the trim (no bleed)', () => {
    const info = boxes(b.pdf);
    expect(info.version).toBe('1.3');
    expect(info.subtype).toBe('PDF/X-1:2001');
    expect(info.pages.length % 4).toBe(0);
    for (const p of info.pages) {
      const [x0, y0, x1, y1] = p.trim as [number, number, number, number];
      expect(Math.abs(x1 - x0 - 280)).toBeLessThan(0.1);
      expect(Math.abs(y1 - y0 - 430)).toBeLessThan(0.1);
      p.media.forEach((v, i) => expect(v).toBeCloseTo(p.trim[i]!, 2));
      p.bleed.forEach((v, i) => expect(v).toBeCloseTo(p.trim[i]!, 2));
    }
  });

  it('one file a page, named by the plant pattern, each PDF/X-1a on its own', () => {
    const files = readdirSync(join(b.dir, 'print', 'pages')).sort();
    expect(files.length).toBe(boxes(b.pdf).pages.length);
    files.forEach((f, i) => expect(f).toMatch(new RegExp(`^[A-Z0-9]{2,8}_\\d{8}_P${String(i + 1).padStart(2, '0')}\\.pdf$`)));
    const one = boxes(join(b.dir, 'print', 'pages', files[0]!));
    expect([one.version, one.subtype, one.pages.length]).toEqual(['1.3', 'PDF/X-1:2001', 1]);
  });

  it('pdffonts: every font embedded and subset; qpdf --check: no errors', () => {
    const rows = tool('pdffonts', b.pdf).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(tool('qpdf', '--check', b.pdf)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('no RGB anywhere: no DeviceRGB, CalRGB or three-component ICC colour, no rg/RG operators; the output intent is there', () => {
    const text = uncompressed(b.pdf);
    expect(text).not.toMatch(/\/DeviceRGB|\/CalRGB/);
    expect(text).not.toMatch(/(^|\s)[\d.]+\s+[\d.]+\s+[\d.]+\s+(rg|RG)(\s|$)/m);
    expect(text).toMatch(/\/S \/GTS_PDFX/);
    // The only ICC profile is the 4-component output profile.
    for (const m of text.matchAll(/\/N (\d)\b/g)) expect(m[1]).toBe('4');
  });

  it('Ghostscript separations at 150 dpi: no pixel above 240 % total ink on any page', async () => {
    const pages = boxes(b.pdf).pages.length;
    for (let p = 1; p <= pages; p++) {
      const { maxInk } = await separations(b.pdf, p);
      expect(maxInk, `page ${p}`).toBeLessThanOrEqual(240.5);
    }
  }, 60_000);
});

describe('body text on the black plate only', () => {
  it('every body line of the page has ink on K and none on C, M or Y', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsprint-plant-'));
    const edition = existsSync(SEED) ? editionFromArticles([SEED]) : editionFromFile(SAMPLE_EDITION);
    const result = await buildEdition({ edition, templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out });
    const pdf = join(result.dir, 'print', `${edition.slug}.pdf`);
    const page = result.layout.pages[0]!;
    const body = page.frame.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.font === 'body' && i.size === 9);
    expect(body.length).toBeGreaterThan(50);
    const { plates, width } = await separations(pdf, 1);
    const px = (pt: number) => Math.round((pt / 72) * 150);
    let k = 0;
    const cmy = [0, 0, 0];
    for (const run of body) {
      // The line's ink: from its x-height-ish top to its baseline.
      for (let y = px(run.y - 6); y <= px(run.y); y++) {
        for (let x = px(run.x); x < px(run.x + run.width); x++) {
          const i = y * width + x;
          if (plates[3]![i]! < 128) k++;
          for (let c = 0; c < 3; c++) if (plates[c]![i]! < 255) cmy[c]!++;
        }
      }
    }
    expect(k).toBeGreaterThan(body.length * 20);
    expect(cmy).toEqual([0, 0, 0]);
  }, 60_000);
});

describe('PDF/X-4 for the broadsheet plant', () => {
  it('pdfinfo names PDF/X-4 from the XMP, PDF 1.6, 381 × 578 mm pages, tagged', async () => {
    const b = await build(SAMPLE_EDITION, '--plant', 'broadsheet');
    const info = boxes(b.pdf);
    expect(info.version).toBe('1.6');
    expect(info.subtype).toBe('PDF/X-4');
    const [x0, y0, x1, y1] = info.pages[0]!.trim as [number, number, number, number];
    expect([x1 - x0, y1 - y0]).toEqual([expect.closeTo(381, 1), expect.closeTo(578, 1)]);
    expect(tool('pdfinfo', b.pdf)).toMatch(/^Tagged:\s+yes/m);
    expect(tool('qpdf', '--check', b.pdf)).toMatch(/No syntax or stream encoding errors found/);
  }, 60_000);
});

describe('desk proof (--proof)', () => {
  it('adds 3 mm bleed, crop and registration marks in registration colour and a slug line outside the trim; the plant files stay clean', async () => {
    const b = await build(SAMPLE_EDITION, '--proof');
    const proof = join(b.dir, 'proof', `${b.name}-proof.pdf`);
    const info = boxes(proof);
    for (const p of info.pages) {
      const [tx0, ty0, tx1, ty1] = p.trim as [number, number, number, number];
      expect([tx1 - tx0, ty1 - ty0]).toEqual([expect.closeTo(280, 1), expect.closeTo(430, 1)]);
      // Bleed 3 mm round the trim, and room for the marks outside it.
      expect(p.bleed).toEqual([expect.closeTo(tx0 - 3, 1), expect.closeTo(ty0 - 3, 1), expect.closeTo(tx1 + 3, 1), expect.closeTo(ty1 + 3, 1)]);
      expect(p.media[2]! - p.media[0]!).toBeGreaterThan(280 + 2 * 10);
    }
    const text = uncompressed(proof);
    expect(text).toMatch(/\/Separation\s+\/All\s+\/DeviceCMYK/);
    expect(tool('pdftotext', '-f', '1', '-l', '1', proof, '-')).toMatch(/The Wexcombe Courier · 2026-11-26 · page 1 of 4 · News · plate WXC-20261126-01/);
    // The plant file of the same build: no marks, no registration colour, media = trim.
    expect(uncompressed(b.pdf)).not.toMatch(/\/Separation/);
  }, 60_000);
});
