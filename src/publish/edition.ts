// Builds the Edition model: from an edition file, or from loose article files (a story per page).
import { statSync } from 'node:fs';
import type { Article, Edition, EditionPage } from '../core/index.js';
import { loadArticle, loadEdition, slugify } from '../ingest/index.js';

/**
 * Reads an edition file and its stories: its pages, overmatter and house adverts, and the notes reading it found. Its
 * files must be inside its folder or `root` (default: the `--root` of this run; see docs/edition-file.md).
 */
export function editionFromFile(path: string, root?: string): Edition {
  const loaded = loadEdition(path, root);
  const { spec } = loaded;
  return {
    slug: `${slugify(spec.publication.name)}-${spec.date}`,
    publication: spec.publication,
    date: spec.date,
    ...(spec.issue !== undefined ? { issue: spec.issue } : {}),
    ...(spec.baseUrl !== undefined ? { baseUrl: spec.baseUrl } : {}),
    ...(spec.eEdition !== undefined ? { eEdition: spec.eEdition } : {}),
    pages: loaded.pages,
    ...(loaded.overmatter.length ? { overmatter: loaded.overmatter } : {}),
    ...(loaded.houseAds.length ? { houseAds: loaded.houseAds } : {}),
    articles: loaded.articles,
    file: spec.file,
    ...(loaded.notes.length ? { notes: loaded.notes } : {}),
  };
}

/**
 * Makes an edition of article files, one story a page: the first on the front
 * page under the masthead, the rest on news pages. The publication is the first
 * article's (or "newsprint"); the date is the latest article date, else the
 * newest file's modification day, so the same files give the same edition.
 */
export function editionFromArticles(paths: readonly string[]): Edition {
  const articles = new Map<string, Article>();
  const pages: EditionPage[] = [];
  for (const p of paths) {
    const a = loadArticle(p);
    let id = a.id;
    for (let n = 2; articles.has(id); n++) id = `${a.id}-${n}`;
    articles.set(id, { ...a, id });
    pages.push({ template: pages.length === 0 ? 'front' : 'news', section: a.section ?? 'News', stories: [id], src: a.src });
  }
  const all = [...articles.values()];
  const dates = all.map((a) => a.published?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const date = dates[dates.length - 1] ?? new Date(Math.max(...paths.map((p) => statSync(p).mtimeMs))).toISOString().slice(0, 10);
  const name = all.find((a) => a.publication)?.publication ?? 'newsprint';
  return {
    slug: `${slugify(name)}-${date}`,
    publication: { name },
    date,
    pages,
    articles,
  };
}
