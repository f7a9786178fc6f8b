// A generated edition of the sample's own stories and adverts, for the benchmarks: `pages` composed pages (a front,
// news, then a quarter sport), three stories a page — two full stories and a brief, in turn — and adverts booked as a
// weekly books them (a full-width strip, a pyramid of smaller ones, a page without). Writes the edition file to a
// temporary folder and returns its path.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function makeEdition(pageCount = 48) {
  const sample = join(root, 'examples', 'sample-edition');
  const stories = readdirSync(join(sample, 'stories')).filter((f) => /\.(md|txt|json)$/.test(f)).sort();
  const nibs = stories.filter((f) => f.startsWith('nib-'));
  const long = stories.filter((f) => !f.startsWith('nib-'));
  const bookings = [
    [['garden-centre.pdf', '5x12cm']],
    [['funeral-director.pdf', '2x9cm'], ['car-dealer.pdf', '3x6cm']],
    [['jobs-box.pdf', '2x6cm'], ['bakery.jpg', '2x4cm'], ['quiz-night.png', '1x4cm']],
    [],
  ];
  const pages = [];
  for (let p = 0; p < pageCount; p++) {
    const picks = [long[(2 * p) % long.length], long[(2 * p + 1) % long.length], nibs[p % nibs.length]];
    const ads = bookings[p % bookings.length];
    pages.push(
      [
        `  - ${p === 0 ? 'template: front\n    ' : ''}section: ${p < pageCount * 0.75 ? 'News' : 'Sport'}`,
        `    stories: [${picks.map((s) => join(sample, 'stories', s)).join(', ')}]`,
        ...(ads.length ? ['    ads:', ...ads.map(([f, size]) => `      - { file: ${join(sample, 'ads', f)}, size: ${size} }`)] : []),
      ].join('\n'),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-edition48-'));
  const file = join(dir, 'edition.yaml');
  writeFileSync(file, `version: 1\npublication: { name: The Wexcombe Courier, code: WXC, masthead: Wexcombe Courier }\ndate: 2026-11-26\npages:\n${pages.join('\n')}\n`);
  return file;
}
