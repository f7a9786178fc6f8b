#!/usr/bin/env node
// Generates three more lead pictures for the sample edition, in the manner of
// make-sample-photo.mjs: each scene is drawn as SVG, rendered with sharp and
// given film grain.
//
//   node scripts/make-more-sample-photos.mjs [scene ...] [--out-dir DIR]
//
// Scenes (each written to examples/sample-edition/images/<scene>.jpg):
//   planning-homes   ploughed farmland, a hedge and a village church beyond
//   care-home        a care home's garden with a wooden bench on the lawn
//   rugby-report     a line-out: a jumper lifted by two team-mates
//
// The output is deterministic: every random choice comes from a generator
// seeded per scene (no Math.random, no clock), so each run writes the same
// bytes. The pictures are original to newsprint and MIT licensed like the code.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { H, W, mulberry32, shade, writeScene } from './lib/scene.mjs';


const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- helpers


/** The random helpers of one scene, all drawing on its own seeded generator. */
function randomness(seed) {
  const rand = mulberry32(seed);
  const between = (lo, hi) => lo + (hi - lo) * rand();
  return { rand, between, pick: (list) => list[Math.floor(rand() * list.length)] };
}

const f = (n) => (Math.round(n * 10) / 10).toString();
const o = (n) => (Math.round(Math.max(0, Math.min(1, n)) * 100) / 100).toString();
const pts = (list) => list.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
const rad = (d) => (d * Math.PI) / 180;
const lerp = (a, b, t) => a + (b - a) * t;


/** A straight line from (x1, y1) to (x2, y2). */
const seg = (x1, y1, x2, y2, width, colour, extra = '') =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${colour}" stroke-width="${f(width)}" stroke-linecap="round"${extra}/>`;

/**
 * A pinhole camera at height `eye` metres, looking along +Z with a level
 * horizon at screen row `horizon` and the optical axis at column `cx`;
 * `focal` is in pixels. X is to the right, Y up, Z away, all in metres.
 */
function camera(cx, horizon, focal, eye) {
  const P = (X, Y, Z) => [cx + (focal * X) / Z, horizon - (focal * (Y - eye)) / Z];
  return { P, eye, scale: (Z) => focal / Z, groundY: (Z) => horizon + (focal * eye) / Z, zAtY: (y) => (focal * eye) / (y - horizon) };
}

/**
 * A box in front of `cam`: bottom centre (x, y, z), size w × h × d, turned
 * `yaw` degrees about the vertical. Faces turned away from the camera are
 * skipped and the rest shaded by a light from the upper left. Returns the
 * box's distance (for painter's ordering) and its SVG.
 */
function box(cam, { x, y, z, w, h, d, yaw = 0, colour, edge }) {
  const c = Math.cos(rad(yaw));
  const s = Math.sin(rad(yaw));
  const L = ([lx, ly, lz]) => [x + lx * c + lz * s, y + ly, z - lx * s + lz * c];
  const hw = w / 2;
  const hd = d / 2;
  const v = [
    [-hw, 0, -hd], [hw, 0, -hd], [hw, 0, hd], [-hw, 0, hd],
    [-hw, h, -hd], [hw, h, -hd], [hw, h, hd], [-hw, h, hd],
  ].map(L);
  const faces = [
    { idx: [0, 1, 5, 4], n: [0, 0, -1] },
    { idx: [3, 2, 6, 7], n: [0, 0, 1] },
    { idx: [0, 3, 7, 4], n: [-1, 0, 0] },
    { idx: [1, 2, 6, 5], n: [1, 0, 0] },
    { idx: [4, 5, 6, 7], n: [0, 1, 0] },
    { idx: [0, 1, 2, 3], n: [0, -1, 0] },
  ];
  const light = [-0.45, 0.8, -0.4];
  let svg = '';
  for (const face of faces) {
    const [nx, ny, nz] = face.n;
    const N = [nx * c + nz * s, ny, -nx * s + nz * c];
    const centre = [0, 1, 2].map((k) => face.idx.reduce((sum, i) => sum + v[i][k], 0) / 4);
    const view = [-centre[0], cam.eye - centre[1], -centre[2]];
    if (N[0] * view[0] + N[1] * view[1] + N[2] * view[2] <= 0) continue;
    const lit = N[0] * light[0] + N[1] * light[1] + N[2] * light[2];
    const fill = shade(colour, lit * 0.09 - 0.04);
    svg += `<polygon points="${pts(face.idx.map((i) => cam.P(...v[i])))}" fill="${fill}"${edge ? ` stroke="${edge}" stroke-width="1" stroke-linejoin="round"` : ''}/>`;
  }
  const [cx, cy, cz] = L([0, h / 2, 0]);
  return { depth: Math.hypot(cx, cy - cam.eye, cz), svg };
}

function vignette(strength = 0.45) {
  return {
    defs: `
  <radialGradient id="vignette" cx="0.5" cy="0.48" r="0.75">
    <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
    <stop offset="1" stop-color="#000" stop-opacity="${strength}"/>
  </radialGradient>`,
    body: `<rect width="${W}" height="${H}" fill="url(#vignette)"/>`,
  };
}

/** Soft banks of cloud: clusters of blurred ellipses between rows y0 and y1. */
function clouds(r, { y0, y1, count, colours, scale = 1 }) {
  let g = `<g filter="url(#b24)">`;
  for (let c = 0; c < count; c++) {
    const cx = r.between(-200, W + 200);
    const cy = r.between(y0, y1);
    const k = r.between(0.6, 1.4) * scale;
    const base = r.pick(colours);
    for (let i = 0; i < 8; i++) {
      const x = cx + r.between(-300, 300) * k;
      const y = cy + r.between(-50, 35) * k;
      const rx = r.between(110, 240) * k;
      const ry = r.between(35, 80) * k;
      g += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${base}" opacity="${o(r.between(0.3, 0.65))}"/>`;
      g += `<ellipse cx="${f(x)}" cy="${f(y + ry * 0.5)}" rx="${f(rx * 0.9)}" ry="${f(ry * 0.45)}" fill="${shade(base, -0.12)}" opacity="0.3"/>`;
    }
  }
  return g + `</g>`;
}

