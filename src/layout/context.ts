// What every layout step needs: styles, the shaper, images, the type area and the warning sink.
import type { Diagnostic, ImageSet, PageComposition, ParagraphStyle, Span, StyleSheet } from '../core/index.js';
import type { TypeArea } from './geometry.js';
import type { Shaper } from './text/shape.js';
import type { JumpDesk } from './desk.js';

export interface LayoutContext {
  readonly sheet: StyleSheet;
  readonly shaper: Shaper;
  readonly images: ImageSet;
  readonly area: TypeArea;
  readonly pageNumber: number;
  readonly warnings: Diagnostic[];
  /** Effective resolution below which a photo is reported as soft, ppi (the plant's minimum). */
  readonly minImagePpi: number;
  /** The edition's jumps between composed pages (absent when a page is laid out on its own). */
  readonly jumps?: JumpDesk;
  /** Where a composed page reports what it placed. */
  readonly compositions?: PageComposition[];
  /**
   * Results a long-running caller keeps between layouts of the same edition (the preview), by a key of everything
   * they depend on: stories' measured variants and composers' searches. Cleared with the layout cache whenever the
   * style sheet, geometry, fonts or pictures change.
   */
  readonly memo?: Map<string, unknown>;
}

/** Looks up a paragraph style; a missing one is the template's mistake, reported where it asked for it. */
export function style(ctx: LayoutContext, name: string, where: Span): ParagraphStyle {
  const s = ctx.sheet.paragraph[name];
  if (!s) {
    ctx.warnings.push({ severity: 'error', code: 'layout/unknown-style', message: `unknown paragraph style “${name}”`, span: where, hints: [`styles in ${ctx.sheet.file}: ${Object.keys(ctx.sheet.paragraph).join(', ')}`] });
    return ctx.sheet.paragraph['body'] ?? Object.values(ctx.sheet.paragraph)[0]!;
  }
  return s;
}

export function warn(ctx: LayoutContext, code: string, message: string, span?: Span, hints?: string[]): void {
  ctx.warnings.push({ severity: 'warning', code, message, span, hints });
}
