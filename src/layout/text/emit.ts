// Set lines → frame glyph runs at a position on the page.
import type { ArticleTag, GlyphRun, ParagraphStyle, Span } from '../../core/index.js';
import type { LayoutContext } from '../context.js';
import { faceFor } from './paragraph.js';
import type { SetLine } from './set-lines.js';

/** Glyph runs of one line whose baseline is at `y` and whose measure starts at `x`. */
export function lineRuns(line: SetLine, x: number, y: number, tag?: ArticleTag, src?: Span): GlyphRun[] {
  return line.runs.map((r) => ({
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
  }));
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
  });
  return { runs, bottom: lines.length ? y + descent(ctx, s) : top };
}
