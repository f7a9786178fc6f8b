// Output files appear whole or not at all: written beside their place, then renamed into it.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes files into `<dir>.partial-<pid>`, then replaces `dir` with it in two renames.
 * A single file is written by giving it the relative name '' (then `dir` is the file's path).
 */
export function writeAtomically(dir: string, files: ReadonlyMap<string, Buffer | string>): void {
  const parent = join(dir, '..');
  const base = dir.slice(parent.length + 1);
  const staging = join(parent, `.${base}.partial-${process.pid}`);
  const old = join(parent, `.${base}.old-${process.pid}`);
  mkdirSync(parent, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, data] of files) {
      const path = rel === '' ? staging : join(staging, rel);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, data);
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
