import { describe, expect, it } from 'vitest';
import { pageToSvg } from '../../../src/export/raster/svg.js';
import { fonts, page, run } from './builders.js';

describe('pageToSvg', () => {
  it('sizes the SVG in pixels and draws it in points', () => {
    const svg = pageToSvg(page(72, 144, []), fonts, new Map(), { pxPerPt: 2 });
    expect(svg).toContain('width="144" height="288" viewBox="0 0 144 288"');
    expect(svg).toContain('<g transform="scale(2,2)">');
  });

  it('defines each glyph once, places every inked glyph and skips spaces', () => {
    const r = run('Hello hello', 10, 20, 12);
    const svg = pageToSvg(page(200, 100, [r]), fonts, new Map(), { pxPerPt: 1 });
    const defs = svg.match(/<path id=/g) ?? [];
    const uses = svg.match(/<use /g) ?? [];
    expect(defs.length).toBe(new Set('Hhelo').size); // H, h, e, l, o
    expect(uses.length).toBe(10); // 11 glyphs minus the space
    // Pen positions in font units: the first glyph at the run's origin.
    expect(svg).toMatch(/<use href="#f0g\d+" x="0"\/>/);
    expect(svg).toContain('<g fill="#232323" transform="translate(10,20) scale(0.005859375,-0.005859375)">');
  });

  it('draws nothing for anchors', () => {
    const svg = pageToSvg(page(100, 100, [{ kind: 'anchor', article: 'a', x: 0, y: 0, w: 50, h: 50 }]), fonts, new Map(), {
      pxPerPt: 1,
    });
    expect(svg).not.toMatch(/<(use|line|image)/);
    expect((svg.match(/<rect/g) ?? []).length).toBe(1); // the paper
  });

  it('refuses a font or image the page does not come with', () => {
    const r = { ...run('Hi', 0, 10, 10), font: 'missing' };
    expect(() => pageToSvg(page(100, 100, [r]), fonts, new Map(), { pxPerPt: 1 })).toThrow(/font "missing"/);
    const img = { kind: 'image' as const, x: 0, y: 0, w: 10, h: 10, image: 'nope', crop: { left: 0, top: 0, width: 1, height: 1 } };
    expect(() => pageToSvg(page(100, 100, [img]), fonts, new Map(), { pxPerPt: 1 })).toThrow(/image set/);
  });
});
