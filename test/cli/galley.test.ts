// `newsprint galley`: the seed story and the long read in a 48 mm column, read back with pdf.js and measured with
// the project's typesetting yardstick (../shared/tools/typo_metrics.py, on poppler's pdftotext).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { readPdf, words } from '../pdf-reader.js';
import { FONTS, REPO, SEED } from '../helpers.js';

const LIBERATION = join(FONTS, 'liberation-serif', 'LiberationSerif-Regular.ttf');
const LONG = join(REPO, 'examples', 'long-read', 'the-river.md');
const YARDSTICK = join(REPO, '..', 'shared', 'tools', 'typo_metrics.py');
const hasShared = existsSync(SEED) && existsSync(YARDSTICK);
const tmp = () => mkdtempSync(join(tmpdir(), 'newsprint-galley-'));

interface Metrics {
  words_ok: boolean;
  overfull_lines: number;
  short_mid_paragraph: number;
  max_consecutive_hyphens: number;
  mean_abs_r_minus_1: number;
  loose_share: number;
  mean_abs_r_eq_minus_1: number;
  loose_share_eq: number;
}

/** Sets a galley of the file at 48 mm in Liberation Serif 9/10.5 and measures it with the yardstick. */
async function measured(file: string, ...extra: string[]): Promise<{ metrics: Metrics; stats: Record<string, number>; pdf: string; text: string }> {
  const dir = tmp();
  const pdf = join(dir, 'galley.pdf');
  const text = join(dir, 'body.txt');
  let out = '';
  const { vi } = await import('vitest');
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const r = await cli('galley', file, '--width', '48mm', '--font', LIBERATION, '--size', '9', '--leading', '10.5', '--lang', 'en-GB', '--out', pdf, '--text', text, '--json', ...extra);
  spy.mockRestore();
  expect(r.code, r.stderr).toBe(0);
  const json = execFileSync('python3', [YARDSTICK, pdf, '--font', LIBERATION, '--input', text], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { metrics: JSON.parse(json), stats: JSON.parse(out), pdf, text };
}

describe.skipIf(!hasShared)(`galley of the seed story at 48 mm${hasShared ? '' : ' [skipped: ../shared (seed and yardstick) is not beside this clone]'}`, () => {
  let plain: Awaited<ReturnType<typeof measured>>;
  let expanded: Awaited<ReturnType<typeof measured>>;
  beforeAll(async () => {
    plain = await measured(SEED, '--no-expansion');
    expanded = await measured(SEED);
  });

  it('keeps every word, with no overfull line, no ragged line inside a paragraph and at most 2 hyphens in a row', () => {
    for (const { metrics } of [plain, expanded]) {
      expect(metrics.words_ok).toBe(true);
      expect(metrics.overfull_lines).toBe(0);
      expect(metrics.short_mid_paragraph).toBe(0);
      expect(metrics.max_consecutive_hyphens).toBeLessThanOrEqual(2);
    }
  });

  it('breaks within a few hundredths of the optimum (mean |r_eq − 1| ≤ 0.56, loose ≤ 45 %)', () => {
    expect(plain.metrics.mean_abs_r_eq_minus_1).toBeLessThanOrEqual(0.56);
    expect(plain.metrics.loose_share_eq).toBeLessThanOrEqual(0.45);
  });

  it('with expansion, shows even word spaces (mean |r − 1| ≤ 0.30, loose ≤ 10 %) while r_eq still meets the target', () => {
    expect(expanded.metrics.mean_abs_r_minus_1).toBeLessThanOrEqual(0.3);
    expect(expanded.metrics.loose_share).toBeLessThanOrEqual(0.1);
    expect(expanded.metrics.mean_abs_r_eq_minus_1).toBeLessThanOrEqual(0.56);
  });

  it('reports copyfitting figures that agree with the PDF', async () => {
    const pdf = await readPdf(plain.pdf);
    const stats = plain.stats as unknown as { lines: number; depthMm: number; columnCm: number; words: number; hyphenatedLines: number };
    expect(stats.depthMm).toBeCloseTo((stats.lines * 10.5 * 25.4) / 72, 3);
    expect(stats.columnCm).toBeCloseTo(stats.depthMm / 10, 6);
    const body = readFileSync(plain.text, 'utf8');
    expect(stats.words).toBe(body.split(/\s+/).filter(Boolean).length);
    // Baselines of the PDF's lines: as many distinct ones as the galley says it set.
    const baselines = new Set(pdf.text.flatMap((page, p) => page.filter((t) => t.str.trim()).map((t) => `${p}:${t.y.toFixed(2)}`)));
    expect(baselines.size).toBe(stats.lines);
    expect(words(pdf.text.flat()).filter((w) => w.endsWith('-')).length).toBeGreaterThanOrEqual(stats.hyphenatedLines);
  });
});

describe.skipIf(!existsSync(YARDSTICK))(`galley of the long read (over 5,000 words)${existsSync(YARDSTICK) ? '' : ' [skipped: ../shared/tools is not beside this clone]'}`, () => {
  it('meets the same rules over every paragraph', async () => {
    const { metrics, stats } = await measured(LONG);
    expect((stats as unknown as { words: number }).words).toBeGreaterThan(5000);
    expect(metrics.words_ok).toBe(true);
    expect(metrics.overfull_lines).toBe(0);
    expect(metrics.short_mid_paragraph).toBe(0);
    expect(metrics.max_consecutive_hyphens).toBeLessThanOrEqual(2);
    expect(metrics.mean_abs_r_minus_1).toBeLessThanOrEqual(0.3);
    expect(metrics.mean_abs_r_eq_minus_1).toBeLessThanOrEqual(0.56);
  });
});
