// `newsprint plan`: the flatplan as a table, each composed page's figures, and the overview PNG with its zones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { REPO, tempDir } from '../helpers.js';

afterEach(() => vi.restoreAllMocks());

const story = (f: string) => join(REPO, 'examples', 'sample-edition', 'stories', f);
const ad = (f: string) => join(REPO, 'examples', 'sample-edition', 'ads', f);

it('prints the flatplan and the composed pages, and writes the overview with story and advert zones', async () => {
  const src = tempDir({
    'edition.yaml': `version: 1
publication: { name: The Wexcombe Courier, code: WXC }
date: 2026-11-26
pages:
  - template: front
    stories: [{ file: ${story('cricket-pavilion.md')}, continue-on: 2 }, ${story('nib-choir.md')}]
    ads: [{ file: ${ad('garden-centre.pdf')}, size: 5x12cm }]
  - stories: [${story('market-traders.md')}]
  - stories: [${story('netball-league.md')}]
    ads: [{ file: ${ad('funeral-director.pdf')}, size: 2x9cm }, { file: ${ad('quiz-night.png')}, size: 1x4cm, position: inner }]
  - stories: [${story('nib-parkrun.md')}]
`,
  });
  const png = join(tempDir(), 'wall.png');
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await run(['plan', join(src, 'edition.yaml'), '--root', REPO, '--out', png]);
  expect(code).toBe(0);
  // The table: a row a page, stories in priority order with their jumps, adverts with their bookings.
  expect(stdout).toMatch(/^1 +front +cricket-pavilion → p2, nib-choir +garden-centre\.pdf 5x12cm$/m);
  expect(stdout).toMatch(/^3 +composed +netball-league +funeral-director\.pdf 2x9cm, quiz-night\.png 1x4cm \(inner\)$/m);
  // Each composed page's figures.
  expect(stdout).toMatch(/^page 1: news hole \d+ cm², copy [\d.]+ %, promos [\d.]+ %, white [\d.]+ % \(largest [\d.]+ cm²\)/m);
  for (const n of [2, 3, 4]) expect(stdout).toMatch(new RegExp(`^page ${n}: news hole`, 'm'));
  // The overview: four pages in a row, each with blue story zones and red advert zones drawn over it.
  const meta = await sharp(readFileSync(png)).metadata();
  expect(meta.width).toBe(24 + 4 * (240 + 24));
  const { data, info } = await sharp(readFileSync(png)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let blue = 0;
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.abs(r - 0x1f) < 12 && Math.abs(g - 0x5f) < 12 && Math.abs(b - 0xbf) < 12) blue++;
    if (Math.abs(r - 0xc8) < 12 && Math.abs(g - 0x10) < 12 && Math.abs(b - 0x2e) < 12) red++;
  }
  expect(blue).toBeGreaterThan(500);
  expect(red).toBeGreaterThan(200);
}, 120_000);