/** A deciduous tree in autumn: a trunk and a crown of leaf clusters. */
function tree(r, { x, y, h, w, palette, trunk = '#4a3b2e', blur = 'b2', density = 1 }) {
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

// ---------------------------------------------------------------- planning

function planning(r) {
  const layers = [];
  const HORIZON = 640;

  // Sky: a pale autumn afternoon, brighter low down.
  let sky = `<rect width="${W}" height="${HORIZON + 80}" fill="url(#pSky)"/>`;
  sky += `<ellipse cx="700" cy="${HORIZON - 160}" rx="700" ry="220" fill="#f3ecd8" opacity="0.5" filter="url(#b60)"/>`;
  sky += clouds(r, { y0: 40, y1: HORIZON - 220, count: 12, colours: ['#d9dde0', '#c8d0d6', '#e4e4df', '#b9c3cb'] });
  // Rooks.
  for (let k = 0; k < 9; k++) {
    const x = r.between(1900, 2300);
    const y = r.between(160, 420);
    const s = r.between(9, 16);
    sky += `<path d="M${f(x - s)},${f(y + s * 0.2)} q${f(s * 0.5)},${f(-s * 0.55)} ${f(s)},0 q${f(s * 0.5)},${f(-s * 0.55)} ${f(s)},0" fill="none" stroke="#2b2a29" stroke-width="${f(s / 5)}" stroke-linecap="round"/>`;
  }
  layers.push({
    defs: `
  <linearGradient id="pSky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#8ea3b3"/>
    <stop offset="0.55" stop-color="#c3ccd1"/>
    <stop offset="1" stop-color="#ebe5d5"/>
  </linearGradient>`,
    body: sky,
  });

  // Far downs, hazy and blue.
  const ridge = (base, amp, freq, phase, jitter) => (x) => base - amp * (0.5 + 0.5 * Math.sin(x * freq + phase)) - jitter * Math.sin(x * freq * 3.7 + phase * 2);
  const far = ridge(HORIZON + 10, 70, 0.0021, 1.2, 8);
  let hills = `<polygon points="${pts([[0, HORIZON + 60], ...Array.from({ length: 61 }, (_, i) => [i * 40, far(i * 40)]), [W, HORIZON + 60]])}" fill="#9aa8a6" opacity="0.85"/>`;
  const mid = ridge(HORIZON + 50, 60, 0.0016, 3.9, 10);
  hills += `<polygon points="${pts([[0, HORIZON + 120], ...Array.from({ length: 61 }, (_, i) => [i * 40, mid(i * 40)]), [W, HORIZON + 120]])}" fill="#8b9b86" opacity="0.95"/>`;

  // The slope behind the village: a patchwork of fields bounded by hedges.
  const top = ridge(HORIZON + 95, 45, 0.0013, 0.4, 6);
  const bottom = 880;
  const bands = [0, 0.12, 0.27, 0.45, 0.7, 1];
  const bandY = (k, x) => lerp(top(x), bottom, bands[k]);
  const fieldColours = ['#8a9a63', '#7c8f5a', '#9ca36d', '#b3aa78', '#a08a62', '#6f8553', '#c2b788', '#8b7b5a'];
  let patch = '';
  let hedges = `<g stroke="#44503a" stroke-linecap="round" fill="none">`;
  for (let k = 0; k < bands.length - 1; k++) {
    const step = 120 + k * 90;
    const slant = r.between(-30, 30);
    let x = r.between(-step, 0);
    while (x < W) {
      const w = step * r.between(0.7, 1.4);
      const a = [x, bandY(k, x)];
      const b = [x + w, bandY(k, x + w)];
      const c = [x + w + slant, bandY(k + 1, x + w + slant)];
      const d = [x + slant, bandY(k + 1, x + slant)];
      const col = shade(r.pick(fieldColours), r.between(-0.03, 0.03) - 0.04 + k * 0.01);
      patch += `<polygon points="${pts([a, b, c, d])}" fill="${col}"/>`;
      if (r.rand() < 0.5) {
        // Faint drill lines in a sown field.
        for (let t = 0.1; t < 1; t += 0.12) {
          const p = [lerp(a[0], d[0], t), lerp(a[1], d[1], t)];
          const q = [lerp(b[0], c[0], t), lerp(b[1], c[1], t)];
          patch += seg(p[0], p[1], q[0], q[1], 1 + k * 0.4, shade(col, 0.05), ' opacity="0.5"');
        }
      }
      hedges += `<path d="M${f(b[0])},${f(b[1])} L${f(c[0])},${f(c[1])}" stroke-width="${f(2 + k * 1.5)}"/>`;
      x += w;
    }
    if (k > 0) {
      const line = Array.from({ length: 61 }, (_, i) => [i * 40, bandY(k, i * 40)]);
      hedges += `<polyline points="${pts(line)}" stroke-width="${f(3 + k * 1.6)}"/>`;
    }
  }
  hedges += `</g>`;
  // Clumps of trees along the hedges.
  let copses = `<g filter="url(#b2)">`;
  for (let k = 0; k < 70; k++) {
    const band = 1 + Math.floor(r.rand() * 3);
    const x = r.between(0, W);
    const y = bandY(band, x);
    const s = (6 + band * 5) * r.between(0.8, 1.6);
    for (let j = 0; j < 4; j++) {
      copses += `<ellipse cx="${f(x + r.between(-s, s))}" cy="${f(y - s * r.between(0.3, 1.1))}" rx="${f(s)}" ry="${f(s * 0.85)}" fill="${r.pick(['#4f5d3c', '#5d6a3f', '#7a6a3c', '#6e5a35', '#46533a'])}"/>`;
    }
  }
  copses += `</g>`;
  layers.push({ defs: '', body: hills + patch + hedges + copses });

  // The village: cottages, trees and St Michael's Church.
  const ground = 850;
  let village = '';
  const cottage = (x, w, h, roofH, wall, roof) => {
    let g = `<rect x="${f(x)}" y="${f(ground - h)}" width="${f(w)}" height="${f(h + 20)}" fill="${wall}"/>`;
    g += `<polygon points="${pts([[x - 6, ground - h], [x + w * 0.15, ground - h - roofH], [x + w * 0.85, ground - h - roofH], [x + w + 6, ground - h]])}" fill="${roof}"/>`;
    g += `<rect x="${f(x + w * 0.7)}" y="${f(ground - h - roofH - 16)}" width="10" height="24" fill="${shade(wall, -0.25)}"/>`;
    for (let k = 0; k < Math.floor(w / 34); k++) {
      g += `<rect x="${f(x + 10 + k * 34)}" y="${f(ground - h + 12)}" width="12" height="14" fill="#3b3d3e" opacity="0.85"/>`;
    }
    return g;
  };
  const houses = [
    [1180, 110, 44, 30, '#d8d1c2', '#5f5d5c'], [1300, 80, 40, 26, '#c7b79a', '#6b4f3b'],
    [1390, 90, 48, 28, '#e2ddd0', '#595a5c'], [1930, 120, 46, 32, '#cbbd9f', '#5c5a59'],
    [2060, 86, 40, 26, '#dcd6ca', '#7a5a3e'], [2160, 100, 44, 28, '#c9bb9d', '#5d5e60'],
  ];
  for (const hh of houses) village += cottage(...hh);
  // Trees behind and between the houses.
  const autumn = ['#8a7a3a', '#a0763a', '#6f7a3e', '#94602f', '#5f6b38', '#b08a43'];
  for (const [x, h, w] of [[1150, 170, 150], [1270, 150, 120], [1470, 200, 160], [1860, 190, 150], [2030, 160, 130], [2290, 200, 180]]) {
    village += tree(r, { x, y: ground + 8, h, w, palette: autumn, trunk: '#4b4036', density: 0.8 });
  }
  // Churchyard yews, dark and solid.
  for (const [x, h] of [[1445, 120], [1905, 110], [1760, 95]]) {
    village += `<ellipse cx="${x}" cy="${ground - h / 2}" rx="${f(h * 0.32)}" ry="${f(h / 2)}" fill="#2f3b2c"/>`;
    village += `<ellipse cx="${x - 6}" cy="${ground - h / 2 - 8}" rx="${f(h * 0.2)}" ry="${f(h / 2.6)}" fill="#3c4a35" opacity="0.8"/>`;
  }
  // The church: nave and chancel to the right of a battlemented west tower.
  const stone = '#b9ab8e';
  const tl = 1500;
  const tr = 1590;
  const sideW = 36;
  const tTop = 600;
  let church = '';
  // Chancel, then nave, each with a slate roof.
  church += `<rect x="1800" y="${ground - 70}" width="110" height="90" fill="${shade(stone, -0.04)}"/>`;
  church += `<polygon points="${pts([[1796, ground - 70], [1830, ground - 108], [1914, ground - 108], [1914, ground - 70]])}" fill="#636467"/>`;
  church += `<rect x="${tr}" y="${ground - 92}" width="${1810 - tr}" height="112" fill="${stone}"/>`;
  church += `<polygon points="${pts([[tr, ground - 92], [tr + 30, ground - 150], [1810, ground - 150], [1818, ground - 92]])}" fill="#6a6b6e"/>`;
  for (let k = 0; k < 16; k++) church += seg(tr + 30, ground - 150 + k * 3.6, 1812, ground - 150 + k * 3.6, 0.8, '#5a5b5e', ' opacity="0.6"');
  for (let k = 0; k < 4; k++) {
    const wx = tr + 50 + k * 46;
    church += `<path d="M${wx},${ground - 30} v-34 q8,-14 16,0 v34 Z" fill="#3a3b3d"/>`;
  }
  church += `<rect x="1736" y="${ground - 50}" width="30" height="52" fill="${shade(stone, -0.08)}"/>`;
  church += `<path d="M1743,${ground} v-30 q8,-12 16,0 v30 Z" fill="#463b30"/>`;
  // Tower: lit west face and a shaded south face.
  church += `<rect x="${tl}" y="${tTop}" width="${tr - tl}" height="${ground - tTop + 20}" fill="${stone}"/>`;
  church += `<polygon points="${pts([[tr, tTop], [tr + sideW, tTop + 4], [tr + sideW, ground + 20], [tr, ground + 20]])}" fill="${shade(stone, -0.17)}"/>`;
  // String courses and stonework.
  for (const y of [tTop + 62, tTop + 140]) {
    church += `<rect x="${tl - 3}" y="${y}" width="${tr - tl + 3}" height="5" fill="${shade(stone, 0.08)}"/>`;
    church += `<polygon points="${pts([[tr, y], [tr + sideW, y + 2], [tr + sideW, y + 7], [tr, y + 5]])}" fill="${shade(stone, -0.1)}"/>`;
  }
  for (let k = 0; k < 70; k++) {
    const x = r.between(tl + 2, tr - 8);
    const y = r.between(tTop + 4, ground);
    church += `<rect x="${f(x)}" y="${f(y)}" width="${f(r.between(6, 14))}" height="${f(r.between(3, 6))}" fill="${shade(stone, r.between(-0.09, 0.05))}" opacity="0.55"/>`;
  }
  // Belfry openings with louvres, a clock and a west window.
  for (const x of [tl + 18, tl + 54]) {
    church += `<path d="M${x},${tTop + 56} v-30 q9,-14 18,0 v30 Z" fill="#2f3032"/>`;
    for (let k = 0; k < 5; k++) church += seg(x + 1, tTop + 30 + k * 6, x + 17, tTop + 33 + k * 6, 1.6, '#6b6f72');
  }
  church += `<path d="${`M${tr + 10},${tTop + 58} v-26 q8,-12 16,0 v26 Z`}" fill="#262729" opacity="0.8"/>`;
  church += `<circle cx="${(tl + tr) / 2}" cy="${tTop + 103}" r="17" fill="#2b3a4a"/><circle cx="${(tl + tr) / 2}" cy="${tTop + 103}" r="17" fill="none" stroke="#c5a351" stroke-width="3"/>`;
  church += seg((tl + tr) / 2, tTop + 103, (tl + tr) / 2, tTop + 92, 2.5, '#d6b862') + seg((tl + tr) / 2, tTop + 103, (tl + tr) / 2 + 8, tTop + 106, 2.5, '#d6b862');
  church += `<path d="M${tl + 30},${tTop + 222} v-38 q15,-24 30,0 v38 Z" fill="#34363a"/>`;
  church += seg(tl + 45, tTop + 222, tl + 45, tTop + 172, 2, stone);
  // Battlements and corner pinnacles.
  for (let x = tl - 4; x < tr; x += 16) church += `<rect x="${x}" y="${tTop - 16}" width="10" height="17" fill="${shade(stone, 0.03)}"/>`;
  for (let k = 0; k < 3; k++) church += `<polygon points="${pts([[tr + 4 + k * 12, tTop - 15 + k * 0.5], [tr + 11 + k * 12, tTop - 14 + k * 0.5], [tr + 11 + k * 12, tTop + 2], [tr + 4 + k * 12, tTop + 1]])}" fill="${shade(stone, -0.15)}"/>`;
  church += `<rect x="${tl - 5}" y="${tTop - 4}" width="${tr - tl + sideW + 8}" height="6" fill="${shade(stone, -0.05)}"/>`;
  for (const x of [tl - 4, tr - 6, tr + sideW - 8]) {
    church += `<polygon points="${pts([[x, tTop - 14], [x + 5, tTop - 52], [x + 10, tTop - 14]])}" fill="${x > tr ? shade(stone, -0.12) : shade(stone, 0.02)}"/>`;
  }
  // A weathercock on the south-west pinnacle.
  church += seg(tr - 1, tTop - 52, tr - 1, tTop - 78, 2, '#2d2b28');
  church += `<path d="M${tr - 10},${tTop - 80} q8,-12 18,-4 l3,-6 l2,8 q-10,6 -23,2 Z" fill="#2d2b28"/>`;
  village += church;
  // Smoke from a cottage chimney, drifting away on the breeze.
  village += `<g filter="url(#b12)">`;
  for (let k = 0; k < 9; k++) village += `<ellipse cx="${f(2007 + k * 26)}" cy="${f(ground - 96 - k * 14)}" rx="${f(14 + k * 6)}" ry="${f(9 + k * 3)}" fill="#e8e6e0" opacity="${o(0.45 - k * 0.04)}"/>`;
  village += `</g>`;
  layers.push({ defs: '', body: village });

  // Pasture between the village and the hedge, with a few sheep.
  const pastureTop = (x) => ground - 6 + 10 * Math.sin(x * 0.003 + 1);
  let pasture = `<polygon points="${pts([[0, 1000], ...Array.from({ length: 61 }, (_, i) => [i * 40, pastureTop(i * 40)]), [W, 1000]])}" fill="url(#pPasture)"/>`;
  for (let k = 0; k < 11; k++) {
    const x = r.between(1150, 2250);
    const y = r.between(ground + 16, ground + 36);
    pasture += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="9" ry="5.5" fill="#e9e6dc"/><circle cx="${f(x + 9)}" cy="${f(y - 2)}" r="3" fill="#3a3632"/>`;
  }
  layers.push({
    defs: `
  <linearGradient id="pPasture" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#7f9462"/>
    <stop offset="1" stop-color="#667d4b"/>
  </linearGradient>`,
    body: pasture,
  });

  // The hedge: a long band of hawthorn and field maple with hedgerow trees.
  const hedgeTop = (x) => 884 - 0.018 * (x - 1200) + 9 * Math.sin(x * 0.011) + 5 * Math.sin(x * 0.047 + 2);
  const hedgeBottom = (x) => 992 - 0.01 * (x - 1200);
  const gateL = 560;
  const gateR = 690;
  let hedge = '';
  // Hedgerow trees behind the hedge line, kept clear of the church.
  hedge += tree(r, { x: 330, y: 960, h: 470, w: 440, palette: ['#7b6b34', '#8f6a32', '#6a7036', '#a17b3c', '#5e6535'], trunk: '#3c332b', density: 1.3 });
  hedge += tree(r, { x: 980, y: 950, h: 330, w: 260, palette: ['#8d8a3e', '#a29146', '#73793c', '#b59a4d'], trunk: '#41382f' });
  hedge += tree(r, { x: 2330, y: 930, h: 430, w: 380, palette: ['#9a6131', '#84592f', '#a5773b', '#6a6a35'], trunk: '#3d342c', density: 1.2 });
  const hedgePoly = (x0, x1) => [...Array.from({ length: Math.ceil((x1 - x0) / 10) + 1 }, (_, i) => Math.min(x1, x0 + i * 10)).map((x) => [x, hedgeTop(x)]), [x1, hedgeBottom(x1) + 4], [x0, hedgeBottom(x0) + 4]];
  for (const [x0, x1] of [[-20, gateL], [gateR, W + 20]]) hedge += `<polygon points="${pts(hedgePoly(x0, x1))}" fill="#3a4630"/>`;
  let leaves = `<g filter="url(#b2)">`;
  const hedgeColours = ['#3f4d31', '#4c5a35', '#5a6436', '#6b6434', '#7a5a30', '#455538', '#5c4a2c', '#84703a'];
  for (let k = 0; k < 4200; k++) {
    const x = r.between(-20, W + 20);
    if (x > gateL - 4 && x < gateR + 4) continue;
    const t = r.rand() ** 0.7;
    const y = lerp(hedgeTop(x) + 4, hedgeBottom(x), t);
    const s = r.between(4, 11);
    leaves += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(s)}" ry="${f(s * 0.75)}" fill="${shade(r.pick(hedgeColours), (t - 0.4) * -0.1)}" opacity="${o(r.between(0.6, 1))}"/>`;
  }
  // Red haws along the top.
  for (let k = 0; k < 260; k++) {
    const x = r.between(0, W);
    if (x > gateL - 4 && x < gateR + 4) continue;
    leaves += `<circle cx="${f(x)}" cy="${f(hedgeTop(x) + r.between(4, 40))}" r="${f(r.between(1.5, 3))}" fill="${r.pick(['#8e2a1f', '#a63a26', '#7a231d'])}"/>`;
  }
  leaves += `</g>`;
  hedge += leaves;
  // A galvanised five-bar gate in the gap, with a planning notice on its post.
  const gy = (x) => hedgeBottom(x) + 2;
  hedge += `<rect x="${gateL - 6}" y="${f(gy(gateL) - 62)}" width="10" height="66" fill="#5d554b"/><rect x="${gateR - 4}" y="${f(gy(gateR) - 62)}" width="10" height="66" fill="#5d554b"/>`;
  for (let k = 0; k < 5; k++) hedge += seg(gateL + 4, gy(gateL) - 52 + k * 11, gateR - 4, gy(gateR) - 52 + k * 11, 2.4, '#9aa0a3');
  hedge += seg(gateL + 4, gy(gateL) - 8, gateR - 4, gy(gateR) - 52, 2.4, '#9aa0a3');
  hedge += `<rect x="${gateL - 14}" y="${f(gy(gateL) - 60)}" width="26" height="20" fill="#f1f0e6" stroke="#c9c25a" stroke-width="1.5"/>`;
  for (let k = 0; k < 4; k++) hedge += seg(gateL - 10, gy(gateL) - 55 + k * 4, gateL + 6 - (k % 2) * 5, gy(gateL) - 55 + k * 4, 1, '#55554f');
  layers.push({ defs: '', body: hedge });

  // The ploughed field: furrows running to a vanishing point on the horizon.
  const vp = [1340, HORIZON];
  const fieldTop = (x) => hedgeBottom(x) - 2;
  let field = `<clipPath id="pField"><polygon points="${pts([[0, fieldTop(0)], [W, fieldTop(W)], [W, H], [0, H]])}"/></clipPath>`;
  let furrows = `<g clip-path="url(#pField)"><rect y="900" width="${W}" height="${H - 900}" fill="#5d4535"/>`;
  const span = 150;
  for (let i = -70; i <= 70; i++) {
    const xb = vp[0] + i * span;
    const xb2 = xb + span * 0.5;
    const base = shade(r.pick(['#6e523e', '#775a43', '#6a4f3b', '#7c5f46']), r.between(-0.025, 0.025));
    furrows += `<polygon points="${pts([vp, [xb, H], [xb2, H]])}" fill="${base}"/>`;
    furrows += `<polygon points="${pts([vp, [xb + span * 0.08, H], [xb + span * 0.22, H]])}" fill="${shade(base, 0.08)}" opacity="0.6"/>`;
    furrows += `<polygon points="${pts([vp, [xb2 - span * 0.06, H], [xb2 + span * 0.05, H]])}" fill="#3e2e24" opacity="0.55"/>`;
  }
  // Clods, bigger towards the viewer, and a few flints.
  let clods = '';
  for (let k = 0; k < 5200; k++) {
    const y = lerp(fieldTop(1200), H + 20, r.rand() ** 0.75);
    const depth = (y - HORIZON) / (H - HORIZON);
    const x = r.between(-20, W + 20);
    const s = r.between(1.2, 3.2) * depth * depth * 6;
    const light = r.rand() < 0.5;
    clods += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(s * 1.3)}" ry="${f(s * 0.7)}" fill="${light ? '#937459' : '#3f2f24'}" opacity="${o(r.between(0.25, 0.6))}"/>`;
    if (k % 40 === 0) clods += `<ellipse cx="${f(x + 5)}" cy="${f(y + 2)}" rx="${f(s * 0.8)}" ry="${f(s * 0.45)}" fill="#d9d4c8" opacity="0.8"/>`;
  }
  furrows += clods;
  // Rain water lying in a few furrows, catching the sky.
  let puddles = `<g filter="url(#b2)">`;
  for (let k = 0; k < 9; k++) {
    const i = Math.floor(r.between(-6, 7));
    const t = r.between(0.45, 0.95);
    const xb = vp[0] + (i * span + span * 0.5);
    const x = lerp(vp[0], xb, t);
    const y = lerp(vp[1], H, t);
    const len = r.between(30, 90) * t;
    const ang = Math.atan2(H - vp[1], xb - vp[0]);
    puddles += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(len)}" ry="${f(2 + 3 * t)}" fill="#9ea9ae" opacity="0.4" transform="rotate(${f((ang * 180) / Math.PI)} ${f(x)} ${f(y)})"/>`;
  }
  furrows += puddles + `</g>`;
  // Rooks feeding on the turned soil.
  for (let k = 0; k < 7; k++) {
    const x = r.between(700, 2100);
    const y = r.between(1010, 1120);
    const s = 4 + (y - 1000) * 0.05;
    furrows += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(s * 1.6)}" ry="${f(s * 0.8)}" fill="#1f1e1f"/><circle cx="${f(x + s * 1.5)}" cy="${f(y - s * 0.7)}" r="${f(s * 0.55)}" fill="#1f1e1f"/>`;
  }
  furrows += `</g>`;
  // A shadow where the field meets the hedge.
  furrows += `<polygon points="${pts([[0, fieldTop(0)], [W, fieldTop(W)], [W, fieldTop(W) + 26], [0, fieldTop(0) + 34]])}" fill="#1d1812" opacity="0.4" filter="url(#b12)"/>`;
  layers.push({ defs: field, body: furrows });

  layers.push(vignette(0.38));
  return layers;
}

