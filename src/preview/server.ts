// newsprint preview: a local web server that shows the edition's pages as they print, and lays them out again whenever an input changes.
import { createHash } from 'node:crypto';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, resolve } from 'node:path';
import sharp from 'sharp';
import type { Article, Diagnostic, Edition, Page } from '../core/index.js';
import { formatDiagnostic, formatSpan, UserError } from '../core/index.js';
import { buildEEdition } from '../export/eedition/index.js';
import { writePdf } from '../export/pdf/index.js';
import { rasterisePage } from '../export/raster/index.js';
import { layoutCache, typeArea } from '../layout/index.js';
import { loadPlant, plantGeometry } from '../plant/index.js';
import { buildEdition, editionFromArticles, editionFromFile, prepare, type Prepared } from '../publish/index.js';
import { loadTemplateSet } from '../template/index.js';
import { previewHtml } from './client.js';

export interface PreviewOptions {
  /** An edition file, or article files. */
  readonly files: readonly string[];
  readonly template: string;
  readonly templatesDir: string;
  readonly fontsDir: string;
  readonly plant: string;
  readonly port: number;
  readonly host: string;
  /** Where the Build button (and `build`) writes the full build. */
  readonly outDir: string;
  /** Also write the full build to `outDir` after every good layout. */
  readonly build?: boolean;
  /** Lines for the terminal: rebuilds, errors. */
  readonly log: (line: string) => void;
}

