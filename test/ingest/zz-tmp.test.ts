import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { cli } from '../cli/run.js';
it('x', async () => {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-x-'));
  const r = await cli('build', '--out', out, '--quiet', '--formats', 'jpeg');
  console.log('CODE', r.code, r.stderr.slice(0, 1500));
}, 300_000);
