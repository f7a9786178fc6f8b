// Benchmarks: CLI start-up, and each stage of building the sample edition, as medians with peak memory.
// Run with `npm run bench` (compiles first through `prepare` on install; uses dist/).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Every figure is a first build's unless it says otherwise: no build cache (src/core/cache.ts) unless one is given.
process.env.NEWSPRINT_CACHE ??= 'off';
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { loadTemplateSet } = await dist('template/index.js');
const { editionFromFile, editionFromArticles, prepare, buildEdition } = await dist('publish/index.js');
const { writePdf } = await dist('export/pdf/index.js');
const { buildEEdition } = await dist('export/eedition/index.js');
const { printImage } = await dist('export/pdf/print-image.js');
const { loadPlant } = await dist('plant/index.js');
const plant = loadPlant('uk-tabloid');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// The galley cases are short: enough runs for the JIT to settle, as in a long-running preview or a day's galleys.
const GALLEY_RUNS = Number(process.env.BENCH_GALLEY_RUNS ?? 30);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

// 1. CLI start-up: `newsprint --help` in a fresh process.
const help = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [join(root, 'bin', 'newsprint.js'), '--help'], { stdio: 'ignore' });
  help.push(performance.now() - t);
}
console.log(`newsprint --help (fresh process, median of 10): ${ms(median(help))}`);

// 2. The sample edition and the seed story, stage by stage, in this process: templates, fonts, photos and adverts
// (preflighted) and layout as the build prepares them; the plant file with its photos converted; the e-edition.
async function stages(edition) {
  const t = { prepare: 0, pdf: 0, 'e-edition': 0 };
  let mark = performance.now();
  const lap = (k) => {
    const now = performance.now();
    t[k] += now - mark;
    mark = now;
  };
  const p = await prepare({ edition, templates: loadTemplateSet('tabloid', join(root, 'templates')), fontsDir: join(root, 'fonts'), outDir: tmpdir(), plant, allowOverset: true });
  const { layout, fonts, images: imgs } = p;
  lap('prepare');
  // The plant file: photos converted for the press, PDF/X-1a, PDF adverts placed as vectors.
  const printImages = new Map();
  for (const page of layout.pages) for (const item of page.frame.items) if (item.kind === 'image') printImages.set(item, (await printImage(imgs.get(item.image), { widthPt: item.w, heightPt: item.h, crop: item.crop }, plant)).image);
  await writePdf(layout, fonts, imgs, { title: 'bench', date: edition.date }, { plant, printImages, adverts: p.adverts });
  lap('pdf');
  await buildEEdition(p.edition, layout.pages, fonts, imgs, { baseUrl: 'https://courier.example/e-edition/', icc: plant.outputCondition.profile });
  lap('e-edition');
  const words = layout.pages.flatMap((pg) => pg.frame.items).filter((i) => i.kind === 'glyphs').reduce((n, r) => n + r.text.split(/\s+/).filter(Boolean).length, 0);
  return { t, pages: layout.pages.length, words };
}

const seed = join(root, '..', 'shared', 'seeds', '000_8750602a2a0151a0.txt');
const inputs = [['sample edition', () => editionFromFile(join(root, 'examples', 'sample-edition', 'edition.yaml'))]];
try {
  editionFromArticles([seed]);
  inputs.push(['seed story', () => editionFromArticles([seed])]);
} catch {
  console.log('(seed story not found beside the clone: skipped)');
}
for (const [name, make] of inputs) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await stages(make());
    runs.push({ ...r, total: performance.now() - t0 });
  }
  const pick = (k) => median(runs.map((r) => r.t[k]));
  const total = median(runs.map((r) => r.total));
  const { pages, words } = runs[0];
  console.log(`\n${name}: ${pages} pages, ${words} words set; median of ${RUNS} runs (first run includes font loading and JIT warm-up)`);
  for (const k of ['prepare', 'pdf', 'e-edition']) console.log(`  ${k.padEnd(9)} ${ms(pick(k)).padStart(8)}`);
  console.log(`  ${'total'.padEnd(9)} ${ms(total).padStart(8)}  (${(total / pages).toFixed(0)} ms a page; ${words} words)`);
}

