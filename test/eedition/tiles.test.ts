import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scaleFactors, tilePaths } from '../../src/export/eedition/index.js';
import { tilePyramid } from '../../src/export/eedition/tiles.js';

/** A page-sized raster: white, with a red box whose place we know at every level. */
function raster(width: number, height: number, box: { left: number; top: number; size: number }): Buffer {
  const px = Buffer.alloc(width * height * 3, 255);
  for (let y = box.top; y < box.top + box.size; y++) {
    for (let x = box.left; x < box.left + box.size; x++) {
      const i = (y * width + x) * 3;
      px[i + 1] = 0;
      px[i + 2] = 0;
    }
  }
  return px;
}

describe('tilePyramid', () => {
  it('makes every tile a IIIF viewer asks for, at the size its name says, showing that part of the page', async () => {
    const [width, height] = [3000, 4607];
    const box = { left: 2100, top: 3300, size: 300 };
    const { files, pyramid } = await tilePyramid(raster(width, height, box), width, height, 'tiles/page-01', 'https://x.example/tiles/page-01');
    const paths = tilePaths(width, height);
    expect(paths.length).toBe(78);
    expect(pyramid.scaleFactors).toEqual(scaleFactors(width, height));
    for (const t of paths) {
      const data = files.get(`tiles/page-01/${t.path}`);
      expect(data, t.path).toBeInstanceOf(Buffer);
      const meta = await sharp(data as Buffer).metadata();
      expect([meta.format, meta.width, meta.height], t.path).toEqual(['jpeg', t.size.width, t.size.height]);
    }
    // The red box at full size, and at each reduced level, lands in the tile whose region holds it.
    for (const t of paths) {
      const r = t.region;
      const s = r.width / t.size.width;
      const holds = box.left >= r.left && box.top >= r.top && box.left + box.size <= r.left + r.width && box.top + box.size <= r.top + r.height;
      if (!holds) continue;
      const { data, info } = await sharp(files.get(`tiles/page-01/${t.path}`) as Buffer).raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => data[(Math.floor((y - r.top) / s) * info.width + Math.floor((x - r.left) / s)) * info.channels + 1]!;
      expect(at(box.left + box.size / 2, box.top + box.size / 2), `${t.path}: red inside`).toBeLessThan(60);
      expect(at(box.left - 40 * s, box.top + box.size / 2), `${t.path}: white beside`).toBeGreaterThan(230);
    }
    // The canvas's painting image: the whole raster.
    expect(await sharp(files.get('tiles/page-01/full/max/0/default.jpg') as Buffer).metadata()).toMatchObject({ width, height });
    const info = JSON.parse(files.get('tiles/page-01/info.json') as string);
    expect(info).toMatchObject({ id: 'https://x.example/tiles/page-01', type: 'ImageService3', profile: 'level0', width, height });
  });

  it('gives the same bytes for the same raster', async () => {
    const px = raster(1200, 1843, { left: 100, top: 100, size: 50 });
    const a = await tilePyramid(px, 1200, 1843, 'd', 'https://x.example/d');
    const b = await tilePyramid(px, 1200, 1843, 'd', 'https://x.example/d');
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [k, v] of a.files) expect(Buffer.compare(Buffer.from(v), Buffer.from(b.files.get(k)!)), k).toBe(0);
  });
});
