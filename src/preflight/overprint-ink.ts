// Total ink where overprinting objects stack, as the press lays it down: pages where it could pass the plant's limit are
// rendered to separations by Ghostscript (run as a program of its own, only if it is installed) and the plates summed.
//
// The object-by-object ink check (index.ts, images.ts) sees each fill, stroke, text and image alone. That is what the
// press prints wherever nothing overprints: a knockout object replaces what is under it. An overprinting object puts
// its inks on top of what is there, so two fills of 160 % each can stack to 320 %. Two steps:
//
// 1. `stackingRegions` (no rendering): for each overprinting object, the most each plate can get where its bounding box
//    meets the objects painted before it (each one's most per plate, whatever the overprint mode), summed over the
//    plates. What is painted after it either knocks it out or overprints and is looked at in turn, so the last
//    overprinting object over any point bounds the ink there. Where the bound is within the limit nothing is rendered:
//    black text overprinting paper or a light tint, most of a news page, costs nothing.
// 2. `overprintIssues`: the pages with such regions are rendered in one Ghostscript run with the `tiffsep` device,
//    which keeps one 8-bit plate per ink (process and spot) and honours overprint, with anti-aliasing and image
//    interpolation so that each pixel is the mean ink over its square. At RENDER_DPI a pixel is 2 × 2 of the 150 dpi
//    cells images.ts looks at: a pixel above the limit has a cell above it (the heaviest of four is at least their
//    mean), so nothing is reported that the cell rule would pass, and a stack smaller than about 0.7 mm square may be
//    missed; at half the resolution the render costs about half (0.3 s a tabloid page, against 0.6 s at 150 dpi).
//    Within the regions, the heaviest pixel above the limit is reported; registration colour outside the trim (equal
//    on every plate) is excepted, as index.ts excepts it.
//
// Ghostscript is AGPL: it is never a dependency of ours, nor linked; it is run as a separate program when `gs` is on
// the PATH. Without it (or when it fails) there is one warning saying what was not checked.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PlantProfile } from '../plant/profile.js';
import { totalInk, type Ink } from './colour.js';
import { INK_DPI } from './images.js';
import type { Mark } from './interpret.js';
import type { Issue } from './issue.js';
import type { Point } from './matrix.js';
import type { Rect } from './objects.js';

/** Side of the cells marks are filed in to find those that meet, points (half an inch: a few lines of body text). */
const GRID = 36;
/** A mark more cells across or down than this is looked at against every overprinting mark rather than filed. */
const BIG = 32;
/** Slack on the bound, per cent: colours in a PDF are exact, so only rounding (as index.ts allows for vector ink). */
const BOUND_SLACK = 0.5;
/** Slack on the rendered ink, per cent: 8-bit plates round by up to 0.2 % each; as images.ts allows for pixels. */
const RENDER_SLACK = 2;
/** Render resolution, dpi: half INK_DPI (see step 2 above). */
export const RENDER_DPI = INK_DPI / 2;

const PROCESS = ['c', 'm', 'y', 'k'] as const;
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The boxes of the overprinting marks of a page whose inks could stack above `limit` per cent with what they meet
 * (step 1 above). Empty when nothing overprints, or nothing that overprints can pass the limit.
 */
export function stackingRegions(marks: readonly Mark[], limit: number): Rect[] {
  if (!marks.some((m) => m.overprint && totalInk(m.plates) > 0)) return [];
  // File every mark in the grid cells its box covers; unbounded and very large ones are met by everything.
  const cells = new Map<number, number[]>();
  const key = (x: number, y: number) => (x + 32768) * 65536 + (y + 32768);
  const everywhere: number[] = [];
  const span = (a: number, b: number) => [Math.floor(a / GRID), Math.floor(b / GRID)] as const;
  marks.forEach((m, i) => {
    const [cx0, cx1] = span(m.box.x0, m.box.x1);
    const [cy0, cy1] = span(m.box.y0, m.box.y1);
    if (!Number.isFinite(cx0 + cx1 + cy0 + cy1) || cx1 - cx0 > BIG || cy1 - cy0 > BIG) {
      everywhere.push(i);
      return;
    }
    for (let x = cx0; x <= cx1; x++) for (let y = cy0; y <= cy1; y++) {
      const list = cells.get(key(x, y));
      if (list) list.push(i);
      else cells.set(key(x, y), [i]);
    }
  });
  const seen = new Int32Array(marks.length).fill(-1);
  const regions: Rect[] = [];
  marks.forEach((o, n) => {
    if (!o.overprint || totalInk(o.plates) === 0) return;
    const most: { -readonly [K in keyof Ink]: number } = { ...o.plates };
    // Only what was painted before can be under it: what is painted after either knocks it out or is checked itself.
    const meet = (i: number) => {
      if (i >= n || seen[i] === n) return;
      seen[i] = n;
      const m = marks[i]!;
      if (!overlaps(m.box, o.box)) return;
      for (const p of PROCESS) most[p] = Math.max(most[p], m.plates[p]);
      // Spot inks are one figure for all of them: two different spots add up.
      most.spot += m.plates.spot;
    };
    everywhere.forEach(meet);
    const [cx0, cx1] = span(o.box.x0, o.box.x1);
    const [cy0, cy1] = span(o.box.y0, o.box.y1);
    if (Number.isFinite(cx0 + cx1 + cy0 + cy1) && cx1 - cx0 <= BIG && cy1 - cy0 <= BIG) {
      for (let x = cx0; x <= cx1; x++) for (let y = cy0; y <= cy1; y++) cells.get(key(x, y))?.forEach(meet);
    } else for (let i = 0; i < n; i++) meet(i);
    if (totalInk(most) > limit + BOUND_SLACK) regions.push(o.box);
  });
  return regions;
}

