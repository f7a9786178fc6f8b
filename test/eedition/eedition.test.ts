// The e-edition of the sample edition: renditions, IIIF tiles and manifest, manifest.json regions against the print
// PDF, and the page images against an independent rasterisation of the print PDF (poppler's pdftoppm, Ghostscript).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EEditionManifest } from '../../src/export/eedition/manifest.js';
import { buildEdition, editionFromFile } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { cli } from '../cli/run.js';
import { readPdf } from '../pdf-reader.js';
import { FONTS, REPO, SAMPLE_EDITION, TEMPLATES, tempDir } from '../helpers.js';

let dir: string;
let ee: string;
let m: EEditionManifest;
const read = (rel: string) => readFileSync(join(ee, rel));

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-ee-'));
  const r = await buildEdition({ edition: editionFromFile(SAMPLE_EDITION), templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out });
  dir = r.dir;
  ee = join(dir, 'e-edition');
  m = JSON.parse(read('manifest.json').toString('utf8'));
}, 120_000);

describe('manifest.json', () => {
  it('describes the edition, its four pages and its four stories', () => {
    expect(m).toMatchObject({ version: 1, generator: 'newsprint', edition: { publication: 'The Wexcombe Courier', date: '2026-11-26', dateLong: 'Thursday, 26 November 2026', issue: 7412, language: 'en-GB' } });
    expect(m.baseUrl).toMatch(/^https:\/\/courier\.example\/e-edition\/the-wexcombe-courier-2026-11-26\/$/);
    expect(m.pages.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(m.articles.map((a) => a.id).sort()).toEqual(['bus-route', 'cricket-pavilion', 'harbour-wall', 'library-hours']);
    // The house advert page: no articles, so no zones.
    expect(m.pages[3]!.articles).toEqual([]);
  });

  it('lists every rendition at the size it says: ~200 and ~1200 px wide as JPEG and WebP, the ~3000 px zoom as the tiles’ full-size JPEG', async () => {
    for (const p of m.pages) {
      // WebP at zoom size is read by no viewer: it is made only when the formats are asked for (below).
      expect(p.renditions.zoom.map((r) => r.file)).toEqual([`${p.tiles.dir}/full/max/0/default.jpg`]);
      for (const [kind, width] of [['thumbnail', 200], ['page', 1200], ['zoom', 3000]] as const) {
        expect(p.renditions[kind].map((r) => r.format).sort()).toEqual(kind === 'zoom' ? ['jpeg'] : ['jpeg', 'webp']);
        for (const r of p.renditions[kind]) {
          const meta = await sharp(read(r.file)).metadata();
          expect([meta.format, meta.width, meta.height]).toEqual([r.format, r.width, r.height]);
          expect(Math.abs(r.width - width)).toBeLessThanOrEqual(1);
          expect(r.width / r.height).toBeCloseTo(280 / 430, 2);
        }
      }
    }
  });

  it('puts each article on its pages with regions that hold its headline in the print PDF', async () => {
    const pdf = await readPdf(join(dir, 'print', `${m.edition.slug}.pdf`));
    for (const a of m.articles) {
      expect(a.regions.length).toBeGreaterThan(0);
      const first = a.regions[0]!;
      const page = m.pages[first.page - 1]!;
      const words = a.headline.split(/\s+/);
      // The headline's first line starts with its first words: find that text item on the page.
      const hit = pdf.text[first.page - 1]!.find((t) => t.str.trim() !== '' && a.headline.startsWith(t.str.trim()) && t.str.trim().length >= Math.min(8, words[0]!.length));
      expect(hit, `${a.id}: headline on page ${first.page}`).toBeDefined();
      const x = hit!.x + 1;
      const y = page.height - hit!.y - 1; // PDF is y-up; regions are y-down from the top of the trim
      const inside = a.regions.some((r) => r.page === first.page && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
      expect(inside, `${a.id}: (${x.toFixed(1)}, ${y.toFixed(1)}) in ${JSON.stringify(a.regions)}`).toBe(true);
    }
  });

  it('gives the article view its text, byline and photo with alt text', () => {
    const harbour = m.articles.find((a) => a.id === 'harbour-wall')!;
    expect(harbour.byline).toEqual({ name: 'Priya Chaudhry', role: 'Chief Reporter' });
    expect(harbour.images[0]!.alt).toMatch(/stone harbour wall/);
    expect(existsSync(join(ee, harbour.images[0]!.file))).toBe(true);
    expect(harbour.blocks.filter((b) => b.type === 'p').length).toBeGreaterThan(5);
    expect(existsSync(join(ee, harbour.view))).toBe(true);
  });
});

/** Every tile a IIIF 3 level-0 client may ask for, from info.json alone (written out here, not taken from our code). */
function advertised(info: { width: number; height: number; tiles: { width: number; scaleFactors: number[] }[]; sizes?: { width: number; height: number }[] }): string[] {
  const out: string[] = [];
  const t = info.tiles[0]!.width;
  for (const s of info.tiles[0]!.scaleFactors) {
    const step = t * s;
    for (let y = 0; y < info.height; y += step) {
      for (let x = 0; x < info.width; x += step) {
        const w = Math.min(step, info.width - x);
        const h = Math.min(step, info.height - y);
        const region = x === 0 && y === 0 && w === info.width && h === info.height ? 'full' : `${x},${y},${w},${h}`;
        const size = `${Math.ceil(w / s)},${Math.ceil(h / s)}`;
        if (Math.ceil(info.width / s) < t && Math.ceil(info.height / s) < t) continue; // one tile: asked for as full/w,h
        out.push(`${region}/${size === `${info.width},${info.height}` ? 'max' : size}/0/default.jpg`);
      }
    }
  }
  for (const sz of info.sizes ?? []) out.push(`full/${sz.width === info.width && sz.height === info.height ? 'max' : `${sz.width},${sz.height}`}/0/default.jpg`);
  return out;
}

describe('IIIF', () => {
  it('each tile pyramid holds every tile its info.json advertises, at the size it says', async () => {
    for (const p of m.pages) {
      const info = JSON.parse(read(`${p.tiles.dir}/info.json`).toString('utf8'));
      expect(info).toMatchObject({ '@context': 'http://iiif.io/api/image/3/context.json', type: 'ImageService3', profile: 'level0', id: `${m.baseUrl}${p.tiles.dir}` });
      const tiles = advertised(info);
      expect(tiles.length).toBeGreaterThan(20);
      for (const t of tiles) {
        const file = join(ee, p.tiles.dir, t);
        expect(existsSync(file), t).toBe(true);
        const size = t.split('/')[1]!;
        if (size !== 'max') {
          const [w, h] = size.split(',').map(Number);
          const meta = await sharp(file).metadata();
          expect([meta.width, meta.height], t).toEqual([w, h]);
        }
      }
    }
  }, 60_000);

  it('the Presentation 3 manifest: a canvas a page in print order, a range an article, navDate, en-GB labels, absolute ids', () => {
    const iiif = JSON.parse(read('iiif/manifest.json').toString('utf8'));
    expect(iiif['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(iiif).toMatchObject({ type: 'Manifest', id: `${m.baseUrl}iiif/manifest.json`, navDate: '2026-11-26T00:00:00Z' });
    expect(iiif.label['en-GB'][0]).toMatch(/The Wexcombe Courier/);
    const ids: string[] = [];
    const canvases = iiif.items as { id: string; type: string; width: number; height: number; label: Record<string, string[]>; items: { type: string; items: { motivation: string; target: string; body: { id: string; type: string; service: { id: string; type: string; profile: string }[] } }[] }[]; thumbnail: { id: string }[] }[];
    expect(canvases.map((c) => c.label['en-GB']![0])).toEqual(m.pages.map((p) => p.label));
    for (const [i, c] of canvases.entries()) {
      expect(c.type).toBe('Canvas');
      ids.push(c.id);
      const anno = c.items[0]!.items[0]!;
      expect(c.items[0]!.type).toBe('AnnotationPage');
      expect(anno).toMatchObject({ motivation: 'painting', target: c.id, body: { type: 'Image' } });
      expect(anno.body.service[0]).toEqual({ id: m.pages[i]!.tiles.id, type: 'ImageService3', profile: 'level0' });
      expect([c.width, c.height]).toEqual([m.pages[i]!.tiles.width, m.pages[i]!.tiles.height]);
      // Every id under the base URL points at a file that is there.
      for (const url of [anno.body.id, c.thumbnail[0]!.id]) {
        expect(url.startsWith(m.baseUrl)).toBe(true);
        expect(existsSync(join(ee, url.slice(m.baseUrl.length))), url).toBe(true);
      }
    }
    const ranges = iiif.structures as { id: string; type: string; label: Record<string, string[]>; items: { id: string; type: string }[] }[];
    expect(ranges.map((r) => r.label['en-GB']![0]).sort()).toEqual(m.articles.map((a) => a.headline).sort());
    for (const r of ranges) {
      expect(r.type).toBe('Range');
      ids.push(r.id);
      for (const item of r.items) {
        expect(item.type).toBe('Canvas');
        const [canvas, frag] = item.id.split('#');
        const c = canvases.find((x) => x.id === canvas)!;
        const [x, y, w, h] = /^xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(frag!)!.slice(1).map(Number) as [number, number, number, number];
        expect(x + w).toBeLessThanOrEqual(c.width);
        expect(y + h).toBeLessThanOrEqual(c.height);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the page images against the print PDF rendered by poppler', () => {
  /** Grey pixels of an image file at a given size. */
  const grey = async (input: Buffer | string, width: number, height: number) =>
    sharp(input).resize(width, height, { fit: 'fill' }).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer();
  const meanDiff = (a: Buffer, b: Buffer) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
  const ink = (a: Buffer) => a.reduce((s, v) => s + (255 - v), 0) / (a.length * 255);

  it('differ only by anti-aliasing: mean grey difference within what poppler and Ghostscript show between themselves, ink within 10 %', async () => {
    const pdf = join(dir, 'print', `${m.edition.slug}.pdf`);
    const tmp = mkdtempSync(join(tmpdir(), 'newsprint-cmp-'));
    for (const p of m.pages.slice(0, 3)) {
      const r = p.renditions.page.find((x) => x.format === 'jpeg')!;
      execFileSync('pdftoppm', ['-f', String(p.number), '-l', String(p.number), '-scale-to-x', String(r.width), '-scale-to-y', String(r.height), '-png', '-singlefile', pdf, join(tmp, `poppler-${p.number}`)]);
      const dpi = (r.width / p.width) * 72;
      execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=png16m', `-r${dpi.toFixed(3)}`, '-dTextAlphaBits=4', '-dGraphicsAlphaBits=4', `-dFirstPage=${p.number}`, `-dLastPage=${p.number}`, '-o', join(tmp, `gs-${p.number}.png`), pdf]);
      const ours = await grey(read(r.file), r.width, r.height);
      const poppler = await grey(join(tmp, `poppler-${p.number}.png`), r.width, r.height);
      const gs = await grey(join(tmp, `gs-${p.number}.png`), r.width, r.height);
      const between = meanDiff(gs, poppler);
      const ourDiff = meanDiff(ours, poppler);
      expect(ourDiff, `page ${p.number}: ours vs poppler ${ourDiff.toFixed(2)}, Ghostscript vs poppler ${between.toFixed(2)}`).toBeLessThanOrEqual(Math.max(between * 1.5, 3));
      expect(Math.abs(ink(ours) - ink(poppler)) / ink(poppler), `page ${p.number} ink`).toBeLessThanOrEqual(0.1);
    }
  }, 120_000);
});

describe('e-edition edge cases', () => {
  it('an article on two pages has regions on both, and one IIIF range across both canvases', async () => {
    // The front's lead is sent on to page 2 by the flatplan (continue-on): a story appears once in a flatplan.
    const root = join(SAMPLE_EDITION, '..');
    const yaml = `version: 1\npublication: { name: The Wexcombe Courier, code: WXC }\ndate: 2026-11-26\npages:\n  - template: front\n    section: News\n    stories: [{ file: stories/cricket-pavilion.md, continue-on: 2 }, stories/harbour-wall.md]\n  - section: News\n    stories: [stories/bus-route.txt]\n`.replace(/stories\//g, `${root}/stories/`);
    const d = tempDir({ 'edition.yaml': yaml });
    const out = mkdtempSync(join(tmpdir(), 'newsprint-ee2-'));
    const r = await buildEdition({ edition: editionFromFile(join(d, 'edition.yaml'), root), templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out, formats: ['jpeg'] });
    const man: EEditionManifest = JSON.parse(readFileSync(join(r.dir, 'e-edition', 'manifest.json'), 'utf8'));
    const lib = man.articles.find((a) => a.id === 'cricket-pavilion')!;
    expect(lib.pages).toEqual([1, 2]);
    const iiif = JSON.parse(readFileSync(join(r.dir, 'e-edition', 'iiif', 'manifest.json'), 'utf8'));
    const range = iiif.structures.find((s: { label: Record<string, string[]> }) => s.label['en-GB']![0] === lib.headline);
    expect(new Set(range.items.map((i: { id: string }) => i.id.split('#')[0]))).toEqual(new Set([`${man.baseUrl}iiif/canvas/p1`, `${man.baseUrl}iiif/canvas/p2`]));
  }, 120_000);

  it('newsprint e-edition rebuilds only the e-edition of a build, leaving the print files alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsprint-ee3-'));
    expect((await cli('build', '--out', out, '--quiet', '--formats', 'jpeg')).code).toBe(0);
    const folder = join(out, 'the-wexcombe-courier-2026-11-26');
    const printed = statSync(join(folder, 'print', 'the-wexcombe-courier-2026-11-26.pdf')).mtimeMs;
    expect(existsSync(join(folder, 'e-edition', 'pages', 'page-01', 'page.webp'))).toBe(false);
    const r = await cli('e-edition', '--out', out, '--quiet', '--base-url', 'https://news.example/ee/');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(folder, 'e-edition', 'pages', 'page-01', 'page.webp'))).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'e-edition', 'manifest.json'), 'utf8')).baseUrl).toBe('https://news.example/ee/');
    expect(statSync(join(folder, 'print', 'the-wexcombe-courier-2026-11-26.pdf')).mtimeMs).toBe(printed);
  }, 120_000);

  it('e-edition without a build, and an output folder that cannot be written: a clear error, nothing half-written', async () => {
    const none = await cli('e-edition', '--out', mkdtempSync(join(tmpdir(), 'newsprint-ee4-')));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no build of The Wexcombe Courier, 2026-11-26 in .*hint: run newsprint build first/s);
    // An --out that is a file, not a folder (tests run as root, where a read-only folder is still writable): bad input.
    const blocker = join(mkdtempSync(join(tmpdir(), 'newsprint-ee5-')), 'not-a-folder');
    writeFileSync(blocker, 'x');
    const r = await cli('build', '--out', blocker, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: --out .*not-a-folder: is a file, not a folder\n/);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  }, 120_000);
});

