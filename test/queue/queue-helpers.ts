// Queue test helpers: a redis-server of the test's own on a free loopback port, newsprint processes from the bin, a shared folder of small editions.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO, tempDir, tree } from '../helpers.js';

const BIN = join(REPO, 'bin', 'newsprint.js');

/** A free TCP port on 127.0.0.1 (asked of the system, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it: SIGTERM (Redis writes its append-only file, if it keeps one, and exits), or SIGKILL with `crash`. */
  stop(crash?: boolean): Promise<void>;
  /** Starts it again on the same port and folder (with its data, when it keeps an append-only file). */
  start(): Promise<void>;
}

/**
 * Starts Debian's redis-server on a free loopback port, listening on 127.0.0.1 only, its files in a temporary folder.
 * Without `persistent` it keeps nothing on disk (`--save '' --appendonly no`); with it, an append-only file synced at
 * every write, so a restart keeps the queue. A missing redis-server is an error (the queue tests fail, never skip).
 */
export async function startRedis(opts: { persistent?: boolean } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = tempDir();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, ...(opts.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'])];
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s:\n${out}`)), 10_000);
      c.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(e.code === 'ENOENT' ? new Error('redis-server is not installed: the queue tests need it (apt-get install redis-server; .ci/run installs it)') : e);
      });
      const read = (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      c.stdout!.on('data', read);
      c.stderr!.on('data', read);
      c.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${out}`));
      });
    });
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop(crash = false) {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill(crash ? 'SIGKILL' : 'SIGTERM');
      });
    },
    start,
  };
}

/** A newsprint process started from the bin, with what it has printed on stderr so far. */
export interface Running {
  readonly child: ChildProcess;
  readonly pid: number;
  stderr(): string;
  /** Resolves when stderr matches (the match), rejects if the process exits first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  /** The exit code (null when killed by a signal), once it has exited. */
  readonly exited: Promise<number | null>;
}

/** Runs `node bin/newsprint.js ARGS` in `cwd`, as a user would, without waiting for it. */
export function newsprint(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const waiters = new Set<() => void>();
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString('utf8');
    for (const w of waiters) w();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid!,
    stderr: () => err,
    exited,
    waitFor(pattern, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(err);
          if (!m) return;
          done();
          resolve(m);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} on stderr in ${ms} ms:\n${err}`));
        }, ms);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void exited.then(() => {
          if (!waiters.has(check)) return;
          check();
          if (waiters.has(check)) {
            done();
            reject(new Error(`the process exited before ${pattern}:\n${err}`));
          }
        });
        check();
      });
    },
  };
}

/** Runs newsprint to its end: exit code and stderr. */
export async function newsprintRun(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const r = newsprint(args, cwd);
  const code = await r.exited;
  return { code, stderr: r.stderr() };
}

/** Starts `newsprint worker` on the queue and the shared folder, and waits until it is taking jobs. */
export async function startWorker(url: string, root: string): Promise<Running> {
  const w = newsprint(['worker', '--queue', url, '--root', root], root);
  await w.waitFor(/building jobs from/);
  return w;
}

/** Stops a worker gently (SIGTERM) if it is still running, and waits for it to exit. */
export async function stopWorker(w: Running): Promise<void> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  await w.exited;
}

/** The stories of the six small editions: one or two of the sample's on a front page. */
const STORIES = [['harbour-wall.md'], ['library-hours.json'], ['bus-route.txt'], ['cricket-pavilion.md'], ['market-traders.md'], ['harbour-wall.md', 'bus-route.txt']];

/** The six editions' files, relative to the shared folder. */
export const EDITIONS = STORIES.map((_, i) => `editions/courier-${i + 1}.yaml`);
/** An edition file with a date that is no date: refused at its line and column. */
export const BAD_EDITION = 'editions/bad-date.yaml';
/** What newsprint says of it (as a local build prints it, run in the shared folder). */
export const BAD_DIAGNOSTIC = `${BAD_EDITION}:5:7: error: edition file: date must be a real date written YYYY-MM-DD (found "2026-11-31")`;

/**
 * A shared folder as the workers see it: the sample's stories and photos, six small editions of them (a page each,
 * padded to four by the plant; e-edition renditions small and JPEG only, to keep the tests quick) on six dates, so six
 * output folders, and one bad edition.
 */
export function sharedRoot(): string {
  const root = tempDir();
  for (const d of ['stories', 'images']) cpSync(join(REPO, 'examples', 'sample-edition', d), join(root, d), { recursive: true });
  mkdirSync(join(root, 'editions'));
  STORIES.forEach((stories, i) => {
    writeFileSync(
      join(root, EDITIONS[i]!),
      [
        'version: 1',
        'publication:',
        '  name: The Wexcombe Courier',
        '  code: WXC',
        `date: 2026-11-${String(i + 1).padStart(2, '0')}`,
        `issue: ${7401 + i}`,
        'e-edition:',
        '  formats: [jpeg]',
        '  sizes: { thumbnail: 64, page: 400, zoom: 1000 }',
        'pages:',
        '  - template: front',
        '    section: News',
        `    stories: [${stories.map((s) => `../stories/${s}`).join(', ')}]`,
        '',
      ].join('\n'),
    );
  });
  writeFileSync(join(root, BAD_EDITION), ['version: 1', 'publication:', '  name: The Wexcombe Courier', '  code: WXC', 'date: 2026-11-31', 'pages:', '  - template: front', '    stories: [../stories/harbour-wall.md]', ''].join('\n'));
  return root;
}

/** The output folder of an edition: `<publication>-<date>`. */
export const editionDir = (i: number) => `the-wexcombe-courier-2026-11-${String(i + 1).padStart(2, '0')}`;

/** The files of `b` that differ from `a`'s (missing, extra or other bytes); empty when the two folders are byte-identical. */
export function differences(a: string, b: string): string[] {
  const ta = tree(a);
  const tb = tree(b);
  const names = [...new Set([...ta.keys(), ...tb.keys()])].sort();
  return names.filter((n) => !ta.has(n) || !tb.has(n) || !ta.get(n)!.equals(tb.get(n)!)).map((n) => (!ta.has(n) ? `extra ${n}` : !tb.has(n) ? `missing ${n}` : `differs ${n}`));
}