export interface Preview {
  readonly url: string;
  /** The revision shown (1 after the first layout; +1 for each good layout). */
  revision(): number;
  /** Lays out again now (what a file change does, after a short pause). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Screen resolution of the page images: 2 pixels a point, sharp on a high-density screen at page width. */
const PX_PER_PT = 2;
/** A save often touches a file several times: wait this long after the last change before laying out. */
const SETTLE_MS = 40;

interface Shown {
  readonly revision: number;
  readonly prepared: Prepared;
  readonly edition: Edition;
  readonly images: Map<number, { key: string; data: Buffer }>;
  readonly state: object;
  /** The e-edition of this revision, made when first asked for: its files by path. */
  eEdition?: Promise<Map<string, Buffer | string>>;
}

/** Content types of the e-edition's files. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the preview: lays the edition out, serves it on `host:port` (127.0.0.1 unless told otherwise), and watches
 * every input — articles, the edition file, templates and styles, fonts, the plant profile — laying out again on a
 * change and pushing the new pages to every open browser (server-sent events). Only pages whose frames changed are
 * drawn again. A broken input keeps the last good pages on screen with the error over them, in the terminal too.
 * The server answers its own routes only: anything else, a path outside them included, is 404.
 */
export async function startPreview(o: PreviewOptions): Promise<Preview> {
  let shown: Shown | undefined;
  let error: { message: string; where: string | null } | null = null;
  let revision = 0;
  const cache = layoutCache();
  const clients = new Set<ServerResponse>();
  const push = (event: string, data: object) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const layOut = async (): Promise<void> => {
    const started = performance.now();
    try {
      const editionFile = o.files.find((f) => ['.yaml', '.yml'].includes(extname(f).toLowerCase()));
      const edition = editionFile ? editionFromFile(editionFile) : editionFromArticles(o.files);
      const templates = loadTemplateSet(o.template, o.templatesDir);
      const plant = loadPlant(o.plant);
      const prepared = await prepare({ edition, templates, fontsDir: o.fontsDir, outDir: o.outDir, plant, layoutCache: cache, allowOverset: true });
      // Only pages whose frames changed are drawn again, all at once (their photo and encoding work overlaps).
      const drawn = await Promise.all(
        prepared.layout.pages.map(async (page) => {
          const key = frameKey(page);
          const before = shown?.images.get(page.number);
          return [page.number, before && before.key === key ? before : { key, data: await pageImage(page, prepared) }] as const;
        }),
      );
      const images = new Map<number, { key: string; data: Buffer }>(drawn);
      revision++;
      shown = { revision, prepared, edition: prepared.edition, images, state: stateOf(prepared, revision) };
      const wasError = error !== null;
      error = null;
      push('update', { revision });
      const n = prepared.layout.pages.length;
      o.log(`newsprint preview: ${cache.laidOut === n ? `laid out ${n} pages` : `laid out ${cache.laidOut} of ${n} pages again`} in ${Math.round(performance.now() - started)} ms (revision ${revision})${wasError ? '; the error is fixed' : ''}`);
      if (o.build) {
        const r = await buildEdition({ edition, templates, fontsDir: o.fontsDir, outDir: o.outDir, plant });
        o.log(`newsprint preview: wrote the full build to ${r.dir}`);
      }
    } catch (e) {
      error = errorOf(e);
      push('failed', error);
      o.log(`newsprint preview: ${error.where ? `${error.where}: ` : ''}error: ${error.message} (the last good pages stay on screen)`);
      if (!(e instanceof UserError) && !(e instanceof Error && /^E[A-Z]+/.test((e as NodeJS.ErrnoException).code ?? ''))) o.log(String((e as Error).stack ?? e));
    }
  };

  await layOut();

  // Watch the folders that hold the inputs (editors often save by writing a new file and renaming it).
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(layOut);
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of watchedDirs(o, shown)) {
    try {
      // In an input's own folder only the inputs count (not the output folder a build may write beside them).
      watchers.push(watch(dir.path, { recursive: dir.recursive }, (_, name) => (dir.recursive || !name || dir.names.has(String(name)) ? changed() : undefined)));
    } catch {
      // A folder that cannot be watched (gone): the others still are.
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String((e as Error).message));
    });
  });
  const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(o.host);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = routeOf(req.url ?? '/');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(body);
    };
    // On loopback, only requests addressed to this machine by name (no DNS rebinding from a web page), and no
    // build started by another site's page.
    if (loopbackOnly && !isLoopbackHost(req.headers.host)) return send(404, 'text/plain; charset=utf-8', 'Not found');
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin !== undefined && new URL(origin, 'http://invalid').host !== req.headers.host) return send(403, 'text/plain; charset=utf-8', 'Forbidden');
    if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', previewHtml());
    if (req.method === 'GET' && path === '/state.json') return send(200, 'application/json', JSON.stringify({ ...(shown?.state ?? { pages: [], warnings: [] }), error }));
    if (req.method === 'GET' && path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: hello\ndata: ${JSON.stringify({ revision })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const page = /^\/page\/(\d+)\.jpg$/.exec(path ?? '');
    if (req.method === 'GET' && page && shown?.images.has(Number(page[1]))) return send(200, 'image/jpeg', shown.images.get(Number(page[1]))!.data);
    if (req.method === 'GET' && path === '/print.pdf' && shown) {
      const p = shown.prepared;
      const pdf = await writePdf(p.layout, p.fonts, p.images, { title: `${p.edition.publication.name}, ${p.edition.date} (preview)`, date: p.edition.date }, { plant: p.plant });
      return send(200, 'application/pdf', pdf);
    }
    const ee = /^\/e-edition\/(.*)$/.exec(path ?? '');
    if (req.method === 'GET' && ee && shown) {
      const current = shown;
      current.eEdition ??= buildEEdition(current.edition, current.prepared.layout.pages, current.prepared.fonts, current.prepared.images, {
        baseUrl: new URL('e-edition/', `http://${req.headers.host ?? 'localhost'}/`).href,
        icc: current.prepared.plant.outputCondition.profile,
        formats: ['jpeg'],
      }).then((r) => r.files);
      const files = await current.eEdition;
      const file = ee[1] === '' ? 'index.html' : ee[1]!;
      const body = files.get(file);
      if (body !== undefined) return send(200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    }
    if (req.method === 'POST' && path === '/build' && shown) {
      const templates = loadTemplateSet(o.template, o.templatesDir);
      const r = await buildEdition({ edition: shown.edition, templates, fontsDir: o.fontsDir, outDir: o.outDir, plant: shown.prepared.plant });
      o.log(`newsprint preview: wrote ${r.dir}`);
      return send(200, 'application/json', JSON.stringify({ dir: r.dir, files: r.files.length }));
    }
    return send(404, 'text/plain; charset=utf-8', 'Not found');
  };
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(o.port, o.host, () => ok());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/`,
    revision: () => revision,
    refresh: () => (running = running.then(layOut)),
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** A Host header naming this machine: localhost, 127.0.0.1 or [::1], with any port. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.split(':')[0]!;
  return name === 'localhost' || name === '127.0.0.1' || name === '::1';
}

/** The route a request asks for: its path, percent-decoded once; anything odd (dots, backslashes, NULs) is no route. */
function routeOf(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, 'http://preview.invalid').pathname);
    if (/\.\.|\\|\0|\/\//.test(path)) return undefined;
    return path;
  } catch {
    return undefined;
  }
}

/** A page's frame as a key: pages whose frames are unchanged keep their image. */
const frameKeys = new WeakMap<Page, string>();
function frameKey(page: Page): string {
  // A page the layout cache gave back is the same object as before: its key is known without hashing its frame again.
  let key = frameKeys.get(page);
  if (key === undefined) frameKeys.set(page, (key = frameDigest(page)));
  return key;
}

/**
 * A digest of what a page draws: every item as JSON, except glyph runs, whose glyphs go in as numbers (a text page is
 * ten thousand glyphs: as JSON they cost the preview more time than drawing the page).
 */
function frameDigest(page: Page): string {
  const h = createHash('sha1');
  h.update(JSON.stringify({ ...page, frame: { ...page.frame, items: [] } }));
  for (const item of page.frame.items) {
    if (item.kind !== 'glyphs') {
      h.update(JSON.stringify(item));
      continue;
    }
    const { glyphs, ...run } = item;
    h.update(JSON.stringify(run));
    const nums = new Float64Array(glyphs.length * 3);
    glyphs.forEach((g, i) => {
      nums[3 * i] = g.id;
      nums[3 * i + 1] = g.x;
      nums[3 * i + 2] = g.dy;
    });
    h.update(new Uint8Array(nums.buffer));
  }
  return h.digest('hex');
}

async function pageImage(page: Page, p: Prepared): Promise<Buffer> {
  const { pixels, width, height } = await rasterisePage(page, p.fonts, p.images, PX_PER_PT * 72);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85, mozjpeg: false }).toBuffer();
}

/** What the page in the browser needs: pages with their grids, article zones and text, and the warnings. */
function stateOf(p: Prepared, revision: number): object {
  const geometry = plantGeometry(p.plant);
  const headlines = new Map([...p.edition.articles.values()].map((a) => [a.id, a.headline]));
  const zones = new Map<number, { article: string; headline: string; x: number; y: number; w: number; h: number }[]>();
  for (const page of p.layout.pages) {
    zones.set(page.number, page.frame.items.flatMap((i) => (i.kind === 'anchor' ? [{ article: i.article, headline: headlines.get(i.article) ?? i.article, x: i.x, y: i.y, w: i.w, h: i.h }] : [])));
  }
  // A warning about a story's copy is shown on the story's zone.
  const fileToArticle = new Map([...p.edition.articles.values()].map((a) => [resolve(a.file), a.id]));
  const warnings = p.layout.warnings.map((w: Diagnostic) => {
    const article = w.span ? fileToArticle.get(resolve(w.span.file)) : undefined;
    const page = article ? [...zones].find(([, zs]) => zs.some((z) => z.article === article))?.[0] : undefined;
    return { severity: w.severity, code: w.code, message: w.message, where: w.span ? formatSpan(w.span) : null, article: article ?? null, page: page ?? null, text: formatDiagnostic(w).split('\n')[0] };
  });
  return {
    revision,
    publication: p.edition.publication.name,
    date: p.edition.date,
    plant: { name: p.plant.name, bleed: p.plant.bleed },
    pages: p.layout.pages.map((page) => {
      const area = typeArea(geometry, page.number);
      return {
        number: page.number,
        section: page.section ?? null,
        width: page.width,
        height: page.height,
        image: `/page/${page.number}.jpg?r=${revision}`,
        area: { x: area.x, y: area.y, w: area.w, h: area.h, columns: area.columns, columnWidth: area.columnWidth, gutter: area.gutter, baseline: area.baseline },
        zones: zones.get(page.number) ?? [],
        text: page.frame.items.flatMap((i) => (i.kind === 'glyphs' && i.text.trim() ? [{ x: i.x, y: i.y, size: i.size, w: i.width, text: i.text }] : [])),
      };
    }),
    warnings,
  };
}

function errorOf(e: unknown): { message: string; where: string | null } {
  if (e instanceof UserError) {
    const d = e.diagnostics[0]!;
    return { message: d.message + (d.hints?.length ? ` (${d.hints.join('; ')})` : ''), where: d.span ? formatSpan(d.span) : null };
  }
  return { message: (e as Error).message ?? String(e), where: null };
}

/**
 * The folders to watch: those of the inputs and of the plant profile, flat and for those files' names only; the
 * template set and the fonts, whole trees.
 */
function watchedDirs(o: PreviewOptions, shown: Shown | undefined): { path: string; recursive: boolean; names: Set<string> }[] {
  const files = [...o.files.map((f) => resolve(f)), ...[...(shown?.edition.articles.values() ?? [])].flatMap((a) => [resolve(a.file), ...imagesOf(a)])];
  const plantFile = plantFileOf(o.plant);
  if (plantFile) files.push(plantFile);
  const flat = new Map<string, Set<string>>();
  for (const f of files) {
    const names = flat.get(dirname(f)) ?? new Set<string>();
    names.add(basename(f));
    flat.set(dirname(f), names);
  }
  const trees = new Set<string>([templateDirOf(o), resolve(o.fontsDir)].filter((d) => existsSync(d)));
  return [
    ...[...flat].filter(([d]) => existsSync(d) && statSync(d).isDirectory()).map(([path, names]) => ({ path, recursive: false, names })),
    ...[...trees].map((path) => ({ path, recursive: true, names: new Set<string>() })),
  ];
}

/** The photo files an article places. */
function imagesOf(a: Article): string[] {
  const refs = [a.leadImage, ...a.body.map((b) => (b.kind === 'image' ? b.image : undefined))];
  return refs.filter((r): r is NonNullable<typeof r> => !!r).map((r) => resolve(r.file));
}

function templateDirOf(o: PreviewOptions): string {
  return o.template.includes('/') || o.template.startsWith('.') ? resolve(o.template) : resolve(o.templatesDir, o.template);
}

function plantFileOf(plant: string): string | undefined {
  try {
    return resolve(loadPlant(plant).file);
  } catch {
    return undefined;
  }
}

