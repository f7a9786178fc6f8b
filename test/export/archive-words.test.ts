// Words broken across lines, from the line breaker to ALTO: the layout marks each one on its lines (the whole word,
// and whether the hyphen at the break is one the breaker added), and the archive's reading of a page turns that into
// HypPart1, HYP and HypPart2. Set with the shipped body style and fonts, in columns narrow enough to make breaks.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FontSet, FrameItem, GlyphRun, Page } from '../../src/core/index.js';
import { altoPage, archiveFile, metsDocument, pageText } from '../../src/export/archive/index.js';
import { setParagraph, Shaper, type SetLine } from '../../src/layout/index.js';
import { lineRuns } from '../../src/layout/text/emit.js';
import { loadFonts } from '../../src/publish/index.js';
import { loadTemplateSet, type MarkupNode } from '../../src/template/index.js';
import { elements, HAVE_SCHEMAS, SCHEMAS, SCHEMA_SKIP } from './archive-helpers.js';
import { FONTS, TEMPLATES, tempDir } from '../helpers.js';

const sheet = loadTemplateSet('tabloid', TEMPLATES).styles;
const fonts: FontSet = loadFonts(sheet, FONTS);
const shaper = new Shaper(fonts);
const body = sheet.paragraph['body']!;
const LEADING = body.leading;

/** A paragraph of long words that must hyphenate in a 30 mm column (written for this test). */
const COPY =
  'Councillors representing neighbouring constituencies unanimously recommended comprehensive refurbishment, notwithstanding considerable disagreement concerning responsibilities, expenditure and accountability.';

function set(content: string | readonly MarkupNode[], measure: number): SetLine[] {
  return setParagraph(content, body, sheet, shaper, measure);
}

/** The lines as a page's frame: one line under the other, tagged as an article's paragraph. */
function page(lines: readonly SetLine[], x = 20): Page {
  const items: FrameItem[] = lines.flatMap((l, i) => lineRuns(l, x, 40 + i * LEADING, { article: 'test', role: 'P', block: 10 }));
  return { number: 1, width: 300, height: 400, frame: { width: 300, height: 400, items }, articles: ['test'] };
}

describe('words broken across lines, as the layout marks them', () => {
  it('marks a word the breaker hyphenated on both its lines, with the whole word as the copy has it', () => {
    const lines = set(COPY, 85); // 30 mm
    const broken = lines.filter((l) => l.breaksWord);
    expect(broken.length).toBeGreaterThan(2);
    const words = COPY.split(' ');
    for (const l of broken) {
      const n = lines.indexOf(l);
      const next = lines[n + 1]!;
      expect(l.breaksWord!.hyphen).toBe(true);
      // The line shows the first piece and the breaker's hyphen; the next line starts with the rest.
      expect(l.text.endsWith('-')).toBe(true);
      const first = l.text.split(' ').pop()!.slice(0, -1);
      const rest = next.text.split(' ')[0]!;
      expect(first + rest).toBe(l.breaksWord!.word);
      expect(next.finishesWord).toBe(l.breaksWord!.word);
      expect(words).toContain(l.breaksWord!.word);
    }
    // Lines that end at a space say nothing.
    for (const l of lines.filter((l) => !l.text.endsWith('-'))) expect(l.breaksWord).toBeUndefined();
    expect(lines.filter((l) => l.finishesWord !== undefined)).toHaveLength(broken.length);
  });

  it('marks a compound broken after its own hyphen as a break inside the word, not a hyphen the breaker added', () => {
    const measure = shaper.width('body', 'aaaa bbbb cccc twelve-', 9) + 9 + 1; // indent + a point to spare
    const lines = set('aaaa bbbb cccc twelve-year-old dddd eeee', measure);
    // It breaks after one of the compound's own hyphens (which one depends on how far the spaces give).
    expect(lines[0]!.text).toMatch(/^aaaa bbbb cccc twelve-(year-)?$/);
    expect(lines[0]!.breaksWord).toEqual({ word: 'twelve-year-old', hyphen: false });
    expect(lines[1]!.finishesWord).toBe('twelve-year-old');
  });

  it('marks a web address broken at its own break points without a hyphen', () => {
    const url = 'https://www.wexcombe-courier.example/news/2026/harbour-wall-repairs-consultation';
    const lines = set(`Details are at ${url} until Friday.`, 85);
    const at = lines.findIndex((l) => l.breaksWord?.word === url);
    const broken = lines.filter((l) => l.breaksWord?.word === url);
    expect(broken.length).toBeGreaterThan(0);
    for (const l of broken) expect(l.breaksWord!.hyphen).toBe(false);
    // The pieces, line by line, make the address: the first line's last word, then the next lines' first.
    const pieces = [lines[at]!.text.split(' ').pop()!, ...lines.slice(at + 1, at + 1 + broken.length).map((l) => l.text.split(' ')[0]!)];
    expect(pieces.join('')).toBe(url);
    expect(lines.filter((l) => l.finishesWord === url)).toHaveLength(broken.length);
  });

  it('carries the marks onto the frame: the line’s last run breaks the word, the next line’s first run finishes it', () => {
    const lines = set(COPY, 85);
    const runs = page(lines).frame.items as GlyphRun[];
    const marked = runs.filter((r) => r.breaksWord);
    expect(marked).toHaveLength(lines.filter((l) => l.breaksWord).length);
    for (const r of marked) {
      // The last run on its baseline.
      expect(runs.filter((o) => o.y === r.y && o.x > r.x)).toEqual([]);
      const next = runs.filter((o) => Math.abs(o.y - (r.y + LEADING)) < 1e-9).sort((a, b) => a.x - b.x)[0]!;
      expect(next.finishesWord).toBe(r.breaksWord!.word);
    }
  });
});

