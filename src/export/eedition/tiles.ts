// IIIF Image API 3.0 level-0 tile pyramids: every tile a viewer (OpenSeadragon, Mirador) asks for, as static files.
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import type { TilePyramid } from './manifest.js';

/** Tile edge, pixels. */
export const TILE_SIZE = 512;
const QUALITY = 80;

/** Scale factors 1, 2, 4… until the whole image fits in one tile. */
export function scaleFactors(width: number, height: number, tileSize = TILE_SIZE): number[] {
  const out = [1];
  while (Math.ceil(width / out[out.length - 1]!) > tileSize || Math.ceil(height / out[out.length - 1]!) > tileSize) out.push(out[out.length - 1]! * 2);
  return out;
}

/**
 * The path of every tile of the pyramid, as IIIF 3 level-0 viewers request them, with the source region and the
 * encoded size: at scale factor s the level is ceil(W/s) × ceil(H/s); a level that fits in one tile is asked for as
 * `full/{w},{h}` (`full/max` at full size), the others tile by tile as `{x},{y},{w},{h}/{tw},{th}` (region in
 * full-size pixels, tile size in level pixels; `max` when that is the full size). Exactly what OpenSeadragon's
 * IIIFTileSource builds for version 3.
 */
export function tilePaths(width: number, height: number, tileSize = TILE_SIZE): { path: string; region: { left: number; top: number; width: number; height: number }; size: { width: number; height: number } }[] {
  const out: ReturnType<typeof tilePaths> = [];
  for (const s of scaleFactors(width, height, tileSize)) {
    const lw = Math.ceil(width / s);
    const lh = Math.ceil(height / s);
    if (lw < tileSize && lh < tileSize) {
      const size = lw === width && lh === height ? 'max' : `${lw},${lh}`;
      out.push({ path: `full/${size}/0/default.jpg`, region: { left: 0, top: 0, width, height }, size: { width: lw, height: lh } });
      continue;
    }
    const step = tileSize * s;
    for (let y = 0; y * step < height; y++) {
      for (let x = 0; x * step < width; x++) {
        const rx = x * step;
        const ry = y * step;
        const rw = Math.min(step, width - rx);
        const rh = Math.min(step, height - ry);
        const tw = Math.min(tileSize, lw - x * tileSize);
        const th = Math.min(tileSize, lh - y * tileSize);
        const region = rx === 0 && ry === 0 && rw === width && rh === height ? 'full' : `${rx},${ry},${rw},${rh}`;
        const size = tw === width && th === height ? 'max' : `${tw},${th}`;
        out.push({ path: `${region}/${size}/0/default.jpg`, region: { left: rx, top: ry, width: rw, height: rh }, size: { width: tw, height: th } });
      }
    }
  }
  return out;
}

/**
 * Cuts the pyramid from a page's full-size pixels (8-bit RGB rows): every tile, `full/max/0/default.jpg` (the
 * painting image of the IIIF canvas) and info.json. `id` is the image's absolute IIIF id; `dir` the folder
 * relative to the e-edition. Returns the files (relative to the e-edition) and the pyramid's description.
 *
 * The tiles are libvips' own IIIF 3 pyramid (sharp's `tile`, in a zip held in memory and read back with fflate):
 * one pipeline for the whole pyramid, each level the one above reduced by 2 × 2 averaging. Its files are named
 * exactly as `tilePaths` lists them (tested); a tile it does not make is an error, not a hole in the viewer.
 */
export async function tilePyramid(pixels: Buffer, width: number, height: number, dir: string, id: string): Promise<{ files: Map<string, Buffer | string>; pyramid: TilePyramid }> {
  const raw = { raw: { width, height, channels: 3 as const } };
  // Without Huffman optimisation (cjpeg's default): a quarter of the time for 6 % more bytes, over ~80 files a page.
  const jpeg = { quality: QUALITY, mozjpeg: false, optimiseCoding: false };
  const [zip, full] = await Promise.all([
    sharp(pixels, raw).jpeg(jpeg).tile({ size: TILE_SIZE, overlap: 0, depth: 'onetile', skipBlanks: -1, layout: 'iiif3', id, container: 'zip' }).toBuffer(),
    sharp(pixels, raw).jpeg(jpeg).toBuffer(),
  ]);
  const entries = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), { filter: (f) => f.name.endsWith('.jpg') });
  // Entries are under the zip's own top folder: "<name>/<region>/<size>/0/default.jpg".
  const tiles = new Map(Object.entries(entries).map(([name, data]) => [name.slice(name.indexOf('/') + 1), data]));
  const files = new Map<string, Buffer | string>();
  for (const t of tilePaths(width, height)) {
    const data = tiles.get(t.path);
    if (!data) throw new Error(`export/eedition: libvips made no tile ${t.path} for a ${width} × ${height} image`);
    files.set(`${dir}/${t.path}`, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  files.set(`${dir}/full/max/0/default.jpg`, full);
  const factors = scaleFactors(width, height);
  const info = {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width,
    height,
    tiles: [{ width: TILE_SIZE, scaleFactors: factors }],
    // The whole image at the sizes there are files for: the levels that fit in one tile, and full size (max).
    sizes: [
      ...factors
        .filter((s) => Math.ceil(width / s) < TILE_SIZE && Math.ceil(height / s) < TILE_SIZE)
        .map((s) => ({ width: Math.ceil(width / s), height: Math.ceil(height / s) }))
        .reverse(),
      { width, height },
    ],
    extraFormats: [],
    preferredFormats: ['jpg'],
  };
  files.set(`${dir}/info.json`, JSON.stringify(info, null, 2) + '\n');
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), pyramid: { dir, id, width, height, tileSize: TILE_SIZE, scaleFactors: factors, format: 'jpg' } };
}
