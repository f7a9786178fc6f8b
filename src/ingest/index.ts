// ingest: article files (scraped text, Markdown, ninjs JSON, NITF and NewsML-G2 XML) and edition files → Article and EditionSpec data.
import { extname, resolve } from 'node:path';
import type { Article } from '../core/article.js';
import type { EditionPage, HouseAd, OvermatterEntry } from '../core/edition.js';
import { fail, type Diagnostic } from '../core/span.js';
import { checkOvermatter, parseEditionFile, type EditionSpec } from './edition.js';
import { parseMarkdown } from './markdown.js';
import { parseNinjs } from './ninjs.js';
import { displayPath } from './paths.js';
import { inputLimits } from './limits.js';
import { readSourceFile, fileExists } from './read.js';
import { readingUnder, rootKey, rootOf, type ReadRoot } from './root.js';
import { slugFromPath } from './runs.js';
import { parseScrapedText } from './text.js';
import { parseWireFile, type WireArticle } from './wire.js';

export { readSourceFile, fileExists, type SourceFile } from './read.js';
export { DEFAULT_LIMITS, inputLimits, setInputLimits, type InputLimits } from './limits.js';
export { confineToOption, rootOf, setRootOption, type ReadRoot } from './root.js';
export { parseScrapedText, parseBylineLine, splitTitle, type BylineLine } from './text.js';
export { parseMarkdown, FRONT_MATTER_KEYS } from './markdown.js';
export { parseNinjs } from './ninjs.js';
export { parseWireFile, parseWireXml, type WireArticle } from './wire.js';
export { parseXml, type XmlElement, type XmlNode } from './xml.js';
export { deskFindings } from './desk-notes.js';
export { parseEditionFile, EDITION_KEYS, type EditionSpec, type EditionPageSpec, type OvermatterSpec } from './edition.js';
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
 * `harbour-wall`). The photos it names must be inside `root`: by default its own folder and `--root`'s; an edition's
 * stories are read under the edition's root. Throws UserError for an unknown extension or a bad file.
 */
export function loadArticle(path: string, root: ReadRoot = rootOf(path, 'article')): Article {
  const parse = PARSERS[extname(path).toLowerCase()];
  if (!parse) {
    fail('ingest/unknown-format', `cannot tell the article format of ${path} from its extension`, { file: path, line: 1, col: 1 },
      ['name the file .txt (scraped text), .md (Markdown with front matter), .json (IPTC ninjs) or .xml (NITF or NewsML-G2)']);
  }
  const limit = inputLimits();
  const { file, text } = readSourceFile(path, limit.articleBytes);
  const key = `${rootKey(root)}\u0001${path}\u0000${file}\u0000${text}`;
  const known = parsed.get(key);
  if (known) return known;
  const read = readingUnder(root, () => parse(file, text));
  const article: Article = { ...read.article, id: slugFromPath(path) };
  const words = articleWords(article);
  if (words > limit.articleWords) {
    fail('ingest/too-many-words', `the article has ${words.toLocaleString('en-GB')} words, more than the ${limit.articleWords.toLocaleString('en-GB')} an article may have`, { file: path, line: 1, col: 1 },
      ['split it into stories, or build with --max-article-words N to allow more']);
  }
  // A package put together from files beside it is read again each time: those files may have changed.
  if (read.parts.length > 0) return article;
  parsed.set(key, article);
  if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  return article;
}

/** Words in an article's headline, standfirst and body (paragraphs, crossheads, quotes, lists). */
function articleWords(a: Article): number {
  const count = (t: string) => t.split(/\s+/).filter(Boolean).length;
  let n = count(a.headline) + count(a.standfirst ?? '');
  for (const b of a.body) {
    if ('runs' in b) for (const r of b.runs) n += count(r.text);
    else if (b.kind === 'list') for (const item of b.items) for (const r of item) n += count(r.text);
  }
  return n;
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
  /** Every story named by the edition, by id: the pages' stories in page order, then the overmatter's. */
  readonly articles: Map<string, Article>;
  /** The pages with their stories as article ids (what `Edition.pages` holds). */
  readonly pages: readonly EditionPage[];
  /** The overmatter as article ids, highest priority first, each with the section it goes to (what `Edition.overmatter` holds). */
  readonly overmatter: readonly OvermatterEntry[];
  /** The house adverts and promos, their files as display paths (what `Edition.houseAds` holds). */
  readonly houseAds: readonly HouseAd[];
  /** Warnings for the report: overmatter stories no page can take (what `Edition.notes` holds). */
  readonly notes: readonly Diagnostic[];
}

/**
 * Reads an edition file and every story it names, on its pages and in its
 * overmatter (each story file is named once: parseEditionFile refuses a second
 * mention). Ids are slugs of the file names, made unique by appending -2, -3…
 * in loading order, pages first (`news/fire.md` and `sport/fire.md` → `fire`,
 * `fire-2`). An overmatter story goes to its entry's section, else its own
 * metadata's, else any page. Fails at a composed page with nothing to put on
 * it; an overmatter story whose section no page has is a note. Story spans
 * name the files relative to the working directory. Every file it names, and every photo its stories name, must be
 * inside its root (root.ts): its folder, and `widen` (default: the `--root` of this run).
 */
export function loadEdition(path: string, widen?: string): LoadedEdition {
  const { file, text } = readSourceFile(path);
  const root = rootOf(path, 'edition', widen);
  const spec = parseEditionFile(file, text, fileExists, root);
  const articles = new Map<string, Article>();
  const idByPath = new Map<string, string>();
  const load = (abs: string): string => {
    const known = idByPath.get(resolve(abs));
    if (known !== undefined) return known;
    const article = loadArticle(displayPath(abs), root);
    const id = uniqueId(article.id, articles);
    articles.set(id, { ...article, id });
    idByPath.set(resolve(abs), id);
    return id;
  };
  const pages: EditionPage[] = spec.pages.map((page) => {
    const stories = page.stories.map(load);
    const continueOn: Record<string, number> = {};
    page.continueOn.forEach((on, k) => {
      if (on !== undefined) continueOn[stories[k]!] = on;
    });
    const trim: Record<string, 'end'> = {};
    page.trim.forEach((t, k) => {
      if (t !== undefined) trim[stories[k]!] = t;
    });
    return {
      template: page.template,
      ...(page.section !== undefined ? { section: page.section } : {}),
      src: page.src,
      stories,
      ...(Object.keys(continueOn).length ? { continueOn } : {}),
      ...(page.ads.length ? { ads: page.ads.map((a) => ({ ...a, file: displayPath(a.file) })) } : {}),
      ...(Object.keys(trim).length ? { trim } : {}),
    };
  });
  const overmatter = spec.overmatter.map((o): OvermatterEntry => {
    const id = load(o.file);
    const own = articles.get(id)!.section?.trim();
    const section = o.section ?? (own ? own : undefined);
    return { id, ...(section !== undefined ? { section } : {}), ...(o.trim ? { trim: o.trim } : {}), src: o.src };
  });
  const notes = checkOvermatter(spec, overmatter.map((o) => o.section));
  const houseAds = spec.houseAds.map((h): HouseAd => (h.file !== undefined ? { ...h, file: displayPath(h.file) } : h));
  return { spec, articles, pages, overmatter, houseAds, notes };
}

function uniqueId(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
