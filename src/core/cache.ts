// The build cache: what is costly to make, kept by the content it was made from, so a rebuild (a late change, the
// preview's Build button) makes only what changed. It lives on this machine, outside every output folder:
// `$NEWSPRINT_CACHE`, else `$XDG_CACHE_HOME/newsprint`, else `~/.cache/newsprint` (`NEWSPRINT_CACHE=off`: none). A
// queue worker keeps its own on its own disk. It is held to a size (NEWSPRINT_CACHE_MB, default 2048): past it, the
// entries used longest ago go.
//
// Every entry is named by a hash of everything its bytes depend on (the input's bytes, the settings, the versions of
// the code and libraries that make it), so an entry is right for any edition or build that asks for it, and a change
// to any input asks for another. Each file holds a check of its own bytes: a damaged or foreign file is never
// trusted; it is made again, with a note in the report. The cache is a help, never a need: one that cannot be read or
// written is left alone and the build goes on without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Diagnostic } from './span.js';

/** This machine's build cache folder, or undefined when it is turned off (NEWSPRINT_CACHE=off). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['NEWSPRINT_CACHE'];
  if (given === 'off' || given === '0') return undefined;
  if (given) return given;
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'newsprint');
}
/** First bytes of every entry: the format, version 1. */
const MAGIC = Buffer.from('NPCACHE1');
const HASH_BYTES = 32;

/** A hash of the parts, each length-prefixed so that no two lists of parts give the same text. */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${b.length}:`);
    h.update(b);
  }
  return h.digest('hex');
}

export class BuildCache {
  /** Entries found and used, and entries made, by kind (`print-photo`): the timings and tests read them. */
  readonly hits = new Map<string, number>();
  readonly misses = new Map<string, number>();
  /** Notes for the report: a damaged entry made again. */
  readonly notes: Diagnostic[] = [];
  private writes = 0;

  /**
   * A cache in `dir`, or none (`undefined`: every `get` misses and nothing is written). `clean` (`--clean`): nothing
   * is taken from it, and what is made is kept for the next build.
   */
  constructor(readonly dir: string | undefined, private readonly clean = false) {}

  /** The bytes kept for `key`, checked, or undefined. */
  get(kind: string, key: string): Buffer | undefined {
    if (this.dir === undefined || this.clean) return this.miss(kind);
    const file = this.path(kind, key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return this.miss(kind);
    }
    const head = MAGIC.length + HASH_BYTES;
    const body = bytes.subarray(head);
    const ok = bytes.length >= head && bytes.subarray(0, MAGIC.length).equals(MAGIC) && createHash('sha256').update(body).digest().equals(bytes.subarray(MAGIC.length, head));
    if (!ok) {
      this.notes.push({
        severity: 'info',
        code: 'cache/damaged',
        message: `the build cache's ${kind} entry ${key.slice(0, 12)}… was damaged or not ours: it was made again, not used`,
        hints: [`the cache is ${this.dir}; deleting it, or building with --clean, starts it afresh`],
      });
      rmSync(file, { force: true });
      return this.miss(kind);
    }
    this.hits.set(kind, (this.hits.get(kind) ?? 0) + 1);
    // Used now: the last to go when the cache is held to its size.
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // read-only: it goes by its age instead
    }
    return Buffer.from(body);
  }

  /** Keeps `data` for `key`: written beside its place and renamed, so a reader never sees half an entry. */
  put(kind: string, key: string, data: Buffer): void {
    if (this.dir === undefined) return;
    const file = this.path(kind, key);
    const tmp = `${file}.${hostname().replace(/[^A-Za-z0-9.-]+/g, '_')}-${process.pid}-${threadId}-${++this.writes}.tmp`;
    try {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(tmp, Buffer.concat([MAGIC, createHash('sha256').update(data).digest(), data]));
      renameSync(tmp, file);
    } catch {
      // A full disk or a read-only folder: the build goes on without keeping this.
      rmSync(tmp, { force: true });
    }
  }

  /**
   * Holds the cache to `maxBytes` (default NEWSPRINT_CACHE_MB, else 2048 MB) after a build that kept something: the
   * entries used longest ago are removed first. Returns how many went.
   */
  prune(maxBytes = Number(process.env['NEWSPRINT_CACHE_MB'] ?? 2048) * 2 ** 20): number {
    // Only after a build that kept something (here, or in its page threads: every miss is kept).
    if (this.dir === undefined || (this.writes === 0 && this.misses.size === 0)) return 0;
    const entries: { file: string; size: number; used: number }[] = [];
    const walk = (d: string, depth: number) => {
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        return;
      }
      for (const n of names) {
        const f = join(d, n);
        if (depth < 2) walk(f, depth + 1);
        else {
          try {
            const st = statSync(f);
            if (st.isFile()) entries.push({ file: f, size: st.size, used: st.mtimeMs });
          } catch {
            // gone meanwhile (another build pruning)
          }
        }
      }
    };
    walk(this.dir, 0);
    let total = entries.reduce((t, e) => t + e.size, 0);
    let removed = 0;
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= maxBytes) break;
      rmSync(e.file, { force: true });
      total -= e.size;
      removed++;
    }
    return removed;
  }

  private path(kind: string, key: string): string {
    return join(this.dir!, kind, key.slice(0, 2), key);
  }

  private miss(kind: string): undefined {
    this.misses.set(kind, (this.misses.get(kind) ?? 0) + 1);
    return undefined;
  }
}
