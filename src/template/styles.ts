// Reads a template set's styles.yaml: font faces, families, colours and named paragraph styles.
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { BreakSettings, Cmyk, ExpansionSettings, FontFamily, HyphenationSettings, ParagraphStyle, Span, StyleSheet } from '../core/index.js';
import { BLACK, DEFAULT_BREAKING, DEFAULT_HYPHENATION, UserError, parseLength } from '../core/index.js';

const STYLE_KEYS = ['family', 'size', 'leading', 'tracking', 'align', 'indent', 'space-before', 'space-after', 'bold', 'italic', 'uppercase', 'color', 'word-space', 'hyphenate', 'breaking', 'expansion', 'drop-cap', 'min-size', 'max-size'] as const;
const HYPHENATE_KEYS: Record<string, keyof HyphenationSettings> = { 'min-word': 'minWordLength', left: 'leftMin', right: 'rightMin', capitalised: 'capitalised' };
const BREAKING_KEYS: Record<string, keyof BreakSettings> = {
  pretolerance: 'pretolerance',
  tolerance: 'tolerance',
  'line-penalty': 'linePenalty',
  'hyphen-penalty': 'hyphenPenalty',
  'ex-hyphen-penalty': 'exHyphenPenalty',
  'adj-demerits': 'adjDemerits',
  'double-hyphen-demerits': 'doubleHyphenDemerits',
  'final-hyphen-demerits': 'finalHyphenDemerits',
  'max-hyphens-in-row': 'maxHyphensInRow',
  looseness: 'looseness',
  'emergency-stretch': 'emergencyStretch',
  'spacing-exponent': 'spacingExponent',
};

/** Default word space: 80 / 100 / 133 % of the font's space, newspaper practice. */
const WORD_SPACE = { min: 0.8, natural: 1, max: 1.33 };

/**
 * Parses styles.yaml. Lengths take pt, mm and `em` (relative to the style's size).
 * Every mistake is reported at its file:line:col.
 */
