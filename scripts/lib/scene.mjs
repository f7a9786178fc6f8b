// What the sample-picture scripts share: the picture size, a seeded generator and its helpers, number and colour
// formatting, a pinhole camera, the pieces several scenes draw (cloud, birds, rain, trees, a vignette), and the
// way a scene drawn as SVG layers becomes a JPEG (librsvg through sharp, a lens's softness, film grain).
// Deterministic: no Math.random, no clock, so each run writes the same bytes. Every helper that draws takes its
// random numbers in a fixed order; changing that order, or how a number is written, changes the pictures.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** Picture size, pixels: 3:2, large enough for a five-column lead photo at 200 ppi. */
export const W = 2400;
export const H = 1600;

// ---------------------------------------------------------------- randomness

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

/** The random helpers of one scene, all drawing on its own seeded generator. */
export function randomness(seed) {
  const rand = mulberry32(seed);
  return {
    rand,
    between: (lo, hi) => lo + (hi - lo) * rand(),
    pick: (list) => list[Math.floor(rand() * list.length)],
  };
}

// ---------------------------------------------------------------- numbers and colours

/** A coordinate or length as SVG text, to a tenth of a pixel. */
export const f = (n) => (Math.round(n * 10) / 10).toString();
/** An opacity as SVG text: clamped to [0, 1], to two places. */
export const o = (n) => (Math.round(Math.max(0, Math.min(1, n)) * 100) / 100).toString();
/** Points [[x, y], …] as an SVG points list. */
export const pts = (list) => list.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
/** Degrees to radians. */
export const rad = (d) => (d * Math.PI) / 180;
/** The number a share t of the way from a to b. */
export const lerp = (a, b, t) => a + (b - a) * t;
/** The point a share t of the way from point a to point b. */
export const lerpPoint = (a, b, t) => [lerp(a[0], b[0], t), lerp(a[1], b[1], t)];

/** A #rrggbb colour lightened (amount > 0) or darkened (< 0) by a share of full scale on every channel. */
export function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const ch = (v) => Math.max(0, Math.min(255, Math.round(v + amount * 255)));
  return `#${((ch((n >> 16) & 255) << 16) | (ch((n >> 8) & 255) << 8) | ch(n & 255)).toString(16).padStart(6, '0')}`;
}

// ---------------------------------------------------------------- geometry

/**
 * A straight line from (x1, y1) to (x2, y2). `extra` is more attributes (with a leading space); `cap` the line
 * cap, or null for none (SVG's butt, without the attribute).
 */
export const seg = (x1, y1, x2, y2, width, colour, extra = '', cap = 'round') =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${colour}" stroke-width="${f(width)}"${cap ? ` stroke-linecap="${cap}"` : ''}${extra}/>`;

/**
 * A pinhole camera at height `eye` metres above the ground, looking along +Z with a level horizon at screen row
 * `horizon` and the optical axis at column `cx`; `focal` is in pixels. X is to the right, Y up, Z away from the
 * camera, all in metres. P projects a point; poly projects a list of them to an SVG points list; groundY is the
 * screen row of the ground at distance Z, zAtY the distance of the ground at a row.
 */
export function camera(cx, horizon, focal, eye) {
  const P = (X, Y, Z) => [cx + (focal * X) / Z, horizon - (focal * (Y - eye)) / Z];
  return {
    P,
    eye,
    scale: (Z) => focal / Z,
    poly: (list) => pts(list.map(([X, Y, Z]) => P(X, Y, Z))),
    groundY: (Z) => horizon + (focal * eye) / Z,
    zAtY: (y) => (focal * eye) / (y - horizon),
  };
}

/** A closed curve (ellipse) sampled into points, for shapes that go through a camera. */
export function ellipsePoints(cx, cy, rx, ry, n = 28) {
  const out = [];
  for (let k = 0; k < n; k++) out.push([cx + rx * Math.cos((2 * Math.PI * k) / n), cy + ry * Math.sin((2 * Math.PI * k) / n)]);
  return out;
}

// ---------------------------------------------------------------- pieces of a scene

/**
 * A linear gradient for a layer's defs, across the shape it fills from its top left to (x2, y2) (by default
 * straight down). Stops are [offset, colour] or [offset, colour, opacity].
 */
export function gradient(id, stops, { x2 = 0, y2 = 1 } = {}) {
  const stop = ([offset, colour, opacity]) =>
    `\n    <stop offset="${offset}" stop-color="${colour}"${opacity === undefined ? '' : ` stop-opacity="${opacity}"`}/>`;
  return `\n  <linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops.map(stop).join('')}\n  </linearGradient>`;
}

/** A darkening towards the corners, as an old lens gives: the last layer of every scene. */
export function vignette(strength = 0.45) {
  return {
    defs: `
  <radialGradient id="vignette" cx="0.5" cy="0.48" r="0.75">
    <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
    <stop offset="1" stop-color="#000" stop-opacity="${strength}"/>
  </radialGradient>`,
    body: `<rect width="${W}" height="${H}" fill="url(#vignette)"/>`,
  };
}

/**
 * Soft banks of cloud: `count` clusters of eight blurred ellipses centred between rows y0 and y1, each ellipse
 * with a darker underside. By default each bank has a size of its own (0.6 to 1.4 times `scale`). With `varied:
 * false` every bank is drawn at `scale` and each ellipse's size is drawn before its place: the lifeboat-rescue
 * sky, which also sets `width` (the widest half-width), `drop` (how far below the bank's centre an ellipse may
 * sit), `opacity` and `underside` (the underside's opacity) to its own.
 */
