// The build: edition → markup → layout → print PDF and e-edition images, written atomically under the output folder.
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import type { Diagnostic, Edition, EditionLayout, EditionPage, FontSet, FrameItem, ImageAsset, ImageSet, Page, PageComposition } from '../core/index.js';
import { fail, formatSpan, longDate, publicationCode, UserError } from '../core/index.js';
import { writePdf, type PdfMeta } from '../export/pdf/index.js';
import { printImage } from '../export/pdf/print-image.js';
import { formatFinding, preflightPdf, type Finding, type PreflightResult } from '../preflight/index.js';
import { loadPlant, pageFileName, plantGeometry, type PlantProfile } from '../plant/index.js';
import { EEDITION_PAGE, startEEdition, type EEdition, type EEditionOptions, type EEditionRun, type RenditionFormat } from '../export/eedition/index.js';
import { archiveFile, metsDocument, under, type ArchiveFile } from '../export/archive/index.js';
import { layoutEdition, type LayoutCache } from '../layout/index.js';
import type { MarkupElement, TemplateSet } from '../template/index.js';
import { attr, isElement, renderEdition, renderOvermatter } from '../template/index.js';
import { advertRequests, bookingText, checkImageAdverts, IMAGE_ADVERT, loadPdfAdverts, type AdvertRequest } from './adverts.js';
import { checkAdvert } from '../preflight/advert.js';
import { readFileSync, realpathSync } from 'node:fs';
import { loadFonts, loadImages, type ImageRequest } from './assets.js';
import { StagedFolder } from './write.js';
import { BuildCache, cacheDir, cacheKey } from '../core/cache.js';
import { outputError } from './out-path.js';
import { deskFindings } from '../ingest/desk-notes.js';
import { displayPath } from '../ingest/paths.js';

export interface BuildOptions {
  readonly edition: Edition;
  readonly templates: TemplateSet;
  readonly fontsDir: string;
  /** Output root: the edition is written to `<outDir>/<edition slug>/`. */
  readonly outDir: string;
  /** The printing plant the pages are made for (geometry, PDF/X, file names); default the uk-tabloid profile. */
  readonly plant?: PlantProfile;
  /** Also write a desk proof: bleed, crop and registration marks, slug line (never sent to the plant). */
  readonly proof?: boolean;
  /** Where the e-edition will be published (absolute URL); default the edition file's base-url, else under the paper's url. */
  readonly baseUrl?: string;
  /** Encodings of the e-edition renditions (default JPEG and WebP). */
  readonly formats?: readonly RenditionFormat[];
  /** Called as each page is finished (for the CLI's progress line). */
  readonly onPage?: (done: number, total: number) => void;
  /** Worker threads for the e-edition's pages (default one per core; 0 makes them in this thread). Same files either way. */
  readonly workers?: number;
  /** Pages laid out before, for a long-running caller (the preview): unchanged pages are reused. */
  readonly layoutCache?: LayoutCache;
  /**
   * Copy on no page (overset, after jumps and cuts) is a warning, not an error that stops the build: for proofs. Default
   * false: a build that would lose words writes nothing.
   */
  readonly allowOverset?: boolean;
  /**
   * The build cache's folder (cache.ts): by default this machine's (cacheDir()); `false` for none. With `clean`,
   * nothing is taken from it (everything is made afresh, and kept for the next build).
   */
  readonly cache?: string | false;
  readonly clean?: boolean;
}

export interface BuildResult {
  /** The edition's folder. */
  readonly dir: string;
  /** Files written, relative to `dir`. */
  readonly files: readonly string[];
  readonly layout: EditionLayout;
  readonly warnings: readonly Diagnostic[];
  /** Where the time went, stage by stage on this thread, in order (milliseconds, wall clock). */
  readonly timings: readonly Timing[];
  /** What the build cache gave, and what was made and kept, by kind (`print-photo`). */
  readonly cache?: { readonly hits: ReadonlyMap<string, number>; readonly misses: ReadonlyMap<string, number> };
}

/** One stage of a build and its wall-clock time on the building thread. */
export interface Timing {
  readonly stage: string;
  readonly ms: number;
}

