// `newsprint preflight FILE.pdf... [--ad 3x9cm]`: checks PDFs (ours or an advertiser's) against a printing plant's profile; with --ad, adverts against their booking.
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { examplesText } from '../examples.js';
import { UserError } from '../../core/index.js';
import type { Finding, PreflightResult } from '../../preflight/index.js';
import { isSystemError, systemErrorWords } from '../../publish/out-path.js';
import { BUILD_DEFAULTS } from './build.js';

export interface PreflightArgs {
  readonly files: readonly string[];
  readonly plant: string;
  readonly json: boolean;
  readonly quiet: boolean;
  /**
   * An advert booking, `COLUMNSxDEPTH` with the depth in cm or mm (`3x9cm`, `2x100mm`): every file is checked as an
   * advert of that size on the plant's grid (PDF, JPEG, PNG or TIFF) instead of as a whole page. Default: none.
   */
  readonly ad?: string;
}

/**
 * The command's positional and options, for its yargs builder (main.ts): files, --plant, --json, --quiet and --ad.
 */
export function preflightOptions<T>(y: Argv<T>) {
  return y
    .positional('files', { describe: 'PDF files; with --ad, also JPEG, PNG or TIFF adverts', type: 'string', array: true, demandOption: true })
    .option('plant', { alias: 'p', describe: 'Printing plant profile: uk-tabloid, berliner, broadsheet (in plants/), or a profile file', type: 'string', default: BUILD_DEFAULTS.plant })
    .option('json', { describe: 'Print the findings as JSON on stdout', type: 'boolean', default: false })
    .option('quiet', { alias: 'q', describe: 'Print only errors', type: 'boolean', default: false })
    .option('ad', { describe: 'Check the files as adverts booked at this size on the plant’s column grid: COLUMNSxDEPTH, the depth in cm or mm (3x9cm, 2x100mm)', type: 'string' })
    .epilogue(examplesText('preflight'));
}

/**
 * Checks every file and prints its verdict — a summary line, then its findings (page and position, or byte in the
 * file) — or the whole result as JSON on stdout. Every file gets its verdict, whatever the others are: one that cannot
 * be read, is not a PDF (nor, with --ad, a JPEG, PNG or TIFF), is damaged or encrypted is a file with an error, not
 * a stop. Returns true when no file has an error; a booking that is not one is a UserError, before any file is read.
 * A bug met on one file is rethrown once every file has its verdict (exit 3).
 */
export async function preflightCommand(a: PreflightArgs): Promise<boolean> {
  const { loadPlant } = await import('../../plant/index.js');
  const { preflightPdf, formatFinding } = await import('../../preflight/index.js');
  const { printable } = await import('../../preflight/escape.js');
  const plant = loadPlant(a.plant);
  const advert = a.ad !== undefined ? await import('../../preflight/advert.js') : undefined;
  // The booking first: a bad one is refused before any file is read.
  const booking = advert && a.ad !== undefined ? advert.parseAdSize(a.ad) : undefined;
  if (advert && booking) advert.bookedSize(booking, plant);
  const results: PreflightResult[] = [];
  let bug: unknown;
  for (const file of a.files) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      results.push(advert && booking ? await advert.checkAdvert(bytes, file, booking, plant) : await preflightPdf(bytes, file, plant));
    } catch (e) {
      if (!(e instanceof UserError) && !isSystemError(e)) bug ??= e;
      results.push({ file, pages: 0, checked: 'none', findings: [unchecked(e)] });
    }
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  if (a.json) {
    process.stdout.write(JSON.stringify({ plant: { name: plant.name, pdfx: plant.pdfx, file: plant.file }, ...(booking ? { ad: booking.text } : {}), files: results }, null, 2) + '\n');
  } else if (!a.quiet || errors > 0) {
    for (const r of results) {
      const e = r.findings.filter((f) => f.severity === 'error').length;
      const w = r.findings.length - e;
      const format = 'format' in r && r.format !== 'pdf' ? String(r.format).toUpperCase() : undefined;
      const what = r.checked === 'none' ? 'not checked' : format ? `${format} picture` : `${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.pdfx ?? 'not PDF/X'}${r.checked === 'part' ? ', read in part' : ''}`;
      const label = booking ? `${r.file}, advert booked ${booking.text}` : r.file;
      process.stderr.write(printable(`${label}: ${what}: ${e === 0 && w === 0 ? `passes plant ${plant.name}` : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'} for plant ${plant.name}`}`) + '\n');
      for (const f of r.findings) if (!a.quiet || f.severity === 'error') process.stderr.write(`  ${formatFinding(f, r.file)}\n`);
    }
  }
  if (bug !== undefined) throw bug;
  return errors === 0;
}

/** The one finding of a file that could not be checked: unreadable (a system error), refused (a UserError), or a bug. */
function unchecked(e: unknown): Finding {
  if (isSystemError(e)) return { severity: 'error', code: 'preflight/unreadable', message: `the file cannot be read: ${systemErrorWords(e)}` };
  if (e instanceof UserError) {
    const d = e.diagnostics[0]!;
    return { severity: 'error', code: d.code, message: `${d.message}${d.hints?.length ? ` (${d.hints.join('; ')})` : ''}` };
  }
  return { severity: 'error', code: 'preflight/internal', message: 'newsprint failed while checking this file: a bug in newsprint (reported after the verdicts)' };
}
