// `newsprint build` end to end: the seed story and the sample edition to PDF and page images, read back with pdf.js.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from './run.js';
import { loadArticle } from '../../src/ingest/index.js';
import { readPdf, roles, words, type ReadPdf } from '../pdf-reader.js';
import { SAMPLE_EDITION, SEED } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'newsprint-build-'));
const hasSeed = existsSync(SEED);
const blocks = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'");

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasSeed)(`the seed story${hasSeed ? '' : ' [skipped: ../shared/seeds is not beside this clone]'}`, () => {
  let out: string;
  let pdf: ReadPdf;
  let dir: string;
  beforeAll(async () => {
    out = tmp();
    const r = await cli('build', SEED, '--out', out, '--quiet', '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
    dir = join(out, 'the-coventry-observer-2020-09-11');
    pdf = await readPdf(join(dir, 'print', 'the-coventry-observer-2020-09-11.pdf'));
  });

  it('sets the story on a 280 × 430 mm tabloid page, padded to the plant’s section of 4 with house adverts, and says so', () => {
    expect(pdf.pages).toBe(4);
    for (const size of pdf.sizes) {
      expect(size.width / (72 / 25.4)).toBeCloseTo(280, 1);
      expect(size.height / (72 / 25.4)).toBeCloseTo(430, 1);
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.pages.map((p: { articles: string[] }) => p.articles.length)).toEqual([1, 0, 0, 0]);
    const padded = report.findings.find((f: { code: string }) => f.code === 'plant/padded');
    expect(padded.message).toMatch(/1 page and plant “uk-tabloid” prints in multiples of 4: added house-advert pages 2, 3, 4/);
    expect(words(pdf.text[1]!).join(' ')).toMatch(/ADVERTISEMENT/);
  });

  it('holds the headline and the byline', () => {
    const text = blocks(words(pdf.text[0]!).join(' '));
    expect(text).toContain(blocks('110 paedophile suspects arrested in West Midlands over last year as police report rise in lockdown internet predators'));
    expect(text).toContain('by coventry editorial');
  });

  it('holds every word of the body in reading order, with no furniture heading inside the story', () => {
    const article = loadArticle(SEED);
    const body = article.body.flatMap((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join(' ');
    const expected = words([{ str: body, x: 0, y: 0, fontName: '', height: 0, width: 0 }]);
    const got = words(pdf.text[0]!);
    // Find each body word in order; words hyphenated at a line end are joined back (without the hyphen the
    // composer added, with a compound's own).
    const known = new Set(expected);
    const joined: string[] = [];
    for (const [i, w] of got.entries()) {
      const prev = joined[joined.length - 1];
      // A drop cap is its own run: its letter starts the first word.
      if (i > 0 && prev && /^\p{Lu}$/u.test(prev) && known.has(prev + w) && !known.has(prev)) {
        joined[joined.length - 1] = prev + w;
        continue;
      }
      if (prev && /[\p{L}\p{N}]-$/u.test(prev) && !known.has(prev)) joined[joined.length - 1] = known.has(prev.slice(0, -1) + w) ? prev.slice(0, -1) + w : prev + w;
      else joined.push(w);
    }
    let at = joined.indexOf(expected[0]!);
    expect(at).toBeGreaterThan(-1);
    const start = at;
    let pullQuotes = 0;
    for (const w of expected) {
      const next = joined.indexOf(w, at);
      expect(next, `body word “${w}” after position ${at}`).toBeGreaterThanOrEqual(at);
      // The only words allowed between two of the body's: a pull quote, the story's own quotation set again.
      const between = joined.slice(at, next).join(' ');
      const pull = next - at > 1 && /^“/.test(between) && /”$/.test(between) && body.includes(between.slice(1, -1));
      if (pull) pullQuotes++;
      else expect(next - at, `body word “${w}” follows the one before it`).toBeLessThanOrEqual(1);
      at = next + 1;
    }
    expect(pullQuotes).toBeLessThanOrEqual(1);
    const story = blocks(joined.slice(start, at).join(' '));
    for (const heading of ['Announcements', 'Recruitment', 'Buy Photos', 'Online Editions']) expect(story).not.toContain(blocks(heading));
    // The furniture is the website's menu: it is printed nowhere on the page, and the report says it was left out.
    const page = blocks(joined.join(' '));
    for (const h of ['announcements', 'recruitment', 'buy photos', 'online editions']) expect(page).not.toContain(h);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const note = report.findings.find((f: { code: string }) => f.code === 'ingest/site-furniture');
    expect(note?.message).toMatch(/Announcements, Recruitment, Buy Photos, Online Editions\) is left out of print/);
  });

  it('embeds every font', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of pdf.fonts) expect(f, f.name).toMatchObject({ embedded: true });
    for (const f of pdf.fonts) expect(f.name).toMatch(/^[A-Z]{6}\+/);
  });

  it('for a PDF/X-4 plant, tags the story: an article with its headline and paragraphs (PDF/X-1a, PDF 1.3, is untagged)', async () => {
    expect(roles(pdf.structure[0])).toEqual([]);
    const o = tmp();
    const built = await cli('build', SEED, '--plant', 'broadsheet', '--out', o, '--quiet');
    expect(built.code, built.stderr).toBe(0);
    const x4 = await readPdf(join(o, 'the-coventry-observer-2020-09-11', 'print', 'the-coventry-observer-2020-09-11.pdf'));
    const r = roles(x4.structure[0]);
    expect(r.slice(0, 2)).toEqual(['Root', 'Art']);
    expect(r).toContain('H1');
    expect(r.filter((x) => x === 'P').length).toBeGreaterThanOrEqual(21);
  });

  it('renders the page for the e-edition, thumbnail to zoom, with the page’s aspect ratio', async () => {
    const page = await sharp(join(dir, 'e-edition', 'pages', 'page-01', 'page.jpg')).metadata();
    // The zoom rendition is the tile pyramid's full-size image (IIIF full/max).
    const zoom = await sharp(join(dir, 'e-edition', 'tiles', 'page-01', 'full', 'max', '0', 'default.jpg')).metadata();
    const thumb = await sharp(join(dir, 'e-edition', 'pages', 'page-01', 'thumbnail.jpg')).metadata();
    expect(page.width! / page.height!).toBeCloseTo(280 / 430, 2);
    expect(page.width).toBe(1200);
    expect(zoom.width).toBe(3000);
    expect(thumb.width).toBe(200);
    expect(thumb.width! / thumb.height!).toBeCloseTo(280 / 430, 2);
  });
});

