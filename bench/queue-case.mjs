// Editions a minute through the queue: newsprint build --queue with 1 and with 2 `newsprint worker` processes, against a
// redis-server of its own on a free loopback port, beside the same editions built one after another by `newsprint build`.
//   node bench/queue-case.mjs [editions] [workers…]      default 6 editions, 1 and 2 workers; prints one JSON line
// The editions are the three-page sample (four pages with the plant's padding, full e-edition) on different dates, in a
// temporary shared folder; every run writes to its own output folder. Needs redis-server (Debian's package).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'newsprint.js');
const N = Number(process.argv[2] ?? 6);
const WORKERS = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1, 2];

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts a process; resolves `ready` when its output matches `until` (if given), `exited` with its code. */
function start(cmd, args, { cwd, until } = {}) {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let ready;
  const readyP = new Promise((resolve, reject) => {
    ready = resolve;
    child.on('error', reject);
  });
  const read = (c) => {
    out += c.toString('utf8');
    if (until && until.test(out)) ready();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  if (!until) ready();
  return { child, ready: readyP, exited, out: () => out };
}

/** A running process's user + system CPU seconds so far, its threads included (/proc/PID/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// The shared folder: the sample's stories, photos and adverts, and N editions of the three-page flatplan.
const shared = mkdtempSync(join(tmpdir(), 'newsprint-bench-queue-'));
for (const d of ['stories', 'images', 'ads']) cpSync(join(root, 'examples', 'sample-edition', d), join(shared, d), { recursive: true });
const sample = readFileSync(join(root, 'examples', 'sample-edition', 'three-pages.yaml'), 'utf8');
const editions = Array.from({ length: N }, (_, i) => {
  const file = `edition-${i + 1}.yaml`;
  writeFileSync(join(shared, file), sample.replace(/^date: .*$/m, `date: 2026-12-${String(i + 1).padStart(2, '0')}`).replace(/^issue: .*$/m, `issue: ${7500 + i}`));
  return file;
});

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', shared], { until: /Ready to accept connections/ });
await redis.ready;

const result = { editions: N, pagesPerEdition: 4, runs: [] };
try {
  // One after another in this machine's own process each, as a baseline: what `newsprint build` gives without a queue.
  const t0 = performance.now();
  let localCpu = 0;
  for (const e of editions) {
    const r = start('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, BIN, 'build', e, '--out', 'local', '--quiet'], { cwd: shared });
    if ((await r.exited) !== 0) throw new Error(`local build of ${e} failed:\n${r.out()}`);
    const [, user, sys] = /CPU ([\d.]+) ([\d.]+)/.exec(r.out()) ?? [];
    localCpu += Number(user) + Number(sys);
  }
  const local = (performance.now() - t0) / 1000;
  result.local = { wallS: +local.toFixed(1), editionsPerMinute: +((N / local) * 60).toFixed(1), cpuSPerEdition: +(localCpu / N).toFixed(1) };

  for (const w of WORKERS) {
    const workers = Array.from({ length: w }, () => start(process.execPath, [BIN, 'worker', '--queue', url, '--root', shared], { cwd: shared, until: /building jobs from/ }));
    await Promise.all(workers.map((x) => x.ready));
    const t = performance.now();
    const b = start(process.execPath, [BIN, 'build', ...editions, '--queue', url, '--out', `queued-${w}`], { cwd: shared });
    const code = await b.exited;
    const wall = (performance.now() - t) / 1000;
    if (code !== 0) throw new Error(`build --queue with ${w} workers failed:\n${b.out()}`);
    // The workers' CPU time (all their threads), from /proc before they stop: what the editions cost, whatever else ran.
    const cpu = workers.reduce((sum, x) => sum + cpuSeconds(x.child.pid), 0);
    for (const x of workers) x.child.kill('SIGTERM');
    await Promise.all(workers.map((x) => x.exited));
    result.runs.push({ workers: w, wallS: +wall.toFixed(1), editionsPerMinute: +((N / wall) * 60).toFixed(1), pagesPerMinute: +(((N * 4) / wall) * 60).toFixed(0), cpuSPerEdition: +(cpu / N).toFixed(1) });
  }
} finally {
  redis.child.kill('SIGTERM');
  await redis.exited;
  rmSync(shared, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
