// export/eedition: laid-out pages → the e-edition (renditions, IIIF tiles and manifest, manifest.json, article views, viewer, ALTO).
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { writeFiles } from '../../core/files.js';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Article, Block, Diagnostic, Edition, FontSet, ImageAsset, ImageSet, Inline, Page } from '../../core/index.js';
import { advertRasterId, articleHeads, fail, longDate } from '../../core/index.js';
import type { PageArchive } from '../archive/index.js';
import { iiifManifest } from './iiif.js';
import { MANIFEST_GLOBAL, type ArticleBlock, type ArticleImage, type EEditionManifest, type ManifestArticle, type ManifestPage, type Region, type Rendition, type TextRun } from './manifest.js';
import { paperSettings, type PaperSettings } from './paper.js';
import { pageFiles, type PageJob, type PageOutput, type RenditionFormat } from './page-files.js';
import type { PageTask } from './page-worker.js';
import { articlePage, viewerFiles } from './viewer.js';

export type { EEditionManifest, ManifestArticle, ManifestPage, Region, Rendition } from './manifest.js';
export { iiifManifest } from './iiif.js';
export { tilePaths, scaleFactors, TILE_SIZE } from './tiles.js';
export type { RenditionFormat } from './page-files.js';

export interface EEditionOptions {
  /** Absolute URL where the e-edition folder will be published, ending with `/` (IIIF ids). */
  readonly baseUrl: string;
  /** Encodings of the thumbnail and page renditions (default JPEG and WebP). */
  readonly formats?: readonly RenditionFormat[];
  /**
   * Encodings of the zoom rendition. Default: the formats when they were asked for, else JPEG only, which is the
   * tile pyramid's full-size image and costs nothing more (a WebP zoom is read by no viewer of ours).
   */
  readonly zoomFormats?: readonly RenditionFormat[];
  /** Widths in pixels (defaults 200, 1200, 3000). */
  readonly sizes?: { readonly thumbnail?: number; readonly page?: number; readonly zoom?: number };
  /** The press's CMYK ICC profile: colours and photos are shown as they print. */
  readonly icc: string;
  /**
   * Worker threads for the pages (default: one per core; 0 renders them in this thread). The files are the same
   * whatever the number.
   */
  readonly workers?: number;
  /** Called as each page is finished. */
  readonly onPage?: (done: number, total: number) => void;
  /** How many pages will be added, for `onPage`'s total while they are still being laid out (default: those added so far). */
  readonly pageCount?: number;
  /**
   * A folder to write each page's renditions and tiles into as soon as the page is made (by the thread that made it):
   * the build's staging folder for `e-edition/`. They are then listed in `written`, not held in `files`.
   */
  readonly writeTo?: string;
  /**
   * The build cache (core/cache.ts): a page whose frame, pictures, fonts and settings are those of a page made
   * before is taken from it whole (renditions, tiles, ALTO), not made again.
   */
  readonly cache?: PageCache;
}

/** What the e-edition asks of the build cache (core/cache.ts's BuildCache): its folder, and its entries. */
export interface PageCache {
  readonly dir: string | undefined;
  get(kind: string, key: string): Buffer | undefined;
}

/** The cache's kind for e-edition pages, and the version of what pageFiles makes: raise it when its bytes change. */
export const EEDITION_PAGE = 'eedition-page';
const PAGE_FORMAT = '1';

export interface EEdition {
  /** Files relative to the e-edition folder. manifest.json is last: written last, it says the rest is there. */
  readonly files: Map<string, Buffer | string>;
  /** Files already written under the `writeTo` folder, relative to it. */
  readonly written: readonly string[];
  readonly manifest: EEditionManifest;
  readonly warnings: Diagnostic[];
  /** Each page's ALTO and full-size image with checksums, and the articles in its ALTO, in page order: for the METS. */
  readonly archive: readonly PageArchive[];
}

const QUALITY = 80;
const DEFAULT_SIZES = { thumbnail: 200, page: 1200, zoom: 3000 };
const ARTICLE_IMAGE_WIDTH = 1200;

