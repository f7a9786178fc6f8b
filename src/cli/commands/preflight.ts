// `newsprint preflight FILE.pdf... [--ad 3x9cm]`: checks PDFs (ours or an advertiser's) against a printing plant's profile; with --ad, adverts against their booking.
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { examplesText } from '../examples.js';
import { fail } from '../../core/index.js';
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
 * Checks every file and prints its findings (page and position each), or the whole result as JSON on stdout.
 * Returns true when no file has an error; a file that is not a PDF at all (nor, with --ad, a JPEG, PNG or TIFF),
 * or a booking that is not one, is a UserError.
 */
export async function preflightCommand(a: PreflightArgs): Promise<boolean> {
  const { loadPlant } = await import('../../plant/index.js');
  const { preflightPdf, formatFinding } = await import('../../preflight/index.js');
  const plant = loadPlant(a.plant);
  const advert = a.ad !== undefined ? await import('../../preflight/advert.js') : undefined;
  // The booking first: a bad one is refused before any file is read.
  const booking = advert && a.ad !== undefined ? advert.parseAdSize(a.ad) : undefined;
  if (advert && booking) advert.bookedSize(booking, plant);
  const results = [];
  for (const file of a.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      fail('preflight/unreadable', `cannot read ${file}: ${(e as Error).message}`, { file, line: 1, col: 1 });
    }
    if (advert && booking) {
      results.push(await advert.checkAdvert(new Uint8Array(bytes), file, booking, plant));
      continue;
    }
    if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) fail('preflight/not-pdf', `${file} is not a PDF (no %PDF- header)`, { file, line: 1, col: 1 });
    results.push(await preflightPdf(new Uint8Array(bytes), file, plant));
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  if (a.json) {
    process.stdout.write(JSON.stringify({ plant: { name: plant.name, pdfx: plant.pdfx, file: plant.file }, ...(booking ? { ad: booking.text } : {}), files: results }, null, 2) + '\n');
  } else if (!a.quiet || errors > 0) {
    for (const r of results) {
      const e = r.findings.filter((f) => f.severity === 'error').length;
      const w = r.findings.length - e;
      const format = 'format' in r && r.format !== 'pdf' ? String(r.format).toUpperCase() : undefined;
      const what = format ? `${format} picture` : `${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.pdfx ?? 'not PDF/X'}`;
      const label = booking ? `${r.file}, advert booked ${booking.text}` : r.file;
      process.stderr.write(`${label}: ${what}: ${e === 0 && w === 0 ? `passes plant ${plant.name}` : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'} for plant ${plant.name}`}\n`);
      for (const f of r.findings) if (!a.quiet || f.severity === 'error') process.stderr.write(`  ${formatFinding(f, r.file)}\n`);
    }
  }
  return errors === 0;
}