/** Stage times: each `lap` closes the stage that ran since the last one. */
class Stopwatch {
  readonly timings: Timing[] = [];
  private last = performance.now();
  lap(stage: string): void {
    const now = performance.now();
    this.timings.push({ stage, ms: Math.round(now - this.last) });
    this.last = now;
  }
}

/** Every photo a page's markup places, with the copy line that placed it. */
export function imageRequests(el: MarkupElement): ImageRequest[] {
  const own = el.kind === 'image' ? [{ file: attr.str(el, 'file')!, src: el.copy ?? el.src }] : [];
  return own.concat(el.children.filter(isElement).flatMap(imageRequests));
}

/** An edition laid out on its plant's pages: what every output is made from. */
export interface Prepared {
  readonly plant: PlantProfile;
  readonly edition: Edition;
  readonly fonts: FontSet;
  readonly images: ImageSet;
  /** PDF adverts' bytes by file (placed as vectors in the plant files). */
  readonly adverts: ReadonlyMap<string, Uint8Array>;
  readonly layout: EditionLayout;
}

/**
 * Called by `prepare` once fonts and pictures are loaded, before layout; the function it returns (if any) is called
 * with each page as soon as it is laid out.
 */
export type BeforeLayout = (fonts: FontSet, images: ImageSet, pageCount: number) => Promise<((page: Page) => void) | undefined>;

/** Optional instruments of `prepare`: the hook before layout, and a stopwatch for its stages. */
interface PrepareHooks {
  readonly beforeLayout?: BeforeLayout;
  readonly clock?: Stopwatch;
}

/** Templates, fonts, photos and layout: the edition padded to the plant's page multiple and set on its pages. */
export async function prepare(opts: BuildOptions, hooks: PrepareHooks = {}): Promise<Prepared> {
  const plant = opts.plant ?? loadPlant('uk-tabloid');
  const padding = padToMultiple(opts.edition, plant, opts.templates.templates.has(HOUSE_AD));
  const edition = padding.edition;
  const { templates } = opts;
  // 1. Templates → checked page markup, for the plant's columns.
  const markup = renderEdition(edition, templates, plant.columns);
  const overmatter = renderOvermatter(edition, templates, plant.columns);
  // 2. Load fonts, photos and adverts before layout; every advert checked against its booking.
  const geometry = plantGeometry(plant);
  const fonts = loadFonts(templates.styles, opts.fontsDir);
  // Booked adverts, and the publication's own house adverts made as artwork (the composer's filler where a space of
  // their size is left): both loaded, and checked against their bookings, alike.
  const houseAdFiles: AdvertRequest[] = (edition.houseAds ?? []).flatMap((h) => (h.file && h.columns && h.depth ? [{ file: h.file, columns: h.columns, depth: h.depth, src: h.src }] : []));
  const ads = [...markup.flatMap((m) => advertRequests(m.root)), ...houseAdFiles];
  const photos = await loadImages([...markup.flatMap((m) => imageRequests(m.root)), ...overmatter.flatMap(imageRequests), ...ads.filter((a) => IMAGE_ADVERT.test(a.file)).map((a) => ({ file: a.file, src: a.src }))]);
  checkImageAdverts(ads, photos, plant);
  const pdfAds = await loadPdfAdverts(ads, plant);
  const adFindings = await preflightAdverts(ads, plant);
  const images: ImageSet = new Map([...photos, ...pdfAds.rasters.map((r) => [r.id, r] as const)]);
  // 3. Layout on the plant's page. What the layout finds wrong with the input (adverts that do not fit, stories that
  //    cannot be placed) stops the build, with nothing written.
  const onPage = await hooks.beforeLayout?.(fonts, images, markup.length);
  hooks.clock?.lap('templates, fonts, photos, adverts (preflighted)');
  const laid = layoutEdition({ pages: markup.map((m) => m.root), ...(overmatter.length ? { overmatter } : {}), sheet: templates.styles, fonts, images, geometry, minImagePpi: plant.images.minimum, ...(opts.layoutCache ? { cache: opts.layoutCache } : {}), ...(onPage ? { onPage } : {}) });
  hooks.clock?.lap('layout (pages to the e-edition as they are set)');
  const overset = (w: Diagnostic) => w.code === 'layout/overset';
  const errors = laid.warnings.filter((w) => w.severity === 'error' || (overset(w) && !opts.allowOverset));
  if (errors.length > 0) {
    throw new UserError(errors.map((w) => (overset(w) ? { ...w, severity: 'error' as const, hints: [...(w.hints ?? []), 'or build with --allow-overset to see the pages anyway (for proofs)'] } : w)));
  }
  // What the copy tells the desk rather than the reader (wire notes, an embargo past the edition's date) goes in the report.
  const desk = [...edition.articles.values()].flatMap((a) => deskFindings(a, edition.date));
  // A scraped story's site furniture is the website's menu: never printed, and noted so the desk knows where it went.
  for (const a of edition.articles.values()) {
    if (a.furniture.length === 0) continue;
    desk.push({ severity: 'info', code: 'ingest/site-furniture', message: `${a.id}: the website's own furniture after the story (${a.furniture.map((f) => f.heading).join(', ')}) is left out of print`, span: a.furniture[0]!.src });
  }
  return { plant, edition, fonts, images, adverts: pdfAds.pdfs, layout: { pages: laid.pages, warnings: [...(edition.notes ?? []), ...desk, ...padding.warnings, ...pdfAds.warnings, ...adFindings, ...laid.warnings], ...(laid.compositions ? { compositions: laid.compositions } : {}), ...(laid.heldOver ? { heldOver: laid.heldOver } : {}) } };
}

