// One benchmark case in its own process, so each setter's peak memory is its own:
//   node bench/galley-case.mjs <setter> <text> <runs>
// setter: newsprint (whole galley: read the article, open the font, compose, write the PDF) | composer (newsprint's
//   composer alone, font loaded and words shaped once) | pdfkit | react-pdf
// text: seed10 (the seed story's body ten times) | long (examples/long-read/the-river.md)
// Prints one JSON line: { setter, text, words, runs, medianMs, wordsPerSecond, maxRssMb }.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [setter, textName, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const FONT = join(root, 'fonts', 'liberation-serif', 'LiberationSerif-Regular.ttf');
const MEASURE = (48 * 72) / 25.4;
const SIZE = 9;
const LEADING = 10.5;
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);

const { loadArticle } = await dist('ingest/index.js');
const seedFile = join(root, '..', 'shared', 'seeds', '000_8750602a2a0151a0.txt');
function article() {
  if (textName === 'long') return loadArticle(join(root, 'examples', 'long-read', 'the-river.md'));
  if (!existsSync(seedFile)) throw new Error('the seed story is not beside this clone (../shared/seeds)');
  const a = loadArticle(seedFile);
  return { ...a, body: Array.from({ length: 10 }, () => a.body).flat() };
}
const paragraphs = (a) => a.body.filter((b) => 'runs' in b).map((b) => b.runs.map((r) => r.text).join(''));

async function newsprintGalley(a, composeOnly) {
  const { layoutGalley, GALLEY_PAGE } = await dist('layout/galley.js');
  const { loadFontFile, loadTemplateSet } = { ...(await dist('publish/index.js')), ...(await dist('template/index.js')) };
  const { writePdf } = await dist('export/pdf/index.js');
  const set = loadTemplateSet('tabloid', join(root, 'templates'));
  const loaded = new Map([['galley', loadFontFile(FONT, 'galley')]]);
  const sheet = { ...set.styles, faces: { galley: FONT }, families: { galley: { regular: 'galley' } } };
  const style = { ...set.styles.paragraph['body'], family: 'galley', size: SIZE, leading: LEADING, indent: SIZE };
  return async () => {
    // The whole process opens the font afresh each time (as the CLI does, and as PDFKit does for its document), so
    // no shaping is reused between runs; the composer alone keeps the loaded font and its shaped words.
    const fonts = composeOnly ? loaded : new Map([['galley', loadFontFile(FONT, 'galley')]]);
    const g = layoutGalley(a, { measure: MEASURE, style, sheet, fonts, pageHeight: GALLEY_PAGE.height, margin: GALLEY_PAGE.margin });
    if (!composeOnly) await writePdf({ pages: g.pages, warnings: g.warnings }, fonts, new Map(), { title: 'bench', date: '2026-11-26' });
  };
}

async function reference(name) {
  const refs = await import('./references.mjs');
  const fn = name === 'pdfkit' ? refs.pdfkitGalley : refs.reactPdfGalley;
  return async () => {
    // Like newsprint's whole process, each run starts from the article file.
    await fn({ paragraphs: paragraphs(article()), fontFile: FONT, size: SIZE, leading: LEADING, width: MEASURE, pageHeight: (430 * 72) / 25.4 });
  };
}

const a = article();
const words = paragraphs(a).join(' ').split(/\s+/).filter(Boolean).length;
const once = setter === 'newsprint' ? await newsprintGalley(a, false) : setter === 'composer' ? await newsprintGalley(a, true) : await reference(setter);
// For the whole process, reading the article counts too.
const run = setter === 'newsprint' ? async () => (article(), await once()) : once;
await run(); // warm-up: module loading, font parsing, JIT
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await run();
  times.push(performance.now() - t);
}
const median = [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)];
// Peak resident memory of this process: VmHWM (reset at exec, unlike getrusage's maxrss, which a child inherits).
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
const peakKb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
console.log(JSON.stringify({ setter, text: textName, words, runs, medianMs: Math.round(median), wordsPerSecond: Math.round((words / median) * 1000), maxRssMb: Math.round(peakKb / 1024) }));
