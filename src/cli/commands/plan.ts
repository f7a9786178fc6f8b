// `newsprint plan [EDITION]`: the flatplan as a table, each page composed and its figures, and the edition overview
// (every page small, story and advert zones outlined) as a PNG to pin on the wall.
import { extname, relative, resolve } from 'node:path';
import { fail, formatDiagnostic } from '../../core/index.js';
import { DEFAULT_TEMPLATE, FONTS_DIR, SAMPLE_EDITION, TEMPLATES_DIR } from '../paths.js';

export interface PlanArgs {
  readonly files: readonly string[];
  /** The overview PNG; default output/<edition>-plan.png. */
  readonly out?: string;
  readonly template: string;
  readonly plant: string;
  readonly quiet: boolean;
}

export const PLAN_DEFAULTS = { template: DEFAULT_TEMPLATE, plant: 'uk-tabloid' };

/** Prints the flatplan and the composition, writes the overview. Throws UserError for bad input. */
export async function planCommand(a: PlanArgs): Promise<void> {
  const { loadTemplateSet } = await import('../../template/index.js');
  const { prepare, editionFromFile, editionFromArticles, writeAtomically } = await import('../../publish/index.js');
  const { flatplanTable, overviewPng } = await import('../../publish/plan.js');
  const { compositionReport } = await import('../../publish/build.js');
  const { checkOutputPath } = await import('../../publish/out-path.js');
  const { loadPlant } = await import('../../plant/index.js');
  const files = a.files.length > 0 ? a.files : [relative(process.cwd(), SAMPLE_EDITION) || SAMPLE_EDITION];
  const isEdition = (f: string) => ['.yaml', '.yml'].includes(extname(f).toLowerCase());
  if (files.some(isEdition) && files.length > 1) fail('cli/usage', 'give either one edition file or article files, not both');
  const edition = isEdition(files[0]!) ? editionFromFile(files[0]!) : editionFromArticles(files);
  const out = resolve(a.out ?? `output/${edition.slug}-plan.png`);
  checkOutputPath(out, 'file', '--out');
  const plant = loadPlant(a.plant);
  const templates = loadTemplateSet(a.template, TEMPLATES_DIR);
  // A plan shows the pages even when copy is overset: that is what an editor plans against.
  const p = await prepare({ edition, templates, fontsDir: FONTS_DIR, outDir: resolve('output'), plant, allowOverset: true });
  const png = await overviewPng(p.edition, p.layout, p.fonts, p.images);
  writeAtomically(out, new Map([['', png]]));
  if (a.quiet) return;
  const lines = [flatplanTable(p.edition), ''];
  for (const c of p.layout.compositions ?? []) {
    const r = compositionReport(c);
    lines.push(`page ${c.page}: news hole ${r.newsHoleCm2} cm², copy ${r.copyPercent} %, promos ${r.promoPercent} %, white ${r.whitePercent} % (largest ${r.largestWhiteCm2} cm²)` + (c.jumped.length ? `; jumps ${c.jumped.map((j) => `${j.article} → p${j.to}`).join(', ')}` : ''));
    if (c.overmatter?.length) lines.push(`  from the overmatter: ${c.overmatter.join(', ')}`);
  }
  const held = p.layout.heldOver ?? [];
  if (held.length) lines.push('', `held over (${held.length} ${held.length === 1 ? 'story' : 'stories'}, ${held.reduce((a, h) => a + h.words, 0).toLocaleString('en-GB')} words): ${held.map((h) => `${h.article} (${h.words} words)`).join(', ')}`);
  lines.push('', `newsprint: wrote ${relative(process.cwd(), out) || out}: the edition overview, ${p.layout.pages.length} pages`);
  process.stdout.write(lines.join('\n') + '\n');
  for (const w of p.layout.warnings.filter((d) => d.severity !== 'info')) process.stderr.write(formatDiagnostic(w) + '\n');
}