/** The e-edition's settings: the command line's formats over the edition file's; the edition file's widths. */
function eEditionOptions(edition: Edition, plant: PlantProfile, opts: BuildOptions): EEditionOptions {
  return {
    baseUrl: baseUrlOf(edition, opts.baseUrl),
    icc: plant.outputCondition.profile,
    ...((opts.formats ?? edition.eEdition?.formats) ? { formats: opts.formats ?? edition.eEdition!.formats! } : {}),
    ...(edition.eEdition?.sizes ? { sizes: edition.eEdition.sizes } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    onPage: (done, total) => opts.onPage?.(done, total),
  };
}

/**
 * Lays the edition out with its e-edition started alongside: each page goes to the e-edition's worker threads as
 * soon as it is laid out, while this thread sets the next, and they write its files into `eEditionDir` (a staging
 * folder) as they finish. `run` is given the prepared edition and the e-edition's own files to come; the pool is
 * closed whatever happens.
 */
async function withEEdition<T>(opts: BuildOptions, eEditionDir: string, run: (p: Prepared, eEdition: Promise<EEdition>, clock: Stopwatch, cache: BuildCache) => Promise<T>): Promise<T> {
  const plant = opts.plant ?? loadPlant('uk-tabloid');
  const clock = new Stopwatch();
  const cache = new BuildCache(opts.cache === false ? undefined : opts.cache ?? cacheDir(), opts.clean);
  let ee: EEditionRun | undefined;
  try {
    const prepared = await prepare({ ...opts, plant }, {
      clock,
      beforeLayout: async (fonts, images, pageCount) => {
        ee = await startEEdition(fonts, images, { ...eEditionOptions(opts.edition, plant, opts), writeTo: eEditionDir, pageCount, ...(cache.dir !== undefined ? { cache } : {}) });
        return (page) => ee!.add(page);
      },
    });
    const files = ee!.finish(prepared.edition, prepared.layout.pages);
    // Awaited by `run` when its own work is done: a failure meanwhile must not be an unhandled rejection.
    files.catch(() => undefined);
    return await run(prepared, files, clock, cache);
  } finally {
    await ee?.close();
  }
}

/**
 * Runs the whole pipeline, writing into a folder beside the output under a temporary name (the e-edition's pages
 * as they are made, the rest at the end), then swaps it into place: a failed build leaves the output folder as it
 * was, and its temporary folder is removed.
 */
export async function buildEdition(opts: BuildOptions): Promise<BuildResult> {
  const staged = StagedFolder.open(join(opts.outDir, opts.edition.slug));
  try {
    return await withEEdition(opts, join(staged.path, 'e-edition'), (prepared, eEdition, clock, cache) => writeEdition(prepared, eEdition, opts, clock, staged, cache));
  } finally {
    staged.abort();
  }
}

/** The print files, the report, and the e-edition being made meanwhile, written into the staging folder and swapped in. */
async function writeEdition(prepared: Prepared, eEdition: Promise<EEdition>, opts: BuildOptions, clock: Stopwatch, staged: StagedFolder, cache: BuildCache): Promise<BuildResult> {
  const { plant, edition, fonts, images, layout, adverts } = prepared;
  // 4. Export: the print PDFs and the e-edition.
  const meta: PdfMeta = {
    title: `${edition.publication.name}, ${edition.date}${edition.issue !== undefined ? `, issue ${edition.issue}` : ''}`,
    author: edition.publication.name,
    // The stories printed, in page order (a story held over is in the edition file but not in the paper).
    subject: [...new Set(layout.pages.flatMap((p) => p.articles))].flatMap((id) => edition.articles.get(id)?.headline ?? []).join(' / '),
    date: edition.date,
    lang: 'en-GB',
    ...sourceDate(),
  };
  const files = new Map<string, Buffer | string>();
  // The photos as the press takes them: cut, resampled and converted through the plant's profile.
  const printImages = await printRenditions(layout, images, plant, cache);
  clock.lap(`print photos (${cache.misses.get(PRINT_PHOTO) ?? 0} made, ${cache.hits.get(PRINT_PHOTO) ?? 0} from the cache)`);
  // The plant files: the whole edition, and one PDF a page named as the plant asks.
  const plantFile = await writePdf(layout, fonts, images, meta, { plant, printImages, adverts });
  files.set(`print/${edition.slug}.pdf`, plantFile);
  clock.lap('plant file');
  // The build checks its own plant file as the plant will (findings in the report).
  const checked = await preflightPdf(new Uint8Array(plantFile), `print/${edition.slug}.pdf`, plant);
  clock.lap('preflight of the plant file');
  const code = publicationCode(edition.publication);
  for (const page of layout.pages) {
    files.set(plantPagePath(edition, plant, page), await writePdf(layout, fonts, images, { ...meta, title: `${meta.title}, page ${page.number}` }, { plant, printImages, adverts, pages: [page.number] }));
  }
  if (opts.proof) {
    const slugFont = opts.templates.styles.families['head']?.regular ?? [...fonts.keys()][0]!;
    const slug = (page: Page) => `${edition.publication.name} · ${edition.date} · page ${page.number} of ${layout.pages.length}${page.section ? ` · ${page.section}` : ''} · plate ${code}-${edition.date.replace(/-/g, '')}-${String(page.number).padStart(2, '0')} · proof, not for press`;
    files.set(`proof/${edition.slug}-proof.pdf`, await writePdf(layout, fonts, images, { ...meta, title: `${meta.title} (proof)` }, { plant, printImages, adverts, proof: { slug, font: slugFont } }));
  }
  // The print files go into the staging folder while the e-edition's last pages are made.
  staged.write(files);
  clock.lap(opts.proof ? 'page files and proof' : 'page files');
  // The e-edition, from the same frames: its pages are written; its own files (manifests, articles, viewer) follow.
  const ee = await eEditionOf(eEdition, staged);
  clock.lap(`e-edition (waiting for its pages, ${cache.misses.get(EEDITION_PAGE) ?? 0} made and ${cache.hits.get(EEDITION_PAGE) ?? 0} from the cache, then articles and manifests)`);
  const rest = new Map<string, Buffer | string>();
  // The issue's METS, now that the plant files it lists are made (before the e-edition's manifest, which goes last).
  const pdf = (path: string) => under('../', archiveFile(path, 'application/pdf', files.get(path) as Buffer));
  rest.set('e-edition/mets.xml', issueMets(edition, layout.pages, ee, pdf(`print/${edition.slug}.pdf`), (page) => pdf(plantPagePath(edition, plant, page))));
  for (const [k, v] of ee.files) rest.set(`e-edition/${k}`, v);
  const replaced = replacedEdition(staged.dir, edition);
  const warnings = [...(replaced ? [replaced] : []), ...layout.warnings, ...ee.warnings, ...checked.findings.map((f) => preflightDiagnostic(f, checked.file)), ...cache.notes];
  rest.set('report.json', JSON.stringify({ ...report(edition, plant, layout, warnings), preflight: preflightSummary(checked, plant) }, null, 2) + '\n');
  // 5. The rest, then the swap into place.
  staged.write(rest);
  staged.commit();
  cache.prune();
  const all = [...files.keys(), ...ee.written.map((k) => `e-edition/${k}`), ...rest.keys()];
  clock.lap(`writing the e-edition's own files and report (${all.length} files in all)`);
  return { dir: staged.dir, files: all, layout, warnings, timings: clock.timings, cache: { hits: cache.hits, misses: cache.misses } };
}

/**
 * A warning when the output folder holds this paper and date built from another edition file (a late edition kept
 * as a copy, two desks' files): the build replaces it, as asked, and says so in the report and on the terminal. The
 * files are compared by real path when the earlier one is still there from here, else by name. Built from article
 * files (no edition file), either way, counts as another source.
 */
function replacedEdition(dir: string, edition: Edition): Diagnostic | undefined {
  let before: unknown;
  try {
    before = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { edition?: { file?: unknown } }).edition?.file;
  } catch {
    return undefined;
  }
  if (before === undefined) return undefined;
  const now = edition.file ?? null;
  const real = (f: string) => {
    try {
      return realpathSync(resolve(f));
    } catch {
      return undefined;
    }
  };
  if (before === now) return undefined;
  if (typeof before === 'string' && now !== null) {
    const [a, b] = [real(before), real(now)];
    if (a !== undefined ? a === b : basename(before) === basename(now)) return undefined;
  }
  const source = (f: unknown) => (typeof f === 'string' ? f : 'article files');
  return {
    severity: 'warning',
    code: 'output/replaced',
    message: `${displayPath(dir)}/ held ${edition.publication.name} of ${edition.date} built from ${source(before)}: this build from ${source(now)} replaces it`,
    ...(now !== null ? { span: { file: now, line: 1, col: 1 } } : {}),
    hints: ['two edition files of one paper and date write one folder: build them into different --out folders to keep both'],
  };
}