describe('rendition settings in the edition file', () => {
  it('e-edition.formats and .sizes set the renditions; a width out of range is refused at its line', async () => {
    const root = join(SAMPLE_EDITION, '..');
    const base = readFileSync(SAMPLE_EDITION, 'utf8').replace(/stories\//g, `${root}/stories/`);
    const d = tempDir({ 'edition.yaml': base.replace('pages:\n', 'e-edition:\n  formats: [webp]\n  sizes: { thumbnail: 160, page: 900, zoom: 2000 }\npages:\n') });
    const out = mkdtempSync(join(tmpdir(), 'newsprint-ee6-'));
    const r = await buildEdition({ edition: editionFromFile(join(d, 'edition.yaml'), root), templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out });
    const man: EEditionManifest = JSON.parse(readFileSync(join(r.dir, 'e-edition', 'manifest.json'), 'utf8'));
    const p1 = man.pages[0]!;
    expect([p1.renditions.thumbnail, p1.renditions.page, p1.renditions.zoom].map((rs) => rs.map((x) => `${x.format} ${x.width}`))).toEqual([['webp 160'], ['webp 900'], ['webp 2000']]);
    expect(p1.tiles.width).toBe(2000);
    const bad = tempDir({ 'edition.yaml': base.replace('pages:\n', 'e-edition:\n  sizes: { zoom: 50000 }\npages:\n') });
    const line = readFileSync(join(bad, 'edition.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('zoom: 50000')) + 1;
    const res = await cli('build', join(bad, 'edition.yaml'), '--root', REPO, '--out', out);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`edition\\.yaml:${line}:\\d+: error: edition file: e-edition\\.sizes\\.zoom must be a width in pixels from 1000 to 12000`));
  }, 120_000);
});
