import { describe, expect, it } from 'vitest';
import { cmykToHex, cmykToSrgb } from '../../../src/export/raster/color.js';

describe('cmykToSrgb', () => {
  it('shows paper as white and 100 % K as a neutral near-black', () => {
    expect(cmykToSrgb([0, 0, 0, 0])).toEqual([255, 255, 255]);
    expect(cmykToSrgb([0, 0, 0, 100])).toEqual([35, 35, 35]);
    expect(cmykToHex([0, 0, 0, 100])).toBe('#232323');
  });

  it('keeps process colours recognisable', () => {
    expect(cmykToSrgb([100, 0, 0, 0])).toEqual([0, 255, 255]);
    expect(cmykToSrgb([0, 100, 100, 0])).toEqual([255, 0, 0]);
    const [r, g, b] = cmykToSrgb([0, 0, 0, 50]);
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(r).toBeGreaterThan(35);
    expect(r).toBeLessThan(255);
  });

  it('clamps percentages outside 0–100', () => {
    expect(cmykToSrgb([-10, 0, 0, 120])).toEqual(cmykToSrgb([0, 0, 0, 100]));
  });
});
