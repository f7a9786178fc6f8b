// The suite's pretest step (scripts/test-tools.mjs): a machine without the system tools the tests use is told, before
// any test runs, exactly which Debian packages to install, in one line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';
// @ts-expect-error: a plain ES module script, without types
import { missingPackages, TOOLS } from '../../scripts/test-tools.mjs';

const SCRIPT = join(REPO, 'scripts', 'test-tools.mjs');

describe('the pretest check of system tools', () => {
  it('on a machine with none of them, prints the one apt-get line and exits 1 before any test (without apt: NEWSPRINT_NO_APT=1)', () => {
    // A PATH holding node alone: none of the tools is found.
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = spawnSync(join(bin, 'node'), [SCRIPT], { encoding: 'utf8', env: { PATH: bin, NEWSPRINT_NO_APT: '1' } });
    expect(r.status).toBe(1);
    const line = r.stderr.split('\n').find((l) => /apt-get install -y/.test(l))!;
    for (const pkg of ['poppler-utils', 'qpdf', 'ghostscript', 'mupdf-tools', 'libxml2-utils', 'redis-server', 'python3']) expect(line).toContain(pkg);
    // Each tool is named with what the tests use it for.
    expect(r.stderr).toMatch(/xmllint \(libxml2-utils\): ALTO and METS against their schemas/);
  });

  it('names each package once, in the table order, for the tools not found', () => {
    const has = (tool: string) => !['pdftotext', 'pdfinfo', 'gs'].includes(tool);
    expect(missingPackages(TOOLS, has)).toEqual(['poppler-utils', 'ghostscript']);
    expect(missingPackages(TOOLS, () => true)).toEqual([]);
  });

  it('passes on this machine, where the suite is running (the tools were there or it installed them)', () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
