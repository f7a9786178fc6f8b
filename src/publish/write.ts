// Output files appear whole or not at all: written beside their place, then renamed into it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../core/index.js';
import { makeFolders, outputError, removeFolders } from './out-path.js';

/**
 * Writes files into `<dir>.partial-<pid>`, then replaces `dir` with it in two renames.
 * A single file is written by giving it the relative name '' (then `dir` is the file's path).
 * Missing folders above `dir` are made (and removed again if the write fails); callers check a path the user gave
 * with checkOutputPath first. A folder is never replaced by a file or a file by a folder, nor a device written over.
 * A file-system error comes out as outputError makes it: one line naming `dir`.
 */
export function writeAtomically(dir: string, files: ReadonlyMap<string, Buffer | string>): void {
  const single = files.size === 1 && files.has('');
  const there = existsSync(dir) ? statSync(dir) : undefined;
  if (there && (single ? !there.isFile() : !there.isDirectory())) {
    fail('output/kind', `${dir}: ${single ? (there.isDirectory() ? 'is a folder, not a file' : 'is not a regular file') : 'is a file, not a folder'}`, undefined, ['move it away, or choose another output path']);
  }
  const parent = join(dir, '..');
  const base = dir.slice(parent.length + 1);
  const staging = join(parent, `.${base}.partial-${process.pid}`);
  const old = join(parent, `.${base}.old-${process.pid}`);
  let made: string[] = [];
  try {
    made = makeFolders(parent);
    rmSync(staging, { recursive: true, force: true });
    // The staging folder itself first, without `recursive` (which never returns where new folders are refused).
    if (!single) mkdirSync(staging);
    for (const [rel, data] of files) {
      const path = rel === '' ? staging : join(staging, rel);
      if (rel !== '') mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, data);
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    removeFolders(made);
    outputError(dir, e);
  }
  rmSync(old, { recursive: true, force: true });
}
