// A build that runs out of memory (here under a low heap limit, as a huge edition would on a small machine): exit 3 and
// one line naming the limit and how to raise it, not V8's fatal error and native stack; the output's previous edition
// is untouched and no temporary folder is left.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { digests, FULL_SAMPLE_EDITION, REPO, SAMPLE_EDITION, tempDir } from '../helpers.js';

const BIN = join(REPO, 'bin', 'newsprint.js');

function bin(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; ms: number }> {
  const start = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - start })));
}

describe('a build out of memory', () => {
  it('exits 3 with one line naming the heap limit and NODE_OPTIONS, leaving the previous edition and no temporary folder', async () => {
    const out = tempDir();
    expect((await cli('build', SAMPLE_EDITION, '--out', out, '--quiet', '--formats', 'jpeg')).code).toBe(0);
    const before = digests(out);
    // The eight-page sample needs about 140 MB of heap; 60 MB is far too little.
    const r = await bin(['build', FULL_SAMPLE_EDITION, '--out', out, '--formats', 'jpeg'], { NODE_OPTIONS: '--max-old-space-size=60' });
    expect(r.code, r.stderr).toBe(3);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('  hint:'));
    expect(lines).toEqual([expect.stringMatching(/^newsprint: error: out of memory: the build needed more than the \d+ MB of heap Node allows it$/)]);
    expect(r.stderr).toMatch(/hint: give it more with NODE_OPTIONS=--max-old-space-size=MB/);
    expect(r.stderr).not.toMatch(/FATAL|Allocation failed|JavaScript heap|^\s+at |\d+: 0x[0-9a-f]+/m);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(digests(out)).toEqual(before);
  });

  it('with room enough, the same build in its thread succeeds and prints as before', async () => {
    const out = tempDir();
    const r = await bin(['build', SAMPLE_EDITION, '--out', out, '--formats', 'jpeg'], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^newsprint: wrote .*the-wexcombe-courier-2026-11-26\/ — 4 pages/m);
  });
});
