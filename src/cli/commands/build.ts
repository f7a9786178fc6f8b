// `newsprint build [FILE...]`: an edition file or article files → print PDF and e-edition images under output/.
import { extname, relative, resolve } from 'node:path';
import type { Diagnostic, PageComposition } from '../../core/index.js';
import type { BuildResult } from '../../publish/index.js';
import { fail, formatDiagnostic } from '../../core/index.js';
import { DEFAULT_TEMPLATE, FONTS_DIR, SAMPLE_EDITION, TEMPLATES_DIR } from '../paths.js';

export interface BuildArgs {
  readonly files: readonly string[];
  readonly out: string;
  readonly template: string;
  /** Plant profile: a name in plants/ or a file. */
  readonly plant: string;
  readonly proof: boolean;
  /** Copy that fits on no page is a warning instead of an error (proofs). */
  readonly allowOverset?: boolean;
  /** Take nothing from the build cache. */
  readonly clean?: boolean;
  /** Where the e-edition will be published (IIIF ids). */
  readonly baseUrl?: string;
  /** E-edition rendition formats. */
  readonly formats?: readonly ('jpeg' | 'webp')[];
  /** Threads for the e-edition's pages (default one per core). */
  readonly workers?: number;
  /** Print each stage's time. */
  readonly timings?: boolean;
  readonly quiet: boolean;
}

/** `e-edition` rebuilds only the e-edition of an existing build; `build` makes everything. */
export type BuildMode = 'build' | 'e-edition';

/** An edition file (YAML) rather than an article file. */
export const isEditionFile = (f: string) => ['.yaml', '.yml'].includes(extname(f).toLowerCase());

/**
 * Runs a build and reports on stderr; returns what was built (for `newsprint worker`, which runs this same code for
 * each queued edition). Throws UserError for bad input; the caller maps it to the exit code.
 */
