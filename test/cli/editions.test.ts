// Whole editions composed from their copy, judged as an editor would: ../shared/tools/lint_verdict.py (an independent
// linter that reads only the plant PDF, the ALTO and the e-edition manifest) on the sample edition and on the three
// test editions in examples/editions/ (a large overmatter, pages short of copy, a long read across two pages).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_SAMPLE_EDITION, REPO, tempDir } from '../helpers.js';
import { cli } from './run.js';

const TOOLS = join(REPO, '..', 'shared', 'tools');
const VERDICT = join(TOOLS, 'lint_verdict.py');
const EDITIONS = join(REPO, 'examples', 'editions');

interface PageVerdict {
  readonly page: number;
  readonly share: number;
  readonly faults: Record<string, unknown>;
}

interface Built {
  readonly dir: string;
  readonly stderr: string;
  readonly report: {
    pages: { number: number; composition?: { stories: string[]; fromOvermatter: string[]; promoPercent: number; whitePercent: number; jumped: { article: string; to: number }[]; trimmed: { article: string; blocks: number }[]; fillers: { heading: string; areaCm2: number }[]; faults: string[] } }[];
    heldOver: { article: string; words: number; section: string | null }[];
    findings: { code: string; severity: string; message: string }[];
  };
  readonly verdict: readonly PageVerdict[];
  readonly verdictCode: number;
  /** The plant PDF's text, page by page (pdftotext). */
  readonly text: readonly string[];
}

/** Builds an edition into a fresh folder and judges it with lint_verdict.py. */
async function buildAndJudge(file: string): Promise<Built> {
  const out = tempDir();
  const r = await cli('build', file, '--root', join(REPO, 'examples'), '--out', out, '--formats', 'jpeg');
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(out, readdirOne(out), 'report.json'), 'utf8')) as Built['report'];
  const dir = join(out, readdirOne(out));
  const v = spawnSync('python3', [VERDICT, dir, '--json'], { encoding: 'utf8' });
  expect(v.status === 0 || v.status === 1, v.stderr).toBe(true);
  const verdict = JSON.parse(v.stdout.split('\n')[0]!) as PageVerdict[];
  const pdf = join(dir, 'print', `${readdirOne(out)}.pdf`);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
  return { dir, stderr: r.stderr, report, verdict, verdictCode: v.status!, text };
}

function readdirOne(dir: string): string {
  const names = spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim().split('\n');
  expect(names).toHaveLength(1);
  return names[0]!;
}

/**
 * The share rule: at least 95 % of a page's news hole is editorial copy, or the only other thing on it is one
 * house advert from the publication's own list (besides the white that legs balanced to the row leave at their feet:
 * at most 2 % of the hole).
 */
function shareOk(b: Built, p: PageVerdict): boolean {
  if (p.share >= 0.95) return true;
  const c = b.report.pages.find((x) => x.number === p.page)?.composition;
  return c !== undefined && c.fillers.length === 1 && c.whitePercent <= 2;
}

/** The faults an editor's rules find on each page, leaving out the editorial share (judged separately). */
const ruleFaults = (v: readonly PageVerdict[]) => v.flatMap((p) => Object.keys(p.faults).filter((k) => k !== 'share').map((k) => `page ${p.page}: ${k} ${JSON.stringify(p.faults[k])}`));

// The linter is one of the project's yardsticks in ../shared (CI has it; a clone without it says why it skips).
const haveTools = existsSync(VERDICT);

