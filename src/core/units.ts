// Lengths: points inside, mm / pt / in / pc only at the edges.

/** PostScript points per millimetre (72 pt = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;

export const mm = (v: number): number => v * PT_PER_MM;
export const toMm = (pt: number): number => pt / PT_PER_MM;

const UNITS: Record<string, number> = { pt: 1, mm: PT_PER_MM, cm: 10 * PT_PER_MM, in: 72, pc: 12 };

/**
 * Parses a length such as `12mm`, `9pt`, `0.5in`, `1pc` or `3.5cm` to points.
 * A bare number is taken as points. Returns undefined when the text is not a length.
 */
export function parseLength(text: string): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(pt|mm|cm|in|pc)?\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  return value * UNITS[m[2] ?? 'pt']!;
}
