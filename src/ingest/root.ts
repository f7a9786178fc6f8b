// The root of a build: the folders its input may name files in (docs/edition-file.md, "Where files may be").
//
// An edition file, or an article named on the command line, may name stories, photos and adverts only inside its own
// folder, or inside the folder `--root DIR` gives (a shared tree: an edition in `editions/` naming `../stories/`).
// A queue worker reads only inside its `--root`. A path is checked twice: as written (so a file outside the root is
// refused whether or not it exists, and a refusal says nothing of what is there), then, when it exists, by its real
// path, so a symbolic link cannot lead out. The messages name the path as the copy writes it and never a byte of the
// file. Files named on the command line, and the template set and plant profile named by option, are free.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fail, type Span } from '../core/span.js';

/** The folders a build may read input from, as real paths, and how to say so in a message. */
export interface ReadRoot {
  readonly folders: readonly string[];
  /** `--root DIR` was given (the hint then says to widen it, not to give it). */
  readonly widened: boolean;
  /** Whose folder the root starts from: an edition file's, or an article's named on the command line. */
  readonly of: 'edition' | 'article';
}

/** `--root` for this run (the CLI sets it; every run starts without one), and whether it is the only root (a worker). */
let given: { dir: string; only: boolean } | undefined;

/** Sets this run's `--root` (undefined: none). `only`: the root is that folder alone, not also the edition's (a queue worker). */
export function setRootOption(dir: string | undefined, only = false): void {
  given = dir === undefined ? undefined : { dir: realOrResolved(dir), only };
}

/**
 * The root for a file named on the command line: an edition's folder and `--root`'s. An article's (built as a story a
 * page, or set as a galley) is its folder and `--root`'s and, when the article is inside the current folder, the
 * current folder: `newsprint build stories/fire.md` run in the paper's folder finds the photo `../images/fire.jpg`.
 */
export function rootOf(file: string, of: ReadRoot['of'] = 'edition', widen?: string): ReadRoot {
  const option = widen !== undefined ? { dir: realOrResolved(widen), only: false } : given;
  const own = realOrResolved(dirname(resolve(file)));
  if (option?.only) return { folders: [option.dir], widened: true, of };
  const cwd = realOrResolved(process.cwd());
  const folders = [own, ...(of === 'article' && inside(cwd, own) ? [cwd] : []), ...(option ? [option.dir] : [])];
  return { folders: [...new Set(folders)], widened: option !== undefined, of };
}

/**
 * Checks a file a command-line file names: the absolute path when it is inside the root, else a UserError at `at`
 * (`ingest/outside-root`). `written` is the path as the copy gives it, `what` what it is (`story file`, `photo`).
 */
export function confine(path: string, root: ReadRoot, at: Span | undefined, what: string, written: string): string {
  const abs = resolve(path);
  if (!root.folders.some((f) => inside(f, abs)) && !root.folders.some((f) => inside(f, realOrResolved(dirname(abs))))) {
    refuse(root, at, `${what} ${written} is outside the ${rootName(root)}`);
  }
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!root.folders.some((f) => inside(f, real))) refuse(root, at, `${what} ${written} is a symbolic link leading outside the ${rootName(root)}`);
  }
  return abs;
}

/** Checks a file a queue job names (the edition file, a template set, a plant profile) against a worker's root. */
export function confineToOption(path: string, what: string): void {
  if (given) confine(path, { folders: [given.dir], widened: true, of: 'edition' }, undefined, what, path);
}

/** The root articles are being read under (set by loadArticle while it parses), for the photos they name. */
let active: ReadRoot | undefined;

/** Runs `read` with `root` as the root of the photos and parts the article names. */
export function readingUnder<T>(root: ReadRoot, read: () => T): T {
  const before = active;
  active = root;
  try {
    return read();
  } finally {
    active = before;
  }
}

/** The root of the article being read: the one loadArticle set, else the article file's own (a parser called alone). */
export const activeRoot = (articleFile: string): ReadRoot => active ?? rootOf(articleFile, 'article');

/** A key for caches of what was read under a root. */
export const rootKey = (root: ReadRoot): string => root.folders.join('\u0000');

function refuse(root: ReadRoot, at: Span | undefined, message: string): never {
  fail('ingest/outside-root', message, at, [
    `${root.of === 'edition' ? 'an edition' : 'an article'} reads files only inside its root: ${root.folders.map((f) => displayPath(f, realOrResolved(process.cwd())) || '.').join(' and ')}`,
    root.widened && given?.only
      ? 'a worker reads only its shared folder (--root): put the file there'
      : root.widened ? 'put the file inside the root, or give --root a folder that holds it' : `put the file beside the ${root.of}, or give --root DIR naming a folder that holds both`,
  ]);
}

const rootName = (root: ReadRoot): string => (root.folders.length > 1 || root.widened ? 'root' : `${root.of}’s folder (its root)`);

/**
 * A path as a user would name it on the command line: relative to the working directory when the file is inside it,
 * absolute otherwise.
 */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? absolute : rel;
}

/** True when `path` (absolute) is `folder` or inside it. */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A folder's real path when it exists (a root given through a symbolic link, such as /tmp on some systems), else as resolved. */
function realOrResolved(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}
