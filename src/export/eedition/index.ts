// export/eedition: laid-out pages → the e-edition (renditions, IIIF tiles and manifest, manifest.json, article views, viewer).
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Article, Block, Diagnostic, Edition, FontSet, ImageSet, Inline, Page } from '../../core/index.js';
import { rasterisePage, type ScreenColour } from '../raster/index.js';
import { fail, longDate } from '../../core/index.js';
import { iiifManifest } from './iiif.js';
import { MANIFEST_GLOBAL, type ArticleBlock, type ArticleImage, type EEditionManifest, type ManifestArticle, type ManifestPage, type Region, type Rendition, type TextRun } from './manifest.js';
import { paperColours, paperImages } from './paper.js';
import { tilePyramid } from './tiles.js';
import { articlePage, viewerFiles } from './viewer.js';

export type { EEditionManifest, ManifestArticle, ManifestPage, Region, Rendition } from './manifest.js';
export { iiifManifest } from './iiif.js';
export { tilePaths, scaleFactors, TILE_SIZE } from './tiles.js';

export type RenditionFormat = 'jpeg' | 'webp';

export interface EEditionOptions {
  /** Absolute URL where the e-edition folder will be published, ending with `/` (IIIF ids). */
  readonly baseUrl: string;
  /** Encodings of every rendition (default JPEG and WebP). */
  readonly formats?: readonly RenditionFormat[];
  /** Widths in pixels (defaults 200, 1200, 3000). */
  readonly sizes?: { readonly thumbnail?: number; readonly page?: number; readonly zoom?: number };
  /** The press's CMYK ICC profile: colours and photos are shown as they print. */
  readonly icc: string;
  /** Called as each page is finished. */
  readonly onPage?: (done: number, total: number) => void;
}

export interface EEdition {
  /** Files relative to the e-edition folder. manifest.json is last: written last, it says the rest is there. */
  readonly files: Map<string, Buffer | string>;
  readonly manifest: EEditionManifest;
  readonly warnings: Diagnostic[];
}

const QUALITY = 80;
const DEFAULT_SIZES = { thumbnail: 200, page: 1200, zoom: 3000 };
const ARTICLE_IMAGE_WIDTH = 1200;
const pad = (n: number) => String(n).padStart(2, '0');
const ext = (f: RenditionFormat) => (f === 'jpeg' ? 'jpg' : 'webp');

/**
 * Makes the e-edition of a laid-out edition. Every page is rasterised once at the zoom width, in the colours it
 * prints in (through the press's profile), and the page and thumbnail renditions are that raster reduced; the
 * zoom raster is also cut into the page's IIIF tile pyramid. Pages are processed in parallel, as many at a time
 * as the machine has cores. Article regions come from the layout's anchors; article text from the copy.
 */
export async function buildEEdition(edition: Edition, pages: readonly Page[], fonts: FontSet, images: ImageSet, o: EEditionOptions): Promise<EEdition> {
  const formats = o.formats ?? ['jpeg', 'webp'];
  const sizes = { ...DEFAULT_SIZES, ...o.sizes };
  const icc = await readFile(o.icc);
  const colour = await paperColours(pages, icc);
  const onPaper = await paperImages(images, o.icc, icc);
  const files = new Map<string, Buffer | string>();
  const warnings: Diagnostic[] = [];

  // 1. Pages, a few at a time.
  const manifestPages: ManifestPage[] = new Array(pages.length);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const i = next++;
      const page = pages[i]!;
      const out = await pageRenditions(page, fonts, onPaper, colour, formats, sizes, o.baseUrl);
      for (const [k, v] of out.files) files.set(k, v);
      manifestPages[i] = out.page;
      o.onPage?.(++done, pages.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(pages.length, Math.max(1, availableParallelism())) }, worker));

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
    baseUrl: o.baseUrl,
    iiif: 'iiif/manifest.json',
    pages: manifestPages,
    articles,
  };
  for (const a of articles) files.set(a.view, articlePage(manifest, a));
  for (const [k, v] of viewerFiles(manifest)) files.set(k, v);
  files.set('iiif/manifest.json', JSON.stringify(iiifManifest(manifest), null, 2) + '\n');
  files.set('manifest.js', `window.${MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};\n`);
  // Last in the map, so written last.
  files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return { files, manifest, warnings };
}

/** One page: its renditions at three sizes in every format, and its tile pyramid, from one raster. */
async function pageRenditions(
  page: Page,
  fonts: FontSet,
  images: ImageSet,
  colour: ScreenColour,
  formats: readonly RenditionFormat[],
  sizes: { thumbnail: number; page: number; zoom: number },
  baseUrl: string,
): Promise<{ files: Map<string, Buffer | string>; page: ManifestPage }> {
  const files = new Map<string, Buffer | string>();
  const dir = `pages/page-${pad(page.number)}`;
  const dpi = (sizes.zoom / page.width) * 72;
  const zoom = await rasterisePage(page, fonts, images, dpi, colour);
  const raw = { raw: { width: zoom.width, height: zoom.height, channels: 3 as const } };
  const renditions = { thumbnail: [] as Rendition[], page: [] as Rendition[], zoom: [] as Rendition[] };
  // The smaller renditions are the zoom raster reduced with Mitchell's filter: Lanczos' ringing round type, after JPEG,
  // darkened a text page by about 10 % against poppler's rendering of the print PDF; Mitchell's by 3–5 %.
  for (const [name, width] of [['zoom', zoom.width], ['page', sizes.page], ['thumbnail', sizes.thumbnail]] as const) {
    const height = Math.max(1, Math.round((width * zoom.height) / zoom.width));
    const pixels = width === zoom.width ? zoom.pixels : await sharp(zoom.pixels, raw).resize(width, height, { fit: 'fill', kernel: 'mitchell' }).raw().toBuffer();
    for (const format of formats) {
      const img = sharp(pixels, { raw: { width, height, channels: 3 } });
      const data = format === 'jpeg' ? await img.jpeg({ quality: QUALITY, mozjpeg: false }).toBuffer() : await img.webp({ quality: QUALITY, effort: 2 }).toBuffer();
      const file = `${dir}/${name}.${ext(format)}`;
      files.set(file, data);
      renditions[name].push({ format, file, width, height });
    }
  }
  const tilesDir = `tiles/page-${pad(page.number)}`;
  const tiles = await tilePyramid(zoom.pixels, zoom.width, zoom.height, tilesDir, `${baseUrl}${tilesDir}`);
  for (const [k, v] of tiles.files) files.set(k, v);
  const label = `Page ${page.number}${page.section ? `: ${page.section}` : ''}`;
  return {
    files,
    page: {
      number: page.number,
      label,
      section: page.section ?? null,
      width: page.width,
      height: page.height,
      renditions,
      tiles: tiles.pyramid,
      articles: page.articles,
      adverts: page.frame.items.flatMap((i) => (i.kind === 'advert' ? [{ type: 'advert' as const, name: i.name, url: i.url ?? null, x: i.x, y: i.y, w: i.w, h: i.h }] : [])),
    },
  };
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
    id: a.id,
    headline: a.headline,
    kicker: a.kicker ?? null,
    standfirst: a.standfirst ?? null,
    byline: a.byline ? { name: a.byline.name, role: a.byline.role ?? null } : null,
    date: a.published ?? null,
    section: a.section ?? null,
    view: `articles/${a.id}.html`,
    pages: [...new Set(regions.map((r) => r.page))],
    regions,
    images,
    blocks,
  };
}
