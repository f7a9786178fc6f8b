// Screen colours for the e-edition: CMYK percentages (what the plant prints) to sRGB.
import type { Cmyk } from '../../core/color.js';

/**
 * Light reflected by a solid of 100 % K, as a fraction of paper white.
 * 35/255 puts 100 % K at sRGB (35, 35, 35): the lightness Acrobat shows for
 * 100 K through U.S. Web Coated (SWOP) (35, 31, 32), a little darker than
 * pdf.js (44, 46, 53). Readers see type as black, not as the grey of a pure
 * newsprint simulation, and the e-edition matches the print PDF on screen.
 */
export const K_SOLID_REFLECTANCE = 35 / 255;

/** An sRGB colour, each channel 0–255 (integers). */
export type Srgb = readonly [r: number, g: number, b: number];

/**
 * Converts print CMYK (each 0–100 %) to sRGB with a simple subtractive model,
 * not a colour-managed transform (issue 5 replaces this with an ICC transform
 * through the newsprint profile):
 *
 *   r = 255 · (1 − c) · (1 − k′),  g = 255 · (1 − m) · (1 − k′),  b = 255 · (1 − y) · (1 − k′)
 *
 * with k′ = k · (1 − K_SOLID_REFLECTANCE), so 100 % K is a near-black (35, 35, 35)
 * and 0 % everywhere is paper white. Inputs outside 0–100 are clamped.
 */
export function cmykToSrgb(color: Cmyk): Srgb {
  const [c, m, y, k] = color.map((v) => Math.min(100, Math.max(0, v)) / 100) as unknown as Cmyk;
  const dark = 1 - k * (1 - K_SOLID_REFLECTANCE);
  const channel = (ink: number): number => Math.round(255 * (1 - ink) * dark);
  return [channel(c), channel(m), channel(y)];
}

/** The CSS/SVG form of a CMYK colour: `#rrggbb`. */
export function cmykToHex(color: Cmyk): string {
  return '#' + cmykToSrgb(color).map((v) => v.toString(16).padStart(2, '0')).join('');
}
