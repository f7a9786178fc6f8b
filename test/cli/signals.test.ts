// Ctrl-C (SIGINT) or SIGTERM in the middle of a build: the temporary folder is removed before the process ends, and
// the edition the output folder held before is left byte for byte as it was.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { FULL_SAMPLE_EDITION, REPO, SAMPLE_EDITION, tempDir, digests } from '../helpers.js';

const BIN = join(REPO, 'bin', 'newsprint.js');

/** Starts a build of the eight-page sample into `out`, waits until its temporary folder is there, and sends `signal`. */
async function interrupted(out: string, signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; signal: string | null; sawStaging: boolean }> {
  const child = spawn(process.execPath, [BIN, 'build', FULL_SAMPLE_EDITION, '--out', out, '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let sawStaging = false;
  for (let i = 0; i < 600 && !sawStaging; i++) {
    sawStaging = readdirSync(out).some((n) => n.includes('.partial-'));
    if (!sawStaging) await new Promise((r) => setTimeout(r, 50));
  }
  // A moment more, so pages are being written into it.
  await new Promise((r) => setTimeout(r, 500));
  child.kill(signal);
  return { ...(await exited), sawStaging };
}

describe('a build interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('by %s removes its temporary folder and leaves the previous edition as it was', async (signal) => {
    const out = tempDir();
    expect((await cli('build', SAMPLE_EDITION, '--out', out, '--quiet', '--formats', 'jpeg')).code).toBe(0);
    const before = digests(out);
    const r = await interrupted(out, signal);
    expect(r.sawStaging).toBe(true);
    // Ended by the signal, as a process that does not catch it would be.
    expect(r.signal).toBe(signal);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(digests(out)).toEqual(before);
  });
});
