// The preview's turnaround: from saving an article to its updated front page being served, in its own process.
//   node bench/preview-case.mjs <edits>
// Copies the sample edition to a temporary folder, starts the preview on a free port, then edits the lead story's
// headline `edits` times, each time timing from the write until /state.json has the new revision and the front
// page image of that revision has been fetched. Prints one JSON line: { edits, medianMs, minMs, maxMs, firstLayoutMs }.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { startPreview } = await import(new URL('../dist/preview/server.js', import.meta.url).href);
const edits = Number(process.argv[2] ?? 7);
const work = mkdtempSync(join(tmpdir(), 'newsprint-bench-preview-'));
cpSync(join(root, 'examples', 'sample-edition'), work, { recursive: true });
const t0 = performance.now();
const preview = await startPreview({
  files: [join(work, 'edition.yaml')], template: 'tabloid', templatesDir: join(root, 'templates'), fontsDir: join(root, 'fonts'),
  plant: 'uk-tabloid', port: 0, host: '127.0.0.1', outDir: join(work, 'output'), log: () => {},
});
const firstLayoutMs = performance.now() - t0;
const story = join(work, 'stories', 'harbour-wall.md');
const original = readFileSync(story, 'utf8');
const times = [];
for (let i = 0; i < edits; i++) {
  const before = preview.revision();
  const t = performance.now();
  writeFileSync(story, original.replace('Storm tears 20-metre hole in harbour wall', `Storm tears ${20 + i + 1}-metre hole in harbour wall`));
  for (;;) {
    const state = await (await fetch(`${preview.url}state.json`)).json();
    if (state.revision > before) {
      await (await fetch(new URL(state.pages[0].image, preview.url))).arrayBuffer();
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  times.push(performance.now() - t);
}
await preview.close();
rmSync(work, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ edits, medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]), firstLayoutMs: Math.round(firstLayoutMs) }));
