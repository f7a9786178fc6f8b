// Plant profiles: what one printing plant accepts (page geometry, PDF/X flavour, output condition, ink and size limits), one YAML file per plant.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, type Node } from 'yaml';
import type { PageGeometry, Span } from '../core/index.js';
import { fail, mm, parseLength } from '../core/index.js';
import { readSourceFile } from '../ingest/read.js';
import { describe, parseYaml, spanOf, YamlFields, type YamlSource } from '../ingest/yaml-fields.js';

/** PDF/X flavours we write: X-1a:2001 (PDF 1.3, CMYK only, no transparency) or X-4 (PDF 1.6, live transparency allowed). */
export type PdfxFlavour = 'X-1a:2001' | 'X-4';
export const PDFX_FLAVOURS: readonly PdfxFlavour[] = ['X-1a:2001', 'X-4'];

/** How a preflight finding counts: an error fails the file, a warning is reported and passes. */
export type Severity = 'error' | 'warning';

/** Preflight rules whose severity a profile may set (`severity:`), each with its default on a coldset newspaper plant. */
export const SEVERITY_RULES = ['thin-rule', 'black-knockout'] as const;
export type SeverityRule = (typeof SEVERITY_RULES)[number];

/** The printing condition the pages are made for: the PDF's OutputIntent. */
export interface OutputCondition {
  /** OutputConditionIdentifier, as registered (for example `CGATS TR 002`). */
  readonly identifier: string;
  /** A human-readable description (OutputIntent /Info). */
  readonly info: string;
  /** RegistryName: where `identifier` is registered. */
  readonly registry: string;
  /** Absolute path of the CMYK ICC profile embedded as DestOutputProfile and used to convert photos. */
  readonly profile: string;
}

/** A printing plant's requirements. Lengths in points, ink in per cent, resolutions in pixels per inch. */
export interface PlantProfile {
  readonly version: 1;
  /** Short name: the file name without .yaml (`uk-tabloid`). */
  readonly name: string;
  readonly description?: string;
  /** The profile file, as the user named it (messages, the report). */
  readonly file: string;
  readonly trim: { readonly width: number; readonly height: number };
  readonly margins: { readonly top: number; readonly bottom: number; readonly inside: number; readonly outside: number };
  readonly columns: number;
  readonly gutter: number;
  /** Baseline grid step (body leading). */
  readonly baseline: number;
  /** Bleed around the trim in the plant files (0 on newsprint: nothing prints to the edge). */
  readonly bleed: number;
  /** Crop marks in the plant files (usually not on newsprint). */
  readonly marks: boolean;
  readonly pdfx: PdfxFlavour;
  readonly outputCondition: OutputCondition;
  /** Total area coverage limit, per cent (240 on coldset newsprint). */
  readonly totalInk: number;
  /** Smallest type the plant accepts: solid black, a tint or colour, and reversed (knocked out of a fill). */
  readonly minType: { readonly black: number; readonly tint: number; readonly reversed: number };
  /** Thinnest rule. */
  readonly minRule: number;
  /** Spot inks (Separation and DeviceN colorant names, as in the PDF) the plant prints besides C, M, Y and K; none by default. */
  readonly spots: readonly string[];
  /**
   * Severity of the rules a plant may relax: `thin-rule` (a rule below `minRule`) and `black-knockout` (black text
   * under 12 pt that does not overprint). Both errors by default: on coldset newsprint such rules break up and such
   * text shows every misregistration.
   */
  readonly severity: { readonly [R in SeverityRule]: Severity };
  /** Photos: below `minimum` effective ppi is a warning; photos are resampled down to `target`, never up. */
  readonly images: { readonly minimum: number; readonly target: number };
  /** The plant prints in sections of this many pages: an edition is padded to a multiple with house adverts. */
  readonly pageMultiple: number;
  /**
   * Page-file name pattern: `{code}` the publication code, `{date}` YYYYMMDD, `{yyyy}` `{mm}` `{dd}`,
   * `{page}` the page number, `{page:2}` padded to 2 digits, `{section}` the section slug.
   */
  readonly fileName: string;
  readonly src: Span;
}