/** The e-edition's files, once its pages are done; a page that could not be written is the output's error. */
async function eEditionOf(eEdition: Promise<EEdition>, staged: StagedFolder): Promise<EEdition> {
  try {
    return await eEdition;
  } catch (e) {
    // A worker thread's file-system error comes back as an Error whose message starts with the code (ENOSPC: …).
    const code = /^(E[A-Z]+):/.exec((e as Error).message ?? '')?.[1];
    if (code) {
      staged.abort();
      outputError(staged.dir, Object.assign(new Error((e as Error).message), { code, syscall: 'write' }));
    }
    throw e;
  }
}

/**
 * Rebuilds only the e-edition of an edition already built into `outDir` (the same inputs, laid out again), and
 * swaps the new `e-edition/` folder in whole; the print files and report stay as they are.
 */
export async function rebuildEEdition(opts: BuildOptions): Promise<BuildResult> {
  const dir = join(opts.outDir, opts.edition.slug);
  if (!existsSync(dir)) {
    fail('build/no-build', `no build of ${opts.edition.publication.name}, ${opts.edition.date} in ${dir}`, undefined, ['run newsprint build first; e-edition rebuilds the e-edition of an existing build']);
  }
  const staged = StagedFolder.open(join(dir, 'e-edition'));
  try {
    return await withEEdition(opts, staged.path, async (prepared, eEdition, clock, cache) => {
      const ee = await eEditionOf(eEdition, staged);
      clock.lap(`e-edition (waiting for its pages, ${cache.misses.get(EEDITION_PAGE) ?? 0} made and ${cache.hits.get(EEDITION_PAGE) ?? 0} from the cache, then articles and manifests)`);
      // The METS lists the plant files the build wrote, as they are on disk.
      const { edition, plant, layout } = prepared;
      const pdf = (path: string, what: string) => {
        const file = join(dir, path);
        if (!existsSync(file)) {
          fail('build/no-plant-file', `${file}: ${what} is not there: the e-edition's METS lists the plant files with their checksums`, undefined, ['run newsprint build to make the plant files and the e-edition together (with the same edition file and --plant)']);
        }
        return under('../', archiveFile(path, 'application/pdf', readFileSync(file)));
      };
      const mets = issueMets(edition, layout.pages, ee, pdf(`print/${edition.slug}.pdf`, 'the plant file of the edition'), (page) => pdf(plantPagePath(edition, plant, page), `the plant file of page ${page.number}`));
      staged.write(new Map<string, Buffer | string>([['mets.xml', mets], ...ee.files]));
      staged.commit();
      clock.lap(`writing the e-edition's own files (${ee.written.length + ee.files.size + 1} files in all)`);
      cache.prune();
      const warnings = [...prepared.layout.warnings, ...ee.warnings, ...cache.notes];
      return { dir, files: [...ee.written, 'mets.xml', ...ee.files.keys()].map((k) => `e-edition/${k}`), layout: prepared.layout, warnings, timings: clock.timings, cache: { hits: cache.hits, misses: cache.misses } };
    });
  } finally {
    staged.abort();
  }
}