// ---------------------------------------------------------------- care home

function careHome(r) {
  const layers = [];
  // A standing photographer (eye 1.6 m) across the lawn from the house.
  const cam = camera(1200, 800, 2000, 1.6);
  const houseZ = 24;
  const hs = cam.scale(houseZ); // ≈ 83 px per metre at the house front
  const ground = cam.groundY(houseZ);
  const left = 300;
  const right = 2130;
  const eaves = ground - 6.1 * hs;
  const ridgeY = eaves - 2.6 * hs;

  let back = `<rect width="${W}" height="${ground}" fill="url(#cSky)"/>`;
  back += clouds(r, { y0: 20, y1: 260, count: 8, colours: ['#d7dbdc', '#c6cdd1', '#e2e1dc'], scale: 0.8 });
  // Trees behind the house.
  for (let k = 0; k < 7; k++) {
    back += tree(r, { x: r.between(200, 2300), y: eaves + 40, h: r.between(330, 420), w: r.between(260, 380), palette: ['#6c6f3e', '#7d6a36', '#58613a', '#8a7440'], trunk: '#3e372f', blur: 'b4', density: 0.8 });
  }
  layers.push({
    defs: `
  <linearGradient id="cSky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#9fb0bd"/>
    <stop offset="1" stop-color="#dcdcd4"/>
  </linearGradient>`,
    body: back,
  });

  // The house: a long Victorian villa of red brick, extended at both ends.
  let house = '';
  // Chimneys first, so the roof hides their feet.
  for (const x of [700, 1180, 1720]) {
    house += `<rect x="${x}" y="${f(ridgeY - 60)}" width="70" height="${f(eaves - ridgeY)}" fill="#8c5039"/>`;
    house += `<rect x="${x - 6}" y="${f(ridgeY - 66)}" width="82" height="12" fill="#6e3f2f"/>`;
    for (const dx of [12, 40]) house += `<rect x="${x + dx}" y="${f(ridgeY - 86)}" width="16" height="22" fill="#a5623f"/>`;
  }
  // Slate roof, hipped at both ends.
  const roofPts = [[left - 20, eaves], [left + 180, ridgeY], [right - 180, ridgeY], [right + 20, eaves]];
  house += `<polygon points="${pts(roofPts)}" fill="#55585d"/>`;
  for (let y = ridgeY + 7; y < eaves; y += 9) {
    const t = (y - ridgeY) / (eaves - ridgeY);
    house += seg(lerp(left + 180, left - 20, t), y, lerp(right - 180, right + 20, t), y, 1.2, '#45474b', ' opacity="0.8"');
  }
  let moss = `<g filter="url(#b4)">`;
  for (let k = 0; k < 40; k++) moss += `<ellipse cx="${f(r.between(left + 100, right - 100))}" cy="${f(r.between(ridgeY + 20, eaves - 10))}" rx="${f(r.between(10, 40))}" ry="${f(r.between(3, 8))}" fill="#6d7150" opacity="${o(r.between(0.2, 0.5))}"/>`;
  house += moss + `</g>`;
  house += `<rect x="${left - 24}" y="${f(eaves - 2)}" width="${right - left + 48}" height="14" fill="#e9e6df"/>`;
  // Brick walls, with a little variation from stone to stone.
  house += `<rect x="${left}" y="${f(eaves + 12)}" width="${right - left}" height="${f(ground - eaves - 4)}" fill="url(#brick)"/>`;
  let blotch = `<g filter="url(#b12)">`;
  for (let k = 0; k < 50; k++) blotch += `<rect x="${f(r.between(left, right - 80))}" y="${f(r.between(eaves + 20, ground - 40))}" width="${f(r.between(40, 140))}" height="${f(r.between(20, 60))}" fill="${r.pick(['#7d3f2c', '#b06a4c', '#8e4e37'])}" opacity="0.25"/>`;
  house += blotch + `</g>`;
  // Sash windows on two floors, some lit.
  const window = (x, y, w, h, lit) => {
    let g = `<rect x="${f(x - 8)}" y="${f(y - 12)}" width="${f(w + 16)}" height="12" fill="#d9d2c2"/>`;
    g += `<rect x="${f(x - 10)}" y="${f(y + h)}" width="${f(w + 20)}" height="10" fill="#ddd6c7"/>`;
    g += `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="#f3f1eb"/>`;
    g += `<rect x="${f(x + 6)}" y="${f(y + 6)}" width="${f(w - 12)}" height="${f(h - 12)}" fill="url(#glass)"/>`;
    if (lit) g += `<rect x="${f(x + 6)}" y="${f(y + 6)}" width="${f(w - 12)}" height="${f(h - 12)}" fill="#f2cf8a" opacity="0.45"/>`;
    // Curtains drawn back at each side.
    g += `<rect x="${f(x + 6)}" y="${f(y + 6)}" width="${f(w * 0.16)}" height="${f(h - 12)}" fill="${r.pick(['#9a7d6a', '#6f7f8c', '#a89a7c'])}" opacity="0.8"/>`;
    g += `<rect x="${f(x + w - 6 - w * 0.16)}" y="${f(y + 6)}" width="${f(w * 0.16)}" height="${f(h - 12)}" fill="${r.pick(['#9a7d6a', '#6f7f8c', '#a89a7c'])}" opacity="0.8"/>`;
    g += `<rect x="${f(x + 4)}" y="${f(y + h / 2 - 4)}" width="${f(w - 8)}" height="8" fill="#f3f1eb"/>`;
    g += seg(x + w / 2, y + 6, x + w / 2, y + h - 6, 4, '#f3f1eb');
    g += seg(x + 6, y + h * 0.25, x + w - 6, y + h * 0.25, 2.5, '#f3f1eb') + seg(x + 6, y + h * 0.75, x + w - 6, y + h * 0.75, 2.5, '#f3f1eb');
    return g;
  };
  const bayW = 96;
  const upperY = eaves + 60;
  const lowerY = eaves + 0.52 * (ground - eaves);
  const winH = 150;
  for (let k = 0; k < 12; k++) {
    const x = left + 60 + k * 150;
    if (Math.abs(x + bayW / 2 - 1215) < 90) continue; // the front door bay
    house += window(x, upperY, bayW, winH, r.rand() < 0.35);
    if (x > 760) house += window(x, lowerY, bayW, winH + 10, r.rand() < 0.4);
  }
  // Front door under a white portico, with a name board and a fanlight.
  const dx = 1160;
  house += `<rect x="${dx}" y="${f(ground - 190)}" width="110" height="190" fill="#2d4a3e"/>`;
  house += `<path d="M${dx},${f(ground - 190)} a55,40 0 0 1 110,0 Z" fill="url(#glass)" stroke="#f3f1eb" stroke-width="5"/>`;
  for (const y of [ground - 160, ground - 90]) house += `<rect x="${dx + 14}" y="${f(y)}" width="32" height="58" fill="none" stroke="#223a31" stroke-width="3"/><rect x="${dx + 64}" y="${f(y)}" width="32" height="58" fill="none" stroke="#223a31" stroke-width="3"/>`;
  house += `<circle cx="${dx + 92}" cy="${f(ground - 96)}" r="4" fill="#c9a64e"/>`;
  house += `<rect x="${dx - 40}" y="${f(ground - 250)}" width="190" height="22" fill="#f0ede6"/><polygon points="${pts([[dx - 48, ground - 250], [dx + 55, ground - 292], [dx + 158, ground - 250]])}" fill="#f0ede6"/><polygon points="${pts([[dx - 30, ground - 253], [dx + 55, ground - 286], [dx + 140, ground - 253]])}" fill="#dcd8cf"/>`;
  for (const x of [dx - 30, dx + 128]) house += `<rect x="${x}" y="${f(ground - 228)}" width="14" height="228" fill="#f3f1eb"/><rect x="${x + 10}" y="${f(ground - 228)}" width="4" height="228" fill="#c9c5bc"/>`;
  house += `<rect x="${dx - 140}" y="${f(ground - 150)}" width="84" height="46" fill="#1f3a30" stroke="#d7c58a" stroke-width="3"/>`;
  for (let k = 0; k < 3; k++) house += seg(dx - 128, ground - 138 + k * 12, dx - 68 - (k === 2 ? 20 : 0), ground - 138 + k * 12, 3, '#d7c58a');
  // A conservatory on the west end.
  const cL = left - 40;
  const cR = left + 560;
  const cTop = lowerY - 30;
  house += `<rect x="${cL}" y="${f(ground - 40)}" width="${cR - cL}" height="44" fill="#8c5039"/>`;
  house += `<rect x="${cL}" y="${f(cTop)}" width="${cR - cL}" height="${f(ground - 40 - cTop)}" fill="url(#glass)"/>`;
  // Plants and chairs glimpsed inside.
  let inside = `<g filter="url(#b4)" opacity="0.7">`;
  for (let k = 0; k < 10; k++) inside += `<ellipse cx="${f(r.between(cL + 30, cR - 30))}" cy="${f(ground - r.between(70, 140))}" rx="${f(r.between(16, 36))}" ry="${f(r.between(20, 50))}" fill="${r.pick(['#4f6b3d', '#3f5a34', '#b9a07a', '#7a5e4b'])}"/>`;
  house += inside + `</g>`;
  for (let x = cL; x <= cR; x += 60) house += `<rect x="${x - 3}" y="${f(cTop)}" width="6" height="${f(ground - 40 - cTop)}" fill="#f4f3ee"/>`;
  house += `<rect x="${cL - 4}" y="${f(cTop + 60)}" width="${cR - cL + 8}" height="5" fill="#f4f3ee"/>`;
  house += `<polygon points="${pts([[cL - 14, cTop], [cR + 14, cTop], [cR + 14, cTop - 40], [cL + 30, cTop - 70]])}" fill="#d6dde0" opacity="0.9"/>`;
  for (let x = cL; x < cR; x += 60) house += seg(x + 20, cTop - 2, x + 34, cTop - 56 + ((x - cL) / (cR - cL)) * 22, 4, '#f4f3ee');
  house += `<rect x="${cL - 16}" y="${f(cTop - 6)}" width="${cR - cL + 32}" height="10" fill="#f4f3ee"/>`;
  // Glass reflections.
  house += `<polygon points="${pts([[cL + 90, cTop + 10], [cL + 150, cTop + 10], [cL + 80, ground - 50], [cL + 20, ground - 50]])}" fill="#ffffff" opacity="0.12"/>`;
  layers.push({
    defs: `
  <pattern id="brick" width="38" height="12" patternUnits="userSpaceOnUse">
    <rect width="38" height="12" fill="#8f4f38"/>
    <rect y="5" width="38" height="1.2" fill="#c9b8a2" opacity="0.6"/>
    <rect y="11" width="38" height="1.2" fill="#c9b8a2" opacity="0.6"/>
    <rect x="18" y="0" width="1.2" height="6" fill="#c9b8a2" opacity="0.6"/>
    <rect x="0" y="6" width="1.2" height="6" fill="#c9b8a2" opacity="0.6"/>
    <rect x="2" y="6.5" width="14" height="4" fill="#9b573d" opacity="0.6"/>
    <rect x="21" y="0.5" width="12" height="4" fill="#7f4330" opacity="0.5"/>
  </pattern>
  <linearGradient id="glass" x1="0" y1="0" x2="0.3" y2="1">
    <stop offset="0" stop-color="#b7c4cb"/>
    <stop offset="0.5" stop-color="#5f6f78"/>
    <stop offset="1" stop-color="#39444b"/>
  </linearGradient>`,
    body: house,
  });

  // Lawn, with mowing stripes that run towards the house.
  let lawn = `<rect y="${f(ground - 4)}" width="${W}" height="${f(H - ground + 4)}" fill="url(#cLawn)"/>`;
  for (let i = -14; i <= 14; i += 2) {
    const a = cam.P(i * 0.9, 0, 4);
    const b = cam.P((i + 1) * 0.9, 0, 4);
    const c = cam.P((i + 1) * 0.9, 0, houseZ);
    const d = cam.P(i * 0.9, 0, houseZ);
    lawn += `<polygon points="${pts([a, b, c, d])}" fill="#a9c07c" opacity="0.09"/>`;
  }
  // A flower border along the front of the house.
  let border = `<g filter="url(#b2)">`;
  border += `<rect x="0" y="${f(ground - 10)}" width="${W}" height="34" fill="#4a3b2e"/>`;
  for (let k = 0; k < 260; k++) {
    const x = r.between(-20, W + 20);
    if (x > 1110 && x < 1320) continue;
    const s = r.between(10, 30);
    const y = ground + r.between(-6, 14);
    border += `<ellipse cx="${f(x)}" cy="${f(y - s * 0.6)}" rx="${f(s)}" ry="${f(s * 0.8)}" fill="${r.pick(['#4c6a3a', '#5f7a44', '#3e5a34', '#8c9a8a', '#6b7f52'])}"/>`;
    if (r.rand() < 0.4) border += `<circle cx="${f(x + r.between(-s, s))}" cy="${f(y - s * r.between(0.4, 1.3))}" r="${f(r.between(2.5, 5))}" fill="${r.pick(['#b25b8e', '#8a6bb5', '#e0c45a', '#c94a3c', '#f0efe6'])}"/>`;
  }
  border += `</g>`;
  lawn += border;
  // The gravel path from the foreground to the front door.
  const pathSide = (X0, X1) => Array.from({ length: 41 }, (_, i) => {
    const t = i / 40;
    const Z = lerp(3.6, houseZ, t ** 0.8);
    const X = lerp(X0, X1, t) + 1.1 * Math.sin(t * Math.PI);
    return cam.P(X, 0, Z);
  });
  const pl = pathSide(1.4, -0.05);
  const pr = pathSide(3.0, 1.5);
  lawn += `<polygon points="${pts([...pl, ...pr.reverse()])}" fill="#c4b497"/>`;
  let gravel = '';
  for (let k = 0; k < 2500; k++) {
    const t = r.rand() ** 1.6;
    const Z = lerp(3.6, houseZ, t ** 0.8);
    const X = lerp(lerp(1.4, 3.0, r.rand()), lerp(-0.05, 1.5, r.rand()), t) + 1.1 * Math.sin(t * Math.PI);
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z) * 0.012;
    gravel += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(s)}" fill="${r.pick(['#a2937a', '#ddd2bc', '#8d7f69', '#e7dfcc'])}" opacity="0.8"/>`;
  }
  lawn += gravel;
  lawn += `<polyline points="${pts(pl)}" fill="none" stroke="#6d7a4c" stroke-width="3" opacity="0.6"/>`;
  layers.push({
    defs: `
  <linearGradient id="cLawn" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#6f8a4a"/>
    <stop offset="0.5" stop-color="#5f7d3f"/>
    <stop offset="1" stop-color="#4d6b35"/>
  </linearGradient>`,
    body: lawn,
  });

  // A young oak on the lawn, planted where the old one stood, and its leaves.
  const [ox, oy] = cam.P(-5.6, 0, 15);
  let garden = tree(r, { x: ox, y: oy, h: 5 * cam.scale(15), w: 3.6 * cam.scale(15), palette: ['#a07a34', '#8e6a2e', '#b58b3f', '#7a6a30'], trunk: '#4a3c2f', density: 1.1 });
  garden += `<ellipse cx="${f(ox)}" cy="${f(oy)}" rx="${f(1.2 * cam.scale(15))}" ry="${f(0.12 * cam.scale(15))}" fill="#2c3a22" opacity="0.3" filter="url(#b4)"/>`;
  let leaves = '';
  for (let k = 0; k < 900; k++) {
    const Z = lerp(3.8, 20, r.rand() ** 1.3);
    const X = r.between(-9, 8);
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z) * r.between(0.025, 0.045);
    leaves += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(s)}" ry="${f(s * 0.45)}" fill="${r.pick(['#b3742e', '#c48d35', '#8e4f26', '#a5602a', '#d2a443'])}" opacity="${o(r.between(0.6, 0.95))}" transform="rotate(${f(r.between(-40, 40))} ${f(x)} ${f(y)})"/>`;
  }
  garden += leaves;
  // Pots of cyclamen and heather by the porch.
  for (const [X, Z] of [[-0.8, 22.4], [0.9, 22.4]]) {
    const [px, py] = cam.P(X, 0, Z);
    const s = cam.scale(Z);
    garden += `<path d="M${f(px - 0.25 * s)},${f(py - 0.5 * s)} L${f(px + 0.25 * s)},${f(py - 0.5 * s)} L${f(px + 0.18 * s)},${f(py)} L${f(px - 0.18 * s)},${f(py)} Z" fill="#a5573a"/>`;
    for (let k = 0; k < 14; k++) garden += `<circle cx="${f(px + r.between(-0.25, 0.25) * s)}" cy="${f(py - r.between(0.5, 0.8) * s)}" r="${f(0.06 * s)}" fill="${r.pick(['#c2306a', '#e7e2e6', '#3f6036', '#b74a8c'])}"/>`;
  }
  layers.push({ defs: '', body: garden });

  // The bench: a weathered teak three-seater, turned a little to the path.
  const bx = -0.6;
  const bz = 7.6;
  const yaw = -14;
  const wood = '#8a6d4d';
  const parts = [];
  const local = (lx, lz) => {
    const c = Math.cos(rad(yaw));
    const s = Math.sin(rad(yaw));
    return [bx + lx * c + lz * s, bz - lx * s + lz * c];
  };
  const part = (lx, ly, lz, w, h, d, colour = wood) => {
    const [x, z] = local(lx, lz);
    parts.push(box(cam, { x, y: ly, z, w, h, d, yaw, colour, edge: shade(colour, -0.2) }));
  };
  // Legs, arms and rails.
  for (const lx of [-0.78, 0.78]) {
    part(lx, 0, -0.22, 0.07, 0.62, 0.07); // front leg, up to the arm
    part(lx, 0, 0.22, 0.07, 0.92, 0.07); // back leg, up to the top rail
    part(lx, 0.6, -0.02, 0.09, 0.04, 0.6); // arm rest
    part(lx, 0.36, 0, 0.05, 0.05, 0.46); // side rail under the seat
  }
  part(0, 0.36, -0.22, 1.5, 0.06, 0.05); // front rail
  for (let k = 0; k < 5; k++) part(0, 0.42, -0.2 + k * 0.095, 1.5, 0.03, 0.07, shade(wood, r.between(-0.04, 0.04)));
  part(0, 0.5, 0.23, 1.52, 0.05, 0.05); // lower back rail
  part(0, 0.86, 0.23, 1.6, 0.07, 0.06); // top rail
  for (let k = 0; k < 11; k++) part(-0.65 + k * 0.13, 0.55, 0.23, 0.05, 0.31, 0.03);
  // A folded tartan rug and a mug on the seat.
  const [rx, rz] = local(-0.46, -0.02);
  parts.push(box(cam, { x: rx, y: 0.45, z: rz, w: 0.42, h: 0.08, d: 0.32, yaw, colour: '#8f2d2a', edge: '#2d4d3a' }));
  const [mx, mz] = local(0.55, -0.05);
  parts.push(box(cam, { x: mx, y: 0.45, z: mz, w: 0.09, h: 0.1, d: 0.09, yaw: 20, colour: '#e9e4d6' }));
  parts.sort((a, b) => b.depth - a.depth);
  const [sx, sy] = cam.P(bx, 0, bz);
  const bs = cam.scale(bz);
  let bench = `<ellipse cx="${f(sx + 0.1 * bs)}" cy="${f(sy - 0.02 * bs)}" rx="${f(0.95 * bs)}" ry="${f(0.16 * bs)}" fill="#1f2b17" opacity="0.35" filter="url(#b12)"/>`;
  bench += parts.map((p) => p.svg).join('');
  // A brass memorial plaque on the top rail.
  const [plx, plz] = local(0, 0.2);
  const [px1, py1] = cam.P(plx - 0.12, 0.875, plz);
  const [px2, py2] = cam.P(plx + 0.12, 0.875, plz);
  bench += `<polygon points="${pts([[px1, py1 - 7], [px2, py2 - 7], [px2, py2 + 7], [px1, py1 + 7]])}" fill="#c3a25a" stroke="#8b7037" stroke-width="1"/>`;
  // Lichen on the wood.
  let lichen = `<g filter="url(#b2)">`;
  for (let k = 0; k < 40; k++) {
    const [lx, lz] = local(r.between(-0.75, 0.75), 0.23);
    const [x, y] = cam.P(lx, r.between(0.5, 0.9), lz - 0.03);
    lichen += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r.between(1.5, 4))}" fill="#b9b98a" opacity="0.45"/>`;
  }
  bench += lichen + `</g>`;
  layers.push({ defs: '', body: bench });

  // Out-of-focus branches framing the top corners.
  let frame = `<g filter="url(#b24)">`;
  for (let k = 0; k < 90; k++) {
    const side = k % 2 === 0;
    const x = side ? r.between(-150, 380) : r.between(2050, 2550);
    const y = r.between(-120, side ? 360 : 260);
    frame += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(r.between(40, 90))}" ry="${f(r.between(30, 65))}" fill="${r.pick(['#4d4a2a', '#6b5a2e', '#3d4226', '#85662f'])}" opacity="${o(r.between(0.45, 0.8))}"/>`;
  }
  frame += `</g>`;
  layers.push({ defs: '', body: frame });
  layers.push(vignette(0.4));
  return layers;
}