const CODE = 'plant/profile';
const KEYS = [
  'version', 'name', 'description', 'trim', 'margins', 'columns', 'gutter', 'baseline', 'bleed', 'marks', 'pdfx',
  'output-condition', 'total-ink', 'min-type', 'min-rule', 'spots', 'severity', 'images', 'page-multiple', 'file-name',
] as const;
const PLACEHOLDERS = ['code', 'date', 'yyyy', 'mm', 'dd', 'page', 'section'];

/** The shipped plant profiles and ICC profiles, beside src/ in the package. */
export const PLANTS_DIR = fileURLToPath(new URL('../../plants/', import.meta.url));
export const COLOR_DIR = fileURLToPath(new URL('../../color/', import.meta.url));
export const DEFAULT_PLANT = 'uk-tabloid';

/** Loads a plant profile by name (a file in plants/) or by path (anything with a slash or ending .yaml). */
export function loadPlant(nameOrPath: string, plantsDir = PLANTS_DIR): PlantProfile {
  const byPath = nameOrPath.includes('/') || nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml');
  const file = byPath ? nameOrPath : join(plantsDir, `${nameOrPath}.yaml`);
  if (!byPath && !existsSync(file)) {
    fail(CODE, `unknown plant “${nameOrPath}”: no profile ${file}`, undefined, [`shipped plants: ${listPlants(plantsDir).join(', ')}; or give a profile file's path`]);
  }
  const src = readSourceFile(file);
  return parsePlant(src.file, src.text, dirname(resolve(file)));
}

/** Names of the plant profiles in a folder. */
export function listPlants(plantsDir = PLANTS_DIR): string[] {
  return existsSync(plantsDir) ? readdirSync(plantsDir).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort() : [];
}

