// Inline runs and plain text: whitespace clean-up, ids and small helpers shared by every ingest format.
import type { Inline } from '../core/article.js';

/**
 * Any run of whitespace, including no-break (U+00A0), thin (U+2009), narrow
 * no-break (U+202F) and the other Unicode space separators that `\s` covers.
 */
const SPACES = /\s+/g;

/** Collapses whitespace runs (including U+00A0, U+2009, U+202F) to one space and trims. */
export function cleanText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** A style being applied while walking marked-up text. */
export interface RunStyle {
  readonly italic: boolean;
  readonly bold: boolean;
}

export const PLAIN: RunStyle = { italic: false, bold: false };

/** Builds the runs of one paragraph from text pieces in their styles, as a parser walks the markup. */
export class RunBuilder {
  private readonly pieces: { text: string; style: RunStyle }[] = [];

  add(text: string, style: RunStyle = PLAIN): void {
    if (text !== '') this.pieces.push({ text, style });
  }

  /** True when no visible text has been added. */
  get isEmpty(): boolean {
    return this.pieces.every((p) => p.text.trim() === '');
  }

  /** The finished runs: see {@link normaliseRuns}. */
  runs(): Inline[] {
    return normaliseRuns(this.pieces);
  }

  /** The text without styles, whitespace collapsed. */
  text(): string {
    return cleanText(this.pieces.map((p) => p.text).join(''));
  }
}

/**
 * Collapses whitespace across run boundaries, trims the paragraph's ends,
 * merges neighbours of the same style and drops empty runs. A space between
 * runs of different style stays with the earlier run.
 */
export function normaliseRuns(pieces: readonly { text: string; style: RunStyle }[]): Inline[] {
  const out: { text: string; style: RunStyle }[] = [];
  let lastWasSpace = true; // so leading space is dropped
  for (const p of pieces) {
    let text = p.text.replace(SPACES, ' ');
    if (lastWasSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    lastWasSpace = text.endsWith(' ');
    const prev = out[out.length - 1];
    if (prev && prev.style.italic === p.style.italic && prev.style.bold === p.style.bold) prev.text += text;
    else out.push({ text, style: p.style });
  }
  const last = out[out.length - 1];
  if (last) {
    last.text = last.text.replace(/ $/, '');
    if (last.text === '') out.pop();
  }
  return out.map(({ text, style }) => {
    const run: { text: string; italic?: boolean; bold?: boolean } = { text };
    if (style.italic) run.italic = true;
    if (style.bold) run.bold = true;
    return run;
  });
}

/** One plain run for a paragraph of unmarked text. */
export function plainRuns(text: string): Inline[] {
  const t = cleanText(text);
  return t === '' ? [] : [{ text: t }];
}

/**
 * The id of an article from its file name: the basename without extension,
 * lowercased, accents removed, anything but a–z and 0–9 turned into single
 * hyphens. `Harbour Wall (final).md` → `harbour-wall-final`.
 */
export function slugFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.includes('.') && !base.startsWith('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return slugify(stem) || 'article';
}

/** Lowercase a–z, 0–9 and single hyphens, no hyphen at either end. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `{ key: value }` when value is defined, `{}` otherwise: keeps absent optional fields absent. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
