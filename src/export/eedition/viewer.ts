// The e-edition viewer's files: index.html, the hand-written viewer script and styles, and OpenSeadragon and MiniSearch with their licences.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '../../core/index.js';
import { htmlEscape } from './article-page.js';
import type { EEditionManifest, ManifestPage } from './manifest.js';

export { articlePage } from './article-page.js';

/** The repository's `viewer/` folder: from src/export/eedition (or dist/export/eedition), three levels up. */
const VIEWER_DIR = fileURLToPath(new URL('../../../viewer/', import.meta.url));
/** The files of `viewer/` copied as they are into the e-edition's `viewer/` folder. */
const OWN_FILES = ['viewer.js', 'search.js', 'viewer.css', 'article.css'];

/** The e-edition's own name for a page or edition title: "The Wexcombe Courier, Thursday, 26 November 2026". */
const editionTitle = (m: EEditionManifest): string => `${m.edition.publication}, ${m.edition.dateLong}`;

/** The page's JPEG page-size rendition (every browser shows JPEG), else whatever there is. */
function pageImage(p: ManifestPage): string | null {
  return (p.renditions.page.find((r) => r.format === 'jpeg') ?? p.renditions.page[0])?.file ?? null;
}

/**
 * The ids of the stories on a page: the page's list, then any story with a region on it that the list leaves out (the
 * layout does not list a jumped story's continuation on its page). viewer.js does the same.
 */
function storiesOn(m: EEditionManifest, p: ManifestPage): string[] {
  const more = m.articles.filter((a) => !p.articles.includes(a.id) && a.regions.some((r) => r.page === p.number));
  return [...p.articles, ...more.map((a) => a.id)];
}

/** For readers without JavaScript: every page (its image) with links to the stories on it. */
function noscriptList(m: EEditionManifest): string {
  const byId = new Map(m.articles.map((a) => [a.id, a]));
  const items = m.pages.map((p) => {
    const image = pageImage(p);
    const label = htmlEscape(p.label);
    const head = image ? `<a href="${htmlEscape(image)}">${label}</a>` : label;
    const stories = storiesOn(m, p)
      .map((id) => byId.get(id))
      .filter((a) => a !== undefined)
      .map((a) => `<li><a href="${htmlEscape(a.view)}">${htmlEscape(a.headline)}</a></li>`);
    return `<li>${head}${stories.length ? `\n<ul>\n${stories.join('\n')}\n</ul>\n` : ''}</li>`;
  });
  return `<noscript>
<section class="static" aria-labelledby="static-pages">
<h2 id="static-pages">Pages and stories</h2>
<p>The page viewer needs JavaScript. Every page and every story is here too.</p>
<ol>
${items.join('\n')}
</ol>
</section>
</noscript>`;
}

/** A word's last letters before a hyphen at the end of a line, and the first letters of the next line. */
const BROKEN_START = /[\p{L}\p{N}]+-$/u;
const BROKEN_END = /^[\p{L}\p{N}]+/u;

/**
 * For each story set on more than one page (a jump), the words set on each of its pages, from the glyph runs the
 * layout tagged with it: the manifest's text does not say where a story breaks, and a search hit should open the
 * page its words are on. A word broken at the end of a line is also given whole ("instal-" "lation" gives
 * "installation" too). Stories on one page are left out: their page is the manifest's.
 */
export function pageWords(m: EEditionManifest, pages: readonly Page[]): Record<string, Record<number, string>> {
  const out: Record<string, Record<number, string>> = {};
  for (const a of m.articles) {
    if (a.pages.length < 2) continue;
    const byPage: Record<number, string> = {};
    for (const n of a.pages) {
      const page = pages.find((p) => p.number === n);
      if (!page) continue;
      const runs = page.frame.items.flatMap((i) => (i.kind === 'glyphs' && i.tag?.article === a.id ? [i] : []));
      const list: string[] = [];
      runs.forEach((run, i) => {
        list.push(run.text);
        const next = runs[i + 1];
        const head = BROKEN_START.exec(run.text)?.[0];
        const tail = next && next.y !== run.y ? BROKEN_END.exec(next.text)?.[0] : undefined;
        if (head && tail) list.push(head.slice(0, -1) + tail);
      });
      byPage[n] = list.join(' ');
    }
    out[a.id] = byPage;
  }
  return out;
}

