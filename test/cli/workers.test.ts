// The e-edition's pages on worker threads: the compiled CLI (bin → dist, where the worker module exists) with 0, 1
// and 2 threads must write the same files, byte for byte.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SAMPLE_EDITION, tempDir, tree } from '../helpers.js';

const BIN = join(REPO, 'bin', 'newsprint.js');

function build(...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'build', SAMPLE_EDITION, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  return { status: r.status, stderr: r.stderr };
}

describe('newsprint build --workers', () => {
  it('writes byte-identical files with the e-edition in this thread, on one worker thread or on two', () => {
    const outs = ['0', '1', '2'].map((n) => {
      const out = tempDir();
      const r = build('--out', out, '--workers', n, '--quiet');
      expect(r.status, r.stderr).toBe(0);
      return tree(out);
    });
    const [none, one, two] = outs as [Map<string, Buffer>, Map<string, Buffer>, Map<string, Buffer>];
    // Pages, tiles, article views, manifests, plant files and report: thousands of files in all.
    expect(none.size).toBeGreaterThan(250);
    expect([...none.keys()].filter((k) => k.includes('/tiles/')).length).toBeGreaterThan(200);
    // The archive files too: each page's ALTO (made on the worker threads) and the METS.
    expect([...none.keys()].filter((k) => /\/e-edition\/(alto\/page-\d\d\.xml|mets\.xml)$/.test(k))).toHaveLength(5);
    for (const other of [one, two]) {
      expect([...other.keys()]).toEqual([...none.keys()]);
      const differing = [...none].filter(([k, v]) => !v.equals(other.get(k)!)).map(([k]) => k);
      expect(differing).toEqual([]);
    }
  }, 180_000);

  it('leaves nothing behind when the layout fails with pages already on the worker threads', () => {
    const stories = join(REPO, 'examples', 'sample-edition', 'stories');
    const list = ['harbour-wall.md', 'planning-homes.md', 'care-home.md', 'court-report.txt', 'hospital-ward.md', 'railway-bridge.md', 'town-council.txt', 'market-traders.md'];
    // Page 1 is fine and goes to the workers; page 2 has eight long stories for one news hole: overset.
    const edition = tempDir({
      'edition.yaml': `version: 1\npublication: { name: The Wexcombe Courier, code: WXC }\ndate: 2026-11-26\npages:\n  - stories: [${join(stories, 'nib-choir.md')}]\n  - stories: [${list.map((f) => join(stories, f)).join(', ')}]\n`,
    });
    const out = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'build', join(edition, 'edition.yaml'), '--root', REPO, '--out', out, '--workers', '2'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/overset|cannot all be placed/);
    // No edition folder and no temporary one beside it.
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it('prints each stage’s time with --timings', () => {
    const out = tempDir();
    const r = build('--out', out, '--timings', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    for (const stage of ['layout', 'print photos', 'plant file', 'preflight of the plant file', 'page files', 'e-edition', 'writing']) {
      expect(r.stderr).toMatch(new RegExp(`newsprint: +\\d+\\.\\d\\d s  ${stage}`));
    }
    expect(r.stderr).toMatch(/newsprint: +\d+\.\d\d s  in all; \d+\.\d CPU-s/);
  }, 120_000);
});
