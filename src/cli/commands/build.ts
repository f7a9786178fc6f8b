// `newsprint build [FILE...]`: an edition file or article files → print PDF and e-edition images under output/.
import { extname, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../core/index.js';
import { formatDiagnostic } from '../../core/index.js';
import { DEFAULT_TEMPLATE, FONTS_DIR, SAMPLE_EDITION, TEMPLATES_DIR } from '../paths.js';

export interface BuildArgs {
  readonly files: readonly string[];
  readonly out: string;
  readonly template: string;
  /** Plant profile: a name in plants/ or a file. */
  readonly plant: string;
  readonly proof: boolean;
  readonly quiet: boolean;
}

const isEditionFile = (f: string) => ['.yaml', '.yml'].includes(extname(f).toLowerCase());

/** Runs a build and reports on stderr. Throws UserError for bad input; the caller maps it to the exit code. */
export async function buildCommand(args: BuildArgs): Promise<void> {
  // Heavy modules load only when a build runs, so `--help` stays fast.
  const { loadTemplateSet } = await import('../../template/index.js');
  const { buildEdition, editionFromArticles, editionFromFile } = await import('../../publish/index.js');
  const { loadPlant } = await import('../../plant/index.js');
  const plant = loadPlant(args.plant);
  const files = args.files.length > 0 ? args.files : [relative(process.cwd(), SAMPLE_EDITION) || SAMPLE_EDITION];
  const editionFile = files.find(isEditionFile);
  if (editionFile && files.length > 1) {
    throw new Error('give either one edition file or article files, not both');
  }
  const edition = editionFile ? editionFromFile(editionFile) : editionFromArticles(files);
  const templates = loadTemplateSet(args.template, TEMPLATES_DIR);
  const tty = process.stderr.isTTY && !args.quiet;
  const result = await buildEdition({
    edition,
    templates,
    fontsDir: FONTS_DIR,
    outDir: resolve(args.out),
    plant,
    proof: args.proof,
    onPage: (done, total) => {
      if (tty) process.stderr.write(`\rnewsprint: page ${done}/${total} set, printed and rendered`);
      if (tty && done === total) process.stderr.write('\n');
    },
  });
  if (!args.quiet) {
    const dir = relative(process.cwd(), result.dir) || '.';
    const counts = count(result.warnings);
    const n = result.layout.pages.length;
    process.stderr.write(
      `newsprint: wrote ${dir}/ — ${n} page${n === 1 ? '' : 's'} for plant ${plant.name} (PDF/${plant.pdfx}): print/${edition.slug}.pdf, print/pages/ (a file a page)` +
        `${args.proof ? `, proof/${edition.slug}-proof.pdf` : ''}, e-edition/pages, report.json\n`,
    );
    for (const w of result.warnings.filter((d) => d.severity !== 'info')) process.stderr.write(formatDiagnostic(w) + '\n');
    if (counts) process.stderr.write(`newsprint: ${counts}; all findings are in ${dir}/report.json\n`);
  }
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
