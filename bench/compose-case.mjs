// The page composer on a 48-page edition made from the sample edition's own stories and adverts: layout time, and of
// it the time measuring story variants and searching. `node bench/compose-case.mjs [pages] [runs]`; prints JSON.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { loadTemplateSet, renderEdition } = await dist('template/index.js');
const { editionFromFile, imageRequests, loadFonts, loadImages } = await dist('publish/index.js');
const { layoutEdition, composeTimes } = await dist('layout/index.js');
const { loadPlant, plantGeometry } = await dist('plant/index.js');

const PAGES = Number(process.argv[2] ?? 48);
const RUNS = Number(process.argv[3] ?? 3);
const sample = join(root, 'examples', 'sample-edition');
const stories = readdirSync(join(sample, 'stories')).filter((f) => /\.(md|txt|json)$/.test(f)).sort();
const nibs = stories.filter((f) => f.startsWith('nib-'));
const long = stories.filter((f) => !f.startsWith('nib-'));
// Adverts as a weekly books them: a full-width strip on some pages, a pyramid of smaller ones on others.
const bookings = [
  [['garden-centre.pdf', '5x12cm']],
  [['funeral-director.pdf', '2x9cm'], ['car-dealer.pdf', '3x6cm']],
  [['jobs-box.pdf', '2x6cm'], ['bakery.jpg', '2x4cm'], ['quiz-night.png', '1x4cm']],
  [],
];
const pages = [];
for (let p = 0; p < PAGES; p++) {
  const picks = [long[(2 * p) % long.length], long[(2 * p + 1) % long.length], nibs[p % nibs.length]];
  const ads = bookings[p % bookings.length];
  pages.push(
    [
      `  - ${p === 0 ? 'template: front\n    ' : ''}section: ${p < PAGES * 0.75 ? 'News' : 'Sport'}`,
      `    stories: [${picks.map((s) => join(sample, 'stories', s)).join(', ')}]`,
      ...(ads.length ? ['    ads:', ...ads.map(([f, size]) => `      - { file: ${join(sample, 'ads', f)}, size: ${size} }`)] : []),
    ].join('\n'),
  );
}
const dir = mkdtempSync(join(tmpdir(), 'newsprint-compose-'));
const file = join(dir, 'edition.yaml');
writeFileSync(file, `version: 1\npublication: { name: The Wexcombe Courier, code: WXC, masthead: Wexcombe Courier }\ndate: 2026-11-26\npages:\n${pages.join('\n')}\n`);

const plant = loadPlant('uk-tabloid');
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const edition = editionFromFile(file);
  const set = loadTemplateSet('tabloid', join(root, 'templates'));
  const markup = renderEdition(edition, set, plant.columns);
  const fonts = loadFonts(set.styles, join(root, 'fonts'));
  const requests = markup.flatMap((m) => imageRequests(m.root));
  const adImages = [];
  const walk = (el) => {
    if (el.kind === 'advert' && /\.(jpe?g|png|tiff?)$/i.test(el.attrs.file)) adImages.push({ file: el.attrs.file, src: el.src });
    for (const c of el.children) if (c.kind !== '#text') walk(c);
  };
  for (const m of markup) walk(m.root);
  const images = await loadImages([...requests, ...adImages]);
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