// ---------------------------------------------------------------- rugby

/** Seven-segment strokes for a shirt number, drawn in a 1 × 2 box. */
const SEGMENTS = {
  0: 'abcdef', 1: 'bc', 2: 'abged', 3: 'abgcd', 4: 'fgbc', 5: 'afgcd', 6: 'afgedc', 7: 'abc', 8: 'abcdefg', 9: 'abcdfg',
};
function digits(n, x, y, h, colour) {
  const w = h * 0.5;
  const str = String(n);
  const ends = {
    a: [[0, 0], [1, 0]], b: [[1, 0], [1, 1]], c: [[1, 1], [1, 2]], d: [[0, 2], [1, 2]],
    e: [[0, 1], [0, 2]], f: [[0, 0], [0, 1]], g: [[0, 1], [1, 1]],
  };
  let g = '';
  str.split('').forEach((ch, i) => {
    const ox = x - (str.length * w * 1.5 - w * 0.5) / 2 + i * w * 1.5;
    for (const s of SEGMENTS[ch]) {
      const [[x1, y1], [x2, y2]] = ends[s];
      g += `<line x1="${f(ox + x1 * w)}" y1="${f(y + (y1 * h) / 2)}" x2="${f(ox + x2 * w)}" y2="${f(y + (y2 * h) / 2)}" stroke="${colour}" stroke-width="${f(h * 0.16)}" stroke-linecap="square"/>`;
    }
  });
  return g;
}

