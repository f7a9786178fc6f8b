// One page of the e-edition: raster, renditions, tile pyramid and ALTO. Self-contained, so it runs in a worker thread.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { AdvertItem, Cmyk, FontSet, ImageAsset, Page } from '../../core/index.js';
import { writeFiles } from '../../core/files.js';
import { BuildCache } from '../../core/cache.js';
import { serialize } from 'node:v8';
import { altoPage, archiveFile, type PageArchive } from '../archive/index.js';
import { rasterisePage } from '../raster/index.js';
import type { ManifestAdvert, ManifestPage, Rendition } from './manifest.js';
import { onPaper, paperColours, type PaperSettings } from './paper.js';
import { tilePyramid } from './tiles.js';

export type RenditionFormat = 'jpeg' | 'webp';

/**
 * Everything one page needs, as plain data (it crosses to a worker thread by structured clone): the page's frame,
 * the pictures it shows (untouched sources; they are reduced and put "on paper" here), and the settings.
 */
export interface PageJob {
  readonly page: Page;
  /** The pictures the page's image items and PDF adverts use, by id. */
  readonly images: readonly ImageAsset[];
  /** The press's CMYK profile: the page's colours are converted through it (`paperColours`). */
  readonly iccPath: string;
  readonly paper: PaperSettings;
  /** Encodings of the thumbnail and page renditions. */
  readonly formats: readonly RenditionFormat[];
  /** Encodings of the zoom rendition: JPEG is the tile pyramid's full-size image, WebP an extra file. */
  readonly zoomFormats: readonly RenditionFormat[];
  readonly sizes: { readonly thumbnail: number; readonly page: number; readonly zoom: number };
  readonly baseUrl: string;
  /**
   * The e-edition folder (a staging folder) to write the page's files into, where it is made: they are not sent
   * back. Without it the files come back in the output.
   */
  readonly writeTo?: string;
  /**
   * Where the build cache keeps this page, when it is to be kept (core/cache.ts): the thread that makes the page keeps
   * it there too, from the files it has in hand, so the build's main thread does not read them back.
   */
  readonly keep?: { readonly dir: string; readonly kind: string; readonly key: string };
}

export interface PageOutput {
  /** Files relative to the e-edition folder, sorted by name (none when the job wrote them itself). */
  readonly files: (readonly [string, Buffer | string])[];
  /** The files the job wrote under `writeTo`, relative to it, sorted by name. */
  readonly written: readonly string[];
  readonly page: ManifestPage;
  /** The page's ALTO and full-size image with their checksums, and the ALTO's articles: for the issue's METS. */
  readonly archive: PageArchive;
}

const QUALITY = 80;

/** Profiles read in this thread, by path. */
const profiles = new Map<string, Promise<Buffer>>();
function profile(path: string): Promise<Buffer> {
  let p = profiles.get(path);
  if (!p) profiles.set(path, (p = readFile(path)));
  return p;
}
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One page's renditions and tiles from one raster: the page painted at the zoom width in the colours it prints in,
 * its photos converted through the press's profile at the size they are seen; the page and thumbnail renditions
 * are that raster reduced, and the tile pyramid is cut from it. The zoom JPEG is the pyramid's full-size image
 * (one file, not two). The page's ALTO (`alto/page-NN.xml`) is made from its frame and describes that image. The same
 * job gives the same bytes in any thread.
 */
