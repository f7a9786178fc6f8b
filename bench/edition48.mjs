// Generated editions of the sample's own stories and adverts, for the benchmarks. A story appears once in a flatplan,
// so each use of a sample story is a copy of its file under its own name (its photos copied beside it). Each function
// writes the edition file to a temporary folder and returns its path.
// - makeEdition(pages): `pages` composed pages (a front, news, then a quarter sport), three stories a page — two full
//   stories and a brief, in turn, each `trim: end` (some pages get more copy than their holes hold) — and adverts
//   booked as a weekly books them (a full-width strip, a pyramid of smaller ones, a page without).
// - makePoolEdition(pages, stories): the same pages and adverts listing no stories, and an overmatter of `stories`
//   copies of the sample's stories in turn, News and Sport as their own metadata says: pagination's whole work.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = join(root, 'examples', 'sample-edition');
const BOOKINGS = [
  [['garden-centre.pdf', '5x12cm']],
  [['funeral-director.pdf', '2x9cm'], ['car-dealer.pdf', '3x6cm']],
  [['jobs-box.pdf', '2x6cm'], ['bakery.jpg', '2x4cm'], ['quiz-night.png', '1x4cm']],
  [],
];

/**
 * A temporary folder with the sample's photos in images/ and adverts in ads/ (an edition reads files only inside its
 * folder), and a function copying a story into stories/ by a new name.
 */
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-edition48-'));
  mkdirSync(join(dir, 'stories'));
  cpSync(join(sample, 'images'), join(dir, 'images'), { recursive: true });
  cpSync(join(sample, 'ads'), join(dir, 'ads'), { recursive: true });
  let n = 0;
  const copy = (name) => {
    const to = `stories/${String(++n).padStart(3, '0')}-${name}`;
    copyFileSync(join(sample, 'stories', name), join(dir, to));
    return to;
  };
  return { dir, copy };
}

function pageLines(p, pageCount, stories) {
  const ads = BOOKINGS[p % BOOKINGS.length];
  return [
    `  - ${p === 0 ? 'template: front\n    ' : ''}section: ${p < pageCount * 0.75 ? 'News' : 'Sport'}`,
    ...(stories.length ? [`    stories: [${stories.join(', ')}]`] : []),
    ...(ads.length ? ['    ads:', ...ads.map(([f, size]) => `      - { file: ads/${f}, size: ${size} }`)] : []),
  ].join('\n');
}

const HEAD = 'version: 1\npublication: { name: The Wexcombe Courier, code: WXC, masthead: Wexcombe Courier }\ndate: 2026-11-26\n';

export function makeEdition(pageCount = 48) {
  const stories = readdirSync(join(sample, 'stories')).filter((f) => /\.(md|txt|json)$/.test(f)).sort();
  const nibs = stories.filter((f) => f.startsWith('nib-'));
  const long = stories.filter((f) => !f.startsWith('nib-'));
  const { dir, copy } = folder();
  const pages = [];
  for (let p = 0; p < pageCount; p++) {
    const picks = [long[(2 * p) % long.length], long[(2 * p + 1) % long.length], nibs[p % nibs.length]];
    // Generated pages hold more copy than their holes at times: the desk lets the composer cut each story from its end.
    pages.push(pageLines(p, pageCount, picks.map(copy).map((f) => `{ file: ${f}, trim: end }`)));
  }
  const file = join(dir, 'edition.yaml');
  writeFileSync(file, `${HEAD}pages:\n${pages.join('\n')}\n`);
  return file;
}

export function makePoolEdition(pageCount = 48, storyCount = 150) {
  const stories = readdirSync(join(sample, 'stories')).filter((f) => /\.(md|txt|json)$/.test(f)).sort();
  const { dir, copy } = folder();
  const pages = [];
  for (let p = 0; p < pageCount; p++) pages.push(pageLines(p, pageCount, []));
  // Scraped text and ninjs stories carry no section of their own: they are News.
  const pool = [];
  for (let i = 0; i < storyCount; i++) {
    const name = stories[i % stories.length];
    pool.push(/\.(txt|json)$/.test(name) ? `  - { file: ${copy(name)}, section: News }` : `  - ${copy(name)}`);
  }
  const file = join(dir, 'edition.yaml');
  writeFileSync(file, `${HEAD}pages:\n${pages.join('\n')}\novermatter:\n${pool.join('\n')}\n`);
  return file;
}
