// The galley as a cold whole process, start-up and module loading included — what a sub-editor waits for at the
// command line — against the reference setters, each a whole process too:
//   node bench/cold-case.mjs [runs]        (npm run bench runs it last; default BENCH_COLD_RUNS or 15)
// newsprint runs its CLI from bin/ on an article file, as installed (the bundled CLI and its code cache), and once
// more from the compiled ES modules (NEWSPRINT_BUNDLE=0), which is what it started from before the bundle; the
// references read the same paragraphs from JSON (bench/reference-process.mjs). The cases take turns, run by run,
// so a noisy neighbour on a shared machine slows all of them alike; each line gives the median, and against PDFKit
// the median of the run-by-run ratios too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? process.env.BENCH_COLD_RUNS ?? 15);
const { loadArticle } = await import(new URL('../dist/ingest/index.js', import.meta.url).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'newsprint-bench-cold-'));
const paragraphsOf = (a) => a.body.filter((b) => 'runs' in b).map((b) => b.runs.map((r) => r.text).join(''));

const texts = [];
try {
  const body = paragraphsOf(loadArticle(join(root, '..', 'shared', 'seeds', '000_8750602a2a0151a0.txt')));
  const ten = Array.from({ length: 10 }, () => body).flat();
  writeFileSync(join(dir, 'seed10.md'), `---\nheadline: The seed story's body ten times\n---\n\n${ten.join('\n\n')}\n`);
  texts.push({ name: 'seed10', article: join(dir, 'seed10.md'), paragraphs: ten });
} catch {
  console.log('(cold galley of seed10 skipped: the seed story is not beside this clone, ../shared/seeds)');
}
const river = join(root, 'examples', 'long-read', 'the-river.md');
texts.push({ name: 'long', article: river, paragraphs: paragraphsOf(loadArticle(river)) });

const font = join(root, 'fonts', 'liberation-serif', 'LiberationSerif-Regular.ttf');
const timed = ([args, env]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t;
};

console.log(`galley as a whole process, cold (${RUNS} runs of each, taking turns)`);
for (const t of texts) {
  const json = join(dir, `${t.name}.json`);
  writeFileSync(json, JSON.stringify(t.paragraphs));
  const cli = (env = {}) => [[join(root, 'bin', 'newsprint.js'), 'galley', t.article, '--font', font, '--size', '9', '--leading', '10.5', '--out', join(dir, `${t.name}.pdf`), '--quiet'], env];
  const ref = (name) => [[join(root, 'bench', 'reference-process.mjs'), name, json, join(dir, `${t.name}-${name}.pdf`)], {}];
  const cases = { newsprint: cli(), 'newsprint, ES modules': cli({ NEWSPRINT_BUNDLE: '0' }), pdfkit: ref('pdfkit'), 'react-pdf': ref('react-pdf') };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, c] of Object.entries(cases)) times[k].push(timed(c));
  const ours = median(times.newsprint);
  const ratio = median(times.newsprint.map((x, i) => times.pdfkit[i] / x));
  console.log(`  ${t.name}: newsprint galley        ${String(Math.round(ours)).padStart(5)} ms   (${(median(times.pdfkit) / ours).toFixed(2)}× PDFKit's speed; run by run ${ratio.toFixed(2)}×)`);
  const esm = median(times['newsprint, ES modules']);
  console.log(`  ${t.name}: from the ES modules      ${String(Math.round(esm)).padStart(5)} ms   (the bundle and code cache save ${Math.round(esm - ours)} ms)`);
  for (const name of ['pdfkit', 'react-pdf']) console.log(`  ${t.name}: ${name.padEnd(23)}${String(Math.round(median(times[name]))).padStart(5)} ms`);
}
rmSync(dir, { recursive: true, force: true });
