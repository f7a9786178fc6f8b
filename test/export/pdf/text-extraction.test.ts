// Text that copies as it reads: every word space of the set lines comes out of our PDFs as a space in poppler's
// pdftotext (reading order and -raw), pdf.js and mutool, however tight the line; a drop cap reads with its word.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, GlyphRun, Page } from '../../../src/core/index.js';
import { BODY_EXPANSION } from '../../../src/core/index.js';
import { writePdf } from '../../../src/export/pdf/index.js';
import { GALLEY_PAGE, layoutGalley } from '../../../src/layout/galley.js';
import { loadPlant } from '../../../src/plant/index.js';
import { editionFromArticles, loadFontFile, prepare } from '../../../src/publish/index.js';
import { loadTemplateSet } from '../../../src/template/index.js';
import { cli } from '../../cli/run.js';
import { FONTS, SEED, TEMPLATES } from '../../helpers.js';

type Extractor = (file: string, page: number) => Promise<string>;

/** The extractors a reader's copy and paste, search and screen reader go through. */
const EXTRACTORS: Record<string, Extractor> = {
  pdftotext: async (f, p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), f, '-'], { encoding: 'utf8' }),
  'pdftotext -raw': async (f, p) => execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), f, '-'], { encoding: 'utf8' }),
  mutool: async (f, p) => execFileSync('mutool', ['draw', '-q', '-F', 'txt', f, String(p)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  'pdf.js': async (f, p) => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(f)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
    try {
      const content = await (await doc.getPage(p)).getTextContent();
      return content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('');
    } finally {
      await doc.destroy();
    }
  },
};

/** A run's text as it should extract: no-break spaces are word spaces too (drawn with the space glyph). */
const expected = (r: GlyphRun): string => r.text.replace(/\u00a0/g, ' ');

/**
 * What a line must match in the extracted text: its words in order, each word space exactly one space — or a line
 * break, with or without the space before it, where an extractor splits a loose line (mutool) — and its last
 * hyphen optional, as pdftotext's reading order joins a word broken at the line end ("arres-" "ted": "arrested").
 */
const linePattern = (line: string): RegExp =>
  new RegExp(
    line
      .replace(/-$/, '')
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(?: \\n?|\\n)'),
  );

/** The lines of a page with a word space in them, each as it must come out. */
const spaced = (page: Page): GlyphRun[] => page.frame.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && / /.test(expected(i)));

const hasSeed = existsSync(SEED);
const skipNote = hasSeed ? '' : ' [skipped: the seed story is not beside this clone, ../shared/seeds]';

describe.skipIf(!hasSeed)(`the seed story's page, extracted${skipNote}`, () => {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-text-'));
  let frames: Page[] = [];
  /** The build's folder for a plant: output/<publication>-<date>/. */
  const editionDir = (plant: string) => join(out, plant, readdirSync(join(out, plant))[0]!);
  const fileOf = (plant: string) => {
    const dir = editionDir(plant);
    return join(dir, 'print', `${dir.split('/').pop()}.pdf`);
  };
  beforeAll(async () => {
    for (const plant of ['uk-tabloid', 'broadsheet']) {
      const r = await cli('build', SEED, '--plant', plant, '--out', join(out, plant), '--quiet');
      expect(r.code, r.stderr).toBe(0);
    }
    const p = await prepare({ edition: editionFromArticles([SEED]), templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out, plant: loadPlant('uk-tabloid') });
    frames = p.layout.pages;
  }, 120_000);

  for (const [name, extract] of Object.entries(EXTRACTORS)) {
    it(`${name}: every line comes out with every word space, single (PDF/X-1a plant file)`, async () => {
      const text = await extract(fileOf('uk-tabloid'), 1);
      const lines = spaced(frames[0]!);
      expect(lines.length).toBeGreaterThan(100);
      const missing = lines.map(expected).filter((l) => !linePattern(l).test(text));
      expect(missing).toEqual([]);
    });
  }

  it('the page file for the plant extracts as the edition file does (pdftotext -raw)', async () => {
    const pages = join(editionDir('uk-tabloid'), 'print', 'pages');
    const first = readdirSync(pages).sort()[0]!;
    expect(await EXTRACTORS['pdftotext -raw']!(join(pages, first), 1)).toBe(await EXTRACTORS['pdftotext -raw']!(fileOf('uk-tabloid'), 1));
  });

  it('the drop cap reads as part of its word in the tagged PDF/X-4 file (ActualText): "MORE", not "M" and "ORE"', async () => {
    const file = fileOf('broadsheet');
    for (const name of ['pdftotext', 'pdftotext -raw']) {
      const text = await EXTRACTORS[name]!(file, 1);
      expect(text, name).toMatch(/(^|\n)MORE than 100/);
      expect(text.split('\n'), name).not.toContain('M');
    }
  });
});

