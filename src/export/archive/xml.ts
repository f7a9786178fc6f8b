// Writing the archive's XML by hand: escaped text and attributes, and lengths in ALTO's tenths of a millimetre.

/** Characters XML 1.0 does not allow at all (C0 controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Anything `esc` has to change: most words have nothing, and are returned as they are. */
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text or an attribute value, escaped (and anything XML cannot carry dropped). */
export function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ` NAME="value"` for each attribute that has a value, in the order given. */
export function attrs(a: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${typeof v === 'number' ? String(v) : esc(v)}"`;
  return out;
}

/** Tenths of a millimetre in a point: 25.4 mm to the inch, 72 points to the inch. */
const MM10_PER_PT = 254 / 72;
/**
 * Rounding slack: a length that is a whole number of tenths of a millimetre in exact arithmetic may come out a hair
 * over it in floating point; it is not pushed to the next tenth.
 */
const SLACK = 1e-6;

/** A box in points (from the trim's top-left, y down). */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * A box in whole tenths of a millimetre, rounded outwards (left and top down, right and bottom up), so the box in
 * ALTO still holds everything the box in points held.
 */
export function mm10(b: Box): { HPOS: number; VPOS: number; WIDTH: number; HEIGHT: number } {
  const x0 = Math.floor(b.x0 * MM10_PER_PT + SLACK);
  const y0 = Math.floor(b.y0 * MM10_PER_PT + SLACK);
  const x1 = Math.ceil(b.x1 * MM10_PER_PT - SLACK);
  const y1 = Math.ceil(b.y1 * MM10_PER_PT - SLACK);
  return { HPOS: x0, VPOS: y0, WIDTH: Math.max(0, x1 - x0), HEIGHT: Math.max(0, y1 - y0) };
}

/** A length in whole tenths of a millimetre (the page's size). */
export const lengthMm10 = (pt: number): number => Math.round(pt * MM10_PER_PT);

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
