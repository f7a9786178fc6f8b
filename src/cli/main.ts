// The newsprint command line (yargs). Only this file sets exit codes.
import { statSync } from 'node:fs';
import type { Argv } from 'yargs';
import { BUILD_DEFAULTS, buildCommand } from './commands/build.js';
import { GALLEY_OPTIONS, galleyArgs, galleyCommand, quickGalleyArgs } from './commands/galley.js';
import { preflightCommand, preflightOptions } from './commands/preflight.js';
import { PLAN_DEFAULTS, planCommand } from './commands/plan.js';
import { previewCommand } from './commands/preview.js';
import { reportError } from './errors.js';
import { EXIT } from './exit.js';
import { DEFAULT_LIMITS, setInputLimits } from '../ingest/limits.js';
import { setRootOption } from '../ingest/root.js';
import { UserError } from '../core/span.js';
import { examplesText } from './examples.js';

/**
 * The options build and e-edition share: the input files, output folder, template set, plant, the e-edition's
 * address and formats, and quiet; `describe` words the ones whose meaning differs between the two.
 */
function editionOptions<T>(y: Argv<T>, describe: { files: string; out: string; plant: string }) {
  return y
    .positional('files', { describe: describe.files, type: 'string', array: true })
    .option('out', { alias: 'o', describe: describe.out, type: 'string', default: BUILD_DEFAULTS.out })
    .option('template', { alias: 't', describe: 'Template set: a folder name under templates/, or a path', type: 'string', default: BUILD_DEFAULTS.template })
    .option('plant', { alias: 'p', describe: describe.plant, type: 'string', default: BUILD_DEFAULTS.plant })
    .option('base-url', { describe: 'Where the e-edition will be published (absolute URL, for its IIIF ids); default the edition file’s base-url', type: 'string' })
    .option('formats', { describe: 'E-edition image formats (default: the edition file’s e-edition.formats, else jpeg and webp)', choices: ['jpeg', 'webp'], type: 'array' })
    .option('allow-overset', { describe: 'Build even when copy fits on no page (a warning, for proofs); by default that is an error and nothing is written', type: 'boolean', default: false })
    .option('workers', { describe: 'Threads making the e-edition’s pages (default: one per core; 0: none, all in the main thread). The files are the same whatever the number', type: 'number' })
    .option('timings', { describe: 'Print how long each stage of the build took', type: 'boolean', default: false })
    .option('quiet', { alias: 'q', describe: 'Print only errors', type: 'boolean', default: false })
    .options(LIMIT_OPTIONS);
}

/**
 * What every command that reads articles may read: the input limits (docs/edition-file.md, "Limits"), a file far
 * larger than any story refused at once, naming the option that allows more; and the root (docs/edition-file.md,
 * "Where files may be"), the folder besides the edition's own that its stories, photos and adverts may be in.
 */
const LIMIT_OPTIONS = {
  root: { describe: 'A folder the edition’s stories, photos and adverts may also be in, besides the edition’s own (a shared tree: an edition in editions/ naming ../stories/). Files anywhere else are refused', type: 'string' },
  'max-article-kb': { describe: `Refuse an article file larger than this, KB (default ${DEFAULT_LIMITS.articleBytes / 1000})`, type: 'number' },
  'max-article-words': { describe: `Refuse an article of more words than this (default ${DEFAULT_LIMITS.articleWords.toLocaleString('en-GB')})`, type: 'number' },
  'max-pages': { describe: `Refuse an edition of more pages than this (default ${DEFAULT_LIMITS.editionPages})`, type: 'number' },
  'max-advert-mb': { describe: `Refuse an advert file larger than this, MB (default ${DEFAULT_LIMITS.advertBytes / 1e6})`, type: 'number' },
} as const;

