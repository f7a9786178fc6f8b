// The composer's desk: what the pages of one edition share as they are laid out in page order — the jumps waiting
// for their pages, the overmatter not yet placed and the stories already measured. It lives here, beside the layout
// context that carries it, so that the composer (layout/compose/) depends on the layout and never the reverse.
import type { MarkupElement } from '../template/index.js';
import type { FlowUnit } from './flow/columns.js';

/** What did not fit on its page, waiting for the page it jumps to. */
export interface Continuation {
  readonly article: string;
  readonly story: MarkupElement;
  readonly units: readonly FlowUnit[];
  readonly fromPage: number;
  readonly toPage: number;
}

/** A story of the overmatter. */
export interface PoolStory {
  readonly el: MarkupElement;
  readonly id: string;
  /** The section whose pages may take it; undefined: any page. */
  readonly section?: string;
  /** Words of its body, for the report of what was held over. */
  readonly words: number;
}

/**
 * The edition's jumps, shared by its pages as they are laid out in order: where each page may send a story, and the
 * continuations waiting. `sections` and `composed` are per page (index 0 is page 1).
 */
export interface JumpDesk {
  readonly pending: Continuation[];
  readonly sections: readonly (string | undefined)[];
  readonly composed: readonly boolean[];
  /** The overmatter not yet placed, in priority order: composed pages take from it in page order. */
  readonly pool: PoolStory[];
  /** The edition has an overmatter: pages are filled from it, and any long story may carry a pull quote. */
  readonly overmatter: boolean;
  /**
   * Stories measured in this edition by id and rank class, so a story of the overmatter is measured once, not per
   * page: the composer's own records (compose/measure.ts `MeasuredStory`), which only it reads, as `memo` holds
   * results only their makers read.
   */
  readonly measured: Map<string, unknown>;
}
