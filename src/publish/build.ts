// The build: edition → markup → layout → print PDF and e-edition images, written atomically under the output folder.
import { join } from 'node:path';
import type { Diagnostic, Edition, EditionLayout } from '../core/index.js';
import { formatSpan } from '../core/index.js';
import { writePdf } from '../export/pdf/index.js';
import { renderPage } from '../export/raster/index.js';
import { layoutEdition } from '../layout/index.js';
import type { MarkupElement, TemplateSet } from '../template/index.js';
import { attr, isElement, renderEdition } from '../template/index.js';
import { loadFonts, loadImages, type ImageRequest } from './assets.js';
import { writeAtomically } from './write.js';

export interface BuildOptions {
  readonly edition: Edition;
  readonly templates: TemplateSet;
  readonly fontsDir: string;
  /** Output root: the edition is written to `<outDir>/<edition slug>/`. */
  readonly outDir: string;
  /** Called as each page is finished (for the CLI's progress line). */
  readonly onPage?: (done: number, total: number) => void;
}

export interface BuildResult {
  /** The edition's folder. */
  readonly dir: string;
  /** Files written, relative to `dir`. */
  readonly files: readonly string[];
  readonly layout: EditionLayout;
  readonly warnings: readonly Diagnostic[];
}

/** Every photo a page's markup places, with the copy line that placed it. */
export function imageRequests(el: MarkupElement): ImageRequest[] {
  const own = el.kind === 'image' ? [{ file: attr.str(el, 'file')!, src: el.copy ?? el.src }] : [];
  return own.concat(el.children.filter(isElement).flatMap(imageRequests));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The e-edition image formats and sizes of this issue: a ~150 dpi page and a 200 px thumbnail, as JPEG. */
const PAGE_DPI = 150;
const THUMB_WIDTH = 200;

/**
 * Runs the whole pipeline in memory, then writes the edition folder under a
 * temporary name and renames it into place: a failed build leaves the output
 * folder as it was.
 */
export async function buildEdition(opts: BuildOptions): Promise<BuildResult> {
  const { edition, templates } = opts;
  // 1. Templates → checked page markup.
  const markup = renderEdition(edition, templates);
  // 2. Load fonts and photos before layout.
  const fonts = loadFonts(templates.styles, opts.fontsDir);
  const images = await loadImages(markup.flatMap((m) => imageRequests(m.root)));
  // 3. Layout.
  const layout = layoutEdition({ pages: markup.map((m) => m.root), sheet: templates.styles, fonts, images });
  // 4. Export: the print PDF and the page images, all in memory.
  const meta = {
    title: `${edition.publication.name}, ${edition.date}${edition.issue !== undefined ? `, issue ${edition.issue}` : ''}`,
    author: edition.publication.name,
    subject: [...edition.articles.values()].map((a) => a.headline).join(' / '),
    date: edition.date,
    lang: 'en-GB',
  };
  const files = new Map<string, Buffer | string>();
  files.set(`print/${edition.slug}.pdf`, await writePdf(layout, fonts, images, meta));
  const pages = [];
  for (const page of layout.pages) {
    const r = await renderPage(page, fonts, images, { dpi: PAGE_DPI, thumbnailWidth: THUMB_WIDTH, formats: ['jpeg'] });
    const img = r.page[0]!;
    const name = `page-${pad(page.number)}`;
    files.set(`e-edition/pages/${name}.jpg`, img.data);
    files.set(`e-edition/thumbs/${name}.jpg`, r.thumbnail.data);
    pages.push({ number: page.number, section: page.section ?? null, image: `pages/${name}.jpg`, width: img.width, height: img.height, thumbnail: `thumbs/${name}.jpg`, articles: page.articles });
    opts.onPage?.(page.number, layout.pages.length);
  }
  const warnings = layout.warnings;
  files.set('report.json', JSON.stringify(report(edition, layout, warnings), null, 2) + '\n');
  // 5. Write everything under a temporary name, then swap it into place.
  const dir = join(opts.outDir, edition.slug);
  writeAtomically(dir, files);
  return { dir, files: [...files.keys()], layout, warnings };
}

function report(edition: Edition, layout: EditionLayout, warnings: readonly Diagnostic[]) {
  return {
    version: 1,
    edition: { publication: edition.publication.name, date: edition.date, issue: edition.issue ?? null, file: edition.file ?? null },
    pages: layout.pages.map((p) => ({ number: p.number, section: p.section ?? null, articles: p.articles })),
    findings: warnings.map((w) => ({
      severity: w.severity,
      code: w.code,
      message: w.message,
      where: w.span ? formatSpan(w.span) : null,
      hints: w.hints ?? [],
    })),
  };
}
