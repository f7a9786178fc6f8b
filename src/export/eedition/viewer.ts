// The e-edition viewer's files: index.html, the hand-written viewer script and styles, and OpenSeadragon with its licence.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlEscape } from './article-page.js';
import type { EEditionManifest, ManifestPage } from './manifest.js';

export { articlePage } from './article-page.js';

/** The repository's `viewer/` folder: from src/export/eedition (or dist/export/eedition), three levels up. */
const VIEWER_DIR = fileURLToPath(new URL('../../../viewer/', import.meta.url));
/** The files of `viewer/` copied as they are into the e-edition's `viewer/` folder. */
const OWN_FILES = ['viewer.js', 'viewer.css', 'article.css'];

/** The e-edition's own name for a page or edition title: "The Wexcombe Courier, Thursday, 26 November 2026". */
const editionTitle = (m: EEditionManifest): string => `${m.edition.publication}, ${m.edition.dateLong}`;

/** The page's JPEG page-size rendition (every browser shows JPEG), else whatever there is. */
function pageImage(p: ManifestPage): string | null {
  return (p.renditions.page.find((r) => r.format === 'jpeg') ?? p.renditions.page[0])?.file ?? null;
}

/** For readers without JavaScript: every page (its image) with links to the stories on it. */
function noscriptList(m: EEditionManifest): string {
  const byId = new Map(m.articles.map((a) => [a.id, a]));
  const items = m.pages.map((p) => {
    const image = pageImage(p);
    const label = htmlEscape(p.label);
    const head = image ? `<a href="${htmlEscape(image)}">${label}</a>` : label;
    const stories = p.articles
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

/** The viewer's page: static markup the script fills in from `manifest.js`, and a list for readers without scripts. */
function indexHtml(m: EEditionManifest): string {
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
<script src="viewer/viewer.js" defer></script>
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
 * stories), the viewer's script and styles and the article view's styles from the repository's `viewer/` folder,
 * and OpenSeadragon's minified build from its npm package with its licence beside it. The viewer reads the
 * manifest from `manifest.js`, so it works from file:// and from any static host, with no network.
 */
export function viewerFiles(m: EEditionManifest): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  files.set('index.html', indexHtml(m));
  for (const name of OWN_FILES) files.set(`viewer/${name}`, readFileSync(join(VIEWER_DIR, name), 'utf8'));
  const osd = createRequire(import.meta.url).resolve('openseadragon/build/openseadragon/openseadragon.min.js');
  files.set('viewer/openseadragon.min.js', readFileSync(osd, 'utf8'));
  // The package keeps its licence at its root, two folders above the build.
  files.set('viewer/openseadragon-LICENSE.txt', readFileSync(join(dirname(osd), '..', '..', 'LICENSE.txt'), 'utf8'));
  return files;
}