// 3. The whole build with its atomic write, as `newsprint build` runs it.
const out = mkdtempSync(join(tmpdir(), 'newsprint-bench-'));
const whole = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await buildEdition({ edition: editionFromFile(join(root, 'examples', 'sample-edition', 'edition.yaml')), templates: loadTemplateSet('tabloid', join(root, 'templates')), fontsDir: join(root, 'fonts'), outDir: out });
  whole.push(performance.now() - t);
}
console.log(`\nbuildEdition, sample edition, with files written: median ${ms(median(whole))}`);
console.log(`peak resident memory of this process: ${(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024).toFixed(0)} MB`);

// 4. The composer: a galley at 48 mm in Liberation Serif 9/10.5 pt, each setter in its own process (its own peak
// memory), median of GALLEY_RUNS after a warm-up. seed10 is the seed story's body ten times; long is the long read.
console.log(`\ngalley at 48 mm, Liberation Serif 9/10.5 pt (each setter in its own process; median of ${GALLEY_RUNS} warm runs)`);
const setters = ['newsprint', 'composer', 'pdfkit', 'react-pdf'];
for (const text of ['seed10', 'long']) {
  const results = {};
  for (const setter of setters) {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'galley-case.mjs'), setter, text, String(GALLEY_RUNS)], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`  ${text} ${setter}: failed: ${(r.stderr || '').split('\n')[0]}`);
      continue;
    }
    results[setter] = JSON.parse(r.stdout.trim().split('\n').pop());
  }
  const n = results.newsprint;
  if (!n) continue;
  console.log(`  ${text} (${n.words} words)`);
  for (const setter of setters) {
    const r = results[setter];
    if (!r) continue;
    const label = { newsprint: 'newsprint galley (read, compose, write PDF)', composer: 'newsprint composer alone', pdfkit: "PDFKit text({ align: 'justify' })", 'react-pdf': '@react-pdf/renderer 4.9 (Knuth–Plass)' }[setter];
    const ratio = setter === 'newsprint' || setter === 'composer' ? '' : `   newsprint is ${(r.medianMs / n.medianMs).toFixed(2)}× its speed`;
    console.log(`    ${label.padEnd(44)} ${ms(r.medianMs).padStart(8)}  ${String(r.wordsPerSecond).padStart(6)} words/s  peak ${r.maxRssMb} MB${ratio}`);
  }
}

// 5. The e-edition: one page, and the whole sample edition with pages in parallel, each in its own process.
console.log(`\ne-edition (renditions 200/1200/3000 px in JPEG and WebP, IIIF tiles, manifests; median of 3 runs after a warm-up)`);
for (const which of ['page', 'edition']) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'eedition-case.mjs'), which, '3'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  ${which}: failed: ${(r.stderr || '').split('\n')[0]}`);
    continue;
  }
  const x = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(`  ${which === 'page' ? 'front page alone' : `sample edition, ${x.pages} pages in parallel`}: ${ms(x.medianMs)} (${ms(x.msPerPage)} a page), ${x.files} files, peak ${x.maxRssMb} MB`);
}

// 5b. The page composer on a 48-page edition of the sample's stories and adverts, in its own process.
{
  const r = spawnSync(process.execPath, [join(root, 'bench', 'compose-case.mjs'), '48', '3'], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`\ncomposer: failed: ${(r.stderr || '').split('\n')[0]}`);
  else {
    const x = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`\ncomposer, ${x.pages} composed pages of the sample's stories and adverts (median of ${x.runs} runs): layout ${ms(x.layoutMs)}, of which measuring story variants ${ms(x.measureMs)} and the search ${ms(x.searchMs)}; peak ${x.maxRssMb} MB`);
  }
}