/** JSON to put inside a <script> element: no `<` in it, so no `</script>` in a story ends the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The viewer's page: static markup the script fills in from `manifest.js`, and a list for readers without scripts. */
function indexHtml(m: EEditionManifest, pages: readonly Page[]): string {
  const title = editionTitle(m);
  const issue = m.edition.issue !== null ? ` · Issue ${m.edition.issue}` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)} – e-edition</title>
<link rel="stylesheet" href="viewer/viewer.css">
<script src="manifest.js" defer></script>
<script src="viewer/openseadragon.min.js" defer></script>
<script src="viewer/minisearch.js" defer></script>
<script src="viewer/search.js" defer></script>
<script src="viewer/viewer.js" defer></script>
<script type="application/json" id="page-words">${scriptJson(pageWords(m, pages))}</script>
</head>
<body>
<a class="skip" href="#page-view">Skip to the page</a>
<header class="masthead">
<h1>${htmlEscape(m.edition.publication)}</h1>
<p><time datetime="${htmlEscape(m.edition.date)}">${htmlEscape(m.edition.dateLong)}</time>${htmlEscape(issue)} · e-edition</p>
</header>
<main id="viewer" class="viewer" hidden>
<div class="controls">
<button type="button" id="prev" class="button">Previous page</button>
<p id="status" class="status" role="status"></p>
<button type="button" id="next" class="button">Next page</button>
<div class="zoom" id="zoom">
<button type="button" id="zoom-out" class="button" aria-label="Zoom out">−</button>
<button type="button" id="zoom-in" class="button" aria-label="Zoom in">+</button>
<button type="button" id="zoom-home" class="button">Whole page</button>
</div>
</div>
<div id="search" class="search">
<form id="search-form" role="search" aria-label="This edition">
<label for="search-input">Search this edition</label>
<div class="search-row">
<input type="search" id="search-input" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-help">
<button type="submit" class="button">Search</button>
</div>
<p id="search-help" class="search-help">Words from any story; ↓ moves to the results, Escape clears.</p>
</form>
<p id="search-status" class="search-status" aria-live="polite" aria-atomic="true"></p>
<ol id="search-results" class="search-results" aria-label="Search results" hidden></ol>
</div>
<div id="page-view" class="page-view" role="region" aria-label="Page" tabindex="-1"></div>
<section class="on-page" aria-labelledby="on-page-heading">
<div id="selected" class="selected" hidden></div>
<h2 id="on-page-heading">On this page</h2>
<ul id="on-page"></ul>
</section>
<nav class="pages" aria-label="Pages">
<ol id="thumbs"></ol>
</nav>
</main>
<p id="failure" class="failure" hidden></p>
${noscriptList(m)}
</body>
</html>
`;
}

/**
 * The files of the viewer, relative to the e-edition folder: `index.html` (static; a `<noscript>` list of pages and
 * stories; the words on each page of a jumped story, for search), the viewer's scripts and styles and the article
 * view's styles from the repository's `viewer/` folder, OpenSeadragon's minified build and MiniSearch's browser
 * build from their npm packages with their licences beside them. The viewer reads the manifest from `manifest.js`,
 * so it works from file:// and from any static host, with no network. `pages` are the laid-out pages the manifest
 * was made from.
 */
export function viewerFiles(m: EEditionManifest, pages: readonly Page[]): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  files.set('index.html', indexHtml(m, pages));
  for (const name of OWN_FILES) files.set(`viewer/${name}`, readFileSync(join(VIEWER_DIR, name), 'utf8'));
  const { resolve } = createRequire(import.meta.url);
  const osd = resolve('openseadragon/build/openseadragon/openseadragon.min.js');
  files.set('viewer/openseadragon.min.js', readFileSync(osd, 'utf8'));
  // The package keeps its licence at its root, two folders above the build.
  files.set('viewer/openseadragon-LICENSE.txt', readFileSync(join(dirname(osd), '..', '..', 'LICENSE.txt'), 'utf8'));
  // MiniSearch's UMD build sets window.MiniSearch when loaded by a plain <script> (an ES module cannot load from file://).
  // The package's `require` entry is dist/cjs/index.cjs; the UMD build is beside that folder.
  const minisearch = join(dirname(resolve('minisearch')), '..', 'umd', 'index.js');
  files.set('viewer/minisearch.js', readFileSync(minisearch, 'utf8'));
  files.set('viewer/minisearch-LICENSE.txt', readFileSync(join(dirname(minisearch), '..', '..', 'LICENSE.txt'), 'utf8'));
  return files;
}