/** Where the plant file of a page goes in the build, named as the plant asks (`print/pages/WXC_20261126_P01.pdf`). */
function plantPagePath(edition: Edition, plant: PlantProfile, page: Page): string {
  const name = pageFileName(plant.fileName, { code: publicationCode(edition.publication), date: edition.date, page: page.number, ...(page.section ? { section: page.section } : {}) });
  return `print/pages/${name}`;
}

/**
 * The issue's METS (docs/archive.md): the e-edition's page images and ALTO, and the plant's PDFs (`editionPdf`, and
 * `pagePdf` of each page), each with its checksum and its path from e-edition/mets.xml; the issue described by the
 * edition (the paper's name is its publisher too); its articles by their copy.
 */
function issueMets(edition: Edition, pages: readonly Page[], ee: EEdition, editionPdf: ArchiveFile, pagePdf: (page: Page) => ArchiveFile): string {
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  return metsDocument({
    issue: {
      id: edition.slug,
      title: edition.publication.name,
      date: edition.date,
      dateLong: longDate(edition.date) ?? edition.date,
      ...(edition.issue !== undefined ? { issue: edition.issue } : {}),
      publisher: edition.publication.name,
    },
    pages: ee.archive.map((a) => ({ ...a, pdf: pagePdf(byNumber.get(a.number)!) })),
    editionPdf,
    articles: new Map([...edition.articles].map(([id, a]) => [id, { headline: a.headline, ...(a.byline ? { byline: a.byline.name } : {}) }])),
  });
}

