// The build queue's contract: what a job carries, what it returns, and how BullMQ is told to retry and expire it.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { fail } from '../core/index.js';

/** Redis key prefix: every key of newsprint's queues starts `newsprint:` (BullMQ's own default would be `bull:`). */
export const QUEUE_PREFIX = 'newsprint';
/** The queue of edition builds: keys `newsprint:build:*`. */
export const BUILD_QUEUE = 'build';
/** The version of BuildJob; a worker refuses a job of another version rather than misread it. */
export const JOB_VERSION = 1;

/**
 * One edition to build, as `newsprint build` would build it. Every path is relative to the shared folder (the
 * workers' and the enqueuer's `--root`), so a worker that mounts the same volume at another path reads the same files.
 */
export interface BuildJob {
  readonly version: typeof JOB_VERSION;
  /** The edition file, relative to the root (`editions/courier.yaml`). */
  readonly edition: string;
  /** The output folder, relative to the root; the edition goes in `<out>/<publication>-<date>/`. */
  readonly out: string;
  /** A template set's name (`tabloid`), or a root-relative path to one (`./templates/mine`). */
  readonly template: string;
  /** A plant profile's name (`uk-tabloid`), or a root-relative path to one (`./plants/ours.yaml`). */
  readonly plant: string;
  readonly proof: boolean;
  readonly allowOverset: boolean;
  readonly baseUrl?: string;
  readonly formats?: readonly ('jpeg' | 'webp')[];
  /** The enqueuer's SOURCE_DATE_EPOCH, if it had one: the worker builds with the same, so the bytes are the same. */
  readonly sourceDateEpoch?: string;
}

/** What a built job returns (BullMQ keeps it as the job's return value). */
export interface BuildJobResult {
  /** The edition's folder, relative to the root. */
  readonly dir: string;
  readonly pages: number;
  /** Counts of the report's findings by severity. */
  readonly warnings: number;
  readonly notes: number;
  /** The worker that built it, `host:pid`. */
  readonly worker: string;
  /** Wall time of the build in the worker, milliseconds. */
  readonly ms: number;
}

/**
 * How long a worker holds a job without renewing its lock before the job counts as stalled, ms. The worker renews it
 * every half of this (BullMQ's lockRenewTime default) from its main thread, which only waits while the build runs in
 * a thread of its own, so a renewal is never late by more than a Redis round trip; 6 s leaves room for two missed
 * renewals' worth of network trouble, and lets a killed worker's job go to another within about 6–12 s.
 */
export const LOCK_DURATION_MS = 6_000;
/**
 * How often each worker looks for stalled jobs, ms: half the lock, so a dead worker's job is moved back to the
 * queue within LOCK_DURATION_MS + 2 × STALLED_INTERVAL_MS at worst (BullMQ marks, then moves on the next check).
 */
export const STALLED_INTERVAL_MS = 3_000;
/** A job may lose its worker twice (two machines dying under it) before it is failed as stalled. */
export const MAX_STALLED_COUNT = 2;

/**
 * BullMQ's per-job options. A crash or system error (a full disk, a lost mount, a bug) is tried 3 times in all, 2 s
 * then 4 s apart; bad input fails at once (the worker throws UnrecoverableError). Finished jobs are kept a week and
 * failed ones a month for looking into, then removed, so Redis does not grow night after night.
 */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/** True when `path` (absolute) is `root` or inside it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * A path the user gave (relative to the working directory, or absolute) as a path relative to the shared root, for
 * a job. Anything outside the root is refused: no worker could see it.
 */
export function rootRelative(given: string, root: string, what: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, given);
  if (!inside(root, abs)) {
    fail('cli/queue', `${what} ${given} is outside the shared folder ${root}`, undefined, ['workers see only the shared folder (--root): put the file there, or give --root a folder that holds it']);
  }
  return relative(root, abs) || '.';
}

/**
 * A template set or plant profile option for a job: a name stays a name (each worker has the shipped ones); a path
 * becomes root-relative, starting `./` so the worker still reads it as a path.
 */
export function nameOrRootPath(given: string, isPath: boolean, root: string, what: string, cwd = process.cwd()): string {
  if (!isPath) return given;
  const rel = rootRelative(given, root, what, cwd);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** True for a root-relative path that stays inside the root (a job's paths are checked before the worker uses them). */
function safeRelative(p: unknown): p is string {
  if (typeof p !== 'string' || p === '' || isAbsolute(p)) return false;
  const n = normalize(p);
  return n !== '..' && !n.startsWith(`..${sep}`);
}

/**
 * Checks a job's data as a worker takes it from Redis: a job written by another newsprint version, or by hand, is
 * refused with the reason rather than misread (the worker fails it at once). Returns the reason, or undefined.
 */
export function invalidJob(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return 'the job carries no build';
  const d = data as Record<string, unknown>;
  if (d['version'] !== JOB_VERSION) return `the job is of version ${String(d['version'])}, and this worker reads version ${JOB_VERSION}: run the same newsprint version on the workers as on the machine that queues`;
  for (const k of ['edition', 'out'] as const) if (!safeRelative(d[k])) return `the job's ${k} path ${JSON.stringify(d[k])} is not inside the shared folder`;
  for (const k of ['template', 'plant'] as const) {
    const v = d[k];
    if (typeof v !== 'string' || v === '') return `the job has no ${k}`;
    if ((v.includes('/') || v.startsWith('.')) && !safeRelative(v)) return `the job's ${k} path ${JSON.stringify(v)} is not inside the shared folder`;
  }
  if (typeof d['proof'] !== 'boolean' || typeof d['allowOverset'] !== 'boolean') return 'the job has no proof or allowOverset flag';
  return undefined;
}
