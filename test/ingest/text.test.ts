// Scraped plain text: the seed story from shared/seeds and small inline stories.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/core/article.js';
import { parseBylineLine, parseScrapedText, readSourceFile } from '../../src/ingest/index.js';
import { diagnosticOf } from '../helpers.js';

const SEED = fileURLToPath(new URL('../../../shared/seeds/000_8750602a2a0151a0.txt', import.meta.url));
const hasSeed = existsSync(SEED);
/** A seed test: skipped, saying why, on a clone without shared/. */
const seedIt = (name: string, fn: () => void): void => {
  it.skipIf(!hasSeed)(hasSeed ? name : `${name} [skipped: shared/seeds not present on this clone]`, fn);
};
const textOf = (b: Block): string => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');

describe('parseScrapedText: the seed story', () => {
  seedIt('reads title, headline and byline', () => {
    const { file, text } = readSourceFile(SEED);
    const a = parseScrapedText(file, text);
    expect(a.format).toBe('text');
    expect(a.publication).toBe('The Coventry Observer');
    expect(a.headline).toBe('110 paedophile suspects arrested in West Midlands over last year as police report rise in lockdown internet predators');
    expect(a.src).toMatchObject({ file: SEED, line: 3, col: 1 });
    expect(a.byline).toEqual({ name: 'Coventry Editorial' });
    expect(a.published).toBe('2020-09-11');
    expect(a.updated).toBe('2020-09-11');
    expect(a.commentCount).toBe(0);
  });

  seedIt('keeps every paragraph, quotes intact, at its line', () => {
    const { file, text } = readSourceFile(SEED);
    const a = parseScrapedText(file, text);
    const raw = readFileSync(SEED, 'utf8').split('\n');
    const lines = [7, 9, 11, 13, 18, 20, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51];
    expect(a.body.map((b) => b.kind)).toEqual(lines.map(() => 'paragraph'));
    expect(a.body.map((b) => b.src.line)).toEqual(lines);
    expect(a.body.map(textOf)).toEqual(lines.map((n) => raw[n - 1]!.replace(/\s+/g, ' ').trim()));
    const all = a.body.map(textOf).join('\n');
    expect(all).toContain('Det Insp Wills added: “Vigilante ‘paedophile hunter’ groups');
    expect(all).toContain('12 months – with police');
    expect(all).toContain('internet. So far 124'); // the no-break space collapsed to one space
    expect(all).not.toContain('\u00a0');
  });

  seedIt('takes the site furniture out of the body', () => {
    const { file, text } = readSourceFile(SEED);
    const a = parseScrapedText(file, text);
    expect(a.furniture.map((f) => f.heading)).toEqual(['Announcements', 'Recruitment', 'Buy Photos', 'Online Editions']);
    expect(a.furniture[0]).toMatchObject({ text: 'Weddings, Birthdays, Bereavements, Thank you notices, Marriages and more.', src: { line: 53 } });
    expect(a.furniture[3]!.text).toBe('Catch up on your local news by reading our e-editions on the Coventry Observer.');
    const body = a.body.map(textOf).join('\n');
    for (const f of a.furniture) {
      expect(body).not.toContain(f.heading);
      expect(body).not.toContain(f.text);
    }
  });
});

describe('parseScrapedText: small stories', () => {
  const story = [
    'Harbour wall to be rebuilt - The Wexcombe Courier',
    '',
    'Harbour wall to be rebuilt',
    '',
    'By Jane\u00a0Smith 1st September 2020\u2009Updated:\u202f22nd Sept 2020   12',
    '',
    'THE harbour wall  will be rebuilt\u00a0next year, the council said.',
    '',
    '',
    '',
    'What happens next',
    '',
    '“Work starts in May,” said Cllr Ann Lee – who chairs the committee.',
    '',
    'Buy Photos',
    '',
    'Buy photos online.',
  ].join('\n');

  it('parses UK ordinal dates with odd spaces, and a crosshead', () => {
    const a = parseScrapedText('harbour.txt', story);
    expect(a.byline).toEqual({ name: 'Jane Smith' });
    expect(a.published).toBe('2020-09-01');
    expect(a.updated).toBe('2020-09-22');
    expect(a.commentCount).toBe(12);
    expect(a.body.map((b) => [b.kind, b.src.line, textOf(b)])).toEqual([
      ['paragraph', 7, 'THE harbour wall will be rebuilt next year, the council said.'],
      ['crosshead', 11, 'What happens next'],
      ['paragraph', 13, '“Work starts in May,” said Cllr Ann Lee – who chairs the committee.'],
    ]);
    expect(a.furniture).toEqual([{ heading: 'Buy Photos', text: 'Buy photos online.', src: { file: 'harbour.txt', line: 15, col: 1 } }]);
  });

  it('does not take a short last line, or a quote, for a crosshead', () => {
    const a = parseScrapedText('t.txt', 'Headline\n\nFirst paragraph here.\n\n“I am delighted”\n\nMore text follows here.\n\nThe End');
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('keeps a story’s own last crosshead and paragraph when no known furniture follows', () => {
    const a = parseScrapedText('t.txt', 'Headline\n\nFirst paragraph here.\n\nLooking ahead\n\nThe council meets again in June.');
    expect(a.furniture).toEqual([]);
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'crosshead', 'paragraph']);
  });

  it('without a title line, the first line is the headline and a " - " in it stays', () => {
    const a = parseScrapedText('t.txt', '\n\nFire crews - a thank you\n\nReaders have written in.\n');
    expect(a.publication).toBeUndefined();
    expect(a.headline).toBe('Fire crews - a thank you');
    expect(a.src.line).toBe(3);
    expect(a.body).toHaveLength(1);
  });

  it('splits the title line on the last " - " when the headline differs from it', () => {
    const a = parseScrapedText('t.txt', 'Fire - crews praised - Wexcombe Courier\nFire crews praised\nNews Desk 3rd Jan 2021\nText.');
    expect(a.publication).toBe('Wexcombe Courier');
    expect(a.headline).toBe('Fire crews praised');
    expect(a.published).toBe('2021-01-03');
    expect(a.byline?.name).toBe('News Desk');
  });

  it('points the block span at the first character of an indented paragraph', () => {
    const a = parseScrapedText('t.txt', 'Headline\n\n   Indented text.');
    expect(a.body[0]!.src).toEqual({ file: 't.txt', line: 3, col: 4 });
  });

  it('refuses a headline with no body, naming the file and the headline line', () => {
    const d = diagnosticOf(() => parseScrapedText('stories/a.txt', 'Lonely headline - The Courier\n\nLonely headline\n\nDesk 1st May 2020\n'));
    expect(d.code).toBe('ingest/no-body');
    expect(d.span).toEqual({ file: 'stories/a.txt', line: 3, col: 1 });
    expect(d.printed).toMatch(/^stories\/a\.txt:3:1: error: .*Lonely headline/);
  });
});

describe('parseBylineLine', () => {
  it('reads a byline without Updated or count, and refuses impossible dates', () => {
    expect(parseBylineLine('Newsdesk 22nd Sept. 2020')).toEqual({ name: 'Newsdesk', published: '2020-09-22' });
    expect(parseBylineLine('Newsdesk 31st Feb 2020')).toBeUndefined();
    expect(parseBylineLine('The council said it would act.')).toBeUndefined();
  });
});