function report(edition: Edition, plant: PlantProfile, layout: EditionLayout, warnings: readonly Diagnostic[]) {
  return {
    version: 1,
    edition: { publication: edition.publication.name, date: edition.date, issue: edition.issue ?? null, file: edition.file ?? null },
    plant: { name: plant.name, file: plant.file, pdfx: plant.pdfx, outputCondition: plant.outputCondition.identifier },
    pages: layout.pages.map((p) => {
      const c = layout.compositions?.find((k) => k.page === p.number);
      return { number: p.number, section: p.section ?? null, articles: p.articles, ...(c ? { composition: compositionReport(c) } : {}) };
    }),
    // The overmatter no page took, in priority order, with its word counts: for the next edition.
    heldOver: (layout.heldOver ?? []).map((h) => ({ article: h.article, section: h.section ?? null, words: h.words })),
    findings: warnings.map((w) => ({
      severity: w.severity,
      code: w.code,
      message: w.message,
      where: w.span ? formatSpan(w.span) : null,
      hints: w.hints ?? [],
    })),
  };
}

/**
 * Every booked advert through our own preflight against its booking on the plant (checkAdvert): an error — the wrong
 * size, RGB in a PDF, fonts not embedded, too much ink — stops the build naming the file, the booking and where it was
 * booked; warnings (an RGB picture that will be converted) go to the report.
 */