describe('the sample edition', () => {
  let out: string;
  beforeAll(async () => {
    out = tmp();
    const r = await cli('build', '--out', out, '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
  });
  const dir = () => join(out, 'the-wexcombe-courier-2026-11-26');

  it('builds with no arguments the eight-page sample flatplan: every page composed, with images and a report', async () => {
    const pdf = await readPdf(join(dir(), 'print', 'the-wexcombe-courier-2026-11-26.pdf'));
    expect(pdf.pages).toBe(8);
    expect(readdirSync(join(dir(), 'e-edition', 'pages')).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `page-0${i + 1}`));
    expect(readdirSync(join(dir(), 'print', 'pages')).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `WXC_20261126_P0${i + 1}.pdf`));
    const report = JSON.parse(readFileSync(join(dir(), 'report.json'), 'utf8'));
    // The flatplan's lead is the front page's first story; every page is composed, and the lead jumps to page 5.
    expect(report.pages[0].articles[0]).toBe('school-expansion');
    expect(report.pages.every((p: { composition?: unknown }) => p.composition)).toBe(true);
    expect(report.pages[0].composition.jumped).toEqual([{ article: 'school-expansion', to: 5 }]);
    expect(report.pages[4].composition.continued).toEqual([{ article: 'school-expansion', from: 1 }]);
    // The continuation is on page 5's list of articles too, after the page's own (the e-edition's zones come from it).
    expect(report.pages[4].articles.at(-1)).toBe('school-expansion');
    expect(report.pages.reduce((n: number, p: { composition: { adverts: string[] } }) => n + p.composition.adverts.length, 0)).toBe(6);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(report.plant).toMatchObject({ name: 'uk-tabloid', pdfx: 'X-1a:2001', outputCondition: 'CGATS TR 002' });
    const front = words(pdf.text[0]!).join(' ');
    expect(front).toContain('Wexcombe Courier');
    expect(front).toContain('£1.40');
    expect(front).toMatch(/THURSDAY, 26 NOVEMBER 2026/);
    expect(front).toContain('Continued on page 5');
    expect(words(pdf.text[4]!).join(' ')).toContain('Continued from page 1');
    // Every page carries its folio with the page number.
    pdf.text.forEach((items, i) => expect(words(items)).toContain(String(i + 1)));
    expect(pdf.info['Title']).toBe('The Wexcombe Courier, 2026-11-26, issue 7412');
  });

  it('sets the long story to its last word: nothing overset', async () => {
    const report = JSON.parse(readFileSync(join(dir(), 'report.json'), 'utf8'));
    const pdf = await readPdf(join(dir(), 'print', 'the-wexcombe-courier-2026-11-26.pdf'));
    const text = pdf.text.map((p) => words(p).join(' ')).join(' ');
    expect(text).toContain('would like to hear from anyone who can help.'); // the cricket story's closing words
    expect(report.findings.filter((f: { code: string }) => f.code === 'layout/overset')).toEqual([]);
  });

  it('gives byte-identical PDFs for the same input', async () => {
    const again = tmp();
    expect((await cli('build', '--out', again, '--quiet', '--formats', 'jpeg')).code).toBe(0);
    const a = readFileSync(join(dir(), 'print', 'the-wexcombe-courier-2026-11-26.pdf'));
    const b = readFileSync(join(again, 'the-wexcombe-courier-2026-11-26', 'print', 'the-wexcombe-courier-2026-11-26.pdf'));
    expect(a.equals(b)).toBe(true);
  });

  it('builds an article given as a file in each format, a story a page', async () => {
    const o = tmp();
    const stories = join(SAMPLE_EDITION, '..', 'stories');
    const r = await cli('build', join(stories, 'harbour-wall.md'), join(stories, 'library-hours.json'), join(stories, 'bus-route.txt'), '--out', o, '--quiet', '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
    const [folder] = readdirSync(o);
    const pdf = await readPdf(join(o, folder!, 'print', `${folder}.pdf`));
    expect(pdf.pages).toBe(4); // three stories and a house advert: the plant prints sections of 4
    expect(words(pdf.text[1]!).join(' ')).toContain('Monday');
  });
});