/** A page to render: its number (from 1), boxes and /Rotate, and the regions where overprinting objects may stack. */
export interface StackingPage {
  readonly page: number;
  readonly media: Rect;
  readonly trim?: Rect;
  /** /Rotate, degrees clockwise (Ghostscript renders the page turned). */
  readonly rotate: number;
  readonly regions: readonly Rect[];
}

export interface StackingOptions {
  /** The Ghostscript program (default `gs`, looked up on the PATH). */
  readonly gs?: string;
  /** Render resolution, dpi (default RENDER_DPI). */
  readonly dpi?: number;
}

/** What the render found: findings by page number, and a document-wide warning when it could not be run. */
export interface StackingResult {
  readonly pages: Map<number, Issue[]>;
  readonly document: Issue[];
}

/** Renders the pages (step 2 above) and reports, for each, its heaviest stacked cell above the plant's total ink. */
export async function overprintIssues(pdf: Uint8Array, pages: readonly StackingPage[], plant: PlantProfile, o: StackingOptions = {}): Promise<StackingResult> {
  const result: StackingResult = { pages: new Map(), document: [] };
  if (pages.length === 0) return result;
  const dpi = o.dpi ?? RENDER_DPI;
  const dir = await mkdtemp(join(tmpdir(), 'newsprint-overprint-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf);
    const args = [
      '-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-dPrinted', '-sDEVICE=tiffsep', '-dOverprint=/simulate', `-r${dpi}`,
      '-dGraphicsAlphaBits=4', '-dTextAlphaBits=4', '-dDOINTERPOLATE', '-sCompression=none', `-sPageList=${pages.map((p) => p.page).join(',')}`,
      '-sOutputFile=' + join(dir, 'p%d.tif'), input,
    ];
    // Generous: a loaded machine renders a tabloid page in a second or two; a file that hangs Ghostscript is stopped.
    const failure = await run(o.gs ?? 'gs', args, 60_000 + 15_000 * pages.length);
    if (failure) {
      result.document.push({ severity: 'warning', code: 'preflight/ink-overprint-unchecked', message: `${failure}: total ink where overprinting objects stack was not checked${failure.startsWith('Ghostscript (gs) is not installed') ? '; apt-get install ghostscript' : ''}` });
      return result;
    }
    const files = await readdir(dir);
    for (const [i, page] of pages.entries()) {
      const plates = files.filter((f) => f.startsWith(`p${i + 1}(`) && f.endsWith(').tif'));
      if (plates.length === 0) {
        result.document.push({ severity: 'warning', code: 'preflight/ink-overprint-unchecked', message: `Ghostscript wrote no separations of page ${page.page}: total ink where overprinting objects stack was not checked there` });
        continue;
      }
      try {
        const issue = await heaviestStack(plates.map((f) => join(dir, f)), page, dpi, plant.totalInk);
        if (issue) result.pages.set(page.page, [issue]);
      } catch (e) {
        result.document.push({ severity: 'warning', code: 'preflight/ink-overprint-unchecked', message: `Ghostscript's separations of page ${page.page} could not be read (${(e as Error).message}): total ink where overprinting objects stack was not checked there` });
      }
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a program; undefined when it succeeded, else why not, in a few words. */
function run(cmd: string, args: readonly string[], timeout: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout, maxBuffer: 16 << 20 }, (err, _stdout, stderr) => {
      if (!err) return resolve(undefined);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return resolve('Ghostscript (gs) is not installed');
      const why = err.killed ? `stopped after ${Math.round(timeout / 1000)} s` : (String(stderr).trim().split('\n')[0] || err.message).slice(0, 200);
      resolve(`Ghostscript failed (${why})`);
    });
  });
}

