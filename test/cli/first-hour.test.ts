// A newcomer's first hour, as tests: every example in every command's --help runs as written from the newsprint
// folder, `newsprint` alone prints its guide, and the README's example lines are what the tool prints today (the
// "README test"). The examples run in order in one copy of the folder (a copy of examples/ and fonts/, so nothing is
// written into the repository): the e-edition and preflight examples use what the build examples wrote there.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/examples.js';
// @ts-expect-error: a plain ES module script, without types
import { missingPackages, TOOLS } from '../../scripts/test-tools.mjs';
import { REPO, SEED, tempDir } from '../helpers.js';
import { newsprint, startRedis, type RedisServer, type Running } from '../queue/queue-helpers.js';

const BIN = join(REPO, 'bin', 'newsprint.js');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
type Command = keyof typeof EXAMPLES;

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command line as a shell would (globs expanded), with `newsprint` the repository's bin. */
function sh(line: string, cwd: string): Promise<Ran> {
  const cmd = line.replace(/^(\$0|newsprint)\b/, `"${process.execPath}" "${BIN}"`);
  return new Promise((resolve, reject) => {
    const c = spawn('sh', ['-c', cmd], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COLUMNS: '100' } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a chunk may end inside a character (², →, “).
    c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A latin-1 story file, as the README's bad-input example has it: an é saved as the single byte 0xe9. */
const LATIN1 = Buffer.concat([Buffer.from('Title - Paper\n\nHeadline\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' opens\n')]);

describe('a newcomer’s first hour', () => {
  const work = tempDir();
  const results = new Map<string, Ran>();
  let redis: RedisServer;
  let worker: Running | undefined;
  /** The queue examples name Redis's usual port; here they use the test's own Redis, on a port of its own. */
  const local = (cmd: string) => cmd.replace('redis://127.0.0.1:6379', () => redis.url);

  beforeAll(async () => {
    cpSync(join(REPO, 'examples'), join(work, 'examples'), { recursive: true });
    cpSync(join(REPO, 'fonts'), join(work, 'fonts'), { recursive: true });
    mkdirSync(join(work, 'stories'));
    writeFileSync(join(work, 'stories', 'latin1.txt'), LATIN1);
    redis = await startRedis();
    // The worker example first, so that the queue's build example has a worker to build on.
    const [workerCmd] = EXAMPLES.worker[0]!;
    worker = newsprint(local(workerCmd).replace(/^\$0 /, '').split(' '), work);
    await worker.waitFor(/building jobs from/);
    for (const command of ['build', 'e-edition', 'galley', 'preflight', 'plan'] as const) {
      for (const [cmd] of EXAMPLES[command]) results.set(cmd, await sh(local(cmd), work));
    }
    // The preview examples serve until Ctrl-C: each is asked for its page, then stopped.
    for (const [cmd] of EXAMPLES.preview) {
      const p = newsprint(cmd.replace(/^\$0 /, '').split(' '), work);
      const [, url] = await p.waitFor(/newsprint preview: (http:\/\/\S+)/, 120_000);
      const status = (await fetch(url!)).status;
      p.child.kill('SIGINT');
      const code = await p.exited;
      results.set(cmd, { code: status === 200 ? code : -status, stdout: '', stderr: p.stderr() });
    }
    worker.child.kill('SIGINT');
    results.set(workerCmd, { code: await worker.exited, stdout: '', stderr: worker.stderr() });
  }, 900_000);

  afterAll(async () => {
    if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await redis?.stop();
  });

  describe('every command’s --help has examples, and every one runs as written', () => {
    it.each(Object.keys(EXAMPLES) as Command[])('%s --help shows its examples whole', async (command) => {
      const r = await sh(`newsprint ${command} --help`, work);
      expect(r.code).toBe(0);
      // A long example is folded at spaces with a trailing backslash: unfolded, it is the command as given.
      const help = r.stdout.replace(/ \\\n\s+/g, ' ');
      expect(EXAMPLES[command].length).toBeGreaterThan(0);
      for (const [cmd, what] of EXAMPLES[command]) {
        expect(help).toContain(cmd.replace('$0', 'newsprint'));
        expect(help).toContain(what);
      }
    });

    it.each(Object.values(EXAMPLES).flatMap((list) => list.map(([cmd]) => cmd)))('%s', (cmd) => {
      const r = results.get(cmd)!;
      expect(r, 'the example was run').toBeDefined();
      expect(r.code, `${r.stderr}${r.stdout}`.slice(-2000)).toBe(0);
    });

    it('the queue example built its edition on the worker, and the build examples wrote what they say', () => {
      const queued = results.get(EXAMPLES.build.find(([c]) => c.includes('--queue'))![0])!;
      expect(queued.stderr).toMatch(/built \S*long-read\.yaml/);
      expect(existsSync(join(work, 'queued', 'the-wexcombe-courier-2026-11-26', 'e-edition', 'index.html'))).toBe(true);
      expect(existsSync(join(work, 'output', 'the-wexcombe-courier-2026-11-26', 'e-edition', 'index.html'))).toBe(true);
      expect(existsSync(join(work, 'proofs', 'the-hollerton-gazette-2026-11-26', 'print'))).toBe(true);
      // An edition for each shipped plant: the Berliner's with its desk proof, the broadsheet's.
      expect(existsSync(join(work, 'output', 'the-vale-observer-2026-11-26', 'proof', 'the-vale-observer-2026-11-26-proof.pdf'))).toBe(true);
      expect(existsSync(join(work, 'output', 'the-vale-chronicle-2026-11-26', 'print', 'the-vale-chronicle-2026-11-26.pdf'))).toBe(true);
      expect(existsSync(join(work, 'output', 'galley', 'harbour-wall.pdf'))).toBe(true);
      expect(existsSync(join(work, 'wall.png'))).toBe(true);
    });
  });

  it('`newsprint` alone prints the guide: the sample build, the preview, what a build writes, the docs', async () => {
    const r = await sh('newsprint', work);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npx newsprint build ');
    expect(r.stdout).toContain('npx newsprint preview ');
    expect(r.stdout).toContain('e-edition/index.html');
    expect(r.stdout).toMatch(/Built here already: .*output\/the-wexcombe-courier-2026-11-26\//);
    expect(r.stdout).toMatch(/Docs: .*README\.md, and .*docs\//);
  });

  describe('the README says what the tool prints', () => {
    const sampleBuild = () => results.get('$0 build')!;

    it('its page lines and held-over line are lines the sample build prints', () => {
      const shown = README.split('\n').filter((l) => /^ {2}(page \d+: news hole|held over: )/.test(l));
      expect(shown.length).toBeGreaterThanOrEqual(4);
      const printed = new Set(sampleBuild().stderr.split('\n'));
      for (const line of shown) expect(printed.has(line), line).toBe(true);
    });

    it('its count of the sample build’s warnings and notes is the build’s last line, and its table counts each kind', () => {
      const last = sampleBuild().stderr.trim().split('\n').at(-1)!;
      expect(README).toContain(`\n${last}\n`);
      const report = JSON.parse(readFileSync(join(work, 'output', 'the-wexcombe-courier-2026-11-26', 'report.json'), 'utf8')) as { findings: { severity: string; code: string }[] };
      const counts = new Map<string, number>();
      for (const f of report.findings) if (f.severity === 'warning') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      const table = new Map([...README.matchAll(/^\| (\d+) \| `([a-z-]+\/[a-z-]+)` \|/gm)].map((m) => [m[2]!, Number(m[1])]));
      expect(table).toEqual(counts);
    });

    it('every `$ npx newsprint …` example prints the lines the README shows, in order', async () => {
      const blocks = [...README.matchAll(/```\n\$ npx (newsprint [^\n]+)\n([\s\S]*?)```/g)].map((m) => ({ cmd: m[1]!, lines: m[2]!.trimEnd().split('\n') }));
      expect(blocks.length).toBeGreaterThanOrEqual(3);
      for (const { cmd, lines } of blocks) {
        // The galley example reads the seed from ../shared beside the clone.
        if (cmd.includes('../shared/')) {
          if (!existsSync(SEED)) continue;
        }
        const r = await sh(cmd.replace('../shared/', `${join(REPO, '..', 'shared')}/`), work);
        const out = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
        expect(out, cmd).toEqual(lines);
      }
    });

    it('every file it lists under “What lands in output/” is in the sample build’s folder', () => {
      const block = README.split('### What lands in `output/`')[1]!.split('```')[1]!;
      const root = work;
      const listed = block
        .split('\n')
        .map((l) => l.trim().split(/\s{2,}/)[0]!)
        .filter((p) => p && !p.startsWith('proof/') && !p.includes('<'));
      expect(listed.length).toBeGreaterThanOrEqual(10);
      let dir = '';
      for (const entry of listed) {
        if (entry.endsWith('/') && !entry.includes(' ')) {
          dir = entry;
          continue;
        }
        // "a/b, c" lists two files, c beside b; "x …" is the first of a series; "a/ …" a folder.
        const [first, ...more] = entry.split(/,\s*/).map((n) => n.replace(/\s*…$/, ''));
        for (const name of [first!, ...more.map((m) => join(dirname(first!), m))]) expect(existsSync(join(root, dir, name)), join(dir, name)).toBe(true);
      }
      expect(existsSync(join(root, 'output', 'the-wexcombe-courier-2026-11-26', 'e-edition', 'tiles', 'page-01', 'full', 'max', '0', 'default.jpg'))).toBe(true);
    });

    it('names the Debian packages the pretest installs, as its own apt-get line', () => {
      const line = `apt-get install -y ${(missingPackages(TOOLS, () => false) as string[]).join(' ')}`;
      expect(README).toContain(line);
      // CI takes the README's path: npm test, whose pretest is that check.
      expect(readFileSync(join(REPO, '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
      expect(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts.pretest).toBe('node scripts/test-tools.mjs');
    });
  });
});
