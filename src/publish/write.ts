// Output files appear whole or not at all: written beside their place, then renamed into it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { fail } from '../core/index.js';
import { writeFiles } from '../core/files.js';
import { makeFolders, outputError, removeFolders } from './out-path.js';

/**
 * This machine's name as temporary names carry it: letters, digits, `.` and `-` only (a name with `/` or spaces in it
 * would make a path of its own).
 */
const HOST = hostname().replace(/[^A-Za-z0-9.-]+/g, '_') || 'host';
/** Writes by this thread so far: with the thread's id, the last part of a temporary name, so no two writes of one process share one. */
let writes = 0;

/**
 * What marks a temporary name as this writer's: machine, process, and thread and write (`vm1-8713-0.1`). Workers on
 * several machines write into one shared folder (`newsprint worker`), where process ids alone can coincide; with the
 * machine's name they cannot.
 */
function writerTag(): string {
  return `${HOST}-${process.pid}-${threadId}.${++writes}`;
}

/** True when a process of this machine with that id is running (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it is there, but another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a writer of `base` on this machine left when it was killed between starting and renaming (a worker
 * killed mid-write): `.<base>.partial-<host>-<pid>-…` and `.<base>.old-<host>-<pid>-…` whose process is gone. A
 * living writer's, and other machines' (whose processes cannot be asked), are left alone: those never take the
 * output's name, and are cleared by the next write of that machine or by hand (docs/scale.md).
 */
function removeLeftovers(parent: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    const w = name.startsWith(prefix) ? writerOf(name) : undefined;
    if (!w || w.host !== HOST || w.pid === process.pid || alive(w.pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** The writer a temporary name (`.<base>.partial-<host>-<pid>-<thread>.<n>`, or `.old-`) carries; undefined for any other name. */
function writerOf(name: string): { host: string; pid: number; thread: number } | undefined {
  const m = /^\..+\.(?:partial|old)-(.+)-(\d+)-(\d+)\.\d+$/.exec(name);
  return m ? { host: m[1]!, pid: Number(m[2]), thread: Number(m[3]) } : undefined;
}

/**
 * Removes from `parent` what one thread of this process left there when it died before committing or aborting (a
 * queue worker's build thread that ran out of memory): its `.<name>.partial-…` and `.<name>.old-…` folders, by the
 * machine, process and thread id their names carry. Returns the names removed.
 */
export function removeThreadLeftovers(parent: string, thread: number): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const w = writerOf(name);
    if (!w || w.host !== HOST || w.pid !== process.pid || w.thread !== thread) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Staging folders of this process not yet committed or aborted: what Ctrl-C (SIGINT) or SIGTERM must remove. */
const unfinished = new Set<StagedFolder>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * On SIGINT or SIGTERM while an output is being written: removes every staging folder (the outputs stay as they were),
 * then lets the signal end the process as it would have — unless the command listens for it itself (the preview and
 * the worker stop in their own way). Listening only while something is being written.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const s of [...unfinished]) s.abort();
  for (const sig of SIGNALS) process.off(sig, onSignal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(s: StagedFolder): void {
  // Signals reach the main thread only. A command's build thread (cli/thread.ts) says where it writes, so that the main
  // thread can remove what it leaves if it is stopped or runs out of memory; other threads' writes are removed by the
  // next write (removeLeftovers) or by their own watcher (the queue worker).
  if (!isMainThread) {
    if ((workerData as { newsprintCli?: unknown } | undefined)?.newsprintCli) parentPort?.postMessage({ newsprintStaging: join(s.dir, '..') });
    return;
  }
  if (unfinished.size === 0) for (const sig of SIGNALS) process.on(sig, onSignal);
  unfinished.add(s);
}

function untrack(s: StagedFolder): void {
  if (!unfinished.delete(s) || unfinished.size > 0) return;
  for (const sig of SIGNALS) process.off(sig, onSignal);
}

/**
 * Writes files into `.<dir>.partial-<host>-<pid>-<thread>.<n>` beside `dir`, then replaces `dir` with it in two renames.
 * A single file is written by giving it the relative name '' (then `dir` is the file's path).
 * Missing folders above `dir` are made (and removed again if the write fails); callers check a path the user gave
 * with checkOutputPath first. A folder is never replaced by a file or a file by a folder, nor a device written over.
 * What a killed writer of this machine left beside `dir` is removed first. A file-system error comes out as
 * outputError makes it: one line naming `dir`.
 */
export function writeAtomically(dir: string, files: ReadonlyMap<string, Buffer | string>): void {
  const single = files.size === 1 && files.has('');
  const staged = StagedFolder.open(dir, single);
  staged.write(files);
  staged.commit();
}

/**
 * An output being written under a temporary name beside `dir` (`writeAtomically`, in steps): `open` makes the
 * staging folder, files go in with `write` (or by anyone given `path`: the e-edition's worker threads write their
 * pages there as they finish), `commit` swaps it into place, `abort` removes it. Until `commit`, `dir` is as it was.
 * Every step's file-system error is outputError's one line naming `dir`, with the staging folder removed.
 */
export class StagedFolder {
  private readonly folders = new Set<string>();
  private done = false;

  private constructor(
    readonly dir: string,
    /** The staging folder (or file, for a single file). */
    readonly path: string,
    private readonly old: string,
    private readonly single: boolean,
    private readonly made: string[],
  ) {}

  static open(dir: string, single = false): StagedFolder {
    const there = existsSync(dir) ? statSync(dir) : undefined;
    if (there && (single ? !there.isFile() : !there.isDirectory())) {
      fail('output/kind', `${dir}: ${single ? (there.isDirectory() ? 'is a folder, not a file' : 'is not a regular file') : 'is a file, not a folder'}`, undefined, ['move it away, or choose another output path']);
    }
    const parent = join(dir, '..');
    const base = dir.slice(parent.length + 1);
    const tag = writerTag();
    const staging = join(parent, `.${base}.partial-${tag}`);
    let made: string[] = [];
    try {
      made = makeFolders(parent);
      removeLeftovers(parent, base);
      rmSync(staging, { recursive: true, force: true });
      // The staging folder itself first, without `recursive` (which never returns where new folders are refused).
      if (!single) mkdirSync(staging);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      removeFolders(made);
      outputError(dir, e);
    }
    const staged = new StagedFolder(dir, staging, join(parent, `.${base}.old-${tag}`), single, made);
    staged.folders.add(staging);
    track(staged);
    return staged;
  }

  /** Writes files into the staging folder, by their paths relative to it ('' for the single file). */
  write(files: Iterable<readonly [string, Buffer | string]>): void {
    try {
      writeFiles(this.path, files, this.folders);
    } catch (e) {
      this.abort();
      outputError(this.dir, e);
    }
  }

  /** Puts the staging folder in `dir`'s place (the old `dir`, if any, is removed after). */
  commit(): void {
    untrack(this);
    try {
      if (existsSync(this.dir)) renameSync(this.dir, this.old);
      renameSync(this.path, this.dir);
      this.done = true;
    } catch (e) {
      this.done = true;
      rmSync(this.path, { recursive: true, force: true });
      if (existsSync(this.old) && !existsSync(this.dir)) renameSync(this.old, this.dir);
      removeFolders(this.made);
      outputError(this.dir, e);
    }
    rmSync(this.old, { recursive: true, force: true });
  }

  /** Removes the staging folder and any folders made above it; `dir` stays as it was. Harmless after commit. */
  abort(): void {
    untrack(this);
    if (this.done) return;
    this.done = true;
    rmSync(this.path, { recursive: true, force: true });
    removeFolders(this.made);
  }
}
