// Limits on input, checked as each article is read and before any layout: a file far larger than any story is refused
// at once with one line naming the limit and the option that raises it, and nothing is written.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { REPO, tempDir } from '../helpers.js';

const STORY = join(REPO, 'examples', 'sample-edition', 'stories', 'harbour-wall.md');

describe('input limits', () => {
  it('a 50 MB article is refused before it is read: its size, the limit and the option, nothing written', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    // 50 MB of plain words: a log or a book given by mistake.
    writeFileSync(big, `Huge file - Paper\n\nHeadline here\n\n${'word word word word word word word word word word word word\n\n'.repeat(Math.ceil((50 * 1024 * 1024) / 62))}`);
    const out = join(dir, 'out');
    const r = await cli('build', big, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.txt:1:1: error: file is 5\d,\d{3} KB, more than the 1,000 KB an article may be/);
    expect(r.stderr).toMatch(/--max-article-kb N/);
    expect(readdirSync(dir)).toEqual(['big.txt']);
  });

  it('an article of more words than the limit is refused, naming both counts; the option raises the limit', async () => {
    const out = tempDir();
    const low = await cli('build', STORY, '--out', out, '--max-article-words', '100');
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/harbour-wall\.md:1:1: error: the article has \d{3,} words, more than the 100 an article may have/);
    expect(low.stderr).toMatch(/--max-article-words N/);
    expect(readdirSync(out)).toEqual([]);
    // The same story under the default limit, or a raised one, is read (galley: the quickest command that reads it).
    expect((await cli('galley', STORY, '--out', join(out, 'g.pdf'), '--quiet', '--max-article-words', '5000')).code).toBe(0);
    const small = await cli('galley', STORY, '--out', join(out, 'g2.pdf'), '--quiet', '--max-article-kb', '1');
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/more than the 1 KB an article may be/);
  });

  it('a 5,000-character headline is set, and blamed on the story’s own headline line, not on the template', async () => {
    const dir = tempDir({ 'long.md': `---\nheadline: ${'Council '.repeat(625).trim()}\n---\n\nA short body paragraph here.\n` });
    const r = await cli('build', join(dir, 'long.md'), '--out', join(dir, 'out'), '--formats', 'jpeg');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/long\.md:2:11: warning: headline “Council Council[^”]*” needs \d+ lines at [\d.]+ pt, more than 4/);
    expect(r.stderr).not.toMatch(/\.hbs:\d+:\d+: warning: headline/);
  });

  it('a limit that is not a positive number is a bad command line (exit 2)', async () => {
    const r = await cli('build', STORY, '--max-article-kb', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-article-kb must be a positive number/);
  });
});

describe('nothing lost unsaid', () => {
  it('a galley of a story with an HTML table warns at the table’s line with its words, in the terminal and the JSON', async () => {
    const dir = tempDir({ 'results.md': '---\nheadline: Results\n---\n\nThe results were:\n\n<table><tr><td>Wexcombe 3</td><td>Hollerton 1</td></tr></table>\n\nLast paragraph.\n' });
    const r = await cli('galley', join(dir, 'results.md'), '--out', join(dir, 'g.pdf'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/results\.md:7:1: warning: an HTML block is not set, and its words are left out: “Wexcombe 3 Hollerton 1”/);
  });
});

describe('edition and advert limits', () => {
  const SAMPLE = join(REPO, 'examples', 'sample-edition');
  const edition = (dir: string, pages: number, ad = 'ads/car-dealer.pdf') => {
    const file = join(dir, 'edition.yaml');
    writeFileSync(file, ['version: 1', 'publication: { name: The Vale Gazette }', 'date: 2026-12-08', 'e-edition: { formats: [jpeg], sizes: { thumbnail: 64, page: 400, zoom: 1000 } }', 'pages:',
      '  - stories: [stories/harbour-wall.md]', `    ads: [{ file: ${ad}, size: 3x6cm }]`, ...Array.from({ length: pages - 1 }, () => '  - template: house-ad'), ''].join('\n'));
    return file;
  };
  const paper = () => {
    const dir = tempDir();
    for (const d of ['stories', 'images', 'ads']) cpSync(join(SAMPLE, d), join(dir, d), { recursive: true });
    return dir;
  };

  it('an edition of more pages than the limit is refused at its pages, naming the option; the option raises it', async () => {
    const dir = paper();
    const r = await cli('build', edition(dir, 401), '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:6:3: error: edition file: pages lists 401 pages, more than the 400 an edition may have/);
    expect(r.stderr).toMatch(/--max-pages N/);
    const low = await cli('plan', edition(dir, 4), '--out', join(dir, 'p.png'), '--max-pages', '3');
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/pages lists 4 pages, more than the 3 an edition may have/);
    expect(readdirSync(dir).sort()).toEqual(['ads', 'edition.yaml', 'images', 'stories']);
  });

  it('an advert file larger than the limit is refused before it is read, naming the booking and the option', async () => {
    const dir = paper();
    const r = await cli('build', edition(dir, 4), '--out', join(dir, 'out'), '--max-advert-mb', '0.001');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/edition\.yaml:7:11: error: advert .*car-dealer\.pdf \(booked 3x6cm\) is 10 KB, more than the 1 KB an advert file may be/);
    expect(r.stderr).toMatch(/--max-advert-mb N/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('an advert PDF of several pages: the first is placed, and the report says the others are not printed', async () => {
    const dir = paper();
    // qpdf keeps the first file's PDF/X identification and output intent, as an advertiser's own tool would.
    const ad = join(SAMPLE, 'ads', 'car-dealer.pdf');
    execFileSync('qpdf', [ad, '--pages', ad, '1', ad, '1', ad, '1', '--', join(dir, 'ads', 'three-pages.pdf')]);
    const r = await cli('build', edition(dir, 4, 'ads/three-pages.pdf'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/edition\.yaml:7:11: warning: advert .*three-pages\.pdf \(booked 3x6cm\) has 3 pages: its first is placed, and the other 2 are not printed/);
  });
});

