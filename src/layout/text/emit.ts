// Set lines → frame glyph runs at a position on the page.
import type { ArticleTag, Diagnostic, GlyphRun, ParagraphStyle, Span } from '../../core/index.js';
import type { LayoutContext } from '../context.js';
import { faceFor } from './paragraph.js';
import type { SetLine } from './set-lines.js';

/** Glyph runs of one line whose baseline is at `y` and whose measure starts at `x`. */
export function lineRuns(line: SetLine, x: number, y: number, tag?: ArticleTag, src?: Span): GlyphRun[] {
  const last = line.runs.length - 1;
  return line.runs.map((r, i) => ({
    kind: 'glyphs',
    x: x + r.x,
    y,
    font: r.style.face,
    size: r.style.size,
    text: r.text,
    glyphs: r.glyphs,
    width: r.width,
    wordSpacing: r.wordSpacing,
    tracking: r.style.tracking,
    hscale: r.hscale,
    color: r.style.color,
    // Always present (undefined when absent): every run then has one shape, which keeps the exporters' loops fast.
    tag,
    src,
    // A word broken across lines: the line's last run says so, and the next line's first (for the archive's ALTO).
    breaksWord: i === last ? line.breaksWord : undefined,
    finishesWord: i === 0 ? line.finishesWord : undefined,
  }));
}

/**
 * Makes the first run of a line read with `leadIn` before its first word (a drop cap's letter drawn beside the
 * line): its first word's glyphs get that word, with the letter, as their actual text.
 */
export function readWithLeadIn(runs: GlyphRun[], leadIn: string): void {
  const run = runs[0];
  if (!run) return;
  let j = 0;
  let k = 0;
  while (k < run.glyphs.length && j < run.text.length && !/\s/u.test(run.text[j]!)) {
    for (const cp of run.glyphs[k]!.cp) j += cp > 0xffff ? 2 : 1;
    k++;
  }
  runs[0] = { ...run, actualText: { glyphs: k, text: leadIn + run.text.slice(0, j) } };
}

/** Cap height of a style's regular face, points: where a display line's caps reach above its baseline. */
export function capHeight(ctx: LayoutContext, s: ParagraphStyle): number {
  return ctx.shaper.metrics(faceFor(ctx.sheet, s.family, s.bold, s.italic)).capHeight * s.size;
}

/** Depth below the baseline of a style's descenders, points. */
export function descent(ctx: LayoutContext, s: ParagraphStyle): number {
  return -ctx.shaper.metrics(faceFor(ctx.sheet, s.family, s.bold, s.italic)).descent * s.size;
}

/**
 * Places display lines (headlines, captions) top-down from `top`: the first line's
 * capitals touch `top`, later baselines follow at the style's leading.
 * Returns the runs and the y just below the last line's descenders.
 */
export function placeLines(ctx: LayoutContext, lines: readonly SetLine[], s: ParagraphStyle, x: number, top: number, tag?: ArticleTag, src?: Span): { runs: GlyphRun[]; bottom: number } {
  const runs: GlyphRun[] = [];
  let y = top + capHeight(ctx, s);
  lines.forEach((l, i) => {
    if (i > 0) y += s.leading;
    runs.push(...lineRuns(l, x, y, tag, src));
    lineFindings(ctx.warnings, l, src);
  });
  return { runs, bottom: lines.length ? y + descent(ctx, s) : top };
}

/** A long word in a message: whole up to 60 characters, else its start and end round an ellipsis. */
function shortWord(word: string): string {
  return word.length <= 60 ? word : `${word.slice(0, 28)}…${word.slice(-28)}`;
}

/**
 * The report's findings on a placed line, each once however often the line is set and placed (a caption is set once
 * to measure it and again to draw it): a line past its measure
 * (which the breaker's emergency means leave only for a single character wider than the measure), and a break
 * inside a word too wide for the measure, with the means that broke it (docs/composer.md). A break at a compound's
 * own hyphen is an ordinary break and is not reported.
 */
export function lineFindings(warnings: Diagnostic[], line: SetLine, src: Span | undefined): void {
  const once = (code: string, message: string, hints?: string[]) => {
    if (warnings.some((w) => w.code === code && w.message === message && w.span === src)) return;
    warnings.push({ severity: 'warning', code, message, ...(src ? { span: src } : {}), ...(hints ? { hints } : {}) });
  };
  if (line.overfull > 0) once('layout/overfull', `line sticks out ${line.overfull.toFixed(1)} pt past the column: “${line.text}”`);
  const e = line.emergency;
  if (!e || e.means === 'compound') return;
  const word = `“${shortWord(e.word)}” is wider than its ${line.measure.toFixed(1)} pt measure`;
  const at = [...e.word.slice(0, e.at)].length; // characters before the break
  if (e.means === 'hyphenation') once('layout/emergency-break', `${word}: broken at a hyphenation point after character ${at}, “${line.text}”`, ['a soft hyphen (U+00AD) in the copy decides where it breaks']);
  else if (e.means === 'address') once('layout/emergency-break', `${word}: the address breaks without a hyphen after character ${at}, “${line.text}”`);
  else once('layout/letter-break', `${word} and has no hyphenation point that fits: broken between characters ${at} and ${at + 1} (a fault), “${line.text}”`, ['add a soft hyphen (U+00AD) where the word may break, or rewrite the sentence']);
}
