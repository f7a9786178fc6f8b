// Output paths: checked before a run does any work, and file-system errors while writing turned into one line naming the path.
import { accessSync, constants, existsSync, mkdirSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fail } from '../core/index.js';

/** What an output path names: a folder newsprint writes into (build, e-edition), or a single file (galley). */
export type OutputKind = 'folder' | 'file';

/**
 * Error codes that say something is wrong with a path — one the user gave, or a file of theirs — which they can fix
 * (another path, a permission, a mounted drive): bad input, exit 1. Any other code is the system failing under us
 * (a full disk, too many open files, an I/O error): exit 3.
 */
export const PATH_ERRORS: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENAMETOOLONG', 'ELOOP', 'EXDEV']);

/** System error codes in words, for the one-line messages (the rest keep Node's own wording). */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'cannot move files across drives',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error (a failing disk or a drive pulled out?)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ENOMEM: 'out of memory',
  EBUSY: 'busy',
};

/** A Node file-system error: has an `E…` code, and usually the path and system call. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** What a system error means, in words: `permission denied`, `no space left on the disk`. */
export function systemErrorWords(e: NodeJS.ErrnoException & { code: string }): string {
  // Node's own message is "CODE: words, syscall 'path'": keep the words.
  return WORDS[e.code] ?? (/^E[A-Z0-9]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message);
}

/** A path as the user would write it: relative inside the working directory, absolute outside it. */
function shown(path: string, cwd = process.cwd()): string {
  return isInside(cwd, path) ? relative(cwd, path) || '.' : path;
}

/** True when `path` is `dir` or inside it. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The code of the error accessSync(W_OK) gives, or undefined when the folder is writable. */
function notWritable(path: string): (NodeJS.ErrnoException & { code: string }) | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (e) {
    if (isSystemError(e)) return e;
    throw e;
  }
}

/**
 * Checks an output path given on the command line before the run does any work, and writes nothing. Refused, each
 * with one line naming the path (`option path: what is wrong`) and a hint:
 * - a folder path that is a file, or a file path that is a folder or not a regular file (a device such as /dev/null);
 * - a path with a file where a folder should be;
 * - a missing folder outside the working directory: folders are made only inside it (`--out proofs/today` makes both),
 *   so outside it the folder holding the output must exist — else an unmounted drive (/media/me/STICK/out) would be
 *   made as folders on the system disk;
 * - a folder that cannot be written (fs.accessSync W_OK: permission, read-only file system).
 * What only the writes themselves find (a special file system that refuses new files, a full disk) is reported by
 * writeAtomically, in the same shape.
 */
export function checkOutputPath(given: string, kind: OutputKind, option: string, cwd = process.cwd()): void {
  const path = resolve(cwd, given);
  const label = `${option} ${given}`;
  const refuse = (what: string, hint: string): never => fail('cli/output', `${label}: ${what}`, undefined, [hint]);
  const st = statOf(path);
  if (st) {
    if (kind === 'folder' && !st.isDirectory()) refuse('is a file, not a folder', `give ${option} a folder (it is made if missing); newsprint writes its files inside it`);
    if (kind === 'file' && st.isDirectory()) refuse('is a folder, not a file', `give ${option} a file name, such as ${shown(resolve(path, 'galley.pdf'), cwd)}`);
    if (kind === 'file' && !st.isFile()) refuse('is not a regular file', `give ${option} the name of a file to write`);
    const denied = notWritable(kind === 'folder' ? path : dirname(path));
    if (denied) refuse(`not writable (${systemErrorWords(denied)})`, `choose a folder you can write to with ${option}`);
    return;
  }
  // Missing: find the nearest folder that is there, and what would have to be made below it.
  const missing: string[] = [];
  let there = path;
  while (!existsSync(there) && dirname(there) !== there) {
    missing.push(there);
    there = dirname(there);
  }
  if (!statOf(there)?.isDirectory()) refuse(`${shown(there, cwd)} is a file, not a folder`, `give ${option} a path whose folders are folders`);
  // Outside the working directory only the output itself may be missing: its folder must be there.
  const top = missing[missing.length - 1]!;
  if (missing.length > 1 && !isInside(cwd, path)) {
    refuse(`no such folder ${shown(top, cwd)} (is the drive mounted?)`, `newsprint makes missing folders only inside the current folder; mount the drive, or make ${shown(top, cwd)} first`);
  }
  const denied = notWritable(there);
  if (denied) refuse(`${shown(there, cwd)} is not writable (${systemErrorWords(denied)})`, `choose a folder you can write to with ${option}`);
}

/**
 * Makes a folder and its missing parents one at a time, top down, and returns the ones it made (to remove them if
 * the write fails). Not `mkdirSync(…, { recursive: true })`: on a file system that refuses new folders with ENOENT
 * (/proc) Node's recursive mkdir never returns.
 */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let p = dir; !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
  const made: string[] = [];
  try {
    for (const p of missing) {
      try {
        mkdirSync(p);
      } catch (e) {
        // Made meanwhile by another process (two queue workers writing into the same new folder): there, not ours.
        if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statOf(p)?.isDirectory()) continue;
        throw e;
      }
      made.push(p);
    }
  } catch (e) {
    removeFolders(made);
    throw e;
  }
  return made;
}

/** Removes folders makeFolders made, deepest first, if they are still empty. */
export function removeFolders(made: readonly string[]): void {
  for (const p of [...made].reverse()) {
    try {
      rmdirSync(p);
    } catch {
      // Not empty or gone: leave it.
    }
  }
}

/**
 * Rethrows an error met while writing `target` (a folder or file of the output): a path problem (not writable,
 * read-only, a file in the way, a file system that refuses new files) as a UserError naming the path, which the CLI
 * prints as one line and exits 1; a system failure (full disk, I/O error) as a system error whose path is the output
 * rather than a temporary name, which the CLI prints as one line and exits 3. Anything else is a bug and goes on as it is.
 */
export function outputError(target: string, e: unknown): never {
  if (!isSystemError(e)) throw e;
  // Name what failed when it is the output or a folder above it; a temporary file inside is named by the output.
  const where = e.path && isInside(e.path, target) ? e.path : target;
  if (PATH_ERRORS.has(e.code)) {
    fail('output/unwritable', `${shown(where)}: cannot be written (${systemErrorWords(e)})`, undefined, ['choose another output folder, or check the drive is mounted and writable']);
  }
  throw Object.assign(new Error(`${e.code}: ${systemErrorWords(e)}, ${e.syscall ?? 'write'} '${where}'`), { code: e.code, path: shown(where), syscall: e.syscall });
}