/** Sets this run's input limits from the options (the defaults where not given); a limit must be a positive number. */
function applyLimits(a: { 'max-article-kb'?: unknown; 'max-article-words'?: unknown; 'max-pages'?: unknown; 'max-advert-mb'?: unknown; root?: unknown }): void {
  if (a.root !== undefined && !(typeof a.root === 'string' && isFolder(a.root))) {
    throw new UserError({ severity: 'error', code: 'cli/option', message: `--root ${String(a.root)}: no such folder`, hints: ['give the folder the edition’s files are in'] });
  }
  setRootOption(a.root);
  for (const name of ['max-article-kb', 'max-article-words', 'max-pages', 'max-advert-mb'] as const) {
    const v = a[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw new UsageError(`--${name} must be a positive number`);
  }
  const kb = a['max-article-kb'] as number | undefined;
  const mb = a['max-advert-mb'] as number | undefined;
  setInputLimits({
    ...(kb !== undefined ? { articleBytes: kb * 1000 } : {}),
    ...(a['max-article-words'] !== undefined ? { articleWords: a['max-article-words'] as number } : {}),
    ...(a['max-pages'] !== undefined ? { editionPages: a['max-pages'] as number } : {}),
    ...(mb !== undefined ? { advertBytes: mb * 1e6 } : {}),
  });
}

const isFolder = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The options build and e-edition share, from yargs' parsed arguments. */
function buildArgs(a: { files?: string[] | undefined; out: string; template: string; plant: string; 'base-url'?: string | undefined; formats?: (string | number)[] | undefined; workers?: number | undefined; timings: boolean; quiet: boolean; 'allow-overset': boolean }) {
  return {
    files: a.files ?? [],
    allowOverset: a['allow-overset'],
    out: a.out,
    template: a.template,
    plant: a.plant,
    ...(a['base-url'] ? { baseUrl: a['base-url'] } : {}),
    ...(a.formats ? { formats: a.formats.map(String) as ('jpeg' | 'webp')[] } : {}),
    ...(a.workers !== undefined ? { workers: a.workers } : {}),
    timings: a.timings,
    quiet: a.quiet,
  };
}

export { buildsHere, cliThreadArgs, runInThread } from './thread.js';

/** A mistake in the command line itself (unknown option, bad choice): exit code 2. */
class UsageError extends Error {}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  // Prints the error (one line, no stack trace) and sets the exit code: see errors.ts.
  const fail = (e: unknown) => {
    code = reportError(e);
  };
  // A plainly well-formed galley starts without yargs (see quickGalleyArgs); everything else goes through yargs.
  // Each run starts from the default input limits (a galley that skips yargs skips its middleware too).
  setInputLimits({});
  setRootOption(undefined);
  const quick = quickGalleyArgs(argv);
  if (quick) {
    await galleyCommand(quick).catch(fail);
    return code;
  }
  // No command at all: a newcomer's guide, not an error.
  if (argv.length === 0) {
    process.stdout.write((await import('./guide.js')).guide());
    return code;
  }
  const { default: yargs } = await import('yargs');
  const cli = yargs([...argv])
    .scriptName('newsprint')
    .usage('$0 <command> [options]\n\nTurns news articles into newspaper pages: PDF/X plant files for the press, the e-edition for the web, and a live preview.')
    .command(
      'build [files..]',
      'Lay out an edition (or article files, a story a page) into the plant files (PDF/X), the e-edition and a report',
      (y) =>
        editionOptions(y, {
          files: 'An edition file (.yaml) or article files (.txt scraped text, .md Markdown, .json ninjs, .xml NITF or NewsML-G2). Default: the sample edition',
          out: 'Output folder; the edition goes in <out>/<publication>-<date>/',
          plant: 'Printing plant profile: uk-tabloid, berliner, broadsheet (in plants/), or a profile file',
        })
          .option('clean', { describe: 'Take nothing from the build cache (converted print photos): make everything afresh', type: 'boolean', default: false })
          .option('proof', { describe: 'Also write a desk proof with 3 mm bleed, crop and registration marks and a slug line (never for the plant)', type: 'boolean', default: false })
          .option('queue', { describe: 'Build on the workers of this Redis queue (redis://HOST:PORT) instead of here: a job an edition file, a line as each is done (docs/scale.md)', type: 'string' })
          .option('root', { describe: 'A folder the edition’s stories, photos and adverts may also be in, besides the edition’s own; files anywhere else are refused. With --queue: the shared folder the workers read and write, which the edition files and --out must be inside (default: the current folder)', type: 'string' })
          .epilogue(examplesText('build')),
      async (a) => {
        try {
          if (a.queue === undefined) await buildCommand({ ...buildArgs(a), proof: a.proof, ...(a.clean ? { clean: true } : {}) });
          // The queue's modules (bullmq, ioredis) load only when a build is queued.
          else code = await (await import('./commands/build-queue.js')).buildQueueCommand({ ...buildArgs(a), proof: a.proof, queue: a.queue, ...(a.root !== undefined ? { root: a.root } : {}) });
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'e-edition [files..]',
      'Rebuild only the e-edition (renditions, tiles, manifests, article pages, viewer) of an edition already built',
      (y) =>
        editionOptions(y, {
          files: 'The edition file or article files the build was made from. Default: the sample edition',
          out: 'Output folder holding the build',
          plant: 'Printing plant profile the build was made for',
        })
          .epilogue(examplesText('e-edition')),
      async (a) => {
        try {
          await buildCommand({ ...buildArgs(a), proof: false }, 'e-edition');
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'galley <article>',
      'Set a story’s body as one long column (the galley proof) and print its depth, line count, hyphens and spacing',
      (y) =>
        y
          .positional('article', { describe: 'An article file (.txt, .md, .json or .xml)', type: 'string', demandOption: true })
          .options(GALLEY_OPTIONS)
          .options(LIMIT_OPTIONS)
          .epilogue(examplesText('galley')),
      async (a) => {
        try {
          await galleyCommand(galleyArgs(a.article!, a));
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'preflight <files..>',
      'Check PDFs (ours or an advertiser’s) against a printing plant’s profile: boxes, PDF/X, fonts, colour, ink, type and rule sizes, photo resolution',
      (y) => preflightOptions(y),
      async (a) => {
        try {
          const ok = await preflightCommand({ files: a.files ?? [], plant: a.plant, json: a.json, quiet: a.quiet, ...(a.ad !== undefined ? { ad: a.ad } : {}) });
          if (!ok) code = EXIT.input;
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'preview [files..]',
      'Serve the pages in a browser as they print, with grids and warnings, laid out again whenever an article, template, style, font or the plant profile changes',
      (y) =>
        y
          .positional('files', { describe: 'An edition file or article files. Default: the sample edition', type: 'string', array: true })
          .option('port', { describe: 'Port to listen on (0: any free port)', type: 'number', default: 4321 })
          .option('host', { describe: 'Address to listen on; the default is this machine only', type: 'string', default: '127.0.0.1' })
          .option('open', { describe: 'Open the preview in the desktop browser', type: 'boolean', default: false })
          .option('template', { alias: 't', describe: 'Template set: a folder name under templates/, or a path', type: 'string', default: BUILD_DEFAULTS.template })
          .option('plant', { alias: 'p', describe: 'Printing plant profile', type: 'string', default: BUILD_DEFAULTS.plant })
          .option('out', { alias: 'o', describe: 'Where the Build button (and --build) writes the full build', type: 'string', default: BUILD_DEFAULTS.out })
          .option('build', { describe: 'Also write the full build to --out after every change', type: 'boolean', default: false })
          .options(LIMIT_OPTIONS)
          .epilogue(examplesText('preview')),
      async (a) => {
        try {
          await previewCommand({ files: a.files ?? [], port: a.port, host: a.host, open: a.open, template: a.template, plant: a.plant, out: a.out, build: a.build });
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'plan [files..]',
      'Print the flatplan (pages, stories in priority order, adverts, jumps), compose every page, and write the edition overview: every page small with its story and advert zones outlined',
      (y) =>
        y
          .positional('files', { describe: 'An edition file or article files. Default: the sample edition', type: 'string', array: true })
          .option('out', { alias: 'o', describe: 'The overview PNG (default output/<edition>-plan.png)', type: 'string' })
          .option('template', { alias: 't', describe: 'Template set: a folder name under templates/, or a path', type: 'string', default: PLAN_DEFAULTS.template })
          .option('plant', { alias: 'p', describe: 'Printing plant profile', type: 'string', default: PLAN_DEFAULTS.plant })
          .option('quiet', { alias: 'q', describe: 'Print only errors', type: 'boolean', default: false })
          .options(LIMIT_OPTIONS)
          .epilogue(examplesText('plan')),
      async (a) => {
        try {
          await planCommand({ files: a.files ?? [], ...(a.out ? { out: a.out } : {}), template: a.template, plant: a.plant, quiet: a.quiet });
        } catch (e) {
          fail(e);
        }
      },
    )
    .command(
      'worker',
      'Build the editions queued by build --queue, from a Redis queue, reading and writing a shared folder, until stopped',
      (y) =>
        y
          .option('queue', { describe: 'The Redis holding the queue: redis://HOST:PORT', type: 'string', demandOption: true })
          .option('root', { describe: 'The shared folder as this machine mounts it: jobs name their files relative to it', type: 'string', demandOption: true })
          .option('concurrency', { describe: 'Editions built at once, each in its own thread', type: 'number', default: 1 })
          .option('max-build-memory-mb', { describe: 'The most heap one build may use, MB: an edition that needs more fails with one line, and the worker goes on (default: Node’s own limit)', type: 'number' })
          .option('quiet', { alias: 'q', describe: 'Print only errors', type: 'boolean', default: false })
          .epilogue(examplesText('worker')),
      async (a) => {
        try {
          await (await import('./commands/worker.js')).workerCommand({ queue: a.queue, root: a.root, concurrency: a.concurrency, quiet: a.quiet, ...(a['max-build-memory-mb'] !== undefined ? { maxBuildMemoryMb: a['max-build-memory-mb'] } : {}) });
        } catch (e) {
          fail(e);
        }
      },
    )
    .middleware((a) => applyLimits(a as Record<string, unknown>))
    .demandCommand(1, 'Name a command: build, e-edition, galley, plan, preflight, preview or worker')
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .epilogue('Exit codes: 0 done (warnings are in report.json), 1 bad input or an output path that cannot be written (nothing written) or a preflight error, 2 bad command line, 3 a bug or the system failing (a full disk).')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      // Stop here: with exitProcess(false) yargs would otherwise go on to run the command.
      throw err ?? new UsageError(msg);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`newsprint: ${e.message}\nRun newsprint --help for usage.\n`);
      code = EXIT.usage;
    } else fail(e);
  }
  return code;
}
