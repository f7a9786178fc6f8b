// Nothing sticks out: a story with a 118-character address, a 45-letter double-barrelled name, a 300-letter word, a
// one-word 40-letter headline and an address in a 1-column caption, built end to end and read back from the PDF with
// pdf.js and poppler's `pdftotext -bbox` (positions), and with the project's yardstick where it is beside the clone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { spanWidth, typeArea } from '../../src/layout/index.js';
import { loadPlant, plantGeometry } from '../../src/plant/index.js';
import { REPO, tempDir } from '../helpers.js';
import { readPdf, type ReadPdf } from '../pdf-reader.js';
import { cli } from './run.js';

const URL = 'https://www.wexcombe-courier.example/community/awards/2026/vale-champions-the-full-list-of-winners-and-runners-up.html';
const NAME = 'Featherstonehaughcholmondeleymarjoribankswyke-Smith';
const HEADWORD = 'Antidisestablishmentarianismcampaigners';
const LETTERS = 'x'.repeat(300);

const PRIZE = `---
headline: Vale honours its community champions
standfirst: A lollipop lady, a lifeboat helmsman and a retired headteacher who taught half the town to swim are among this year’s winners.
byline: Priya Chaudhry
date: 2026-11-26
section: News
---

The winners of this year’s Vale Community Champions awards were named on Friday at a ceremony in Wexcombe town hall, where more than 200 people turned out to cheer neighbours, volunteers and carers nominated by readers.

The full list of winners and runners-up, with the judges’ citations, is on the Courier’s website at ${URL} and in next week’s paper.

The lifetime achievement award went to Mrs Philippa ${NAME}, 84, who has run the town’s swimming club since 1971 and is thought to have taught more than 4,000 children to swim.

“I only ever wanted them to be safe in the water,” she said. “Now I teach the grandchildren of the children I taught, and they still cry when they put their faces in.”

The young volunteer of the year, Jack Okonkwo, 16, organises a weekly litter pick on the seafront and has persuaded three cafés to stop using plastic cups.

Nominations for next year’s awards open in March. Readers can write to awards@wexcombe-courier.example or fill in the form in the paper.
`;

// The side story runs down the page's last column (the fixed lead-and-side page): whatever sticks out of it leaves
// the trimmed page.
const SIDE = `---
headline: ${HEADWORD}
byline: Gareth Pryce
date: 2026-11-26
section: News
image:
  src: ../images/steps.png
  caption: "The winners on the town hall steps; all their names are at ${URL}"
  credit: Courier staff
---

The harbour master, Mr Rupert ${NAME}, 52, said the count would be held in public.

A typesetter’s test line follows: ${LETTERS} and then the story goes on as normal, with short words after it.

Voting closes at noon on Saturday.
`;

const EDITION = `version: 1
publication:
  name: The Wexcombe Courier
  code: WXC
date: 2026-11-26
pages:
  - template: lead-and-side
    stories: [stories/prize.md, stories/side.md]
`;

interface BoxWord {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Every word of a page with its box, as poppler finds it (`pdftotext -bbox`), top-down coordinates in points. */
function bboxWords(pdf: string, page: number): BoxWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: unescape(m[5]!),
  }));
}

/** Letters and digits only, lower case: what must survive setting, whatever the breaks and hyphens. */
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The body of a Markdown story: the paragraphs after the front matter. */
const bodyOf = (md: string) => md.split('---\n')[2]!.trim();

const TOLERANCE = 0.5;
const YARDSTICK = join(REPO, '..', 'shared', 'tools', 'overlap_check.py');
const hasYardstick = existsSync(YARDSTICK);

