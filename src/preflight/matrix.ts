// Affine matrices as PDF writes them, [a b c d e f], for the CTM and the text matrix (PDF 32000-1 §8.3.4).

/** A PDF transformation matrix: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** A point in some coordinate space. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m then n: the matrix that applies `m` first (PDF's `cm` computes `m × CTM`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = n;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

/** A translation by (tx, ty). */
export const translation = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty];

/** The point (x, y) mapped by `m`. */
export const transform = (m: Matrix, x: number, y: number): Point => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });

/** How long a unit vertical vector becomes: the scale of type height under `m`. */
export const verticalScale = (m: Matrix): number => Math.hypot(m[2], m[3]);

/** The smallest stretch `m` gives any direction (its smaller singular value): how thin a line of width 1 can become. */
export function minimumScale(m: Matrix): number {
  const [a, b, c, d] = m;
  const s = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  return Math.sqrt(Math.max(0, (s - Math.sqrt(Math.max(0, s * s - 4 * det * det))) / 2));
}

/** A matrix from six numbers, or undefined when there are not six. */
export function matrixOf(n: readonly number[] | undefined): Matrix | undefined {
  return n && n.length === 6 ? [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!] : undefined;
}

/** An axis-aligned box on the page, points, PDF's y up: x0 ≤ x1, y0 ≤ y1. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The smallest box holding the points; undefined for none. */
export function boxOf(points: readonly Point[]): Box | undefined {
  if (points.length === 0) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
  }
  return { x0, y0, x1, y1 };
}

/** The box of the rectangle (x0, y0)–(x1, y1) mapped by `m`: its four corners' box (a turned rectangle's is larger). */
export const mappedBox = (m: Matrix, x0: number, y0: number, x1: number, y1: number): Box =>
  boxOf([transform(m, x0, y0), transform(m, x1, y0), transform(m, x0, y1), transform(m, x1, y1)])!;

/** Where two boxes overlap; undefined when they do not. */
export function intersect(a: Box, b: Box): Box | undefined {
  const r = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return r.x0 <= r.x1 && r.y0 <= r.y1 ? r : undefined;
}

/** A box's top-left corner as the page is seen (least x, greatest y): where a finding about what fills it is placed. */
export const topLeft = (b: Box): Point => ({ x: b.x0, y: b.y1 });
