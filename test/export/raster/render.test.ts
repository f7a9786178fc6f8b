import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mm } from '../../../src/core/units.js';
import type { Page } from '../../../src/core/frame.js';
import { renderPage } from '../../../src/export/raster/index.js';
import { fonts, images, page, region, run, twoToneImage } from './builders.js';

/** Pixels per point at the default 150 dpi. */
const PX = 150 / 72;
const px = (pt: number): number => Math.round(pt * PX);

const renderPng = (p: Page, imgs = images()) => renderPage(p, fonts, imgs, { formats: ['png'] });

describe('renderPage', () => {
  it('renders a tabloid page at 150 dpi with the page aspect, as JPEG by default', async () => {
    const tabloid = page(mm(280), mm(430), []);
    const out = await renderPage(tabloid, fonts, images());
    expect(out.page).toHaveLength(1);
    const [img] = out.page;
    expect(img!.format).toBe('jpeg');
    expect([img!.width, img!.height]).toEqual([1654, 2539]);
    const meta = await sharp(img!.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1654, 2539]);
    expect(Math.abs(meta.width! / meta.height! - 280 / 430)).toBeLessThan(1 / 1654);
  });

  it('puts dark pixels where a glyph run is and none away from it', async () => {
    const r = run('Hello', 72, 100, 24);
    const out = await renderPng(page(400, 300, [r]));
    const data = out.page[0]!.data;
    // "Hello" at 24 pt: cap height ~16 pt above the baseline at y = 100.
    const text = await region(data, px(72), px(84), px(r.width), px(16));
    expect(Math.max(...text.min)).toBeLessThan(60);
    expect(text.mean[0]).toBeLessThan(200);
    // Nothing left of, below, or right of the word.
    for (const [x, y, w, h] of [
      [0, 0, 60, 300],
      [60, 110, 340, 190],
      [72 + r.width + 10, 0, 400 - 82 - r.width, 300],
    ] as const) {
      const empty = await region(data, px(x), px(y), px(w) - 1, px(h) - 1);
      expect(empty.min).toEqual([255, 255, 255]);
    }
  });

  it('draws a 100 % K rule as a near-black line on its pixel row', async () => {
    const out = await renderPng(page(300, 200, [{ kind: 'rule', x1: 20, y1: 144, x2: 280, y2: 144, width: 1.44, color: [0, 0, 0, 100] }]));
    const data = out.page[0]!.data;
    // y = 144 pt is pixel row 300; the rule is 1.44 pt = 3 px thick, rows 298.5–301.5.
    const line = await region(data, px(30), 299, px(240), 2);
    for (const m of line.mean) expect(m).toBeCloseTo(35, -1); // cmykToSrgb of 100 % K
    const above = await region(data, px(30), 290, px(240), 5);
    const below = await region(data, px(30), 305, px(240), 5);
    expect(above.min).toEqual([255, 255, 255]);
    expect(below.min).toEqual([255, 255, 255]);
    const beyond = await region(data, px(282), 295, 20, 10); // past the rule's end, butt cap
    expect(beyond.min).toEqual([255, 255, 255]);
  });

  it('fills a cyan rect with cyan', async () => {
    const out = await renderPng(page(200, 200, [{ kind: 'rect', x: 50, y: 50, w: 100, h: 50, fill: [100, 0, 0, 0] }]));
    const inside = await region(out.page[0]!.data, px(55), px(55), px(90), px(40));
    expect(inside.mean[0]).toBeLessThan(30);
    expect(inside.mean[1]).toBeGreaterThan(220);
    expect(inside.mean[2]).toBeGreaterThan(220);
    const outside = await region(out.page[0]!.data, px(55), px(105), px(90), px(40));
    expect(outside.min).toEqual([255, 255, 255]);
  });

  it('shows the cropped part of a picture in its box', async () => {
    const red = { r: 220, g: 20, b: 20 };
    const blue = { r: 20, g: 20, b: 220 };
    const photo = await twoToneImage('/photos/a.png', 80, 40, red, blue);
    const item = { kind: 'image' as const, x: 40, y: 60, w: 120, h: 90, image: photo.id, crop: { left: 40, top: 0, width: 40, height: 40 } };
    const out = await renderPng(page(200, 200, [item]), images(photo));
    const data = out.page[0]!.data;
    const box = await region(data, px(42), px(62), px(116), px(86));
    expect(box.mean[2]).toBeGreaterThan(200); // the right (blue) half only
    expect(box.mean[0]).toBeLessThan(40);
    const beside = await region(data, px(0), px(60), px(38), px(90));
    const under = await region(data, px(40), px(152), px(120), px(40));
    expect(beside.min).toEqual([255, 255, 255]);
    expect(under.min).toEqual([255, 255, 255]);
  });

  it('reduces a large photo to its box and still shows only the crop', async () => {
    const red = { r: 220, g: 20, b: 20 };
    const blue = { r: 20, g: 20, b: 220 };
    const photo = await twoToneImage('/photos/big.png', 1600, 800, red, blue);
    const item = { kind: 'image' as const, x: 50, y: 50, w: 100, h: 100, image: photo.id, crop: { left: 800, top: 0, width: 800, height: 800 } };
    const out = await renderPng(page(200, 200, [item]), images(photo));
    const box = await region(out.page[0]!.data, px(50), px(50), px(100), px(100));
    expect(box.mean[2]).toBeGreaterThan(210);
    expect(box.mean[0]).toBeLessThan(30);
    const outside = await region(out.page[0]!.data, 0, 0, px(200), px(49));
    expect(outside.min).toEqual([255, 255, 255]);
  });

  it('makes a 200 px wide thumbnail with the page aspect from the same raster', async () => {
    const p = page(mm(280), mm(430), [{ kind: 'rect', x: 0, y: 0, w: mm(140), h: mm(430), fill: [0, 0, 0, 100] }]);
    const out = await renderPage(p, fonts, images(), { formats: ['png', 'webp'] });
    expect(out.thumbnail.format).toBe('png');
    expect([out.thumbnail.width, out.thumbnail.height]).toEqual([200, Math.round((200 * 2539) / 1654)]);
    const meta = await sharp(out.thumbnail.data).metadata();
    expect([meta.width, meta.height]).toEqual([200, 307]);
    const left = await region(out.thumbnail.data, 10, 10, 80, 280);
    const right = await region(out.thumbnail.data, 110, 10, 80, 280);
    expect(left.mean[0]).toBeLessThan(40);
    expect(right.min).toEqual([255, 255, 255]);
  });

  it('encodes every format asked for from one rendering', async () => {
    const out = await renderPage(page(100, 100, [run('Hi', 10, 50, 20)]), fonts, images(), { formats: ['webp', 'png', 'jpeg'] });
    const found = await Promise.all(out.page.map(async (i) => (await sharp(i.data).metadata()).format));
    expect(found).toEqual(['webp', 'png', 'jpeg']);
  });

  it('gives the same bytes for the same page', async () => {
    const photo = await twoToneImage('/photos/b.png', 30, 20, { r: 0, g: 200, b: 0 }, { r: 200, g: 200, b: 0 });
    const p = page(300, 300, [
      run('Deterministic output', 20, 40, 18),
      { kind: 'rule', x1: 20, y1: 50, x2: 280, y2: 50, width: 0.5, color: [0, 0, 0, 100] },
      { kind: 'image', x: 20, y: 60, w: 90, h: 60, image: photo.id, crop: { left: 0, top: 0, width: 30, height: 20 } },
    ]);
    const opts = { formats: ['png', 'jpeg', 'webp'] as const };
    const a = await renderPage(p, fonts, images(photo), { ...opts, formats: [...opts.formats] });
    const b = await renderPage(p, fonts, images(photo), { ...opts, formats: [...opts.formats] });
    a.page.forEach((img, i) => expect(img.data.equals(b.page[i]!.data)).toBe(true));
    expect(a.thumbnail.data.equals(b.thumbnail.data)).toBe(true);
  });

  it('rejects bad options with one message shape', async () => {
    const p = page(100, 100, []);
    await expect(renderPage(p, fonts, images(), { dpi: 0 })).rejects.toThrow(/invalid dpi: expected a positive number, got 0/);
    await expect(renderPage(p, fonts, images(), { formats: [] })).rejects.toThrow(/invalid formats/);
    await expect(renderPage(p, fonts, images(), { quality: 101 })).rejects.toThrow(/invalid quality/);
    await expect(renderPage(p, fonts, images(), { thumbnailWidth: 1.5 })).rejects.toThrow(/invalid thumbnailWidth/);
  });
});
