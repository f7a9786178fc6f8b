// The print PDF draws exactly what layout placed: pdf.js finds each run where the frame put it, as wide as layout measured it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../../src/core/index.js';
import type { Page } from '../../../src/core/index.js';
import { openPdf, writePdf } from '../../../src/export/pdf/index.js';
import { loadArticle } from '../../../src/ingest/index.js';
import { GALLEY_PAGE, layoutGalley, layoutGalleyPages } from '../../../src/layout/galley.js';
import { layoutEdition } from '../../../src/layout/index.js';
import { editionFromFile, imageRequests, loadFonts, loadImages } from '../../../src/publish/index.js';
import { loadTemplateSet, renderEdition } from '../../../src/template/index.js';
import { FONTS, REPO, SAMPLE_EDITION, TEMPLATES } from '../../helpers.js';
import { readPdf, type ReadPdf } from '../../pdf-reader.js';

describe('print PDF', () => {
  let runs: GlyphRun[];
  let pdf: ReadPdf;
  let height: number;
  beforeAll(async () => {
    const edition = editionFromFile(SAMPLE_EDITION);
    const set = loadTemplateSet('tabloid', TEMPLATES);
    const markup = renderEdition(edition, set);
    const fonts = loadFonts(set.styles, FONTS);
    const imgs = await loadImages(markup.flatMap((m) => imageRequests(m.root)));
    const layout = layoutEdition({ pages: markup.map((m) => m.root), sheet: set.styles, fonts, images: imgs });
    const file = join(mkdtempSync(join(tmpdir(), 'newsprint-pdf-')), 'e.pdf');
    writeFileSync(file, await writePdf(layout, fonts, imgs, { title: 't', date: edition.date }));
    runs = layout.pages[1]!.frame.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
    height = layout.pages[1]!.height;
    pdf = await readPdf(file);
  });

  it('draws every run at the position layout gave it', () => {
    const items = pdf.text[1]!.filter((t) => t.str.trim() !== '');
    let matched = 0;
    for (const run of runs) {
      const first = run.text.trim().split(/\s+/)[0]!;
      const hit = items.find((t) => t.str.startsWith(first) && Math.abs(t.x - run.x) < 0.01 && Math.abs(t.y - (height - run.y)) < 0.01);
      if (hit) matched++;
    }
    expect(runs.length).toBeGreaterThan(80);
    expect(matched).toBe(runs.length);
  });

  it('ends justified body lines where layout measured them', () => {
    const items = pdf.text[1]!.filter((t) => t.str.trim() !== '');
    const justified = runs.filter((r) => r.wordSpacing !== 0 && r.font === 'body');
    expect(justified.length).toBeGreaterThan(50);
    for (const run of justified) {
      const baseline = height - run.y;
      const inRun = items.filter((t) => Math.abs(t.y - baseline) < 0.01 && t.x > run.x - 0.01 && t.x < run.x + run.width);
      const end = Math.max(...inRun.map((t) => t.x + t.width));
      expect(end, `${run.text} t=${run.tracking} h=${run.hscale}`).toBeCloseTo(run.x + run.width, 1);
    }
  });
});

describe('XMP metadata', () => {
  it('stays well-formed XML when the title has & and < in it, with the title read back intact', async () => {
    const { execFileSync } = await import('node:child_process');
    const { SaxesParser } = await import('saxes');
    const layout = { pages: [{ number: 1, width: 200, height: 200, frame: { width: 200, height: 200, items: [] }, articles: [] }], warnings: [] };
    const file = join(mkdtempSync(join(tmpdir(), 'newsprint-xmp-')), 'x.pdf');
    writeFileSync(file, await writePdf(layout, new Map(), new Map(), { title: 'Coombe & Vale <Coaches> "route 22"', date: '2026-11-26' }));
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    const parser = new SaxesParser();
    let title = '';
    let inTitle = false;
    parser.on('opentag', (t) => (inTitle = t.name === 'rdf:li' ? inTitle : t.name === 'dc:title' ? true : inTitle));
    parser.on('text', (t) => {
      if (inTitle && t.trim()) title += t.trim();
    });
    parser.on('closetag', (t) => (inTitle = t.name === 'dc:title' ? false : inTitle));
    expect(() => parser.write(xmp.slice(xmp.indexOf('<x:xmpmeta'), xmp.lastIndexOf('</x:xmpmeta>') + 12)).close()).not.toThrow();
    expect(title).toBe('Coombe & Vale <Coaches> "route 22"');
  });
});

describe('a galley written page by page', () => {
  it('is the same file as the whole laid-out galley written at once, its pages handed over in order as each fills', async () => {
    const article = loadArticle(join(REPO, 'examples', 'long-read', 'the-river.md'));
    const set = loadTemplateSet('tabloid', TEMPLATES);
    const fonts = loadFonts(set.styles, FONTS);
    const o = { measure: 136.06, style: set.styles.paragraph['body']!, sheet: set.styles, fonts, pageHeight: GALLEY_PAGE.height, margin: GALLEY_PAGE.margin };
    const meta = { title: 'Galley: the river', date: '2026-11-26', lang: 'en-GB' };
    const whole = layoutGalley(article, o);
    expect(whole.pages.length).toBeGreaterThan(3);
    const wholePdf = await writePdf({ pages: whole.pages, warnings: whole.warnings }, fonts, new Map(), meta);

    const writer = await openPdf(fonts, new Map(), meta);
    const handed: Page[] = [];
    const report = layoutGalleyPages(article, o, (page) => (handed.push(page), writer.addPage(page)));
    expect(handed.map((p) => p.number)).toEqual(whole.pages.map((p) => p.number));
    expect(handed).toEqual(whole.pages);
    expect(report.pageCount).toBe(whole.pages.length);
    expect(report.stats).toEqual(whole.stats);
    expect(report.warnings).toEqual(whole.warnings);
    expect(report.text).toBe(whole.text);
    expect((await writer.end()).equals(wholePdf)).toBe(true);
  });
});
