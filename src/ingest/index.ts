// ingest: article files (scraped text, Markdown, ninjs JSON, NITF and NewsML-G2 XML) and edition files → Article and EditionSpec data.
import { extname, resolve } from 'node:path';
import type { Article } from '../core/article.js';
import type { EditionPage } from '../core/edition.js';
import { fail } from '../core/span.js';
import { parseEditionFile, type EditionSpec } from './edition.js';
import { parseMarkdown } from './markdown.js';
import { parseNinjs } from './ninjs.js';
import { displayPath } from './paths.js';
import { readSourceFile } from './read.js';
import { slugFromPath } from './runs.js';
import { parseScrapedText } from './text.js';
import { parseWireFile, type WireArticle } from './wire.js';

export { readSourceFile, fileExists, type SourceFile } from './read.js';
export { parseScrapedText, parseBylineLine, splitTitle, type BylineLine } from './text.js';
export { parseMarkdown, FRONT_MATTER_KEYS } from './markdown.js';
export { parseNinjs } from './ninjs.js';
export { parseWireFile, parseWireXml, type WireArticle } from './wire.js';
export { parseXml, type XmlElement, type XmlNode } from './xml.js';
export { deskFindings } from './desk-notes.js';
export { parseEditionFile, EDITION_KEYS, type EditionSpec, type EditionPageSpec } from './edition.js';
export { slugFromPath, slugify } from './runs.js';
export { ukDateToIso, isIsoDate, isIsoDateTime } from './dates.js';

/** A parser's article, and the other files it was put together from (none but the article file for most formats). */
const single = (parse: (file: string, text: string) => Article) => (file: string, text: string): WireArticle => ({ article: parse(file, text), parts: [] });

/** Article parsers by file extension (lowercase, with the dot). XML is told apart by its root element, not its extension. */
const PARSERS: Record<string, (file: string, text: string) => WireArticle> = {
  '.txt': single(parseScrapedText),
  '.md': single(parseMarkdown),
  '.markdown': single(parseMarkdown),
  '.json': single(parseNinjs),
  '.xml': parseWireFile,
  '.nitf': parseWireFile,
};

/**
 * Reads and parses one article file, choosing the format by extension:
 * `.txt` scraped text, `.md`/`.markdown` Markdown with front matter, `.json`
 * ninjs, `.xml`/`.nitf` NITF or NewsML-G2 (told apart by the root element).
 * The article's id is the slug of the file name (`Harbour Wall.md` →
 * `harbour-wall`). Throws UserError for an unknown extension or a bad file.
 */
export function loadArticle(path: string): Article {
  const parse = PARSERS[extname(path).toLowerCase()];
  if (!parse) {
    fail('ingest/unknown-format', `cannot tell the article format of ${path} from its extension`, { file: path, line: 1, col: 1 },
      ['name the file .txt (scraped text), .md (Markdown with front matter), .json (IPTC ninjs) or .xml (NITF or NewsML-G2)']);
  }
  const { file, text } = readSourceFile(path);
  const key = `${path}\u0000${file}\u0000${text}`;
  const known = parsed.get(key);
  if (known) return known;
  const read = parse(file, text);
  const article: Article = { ...read.article, id: slugFromPath(path) };
  // A package put together from files beside it is read again each time: those files may have changed.
  if (read.parts.length > 0) return article;
  parsed.set(key, article);
  if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  return article;
}

/**
 * Articles parsed in this process, by path and text: a long-running caller (the preview) reads the edition again on
 * every save, and only the story that changed is parsed again. Articles are never changed after parsing.
 */
const parsed = new Map<string, Article>();
const PARSED_KEPT = 500;

/** An edition file with its stories loaded. */
export interface LoadedEdition {
  readonly spec: EditionSpec;
  /** Every story named by the edition, by id, in first-mention order. */
  readonly articles: Map<string, Article>;
  /** The pages with their stories as article ids (what `Edition.pages` holds). */
  readonly pages: readonly EditionPage[];
}

/**
 * Reads an edition file and every story it names. A story named on several
 * pages is loaded once. Ids are slugs of the file names, made unique by
 * appending -2, -3… in first-mention order (`news/fire.md` and
 * `sport/fire.md` → `fire`, `fire-2`). Story spans name the files relative to
 * the working directory.
 */
export function loadEdition(path: string): LoadedEdition {
  const { file, text } = readSourceFile(path);
  const spec = parseEditionFile(file, text);
  const articles = new Map<string, Article>();
  const idByPath = new Map<string, string>();
  const pages: EditionPage[] = spec.pages.map((page) => {
    const stories = page.stories.map((abs) => {
      const known = idByPath.get(abs);
      if (known !== undefined) return known;
      const article = loadArticle(displayPath(abs));
      const id = uniqueId(article.id, articles);
      articles.set(id, { ...article, id });
      idByPath.set(resolve(abs), id);
      return id;
    });
    const continueOn: Record<string, number> = {};
    page.continueOn.forEach((on, k) => {
      if (on !== undefined) continueOn[stories[k]!] = on;
    });
    return {
      template: page.template,
      ...(page.section !== undefined ? { section: page.section } : {}),
      src: page.src,
      stories,
      ...(Object.keys(continueOn).length ? { continueOn } : {}),
      ...(page.ads.length ? { ads: page.ads.map((a) => ({ ...a, file: displayPath(a.file) })) } : {}),
    };
  });
  return { spec, articles, pages };
}

function uniqueId(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