/** An elbow between shoulder S and wrist target T (two-bone reach), bending down. */
function reach(S, T, l1, l2) {
  const dx = T[0] - S[0];
  const dy = T[1] - S[1];
  const d = Math.min(Math.hypot(dx, dy), l1 + l2 - 1e-3);
  const base = Math.atan2(dy, dx);
  const off = Math.acos(Math.max(-1, Math.min(1, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d))));
  const a = dx >= 0 ? base - off : base + off;
  const elbow = [S[0] + Math.cos(a) * l1, S[1] + Math.sin(a) * l1];
  const b = Math.atan2(T[1] - elbow[1], T[0] - elbow[0]);
  return { elbow, wrist: [elbow[0] + Math.cos(b) * l2, elbow[1] + Math.sin(b) * l2] };
}

/**
 * A rugby player seen from the front or back. Local units are metres: u to
 * the right on screen, v up from the ground under the player. Arms are
 * [left, right] as { a, e } (shoulder angle from straight down, outwards
 * positive, and the elbow's extra bend) or { to: [u, v] } for a hand placed
 * on a point, as a lifter's on the jumper's thigh.
 */
function player(r, cam, { X, Z, view, kit, skin, hair, number, lift = 0, crouch = 0, spread = 0.14, arms, legsTogether = false, cap }) {
  const [sx, sy] = cam.P(X, 0, Z);
  const s = cam.scale(Z);
  const S = ([u, v]) => [sx + u * s, sy - v * s];
  const line = (a, b, w, colour) => {
    const [x1, y1] = S(a);
    const [x2, y2] = S(b);
    return seg(x1, y1, x2, y2, w * s, colour);
  };
  const hipV = lift + 0.95 - crouch;
  const shoulderV = hipV + 0.55;
  const footV = lift;
  let g = '';
  if (lift === 0) g += `<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="${f(0.4 * s)}" ry="${f(0.05 * s)}" fill="#141a10" opacity="0.3" filter="url(#b4)"/>`;

  // Legs.
  for (const side of [-1, 1]) {
    const hip = [side * 0.1, hipV];
    const foot = legsTogether ? [side * 0.07, footV] : [side * (0.1 + spread), footV];
    const bend = legsTogether ? 0.02 : 0.04 + crouch * 0.35;
    const knee = [lerp(hip[0], foot[0], 0.5) + side * bend, lerp(hip[1], foot[1], 0.5)];
    const mudLeg = r.rand() < 0.6;
    g += line(hip, knee, 0.17, skin);
    g += line(knee, foot, 0.12, skin);
    g += line([lerp(knee[0], foot[0], 0.15), lerp(knee[1], foot[1], 0.15)], foot, 0.125, kit.socks);
    if (kit.sockBand) g += line([lerp(knee[0], foot[0], 0.16), lerp(knee[1], foot[1], 0.16)], [lerp(knee[0], foot[0], 0.3), lerp(knee[1], foot[1], 0.3)], 0.13, kit.sockBand);
    if (mudLeg) g += line([lerp(knee[0], foot[0], 0.4), lerp(knee[1], foot[1], 0.4)], [lerp(knee[0], foot[0], 0.6), lerp(knee[1], foot[1], 0.6)], 0.1, '#5a4430').replace('/>', ' opacity="0.45"/>');
    const [fx, fy] = S(foot);
    g += `<ellipse cx="${f(fx + side * 0.03 * s)}" cy="${f(fy - 0.03 * s)}" rx="${f(0.085 * s)}" ry="${f(0.055 * s)}" fill="#151515"/>`;
  }
  // Shorts.
  const shorts = [[-0.2, hipV + 0.08], [0.2, hipV + 0.08], [0.22, hipV - 0.22], [0.02, hipV - 0.2], [0, hipV - 0.12], [-0.02, hipV - 0.2], [-0.22, hipV - 0.22]];
  g += `<polygon points="${pts(shorts.map(S))}" fill="${kit.shorts}"/>`;
  if (r.rand() < 0.7) {
    const [mx, my] = S([r.between(-0.15, 0.15), hipV - 0.12]);
    g += `<ellipse cx="${f(mx)}" cy="${f(my)}" rx="${f(0.07 * s)}" ry="${f(0.04 * s)}" fill="#5a4430" opacity="0.35"/>`;
  }
  // Shirt: a tapering torso with rounded shoulders and hoops or a band.
  const torso = [[-0.19, hipV], [0.19, hipV], [0.25, shoulderV - 0.08], [0.18, shoulderV + 0.02], [-0.18, shoulderV + 0.02], [-0.25, shoulderV - 0.08]];
  g += `<polygon points="${pts(torso.map(S))}" fill="${kit.shirt}" stroke="${kit.shirt}" stroke-width="${f(0.04 * s)}" stroke-linejoin="round"/>`;
  if (kit.hoops) {
    for (const v of [0.17, 0.31]) {
      const t = v / 0.55;
      const half = lerp(0.19, 0.25, t) + 0.01;
      g += line([-half, hipV + v], [half, hipV + v], 0.055, kit.hoops);
    }
  }
  if (kit.band) g += line([-0.24, shoulderV - 0.1], [0.24, shoulderV - 0.1], 0.05, kit.band);
  // Shading down one side of the body.
  g += `<polygon points="${pts([[0.08, hipV], [0.19, hipV], [0.25, shoulderV - 0.08], [0.16, shoulderV]].map(S))}" fill="#000" opacity="0.13"/>`;
  if (view === 'back' && number !== undefined) {
    const [nx, ny] = S([0, shoulderV - 0.1]);
    g += digits(number, nx, ny, 0.19 * s, kit.number);
  }
  // Arms.
  const shoulders = [[-0.22, shoulderV - 0.05], [0.22, shoulderV - 0.05]];
  const drawArm = (arm, k) => {
    const side = k === 0 ? -1 : 1;
    const sh = shoulders[k];
    let elbow;
    let wrist;
    if (arm.to) {
      ({ elbow, wrist } = reach(sh, arm.to, 0.3, 0.3));
    } else {
      const dir = (a) => [side * Math.sin(rad(a)), -Math.cos(rad(a))];
      const d1 = dir(arm.a);
      elbow = [sh[0] + d1[0] * 0.3, sh[1] + d1[1] * 0.3];
      const d2 = dir(arm.a + arm.e);
      wrist = [elbow[0] + d2[0] * 0.29, elbow[1] + d2[1] * 0.29];
    }
    let a = line(sh, elbow, 0.105, skin) + line(elbow, wrist, 0.09, skin);
    a += line(sh, [lerp(sh[0], elbow[0], 0.5), lerp(sh[1], elbow[1], 0.5)], 0.13, kit.shirt);
    if (kit.tape) a += line([lerp(sh[0], elbow[0], 0.62), lerp(sh[1], elbow[1], 0.62)], [lerp(sh[0], elbow[0], 0.72), lerp(sh[1], elbow[1], 0.72)], 0.11, '#f1efe8');
    const [hx, hy] = S(wrist);
    a += `<circle cx="${f(hx)}" cy="${f(hy)}" r="${f(0.055 * s)}" fill="${shade(skin, -0.03)}"/>`;
    return a;
  };
  g += drawArm(arms[0], 0) + drawArm(arms[1], 1);
  // Neck and head.
  g += line([0, shoulderV], [0, shoulderV + 0.1], 0.11, shade(skin, -0.05));
  const [hx, hy] = S([0, shoulderV + 0.2]);
  const hr = 0.11 * s;
  if (view === 'back') {
    g += `<circle cx="${f(hx - hr * 0.95)}" cy="${f(hy + hr * 0.1)}" r="${f(hr * 0.22)}" fill="${skin}"/><circle cx="${f(hx + hr * 0.95)}" cy="${f(hy + hr * 0.1)}" r="${f(hr * 0.22)}" fill="${skin}"/>`;
    g += `<circle cx="${f(hx)}" cy="${f(hy)}" r="${f(hr)}" fill="${skin}"/>`;
    g += `<path d="M${f(hx - hr)},${f(hy + hr * 0.2)} a${f(hr)},${f(hr)} 0 1 1 ${f(2 * hr)},0 q${f(-hr)},${f(hr * 0.55)} ${f(-2 * hr)},0 Z" fill="${hair}"/>`;
  } else {
    g += `<circle cx="${f(hx)}" cy="${f(hy)}" r="${f(hr)}" fill="${skin}"/>`;
    g += `<path d="M${f(hx - hr)},${f(hy - hr * 0.05)} a${f(hr)},${f(hr)} 0 0 1 ${f(2 * hr)},0 q${f(-hr)},${f(-hr * 0.45)} ${f(-2 * hr)},0 Z" fill="${hair}"/>`;
    g += `<ellipse cx="${f(hx - hr * 0.35)}" cy="${f(hy + hr * 0.1)}" rx="${f(hr * 0.1)}" ry="${f(hr * 0.07)}" fill="#2a211c"/><ellipse cx="${f(hx + hr * 0.35)}" cy="${f(hy + hr * 0.1)}" rx="${f(hr * 0.1)}" ry="${f(hr * 0.07)}" fill="#2a211c"/>`;
    g += `<ellipse cx="${f(hx)}" cy="${f(hy + hr * 0.55)}" rx="${f(hr * 0.3)}" ry="${f(hr * 0.12)}" fill="#e7e2d6" opacity="0.9"/>`;
  }
  if (cap) g += `<path d="M${f(hx - hr * 1.05)},${f(hy + hr * 0.35)} a${f(hr * 1.05)},${f(hr * 1.1)} 0 1 1 ${f(2.1 * hr)},0 L${f(hx + hr * 0.9)},${f(hy + hr * 0.1)} L${f(hx - hr * 0.9)},${f(hy + hr * 0.1)} Z" fill="${cap}" opacity="0.95"/>`;
  return g;
}