/** The heaviest cell within the page's regions from its separations, as an issue if it is above the limit. */
async function heaviestStack(files: readonly string[], page: StackingPage, dpi: number, limit: number): Promise<Issue | undefined> {
  if (files.length === 0) return undefined;
  const plates: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (const f of files) {
    // Each separation is a grey image: 255 is no ink, 0 is solid.
    const { data, info } = await sharp(f, { limitInputPixels: false }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    if (plates.length && (info.width !== width || info.height !== height)) throw new Error(`Ghostscript's separations of page ${page.page} differ in size`);
    plates.push(data);
    width = info.width;
    height = info.height;
  }
  const view = viewOf(page, dpi / 72);
  const mask = new Uint8Array(width * height);
  const { media } = page;
  for (const whole of page.regions) {
    // An unbounded region (a shading painted with `sh`) is the page.
    const r = { x0: Math.max(whole.x0, media.x0), y0: Math.max(whole.y0, media.y0), x1: Math.min(whole.x1, media.x1), y1: Math.min(whole.y1, media.y1) };
    if (!(r.x1 > r.x0 && r.y1 > r.y0)) continue;
    const corners = [view.toPixel({ x: r.x0, y: r.y0 }), view.toPixel({ x: r.x1, y: r.y1 }), view.toPixel({ x: r.x0, y: r.y1 }), view.toPixel({ x: r.x1, y: r.y0 })];
    const px0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))));
    const px1 = Math.min(width, Math.ceil(Math.max(...corners.map((c) => c.x))));
    const py0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))));
    const py1 = Math.min(height, Math.ceil(Math.max(...corners.map((c) => c.y))));
    for (let y = py0; y < py1; y++) mask.fill(1, y * width + px0, y * width + Math.max(px0, px1));
  }
  const trim = page.trim;
  let best = -1;
  let bestAt = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    let sum = 0;
    let equal = true;
    const first = plates[0]![i]!;
    for (const p of plates) {
      const v = p[i]!;
      sum += 255 - v;
      if (v !== first) equal = false;
    }
    if (sum <= best) continue;
    // Registration colour (the same on every plate) outside the trim is the marks' business, not the page's.
    if (equal && first < 255 && trim) {
      const at = view.toPage(i % width, Math.floor(i / width));
      if (at.x < trim.x0 || at.x > trim.x1 || at.y < trim.y0 || at.y > trim.y1) continue;
    }
    best = sum;
    bestAt = i;
  }
  const ink = (best / 255) * 100;
  if (!(ink > limit + RENDER_SLACK)) return undefined;
  const at = view.toPage(bestAt % width, Math.floor(bestAt / width));
  return {
    severity: 'error',
    code: 'preflight/ink-overprint',
    message: `${Math.round(ink)} % total ink where overprinting objects stack (Ghostscript separations at ${dpi} dpi), above the plant's ${limit} %: each object alone is within it, but the press lays them one on another`,
    at,
  };
}

/**
 * Page space (points, y up) to and from the rendered image's pixels (x across, y down from the top left): the MediaBox
 * turned clockwise by /Rotate as Ghostscript renders it, `s` pixels a point.
 */
function viewOf(page: StackingPage, s: number) {
  const { x0, y0, x1, y1 } = page.media;
  const w = x1 - x0;
  const h = y1 - y0;
  const r = (((Math.round(page.rotate / 90) * 90) % 360) + 360) % 360;
  return {
    toPixel(p: Point): Point {
      const u = p.x - x0;
      const v = y1 - p.y;
      const [a, b] = r === 90 ? [h - v, u] : r === 180 ? [w - u, h - v] : r === 270 ? [v, w - u] : [u, v];
      return { x: a * s, y: b * s };
    },
    /** The centre of pixel (px, py) on the page. */
    toPage(px: number, py: number): Point {
      const a = (px + 0.5) / s;
      const b = (py + 0.5) / s;
      return r === 90 ? { x: x0 + b, y: y0 + a } : r === 180 ? { x: x1 - a, y: y0 + b } : r === 270 ? { x: x1 - b, y: y1 - a } : { x: x0 + a, y: y1 - b };
    },
  };
}