describe('long words, addresses and names in narrow columns', () => {
  let dir: string;
  let out: string;
  let pdf: string;
  let read: ReadPdf;
  let report: { findings: { severity: string; code: string; message: string; where?: string }[] };
  let words: BoxWord[];
  const area = typeArea(plantGeometry(loadPlant('uk-tabloid')), 1);

  beforeAll(async () => {
    dir = tempDir({ 'edition.yaml': EDITION, 'stories/prize.md': PRIZE, 'stories/side.md': SIDE });
    mkdirSync(join(dir, 'images'));
    await sharp({ create: { width: 900, height: 700, channels: 3, background: '#6f8f7a' } }).png().toFile(join(dir, 'images', 'steps.png'));
    out = tempDir();
    const r = await cli('build', join(dir, 'edition.yaml'), '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const edition = join(out, 'the-wexcombe-courier-2026-11-26');
    pdf = join(edition, 'print', 'the-wexcombe-courier-2026-11-26.pdf');
    read = await readPdf(pdf);
    report = JSON.parse(readFileSync(join(edition, 'report.json'), 'utf8'));
    words = bboxWords(pdf, 1);
  }, 60_000);

  it('keeps every word inside the type area and the trimmed page', () => {
    expect(words.length).toBeGreaterThan(300);
    const { width, height } = read.sizes[0]!;
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(area.x - TOLERANCE);
      expect(w.xMax, w.text).toBeLessThanOrEqual(area.x + area.w + TOLERANCE);
      expect(w.xMax, w.text).toBeLessThanOrEqual(width);
      expect(w.yMax, w.text).toBeLessThanOrEqual(height);
    }
  });

  it('keeps every word of the stories’ columns (body, bylines, captions) inside one column box', () => {
    // From the lead's byline down (below its headline and standfirst, which span columns) all is set in single columns.
    const top = Math.min(...words.filter((w) => w.text === 'BY').map((w) => w.yMin)) - TOLERANCE;
    const columns = Array.from({ length: area.columns }, (_, c) => {
      const x = area.x + c * (area.columnWidth + area.gutter);
      return { left: x, right: x + spanWidth(area, 1) };
    });
    const small = words.filter((w) => w.yMin >= top);
    expect(small.length).toBeGreaterThan(200);
    for (const w of small) {
      const inOne = columns.some((c) => w.xMin >= c.left - TOLERANCE && w.xMax <= c.right + TOLERANCE);
      expect(inOne, `“${w.text}” at ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} pt crosses a column edge`).toBe(true);
    }
  });

  it('sets the one-word headline of the 1-column story inside the last column', () => {
    const last = area.x + area.w;
    const first = area.x + (area.columns - 1) * (area.columnWidth + area.gutter);
    const pieces = words.filter((w) => /^(Antidis|.*campaigners$)/.test(w.text) || (HEADWORD.includes(w.text.replace(/-$/, '')) && w.text.length > 6));
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const w of pieces) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(first - TOLERANCE);
      expect(w.xMax, w.text).toBeLessThanOrEqual(last + TOLERANCE);
    }
    expect(letters(pieces.map((w) => w.text).join(''))).toContain(letters(HEADWORD));
  });

  it('loses no word: every letter of both stories is in the PDF, in reading order', () => {
    const text = letters(read.text[0]!.map((t) => t.str).join(''));
    for (const story of [PRIZE, SIDE]) {
      for (const para of bodyOf(story).split('\n\n')) expect(text, para.slice(0, 40)).toContain(letters(para));
    }
    expect(text).toContain(letters(`The winners on the town hall steps; all their names are at ${URL}`));
  });

  it('reports each emergency break with the story line that holds the word, and no line sticking out', () => {
    const codes = report.findings.map((f) => f.code);
    expect(codes).not.toContain('layout/overfull');
    expect(codes).not.toContain('layout/hyphen-ladder');
    const emergency = report.findings.filter((f) => f.code === 'layout/emergency-break');
    const name = emergency.filter((f) => f.message.includes(NAME));
    expect(name.length).toBeGreaterThanOrEqual(2);
    expect(name.some((f) => /prize\.md:13:1$/.test(f.where ?? ''))).toBe(true);
    expect(name.some((f) => /side\.md:12:1$/.test(f.where ?? ''))).toBe(true);
    // The address in the body (line 11) and in the caption (the front matter's image, line 7).
    expect(emergency.some((f) => /prize\.md:11:1$/.test(f.where ?? '') && /the address breaks without a hyphen/.test(f.message))).toBe(true);
    expect(emergency.some((f) => /side\.md:7:\d+$/.test(f.where ?? '') && /the address/.test(f.message))).toBe(true);
    // The word without a hyphenation point is broken letter by letter, and each such break is a fault of its own.
    const faults = report.findings.filter((f) => f.code === 'layout/letter-break');
    expect(faults.length).toBeGreaterThanOrEqual(9);
    expect(faults.every((f) => /side\.md:14:1$/.test(f.where ?? '') && /a fault/.test(f.message))).toBe(true);
  });

  it('sets no stub line of a single short word before a broken name', () => {
    // “Mrs Philippa” and “Mr Rupert” share their line with the words before them.
    const line = (word: string) => {
      const w = words.find((x) => x.text === word)!;
      return words.filter((x) => Math.abs(x.yMin - w.yMin) < 1 && Math.abs(x.xMin - w.xMin) < area.columnWidth).map((x) => x.text);
    };
    expect(line('Philippa').length).toBeGreaterThanOrEqual(3);
    expect(line('Rupert').length).toBeGreaterThanOrEqual(3);
  });

  it('gives the e-edition the address whole, as a link, however the page broke it', () => {
    const edition = join(out, 'the-wexcombe-courier-2026-11-26', 'e-edition');
    const html = readFileSync(join(edition, 'articles', 'prize.html'), 'utf8');
    expect(html).toContain(`<a href="${URL}">${URL}</a>`);
    expect(html).toContain('<a href="mailto:awards@wexcombe-courier.example">awards@wexcombe-courier.example</a>');
    const manifest = readFileSync(join(edition, 'manifest.json'), 'utf8');
    expect(manifest).toContain(URL);
  });

  it.skipIf(!hasYardstick)(`passes the overlap yardstick: nothing outside the type area, no words colliding${hasYardstick ? '' : ' [skipped: ../shared/tools is not beside this clone]'}`, () => {
    const result = execFileSync('python3', [YARDSTICK, pdf], { encoding: 'utf8' });
    expect(result).toMatch(/ 0 outside the type area, 0 collisions/);
  });
});