describe.skipIf(!haveTools)('editions composed from their copy, judged by lint_verdict.py', () => {
  if (!haveTools) it.skip(`needs ${VERDICT} (../shared/tools beside the repository)`, () => {});

  describe('the sample edition', () => {
    let b: Built;
    beforeAll(async () => {
      b = await buildAndJudge(FULL_SAMPLE_EDITION);
    }, 180_000);

    it('passes every rule on every one of its 8 pages, with at least 95 % editorial copy on each', () => {
      expect(b.verdict).toHaveLength(8);
      expect(ruleFaults(b.verdict)).toEqual([]);
      for (const p of b.verdict) expect(p.share, `page ${p.page}`).toBeGreaterThanOrEqual(0.95);
      expect(b.verdictCode).toBe(0);
    });

    it('fills its inside pages from the overmatter and holds a few stories over, listed with their word counts', () => {
      const taken = b.report.pages.flatMap((p) => p.composition?.fromOvermatter ?? []);
      expect(taken.length).toBeGreaterThan(15);
      // Page 4 lists no story of its own: all of it comes from the overmatter.
      expect([...b.report.pages[3]!.composition!.stories].sort()).toEqual([...b.report.pages[3]!.composition!.fromOvermatter].sort());
      expect(b.report.heldOver.length).toBeGreaterThan(0);
      for (const h of b.report.heldOver) expect(h.words).toBeGreaterThan(0);
      expect(b.stderr).toMatch(/held over: \S+ \(\d+ words\)/);
      // Nothing held over is printed, and everything placed is.
      const printed = b.text.join('\n').replace(/\s+/g, ' ');
      expect(printed).not.toContain('Father Christmas on his rounds');
      // The plant file's Subject lists the stories printed, not those held over.
      const info = spawnSync('pdfinfo', [join(b.dir, 'print', 'the-wexcombe-courier-2026-11-26.pdf')], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Subject:.*240 homes plan would grow village by half/);
      expect(info).not.toContain('Father Christmas on his rounds');
    });

    it('takes stories in priority order: the first of the overmatter goes in, and what is held over comes later in it', () => {
      const placed = new Set(b.report.pages.flatMap((p) => p.composition?.fromOvermatter ?? []));
      const order = readFileSync(FULL_SAMPLE_EDITION, 'utf8').split('overmatter:')[1]!.split('house-ads:')[0]!.match(/stories\/[\w-]+\.\w+/g)!.map((s) => s.replace(/^stories\/|\.\w+$/g, ''));
      expect(placed.has(order[0]!)).toBe(true);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const at = (ids: Iterable<string>) => [...ids].map((id) => order.indexOf(id)).filter((i) => i >= 0);
      expect(mean(at(b.report.heldOver.map((h) => h.article)))).toBeGreaterThan(mean(at(placed)));
    });

    it("prints the publication's own house adverts only, at most one a page, and never the scraped site's menu", () => {
      for (const [i, page] of b.text.entries()) {
        const promos = ['Never miss a Thursday', 'Got a story? Tell the Courier', 'Read the Courier anywhere', 'Advertise with the Courier'].filter((h) => page.replace(/\s+/g, ' ').includes(h.toUpperCase()) || page.includes(h));
        expect(promos.length, `page ${i + 1}: ${promos.join(', ')}`).toBeLessThanOrEqual(1);
        expect(page).not.toMatch(/Advertise with us|Buy Photos|Recruitment/);
      }
    });

    it('prints the date once at the head of the front page (in the masthead, not again in the folio)', () => {
      const head = b.text[0]!.split('\n').slice(0, 8).join('\n');
      expect(head.match(/26 November 2026/gi) ?? [], head).toHaveLength(1);
    });
  });

  describe('a large overmatter under another masthead (examples/editions/gazette-pool.yaml)', () => {
    let b: Built;
    beforeAll(async () => {
      b = await buildAndJudge(join(EDITIONS, 'gazette-pool.yaml'));
    }, 180_000);

    it('breaks no rule on any page: no butting or inverted heads, legs in range, no strips, no overlaps', () => {
      expect(ruleFaults(b.verdict)).toEqual([]);
      for (const p of b.verdict) expect(shareOk(b, p), `page ${p.page}: share ${p.share}`).toBe(true);
      // Most pages need no filler at all.
      expect(b.verdict.filter((p) => p.share >= 0.95).length).toBeGreaterThanOrEqual(6);
    });

    it('holds over what does not fit, and no promo names another paper', () => {
      expect(b.report.heldOver.length).toBeGreaterThan(0);
      // The stories are the Courier's own (their credits say so); no house advert or promo names it.
      const printed = b.text.join('\n');
      expect(printed).not.toMatch(/Advertise with (the Courier|us)|Tell the Courier|Courier anywhere|Never miss a Thursday/i);
    });
  });

  describe('pages short of copy (examples/editions/short-of-copy.yaml)', () => {
    let b: Built;
    beforeAll(async () => {
      b = await buildAndJudge(join(EDITIONS, 'short-of-copy.yaml'));
    }, 180_000);

    it("puts at most one filler on a page, from the paper's own house adverts, and breaks no other rule", () => {
      expect(ruleFaults(b.verdict)).toEqual([]);
      for (const p of b.report.pages) expect(p.composition?.fillers?.length ?? 0, `page ${p.number}`).toBeLessThanOrEqual(1);
      for (const p of b.verdict) expect(shareOk(b, p), `page ${p.page}: share ${p.share}`).toBe(true);
      const printed = b.text.join('\n');
      expect(printed).not.toMatch(/Advertise with us|Your news|Subscribe/);
    });
  });

  describe("house adverts made as artwork (short-of-copy.yaml with the paper's own adverts as PNG files)", () => {
    let b: Built;
    let pdf: string;
    beforeAll(async () => {
      // Artwork at the booked sizes on the uk-tabloid grid (48 mm columns, 4 mm gutters), 200 ppi.
      const px = (mm: number) => Math.round((mm / 25.4) * 200);
      const art = async (w: number, h: number, label: string) =>
        sharp({ create: { width: px(w), height: px(h), channels: 3, background: '#0a3d62' } })
          .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${px(w)}" height="${px(40)}"><text x="50%" y="60%" font-size="60" fill="white" text-anchor="middle">${label}</text></svg>`), top: px(10), left: 0 }])
          .png()
          .toBuffer();
      const yaml = readFileSync(join(EDITIONS, 'short-of-copy.yaml'), 'utf8').replaceAll('../sample-edition/', `${join(REPO, 'examples', 'sample-edition')}/`);
      const dir = tempDir({
        'house-1x18.png': await art(48, 180, 'Courier'),
        'house-2x6.png': await art(100, 60, 'Subscribe'),
        'edition.yaml': `${yaml.split('house-ads:')[0]}house-ads:\n  - { file: house-1x18.png, size: 1x18cm, url: "https://courier.example/subscribe" }\n  - { file: house-2x6.png, size: 2x6cm }\n`,
      });
      b = await buildAndJudge(join(dir, 'edition.yaml'));
      pdf = join(b.dir, 'print', `${readdirOne(join(b.dir, '..'))}.pdf`);
    }, 180_000);

    it('places one where the copy leaves a space of its width and most of its depth, instead of a promo set as text', () => {
      // Page 2 runs short beside its booked advert: the 1-column house advert fills the space, at most one a page.
      const fillers = b.report.pages[1]!.composition!.fillers;
      expect(fillers.map((f) => f.heading)).toEqual(['house advert house-1x18.png']);
      for (const p of b.report.pages) expect(p.composition?.fillers?.length ?? 0, `page ${p.number}`).toBeLessThanOrEqual(1);
      expect(b.text.join('\n')).not.toMatch(/Advertise with us|Your news|Subscribe to/);
      // It is printed: page 2 carries the story's photo and the house advert's picture.
      const images = spawnSync('pdfimages', ['-list', '-f', '2', '-l', '2', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
      expect(images).toHaveLength(2);
      expect(ruleFaults(b.verdict)).toEqual([]);
      for (const p of b.verdict) expect(shareOk(b, p), `page ${p.page}: share ${p.share}`).toBe(true);
    });

    it('gives the e-edition its zone and click-through apart from the booked adverts, which it does not join', () => {
      const manifest = JSON.parse(readFileSync(join(b.dir, 'e-edition', 'manifest.json'), 'utf8')) as { pages: { adverts: { name: string }[]; houseAdverts?: { name: string; url: string | null; h: number }[] }[] };
      const page = manifest.pages[1]!;
      expect(page.adverts.map((a) => a.name)).not.toContain('house-1x18.png');
      expect(page.houseAdverts).toEqual([expect.objectContaining({ name: 'house-1x18.png', url: 'https://courier.example/subscribe' })]);
      expect(page.houseAdverts![0]!.h).toBeCloseTo((180 * 72) / 25.4, 1);
    });
  });

  describe('a long read across two pages (examples/editions/long-read.yaml)', () => {
    let b: Built;
    beforeAll(async () => {
      b = await buildAndJudge(join(EDITIONS, 'long-read.yaml'));
    }, 180_000);

    it('jumps once, where the flatplan says, with 10 cm before the jump and both jump lines right', () => {
      const jumps = b.report.pages.flatMap((p) => p.composition?.jumped ?? []);
      expect(jumps).toEqual([{ article: 'the-river', to: 3 }]);
      expect(ruleFaults(b.verdict)).toEqual([]);
    });

    it('cuts the long read from the end on the page it continues on, reported with the paragraphs cut', () => {
      const cut = b.report.pages[2]!.composition!.trimmed;
      expect(cut).toHaveLength(1);
      expect(cut[0]!.article).toBe('the-river');
      expect(b.report.findings.some((f) => f.code === 'compose/trimmed' && /the-river/.test(f.message))).toBe(true);
      for (const p of b.verdict) expect(shareOk(b, p), `page ${p.page}: share ${p.share}`).toBe(true);
    });
  });
});
