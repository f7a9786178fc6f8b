// Print colours: CMYK percentages, as the plant prints them.

/** Cyan, magenta, yellow, black, each 0–100 %. */
export type Cmyk = readonly [c: number, m: number, y: number, k: number];

/** 100 % black: body text and rules on newsprint are K only. */
export const BLACK: Cmyk = [0, 0, 0, 100];
export const PAPER: Cmyk = [0, 0, 0, 0];

/** Total ink coverage in percent (sum of the four separations). */
export const totalInk = (c: Cmyk): number => c[0] + c[1] + c[2] + c[3];