function rugby(r) {
  const layers = [];
  // The photographer stands on the touchline side of the pitch, level with
  // the line-out, with a long lens: the two lines run across the picture.
  const cam = camera(1200, 780, 3900, 1.9);
  const HORIZON = 780;

  let back = `<rect width="${W}" height="${HORIZON + 60}" fill="url(#rSky)"/>`;
  back += clouds(r, { y0: 40, y1: HORIZON - 200, count: 14, colours: ['#b5bcc1', '#a6afb5', '#c4c9cb', '#9aa3aa'] });
  layers.push({
    defs: `
  <linearGradient id="rSky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#8a959d"/>
    <stop offset="1" stop-color="#c9ccca"/>
  </linearGradient>`,
    body: back,
  });

  // Far side of the ground, thrown out of focus by the lens.
  let far = `<g filter="url(#b12)">`;
  for (let k = 0; k < 26; k++) {
    const X = r.between(-120, 140);
    const Z = r.between(150, 190);
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z);
    far += tree(r, { x, y, h: r.between(11, 17) * s, w: r.between(7, 12) * s, palette: ['#4f5a3c', '#5d5f38', '#6c5f36', '#445136'], trunk: '#3a342c', blur: 'b2', density: 0.5 });
  }
  // A belt of shrubs and a fence along the far boundary, hiding the horizon.
  const hedgeZ = 150;
  const hy = cam.groundY(hedgeZ);
  const hsc = cam.scale(hedgeZ);
  far += `<rect x="0" y="${f(hy - 2.2 * hsc)}" width="${W}" height="${f(2.2 * hsc + 4)}" fill="#4b5a3a"/>`;
  for (let k = 0; k < 160; k++) {
    far += `<ellipse cx="${f(r.between(0, W))}" cy="${f(hy - r.between(1, 2.4) * hsc)}" rx="${f(r.between(1, 2.5) * hsc)}" ry="${f(r.between(0.6, 1.2) * hsc)}" fill="${r.pick(['#44523a', '#55603d', '#5e5a3a', '#3d4a33'])}"/>`;
  }
  far += seg(0, hy - 1.1 * hsc, W, hy - 1.1 * hsc, 0.08 * hsc, '#d9d7cf');
  // The clubhouse, beyond the touchline on the left.
  const c0 = cam.P(-26, 0, 105);
  const c1 = cam.P(-12, 0, 105);
  const cs = cam.scale(105);
  far += `<rect x="${f(c0[0])}" y="${f(c0[1] - 5 * cs)}" width="${f(c1[0] - c0[0])}" height="${f(5 * cs)}" fill="#d8d2c2"/>`;
  far += `<polygon points="${pts([[c0[0] - 10, c0[1] - 5 * cs], [c1[0] + 10, c1[1] - 5 * cs], [c1[0] - 40, c1[1] - 7.5 * cs], [c0[0] + 40, c0[1] - 7.5 * cs]])}" fill="#5c3a35"/>`;
  for (let k = 0; k < 7; k++) far += `<rect x="${f(c0[0] + 18 + k * ((c1[0] - c0[0] - 30) / 7))}" y="${f(c0[1] - 3.6 * cs)}" width="${f(0.9 * cs)}" height="${f(1.4 * cs)}" fill="#3b4650"/>`;
  // Floodlight pylons.
  for (const [X, Z] of [[-16, 120], [34, 140]]) {
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z);
    far += seg(x, y, x, y - 16 * s, 0.35 * s, '#8b9094');
    far += `<rect x="${f(x - 1.2 * s)}" y="${f(y - 17.5 * s)}" width="${f(2.4 * s)}" height="${f(1.6 * s)}" fill="#6e7378"/>`;
  }
  // The posts at the far end, with padding in club colours.
  const postX = 24;
  const postZ = 95;
  const ps = cam.scale(postZ);
  for (const dx of [-2.8, 2.8]) {
    const [x, y] = cam.P(postX + dx, 0, postZ);
    far += seg(x, y, x, y - 12 * ps, 0.16 * ps, '#f4f4f0');
    far += `<rect x="${f(x - 0.3 * ps)}" y="${f(y - 2 * ps)}" width="${f(0.6 * ps)}" height="${f(2 * ps)}" fill="#7a1f2b"/>`;
  }
  const [b0x, b0y] = cam.P(postX - 2.8, 3, postZ);
  const [b1x] = cam.P(postX + 2.8, 3, postZ);
  far += seg(b0x, b0y, b1x, b0y, 0.16 * ps, '#f4f4f0');
  far += `</g>`;
  // Rail and spectators along the left touchline, some under umbrellas.
  let crowd = `<g filter="url(#b4)">`;
  const [r0x, r0y] = cam.P(-9.2, 1.1, 26);
  const [r1x, r1y] = cam.P(-9.2, 1.1, 140);
  crowd += seg(r0x, r0y, r1x, r1y, 6, '#e8e6df');
  const people = [];
  for (let k = 0; k < 60; k++) people.push({ Z: r.between(28, 120), X: r.between(-11.8, -9.6) });
  people.sort((a, b) => b.Z - a.Z);
  for (const { X, Z } of people) {
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z);
    const coat = r.pick(['#2e3a4a', '#5b2a2e', '#3c4a3a', '#6b5b45', '#1f2326', '#8a2f2f', '#c2a23a', '#3f5f7a']);
    crowd += `<rect x="${f(x - 0.24 * s)}" y="${f(y - 1.45 * s)}" width="${f(0.48 * s)}" height="${f(1.45 * s)}" rx="${f(0.15 * s)}" fill="${coat}"/>`;
    crowd += `<circle cx="${f(x)}" cy="${f(y - 1.6 * s)}" r="${f(0.12 * s)}" fill="${r.pick(['#e0b898', '#c68c63', '#8d5a3b'])}"/>`;
    if (r.rand() < 0.3) crowd += `<path d="M${f(x - 0.6 * s)},${f(y - 1.8 * s)} a${f(0.6 * s)},${f(0.4 * s)} 0 0 1 ${f(1.2 * s)},0 Z" fill="${r.pick(['#1e2a3a', '#7a1f2b', '#2a5a3a', '#dcdcd6'])}"/>`;
  }
  crowd += `</g>`;
  const farSide = far + crowd;

  // The pitch: mown bands across it, chalk lines running into the distance
  // and mud churned up where the forwards stand.
  let pitch = `<rect y="${HORIZON - 2}" width="${W}" height="${H - HORIZON + 2}" fill="url(#rGrass)"/>`;
  for (let Z = 200; Z > 4; Z -= 5) {
    if (Math.round(Z / 5) % 2) continue;
    const y0 = cam.groundY(Z);
    const y1 = cam.groundY(Z - 5 > 4 ? Z - 5 : 4);
    pitch += `<rect y="${f(y0)}" width="${W}" height="${f(y1 - y0)}" fill="#b8cf8a" opacity="0.08"/>`;
  }
  const chalk = (X, dashed) => {
    let g = '';
    for (let Z = 6; Z < 200; Z += dashed ? 2 : 200) {
      const z2 = dashed ? Z + 1 : 200;
      const a = cam.P(X - 0.05, 0, Z);
      const b = cam.P(X + 0.05, 0, Z);
      const c = cam.P(X + 0.05, 0, z2);
      const d = cam.P(X - 0.05, 0, z2);
      g += `<polygon points="${pts([a, b, c, d])}" fill="#f2f2ea" opacity="0.8"/>`;
    }
    return g;
  };
  pitch += chalk(-7.5, false) + chalk(-2.5, true) + chalk(7.5, true);
  let mud = `<g filter="url(#b12)">`;
  for (let k = 0; k < 60; k++) {
    const Z = r.between(9, 16);
    const X = r.between(-4.5, 5);
    const [x, y] = cam.P(X, 0, Z);
    const s = cam.scale(Z);
    mud += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(r.between(0.4, 1.2) * s)}" ry="${f(r.between(0.05, 0.14) * s)}" fill="${r.pick(['#5e4a33', '#6b563c', '#4f4030'])}" opacity="${o(r.between(0.3, 0.6))}"/>`;
  }
  mud += `</g>`;
  let blades = '';
  for (let k = 0; k < 2600; k++) {
    const y = r.between(HORIZON + 300, H);
    const depth = (y - HORIZON) / (H - HORIZON);
    const x = r.between(0, W);
    const l = r.between(4, 12) * depth;
    blades += seg(x, y, x + r.between(-2, 2), y - l, 1.2, r.rand() < 0.5 ? '#7f9d55' : '#3f5a2a', ` opacity="${o(r.between(0.3, 0.6))}"`);
  }
  layers.push({
    defs: `
  <linearGradient id="rGrass" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#7d8c6c"/>
    <stop offset="0.12" stop-color="#6a8350"/>
    <stop offset="0.4" stop-color="#5b7a3e"/>
    <stop offset="1" stop-color="#4a6a32"/>
  </linearGradient>`,
    body: pitch + farSide + mud + blades,
  });

  // The two lines. Hollerton (navy and gold) stand on the far side of the
  // gap, facing the camera; Wexcombe (maroon, white hoops) have their backs
  // to it. In the middle each side lifts a jumper for Wexcombe's throw.
  const home = { shirt: '#6e1a26', hoops: '#efece4', shorts: '#efece4', socks: '#6e1a26', sockBand: '#efece4', number: '#f4f1ea' };
  const away = { shirt: '#1c2740', band: '#d1a73a', shorts: '#1c2740', socks: '#1c2740', sockBand: '#d1a73a', number: '#d1a73a' };
  const skins = ['#f0c6a4', '#e2ae8a', '#c68b62', '#8c5a3a', '#5d3b27', '#eab89a'];
  const hairs = ['#2a1c14', '#4a3222', '#7a5a3a', '#b58d5a', '#151515', '#6b4a2e'];
  const ready = () => ({ a: r.between(20, 38), e: r.between(30, 70) });
  const up = (a) => ({ a, e: r.between(-8, 8) });

  const nearZ = 11.5;
  const farZ = 12.8;
  const jumperLift = 1.05;
  let players = '';
  // Far line first (behind), then the near line.
  const farLine = [
    { X: -3.2, crouch: 0.12 }, { X: -2.1, crouch: 0.06 },
    { X: -0.28, lifter: -1 }, { X: 0.34, jumper: true, lift: 0.8 }, { X: 0.96, lifter: 1 },
    { X: 2.3, crouch: 0.08 }, { X: 3.5, crouch: 0.1 }, { X: 4.5, crouch: 0.05 },
  ];
  const farJumper = farLine.find((p) => p.jumper);
  for (const p of [...farLine.filter((q) => !q.lifter), ...farLine.filter((q) => q.lifter)]) {
    const skin = r.pick(skins);
    const hair = r.pick(hairs);
    if (p.jumper) {
      players += player(r, cam, { X: p.X, Z: farZ, view: 'front', kit: away, skin, hair, lift: p.lift, legsTogether: true, arms: [up(160), up(172)] });
    } else if (p.lifter) {
      const dx = farJumper.X - p.X;
      const thigh = farJumper.lift + 0.7;
      players += player(r, cam, {
        X: p.X, Z: farZ, view: 'front', kit: away, skin, hair, crouch: 0.05,
        arms: p.lifter < 0 ? [up(40), { to: [dx - 0.12, thigh] }] : [{ to: [dx + 0.12, thigh - 0.15] }, up(40)],
      });
    } else {
      players += player(r, cam, { X: p.X, Z: farZ, view: 'front', kit: away, skin, hair, crouch: p.crouch, arms: [ready(), ready()] });
    }
  }
  // The ball, spinning in from the left just above the jumper's hands.
  const [bx, by] = cam.P(-0.24, jumperLift + 2.3, nearZ - 0.3);
  const bs = cam.scale(nearZ);
  let ball = `<g transform="rotate(-28 ${f(bx)} ${f(by)})">`;
  ball += `<ellipse cx="${f(bx - 0.22 * bs)}" cy="${f(by)}" rx="${f(0.3 * bs)}" ry="${f(0.08 * bs)}" fill="#f3f1ea" opacity="0.18" filter="url(#b4)"/>`;
  ball += `<ellipse cx="${f(bx)}" cy="${f(by)}" rx="${f(0.15 * bs)}" ry="${f(0.095 * bs)}" fill="#f3f1ea"/>`;
  ball += `<path d="M${f(bx - 0.15 * bs)},${f(by)} q${f(0.15 * bs)},${f(-0.07 * bs)} ${f(0.3 * bs)},0" fill="none" stroke="#7a1f2b" stroke-width="${f(0.018 * bs)}"/>`;
  ball += `<ellipse cx="${f(bx + 0.02 * bs)}" cy="${f(by + 0.03 * bs)}" rx="${f(0.1 * bs)}" ry="${f(0.04 * bs)}" fill="#b9b5a8" opacity="0.6"/>`;
  ball += `</g>`;

  const nearLine = [
    { X: -3.6, n: 4, crouch: 0.1 }, { X: -2.35, n: 7, crouch: 0.05 },
    { X: -0.56, n: 1, lifter: -1 }, { X: 0, n: 5, jumper: true }, { X: 0.56, n: 3, lifter: 1 },
    { X: 2.05, n: 6, crouch: 0.08 }, { X: 3.3, n: 8, crouch: 0.04 }, { X: 4.5, n: 2, crouch: 0.02 },
  ];
  for (const p of [...nearLine.filter((q) => !q.lifter), ...nearLine.filter((q) => q.lifter)]) {
    const skin = r.pick(skins);
    const hair = r.pick(hairs);
    if (p.jumper) {
      players += player(r, cam, { X: p.X, Z: nearZ, view: 'back', kit: home, skin: '#e9b996', hair: '#5a3b24', number: p.n, lift: jumperLift, legsTogether: true, arms: [up(168), { a: 150, e: 14 }] });
    } else if (p.lifter) {
      const dx = -p.X;
      players += player(r, cam, {
        X: p.X, Z: nearZ, view: 'back', kit: home, skin, hair, number: p.n, crouch: 0.04, cap: p.lifter > 0 ? '#6e1a26' : undefined,
        arms: p.lifter < 0 ? [up(35), { to: [dx - 0.13, jumperLift + 0.72] }] : [{ to: [dx + 0.12, jumperLift + 0.42] }, up(35)],
      });
    } else {
      players += player(r, cam, { X: p.X, Z: nearZ, view: 'back', kit: home, skin, hair, number: p.n, crouch: p.crouch, arms: [ready(), ready()], cap: p.n === 4 ? '#1b1b1b' : undefined });
    }
  }
  layers.push({ defs: '', body: players + ball });

  // Drizzle.
  let rain = '';
  for (let k = 0; k < 1100; k++) {
    const x = r.between(-100, W + 100);
    const y = r.between(-50, H);
    const l = r.between(14, 34);
    rain += seg(x, y, x - l * 0.25, y + l, r.between(0.8, 1.6), '#eef1f2', ` opacity="${o(r.between(0.1, 0.3))}"`);
  }
  layers.push({ defs: '', body: rain });
  layers.push(vignette(0.42));
  return layers;
}

// ---------------------------------------------------------------- render

const SCENES = {
  'planning-homes': { seed: 0x9a1f0e, draw: planning, grain: 28, quality: 84 },
  'care-home': { seed: 0xca4e50, draw: careHome, grain: 30, quality: 86 },
  'rugby-report': { seed: 0x4a6b71, draw: rugby, grain: 30, quality: 86 },
};

async function render(name, outDir) {
  const { seed, draw, grain, quality } = SCENES[name];
  const r = randomness(seed);
  // Grain kept light enough, with the JPEG quality, for files under 600 KB.
  const out = resolve(outDir, `${name}.jpg`);
  const info = await writeScene(draw(r), r.rand, { grain, quality, out });
  console.log(`wrote ${out} (${W}×${H}, ${Math.round(info.size / 1024)} KB)`);
}


const args = process.argv.slice(2);
let outDir = `${root}/examples/sample-edition/images`;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out-dir') outDir = resolve(args[++i] ?? '.');
  else names.push(args[i]);
}
for (const name of names) {
  if (!SCENES[name]) {
    console.error(`unknown scene "${name}"; choose from: ${Object.keys(SCENES).join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length ? names : Object.keys(SCENES)) await render(name, outDir);