// 5b'. Pagination: 48 pages that list no stories, filled from a 150-story overmatter (issue 20: under 10 s of layout).
{
  const r = spawnSync(process.execPath, [join(root, 'bench', 'paginate-case.mjs'), '48', '150', '1'], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`\npagination: failed: ${(r.stderr || '').split('\n')[0]}`);
  else {
    const x = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`\npagination, ${x.pages} pages filled from a ${x.stories}-story overmatter: layout ${ms(x.layoutMs)}, of which measuring ${ms(x.measureMs)} and the searches ${ms(x.searchMs)}; ${x.placed} stories placed, ${x.held} held over, ${x.pagesWithFiller} pages with a filler; peak ${x.maxRssMb} MB`);
  }
}

// 5c. A whole paper: a generated 48-page edition as a whole process, median of 3, with its own stage table (issue 12).
{
  const r = spawnSync(process.execPath, [join(root, 'bench', 'build48-case.mjs'), '48'], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`\n48-page edition: failed: ${(r.stderr || '').split('\n')[0]}`);
  else {
    const x = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`\n48-page edition of the sample's stories and adverts, a whole process from the bin (median of ${x.runs}: ${x.wallMsAll.map(ms).join(', ')}): ${ms(x.wallMs)} wall, ${x.cpuS} CPU-s, peak ${x.peakMb} MB, ${x.eEditionFiles} e-edition files`);
    console.log('  stages on the building thread (the e-edition\'s pages are made on worker threads meanwhile):');
    for (const [k, v] of Object.entries(x.stages)) console.log(`  ${k.padEnd(72)} ${ms(v).padStart(9)}`);
    const pp = Object.entries(x.rebuild.stages).find(([k]) => k.startsWith('print photos'));
    console.log(`  rebuilt with its print photos in the build cache: ${ms(x.rebuild.wallMs)} wall, ${x.rebuild.cpuS} CPU-s, peak ${x.rebuild.peakMb} MB; ${pp ? `${pp[0]} ${ms(pp[1])}` : ''}`);
  }
}

// 5d. The queue: editions a minute with 1 and 2 `newsprint worker` processes over a redis-server of its own (loopback).
{
  const r = spawnSync(process.execPath, [join(root, 'bench', 'queue-case.mjs'), '6'], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`\nqueue: failed: ${(r.stderr || '').split('\n')[0]}`);
  else {
    const x = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`\nqueue: ${x.editions} editions of ${x.pagesPerEdition} pages (the three-page sample, padded), whole processes: one after another without a queue ${x.local.wallS} s (${x.local.editionsPerMinute} editions/min, ${x.local.cpuSPerEdition} CPU-s an edition)`);
    for (const run of x.runs) console.log(`  build --queue, ${run.workers} worker${run.workers === 1 ? '' : 's'}: ${run.wallS} s, ${run.editionsPerMinute} editions/min (${run.pagesPerMinute} pages/min), ${run.cpuSPerEdition} CPU-s an edition`);
  }
}

// 6. The preview: from saving an article to the updated page being served.
{
  const r = spawnSync(process.execPath, [join(root, 'bench', 'preview-case.mjs'), '7'], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`\npreview: failed: ${(r.stderr || '').split('\n')[0]}`);
  else {
    const x = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`\npreview of the sample edition: first layout ${ms(x.firstLayoutMs)}; saving the lead story to its new front page served: median ${ms(x.medianMs)} of ${x.edits} edits (${ms(x.minMs)}–${ms(x.maxMs)})`);
  }
}

// 7. Cold: one whole process per galley, start-up and module loading included (bench/cold-case.mjs, which runs alone too).
console.log('');
const cold = spawnSync(process.execPath, [join(root, 'bench', 'cold-case.mjs')], { stdio: 'inherit' });
if (cold.status !== 0) process.exitCode = 1;