describe('pageText and ALTO of a set paragraph', () => {
  it('reads every word back in order, a broken word as its two pieces with the breaker’s hyphen apart', () => {
    const lines = set(COPY, 85);
    const blocks = pageText(page(lines), fonts);
    expect(blocks).toHaveLength(1);
    const words = blocks[0]!.lines.flatMap((l) => l.words);
    // Whole words: a first piece stands for the whole, a later piece is left out.
    const read = words.filter((w) => w.part?.n !== 2).map((w) => (w.part ? w.part.whole : w.text));
    expect(read).toEqual(COPY.split(' '));
    for (const l of blocks[0]!.lines) {
      const last = l.words[l.words.length - 1]!;
      if (!last.hyphen) continue;
      expect(last.part?.n).toBe(1);
      expect(last.text.endsWith('-')).toBe(false);
      // The hyphen follows its word on the line, within the column.
      expect(last.hyphen.x0).toBeGreaterThanOrEqual(last.box.x1 - 0.5);
      expect(last.hyphen.x1).toBeLessThanOrEqual(20 + 85 + 0.5);
    }
    // Words run left to right on each line, none overlapping the next.
    for (const l of blocks[0]!.lines) for (let i = 1; i < l.words.length; i++) expect(l.words[i]!.box.x0).toBeGreaterThan(l.words[i - 1]!.box.x1);
  });

  it('reads a word broken at the foot of one page and finished on the next as its two pieces, each page alone', () => {
    const lines = set(COPY, 85);
    const n = lines.findIndex((l) => l.breaksWord?.hyphen);
    const [first, second] = [page(lines.slice(0, n + 1)), { ...page(lines.slice(n + 1)), number: 5 }];
    const last = pageText(first, fonts)[0]!.lines.at(-1)!.words.at(-1)!;
    const next = pageText(second, fonts)[0]!.lines[0]!.words[0]!;
    expect(last.part).toEqual({ n: 1, whole: lines[n]!.breaksWord!.word });
    expect(last.hyphen).toBeDefined();
    expect(next.part).toEqual({ n: 2, whole: lines[n]!.breaksWord!.word });
    expect(last.text + next.text).toBe(lines[n]!.breaksWord!.word);
  });

  it('keeps a word broken after a compound’s own hyphen whole in its first piece, with no HYP', () => {
    const measure = shaper.width('body', 'aaaa bbbb cccc twelve-', 9) + 9 + 1;
    const lines = set('aaaa bbbb cccc twelve-year-old dddd eeee', measure);
    const alto = altoPage(page(lines), fonts, { image: 'page.jpg' });
    expect(elements(alto.xml, 'HYP')).toEqual([]);
    const parts = elements(alto.xml, 'String').filter((e) => e.attrs['SUBS_TYPE']);
    expect(parts.map((e) => e.attrs['SUBS_TYPE'])).toEqual(['HypPart1', 'HypPart2']);
    expect(parts[0]!.attrs['CONTENT']).toMatch(/^twelve-(year-)?$/);
    expect(parts.map((e) => e.attrs['CONTENT']).join('')).toBe('twelve-year-old');
    expect(parts.every((e) => e.attrs['SUBS_CONTENT'] === 'twelve-year-old')).toBe(true);
  });

  it('keeps a word whose style changes inside it one word (an italic name and the comma after it)', () => {
    const src = { file: 'test', line: 1, col: 1 };
    const content: MarkupNode[] = [{ kind: '#text', text: 'said ' }, { kind: 'i', attrs: {}, children: [{ kind: '#text', text: 'Morwenna Rose' }], src }, { kind: '#text', text: ', who runs the kiosk.' }];
    const lines = set(content, 300);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.runs.length).toBeGreaterThan(1);
    const words = pageText(page(lines), fonts)[0]!.lines[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['said', 'Morwenna', 'Rose,', 'who', 'runs', 'the', 'kiosk.']);
    // “Rose,” starts in the italic face: its style is the first letter's.
    expect(words[2]!.font).toBe('body-italic');
  });

  it('writes HYP after the first piece, and HypPart1 and HypPart2 with the whole word', () => {
    const lines = set(COPY, 85);
    const alto = altoPage(page(lines), fonts, { image: 'page.jpg' });
    const tls = elements(alto.xml, 'TextLine');
    let hyps = 0;
    tls.forEach((tl, i) => {
      const kids = tl.children;
      const hyp = kids.find((k) => k.name === 'HYP');
      if (!hyp) return;
      hyps++;
      expect(kids[kids.length - 1]).toBe(hyp);
      expect(hyp.attrs['CONTENT']).toBe('-');
      const part1 = kids.filter((k) => k.name === 'String').pop()!;
      const part2 = tls[i + 1]!.children.find((k) => k.name === 'String')!;
      expect(part1.attrs['SUBS_TYPE']).toBe('HypPart1');
      expect(part2.attrs['SUBS_TYPE']).toBe('HypPart2');
      expect(part1.attrs['SUBS_CONTENT']).toBe(part2.attrs['SUBS_CONTENT']);
      expect(part1.attrs['CONTENT']! + part2.attrs['CONTENT']!).toBe(part1.attrs['SUBS_CONTENT']);
      // The hyphen sits right of its piece, in tenths of a millimetre.
      expect(Number(hyp.attrs['HPOS'])).toBeGreaterThanOrEqual(Number(part1.attrs['HPOS']) + Number(part1.attrs['WIDTH']) - 1);
    });
    expect(hyps).toBe(lines.filter((l) => l.breaksWord?.hyphen).length);
  });

  it.skipIf(!HAVE_SCHEMAS)(`is valid against the ALTO 4.4 schema (xmllint; ${SCHEMA_SKIP})`, () => {
    const file = join(tempDir(), 'page.xml');
    writeFileSync(file, altoPage(page(set(COPY, 85)), fonts, { image: 'page.jpg' }).xml);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'alto-4-4.xsd'), file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('characters XML treats specially', () => {
  const TEXT = 'Fish & chips at “The <Anchor>” cost £9.50 — a "bargain".';

  it('escapes them in ALTO and METS: the files parse, and the words and titles read back as written', () => {
    const alto = altoPage(page(set(TEXT, 300)), fonts, { image: 'pages/p&1.jpg' });
    expect(elements(alto.xml, 'String').map((e) => e.attrs['CONTENT']).join(' ')).toBe(TEXT);
    expect(elements(alto.xml, 'fileName')[0]!.text).toBe('pages/p&1.jpg');
    const file = (href: string) => archiveFile(href, 'application/octet-stream', href);
    const mets = metsDocument({
      issue: { id: 'x', title: 'The <Coombe> & Vale "Gazette"', date: '2026-11-26', dateLong: 'Thursday, 26 November 2026', publisher: 'Coombe & Co' },
      pages: [{ number: 1, label: 'Page 1', image: file('i.jpg'), alto: file('a.xml'), pdf: file('../p.pdf'), articles: alto.articles, adverts: [] }],
      editionPdf: file('../e.pdf'),
      articles: new Map([['test', { headline: TEXT, byline: 'A & B' }]]),
    });
    expect(elements(mets, 'mods:title').map((e) => e.text)).toEqual(['The <Coombe> & Vale "Gazette"', TEXT]);
    expect(elements(mets, 'mods:publisher')[0]!.text).toBe('Coombe & Co');
    // No issue number: no part.
    expect(elements(mets, 'mods:part')).toEqual([]);
  });

  it.skipIf(!HAVE_SCHEMAS)(`stay valid against ALTO 4.4 and METS 1.12.1 (xmllint; ${SCHEMA_SKIP})`, () => {
    const alto = altoPage(page(set(TEXT, 300)), fonts, { image: 'page.jpg' });
    const file = (href: string) => archiveFile(href, 'application/octet-stream', href);
    const mets = metsDocument({
      issue: { id: 'x', title: 'The <Coombe> & Vale', date: '2026-11-26', dateLong: 'Thursday, 26 November 2026', issue: 3, publisher: 'Coombe & Co' },
      pages: [{ number: 1, label: 'Page 1', image: file('i.jpg'), alto: file('a.xml'), pdf: file('../p.pdf'), articles: alto.articles, adverts: [] }],
      editionPdf: file('../e.pdf'),
      articles: new Map([['test', { headline: TEXT }]]),
    });
    const dir = tempDir({ 'alto.xml': alto.xml, 'mets.xml': mets });
    for (const [name, schema] of [['alto.xml', 'alto-4-4.xsd'], ['mets.xml', 'mets-1-12-1.xsd']] as const) {
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, schema), join(dir, name)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });
});
