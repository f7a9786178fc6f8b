// Editions built by two `newsprint worker` processes over a real Redis: byte-identical to local builds, a worker killed mid-build, a bad edition among good ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { REPO, tempDir } from '../helpers.js';
import { BAD_DIAGNOSTIC, BAD_EDITION, differences, EDITIONS, editionDir, freePort, newsprint, newsprintRun, sharedRoot, startRedis, startWorker, stopWorker, type RedisServer, type Running } from './queue-helpers.js';

let redis: RedisServer;
let root: string;
const workers: Running[] = [];
/** Two workers, as separate processes, on the test's Redis and shared folder; the second, if asked, sees it at another path. */
async function twoWorkers(elsewhere?: string): Promise<[Running, Running]> {
  const ws = await Promise.all([startWorker(redis.url, root), startWorker(redis.url, elsewhere ?? root)]);
  workers.push(...ws);
  return ws;
}
const buildLines = (s: string) => s.split('\n').filter((l) => /^newsprint: \[\d+\/\d+\] /.test(l));

beforeAll(async () => {
  redis = await startRedis();
  root = sharedRoot();
  // The references: each edition built here, as `newsprint build EDITION --out local` run in the shared folder (two at once).
  for (let i = 0; i < EDITIONS.length; i += 2) {
    const rs = await Promise.all(EDITIONS.slice(i, i + 2).map((e) => newsprintRun(['build', e, '--root', '.', '--out', 'local', '--quiet'], root)));
    for (const r of rs) expect(r.code, r.stderr).toBe(0);
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(workers.map(stopWorker));
  await redis?.stop();
});

describe('newsprint build --queue with two workers', () => {
  it('builds six editions, a line each as it is done, byte-identical in every file to local builds, one worker seeing the folder at another path', async () => {
    // Worker b is given the shared folder by another path, as another machine would mount the volume elsewhere.
    const elsewhere = join(tempDir(), 'mounted-here');
    symlinkSync(root, elsewhere);
    const [a, b] = await twoWorkers(elsewhere);
    expect(b.stderr()).toContain(`building jobs from ${redis.url} in ${elsewhere},`);
    const r = await newsprintRun(['build', ...EDITIONS, '--queue', redis.url, '--root', root, '--out', 'queued'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^newsprint: queued 6 editions on redis:\/\/127\.0\.0\.1:\d+; 2 workers listening$/m);
    const lines = buildLines(r.stderr);
    expect(lines).toHaveLength(6);
    for (const [i, e] of EDITIONS.entries()) expect(r.stderr).toContain(`built ${e} → queued/${editionDir(i)}/ (4 pages;`);
    expect(r.stderr).toMatch(/^newsprint: built all 6 editions$/m);
    for (const i of EDITIONS.keys()) expect(differences(join(root, 'local', editionDir(i)), join(root, 'queued', editionDir(i)))).toEqual([]);
    // Both workers took jobs, and nothing but the six editions is left in the output folder.
    expect(a.stderr()).toMatch(/built queued\//);
    expect(b.stderr()).toMatch(/built queued\//);
    expect(readdirSync(join(root, 'queued')).sort()).toEqual(EDITIONS.map((_, i) => editionDir(i)).sort());
    await Promise.all([a, b].map(stopWorker));
  }, 180_000);

  it('goes on when a worker is killed (SIGKILL) mid-build: its job goes to the other, its half-written folder is cleared, all six are identical', async () => {
    const [a, b] = await twoWorkers();
    const out = join(root, 'killed');
    // Made first, so the watch below sees every temporary folder appear in it.
    mkdirSync(out);
    const build = newsprint(['build', ...EDITIONS, '--queue', redis.url, '--root', root, '--out', 'killed'], root);
    // Kill worker a the moment its temporary folder appears (mid-write), or, failing that, 0.5 s into its second job.
    const staging = `.partial-${hostname().replace(/[^A-Za-z0-9.-]+/g, '_')}-${a.pid}-`;
    let caught: string | undefined;
    await build.waitFor(/queued 6 editions/);
    const killed = new Promise<void>((resolve) => {
      const kill = () => {
        if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
        resolve();
      };
      const w = watch(out, (_, name) => {
        if (name && name.includes(staging)) {
          caught = name;
          w.close();
          kill();
        }
      });
      void a.exited.then(() => w.close());
      void a.waitFor(/building \(attempt 1[\s\S]*building \(attempt/, 120_000).then(() => setTimeout(kill, 500), () => undefined);
    });
    await killed;
    expect(await a.exited).toBeNull();
    expect(a.child.signalCode).toBe('SIGKILL');
    const code = await build.exited;
    const err = build.stderr();
    expect(code, err).toBe(0);
    expect(err).toMatch(/its worker stopped answering; the job went back to the queue for another worker/);
    expect(buildLines(err).filter((l) => / built /.test(l))).toHaveLength(6);
    for (const i of EDITIONS.keys()) expect(differences(join(root, 'local', editionDir(i)), join(out, editionDir(i)))).toEqual([]);
    // No temporary folder is left: the retry on the other worker of this machine removed what the killed one left.
    expect(readdirSync(out).sort(), caught ? `killed while writing ${caught}` : 'killed mid-build').toEqual(EDITIONS.map((_, i) => editionDir(i)).sort());
    expect(b.stderr()).toMatch(/attempt 1 of 3\)[\s\S]*built killed\//);
    await stopWorker(b);
  }, 240_000);

  it('reports a bad edition with its diagnostic, once, and builds the rest; exit 1 (run from another folder: paths as a local build there names them)', async () => {
    const [a, b] = await twoWorkers();
    const files = [EDITIONS[1]!, BAD_EDITION, EDITIONS[2]!].map((e) => join(root, e));
    const r = await newsprintRun(['build', ...files, '--queue', redis.url, '--root', root, '--out', join(root, 'mixed')], REPO);
    expect(r.code, r.stderr).toBe(1);
    // The same diagnostic as a local build of the bad edition prints, with the path as given here (absolute).
    const local = await newsprintRun(['build', join(root, BAD_EDITION), '--out', join(root, 'local-bad')], REPO);
    expect(local.code).toBe(1);
    expect(local.stderr.trim()).toBe(join(root, BAD_DIAGNOSTIC));
    expect(r.stderr).toMatch(new RegExp(`^newsprint: \\[\\d/3\\] failed ${join(root, BAD_EDITION).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\n${local.stderr.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'));
    expect(buildLines(r.stderr).filter((l) => / built /.test(l))).toHaveLength(2);
    expect(r.stderr).toMatch(/^newsprint: 2 of 3 editions built; not built: .*bad-date\.yaml$/m);
    for (const i of [1, 2]) expect(differences(join(root, 'local', editionDir(i)), join(root, 'mixed', editionDir(i)))).toEqual([]);
    // Tried once: bad input is not retried.
    const attempts = (a.stderr() + b.stderr()).split('\n').filter((l) => l.includes(`${BAD_EDITION}: building`));
    expect(attempts).toEqual([expect.stringMatching(/attempt 1 of 3/)]);
    await Promise.all([a, b].map(stopWorker));
  }, 180_000);

  it('refuses, in the worker, a job naming a file outside the shared folder: by ../, absolute path or symbolic link, the edition file itself a link leading out; nothing written, not retried', async () => {
    const [a, b] = await twoWorkers();
    // Outside the shared folder: a story whose text must never be published.
    const outside = tempDir({ 'secret.md': '---\nheadline: SECRET-QUEUE-LINE\n---\n\nSECRET-QUEUE-LINE body.\n' });
    const head = ['version: 1', 'publication: { name: The Wexcombe Courier, code: WXC }', 'pages:', '  - template: front', '    section: News'];
    const jobs: [string, string, RegExp][] = [
      ['up.yaml', '2026-10-01', /up\.yaml:7:15: error: story file \.\.\/\.\.\/.*secret\.md is outside the root/],
      ['absolute.yaml', '2026-10-02', /absolute\.yaml:7:15: error: story file \/.*\/secret\.md is outside the root/],
      ['linked.yaml', '2026-10-03', /linked\.yaml:7:15: error: story file \.\.\/stories\/linked-secret\.md is a symbolic link leading outside the root/],
    ];
    symlinkSync(join(outside, 'secret.md'), join(root, 'stories', 'linked-secret.md'));
    const paths = { 'up.yaml': `../../${join(outside, 'secret.md').slice(1)}`, 'absolute.yaml': join(outside, 'secret.md'), 'linked.yaml': '../stories/linked-secret.md' } as Record<string, string>;
    for (const [name, date] of jobs) writeFileSync(join(root, 'editions', name), [...head.slice(0, 2), `date: ${date}`, ...head.slice(2), `    stories: [${paths[name]}]`, ''].join('\n'));
    // The edition file itself: a link in the shared folder to an edition outside it (which names a story beside it).
    writeFileSync(join(outside, 'edition.yaml'), [...head.slice(0, 2), 'date: 2026-10-04', ...head.slice(2), '    stories: [secret.md]', ''].join('\n'));
    symlinkSync(join(outside, 'edition.yaml'), join(root, 'editions', 'linked-edition.yaml'));
    const files = [...jobs.map(([n]) => `editions/${n}`), 'editions/linked-edition.yaml'];
    const r = await newsprintRun(['build', ...files, '--queue', redis.url, '--root', root, '--out', 'outside'], root);
    expect(r.code, r.stderr).toBe(1);
    for (const [, , message] of jobs) expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/error: edition file editions\/linked-edition\.yaml is a symbolic link leading outside the root/);
    expect(r.stderr).toMatch(/hint: a worker reads only its shared folder \(--root\): put the file there/);
    expect(r.stderr).toMatch(/^newsprint: 0 of 4 editions built;/m);
    expect(r.stderr + a.stderr() + b.stderr()).not.toContain('SECRET-QUEUE-LINE');
    expect(existsSync(join(root, 'outside')) ? readdirSync(join(root, 'outside')) : []).toEqual([]);
    // Bad input: each tried once.
    for (const f of files) expect((a.stderr() + b.stderr()).split('\n').filter((l) => l.includes(`${f}: building`))).toHaveLength(1);
    await Promise.all([a, b].map(stopWorker));
  }, 180_000);
});

describe('mistakes caught before anything is queued', () => {
  it('a Redis that cannot be reached: one line naming it, exit 3, for build and for worker', async () => {
    const port = await freePort();
    const r = await cli('build', join(root, EDITIONS[0]!), '--queue', `redis://127.0.0.1:${port}`, '--root', root, '--out', join(root, 'never'));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toBe(`newsprint: error: redis://127.0.0.1:${port}: cannot reach the queue (connection refused; is redis-server running there?)\n`);
    expect(existsSync(join(root, 'never'))).toBe(false);
    const w = await newsprintRun(['worker', '--queue', `redis://127.0.0.1:${port}`, '--root', root], root);
    expect(w.code).toBe(3);
    expect(w.stderr).toBe(`newsprint: error: redis://127.0.0.1:${port}: cannot reach the queue (connection refused; is redis-server running there?)\n`);
  }, 60_000);

  it('two editions of one paper and date in one run: refused before anything is queued, naming both and the folder', async () => {
    // The same paper and date as courier-1.yaml, with another flatplan: its build would replace courier-1's folder.
    const copy = join(root, 'editions', 'courier-1-late.yaml');
    writeFileSync(copy, readFileSync(join(root, EDITIONS[0]!), 'utf8').replace('stories: [../stories/harbour-wall.md]', 'stories: [../stories/bus-route.txt]'));
    const r = await cli('build', join(root, EDITIONS[0]!), copy, join(root, EDITIONS[1]!), '--queue', redis.url, '--root', root, '--out', join(root, 'dup-out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*courier-1\.yaml and .*courier-1-late\.yaml are both the-wexcombe-courier-2026-11-01: their builds would write the same folder, .*dup-out\/the-wexcombe-courier-2026-11-01\//);
    expect(r.stderr).not.toMatch(/queued/);
    expect(existsSync(join(root, 'dup-out'))).toBe(false);
  }, 60_000);

  it('a bad address, an edition outside the shared folder, an article file, a missing root: exit 1 with the reason', async () => {
    const edition = join(root, EDITIONS[0]!);
    const bad = await cli('build', edition, '--queue', 'http://127.0.0.1:6379', '--root', root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --queue http:\/\/127\.0\.0\.1:6379 is not a Redis address\n {2}hint: give redis:\/\/HOST:PORT/);
    const elsewhere = tempDir();
    const outside = await cli('build', join(REPO, 'examples', 'sample-edition', 'three-pages.yaml'), '--queue', redis.url, '--root', elsewhere, '--out', join(elsewhere, 'out'));
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^error: edition file .*three-pages\.yaml is outside the shared folder /);
    const article = await cli('build', join(root, 'stories', 'harbour-wall.md'), '--queue', redis.url, '--root', root);
    expect(article.code).toBe(1);
    expect(article.stderr).toMatch(/harbour-wall\.md: build --queue takes edition files \(\.yaml\), a job each/);
    const noRoot = await cli('worker', '--queue', redis.url, '--root', join(root, 'nowhere'));
    expect(noRoot.code).toBe(1);
    expect(noRoot.stderr).toMatch(/^error: --root .*nowhere: no such folder/);
  }, 60_000);

  it('--help and the other commands do not load the queue modules (bullmq, ioredis); build --queue does', () => {
    // A module resolve hook that names every bullmq or ioredis module as it is loaded, then the CLI run in that process.
    const dir = tempDir({
      'probe.mjs': [
        "import { register } from 'node:module';",
        `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify("import { writeSync } from 'node:fs'; export async function resolve(s, c, n) { const r = await n(s, c); if (/bullmq|ioredis/.test(r.url)) writeSync(2, 'LOADED ' + r.url + '\\n'); return r; }")}));`,
        `const { run } = await import(${JSON.stringify(join(REPO, 'dist', 'cli', 'main.js'))});`,
        'await run(process.argv.slice(2));',
      ].join('\n'),
    });
    const loaded = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'probe.mjs'), ...args], { encoding: 'utf8', cwd: dir }).stderr.split('\n').filter((l) => l.startsWith('LOADED'));
    expect(loaded('--help')).toEqual([]);
    expect(loaded('build', '--help')).toEqual([]);
    expect(loaded('plan', 'nowhere.yaml')).toEqual([]);
    expect(loaded('build', join(root, EDITIONS[0]!), '--queue', 'redis://127.0.0.1:1', '--root', root).join('\n')).toMatch(/bullmq/);
  });
});