/** Parses a plant profile. `dir` resolves the ICC profile's path (relative to the profile file, else in color/). */
export function parsePlant(file: string, text: string, dir: string): PlantProfile {
  const src: YamlSource = { file, text, lineOffset: 0 };
  const root = parseYaml(src, CODE);
  const f = YamlFields.of(src, root, 'plant profile', KEYS, CODE);
  const version = f.number('version');
  if (version === undefined) f.missing('version', 'the profile format version: 1');
  if (version !== 1) f.bad('version', '1, the only version so far');

  const len = (g: YamlFields, key: string, what: string, min: number, max: number): number => {
    const n = g.node(key);
    if (!n) return g.missing(key, what);
    const v = lengthOf(n);
    if (v === undefined) return g.bad(key, `a length with a unit (mm, pt, cm, in, pc): ${what}`);
    if (!(v >= min && v <= max)) return g.bad(key, `${what}, between ${fmt(min)} and ${fmt(max)}`);
    return v;
  };
  const int = (g: YamlFields, key: string, what: string, min: number, max: number): number => {
    const v = g.number(key);
    if (v === undefined) return g.missing(key, what);
    if (!Number.isInteger(v) || v < min || v > max) return g.bad(key, `${what}: a whole number from ${min} to ${max}`);
    return v;
  };
  const percent = (g: YamlFields, key: string, what: string, min: number, max: number): number => {
    const n = g.node(key);
    if (!n) return g.missing(key, what);
    const raw = isScalar(n) ? n.value : undefined;
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(/^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw)?.[1] ?? NaN) : NaN;
    if (!(v >= min && v <= max)) return g.bad(key, `${what}: a percentage from ${min} to ${max} %`);
    return v;
  };
  const ppi = (g: YamlFields, key: string, what: string): number => {
    const n = g.node(key);
    if (!n) return g.missing(key, what);
    const raw = isScalar(n) ? n.value : undefined;
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(/^\s*(\d+(?:\.\d+)?)\s*ppi\s*$/.exec(raw)?.[1] ?? NaN) : NaN;
    if (!(v >= 50 && v <= 1200)) return g.bad(key, `${what}: a resolution such as 200ppi, from 50 to 1200`);
    return v;
  };

  const name = f.string('name') ?? basename(file).replace(/\.ya?ml$/, '');
  const trimF = f.fields('trim', ['width', 'height']) ?? f.missing('trim', 'the trimmed page size: width and height');
  const trim = { width: len(trimF, 'width', 'the trimmed page width', 72, 2000), height: len(trimF, 'height', 'the trimmed page height', 72, 3000) };
  const mF = f.fields('margins', ['top', 'bottom', 'inside', 'outside']) ?? f.missing('margins', 'top, bottom, inside and outside margins');
  const margins = {
    top: len(mF, 'top', 'the top margin', 0, trim.height / 3),
    bottom: len(mF, 'bottom', 'the bottom margin', 0, trim.height / 3),
    inside: len(mF, 'inside', 'the inside (spine) margin', 0, trim.width / 3),
    outside: len(mF, 'outside', 'the outside margin', 0, trim.width / 3),
  };
  const columns = int(f, 'columns', 'the number of columns', 1, 12);
  const gutter = len(f, 'gutter', 'the space between columns', 0, 72);
  const baseline = len(f, 'baseline', 'the baseline grid step (body leading)', 4, 36);
  const measure = (trim.width - margins.inside - margins.outside - gutter * (columns - 1)) / columns;
  if (measure < mm(25)) {
    fail(CODE, `plant profile: ${columns} columns with ${fmt(gutter)} gutters leave ${fmt(measure)} columns in a ${fmt(trim.width - margins.inside - margins.outside)} type area: too narrow to set text`, f.span('columns'),
      ['fewer columns, narrower gutters or margins, or a wider trim']);
  }
  const bleed = f.has('bleed') ? len(f, 'bleed', 'the bleed around the trim in plant files', 0, 36) : 0;
  const marksNode = f.node('marks');
  const marksValue = marksNode && isScalar(marksNode) ? marksNode.value : 'none';
  if (marksValue !== 'none' && marksValue !== 'crop') f.bad('marks', '“none” or “crop”');
  const pdfx = f.string('pdfx', true);
  if (!(PDFX_FLAVOURS as readonly string[]).includes(pdfx)) f.bad('pdfx', PDFX_FLAVOURS.map((x) => `“${x}”`).join(' or '));

  const ocF = f.fields('output-condition', ['identifier', 'info', 'registry', 'profile']) ?? f.missing('output-condition', 'identifier, info, registry and the ICC profile file');
  const iccName = ocF.string('profile', true);
  const icc = [resolve(dir, iccName), join(COLOR_DIR, iccName)].find((p) => existsSync(p));
  if (!icc) ocF.bad('profile', `an ICC profile file (looked beside the profile and in ${COLOR_DIR})`);
  const outputCondition: OutputCondition = {
    identifier: ocF.string('identifier', true),
    info: ocF.string('info', true),
    registry: ocF.string('registry') ?? 'http://www.color.org',
    profile: icc!,
  };

  const totalInk = percent(f, 'total-ink', 'the total ink limit', 150, 400);
  const tF = f.fields('min-type', ['black', 'tint', 'reversed']) ?? f.missing('min-type', 'smallest black, tint and reversed type');
  const minType = {
    black: len(tF, 'black', 'the smallest solid black type', 2, 24),
    tint: len(tF, 'tint', 'the smallest type in a tint or colour', 2, 24),
    reversed: len(tF, 'reversed', 'the smallest reversed type', 2, 24),
  };
  const minRule = len(f, 'min-rule', 'the thinnest rule', 0.05, 5);
  const spots = (f.seq('spots')?.items ?? []).map((n, i) => {
    const v = isScalar(n) && typeof n.value === 'string' ? n.value.trim() : '';
    if (!v) fail(CODE, `plant profile: spots[${i}] must be the name of a spot ink, as the PDF names it (found ${describe(n)})`, spanOf(src, n ?? root));
    return v;
  });
  const sF = f.fields('severity', SEVERITY_RULES);
  const severity = Object.fromEntries(SEVERITY_RULES.map((rule) => {
    const v = sF?.string(rule);
    if (v !== undefined && v !== 'error' && v !== 'warning') sF!.bad(rule, '“error” or “warning”');
    return [rule, (v ?? 'error') as Severity];
  })) as PlantProfile['severity'];
  const iF = f.fields('images', ['minimum', 'target']) ?? f.missing('images', 'minimum and target photo resolution');
  const images = { minimum: ppi(iF, 'minimum', 'the lowest effective resolution accepted'), target: ppi(iF, 'target', 'the resolution photos are resampled to') };
  if (images.minimum > images.target) iF.bad('minimum', `at most the target (${images.target}ppi)`);
  const pageMultiple = f.has('page-multiple') ? int(f, 'page-multiple', 'pages per press section', 1, 64) : 1;
  const fileName = f.string('file-name', true);
  for (const m of fileName.matchAll(/\{([^}]*)\}/g)) {
    const key = m[1]!.split(':')[0]!;
    if (!PLACEHOLDERS.includes(key)) f.bad('file-name', `a pattern using ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')} (unknown {${m[1]}})`);
  }
  if (!/\{page(:\d)?\}/.test(fileName)) f.bad('file-name', 'a pattern with {page} in it, so every page has its own file');
  if (!fileName.endsWith('.pdf')) f.bad('file-name', 'a pattern ending .pdf');

  return {
    version: 1,
    name,
    ...(f.string('description') ? { description: f.string('description')! } : {}),
    file,
    trim,
    margins,
    columns,
    gutter,
    baseline,
    bleed,
    marks: marksValue === 'crop',
    pdfx: pdfx as PdfxFlavour,
    outputCondition,
    totalInk,
    minType,
    minRule,
    spots,
    severity,
    images,
    pageMultiple,
    fileName,
    src: spanOf(src, root as Node),
  };
}