export async function pageFiles(job: PageJob, fonts: FontSet): Promise<PageOutput> {
  const { page, sizes } = job;
  const files = new Map<string, Buffer | string>();
  const dir = `pages/page-${pad(page.number)}`;
  const tilesDir = `tiles/page-${pad(page.number)}`;
  const hex = await paperColours([page], await profile(job.iccPath));
  const colour = (c: Cmyk) => {
    const h = hex.get(c.join(','));
    if (!h) throw new Error(`export/eedition: colour ${c.join(',')} was not converted`);
    return h;
  };
  const images = new Map(job.images.map((a) => [a.id, a]));
  const zoom = await rasterisePage(page, fonts, images, (sizes.zoom / page.width) * 72, { colour, picture: (p) => onPaper(p, job.paper) });
  const raw = { raw: { width: zoom.width, height: zoom.height, channels: 3 as const } };
  const tiles = await tilePyramid(zoom.pixels, zoom.width, zoom.height, tilesDir, `${job.baseUrl}${tilesDir}`);
  for (const [k, v] of tiles.files) files.set(k, v);
  const renditions = { thumbnail: [] as Rendition[], page: [] as Rendition[], zoom: [] as Rendition[] };
  for (const format of job.zoomFormats) {
    if (format === 'jpeg') {
      renditions.zoom.push({ format, file: `${tilesDir}/full/max/0/default.jpg`, width: zoom.width, height: zoom.height });
    } else {
      const file = `${dir}/zoom.webp`;
      files.set(file, await sharp(zoom.pixels, raw).webp({ quality: QUALITY, effort: 2 }).toBuffer());
      renditions.zoom.push({ format, file, width: zoom.width, height: zoom.height });
    }
  }
  // The smaller renditions are the zoom raster reduced with Mitchell's filter: Lanczos' ringing round type, after JPEG,
  // darkened a text page by about 10 % against poppler's rendering of the print PDF; Mitchell's by 3–5 %.
  for (const [name, width] of [['page', sizes.page], ['thumbnail', sizes.thumbnail]] as const) {
    const height = Math.max(1, Math.round((width * zoom.height) / zoom.width));
    const pixels = await sharp(zoom.pixels, raw).resize(width, height, { fit: 'fill', kernel: 'mitchell' }).raw().toBuffer();
    await Promise.all(
      job.formats.map(async (format) => {
        const img = sharp(pixels, { raw: { width, height, channels: 3 } });
        const data = format === 'jpeg' ? await img.jpeg({ quality: QUALITY, mozjpeg: false }).toBuffer() : await img.webp({ quality: QUALITY, effort: 2 }).toBuffer();
        files.set(`${dir}/${name}.${format === 'jpeg' ? 'jpg' : 'webp'}`, data);
      }),
    );
    for (const format of job.formats) renditions[name].push({ format, file: `${dir}/${name}.${format === 'jpeg' ? 'jpg' : 'webp'}`, width, height });
  }
  const label = `Page ${page.number}${page.section ? `: ${page.section}` : ''}`;
  // The page for archives: its ALTO, from the frame, describing the full-size image (docs/archive.md).
  const image = renditions.zoom.find((r) => r.format === 'jpeg') ?? renditions.zoom[0]!;
  const imageBytes = files.get(image.file);
  if (imageBytes === undefined) throw new Error(`export/eedition: page ${page.number}'s image ${image.file} was not made`);
  const altoFile = `alto/page-${pad(page.number)}.xml`;
  const alto = altoPage(page, fonts, { image: `../${image.file}` });
  files.set(altoFile, alto.xml);
  const archive: PageArchive = {
    number: page.number,
    label,
    image: archiveFile(image.file, image.format === 'jpeg' ? 'image/jpeg' : 'image/webp', imageBytes),
    alto: archiveFile(altoFile, 'text/xml', alto.xml),
    articles: alto.articles,
    adverts: alto.adverts,
  };
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (job.writeTo) writeFiles(job.writeTo, sorted);
  const manifestPage: ManifestPage = {
      number: page.number,
      label,
      section: page.section ?? null,
      width: page.width,
      height: page.height,
      renditions,
      tiles: tiles.pyramid,
      articles: page.articles,
      adverts: page.frame.items.flatMap((i) => (i.kind === 'advert' && !i.house ? [zone(i)] : [])),
      ...(page.frame.items.some((i) => i.kind === 'advert' && i.house) ? { houseAdverts: page.frame.items.flatMap((i) => (i.kind === 'advert' && i.house ? [zone(i)] : [])) } : {}),
  };
  if (job.keep) new BuildCache(job.keep.dir).put(job.keep.kind, job.keep.key, serialize({ files: sorted, page: manifestPage, archive }));
  return {
    files: job.writeTo ? [] : sorted,
    written: job.writeTo ? sorted.map(([k]) => k) : [],
    page: manifestPage,
    archive,
  };
}

/** An advert item's zone as the manifest lists it. */
function zone(i: AdvertItem): ManifestAdvert {
  return { type: 'advert', name: i.name, url: i.url ?? null, x: i.x, y: i.y, w: i.w, h: i.h };
}
