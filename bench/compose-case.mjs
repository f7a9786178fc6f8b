// The page composer on a 48-page edition made from the sample edition's own stories and adverts: layout time, and of
// it the time measuring story variants and searching. `node bench/compose-case.mjs [pages] [runs]`; prints JSON.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeEdition } from './edition48.mjs';
import { layoutImages } from './layout-images.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { loadTemplateSet, renderEdition } = await dist('template/index.js');
const { editionFromFile, imageRequests, loadFonts, loadImages } = await dist('publish/index.js');
const { layoutEdition, composeTimes } = await dist('layout/index.js');
const { loadPlant, plantGeometry } = await dist('plant/index.js');

const PAGES = Number(process.argv[2] ?? 48);
const RUNS = Number(process.argv[3] ?? 3);
const file = makeEdition(PAGES);

const plant = loadPlant('uk-tabloid');
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const edition = editionFromFile(file);
  const set = loadTemplateSet('tabloid', join(root, 'templates'));
  const markup = renderEdition(edition, set, plant.columns);
  const fonts = loadFonts(set.styles, join(root, 'fonts'));
  const images = await layoutImages(markup.map((m) => m.root), { loadImages, imageRequests });
  composeTimes.measureMs = composeTimes.searchMs = composeTimes.pages = 0;
  const t = performance.now();
  const laid = layoutEdition({ pages: markup.map((m) => m.root), sheet: set.styles, fonts, images, geometry: plantGeometry(plant), minImagePpi: plant.images.minimum });
  const layoutMs = performance.now() - t;
  const errors = laid.warnings.filter((w) => w.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  runs.push({ layoutMs, measureMs: composeTimes.measureMs, searchMs: composeTimes.searchMs, pages: laid.pages.length, composed: composeTimes.pages });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (k) => Math.round(median(runs.map((r) => r[k])));
console.log(JSON.stringify({ pages: runs[0].pages, composed: runs[0].composed, runs: RUNS, layoutMs: m('layoutMs'), measureMs: m('measureMs'), searchMs: m('searchMs'), maxRssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