export function parseStyles(file: string, text: string): StyleSheet {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (node: YamlNode | null | undefined): Span => {
    const off = node?.range?.[0] ?? 0;
    const p = lc.linePos(off);
    return { file, line: p.line, col: p.col };
  };
  const bail = (node: YamlNode | null | undefined, message: string, hints?: string[]): never => {
    throw new UserError({ severity: 'error', code: 'styles/invalid', message, span: at(node), hints });
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    throw new UserError({ severity: 'error', code: 'styles/yaml', message: e.message.split('\n')[0]!, span: { file, line: p.line, col: p.col } });
  }
  const root = doc.contents;
  if (!isMap(root)) return bail(root, 'styles file must be a mapping with faces, families, colors and paragraph');
  const section = (key: string): YAMLMap => {
    const node = root.get(key, true);
    if (!isMap(node)) return bail(node ?? root, `styles file needs a “${key}” mapping`);
    return node;
  };
  const entries = (m: YAMLMap) =>
    m.items.map((pair) => ({ key: String((pair.key as { value?: unknown }).value ?? pair.key), keyNode: pair.key as YamlNode, value: pair.value as YamlNode }));

  const faces: Record<string, string> = {};
  for (const { key, value } of entries(section('faces'))) faces[key] = String((value as { value?: unknown }).value);

  const families: Record<string, FontFamily> = {};
  for (const { key, value } of entries(section('families'))) {
    if (!isMap(value)) bail(value, `family ${key} must map regular/italic/bold/bold-italic to faces`);
    const f: Record<string, string> = {};
    for (const e of entries(value as YAMLMap)) {
      const face = String((e.value as { value?: unknown }).value);
      if (!(face in faces)) bail(e.value, `family ${key}: unknown face “${face}”`, [`faces: ${Object.keys(faces).join(', ')}`]);
      const slot = { regular: 'regular', italic: 'italic', bold: 'bold', 'bold-italic': 'boldItalic' }[e.key];
      if (!slot) bail(e.keyNode, `family ${key}: unknown slot “${e.key}”`, ['use regular, italic, bold, bold-italic']);
      f[slot!] = face;
    }
    if (!f['regular']) bail(value, `family ${key} needs a regular face`);
    families[key] = f as unknown as FontFamily;
  }

  const colors: Record<string, Cmyk> = { black: BLACK };
  for (const { key, value } of entries(section('colors'))) {
    const v = (value as { toJSON?: () => unknown }).toJSON?.();
    if (!isSeq(value) || !Array.isArray(v) || v.length !== 4 || v.some((n) => typeof n !== 'number' || n < 0 || n > 100)) {
      bail(value, `colour ${key} must be [c, m, y, k], each 0–100`);
    }
    colors[key] = v as unknown as Cmyk;
  }

  const paragraph: Record<string, ParagraphStyle> = {};
  for (const { key, value } of entries(section('paragraph'))) {
    if (!isMap(value)) bail(value, `paragraph style ${key} must be a mapping`);
    const props = new Map(entries(value as YAMLMap).map((e) => [e.key, e]));
    for (const [k, e] of props) {
      if (!(STYLE_KEYS as readonly string[]).includes(k)) bail(e.keyNode, `paragraph style ${key}: unknown property “${k}”`, [`properties: ${STYLE_KEYS.join(', ')}`]);
    }
    const raw = (k: string): unknown => (props.get(k)?.value as { value?: unknown } | undefined)?.value;
    const node = (k: string) => props.get(k)?.value ?? value;
    const family = String(raw('family') ?? '');
    if (!(family in families)) bail(node('family'), `paragraph style ${key}: unknown family “${family}”`, [`families: ${Object.keys(families).join(', ')}`]);
    const size = length(raw('size'), 0, () => bail(node('size'), `paragraph style ${key}: size must be a length such as 9pt`));
    if (!(size > 0)) bail(node('size'), `paragraph style ${key}: size must be positive`);
    const len = (k: string, dflt: number) =>
      raw(k) === undefined ? dflt : length(raw(k), size, () => bail(node(k), `paragraph style ${key}: ${k} is not a length (pt, mm or em)`));
    const bool = (k: string) => raw(k) === true;
    const align = String(raw('align') ?? 'justify');
    if (!['justify', 'left', 'right', 'center'].includes(align)) bail(node('align'), `paragraph style ${key}: align must be justify, left, right or center`);
    const colorName = String(raw('color') ?? 'black');
    const color = colors[colorName] ?? bail(node('color'), `paragraph style ${key}: unknown colour “${colorName}”`);
    // Rich black type misregisters on a newspaper press: black text is 100 % K alone, and overprints.
    if (color[3] >= 100 && color[0] + color[1] + color[2] > 0) {
      bail(node('color'), `paragraph style ${key}: colour “${colorName}” is rich black (${color.join(', ')}): type on newsprint is set in 100 % K alone`, ['use [0, 0, 0, 100], or black']);
    }
    const ws = props.get('word-space')?.value;
    const wsv = ws ? (ws as { toJSON(): unknown }).toJSON() : undefined;
    if (wsv !== undefined && !(Array.isArray(wsv) && wsv.length === 3 && wsv.every((n) => typeof n === 'number' && n > 0) && wsv[0] <= wsv[1] && wsv[1] <= wsv[2])) {
      bail(ws, `paragraph style ${key}: word-space must be [min, natural, max] fractions of the space, e.g. [0.8, 1, 1.33]`);
    }
    // Hyphenation: true/false, or a mapping of its settings; on by default for justified text only.
    const hy = props.get('hyphenate')?.value;
    let hyphenation: HyphenationSettings = { ...DEFAULT_HYPHENATION, enabled: align === 'justify' };
    if (hy && isMap(hy)) {
      const h: Record<string, unknown> = { ...DEFAULT_HYPHENATION };
      for (const e of entries(hy as YAMLMap)) {
        const k = HYPHENATE_KEYS[e.key] ?? bail(e.keyNode, `paragraph style ${key}: unknown hyphenate setting “${e.key}”`, [`settings: ${Object.keys(HYPHENATE_KEYS).join(', ')}`]);
        const v = (e.value as { value?: unknown }).value;
        if (k === 'capitalised' ? typeof v !== 'boolean' : !(Number.isInteger(v) && (v as number) >= 1)) bail(e.value, `paragraph style ${key}: hyphenate ${e.key} must be ${k === 'capitalised' ? 'true or false' : 'a whole number of characters'}`);
        h[k] = v;
      }
      hyphenation = h as unknown as HyphenationSettings;
    } else if (hy) {
      const v = (hy as { value?: unknown }).value;
      if (typeof v !== 'boolean') bail(hy, `paragraph style ${key}: hyphenate must be true, false or a mapping`);
      hyphenation = { ...DEFAULT_HYPHENATION, enabled: v as boolean };
    }
    // The breaker's TeX parameters.
    const br = props.get('breaking')?.value;
    const breaking: Record<string, number> = { ...DEFAULT_BREAKING };
    if (br) {
      if (!isMap(br)) bail(br, `paragraph style ${key}: breaking must be a mapping`);
      for (const e of entries(br as YAMLMap)) {
        const k = BREAKING_KEYS[e.key] ?? bail(e.keyNode, `paragraph style ${key}: unknown breaking setting “${e.key}”`, [`settings: ${Object.keys(BREAKING_KEYS).join(', ')}`]);
        const raw = (e.value as { value?: unknown }).value;
        const v = k === 'emergencyStretch' ? length(raw, size, () => bail(e.value, `paragraph style ${key}: emergency-stretch must be a length`)) : raw;
        if (typeof v !== 'number' || !Number.isFinite(v)) bail(e.value, `paragraph style ${key}: breaking ${e.key} must be a number`);
        breaking[k] = v as number;
      }
    }
    // Font expansion: false, or letter-spacing (a length) and scaling (a percentage).
    const ex = props.get('expansion')?.value;
    let expansion: ExpansionSettings | undefined;
    if (ex && isMap(ex)) {
      const m = new Map(entries(ex as YAMLMap).map((e) => [e.key, e]));
      for (const k of m.keys()) if (k !== 'letter-spacing' && k !== 'scaling') bail(m.get(k)!.keyNode, `paragraph style ${key}: unknown expansion setting “${k}”`, ['settings: letter-spacing, scaling']);
      const ls = m.get('letter-spacing');
      const sc = m.get('scaling');
      const letterSpacing = ls ? length((ls.value as { value?: unknown }).value, size, () => bail(ls.value, `paragraph style ${key}: letter-spacing must be a length`)) : 0;
      const scRaw = sc ? String((sc.value as { value?: unknown }).value) : '0%';
      const scM = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(scRaw);
      if (!scM) bail(sc?.value ?? ex, `paragraph style ${key}: scaling must be a percentage such as 2%`);
      expansion = { letterSpacing, scaling: Number(scM![1]) / 100 };
      if (letterSpacing < 0 || letterSpacing > 1 || expansion.scaling > 0.05) bail(ex, `paragraph style ${key}: expansion beyond 1 pt of letter-spacing or 5 % scaling is not typesetting`);
    } else if (ex && (ex as { value?: unknown }).value !== false) {
      bail(ex, `paragraph style ${key}: expansion must be false or { letter-spacing, scaling }`);
    }
    const dropCap = raw('drop-cap') ?? 0;
    if (!Number.isInteger(dropCap) || (dropCap as number) < 0 || (dropCap as number) > 6) bail(node('drop-cap'), `paragraph style ${key}: drop-cap must be a number of lines from 0 to 6`);
    // A headline's range on the scale: it shrinks to fit its lines no smaller than min-size, and grows to fill its
    // measure no larger than max-size (the composer's rank rules rely on the ranges of the scale not overlapping).
    const minSize = raw('min-size') === undefined ? undefined : len('min-size', size);
    const maxSize = raw('max-size') === undefined ? undefined : len('max-size', size);
    if (minSize !== undefined && !(minSize > 0 && minSize <= size)) bail(node('min-size'), `paragraph style ${key}: min-size must be a length from 0 to its size (${size} pt)`);
    if (maxSize !== undefined && !(maxSize >= size)) bail(node('max-size'), `paragraph style ${key}: max-size must be a length at least its size (${size} pt)`);
    paragraph[key] = {
      ...(minSize !== undefined ? { minSize } : {}),
      ...(maxSize !== undefined ? { maxSize } : {}),
      hyphenation,
      breaking: breaking as unknown as BreakSettings,
      ...(expansion ? { expansion } : {}),
      dropCap: dropCap as number,
      family,
      size,
      leading: len('leading', size * 1.2),
      tracking: Number(raw('tracking') ?? 0),
      align: align as ParagraphStyle['align'],
      indent: len('indent', 0),
      spaceBefore: len('space-before', 0),
      spaceAfter: len('space-after', 0),
      bold: bool('bold'),
      italic: bool('italic'),
      uppercase: bool('uppercase'),
      color,
      wordSpace: wsv ? { min: (wsv as number[])[0]!, natural: (wsv as number[])[1]!, max: (wsv as number[])[2]! } : WORD_SPACE,
    };
  }
  return { faces, families, paragraph, colors, file };
}

function length(v: unknown, em: number, onBad: () => never): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return onBad();
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*em\s*$/.exec(v);
  if (m) return Number(m[1]) * em;
  return parseLength(v) ?? onBad();
}
