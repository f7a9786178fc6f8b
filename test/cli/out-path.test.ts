// Output paths: an --out that is a file, cannot be written or sits on a missing drive is refused with one line naming it (exit 1), and nothing is written.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, expectOneLine } from './run.js';
import { tempDir } from '../helpers.js';

const GOOD = '---\nheadline: Good story\n---\n\nA paragraph of copy.\n';

/** Every file and folder under a folder with its size and modification time: what "untouched" means. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      out.push(`${relative(dir, p)} ${st.isDirectory() ? 'dir' : st.size} ${st.isDirectory() ? '' : st.mtimeMs}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** A folder name at the root of the file system that is not there: a drive that is not mounted. */
function missingDrive(): string {
  const name = `/newsprint-no-such-drive-${process.pid}-${Date.now()}`;
  expect(existsSync(name)).toBe(false);
  return name;
}

const isRoot = process.getuid?.() === 0;
const linux = existsSync('/proc/self') && existsSync('/sys/kernel');

describe('output paths', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('build and e-edition refuse an --out that is a file, naming it, and leave it and its folder alone', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'out.pdf': 'not a folder' });
    const before = snapshot(dir);
    for (const command of ['build', 'e-edition']) {
      const r = await cli(command, join(dir, 'good.md'), '--out', join(dir, 'out.pdf'));
      expectOneLine(r, 1, new RegExp(`^error: --out ${join(dir, 'out.pdf')}: is a file, not a folder$`));
      expect(r.stderr).toMatch(/hint: give --out a folder/);
    }
    // A file further up the path is named too.
    const below = await cli('build', join(dir, 'good.md'), '--out', join(dir, 'out.pdf', 'proofs'));
    expectOneLine(below, 1, new RegExp(`^error: --out .*out\\.pdf/proofs: ${join(dir, 'out.pdf')} is a file, not a folder$`));
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'out.pdf'), 'utf8')).toBe('not a folder');
  });

  it('galley refuses an --out or --text that is a folder, or a device, and writes nothing', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'proofs/earlier.pdf': 'earlier' });
    const before = snapshot(dir);
    const folder = await cli('galley', join(dir, 'good.md'), '--out', join(dir, 'proofs'));
    expectOneLine(folder, 1, new RegExp(`^error: --out ${join(dir, 'proofs')}: is a folder, not a file$`));
    const text = await cli('galley', join(dir, 'good.md'), '--out', join(dir, 'g.pdf'), '--text', join(dir, 'proofs'));
    expectOneLine(text, 1, /^error: --text .*proofs: is a folder, not a file$/);
    const device = await cli('galley', join(dir, 'good.md'), '--out', '/dev/null');
    expectOneLine(device, 1, /^error: --out \/dev\/null: is not a regular file$/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an --out outside the working folder whose parent is missing (a drive not mounted), creating nothing', async () => {
    const drive = missingDrive();
    const dir = tempDir({ 'good.md': GOOD });
    const before = snapshot(dir);
    const build = await cli('build', join(dir, 'good.md'), '--out', `${drive}/STICK/out`);
    expectOneLine(build, 1, new RegExp(`^error: --out ${drive}/STICK/out: no such folder ${drive} \\(is the drive mounted\\?\\)$`));
    expect(build.stderr).toMatch(/hint: newsprint makes missing folders only inside the current folder/);
    const ee = await cli('e-edition', join(dir, 'good.md'), '--out', `${drive}/out`);
    expectOneLine(ee, 1, /no such folder .* \(is the drive mounted\?\)$/);
    const galley = await cli('galley', join(dir, 'good.md'), '--out', `${drive}/galley.pdf`);
    expectOneLine(galley, 1, new RegExp(`^error: --out ${drive}/galley\\.pdf: no such folder ${drive} \\(is the drive mounted\\?\\)$`));
    const preview = await cli('preview', join(dir, 'good.md'), '--port', '0', '--out', `${drive}/out`);
    expectOneLine(preview, 1, /no such folder .* \(is the drive mounted\?\)$/);
    expect(existsSync(drive)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('makes missing folders inside the working folder (proofs/today), outside it only the output itself', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    process.chdir(dir);
    const r = await cli('build', 'good.md', '--out', join('proofs', 'today'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'proofs', 'today'))).toHaveLength(1);
    const made = await cli('galley', 'good.md', '--out', join('galleys', 'deep', 'g.pdf'), '--quiet');
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(dir, 'galleys', 'deep', 'g.pdf'))).toBe(true);
    // Outside the working folder: the --out folder is made when its parent is there; a galley's folder must be there.
    const parent = mkdtempSync(join(tmpdir(), 'newsprint-parent-'));
    const outside = await cli('build', 'good.md', '--out', join(parent, 'out'), '--quiet');
    expect(outside.code, outside.stderr).toBe(0);
    expect(readdirSync(join(parent, 'out'))).toHaveLength(1);
    const deeper = await cli('galley', 'good.md', '--out', join(parent, 'galleys', 'g.pdf'), '--quiet');
    expectOneLine(deeper, 1, /no such folder .*galleys \(is the drive mounted\?\)$/);
    expect(existsSync(join(parent, 'galleys'))).toBe(false);
  });

  it.skipIf(!linux)('refuses an --out in a folder that cannot be written (/proc/sys), at once', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const r = await cli('build', join(dir, 'good.md'), '--out', '/proc/sys/newsprint-out');
    expectOneLine(r, 1, /^error: --out \/proc\/sys\/newsprint-out: \/proc\/sys is not writable \(permission denied\)$/);
    const g = await cli('galley', join(dir, 'good.md'), '--out', '/proc/sys/newsprint.pdf');
    expectOneLine(g, 1, /^error: --out \/proc\/sys\/newsprint\.pdf: \/proc\/sys is not writable \(permission denied\)$/);
    expect(existsSync('/proc/sys/newsprint-out')).toBe(false);
  });

  // /proc and /sys pass fs.accessSync(W_OK) as root, but refuse new folders (ENOENT in /proc, where Node's recursive
  // mkdir would never return; EPERM in /sys): what only the writes find, after the layout, is one line too.
  it.skipIf(!linux)('refuses an --out on a file system that refuses new folders (/proc, /sys) when it comes to write', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const proc = await cli('build', join(dir, 'good.md'), '--out', '/proc/newsprint-out', '--quiet');
    expectOneLine(proc, 1, /^error: \/proc\/newsprint-out: cannot be written \((no such file or folder|permission denied|operation not permitted)\)$/);
    const sys = await cli('galley', join(dir, 'good.md'), '--out', '/sys/newsprint-galley.pdf', '--quiet');
    expectOneLine(sys, 1, /^error: \/sys\/newsprint-galley\.pdf: cannot be written \((operation not permitted|permission denied|read-only file system)\)$/);
    expect(existsSync('/proc/newsprint-out')).toBe(false);
    expect(existsSync('/sys/newsprint-galley.pdf')).toBe(false);
  }, 120_000);

  it.skipIf(isRoot)(`refuses an --out folder without write permission (chmod 555)${isRoot ? ' [skipped: running as root, which writes through chmod 555]' : ''}`, async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'earlier.txt'), 'earlier');
    chmodSync(locked, 0o555);
    try {
      const before = snapshot(locked);
      const r = await cli('build', join(dir, 'good.md'), '--out', locked);
      expectOneLine(r, 1, new RegExp(`^error: --out ${locked}: not writable \\(permission denied\\)$`));
      const below = await cli('build', join(dir, 'good.md'), '--out', join(locked, 'proofs'));
      expectOneLine(below, 1, new RegExp(`^error: --out ${locked}/proofs: ${locked} is not writable \\(permission denied\\)$`));
      expect(snapshot(locked)).toEqual(before);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
