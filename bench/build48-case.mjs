// Issue 12's figure: a generated edition (bench/edition48.mjs) built by `newsprint build` as a whole process from the
// bin, `runs` times; the median run's wall time, CPU time (every thread) and peak memory, and its stage table as the
// build itself reports it (`--timings`: each stage's wall time on the building thread, while the e-edition's pages
// are made on worker threads alongside). Those runs use no build cache (NEWSPRINT_CACHE=off): a first build. Then
// the same edition is built twice more with a cache of the run's own, and the second of those (every print photo
// from the cache: a rebuild after a late change) is reported as `rebuild`.
//   node bench/build48-case.mjs [pages] [runs]          prints one JSON line
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeEdition } from './edition48.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGES = Number(process.argv[2] ?? 48);
const RUNS = Number(process.argv[3] ?? process.env.BENCH_BUILD48_RUNS ?? 3);
const file = makeEdition(PAGES);

const count = (dir) => readdirSync(dir).reduce((n, name) => n + (statSync(join(dir, name)).isDirectory() ? count(join(dir, name)) : 1), 0);

/** One build as a whole process: wall time, CPU, peak memory and the stage table. */
function run(cache) {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-build48-'));
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, join(root, 'bin', 'newsprint.js'), 'build', file, '--out', out, '--quiet', '--timings'], { encoding: 'utf8', env: { ...process.env, NEWSPRINT_CACHE: cache } });
  const wallMs = Math.round(performance.now() - t);
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const lines = r.stderr.trim().split('\n');
  const [user, sys, kb] = lines.pop().split(' ').map(Number);
  const stages = {};
  for (const l of lines) {
    const m = /^newsprint: +([\d.]+) s {2}(.*)$/.exec(l);
    if (m && !m[2].startsWith('in all')) stages[m[2]] = Math.round(Number(m[1]) * 1000);
  }
  const [edition] = readdirSync(out);
  const result = { wallMs, cpuS: Math.round((user + sys) * 10) / 10, peakMb: Math.round(kb / 1024), stages, eEditionFiles: count(join(out, edition, 'e-edition')) };
  rmSync(out, { recursive: true, force: true });
  return result;
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(run('off'));
runs.sort((a, b) => a.wallMs - b.wallMs);
const median = runs[Math.floor(runs.length / 2)];
const cache = mkdtempSync(join(tmpdir(), 'newsprint-build48-cache-'));
run(cache);
const rebuild = run(cache);
rmSync(cache, { recursive: true, force: true });
console.log(JSON.stringify({ pages: PAGES, runs: RUNS, wallMsAll: runs.map((r) => r.wallMs), ...median, rebuild }));
