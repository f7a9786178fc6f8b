// newsprint preflight meeting a bug on one file of a batch: the other files still get their verdicts (and --json stays one document), then the bug is reported once, exit 3.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from '../cli/run.js';
import { REPO } from '../helpers.js';

vi.mock('../../src/preflight/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/preflight/index.js')>();
  return {
    ...real,
    preflightPdf: (bytes: Uint8Array, file: string, plant: Parameters<typeof real.preflightPdf>[2]) =>
      file.endsWith('car-dealer.pdf') ? Promise.reject(new TypeError('a bug, on purpose')) : real.preflightPdf(bytes, file, plant),
  };
});

const ADS = join(REPO, 'examples', 'sample-edition', 'ads');

describe('a bug on one file of a batch', () => {
  it('gives the other files their verdicts, then is reported once, exit 3', async () => {
    const files = [join(ADS, 'jobs-box.pdf'), join(ADS, 'car-dealer.pdf'), join(ADS, 'garden-centre.pdf')];
    const r = await cli('preflight', ...files);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/jobs-box\.pdf: 1 page, PDF\/X-1a:2001: /);
    expect(r.stderr).toMatch(/car-dealer\.pdf: not checked: 1 error.*\n.*newsprint failed while checking this file: a bug in newsprint \(reported after the verdicts\) \[preflight\/internal\]/);
    expect(r.stderr).toMatch(/garden-centre\.pdf: 1 page, PDF\/X-1a:2001: /);
    expect(r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('newsprint: internal error'))).toEqual(['newsprint: internal error: TypeError: a bug, on purpose']);

    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    try {
      expect((await cli('preflight', '--json', ...files)).code).toBe(3);
    } finally {
      spy.mockRestore();
    }
    const json = JSON.parse(out) as { files: { file: string; checked: string }[] };
    expect(json.files.map((f) => [f.file, f.checked])).toEqual([[files[0], 'all'], [files[1], 'none'], [files[2], 'all']]);
  });
});
