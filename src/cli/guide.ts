// What `newsprint` with no command prints: a newcomer's first steps — build the sample, see it live, where the output
// goes, and where the docs are — rather than an error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILD_DEFAULTS } from './commands/build.js';
import { PACKAGE_ROOT } from './paths.js';

/** The guide, with the editions already built under ./output named when there are any. */
export function guide(cwd = process.cwd()): string {
  const out = join(cwd, BUILD_DEFAULTS.out);
  const built = existsSync(out) && statSync(out).isDirectory() ? readdirSync(out).filter((n) => existsSync(join(out, n, 'report.json'))).sort() : [];
  const docs = relative(cwd, join(PACKAGE_ROOT, 'docs')) || 'docs';
  const readme = relative(cwd, join(PACKAGE_ROOT, 'README.md')) || 'README.md';
  return [
    'newsprint turns news articles into newspaper pages: PDF/X plant files for the press and the e-edition for the web.',
    '',
    'Start here:',
    '  npx newsprint build                     build the sample edition (8 pages) into output/',
    '  npx newsprint preview                   the same pages in your browser, laid out again as you edit',
    '  npx newsprint build my/edition.yaml     your own edition: a flatplan, its stories and adverts',
    '  npx newsprint build story.md            one article, on a front page of its own',
    '',
    'A build writes output/<paper>-<date>/:',
    '  print/<paper>-<date>.pdf    the plant file, for the press (PDF/X)',
    '  e-edition/index.html        the e-edition: open it in a browser',
    '  report.json                 every warning, with its file and line',
    ...(built.length ? ['', `Built here already: ${built.map((b) => `output/${b}/`).join(', ')}`] : []),
    '',
    `Docs: ${readme}, and ${docs}/ (edition-file.md for the edition file).`,
    'Every command: newsprint --help; one command, with examples that run: newsprint build --help.',
    '',
  ].join('\n');
}
