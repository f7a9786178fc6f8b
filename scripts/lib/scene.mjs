// What the sample-picture scripts share: the picture size, a seeded generator, colour shading, and the way a scene
// drawn as SVG layers becomes a JPEG (librsvg through sharp, a lens's softness, film grain). Deterministic: no
// Math.random, no clock, so each run writes the same bytes.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** Picture size, pixels: 3:2, large enough for a five-column lead photo at 200 ppi. */
export const W = 2400;
export const H = 1600;

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A #rrggbb colour lightened (amount > 0) or darkened (< 0) by a share of full scale on every channel. */
export function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const ch = (v) => Math.max(0, Math.min(255, Math.round(v + amount * 255)));
  return `#${((ch((n >> 16) & 255) << 16) | (ch((n >> 8) & 255) << 8) | ch(n & 255)).toString(16).padStart(6, '0')}`;
}

/**
 * Renders a scene's layers ({ defs, body } SVG fragments, the blur filters b2…b60 available to them) to a JPEG at
 * `out`: the SVG through librsvg, softened as a lens would, then film grain (luminance noise of `grain` around mid
 * grey, drawn from `rand`) blended soft-light. Returns sharp's output info.
 */
export async function writeScene(layers, rand, { grain: amount, quality, out }) {
  // Soft things are collected into groups and blurred once per group.
  const blurs = [2, 4, 12, 24, 60]
    .map((s) => `<filter id="b${s}" filterUnits="userSpaceOnUse" x="-200" y="-200" width="${W + 400}" height="${H + 400}"><feGaussianBlur stdDeviation="${s}"/></filter>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${blurs}${layers.map((l) => l.defs).join('')}</defs>
${layers.map((l) => l.body).join('\n')}
</svg>`;
  const grain = Buffer.alloc(W * H);
  for (let i = 0; i < grain.length; i++) {
    const n = (rand() + rand() + rand() - 1.5) / 1.5;
    grain[i] = Math.max(0, Math.min(255, Math.round(128 + n * amount)));
  }
  const grainImage = await sharp(grain, { raw: { width: W, height: H, channels: 1 } }).blur(0.6).toColourspace('srgb').png().toBuffer();
  mkdirSync(dirname(out), { recursive: true });
  return sharp(Buffer.from(svg))
    .resize(W, H)
    .blur(0.7)
    .composite([{ input: grainImage, blend: 'soft-light' }])
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toFile(out);
}