/**
 * Makes the e-edition of a laid-out edition. Every page is rasterised once at the zoom width, in the colours it
 * prints in (through the press's profile), and the page and thumbnail renditions are that raster reduced; the
 * zoom raster is also cut into the page's IIIF tile pyramid (page-files.ts). Pages go to a pool of worker threads,
 * one per core, and come back in page order. Article regions come from the layout's anchors; article text from the copy.
 */
export async function buildEEdition(edition: Edition, pages: readonly Page[], fonts: FontSet, images: ImageSet, o: EEditionOptions): Promise<EEdition> {
  const run = await startEEdition(fonts, images, o);
  try {
    for (const page of pages) run.add(page);
    return await run.finish(edition, pages);
  } finally {
    await run.close();
  }
}

/**
 * An e-edition being made: pages are added as soon as they are laid out (each goes to the pool at once), and
 * `finish` waits for them and makes the edition's own files. `close` stops the pool; call it in any case.
 */
export interface EEditionRun {
  add(page: Page): void;
  finish(edition: Edition, pages: readonly Page[]): Promise<EEdition>;
  close(): Promise<void>;
}

/** Starts an e-edition for pages set in `fonts` and showing `images` (see `EEditionRun`). */
export async function startEEdition(fonts: FontSet, images: ImageSet, o: EEditionOptions): Promise<EEditionRun> {
  const formats = o.formats ?? ['jpeg', 'webp'];
  const zoomFormats = o.zoomFormats ?? (o.formats ? o.formats : ['jpeg']);
  const sizes = { ...DEFAULT_SIZES, ...o.sizes };
  const icc = await readFile(o.icc);
  const paper = await paperSettings(o.icc, icc);
  const pool = await pagePool(fonts, o.workers ?? availableParallelism());
  const outputs: Promise<PageOutput>[] = [];
  let done = 0;
  let total = 0;
  const key = o.cache ? pageKeys(icc, JSON.stringify({ paper, formats, zoomFormats, sizes, baseUrl: o.baseUrl, format: PAGE_FORMAT, vips: sharp.versions.vips })) : undefined;
  /** The page's files from the cache, else made on the pool and kept in the cache. */
  const make = async (task: PageTask): Promise<PageOutput> => {
    const k = key?.(task);
    const kept = k ? o.cache!.get(EEDITION_PAGE, k) : undefined;
    if (kept) {
      try {
        return fromCache(kept, o.writeTo);
      } catch {
        // Checked bytes that are not a page of ours (a cache from another newsprint): made again.
      }
    }
    // Made on the pool, and kept in the cache by the thread that made it.
    const dir = o.cache?.dir;
    return pool.run(k && dir !== undefined ? { ...task, job: { ...task.job, keep: { dir, kind: EEDITION_PAGE, key: k } } } : task);
  };
  return {
    add(page) {
      total++;
      const out = make({ job: pageJob(page, images, paper, { iccPath: o.icc, formats, zoomFormats, sizes, baseUrl: o.baseUrl, ...(o.writeTo ? { writeTo: o.writeTo } : {}) }), fonts: fontFiles(page, fonts) });
      const counted = out.then((r) => (o.onPage?.(++done, Math.max(total, o.pageCount ?? 0)), r));
      // Awaited in finish; a failure meanwhile (or a run closed early) must not be an unhandled rejection.
      counted.catch(() => undefined);
      outputs.push(counted);
    },
    async finish(edition, pages) {
      const results = await Promise.all(outputs);
      return editionFiles(edition, pages, results, o.baseUrl);
    },
    close: () => pool.close(),
  };
}

