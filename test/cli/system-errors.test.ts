// System errors and bugs: one line naming the path, no stack trace; exit 3 for the system failing (a full disk) or a bug, exit 1 for a file that cannot be read.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, expectOneLine } from './run.js';
import { tempDir } from '../helpers.js';

/** A Node file-system error as fs throws it. */
function errno(code: string, syscall: string, path: string, words: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${words}, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

// The file system, with three failures on demand, by a marker in the path: a full disk when writing under a
// `newsprint-full-disk` folder, a bug (a TypeError) when writing under `newsprint-bug`, and permission denied when
// reading a `newsprint-locked` file (tests run as root, where chmod cannot make that happen).
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (String(file).includes('newsprint-full-disk')) throw errno('ENOSPC', 'write', String(file), 'no space left on device');
    if (String(file).includes('newsprint-bug')) throw new TypeError('Cannot read properties of undefined (reading \u2018length\u2019)');
    return fs.writeFileSync(file, data, options);
  };
  const readFileSync = ((file: Parameters<typeof fs.readFileSync>[0], options?: unknown) => {
    if (String(file).includes('newsprint-locked')) throw errno('EACCES', 'open', String(file), 'permission denied');
    return fs.readFileSync(file, options as never);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, writeFileSync, readFileSync }, writeFileSync, readFileSync };
});

const GOOD = '---\nheadline: Good story\n---\n\nA paragraph of copy.\n';

describe('system errors', () => {
  it('a full disk while writing: exit 3, one line naming the output folder, nothing left behind', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const out = join(mkdtempSync(join(tmpdir(), 'newsprint-full-disk-')), 'proofs');
    const r = await cli('build', join(dir, 'good.md'), '--out', out, '--quiet');
    expectOneLine(r, 3, new RegExp(`^newsprint: error: ${out}/newsprint-[0-9-]+: no space left on the disk$`));
    // The folder made for the output is gone again, with the half-written edition.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('a full disk while writing a galley: exit 3, one line naming the file', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const out = join(mkdtempSync(join(tmpdir(), 'newsprint-full-disk-')), 'g.pdf');
    const r = await cli('galley', join(dir, 'good.md'), '--out', out, '--quiet');
    expectOneLine(r, 3, new RegExp(`^newsprint: error: ${out}: no space left on the disk$`));
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('a bug: exit 3, “internal error” and a hint to report it, no stack trace', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const out = mkdtempSync(join(tmpdir(), 'newsprint-bug-'));
    const r = await cli('galley', join(dir, 'good.md'), '--out', join(out, 'g.pdf'));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/^newsprint: internal error: TypeError: Cannot read properties of undefined/);
    expect(r.stderr).toMatch(/\n {2}hint: this is a bug in newsprint; please report it/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an article that cannot be read (permission denied): exit 1, one line naming it', async () => {
    const dir = tempDir({ 'newsprint-locked.md': GOOD });
    const out = mkdtempSync(join(tmpdir(), 'newsprint-out-'));
    const r = await cli('build', join(dir, 'newsprint-locked.md'), '--out', out);
    expectOneLine(r, 1, new RegExp(`^newsprint: error: ${join(dir, 'newsprint-locked.md')}: permission denied$`));
    expect(readdirSync(out)).toEqual([]);
  });
});