function lengthOf(n: Node): number | undefined {
  if (!isScalar(n)) return undefined;
  if (typeof n.value === 'number') return undefined; // a bare number has no unit: refuse rather than guess
  return typeof n.value === 'string' ? parseLength(n.value) : undefined;
}

const fmt = (pt: number): string => `${(pt / (72 / 25.4)).toFixed(1).replace(/\.0$/, '')} mm`;

/** The name of one page's file, by the profile's pattern. */
export function pageFileName(pattern: string, v: { code: string; date: string; page: number; section?: string }): string {
  const [yyyy, mm, dd] = v.date.split('-') as [string, string, string];
  return pattern.replace(/\{([a-z]+)(?::(\d))?\}/g, (_, key: string, pad?: string) => {
    switch (key) {
      case 'code': return v.code;
      case 'date': return `${yyyy}${mm}${dd}`;
      case 'yyyy': return yyyy;
      case 'mm': return mm;
      case 'dd': return dd;
      case 'page': return String(v.page).padStart(Number(pad ?? 0), '0');
      case 'section': return (v.section ?? 'page').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
      default: return key;
    }
  });
}


/** The page geometry layout uses (trim, margins, columns, gutter, baseline grid), from the plant's profile. */
export function plantGeometry(p: PlantProfile): PageGeometry {
  return {
    width: p.trim.width,
    height: p.trim.height,
    margin: { top: p.margins.top, bottom: p.margins.bottom, inner: p.margins.inside, outer: p.margins.outside },
    columns: p.columns,
    gutter: p.gutter,
    baseline: p.baseline,
  };
}
