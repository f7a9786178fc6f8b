// Composed pages end to end: a flatplan with adverts, priorities and a jump, built and read back from the plant PDF
// with pdf.js (text, jump lines, the adverts' own text) and with poppler's pdftoppm (how full every page is).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeArea } from '../../src/layout/index.js';
import { loadPlant, plantGeometry } from '../../src/plant/index.js';
import { loadArticle } from '../../src/ingest/index.js';
import { REPO, tempDir } from '../helpers.js';
import { readPdf, type ReadPdf } from '../pdf-reader.js';
import { cli } from './run.js';

const SAMPLE = join(REPO, 'examples', 'sample-edition');
const story = (f: string) => join(SAMPLE, 'stories', f);
const ad = (f: string) => join(SAMPLE, 'ads', f);

/** A four-page flatplan: a front whose lead jumps to page 3, a news page, the continuation's page, a sport page. */
const FLATPLAN = `version: 1
publication: { name: The Wexcombe Courier, code: WXC, masthead: Wexcombe Courier, price: "£1.40" }
date: 2026-11-26
pages:
  - template: front
    section: News
    stories:
      - { file: ${story('cricket-pavilion.md')}, continue-on: 3 }
      - { file: ${story('harbour-wall.md')}, trim: end }
    ads:
      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm, url: https://hollies.example }
  - section: News
    stories: [${story('bus-route.txt')}, ${story('court-report.txt')}, ${story('market-traders.md')}, ${story('nib-choir.md')}]
    ads:
      - { file: ${ad('bakery.jpg')}, size: 2x4cm }
  - section: News
    stories: [${story('food-bank.json')}, ${story('library-hours.json')}]
    ads:
      - { file: ${ad('jobs-box.pdf')}, size: 2x6cm }
  - section: Sport
    stories: [${story('netball-league.md')}, ${story('nib-parkrun.md')}]
    ads:
      - { file: ${ad('funeral-director.pdf')}, size: 2x9cm }
      - { file: ${ad('car-dealer.pdf')}, size: 3x6cm }
      - { file: ${ad('quiz-night.png')}, size: 1x4cm, position: inner }
`;

/** Letters and digits only, lower case: what must survive setting whatever the breaks, hyphens and jumps. */
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A box on a page, points from the trim's top left. */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * How full each page is, measured as the yardstick does: the page rasterised in grey at 36 dpi, each column of the
 * type area cut into cells 1 cm deep, a cell empty when no pixel is darker than 232. Cells inside an advert are left
 * out (an advert's own white is the advertiser's, not a hole the composer left). Returns the empty share a page.
 */
function emptyShares(pdf: string, pages: number, adverts: (p: number) => readonly Box[] = () => []): number[] {
  const g = plantGeometry(loadPlant('uk-tabloid'));
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-fill-'));
  execFileSync('pdftoppm', ['-gray', '-r', '36', pdf, join(dir, 'p')]);
  const files = readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
  expect(files.length).toBe(pages);
  return files.map((f, i) => {
    const data = readFileSync(join(dir, f));
    // Binary PGM: P5, width, height, maxval, then the pixels.
    const head = data.subarray(0, 64).toString('latin1').split(/\s+/);
    const w = Number(head[1]);
    const h = Number(head[2]);
    const start = data.length - w * h;
    const px = 36 / 72;
    const area = typeArea(g, i + 1);
    const cellRows = Math.floor(area.h / ((10 * 72) / 25.4));
    let empty = 0;
    let cells = 0;
    for (let c = 0; c < area.columns; c++) {
      const x0 = Math.ceil((area.x + c * (area.columnWidth + area.gutter)) * px);
      const x1 = Math.floor((area.x + c * (area.columnWidth + area.gutter) + area.columnWidth) * px);
      for (let r = 0; r < cellRows; r++) {
        const y0 = Math.ceil((area.y + (r * 10 * 72) / 25.4) * px);
        const y1 = Math.floor((area.y + ((r + 1) * 10 * 72) / 25.4) * px);
        const inAdvert = adverts(i + 1).some((b) => x0 >= b.x * px - 1 && x1 <= (b.x + b.w) * px + 1 && y0 >= b.y * px - 1 && y1 <= (b.y + b.h) * px + 1);
        if (inAdvert) continue;
        let ink = false;
        for (let y = y0; y < y1 && !ink; y++) for (let x = x0; x < x1 && !ink; x++) ink = data[start + y * w + x]! < 232;
        cells++;
        if (!ink) empty++;
      }
    }
    return empty / cells;
  });
}