describe('a line set at its tightest, extracted', () => {
  const font = join(FONTS, 'liberation-serif', 'LiberationSerif-Regular.ttf');
  const words = 'Midlands, West Mercia, Warwickshire and Staffordshire police forces said on Friday that the figures were rising.';
  const article: Article = {
    id: 'tight',
    format: 'markdown',
    file: 'tight.md',
    headline: 'Tight',
    body: [{ kind: 'paragraph', runs: [{ text: words }], src: { file: 'tight.md', line: 3, col: 1 } }],
    furniture: [],
    src: { file: 'tight.md', line: 1, col: 1 },
  };
  const set = loadTemplateSet('tabloid', TEMPLATES);
  const sheet = { ...set.styles, faces: { galley: font }, families: { galley: { regular: 'galley' } } };
  const style = { ...set.styles.paragraph['body']!, family: 'galley', size: 9, leading: 10.5, indent: 0, expansion: BODY_EXPANSION };
  const fonts = new Map([['galley', loadFontFile(font, 'galley')]]);
  const galley = (measure: number) => layoutGalley(article, { measure, style, sheet, fonts, pageHeight: GALLEY_PAGE.height, margin: GALLEY_PAGE.margin });
  const firstLine = (measure: number) => galley(measure).pages[0]!.frame.items.find((i): i is GlyphRun => i.kind === 'glyphs')!;
  const FIRST = 'Midlands, West Mercia, Warwickshire';

  // The narrowest measure that still takes the first four words on the first line: that line is set at its tightest.
  let lo = 60;
  let hi = 200;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (firstLine(mid).text === FIRST) hi = mid;
    else lo = mid;
  }
  const tightest = hi;

  it('is set at the style’s narrowest word space, which is never under 0.16 em', () => {
    const run = firstLine(tightest);
    expect(run.text).toBe(FIRST);
    const face = fonts.get('galley')!;
    const advance = (id: number) => (face.font.getGlyph(id).advanceWidth / face.font.unitsPerEm) * run.size * run.hscale;
    const gaps: number[] = [];
    run.glyphs.forEach((g, i) => {
      const next = run.glyphs[i + 1];
      // From the comma's advance to the next word, as poppler measures a word space (character spacing not counted).
      if (next && String.fromCodePoint(...g.cp) === ',') gaps.push(next.x - (g.x + advance(g.id)));
    });
    expect(gaps).toHaveLength(2);
    const space = (face.font.glyphForCodePoint(32).advanceWidth / face.font.unitsPerEm) * 9;
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(0.16 * 9 - 1e-6);
      // At its tightest: the style's minimum word space (two thirds of the natural), within rounding.
      expect(Math.abs(gap - space * style.wordSpace.min)).toBeLessThan(0.05);
    }
  });

  it('comes out with its word spaces from every extractor', async () => {
    const g = galley(tightest);
    const pdf = await writePdf({ pages: g.pages, warnings: g.warnings }, fonts, new Map(), { title: 'Tight', date: '2026-12-03' });
    const file = join(mkdtempSync(join(tmpdir(), 'newsprint-tight-')), 'tight.pdf');
    writeFileSync(file, pdf);
    for (const [name, extract] of Object.entries(EXTRACTORS)) {
      expect(await extract(file, 1), name).toContain(FIRST);
    }
  });
});
