// `newsprint galley ARTICLE`: the story's body as one long column, the sub-editor's galley proof, with copyfitting figures.
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic, FontSet, ParagraphStyle, StyleSheet } from '../../core/index.js';
import { BODY_EXPANSION, fail, parseLength, toMm } from '../../core/index.js';
import { DEFAULT_TEMPLATE, FONTS_DIR, TEMPLATES_DIR } from '../paths.js';

export interface GalleyArgs {
  readonly article: string;
  readonly width: string;
  readonly font?: string;
  readonly size?: number;
  readonly leading?: number;
  readonly lang: string;
  readonly out?: string;
  readonly text?: string;
  readonly expansion: boolean;
  readonly template: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

/** Languages the hyphenator has patterns for; `none` sets without hyphenation. */
export const GALLEY_LANGS = ['en-GB', 'none'] as const;

const optionError = (message: string, hint?: string): never => fail('cli/option', message, undefined, hint ? [hint] : undefined);

export async function galleyCommand(a: GalleyArgs): Promise<void> {
  const { loadArticle } = await import('../../ingest/index.js');
  // Only what the galley needs: no Handlebars, no sharp.
  const { loadStyleSheet } = await import('../../template/sheet.js');
  const { loadFontFile, loadFonts } = await import('../../publish/assets.js');
  const { writeAtomically } = await import('../../publish/write.js');
  const { checkOutputPath } = await import('../../publish/out-path.js');
  const { layoutGalleyPages, GALLEY_PAGE } = await import('../../layout/galley.js');
  const { openPdf } = await import('../../export/pdf/index.js');

  const measure = parseLength(a.width) ?? optionError(`--width ${a.width} is not a length`, 'give it with a unit: 48mm, 11pc, 1.9in');
  if (!(measure > 20 && measure < 2000)) optionError(`--width ${a.width} is not a column width`, 'between about 10 mm and 700 mm');
  if (!(GALLEY_LANGS as readonly string[]).includes(a.lang)) optionError(`--lang ${a.lang} has no hyphenation patterns here`, `use ${GALLEY_LANGS.join(' or ')}`);
  if (a.size !== undefined && !(a.size >= 4 && a.size <= 72)) optionError(`--size ${a.size} is not a body size in points`, 'between 4 and 72');
  if (a.leading !== undefined && !(a.leading > 0 && a.leading <= 100)) optionError(`--leading ${a.leading} is not a leading in points`);

  if (a.text !== undefined) checkOutputPath(a.text, 'file', '--text');
  const article = loadArticle(a.article);
  // The galley's file (default output/galley/<article id>.pdf), checked before the work of setting it.
  const outGiven = a.out ?? join('output', 'galley', `${article.id}.pdf`);
  checkOutputPath(outGiven, 'file', a.out !== undefined ? '--out' : 'galley file');
  let sheet: StyleSheet = loadStyleSheet(a.template, TEMPLATES_DIR);
  let fonts: FontSet;
  const base = sheet.paragraph['body'] ?? optionError(`template “${a.template}” has no body style`);
  let style: ParagraphStyle = base;
  if (a.font) {
    const face = loadFontFile(resolve(a.font), 'galley');
    fonts = new Map([['galley', face]]);
    sheet = { ...sheet, faces: { galley: a.font }, families: { galley: { regular: 'galley' } } };
    style = { ...style, family: 'galley' };
  } else {
    fonts = loadFonts(sheet, FONTS_DIR);
  }
  const size = a.size ?? style.size;
  style = {
    ...style,
    size,
    leading: a.leading ?? (a.size !== undefined ? (style.leading * size) / style.size : style.leading),
    indent: size,
    hyphenation: { ...style.hyphenation, enabled: a.lang !== 'none' },
    ...(a.expansion ? { expansion: style.expansion ?? BODY_EXPANSION } : { expansion: undefined }),
  };
  // Each proof page is drawn into the PDF as soon as its lines are set: the glyphs of one page are held at a time.
  const writer = await openPdf(fonts, new Map(), {
    title: `Galley: ${article.headline}`,
    date: (article.published ?? '2000-01-01').slice(0, 10),
    lang: 'en-GB',
  });
  const galley = layoutGalleyPages(article, { measure, style, sheet, fonts, pageHeight: GALLEY_PAGE.height, margin: GALLEY_PAGE.margin }, (page) => writer.addPage(page));
  const pdf = await writer.end();
  const out = resolve(outGiven);
  writeAtomically(out, new Map([['', pdf]]));
  if (a.text) writeAtomically(resolve(a.text), new Map([['', galley.text]]));

  const st = galley.stats;
  // What reading the copy found (deep nesting flattened, an HTML block's words not set) comes first: nothing is lost unsaid.
  const read: Diagnostic[] = (article.readingNotes ?? []).map((n) => ({ severity: 'warning', code: n.code, message: n.message, span: n.src, ...(n.hints ? { hints: n.hints } : {}) }));
  const warnings = [...read, ...galley.warnings];
  if (a.json) {
    process.stdout.write(JSON.stringify({ file: out, ...st, warnings }, null, 2) + '\n');
    return;
  }
  if (a.quiet) return;
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const report = [
    `${basename(out)}: ${article.headline}`,
    `  ${st.words} words, ${st.paragraphs} paragraphs, ${st.lines} lines at ${toMm(measure).toFixed(1)} mm, ${size}/${style.leading} pt`,
    `  depth ${st.depthMm.toFixed(0)} mm = ${st.columnCm.toFixed(1)} column-cm (${galley.pageCount} galley page${galley.pageCount === 1 ? '' : 's'})`,
    `  hyphenated lines ${st.hyphenatedLines} (at most ${st.maxHyphensInRow} in a row), overfull lines ${st.overfullLines}` +
      (st.emergencyBreaks ? `, words too wide broken ${st.emergencyBreaks} times (${st.letterBreaks} between letters)` : ''),
    `  word spaces on ${st.justifiedLines} justified lines: mean |r−1| ${st.meanSpaceDeviation.toFixed(3)}, loose ${pct(st.looseShare)}` +
      (style.expansion ? `; with expansion counted as space: ${st.meanSpaceDeviationEq.toFixed(3)}, loose ${pct(st.looseShareEq)}` : ''),
  ];
  process.stderr.write(report.join('\n') + '\n');
  const { formatDiagnostic } = await import('../../core/index.js');
  for (const w of warnings) process.stderr.write(formatDiagnostic(w) + '\n');
}

export const GALLEY_DEFAULTS = { width: '48mm', lang: 'en-GB', template: DEFAULT_TEMPLATE };

/** The galley's options, as yargs takes them; `quickGalleyArgs` reads the same table. */
export const GALLEY_OPTIONS = {
  width: { alias: 'w', describe: 'Column width, with a unit (mm, pt, pc, in)', type: 'string', default: GALLEY_DEFAULTS.width },
  font: { describe: 'A TrueType/OpenType file for the body (default: the template’s body font)', type: 'string' },
  size: { describe: 'Body size, points (default: the body style’s)', type: 'number' },
  leading: { describe: 'Baseline-to-baseline distance, points (default: the body style’s, scaled with --size)', type: 'number' },
  lang: { describe: 'Hyphenation language', choices: GALLEY_LANGS, default: GALLEY_DEFAULTS.lang },
  out: { alias: 'o', describe: 'The galley PDF (default: output/galley/<article>.pdf)', type: 'string' },
  text: { describe: 'Also write the body as plain text, one paragraph a line', type: 'string' },
  expansion: { describe: 'Use letter-spacing (±0.3 pt) and glyph scaling (98–102 %) as well as word spaces to justify; --no-expansion turns it off', type: 'boolean', default: true },
  template: { alias: 't', describe: 'Template set whose body style to use', type: 'string', default: GALLEY_DEFAULTS.template },
  json: { describe: 'Print the figures as JSON on stdout', type: 'boolean', default: false },
  quiet: { alias: 'q', describe: 'Print only errors', type: 'boolean', default: false },
} as const;

/** The galley's arguments from parsed options (yargs' or `quickGalleyArgs`'), defaults filled in. */
export function galleyArgs(article: string, o: Readonly<Record<string, unknown>>): GalleyArgs {
  const value = (k: keyof typeof GALLEY_OPTIONS): unknown => o[k] ?? ('default' in GALLEY_OPTIONS[k] ? GALLEY_OPTIONS[k].default : undefined);
  const given = (...keys: ('font' | 'size' | 'leading' | 'out' | 'text')[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return {
    article,
    width: value('width') as string,
    lang: value('lang') as string,
    expansion: value('expansion') as boolean,
    template: value('template') as string,
    json: value('json') as boolean,
    quiet: value('quiet') as boolean,
    ...(given('font', 'size', 'leading', 'out', 'text') as Pick<GalleyArgs, 'font' | 'size' | 'leading' | 'out' | 'text'>),
  };
}

/**
 * `newsprint galley …` read with node's own parseArgs, when the command line is plainly well formed: then neither
 * yargs nor any other command loads, which is most of a galley's start-up (a sub-editor copyfits many times an
 * hour). Undefined for anything else — help, a usage mistake, a repeated option, a number that is not one, a form
 * parseArgs does not take — which goes to the full command line, so every message comes from one place (yargs).
 */
export function quickGalleyArgs(argv: readonly string[]): GalleyArgs | undefined {
  if (argv[0] !== 'galley') return undefined;
  type Spec = { type: 'string' | 'boolean'; short?: string };
  const options: Record<string, Spec> = {};
  for (const [name, o] of Object.entries(GALLEY_OPTIONS)) {
    options[name] = { type: 'type' in o && o.type === 'boolean' ? 'boolean' : 'string', ...('alias' in o ? { short: o.alias } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options, allowPositionals: true, allowNegative: true, strict: true, tokens: true });
  } catch {
    return undefined;
  }
  if (parsed.positionals.length !== 1 || parsed.tokens.some((t) => t.kind === 'option-terminator')) return undefined;
  const names = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []));
  if (new Set(names).size !== names.length) return undefined;
  const values: Record<string, string | number | boolean | undefined> = { ...parsed.values };
  for (const [name, o] of Object.entries(GALLEY_OPTIONS)) {
    const v = values[name];
    if (v === undefined) continue;
    if ('type' in o && o.type === 'number') {
      if (typeof v !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim())) return undefined;
      values[name] = Number(v);
    }
    if ('choices' in o && !(o.choices as readonly unknown[]).includes(v)) return undefined;
  }
  return galleyArgs(parsed.positionals[0]!, values);
}