describe('a composed edition from a flatplan', () => {
  let dir: string;
  let pdf: string;
  let read: ReadPdf;
  let report: { pages: { number: number; articles: string[]; composition?: Record<string, unknown> }[]; findings: { code: string; severity: string }[] };
  let manifest: { pages: { number: number; adverts: ({ type: string; name: string; url: string | null } & Box)[] }[]; articles: { id: string; regions: { page: number }[] }[] };

  beforeAll(async () => {
    const src = tempDir({ 'edition.yaml': FLATPLAN });
    const out = tempDir();
    const r = await cli('build', join(src, 'edition.yaml'), '--root', REPO, '--out', out, '--quiet', '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
    dir = join(out, 'the-wexcombe-courier-2026-11-26');
    pdf = join(dir, 'print', 'the-wexcombe-courier-2026-11-26.pdf');
    read = await readPdf(pdf);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    manifest = JSON.parse(readFileSync(join(dir, 'e-edition', 'manifest.json'), 'utf8'));
  }, 240_000);

  it('fills every page: at most 6 % of the type area empty and no white the composer left, on the rendered plant PDF', () => {
    // A small flatplan with thin copy on some pages (the full sample is held to 4 %, below).
    const shares = emptyShares(pdf, 4, (p) => manifest.pages[p - 1]!.adverts);
    for (const [i, s] of shares.entries()) expect(s, `page ${i + 1} is ${(s * 100).toFixed(1)} % empty`).toBeLessThanOrEqual(0.06);
    // White only where no filler fits without breaking the one-filler rule: a few centimetres at most.
    for (const p of report.pages) expect(p.composition!['whitePercent']).toBeLessThanOrEqual(2);
  });

  it('jumps the front-page lead to page 3, with the page numbers right in both jump lines', () => {
    const page = (n: number) => read.text[n - 1]!.map((t) => t.str).join(' ');
    expect(page(1)).toContain('Continued on page 3');
    expect(page(3)).toContain('Continued from page 1');
    expect(report.pages[0]!.composition!['jumped']).toContainEqual({ article: 'cricket-pavilion', to: 3 });
    expect(report.pages[2]!.composition!['continued']).toEqual([{ article: 'cricket-pavilion', from: 1 }]);
    // The e-edition's article spans both pages.
    const a = manifest.articles.find((x) => x.id === 'cricket-pavilion')!;
    expect([...new Set(a.regions.map((r) => r.page))]).toEqual([1, 3]);
  });

  it('loses no word of any story: every letter, in order, across the jump', () => {
    const text = letters(read.text.map((p) => p.map((t) => t.str).join('')).join(''));
    const files = ['cricket-pavilion.md', 'harbour-wall.md', 'court-report.txt', 'bus-route.txt', 'market-traders.md', 'nib-choir.md', 'food-bank.json', 'library-hours.json', 'netball-league.md', 'nib-parkrun.md'];
    for (const f of files) {
      const a = loadArticle(story(f));
      // A story the desk let the composer cut from the end keeps every word of the paragraphs it prints.
      const id = f.replace(/\.\w+$/, '');
      const cut = report.pages.flatMap((p) => (p.composition?.['trimmed'] as { article: string; blocks: number }[] | undefined) ?? []).find((t) => t.article === id)?.blocks ?? 0;
      for (const b of a.body.slice(0, a.body.length - cut)) {
        if (!('runs' in b)) continue;
        const para = letters(b.runs.map((r) => r.text).join(''));
        // A jumped story's paragraph may be split by the page between its parts: each part is in the text in order.
        if (!text.includes(para)) {
          const cut = [...Array(para.length).keys()].find((k) => k > 20 && !text.includes(para.slice(0, k)));
          expect(cut, `${f}: “${b.runs.map((r) => r.text).join('').slice(0, 50)}…”`).toBeDefined();
          expect(text.includes(para.slice(0, cut! - 1)) && text.includes(para.slice(cut! - 1)), `${f}: a paragraph split by the jump`).toBe(true);
        }
      }
    }
  });

  it('places PDF adverts as vectors: the advert’s own text is in the page, its fonts embedded', () => {
    const p1 = read.text[0]!.map((t) => t.str).join(' ');
    expect(p1).toContain('HOLLIES GARDEN CENTRE');
    expect(p1).toContain('Autumn Bulb Week');
    const p4 = read.text[3]!.map((t) => t.str).join(' ');
    expect(p4).toMatch(/Pelling/);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect(read.fonts.map((f) => f.name).join(' ')).toMatch(/C059|P052|NimbusSans/);
  });

  it('stacks the adverts in a pyramid from the foot, never over editorial or each other, and lists them per page', () => {
    expect(report.pages.map((p) => (p.composition!['adverts'] as string[]).length)).toEqual([1, 1, 1, 3]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // In the e-edition each advert is a zone of its own, with its click-through.
    const front = manifest.pages[0]!.adverts;
    expect(front).toEqual([expect.objectContaining({ type: 'advert', name: 'garden-centre.pdf', url: 'https://hollies.example' })]);
    expect(front[0]!.w).toBeCloseTo((256 * 72) / 25.4, 0);
    expect(front[0]!.h).toBeCloseTo((120 * 72) / 25.4, 0);
    expect(manifest.pages[3]!.adverts.length).toBe(3);
  });

  it('reports each page’s news hole, its fill and what is on it', () => {
    for (const p of report.pages) {
      const c = p.composition!;
      expect(c['newsHoleCm2']).toBeGreaterThan(300);
      expect(Number(c['copyPercent']) + Number(c['promoPercent']) + Number(c['whitePercent'])).toBeCloseTo(100, 0);
      expect(c['whitePercent']).toBeLessThanOrEqual(4);
    }
    expect(report.pages[0]!.composition!['stories']).toEqual(['cricket-pavilion', 'harbour-wall']);
  });
});

/** Builds a one-page Sport flatplan of these stories and adverts (flatplan entries); returns the run and its folder. */
async function buildPage(stories: string[], ads: string[], ...args: string[]) {
  const src = tempDir({
    'edition.yaml': `version: 1
publication: { name: The Wexcombe Courier, code: WXC }
date: 2026-11-26
pages:
  - section: Sport
    stories: [${stories.map(story).join(', ')}]
    ads: [${ads.join(', ')}]
`,
  });
  const out = tempDir();
  const r = await cli('build', join(src, 'edition.yaml'), '--root', REPO, '--out', out, '--formats', 'jpeg', ...args);
  return { r, dir: join(out, 'the-wexcombe-courier-2026-11-26') };
}

it('cuts a story at its own cut mark when the page is short of room, reporting what went', async () => {
  const { r, dir } = await buildPage(['football-cup.md', 'netball-league.md', 'nib-parkrun.md'], [`{ file: ${ad('garden-centre.pdf')}, size: 5x12cm }`]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/football-cup\.md:\d+:\d+: warning: story football-cup cut by \d+ paragraphs? \(\d+ words\) at the copy's cut mark to fit page 1/);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  const cut = report.pages[0].composition.trimmed;
  expect(cut).toEqual([{ article: 'football-cup', blocks: expect.any(Number), words: expect.any(Number) }]);
  expect(cut[0].words).toBeGreaterThan(cut[0].blocks * 10);
  // What comes before the mark is all there; the story's last paragraph, after it, is not.
  const a = loadArticle(story('football-cup.md'));
  const text = letters((await readPdf(join(dir, 'print', 'the-wexcombe-courier-2026-11-26.pdf'))).text[0]!.map((t) => t.str).join(''));
  for (const b of a.body.slice(0, a.cutFrom)) if ('runs' in b) expect(text).toContain(letters(b.runs.map((x) => x.text).join('')));
  const last = a.body[a.body.length - 1]!;
  expect(text).not.toContain(letters('runs' in last ? last.runs.map((x) => x.text).join('') : ''));
}, 120_000);

it('gives a story on a page short of copy a pull quote from its own quotes before house promos take the rest', async () => {
  const { r, dir } = await buildPage(['market-traders.md', 'nib-parkrun.md'], [`{ file: ${ad('garden-centre.pdf')}, size: 5x12cm }`], '--quiet');
  expect(r.code, r.stderr).toBe(0);
  const pdf = await readPdf(join(dir, 'print', 'the-wexcombe-courier-2026-11-26.pdf'));
  // The story's first quotation: in the story once, and once more as the pull quote.
  const a = loadArticle(story('market-traders.md'));
  const said = a.body.flatMap((b) => ('runs' in b ? [b.runs.map((x) => x.text).join('')] : [])).map((t) => /“([^”]{40,160})”/u.exec(t)?.[1]).find(Boolean)!;
  const opening = letters(said.split(' ').slice(0, 8).join(' '));
  const text = letters(pdf.text[0]!.map((t) => t.str).join(''));
  expect(text.split(opening).length - 1).toBe(2);
}, 120_000);

describe('bad flatplans: each a clear error at its line, nothing written', () => {
  const build = async (yaml: string, files: Record<string, string | Uint8Array> = {}) => {
    const src = tempDir({ 'edition.yaml': yaml, ...files });
    const out = tempDir();
    const r = await cli('build', join(src, 'edition.yaml'), '--root', REPO, '--out', out, '--quiet');
    return { ...r, written: readdirSync(out) };
  };
  const page = (ads: string, stories = `[${story('nib-choir.md')}]`) => `version: 1
publication: { name: The Wexcombe Courier }
date: 2026-11-26
pages:
  - stories: ${stories}
    ads:
${ads}
`;

  it('an advert of the wrong size for its booking names the file, both sizes and the flatplan line', async () => {
    const r = await build(page(`      - { file: ${ad('funeral-director.pdf')}, size: 3x9cm }`));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:7:9: error: advert .*funeral-director\.pdf is 100\.0 × 90\.0 mm, but its booking 3x9cm is 152\.0 × 90\.0 mm/);
    expect(r.written).toEqual([]);
  });

  it('a house advert file of the wrong size for its booking, as for a booked advert', async () => {
    const yaml = `${page('')}house-ads:\n  - { file: ${ad('funeral-director.pdf')}, size: 3x9cm }\n`.replace('    ads:\n\n', '');
    const r = await build(yaml);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:\d+:\d+: error: advert .*funeral-director\.pdf is 100\.0 × 90\.0 mm, but its booking 3x9cm is 152\.0 × 90\.0 mm/);
    expect(r.written).toEqual([]);
  });

  it('an advert booked on a page whose template has no place for adverts: an error at the booking, never lost', async () => {
    const yaml = page(`      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`).replace('  - stories:', '  - template: news\n    stories:');
    const r = await build(yaml);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:8:9: error: advert .*garden-centre\.pdf \(booked 5x12cm\) on page 1: the page's template “news” has no place for adverts, so it would never be printed/);
    expect(r.stderr).toMatch(/hint: leave out the page's template/);
    expect(r.written).toEqual([]);
  });

  // Corrupt adverts as they arrive: said in the advertiser's terms at the booking, never a JavaScript internal.
  const real = readFileSync(ad('funeral-director.pdf'));
  it.each([
    ['not a PDF', Buffer.from('GIF89a not a pdf at all'), /not a PDF \(it does not begin with %PDF-\)/],
    ['a PDF header and garbage', Buffer.from('%PDF-1.4\nnot really a pdf\n'), /cut short \(it does not end with %%EOF\)/],
    ['a real advert cut in half', real.subarray(0, Math.floor(real.length / 2)), /cut short/],
    ['a PDF with no page tree', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'), /the file is damaged: its pages cannot be found/],
  ])('a corrupt advert: %s', async (_, bytes, reason) => {
    const r = await build(page('      - { file: broken.pdf, size: 2x9cm }'), { 'broken.pdf': bytes });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:7:9: error: advert .*broken\.pdf \(booked 2x9cm\) cannot be read as a PDF: /);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/undefined|Cannot read|instance of|TypeError/);
    expect(r.written).toEqual([]);
  });

  it('adverts that together do not fit the page', async () => {
    const r = await build(page([`      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`, `      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`, `      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`, `      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`].join('\n')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:1\d:9: error: advert .*garden-centre\.pdf \(5 × 12\.0 cm\): it does not fit on the page with the other adverts/);
    expect(r.written).toEqual([]);
  });

  it('a page whose adverts leave no news hole but which lists stories', async () => {
    const three = [`      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`, `      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`, `      - { file: ${ad('garden-centre.pdf')}, size: 5x12cm }`].join('\n');
    const r = await build(page(three));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: page 1: its adverts leave no news hole, but it lists nib-choir/);
    expect(r.written).toEqual([]);
  });
});

describe('the sample edition, composed', () => {
  let plantFile: string;
  let manifest: { pages: { adverts: Box[] }[] };
  beforeAll(async () => {
    const out = tempDir();
    const r = await cli('build', '--out', out, '--quiet', '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
    const edition = readdirSync(out)[0]!;
    plantFile = join(out, edition, 'print', `${edition}.pdf`);
    manifest = JSON.parse(readFileSync(join(out, edition, 'e-edition', 'manifest.json'), 'utf8'));
  }, 240_000);

  it('has no page over 4 % empty, measured on the rendered plant PDF (adverts’ own white left out)', () => {
    const shares = emptyShares(plantFile, 8, (p) => manifest.pages[p - 1]!.adverts);
    for (const [i, s] of shares.entries()) expect(s, `page ${i + 1} is ${(s * 100).toFixed(1)} % empty`).toBeLessThanOrEqual(0.04);
  });

  // The yardstick itself, where it is beside the clone: every cell of the type area, adverts and all — so an advert's own
  // white (the garden centre's panels on page 2) counts against the page, and it is held to 5 %; our own measure above,
  // which leaves the adverts out, holds the composer to 4 %.
  const YARDSTICK = join(REPO, '..', 'shared', 'tools', 'page_fill.py');
  it.skipIf(!existsSync(YARDSTICK))(`passes the page-fill yardstick: no page over 5 % empty, no hole over 25 cm²${existsSync(YARDSTICK) ? '' : ' [skipped: ../shared/tools is not beside this clone]'}`, () => {
    const rows = execFileSync('python3', [YARDSTICK, plantFile], { encoding: 'utf8' }).trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { page: number; empty_share: number; largest_hole_cm2: number });
    expect(rows.length).toBe(8);
    for (const row of rows) {
      expect(row.empty_share, `page ${row.page}`).toBeLessThanOrEqual(0.05);
      expect(row.largest_hole_cm2, `page ${row.page}`).toBeLessThanOrEqual(25);
    }
  });
});