export async function buildCommand(args: BuildArgs, mode: BuildMode = 'build'): Promise<BuildResult> {
  // The output folder first, before any work: a file, an unwritable folder or a missing drive is refused at once.
  const { checkOutputPath } = await import('../../publish/out-path.js');
  checkOutputPath(args.out, 'folder', '--out');
  // Heavy modules load only when a build runs, so `--help` stays fast.
  const { loadTemplateSet } = await import('../../template/index.js');
  const { buildEdition, rebuildEEdition, editionFromArticles, editionFromFile } = await import('../../publish/index.js');
  const { loadPlant } = await import('../../plant/index.js');
  const plant = loadPlant(args.plant);
  if (args.baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(args.baseUrl)) {
    fail('cli/option', `--base-url ${args.baseUrl} is not a web address`, undefined, ['give the absolute address the e-edition will be published at, such as https://courier.example/e-edition/']);
  }
  const files = args.files.length > 0 ? args.files : [relative(process.cwd(), SAMPLE_EDITION) || SAMPLE_EDITION];
  const editionFile = files.find(isEditionFile);
  if (editionFile && files.length > 1) {
    throw new Error('give either one edition file or article files, not both');
  }
  const edition = editionFile ? editionFromFile(editionFile) : editionFromArticles(files);
  const templates = loadTemplateSet(args.template, TEMPLATES_DIR);
  const tty = process.stderr.isTTY && !args.quiet;
  const run = mode === 'build' ? buildEdition : rebuildEEdition;
  const result = await run({
    edition,
    templates,
    fontsDir: FONTS_DIR,
    outDir: resolve(args.out),
    plant,
    proof: args.proof,
    ...(args.allowOverset ? { allowOverset: true } : {}),
    ...(args.clean ? { clean: true } : {}),
    ...(args.baseUrl ? { baseUrl: args.baseUrl } : {}),
    ...(args.formats ? { formats: args.formats } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    onPage: (done, total) => {
      if (tty) process.stderr.write(`\rnewsprint: e-edition ${bar(done, total)} page ${done}/${total}`);
      if (tty && done === total) process.stderr.write('\n');
    },
  });
  if (args.timings) {
    const total = result.timings.reduce((t, x) => t + x.ms, 0);
    for (const t of result.timings) process.stderr.write(`newsprint: ${(t.ms / 1000).toFixed(2).padStart(7)} s  ${t.stage}\n`);
    const cpu = process.cpuUsage();
    process.stderr.write(`newsprint: ${(total / 1000).toFixed(2).padStart(7)} s  in all; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s in this process, every thread, since it started\n`);
  }
  if (!args.quiet) {
    const dir = relative(process.cwd(), result.dir) || '.';
    const counts = count(result.warnings);
    const n = result.layout.pages.length;
    if (mode === 'e-edition') process.stderr.write(`newsprint: wrote ${dir}/e-edition/ — ${n} page${n === 1 ? '' : 's'}: index.html (viewer), manifest.json, iiif/manifest.json, tiles, articles\n`);
    else process.stderr.write(
      `newsprint: wrote ${dir}/ — ${n} page${n === 1 ? '' : 's'} for plant ${plant.name} (PDF/${plant.pdfx}): print/${edition.slug}.pdf, print/pages/ (a file a page)` +
        `${args.proof ? `, proof/${edition.slug}-proof.pdf` : ''}, e-edition/ (open e-edition/index.html), report.json\n`,
    );
    for (const c of result.layout.compositions ?? []) process.stderr.write(`  ${compositionLine(c)}\n`);
    const held = result.layout.heldOver ?? [];
    if (held.length) process.stderr.write(`  held over: ${held.map((h) => `${h.article} (${h.words} words)`).join(', ')}\n`);
    for (const w of result.warnings.filter((d) => d.severity !== 'info')) process.stderr.write(formatDiagnostic(w) + '\n');
    if (counts) process.stderr.write(`newsprint: ${counts}; all findings are in ${dir}/report.json\n`);
  }
  return result;
}

/** One composed page in a line: its news hole, how it is filled, and what is on it. */
function compositionLine(c: PageComposition): string {
  const pct = (rows: number) => `${c.holeRows > 0 ? Math.round((100 * rows) / c.holeRows) : 0} %`;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    `page ${c.page}: news hole ${Math.round(c.holeCm2)} cm², copy ${pct(c.holeRows - c.promoRows - c.whiteRows)}, promos ${pct(c.promoRows)}, white ${pct(c.whiteRows)}`,
    n(c.placed.length, 'story', 'stories') + (c.overmatter?.length ? ` (${c.overmatter.length} from the overmatter)` : ''),
    ...(c.jumped.length ? [`jumps ${c.jumped.map((j) => `${j.article} → p${j.to}`).join(', ')}`] : []),
    ...(c.continued.length ? [`continues ${c.continued.map((j) => `${j.article} from p${j.from}`).join(', ')}`] : []),
    ...(c.trimmed.length ? [`cut ${c.trimmed.map((t) => `${t.article} by ${t.blocks} paragraph${t.blocks === 1 ? '' : 's'}${t.words !== undefined ? ` (${t.words} words)` : ''}`).join(', ')}`] : []),
    ...(c.adverts.length ? [n(c.adverts.length, 'advert', 'adverts')] : []),
  ];
  return parts.join('; ');
}

/** A progress bar: ██████░░░░ */
function bar(done: number, total: number, width = 20): string {
  const full = Math.round((done / Math.max(1, total)) * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function count(ds: readonly Diagnostic[]): string {
  const n = (s: Diagnostic['severity']) => ds.filter((d) => d.severity === s).length;
  const parts = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
    [n('info'), 'note'],
  ] as const;
  return parts
    .filter(([k]) => k > 0)
    .map(([k, w]) => `${k} ${w}${k === 1 ? '' : 's'}`)
    .join(', ');
}

export const BUILD_DEFAULTS = { out: 'output', template: DEFAULT_TEMPLATE, plant: 'uk-tabloid' };
