// Issue 12's stage table: a generated edition (bench/edition48.mjs) built as `newsprint build` builds it, stage by
// stage in this process, then once as a whole process from the bin (wall, CPU and peak memory).
//   node bench/build48-case.mjs [pages]          prints one JSON line
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeEdition } from './edition48.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const PAGES = Number(process.argv[2] ?? 48);
const file = makeEdition(PAGES);

const { editionFromFile, prepare } = await dist('publish/index.js');
const { loadTemplateSet } = await dist('template/index.js');
const { loadPlant } = await dist('plant/index.js');
const { writePdf } = await dist('export/pdf/index.js');
const { printImage } = await dist('export/pdf/print-image.js');
const { preflightPdf } = await dist('preflight/index.js');
const { buildEEdition } = await dist('export/eedition/index.js');

const plant = loadPlant('uk-tabloid');
const t = {};
let mark = performance.now();
const lap = (k) => {
  const now = performance.now();
  t[k] = Math.round(now - mark);
  mark = now;
};
// 1. Ingest, templates, fonts, photos, adverts (preflighted) and layout, as the build prepares them.
const edition = editionFromFile(file);
const p = await prepare({ edition, templates: loadTemplateSet('tabloid', join(root, 'templates')), fontsDir: join(root, 'fonts'), outDir: tmpdir(), plant });
lap('prepare (ingest, templates, assets, advert preflight, layout)');
// 2. Photos converted for the press.
const printImages = new Map();
for (const page of p.layout.pages) for (const item of page.frame.items) if (item.kind === 'image') printImages.set(item, (await printImage(p.images.get(item.image), { widthPt: item.w, heightPt: item.h, crop: item.crop }, plant)).image);
lap('print photos');
// 3. The plant file, and one file a page.
const meta = { title: 'bench', date: edition.date };
const plantFile = await writePdf(p.layout, p.fonts, p.images, meta, { plant, printImages, adverts: p.adverts });
for (const page of p.layout.pages) await writePdf(p.layout, p.fonts, p.images, meta, { plant, printImages, adverts: p.adverts, pages: [page.number] });
lap('plant PDFs');
// 4. Our own preflight of the plant file.
await preflightPdf(new Uint8Array(plantFile), 'bench.pdf', plant);
lap('preflight');
// 5. The e-edition.
const ee = await buildEEdition(p.edition, p.layout.pages, p.fonts, p.images, { baseUrl: 'https://courier.example/e-edition/', icc: plant.outputCondition.profile });
lap('e-edition');
const files = ee.files.size;

// 6. The whole process from the bin, files written.
const out = mkdtempSync(join(tmpdir(), 'newsprint-build48-'));
const w0 = performance.now();
const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, join(root, 'bin', 'newsprint.js'), 'build', file, '--out', out, '--quiet'], { encoding: 'utf8' });
const wall = Math.round(performance.now() - w0);
const [user, sys, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
rmSync(out, { recursive: true, force: true });
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ pages: p.layout.pages.length, stagesMs: t, eEditionFiles: files, stagesPeakMb: Math.round(Number(hwm?.[1] ?? 0) / 1024), wholeProcess: { status: r.status, wallMs: wall, cpuS: Math.round(((user ?? 0) + (sys ?? 0)) * 10) / 10, peakMb: Math.round((kb ?? 0) / 1024) } }));
