// `newsprint preflight FILE.pdf...`: checks PDFs (ours or an advertiser's) against a printing plant's profile.
import { readFileSync } from 'node:fs';
import { fail } from '../../core/index.js';

export interface PreflightArgs {
  readonly files: readonly string[];
  readonly plant: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

/**
 * Checks every file and prints its findings (page and position each), or the whole result as JSON on stdout.
 * Returns true when no file has an error; a file that is not a PDF at all is a UserError.
 */
export async function preflightCommand(a: PreflightArgs): Promise<boolean> {
  const { loadPlant } = await import('../../plant/index.js');
  const { preflightPdf, formatFinding } = await import('../../preflight/index.js');
  const plant = loadPlant(a.plant);
  const results = [];
  for (const file of a.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      fail('preflight/unreadable', `cannot read ${file}: ${(e as Error).message}`, { file, line: 1, col: 1 });
    }
    if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) fail('preflight/not-pdf', `${file} is not a PDF (no %PDF- header)`, { file, line: 1, col: 1 });
    results.push(await preflightPdf(new Uint8Array(bytes), file, plant));
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  if (a.json) {
    process.stdout.write(JSON.stringify({ plant: { name: plant.name, pdfx: plant.pdfx, file: plant.file }, files: results }, null, 2) + '\n');
  } else if (!a.quiet || errors > 0) {
    for (const r of results) {
      const e = r.findings.filter((f) => f.severity === 'error').length;
      const w = r.findings.length - e;
      process.stderr.write(`${r.file}: ${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.pdfx ?? 'not PDF/X'}: ${e === 0 && w === 0 ? `passes plant ${plant.name}` : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'} for plant ${plant.name}`}\n`);
      for (const f of r.findings) if (!a.quiet || f.severity === 'error') process.stderr.write(`  ${formatFinding(f, r.file)}\n`);
    }
  }
  return errors === 0;
}
