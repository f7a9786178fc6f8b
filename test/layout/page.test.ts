// Pages of the sample edition: body baselines on the grid in every column, columns balanced, nothing off the page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditionLayout, GlyphRun } from '../../src/core/index.js';
import { layoutEdition, typeArea, UK_TABLOID } from '../../src/layout/index.js';
import { editionFromFile, imageRequests, loadFonts, loadImages } from '../../src/publish/index.js';
import { loadTemplateSet, renderEdition } from '../../src/template/index.js';
import { FONTS, SAMPLE_EDITION, TEMPLATES } from '../helpers.js';

describe('page layout of the sample edition', () => {
  let layout: EditionLayout;
  beforeAll(async () => {
    const set = loadTemplateSet('tabloid', TEMPLATES);
    const markup = renderEdition(editionFromFile(SAMPLE_EDITION), set);
    const fonts = loadFonts(set.styles, FONTS);
    layout = layoutEdition({ pages: markup.map((m) => m.root), sheet: set.styles, fonts, images: await loadImages(markup.flatMap((m) => imageRequests(m.root))) });
  });

  const bodyRuns = (page: number) =>
    layout.pages[page]!.frame.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && !!i.tag && (i.tag.role === 'P' || i.tag.role === 'BlockQuote') && i.size === 9);

  it('puts every body baseline on the page’s 10.5 pt grid, in every column', () => {
    for (const p of [0, 1, 2]) {
      const area = typeArea(UK_TABLOID, p + 1);
      const runs = bodyRuns(p);
      expect(runs.length).toBeGreaterThan(50);
      const columns = new Set(runs.map((r) => Math.round((r.x - area.x) / (area.columnWidth + area.gutter))));
      expect(columns.size).toBeGreaterThan(1);
      for (const r of runs) {
        const steps = (r.y - area.y) / area.baseline;
        expect(Math.abs(steps - Math.round(steps)), `${r.text} at ${r.y}`).toBeLessThan(1e-6);
      }
    }
  });

  it('balances a story’s columns: their last baselines differ by at most a couple of lines', () => {
    const area = typeArea(UK_TABLOID, 3);
    const runs = bodyRuns(2).filter((r) => r.tag!.article === 'cricket-pavilion');
    const byColumn = new Map<number, number>();
    for (const r of runs) {
      const c = Math.round((r.x - area.x) / (area.columnWidth + area.gutter));
      byColumn.set(c, Math.max(byColumn.get(c) ?? 0, r.y));
    }
    const depths = [...byColumn.values()];
    expect(depths.length).toBe(5);
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(2 * area.baseline + 1e-6);
  });

  it('keeps every glyph run inside the trim, and justified body lines inside their column', () => {
    for (const page of layout.pages) {
      const area = typeArea(UK_TABLOID, page.number);
      for (const item of page.frame.items) {
        if (item.kind !== 'glyphs') continue;
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width).toBeLessThanOrEqual(page.width);
        expect(item.y).toBeLessThanOrEqual(page.height);
        if (item.size === 9 && item.tag?.role === 'P') {
          const c = Math.floor((item.x - area.x + 0.01) / (area.columnWidth + area.gutter));
          const right = area.x + c * (area.columnWidth + area.gutter) + area.columnWidth;
          expect(item.x + item.width, item.text).toBeLessThanOrEqual(right + 0.5);
        }
      }
    }
  });
});
