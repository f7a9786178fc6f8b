// Colours through an ICC profile with sharp: CMYK pixels in a TIFF that carries the profile, and what the press makes of grey.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Cmyk } from '../core/index.js';

/**
 * A one-row baseline TIFF of CMYK pixels (Separated, InkSet CMYK) with the ICC profile embedded, so sharp converts
 * the colours through it. sharp has no way to take raw CMYK with an input profile, and a TIFF is the plainest
 * container that carries one.
 */
export function cmykTiff(pixels: readonly Cmyk[], icc: Buffer): Buffer {
  const n = pixels.length;
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  const header = 8;
  const dataAt = header;
  const bitsAt = dataAt + n * 4;
  const iccAt = bitsAt + 8;
  const ifdAt = iccAt + icc.length + ((iccAt + icc.length) % 2);
  const SHORT = 3;
  const LONG = 4;
  const UNDEFINED = 7;
  entries.push([256, LONG, 1, n], [257, LONG, 1, 1], [258, SHORT, 4, bitsAt], [259, SHORT, 1, 1], [262, SHORT, 1, 5], [273, LONG, 1, dataAt]);
  entries.push([277, SHORT, 1, 4], [278, LONG, 1, 1], [279, LONG, 1, n * 4], [284, SHORT, 1, 1], [332, SHORT, 1, 1], [34675, UNDEFINED, icc.length, iccAt]);
  const out = Buffer.alloc(ifdAt + 2 + entries.length * 12 + 4);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifdAt, 4);
  pixels.forEach((c, i) => c.forEach((v, j) => out.writeUInt8(Math.round((Math.min(100, Math.max(0, v)) / 100) * 255), dataAt + i * 4 + j)));
  for (let i = 0; i < 4; i++) out.writeUInt16LE(8, bitsAt + i * 2);
  icc.copy(out, iccAt);
  out.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdAt + 2 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    // A SHORT that fits goes in the entry itself, left-justified.
    if (type === SHORT && count === 1) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  out.writeUInt32LE(0, ifdAt + 2 + entries.length * 12);
  return out;
}


/** The K-only grey curves of each profile, made once. */
const greyCurves = new Map<string, Promise<Uint8Array>>();

/**
 * The black-plate value for each grey (0 black … 255 white) of a greyscale photo, so it prints with the tones it has
 * on screen: newsprint's dot gain darkens the midtones of K put down as it is (50 % K prints at about L* 53 between
 * paper and solid black). From the profile's own rendering of K alone, black-point compensated: white stays paper,
 * black stays 100 % K, and each grey between gets the K that the profile says looks that grey. Returns a table of
 * 256 DeviceGray values (255 − K).
 */
export function greyToK(iccPath: string): Promise<Uint8Array> {
  let curve = greyCurves.get(iccPath);
  if (!curve) {
    curve = (async () => {
      const steps = Array.from({ length: 101 }, (_, k): Cmyk => [0, 0, 0, k]);
      const rgb = await sharp(cmykTiff(steps, await readFile(iccPath))).toColourspace('srgb').raw().toBuffer();
      const shade = steps.map((_, k) => rgb[k * 3 + 1]!); // green: the luminance channel of a neutral
      const paper = shade[0]!;
      const solid = shade[100]!;
      const out = new Uint8Array(256);
      for (let v = 0; v < 256; v++) {
        const target = solid + (v / 255) * (paper - solid);
        let k = 100;
        for (let i = 0; i < 100; i++) {
          if (shade[i + 1]! <= target) {
            const span = shade[i]! - shade[i + 1]!;
            k = i + (span > 0 ? (shade[i]! - target) / span : 0);
            break;
          }
        }
        out[v] = Math.round(255 * (1 - Math.min(100, Math.max(0, k)) / 100));
      }
      return out;
    })();
    greyCurves.set(iccPath, curve);
  }
  return curve;
}