/** The edition's files from its pages' outputs: renditions and tiles, article views and photos, manifests, viewer. */
async function editionFiles(edition: Edition, pages: readonly Page[], outputs: readonly PageOutput[], baseUrl: string): Promise<EEdition> {
  const files = new Map<string, Buffer | string>();
  const warnings: Diagnostic[] = [];
  for (const out of outputs) for (const [k, v] of out.files) files.set(k, typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  const manifestPages: ManifestPage[] = outputs.map((out) => out.page);

  // 2. Articles: where they are (from the layout) and what they say (from the copy).
  const regions = articleRegions(pages);
  const articles: ManifestArticle[] = [];
  for (const [id, rs] of regions) {
    const a = edition.articles.get(id);
    if (!a) continue;
    const art = await manifestArticle(a, rs, files);
    articles.push(art);
  }
  for (const p of pages) {
    if (p.articles.length === 0) warnings.push({ severity: 'info', code: 'eedition/no-articles', message: `page ${p.number} has no articles (an advertising page): it has no article zones in the e-edition` });
  }

  const manifest: EEditionManifest = {
    version: 1,
    generator: 'newsprint',
    edition: {
      slug: edition.slug,
      publication: edition.publication.name,
      date: edition.date,
      dateLong: longDate(edition.date) ?? edition.date,
      issue: edition.issue ?? null,
      language: 'en-GB',
    },
    baseUrl,
    iiif: 'iiif/manifest.json',
    pages: manifestPages,
    articles,
  };
  for (const a of articles) files.set(a.view, articlePage(manifest, a));
  for (const [k, v] of viewerFiles(manifest, pages)) files.set(k, v);
  files.set('iiif/manifest.json', JSON.stringify(iiifManifest(manifest), null, 2) + '\n');
  files.set('manifest.js', `window.${MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};\n`);
  // Last in the map, so written last.
  files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return { files, written: outputs.flatMap((out) => out.written), manifest, warnings, archive: outputs.map((out) => out.archive) };
}

/**
 * The cache key of a page task: a hash of its frame (as `canonical` writes it), the bytes of the
 * pictures and font files it uses, the press's profile, and the settings. Pictures and fonts are hashed once a build.
 */
function pageKeys(icc: Buffer, settings: string): (task: PageTask) => string {
  const pictures = new WeakMap<Uint8Array, string>();
  const fontFilesHashed = new Map<string, string>();
  const iccHash = hashOf(icc);
  return (task) => {
    const pics = task.job.images.map((a) => {
      let h = pictures.get(a.data);
      if (h === undefined) pictures.set(a.data, (h = hashOf(a.data)));
      return `${a.id}=${h}`;
    });
    const fontHashes = task.fonts.map((f) => {
      let h = fontFilesHashed.get(f.file);
      if (h === undefined) fontFilesHashed.set(f.file, (h = hashOf(readFileSync(f.file))));
      return `${f.id}=${h}`;
    });
    return hashOf(Buffer.from(JSON.stringify([canonical(task.job.page), pics, fontHashes, iccHash, settings])));
  };
}

/**
 * A page's frame as text that is the same for equal frames: JSON (a frame is plain data: numbers, strings, arrays and
 * objects, written in the order layout makes them). Not v8's serialisation, which writes an object met twice as a
 * reference, and the layout's caches share objects in one build and not in another. Native JSON, with no replacer,
 * costs a few milliseconds a page.
 */
const canonical = (page: Page): string => JSON.stringify(page);

const hashOf = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A page from the cache: its files written under `writeTo` (as a thread would have), or handed back. */
function fromCache(kept: Buffer, writeTo: string | undefined): PageOutput {
  const { files, page, archive } = deserialize(kept) as { files: (readonly [string, Buffer | string])[]; page: ManifestPage; archive: PageArchive };
  if (writeTo) writeFiles(writeTo, files);
  return { files: writeTo ? [] : files, written: writeTo ? files.map(([name]) => name) : [], page, archive };
}

/** The page's job: its frame, the pictures it shows, and the settings. */
function pageJob(page: Page, images: ImageSet, paper: PaperSettings, o: Pick<PageJob, 'iccPath' | 'formats' | 'zoomFormats' | 'sizes' | 'baseUrl' | 'writeTo'>): PageJob {
  const used = new Map<string, ImageAsset>();
  const need = (id: string) => {
    const a = images.get(id);
    if (!a) throw new Error(`export/eedition: page ${page.number} uses image "${id}", which is not in the image set`);
    used.set(id, a);
  };
  for (const item of page.frame.items) {
    if (item.kind === 'image') need(item.image);
    else if (item.kind === 'advert' && item.pdf) need(advertRasterId(item.file));
  }
  return { page, images: [...used.values()], paper, ...o };
}

/** The font files a page's glyph runs use. */
function fontFiles(page: Page, fonts: FontSet): { id: string; file: string }[] {
  const ids = new Set(page.frame.items.flatMap((i) => (i.kind === 'glyphs' ? [i.font] : [])));
  return [...ids].map((id) => {
    const f = fonts.get(id);
    if (!f) throw new Error(`export/eedition: page uses font "${id}", which is not in the font set`);
    return { id, file: f.file };
  });
}

/**
 * The compiled worker beside this module. Run from the TypeScript sources (the tests), there is none, and pages are
 * made in this thread.
 */
const WORKER = new URL('./page-worker.js', import.meta.url);

/** Runs page tasks: on `workers` worker threads, or here (for 0, or without a compiled worker), one at a time. */
async function pagePool(fonts: FontSet, workers: number): Promise<{ run(t: PageTask): Promise<PageOutput>; close(): Promise<void> }> {
  const threads = Math.max(0, Math.floor(workers));
  if (threads === 0 || !existsSync(fileURLToPath(WORKER))) {
    let queue: Promise<unknown> = Promise.resolve();
    return {
      run(t) {
        const out = queue.then(() => pageFiles(t.job, fonts));
        queue = out.catch(() => undefined);
        return out;
      },
      close: async () => undefined,
    };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<PageTask, PageOutput>({ filename: WORKER.href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  return { run: (t) => pool.run(t), close: () => pool.destroy() };
}

/** Each article's regions, in page order, from the anchors layout leaves where a story sits. */
function articleRegions(pages: readonly Page[]): Map<string, Region[]> {
  const out = new Map<string, Region[]>();
  for (const page of pages) {
    for (const item of page.frame.items) {
      if (item.kind !== 'anchor') continue;
      const list = out.get(item.article) ?? [];
      list.push({ page: page.number, x: item.x, y: item.y, w: item.w, h: item.h });
      out.set(item.article, list);
    }
  }
  return out;
}

const runs = (inl: readonly Inline[]): TextRun[] =>
  inl.filter((r) => r.text !== '').map((r) => ({ text: r.text, ...(r.italic ? { italic: true as const } : {}), ...(r.bold ? { bold: true as const } : {}) }));

/** The article's entry: its copy as blocks, its photos as screen renditions (written into `files`). */
async function manifestArticle(a: Article, regions: Region[], files: Map<string, Buffer | string>): Promise<ManifestArticle> {
  const images: ArticleImage[] = [];
  const addImage = async (ref: NonNullable<Article['leadImage']>): Promise<number> => {
    const file = `articles/images/${a.id}-${images.length + 1}.jpg`;
    // The article's own photo, placed on the page or not: one that cannot be read is an error at its copy line.
    const { data, info } = await sharp(ref.file, { failOn: 'truncated' }).rotate().resize({ width: ARTICLE_IMAGE_WIDTH, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: QUALITY }).toBuffer({ resolveWithObject: true })
      .catch((e: unknown) => fail('image/unreadable', `photo cannot be read: ${ref.file}: ${(e as Error).message}`, ref.src, ['export the photo again as JPEG or PNG and check it opens']));
    files.set(file, data);
    images.push({ file, width: info.width, height: info.height, alt: ref.alt ?? ref.caption ?? '', caption: ref.caption ?? null, credit: ref.credit ?? null });
    return images.length - 1;
  };
  if (a.leadImage) await addImage(a.leadImage);
  const blocks: ArticleBlock[] = [];
  for (const b of a.body as readonly Block[]) {
    switch (b.kind) {
      case 'paragraph':
        blocks.push({ type: 'p', runs: runs(b.runs) });
        break;
      case 'crosshead':
        blocks.push({ type: 'crosshead', runs: runs(b.runs) });
        break;
      case 'quote':
        blocks.push({ type: 'quote', runs: runs(b.runs) });
        break;
      case 'list':
        blocks.push({ type: 'list', ordered: b.ordered, items: b.items.map(runs) });
        break;
      case 'image':
        blocks.push({ type: 'image', image: await addImage(b.image) });
        break;
    }
  }
  return {
    ...articleHeads(a),
    date: a.published ?? null,
    view: `articles/${a.id}.html`,
    pages: [...new Set(regions.map((r) => r.page))],
    regions,
    images,
    blocks,
  };
}