export function clouds(r, { y0, y1, count, colours, scale = 1, varied = true, width = 240, drop = 35, opacity = [0.3, 0.65], underside = 0.3 }) {
  let g = `<g filter="url(#b24)">`;
  for (let c = 0; c < count; c++) {
    const cx = r.between(-200, W + 200);
    const cy = r.between(y0, y1);
    const k = varied ? r.between(0.6, 1.4) * scale : scale;
    const base = r.pick(colours);
    for (let i = 0; i < 8; i++) {
      const place = () => [cx + r.between(-300, 300) * k, cy + r.between(-50, drop) * k];
      const size = () => [r.between(110, width) * k, r.between(35, 80) * k];
      let x, y, rx, ry;
      if (varied) [[x, y], [rx, ry]] = [place(), size()];
      else [[rx, ry], [x, y]] = [size(), place()];
      g += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${base}" opacity="${o(r.between(...opacity))}"/>`;
      g += `<ellipse cx="${f(x)}" cy="${f(y + ry * 0.5)}" rx="${f(rx * 0.9)}" ry="${f(ry * 0.45)}" fill="${shade(base, -0.12)}" opacity="${underside}"/>`;
    }
  }
  return g + `</g>`;
}

/**
 * Distant birds (gulls, rooks) as two shallow arcs each, `count` of them placed at random within the x and y
 * ranges, `size` pixels a wing. `lift` lowers the wings' roots and `rise` is how high each arc climbs, both as
 * shares of the size; `weight` is the wing's length over its stroke width; `extra`, more attributes for each.
 */
export function birds(r, { count, x: [x0, x1], y: [y0, y1], size: [s0, s1], colour, lift = 0, rise = 0.5, weight = 7, extra = '' }) {
  let g = '';
  for (let k = 0; k < count; k++) {
    const x = r.between(x0, x1);
    const y = r.between(y0, y1);
    const s = r.between(s0, s1);
    const wing = `q${f(s * 0.5)},${f(-s * rise)} ${f(s)},0`;
    g += `<path d="M${f(x - s)},${f(y + s * lift)} ${wing} ${wing}" fill="none" stroke="${colour}" stroke-width="${f(s / weight)}" stroke-linecap="round"${extra}/>`;
  }
  return g;
}

/**
 * Rain over the whole frame: `count` streaks, each running `slant` pixels to the left for every pixel it falls,
 * with its length, stroke width and opacity drawn from the given ranges; `cap` as for seg.
 */
export function rain(r, { count, slant, length: [l0, l1], width: [w0, w1], opacity: [a0, a1], colour, cap = 'round' }) {
  let g = '';
  for (let k = 0; k < count; k++) {
    const x = r.between(-100, W + 100);
    const y = r.between(-50, H);
    const l = r.between(l0, l1);
    g += seg(x, y, x - l * slant, y + l, r.between(w0, w1), colour, ` opacity="${o(r.between(a0, a1))}"`, cap);
  }
  return g;
}

/** A deciduous tree in leaf: a trunk, four boughs and a crown of leaf clusters in the colours of `palette`. */
export function tree(r, { x, y, h, w, palette, trunk = '#4a3b2e', blur = 'b2', density = 1 }) {
  let g = '';
  const tw = Math.max(3, w * 0.07);
  g += `<path d="M${f(x - tw)},${f(y)} L${f(x - tw * 0.5)},${f(y - h * 0.55)} L${f(x + tw * 0.5)},${f(y - h * 0.55)} L${f(x + tw)},${f(y)} Z" fill="${trunk}"/>`;
  for (let b = 0; b < 4; b++) {
    const a = r.between(-60, 60);
    const l = h * r.between(0.2, 0.35);
    const by = y - h * r.between(0.4, 0.6);
    g += seg(x, by, x + Math.sin(rad(a)) * l, by - Math.cos(rad(a)) * l, tw * 0.5, trunk);
  }
  const cy = y - h * 0.62;
  const n = Math.round(150 * density * Math.max(0.5, w / 300));
  let crown = `<g filter="url(#${blur})">`;
  for (let k = 0; k < n; k++) {
    const t = r.rand() * Math.PI * 2;
    const d = Math.sqrt(r.rand());
    const px = x + Math.cos(t) * d * w * 0.5;
    const py = cy + Math.sin(t) * d * h * 0.36;
    const size = r.between(0.045, 0.09) * w;
    const col = shade(r.pick(palette), (py - cy) / h * 0.25 + r.between(-0.03, 0.03));
    crown += `<ellipse cx="${f(px)}" cy="${f(py)}" rx="${f(size)}" ry="${f(size * 0.8)}" fill="${col}" opacity="${o(r.between(0.75, 1))}"/>`;
  }
  crown += `</g>`;
  return g + crown;
}

// ---------------------------------------------------------------- rendering

/**
 * Renders a scene's layers ({ defs, body } SVG fragments, the blur filters b2…b60 available to them) to a JPEG at
 * `out`: the SVG through librsvg, softened as a lens would, then film grain (luminance noise of `grain` around mid
 * grey, drawn from `rand`) blended soft-light. Returns sharp's output info.
 */
export async function writeScene(layers, rand, { grain: amount, quality, out }) {
  // Soft things are collected into groups and blurred once per group: cheaper than a filter per shape, and free
  // of clipped filter regions.
  const blurs = [2, 4, 12, 24, 60]
    .map((s) => `<filter id="b${s}" filterUnits="userSpaceOnUse" x="-200" y="-200" width="${W + 400}" height="${H + 400}"><feGaussianBlur stdDeviation="${s}"/></filter>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${blurs}${layers.map((l) => l.defs).join('')}</defs>
${layers.map((l) => l.body).join('\n')}
</svg>`;
  // Film grain: the sum of three uniforms, a cheap, roughly Gaussian noise.
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
