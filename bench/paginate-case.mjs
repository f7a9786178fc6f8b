// Pagination: a 48-page edition whose pages list no stories, filled from a 150-story overmatter (issue 20's
// benchmark: under 10 s of layout). Layout time, of it the time measuring story variants and searching, the stories
// placed and held over. `node bench/paginate-case.mjs [pages] [stories] [runs]`; prints JSON.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makePoolEdition } from './edition48.mjs';
import { layoutImages } from './layout-images.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { loadTemplateSet, renderEdition, renderOvermatter } = await dist('template/index.js');
const { editionFromFile, imageRequests, loadFonts, loadImages } = await dist('publish/index.js');
const { layoutEdition, composeTimes } = await dist('layout/index.js');
const { loadPlant, plantGeometry } = await dist('plant/index.js');

const PAGES = Number(process.argv[2] ?? 48);
const STORIES = Number(process.argv[3] ?? 150);
const RUNS = Number(process.argv[4] ?? 1);
const file = makePoolEdition(PAGES, STORIES);

const plant = loadPlant('uk-tabloid');
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const edition = editionFromFile(file);
  const set = loadTemplateSet('tabloid', join(root, 'templates'));
  const markup = renderEdition(edition, set, plant.columns);
  const overmatter = renderOvermatter(edition, set, plant.columns);
  const fonts = loadFonts(set.styles, join(root, 'fonts'));
  const images = await layoutImages([...markup.map((m) => m.root), ...overmatter], { loadImages, imageRequests });
  composeTimes.measureMs = composeTimes.searchMs = composeTimes.pages = composeTimes.searches = 0;
  const t = performance.now();
  const laid = layoutEdition({ pages: markup.map((m) => m.root), overmatter, sheet: set.styles, fonts, images, geometry: plantGeometry(plant), minImagePpi: plant.images.minimum });
  const layoutMs = performance.now() - t;
  const errors = laid.warnings.filter((w) => w.severity === 'error' || w.code === 'layout/overset');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  const placed = (laid.compositions ?? []).reduce((a, c) => a + (c.overmatter?.length ?? 0), 0);
  const filler = (laid.compositions ?? []).filter((c) => (c.fillers?.length ?? 0) > 0).length;
  runs.push({ searches: composeTimes.searches, layoutMs, measureMs: composeTimes.measureMs, searchMs: composeTimes.searchMs, pages: laid.pages.length, placed, held: laid.heldOver?.length ?? 0, filler });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (k) => Math.round(median(runs.map((r) => r[k])));
console.log(JSON.stringify({ pages: runs[0].pages, searches: runs[0].searches, stories: STORIES, placed: runs[0].placed, held: runs[0].held, pagesWithFiller: runs[0].filler, runs: RUNS, layoutMs: m('layoutMs'), measureMs: m('measureMs'), searchMs: m('searchMs'), maxRssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
