// One e-edition benchmark case in its own process, so its peak memory is its own:
//   node bench/eedition-case.mjs <page|edition> <runs>
// page: the sample edition's front page alone (renditions at three sizes in JPEG and WebP, and its IIIF tiles);
// edition: every page of the sample edition, processed in parallel on the machine's cores.
// Prints one JSON line: { case, pages, runs, medianMs, msPerPage, files, maxRssMb }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const [which, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const { editionFromFile, prepare } = await dist('publish/index.js');
const { loadTemplateSet } = await dist('template/index.js');
const { loadPlant } = await dist('plant/index.js');
const { buildEEdition } = await dist('export/eedition/index.js');

const plant = loadPlant('uk-tabloid');
// Laid out as the build lays it out: photos, PDF adverts (with their renderings) and all.
const p = await prepare({ edition: editionFromFile(join(root, 'examples', 'sample-edition', 'edition.yaml')), templates: loadTemplateSet('tabloid', join(root, 'templates')), fontsDir: join(root, 'fonts'), outDir: root, plant });
const { edition, fonts, images, layout } = p;
const pages = which === 'page' ? layout.pages.slice(0, 1) : layout.pages;
const once = () => buildEEdition(edition, pages, fonts, images, { baseUrl: 'https://courier.example/e-edition/', icc: plant.outputCondition.profile });
let files = 0;
await once(); // warm-up
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const ee = await once();
  files = ee.files.size + ee.written.length;
  times.push(performance.now() - t);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ case: which, pages: pages.length, runs, medianMs: Math.round(median), msPerPage: Math.round(median / pages.length), files, maxRssMb: Math.round(Number(hwm?.[1] ?? 0) / 1024) }));