async function preflightAdverts(ads: readonly AdvertRequest[], plant: PlantProfile): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const ad of ads) {
    const key = `${ad.file}|${ad.columns}|${ad.depth.toFixed(3)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const booking = { columns: ad.columns, depth: ad.depth, text: bookingText(ad) };
    const r = await checkAdvert(new Uint8Array(readFileSync(ad.file)), ad.file, booking, plant);
    for (const f of r.findings) {
      const d: Diagnostic = { severity: f.severity === 'error' ? 'error' : 'warning', code: f.code, message: `advert ${ad.file} (booked ${booking.text}): ${f.page !== undefined ? `page ${f.page}: ` : ''}${f.message}`, span: ad.src };
      (f.severity === 'error' ? errors : out).push(d);
    }
  }
  if (errors.length > 0) throw new UserError(errors);
  return out;
}

/** What the report says of a composed page: its news hole and how full it is, what went where, what broke a rule. */
export function compositionReport(c: PageComposition) {
  const share = (rows: number) => (c.holeRows > 0 ? Math.round((1000 * rows) / c.holeRows) / 10 : 0);
  return {
    newsHoleCm2: Math.round(c.holeCm2),
    copyPercent: share(c.holeRows - c.promoRows - c.whiteRows),
    promoPercent: share(c.promoRows),
    whitePercent: share(c.whiteRows),
    largestWhiteCm2: Math.round(c.largestWhiteCm2 * 10) / 10,
    stories: c.placed,
    fromOvermatter: c.overmatter ?? [],
    jumped: c.jumped,
    continued: c.continued,
    trimmed: c.trimmed,
    // The house adverts or promos placed as filler (at most one a page, by the rules): which, and their area.
    fillers: (c.fillers ?? []).map((f) => ({ heading: f.heading, areaCm2: Math.round(((f.w * f.h) / (72 / 2.54) ** 2) * 10) / 10 })),
    adverts: c.adverts,
    faults: c.faults,
  };
}

/** The page template that pads an edition to the plant's page multiple. */
const HOUSE_AD = 'house-ad';

/**
 * Pads the edition with house-advert pages at the end until its page count is a multiple of the plant's (a web press
 * prints sections of 4, 8…), with a warning naming the pages added; without a house-ad template it only warns.
 */
function padToMultiple(edition: Edition, plant: PlantProfile, canPad: boolean): { edition: Edition; warnings: Diagnostic[] } {
  const n = edition.pages.length;
  const short = (plant.pageMultiple - (n % plant.pageMultiple)) % plant.pageMultiple;
  if (short === 0) return { edition, warnings: [] };
  const span = edition.file ? { file: edition.file, line: 1, col: 1 } : undefined;
  const what = `the edition has ${n} page${n === 1 ? '' : 's'} and plant “${plant.name}” prints in multiples of ${plant.pageMultiple}`;
  if (!canPad) {
    return { edition, warnings: [{ severity: 'warning', code: 'plant/page-count', message: `${what}; the template set has no ${HOUSE_AD} page to pad it`, ...(span ? { span } : {}), hints: ['add pages, or a templates/<set>/pages/house-ad.hbs'] }] };
  }
  const added: EditionPage[] = Array.from({ length: short }, () => ({ template: HOUSE_AD, section: 'Advertisement', stories: [], src: span ?? { file: '(plant padding)', line: 1, col: 1 } }));
  const numbers = added.map((_, i) => n + i + 1);
  return {
    edition: { ...edition, pages: [...edition.pages, ...added] },
    warnings: [{ severity: 'warning', code: 'plant/padded', message: `${what}: added house-advert page${short === 1 ? '' : 's'} ${numbers.join(', ')}`, ...(span ? { span } : {}), hints: ['add or remove pages to fill the section with copy'] }],
  };
}

/**
 * SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) as the PDFs' dates; without it they are
 * the edition's date. Either way the same inputs give the same bytes.
 */
function sourceDate(): { created?: Date } {
  const raw = process.env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return {};
  if (!/^\d{1,12}$/.test(raw)) fail('build/source-date-epoch', `SOURCE_DATE_EPOCH must be whole seconds since 1970 (found “${raw}”)`);
  return { created: new Date(Number(raw) * 1000) };
}

/** The cache's kind for print photos, and the version of what printImage makes: raise it when its bytes change. */
const PRINT_PHOTO = 'print-photo';
const PRINT_PHOTO_FORMAT = '1';

/**
 * The print rendition of every placed photo, by its frame item. Layout has already reported a photo below the
 * plant's minimum resolution, with the copy line that placed it, so that warning is not repeated here. Each one is
 * taken from the build cache when it holds it, by everything its bytes depend on: the photo's bytes, the crop and
 * size, the plant's ICC profile's bytes, ink limit and resolutions, and the versions of printImage and libvips. Those
 * to make are made two at a time (sharp's own threads do the rest), and the result is the same whatever the order.
 */
async function printRenditions(layout: EditionLayout, images: ImageSet, plant: PlantProfile, cache: BuildCache): Promise<Map<FrameItem, { data: Buffer }>> {
  const { versions } = (await import('sharp')).default;
  const profile = cacheKey(readFileSync(plant.outputCondition.profile));
  const setting = JSON.stringify({ totalInk: plant.totalInk, images: plant.images, vips: versions.vips, format: PRINT_PHOTO_FORMAT });
  const photoHash = new Map<string, string>();
  // The same photo with the same crop at the same size (a picture used twice) is converted once.
  const wanted = new Map<string, { asset: ImageAsset; item: FrameItem & { kind: 'image' } }>();
  const keyOf = new Map<FrameItem, string>();
  for (const page of layout.pages) {
    for (const item of page.frame.items) {
      if (item.kind !== 'image') continue;
      const asset = images.get(item.image);
      if (!asset) throw new Error(`image ${item.image} not loaded`);
      let hash = photoHash.get(item.image);
      if (hash === undefined) photoHash.set(item.image, (hash = cacheKey(asset.data)));
      const key = cacheKey(PRINT_PHOTO, hash, JSON.stringify([item.crop, item.w, item.h]), profile, setting);
      keyOf.set(item, key);
      if (!wanted.has(key)) wanted.set(key, { asset, item });
    }
  }
  const made = new Map<string, { data: Buffer }>();
  const todo = [...wanted];
  const next = async (): Promise<void> => {
    for (let job = todo.shift(); job; job = todo.shift()) {
      const [key, { asset, item }] = job;
      const kept = cache.get(PRINT_PHOTO, key);
      if (kept) {
        made.set(key, { data: kept });
        continue;
      }
      // A photo that cannot be decoded is an error at the copy line that placed it.
      const { image } = await printImage(asset, { widthPt: item.w, heightPt: item.h, crop: item.crop }, plant, asset.src);
      cache.put(PRINT_PHOTO, key, image.data);
      made.set(key, { data: image.data });
    }
  };
  await Promise.all([next(), next()]);
  const out = new Map<FrameItem, { data: Buffer }>();
  for (const [item, key] of keyOf) out.set(item, made.get(key)!);
  return out;
}

/**
 * The e-edition's published address, ending with “/”: the option, else the edition file's base-url, else
 * `<publication url>/e-edition/<edition slug>/`, else a local address (IIIF needs absolute ids; the viewer itself
 * works from any folder).
 */
function baseUrlOf(edition: Edition, given?: string): string {
  const raw = given ?? edition.baseUrl ?? (edition.publication.url ? `${edition.publication.url.replace(/\/+$/, '')}/e-edition/${edition.slug}/` : `http://localhost:8000/${edition.slug}/e-edition/`);
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** A preflight finding as a build diagnostic: the plant file and the page and place in the message. */
function preflightDiagnostic(f: Finding, file: string): Diagnostic {
  const line = formatFinding(f, file).slice(file.length + 2).replace(/ \[[^\]]+\]$/, '');
  return { severity: f.severity, code: f.code, message: `${file}: ${line.replace(/^(?:(page [^:]+): )?(?:error|warning): /, (_, page?: string) => (page ? `${page}: ` : ''))}` };
}

/** The preflight section of report.json. */
function preflightSummary(r: PreflightResult, plant: PlantProfile) {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  return { plant: plant.name, file: r.file, pdfx: r.pdfx ?? null, pages: r.pages, errors, warnings: r.findings.length - errors, findings: r.findings };
}
