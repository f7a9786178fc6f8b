#!/usr/bin/env node
// Generates the other lead pictures of the sample edition, in the manner of
// make-sample-photo.mjs: each scene is drawn as SVG, rendered with sharp and
// given film grain.
//
//   node scripts/make-sample-photos.mjs [scene ...] [--out-dir DIR]
//
// Scenes (each written to examples/sample-edition/images/<scene>.jpg):
//   school-expansion   a 1960s school block wrapped in scaffolding
//   hospital-ward      a children's ward corridor with murals
//   football-cup       a goalkeeper diving in a rain-swept goalmouth
//   lifeboat-rescue    an inshore lifeboat beside a kayak off a headland
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
  return {
    rand,
    between: (lo, hi) => lo + (hi - lo) * rand(),
    pick: (list) => list[Math.floor(rand() * list.length)],
  };
}

const f = (n) => (Math.round(n * 10) / 10).toString();
const o = (n) => (Math.round(Math.max(0, Math.min(1, n)) * 100) / 100).toString();
const pts = (list) => list.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
const rad = (d) => (d * Math.PI) / 180;


function mix(a, b, t) {
  const p = parseInt(a.slice(1), 16);
  const q = parseInt(b.slice(1), 16);
  const ch = (s) => Math.round(((p >> s) & 255) * (1 - t) + ((q >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

/**
 * A pinhole camera at height `eye` metres above the ground, looking along +Z
 * with a level horizon at (cx, cy); `focal` is in pixels. X is to the right,
 * Y up, Z away from the camera, all in metres.
 */
function camera(cx, cy, focal, eye) {
  const P = (X, Y, Z) => [cx + (focal * X) / Z, cy - (focal * (Y - eye)) / Z];
  return {
    P,
    scale: (Z) => focal / Z,
    poly: (list) => pts(list.map(([X, Y, Z]) => P(X, Y, Z))),
  };
}

/** A closed curve (ellipse) sampled into points, for shapes that go through a camera. */
function ellipsePoints(cx, cy, rx, ry, n = 28) {
  const out = [];
  for (let k = 0; k < n; k++) out.push([cx + rx * Math.cos((2 * Math.PI * k) / n), cy + ry * Math.sin((2 * Math.PI * k) / n)]);
  return out;
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

/**
 * A person as a simple jointed figure, seen from the side. (x, y) is the
 * ground point beneath them on screen and s the pixels per metre there.
 * Angles are in degrees from straight down, positive towards `facing`
 * (1 right, -1 left). The figure stands with its lowest point on the ground
 * unless `lift` (hip height in metres) is given, as for a diving goalkeeper;
 * `rot` turns the whole body about the hip.
 */
function figure({ x, y, s, facing = 1, kit, skin, hair, pose, rot = 0, lift, shadow = 0.22 }) {
  const dir = (a) => [Math.sin(rad(a)), -Math.cos(rad(a))];
  const add = (p, d, l) => [p[0] + d[0] * l, p[1] + d[1] * l];
  const lean = pose.lean ?? 0;
  const hip = [0, 0];
  const up = [Math.sin(rad(lean)), Math.cos(rad(lean))];
  const shoulder = add(hip, up, 0.5);
  const head = add(add(hip, up, 0.72), [1, 0], 0.03);
  const leg = ([a, k]) => {
    const knee = add(hip, dir(a), 0.46);
    const ankle = add(knee, dir(a - k), 0.45);
    const b = rad(a - k);
    return { knee, ankle, toe: [ankle[0] + Math.cos(b) * 0.2, ankle[1] + Math.sin(b) * 0.2] };
  };
  const arm = ([a, e]) => {
    const elbow = add(shoulder, dir(a), 0.29);
    return { elbow, wrist: add(elbow, dir(a + e), 0.27) };
  };
  const legs = pose.legs.map(leg);
  const arms = pose.arms.map(arm);

  // Rotate about the hip, then stand on the ground (or hang at `lift`).
  const c = Math.cos(rad(rot));
  const sn = Math.sin(rad(rot));
  const turn = ([px, py]) => [px * c - py * sn, px * sn + py * c];
  const all = [shoulder, head, ...legs.flatMap((l) => [l.knee, l.ankle, l.toe]), ...arms.flatMap((a) => [a.elbow, a.wrist])].map(turn);
  const lowest = Math.min(...all.map((p) => p[1])) - 0.05;
  const dy = lift ?? -lowest;
  const S = (p) => {
    const [px, py] = turn(p);
    return [x + facing * px * s, y - (py + dy) * s];
  };
  const line = (a, b, width, colour, cap = 'round') => {
    const [x1, y1] = S(a);
    const [x2, y2] = S(b);
    return `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${colour}" stroke-width="${f(width * s)}" stroke-linecap="${cap}"/>`;
  };
  const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

  const drawLeg = (l, dark) => {
    const d = (col) => (dark ? shade(col, -0.12) : col);
    const lower = kit.trousers ? kit.shorts : skin;
    let g = line(hip, l.knee, 0.15, d(lower));
    g += line(l.knee, l.ankle, 0.115, d(kit.trousers ? kit.shorts : skin));
    if (!kit.trousers) {
      g += line(lerp(l.knee, l.ankle, 0.22), l.ankle, 0.12, d(kit.socks));
      g += line(hip, lerp(hip, l.knee, 0.55), 0.2, d(kit.shorts));
    }
    g += line(l.ankle, l.toe, 0.1, d(kit.boots ?? '#1c1c1c'));
    return g;
  };
  const drawArm = (a, dark) => {
    const d = (col) => (dark ? shade(col, -0.12) : col);
    const sleeve = kit.sleeves === 'long' ? 1 : 0.45;
    let g = line(shoulder, a.elbow, 0.1, d(skin));
    g += line(a.elbow, a.wrist, 0.085, d(kit.sleeves === 'long' ? kit.shirt : skin));
    g += line(shoulder, sleeve >= 1 ? a.elbow : lerp(shoulder, a.elbow, sleeve), 0.125, d(kit.shirt));
    if (kit.gloves) {
      const [wx, wy] = S(a.wrist);
      g += `<circle cx="${f(wx)}" cy="${f(wy)}" r="${f(0.075 * s)}" fill="${d(kit.gloves)}"/>`;
    }
    return g;
  };
  let g = '';
  if (shadow > 0) {
    g += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(0.42 * s)}" ry="${f(0.06 * s)}" fill="#000" opacity="${o(shadow)}" filter="url(#b4)"/>`;
  }
  g += drawArm(arms[0], true) + drawLeg(legs[0], true);
  g += line(hip, shoulder, 0.31, kit.shirt);
  g += line(add(hip, up, -0.04), add(hip, up, 0.1), 0.33, kit.shorts, 'butt');
  if (kit.stripe) g += line(add(hip, up, 0.12), add(hip, up, 0.42), 0.07, kit.stripe, 'butt');
  g += drawLeg(legs[1], false) + drawArm(arms[1], false);
  const [hx, hy] = S(head);
  const hr = 0.115 * s;
  g += `<circle cx="${f(hx - facing * hr * 0.12)}" cy="${f(hy - hr * 0.1)}" r="${f(hr)}" fill="${hair}"/>`;
  g += `<circle cx="${f(hx + facing * hr * 0.1)}" cy="${f(hy + hr * 0.06)}" r="${f(hr * 0.92)}" fill="${skin}"/>`;
  if (kit.cap) g += `<path d="M${f(hx - hr)},${f(hy - hr * 0.05)} a${f(hr)},${f(hr)} 0 0 1 ${f(2 * hr)},0 Z" fill="${kit.cap}"/>`;
  return g;
}

const SKIN = ['#f1c7a5', '#e3b08b', '#c68c63', '#8d5a3b', '#5e3b27'];
const HAIR = ['#2a1c14', '#4a3222', '#7a5a3a', '#b58d5a', '#151515'];

/** Poses for `figure`: [far, near] legs as [hip, knee] and arms as [shoulder, elbow]. */
const POSES = {
  stand: { lean: 2, legs: [[-6, 4], [6, 2]], arms: [[-8, 10], [10, 12]] },
  walk: { lean: 3, legs: [[-18, 8], [20, 10]], arms: [[18, 15], [-16, 10]] },
  run: { lean: 12, legs: [[-30, 70], [48, 30]], arms: [[40, 80], [-45, 70]] },
  sprint: { lean: 18, legs: [[-40, 95], [65, 55]], arms: [[55, 85], [-60, 60]] },
  shoot: { lean: -14, legs: [[-4, 10], [78, 12]], arms: [[-70, 30], [60, 20]] },
  lunge: { lean: 24, legs: [[-55, 8], [55, 70]], arms: [[70, 20], [-30, 30]] },
  crouch: { lean: 28, legs: [[-10, 70], [38, 80]], arms: [[35, 40], [20, 45]] },
  dive: { lean: 0, legs: [[-8, 18], [10, 30]], arms: [[172, 4], [160, 8]] },
};

// ---------------------------------------------------------------- school

function school(r) {
  const { rand, between, pick } = r;
  const B = 1090; // foot of the building
  const FH = 190; // storey height in pixels (about 3.5 m)
  const X0 = 380;
  const X1 = 2300;
  const TOP = B - 3 * FH;
  const cam = camera(1200, B - 1.6 * 54, 1400, 1.6);
  const layers = [];

  // Overcast sky.
  let sky = `<rect width="${W}" height="${B}" fill="url(#skyS)"/><g filter="url(#b24)">`;
  for (let k = 0; k < 60; k++) {
    const cx = between(-200, W + 200);
    const cy = between(20, 720);
    const base = pick(['#bfc5c8', '#aeb6ba', '#cdd1d1', '#9fa8ad']);
    sky += `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(between(160, 380))}" ry="${f(between(40, 100))}" fill="${base}" opacity="${o(between(0.3, 0.6))}"/>`;
  }
  sky += `</g>`;
  layers.push({
    defs: `<linearGradient id="skyS" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#9ea8ae"/><stop offset="0.6" stop-color="#c9cdcc"/><stop offset="1" stop-color="#e0dfd8"/></linearGradient>`,
    body: sky,
  });

  // Trees behind the school.
  let trees = `<g filter="url(#b4)">`;
  for (let k = 0; k < 170; k++) {
    const x = between(-100, W + 100);
    const y = between(720, 1060) + (x > X0 && x < X1 ? 40 : 0);
    const c = pick(['#5d665a', '#4f584e', '#6b7266', '#767a6c']);
    trees += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(40, 110))}" ry="${f(between(50, 130))}" fill="${c}" opacity="${o(between(0.6, 0.95))}"/>`;
  }
  trees += `</g>`;
  layers.push({ defs: '', body: trees });

  // The building.
  let b = '';
  // Stair tower at the left end, in brick.
  b += `<rect x="180" y="${TOP - 120}" width="${X0 - 180}" height="${B - TOP + 120}" fill="url(#brick)"/>`;
  b += `<rect x="174" y="${TOP - 134}" width="${X0 - 168}" height="16" fill="#c9c4b8"/>`;
  b += `<rect x="246" y="${TOP - 90}" width="68" height="${B - TOP + 40}" fill="url(#glass)"/>`;
  for (let y = TOP - 90; y < B - 50; y += 42) b += `<rect x="246" y="${y}" width="68" height="4" fill="#e6e4dc"/>`;
  b += `<rect x="246" y="${TOP - 90}" width="4" height="${B - TOP + 40}" fill="#e6e4dc"/><rect x="310" y="${TOP - 90}" width="4" height="${B - TOP + 40}" fill="#e6e4dc"/>`;
  // Roof plant behind the parapet.
  b += `<rect x="520" y="${TOP - 118}" width="210" height="70" fill="#8e9496"/>`;
  for (let x = 530; x < 720; x += 14) b += `<rect x="${x}" y="${TOP - 108}" width="6" height="50" fill="#737a7c"/>`;
  b += `<rect x="900" y="${TOP - 96}" width="14" height="50" fill="#5d6264"/>`;
  // Main block: concrete frame, brick spandrels, ribbon windows.
  b += `<rect x="${X0}" y="${TOP - 50}" width="${X1 - X0}" height="${B - TOP + 50}" fill="#bdb8ad"/>`;
  for (let i = 0; i < 3; i++) {
    const yb = B - i * FH;
    b += `<rect x="${X0}" y="${yb - 55}" width="${X1 - X0}" height="55" fill="url(#brick)"/>`;
    for (let bx = X0; bx < X1; bx += 130) {
      const w = Math.min(130, X1 - bx);
      b += `<rect x="${bx}" y="${yb - 158}" width="14" height="103" fill="#c9c5bb"/>`;
      if (w < 30) continue;
      const gx = bx + 14;
      const gw = w - 14;
      const entrance = i === 0 && bx >= 560 && bx < 820;
      if (entrance) continue;
      b += `<rect x="${gx}" y="${yb - 158}" width="${gw}" height="103" fill="#e9e8e2"/>`;
      b += `<rect x="${gx + 5}" y="${yb - 153}" width="${gw - 10}" height="93" fill="url(#glass)"/>`;
      // Blinds half down in some windows, children's artwork in others.
      if (rand() < 0.3) b += `<rect x="${gx + 5}" y="${yb - 153}" width="${gw - 10}" height="${f(between(15, 60))}" fill="#d9d2bf" opacity="0.9"/>`;
      if (i === 0 && rand() < 0.6) {
        for (let k = 0; k < 3; k++) {
          b += `<rect x="${f(gx + between(10, gw - 40))}" y="${f(yb - between(110, 140))}" width="${f(between(16, 30))}" height="${f(between(18, 28))}" fill="${pick(['#e2a43a', '#d9584a', '#5d9bd1', '#7cb36a', '#f0e6c8'])}" opacity="0.8"/>`;
        }
      }
      b += `<rect x="${gx + gw / 2 - 2}" y="${yb - 153}" width="4" height="93" fill="#e9e8e2"/>`;
      b += `<rect x="${gx + 5}" y="${yb - 126}" width="${gw - 10}" height="4" fill="#e9e8e2"/>`;
    }
    // The floor band above: concrete with a shadow under its lip and rain streaks.
    const yT = B - (i + 1) * FH;
    b += `<rect x="${X0}" y="${yT}" width="${X1 - X0}" height="35" fill="#cdc9bf"/>`;
    b += `<rect x="${X0}" y="${yT + 32}" width="${X1 - X0}" height="4" fill="#7f7b73"/>`;
    b += `<rect x="${X0}" y="${yT}" width="${X1 - X0}" height="3" fill="#e2dfd6"/>`;
  }
  b += `<rect x="${X0}" y="${TOP - 50}" width="${X1 - X0}" height="50" fill="#d1cdc3"/><rect x="${X0 - 6}" y="${TOP - 58}" width="${X1 - X0 + 12}" height="10" fill="#8f8b82"/>`;
  // Weathering: dark streaks below the bands.
  b += `<g filter="url(#b4)">`;
  for (let k = 0; k < 70; k++) {
    const x = between(X0, X1);
    const i = Math.floor(rand() * 4);
    b += `<rect x="${f(x)}" y="${B - i * FH - 20}" width="${f(between(3, 10))}" height="${f(between(20, 90))}" fill="#4b4a45" opacity="${o(between(0.08, 0.22))}"/>`;
  }
  b += `</g>`;
  // Entrance: glazed doors under a canopy.
  b += `<rect x="574" y="${B - FH + 36}" width="246" height="${FH - 36}" fill="url(#glass)"/>`;
  for (let x = 574; x <= 820; x += 41) b += `<rect x="${x}" y="${B - FH + 36}" width="5" height="${FH - 36}" fill="#41484c"/>`;
  b += `<rect x="574" y="${B - 110}" width="246" height="5" fill="#41484c"/>`;
  b += `<rect x="540" y="${B - FH + 24}" width="316" height="24" fill="#4d5357"/><rect x="540" y="${B - FH + 48}" width="316" height="26" fill="#000" opacity="0.25" filter="url(#b4)"/>`;
  // Downpipes.
  for (const x of [X0 + 4, 1040, X1 - 8]) b += `<rect x="${x}" y="${TOP - 50}" width="7" height="${B - TOP + 50}" fill="#3c3f40"/>`;
  layers.push({
    defs: `
  <pattern id="brick" width="36" height="12" patternUnits="userSpaceOnUse">
    <rect width="36" height="12" fill="#8a5140"/>
    <rect x="0" y="0" width="36" height="1.6" fill="#a5877a"/>
    <rect x="0" y="6" width="36" height="1.6" fill="#a5877a"/>
    <rect x="8" y="0" width="1.6" height="6" fill="#a5877a"/>
    <rect x="26" y="6" width="1.6" height="6" fill="#a5877a"/>
    <rect x="12" y="1.6" width="12" height="4.4" fill="#7a4536" opacity="0.4"/>
    <rect x="0" y="7.6" width="10" height="4.4" fill="#995c48" opacity="0.4"/>
  </pattern>
  <linearGradient id="glass" x1="0" y1="0" x2="0.3" y2="1">
    <stop offset="0" stop-color="#8f9ba2"/><stop offset="0.35" stop-color="#4f5b62"/><stop offset="1" stop-color="#2c3337"/>
  </linearGradient>`,
    body: b,
  });

  // Scaffolding over the right-hand part of the block, with a temporary roof.
  const S0 = 1060;
  const BAY = 128;
  const LIFT = 97;
  const lifts = 7;
  const topY = B - lifts * LIFT - 110;
  const tube = (x1, y1, x2, y2, w = 5) =>
    `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#8f969a" stroke-width="${w}" stroke-linecap="round"/>` +
    `<line x1="${f(x1 - 1)}" y1="${f(y1 - 1)}" x2="${f(x2 - 1)}" y2="${f(y2 - 1)}" stroke="#d4d8d9" stroke-width="${f(w * 0.3)}"/>`;
  let sc = '';
  // Temporary roof: white sheeting on a frame above the parapet.
  sc += `<polygon points="${S0 - 30},${topY + 40} ${S0 + 40},${topY - 30} ${W + 40},${topY - 30} ${W + 40},${topY + 40}" fill="#e4e7e5"/>`;
  for (let x = S0 + 20; x < W; x += 64) sc += `<rect x="${x}" y="${topY - 28}" width="3" height="66" fill="#b9bfbf"/>`;
  sc += `<rect x="${S0 - 30}" y="${topY + 34}" width="${W - S0 + 70}" height="8" fill="#9aa0a2"/>`;
  sc += `<rect x="${S0 - 30}" y="${topY + 42}" width="${W - S0 + 70}" height="30" fill="#000" opacity="0.18" filter="url(#b4)"/>`;
  // Ledgers, boards and toe boards, guard rails.
  for (let j = 1; j <= lifts; j++) {
    const y = B - j * LIFT;
    sc += tube(S0 - 20, y + 4, W + 20, y + 4);
    sc += `<rect x="${S0 - 10}" y="${y - 20}" width="${W - S0 + 20}" height="20" fill="#8c7b5d"/>`;
    for (let x = S0 - 10; x < W + 10; ) {
      const w = between(180, 390);
      sc += `<rect x="${f(x)}" y="${y - 20}" width="${f(w - 3)}" height="20" fill="${shade('#96855f', between(-0.06, 0.05))}"/>`;
      sc += `<rect x="${f(x + w - 3)}" y="${y - 20}" width="3" height="20" fill="#5c503b"/>`;
      x += w;
    }
    sc += tube(S0 - 20, y - 48, W + 20, y - 48, 4.5) + tube(S0 - 20, y - 78, W + 20, y - 78, 4.5);
  }
  // Standards.
  for (let x = S0; x < W + 20; x += BAY) {
    sc += tube(x, B + 2, x, topY + 40, 6);
    sc += `<rect x="${x - 14}" y="${B - 4}" width="28" height="8" fill="#444"/>`;
    for (let j = 1; j <= lifts; j++) sc += `<rect x="${x - 5}" y="${B - j * LIFT - 2}" width="10" height="10" fill="#5d6366"/>`;
  }
  // Façade bracing: diagonals zig-zagging up alternate bays.
  for (let x = S0, k = 0; x + BAY < W + 20; x += 2 * BAY, k++) {
    for (let j = 0; j < lifts; j++) {
      const yA = B - j * LIFT;
      const yB = B - (j + 1) * LIFT;
      sc += j % 2 === 0 ? tube(x, yA, x + BAY, yB, 4) : tube(x + BAY, yA, x, yB, 4);
    }
  }
  // A ladder between the first two lifts.
  const lx = S0 + 3 * BAY + 40;
  sc += tube(lx, B, lx + 10, B - 2 * LIFT + 20, 4) + tube(lx + 44, B, lx + 54, B - 2 * LIFT + 20, 4);
  for (let y = B - 14; y > B - 2 * LIFT + 26; y -= 18) {
    const t = (B - y) / (2 * LIFT);
    sc += `<line x1="${f(lx + 10 * t)}" y1="${y}" x2="${f(lx + 44 + 10 * t)}" y2="${y}" stroke="#8f969a" stroke-width="3"/>`;
  }
  // Debris netting on the upper lifts.
  let net = `<g opacity="0.55">`;
  for (let x = S0; x < W; x += BAY) {
    const yTop = topY + 44;
    const yBot = B - 3 * LIFT - 8;
    net += `<rect x="${x + 3}" y="${yTop}" width="${BAY - 6}" height="${yBot - yTop}" fill="#cfd9dc" opacity="${o(between(0.45, 0.7))}"/>`;
    for (let k = 0; k < 5; k++) {
      const fx = x + between(8, BAY - 8);
      net += `<rect x="${f(fx)}" y="${yTop}" width="${f(between(2, 6))}" height="${yBot - yTop}" fill="#9fabb0" opacity="${o(between(0.2, 0.5))}"/>`;
    }
  }
  net += `</g>`;
  layers.push({ defs: '', body: sc + net });

  // Ground: pavement, car park, bay markings, puddles.
  let g = `<rect x="0" y="${B}" width="${W}" height="${H - B}" fill="url(#tarmac)"/>`;
  g += `<rect x="0" y="${B}" width="${W}" height="9" fill="#a9aaa5"/><rect x="0" y="${B + 9}" width="${W}" height="3" fill="#6d6f6e"/>`;
  const groundLine = (X1_, Z1, X2, Z2, w = 0.1, colour = '#e8e6dc', op = 0.8) => {
    const [a, bb, c, d] = [cam.P(X1_ - w / 2, 0, Z1), cam.P(X1_ + w / 2, 0, Z1), cam.P(X2 + w / 2, 0, Z2), cam.P(X2 - w / 2, 0, Z2)];
    const thick = Z1 === Z2 ? [cam.P(X1_, 0, Z1 - w / 2), cam.P(X2, 0, Z1 - w / 2), cam.P(X2, 0, Z1 + w / 2), cam.P(X1_, 0, Z1 + w / 2)] : [a, bb, c, d];
    return `<polygon points="${pts(thick)}" fill="${colour}" opacity="${op}"/>`;
  };
  for (let X = -16; X <= -1; X += 2.5) g += groundLine(X, 21.5, X, 16.5);
  g += groundLine(-16, 16.5, -1, 16.5, 0.12);
  for (let X = 1.5; X <= 14; X += 2.5) g += groundLine(X, 21.5, X, 17.5);
  g += `<g filter="url(#b4)">`;
  for (let k = 0; k < 9; k++) {
    const Z = between(5, 20);
    const X = between(-10, 10);
    const [px, py] = cam.P(X, 0, Z);
    const rx = between(0.8, 2.4) * cam.scale(Z);
    g += `<ellipse cx="${f(px)}" cy="${f(py)}" rx="${f(rx)}" ry="${f(rx * between(0.06, 0.1))}" fill="#b9c0c2" opacity="${o(between(0.35, 0.6))}"/>`;
  }
  g += `</g>`;
  layers.push({
    defs: `<linearGradient id="tarmac" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#6c6f70"/><stop offset="1" stop-color="#3d4143"/></linearGradient>`,
    body: g,
  });

  // A skip full of old roofing, and traffic cones.
  let sk = '';
  {
    const Z = 19;
    const s = cam.scale(Z);
    const [x, y] = cam.P(-7.5, 0, Z);
    sk += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(2 * s)}" ry="${f(0.12 * s)}" fill="#000" opacity="0.3" filter="url(#b4)"/>`;
    for (let k = 0; k < 26; k++) {
      sk += `<ellipse cx="${f(x + between(-1.6, 1.6) * s)}" cy="${f(y - between(1.35, 1.6) * s)}" rx="${f(between(0.1, 0.35) * s)}" ry="${f(between(0.06, 0.16) * s)}" fill="${pick(['#2d2c2a', '#5e5850', '#8a8275', '#3d3a36', '#7b5a44'])}"/>`;
    }
    sk += `<polygon points="${pts([[x - 1.2 * s, y], [x + 1.2 * s, y], [x + 1.8 * s, y - 1.45 * s], [x - 1.8 * s, y - 1.45 * s]])}" fill="#d3a01f"/>`;
    for (let k = -3; k <= 3; k++) {
      const t = k / 3.5;
      sk += `<line x1="${f(x + t * 1.2 * s)}" y1="${f(y)}" x2="${f(x + t * 1.8 * s)}" y2="${f(y - 1.45 * s)}" stroke="#a97d15" stroke-width="${f(0.07 * s)}"/>`;
    }
    sk += `<rect x="${f(x - 1.85 * s)}" y="${f(y - 1.5 * s)}" width="${f(3.7 * s)}" height="${f(0.1 * s)}" fill="#b88a19"/>`;
    sk += `<rect x="${f(x - 1.2 * s)}" y="${f(y - 0.3 * s)}" width="${f(2.4 * s)}" height="${f(0.3 * s)}" fill="#000" opacity="0.18"/>`;
  }
  for (const [X, Z] of [[-4.2, 15], [-2.6, 14.2], [-1.1, 13.5]]) {
    const s = cam.scale(Z);
    const [x, y] = cam.P(X, 0, Z);
    sk += `<rect x="${f(x - 0.2 * s)}" y="${f(y - 0.05 * s)}" width="${f(0.4 * s)}" height="${f(0.05 * s)}" fill="#1e1e1e"/>`;
    sk += `<polygon points="${pts([[x - 0.15 * s, y - 0.04 * s], [x + 0.15 * s, y - 0.04 * s], [x + 0.03 * s, y - 0.75 * s], [x - 0.03 * s, y - 0.75 * s]])}" fill="#e05a1c"/>`;
    sk += `<polygon points="${pts([[x - 0.1 * s, y - 0.3 * s], [x + 0.1 * s, y - 0.3 * s], [x + 0.075 * s, y - 0.45 * s], [x - 0.075 * s, y - 0.45 * s]])}" fill="#eeeeea"/>`;
  }
  layers.push({ defs: '', body: sk });

  // Cars parked nose-in, seen from behind.
  let cars = '';
  for (const [X, colour] of [[-14.75, '#7d8a93'], [-12.25, '#8c2f2a'], [-2.25, '#e4e4e0']]) {
    const Z = 18.4;
    const s = cam.scale(Z);
    const [x, y] = cam.P(X, 0, Z);
    const w = 1.8 * s;
    cars += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(w * 0.62)}" ry="${f(0.1 * s)}" fill="#000" opacity="0.35" filter="url(#b4)"/>`;
    cars += `<rect x="${f(x - w * 0.42)}" y="${f(y - 0.25 * s)}" width="${f(0.3 * s)}" height="${f(0.25 * s)}" rx="4" fill="#1b1c1d"/><rect x="${f(x + w * 0.42 - 0.3 * s)}" y="${f(y - 0.25 * s)}" width="${f(0.3 * s)}" height="${f(0.25 * s)}" rx="4" fill="#1b1c1d"/>`;
    cars += `<polygon points="${pts([[x - w * 0.38, y - 1.45 * s], [x + w * 0.38, y - 1.45 * s], [x + w * 0.46, y - 0.95 * s], [x - w * 0.46, y - 0.95 * s]])}" fill="${shade(colour, -0.1)}"/>`;
    cars += `<polygon points="${pts([[x - w * 0.33, y - 1.38 * s], [x + w * 0.33, y - 1.38 * s], [x + w * 0.4, y - 1.0 * s], [x - w * 0.4, y - 1.0 * s]])}" fill="#3a4449"/>`;
    cars += `<rect x="${f(x - w / 2)}" y="${f(y - 1.0 * s)}" width="${f(w)}" height="${f(0.78 * s)}" rx="${f(0.12 * s)}" fill="${colour}"/>`;
    cars += `<rect x="${f(x - w / 2 + 0.06 * s)}" y="${f(y - 0.86 * s)}" width="${f(0.3 * s)}" height="${f(0.12 * s)}" fill="#b3241e"/><rect x="${f(x + w / 2 - 0.36 * s)}" y="${f(y - 0.86 * s)}" width="${f(0.3 * s)}" height="${f(0.12 * s)}" fill="#b3241e"/>`;
    cars += `<rect x="${f(x - 0.26 * s)}" y="${f(y - 0.62 * s)}" width="${f(0.52 * s)}" height="${f(0.11 * s)}" fill="#e8c93a"/>`;
    cars += `<rect x="${f(x - w / 2)}" y="${f(y - 0.36 * s)}" width="${f(w)}" height="${f(0.14 * s)}" fill="#26292b"/>`;
  }
  layers.push({ defs: '', body: cars });

  // Temporary site fencing in front of the scaffold, with signs.
  let fe = '';
  {
    const Z = 12;
    const s = cam.scale(Z);
    const [x0, y0] = cam.P(-1, 0, Z);
    const pw = 3.5 * s;
    const ph = 2 * s;
    for (let x = x0; x < W + 20; x += pw) {
      const top = y0 - ph - 0.08 * s;
      let mesh = '';
      for (let mx = x + 6; mx < x + pw - 4; mx += 9) mesh += `M${f(mx)},${f(top)}V${f(y0 - 0.12 * s)}`;
      for (let my = top + 20; my < y0 - 0.12 * s; my += 26) mesh += `M${f(x)},${f(my)}H${f(x + pw)}`;
      fe += `<path d="${mesh}" stroke="#b8bec0" stroke-width="1.3" opacity="0.65" fill="none"/>`;
      fe += `<rect x="${f(x)}" y="${f(top)}" width="${f(pw)}" height="${f(ph)}" fill="none" stroke="#a7aeb1" stroke-width="6"/>`;
      fe += `<rect x="${f(x - 0.32 * s)}" y="${f(y0 - 0.14 * s)}" width="${f(0.64 * s)}" height="${f(0.14 * s)}" rx="6" fill="#27292a"/>`;
      fe += `<rect x="${f(x - 10)}" y="${f(top + 0.3 * s)}" width="20" height="14" fill="#5f6668"/><rect x="${f(x - 10)}" y="${f(y0 - 0.5 * s)}" width="20" height="14" fill="#5f6668"/>`;
    }
    // Two contractor's boards: a blue header and lines standing in for text.
    for (const [sx, w] of [[x0 + 0.4 * pw, 1.4], [x0 + 1.55 * pw, 0.9]]) {
      const sw = w * s;
      const sh = w * 0.7 * s;
      const sy = y0 - 1.6 * s;
      fe += `<rect x="${f(sx)}" y="${f(sy)}" width="${f(sw)}" height="${f(sh)}" fill="#f1f0ea"/>`;
      fe += `<rect x="${f(sx)}" y="${f(sy)}" width="${f(sw)}" height="${f(sh * 0.26)}" fill="#1f4e8c"/>`;
      for (let k = 0; k < 4; k++) fe += `<rect x="${f(sx + sw * 0.1)}" y="${f(sy + sh * (0.38 + k * 0.14))}" width="${f(sw * between(0.45, 0.8))}" height="${f(sh * 0.06)}" fill="#6a6d70"/>`;
      fe += `<rect x="${f(sx + sw * 0.72)}" y="${f(sy + sh * 0.62)}" width="${f(sw * 0.18)}" height="${f(sw * 0.18)}" fill="#e2b21d"/>`;
    }
  }
  layers.push({ defs: '', body: fe });

  // A site worker in a hard hat by the fence; two pupils heading for the entrance.
  let people = '';
  for (const [X, Z, kit, pose, facing, k] of [
    [-6.2, 13.2, { shirt: '#1f2a44', shorts: '#4a4d52', socks: '#4a4d52', trousers: true }, POSES.walk, -1, 0.84],
    [-5.3, 13.6, { shirt: '#1f2a44', shorts: '#4a4d52', socks: '#4a4d52', trousers: true }, POSES.stand, -1, 0.8],
    [-0.4, 10.2, { shirt: '#f07a1a', shorts: '#2b3140', socks: '#2b3140', trousers: true, cap: '#f4f4f0', stripe: '#d8dcdc' }, POSES.stand, -1, 1],
  ]) {
    const [x, y] = cam.P(X, 0, Z);
    people += figure({ x, y, s: cam.scale(Z) * k, facing, kit, pose, skin: pick(SKIN), hair: pick(HAIR), shadow: 0.18 });
  }
  layers.push({ defs: '', body: people });

  // A grass verge and kerb along the bottom of the frame.
  let v = `<rect x="0" y="${H - 120}" width="${W}" height="120" fill="url(#verge)"/><rect x="0" y="${H - 132}" width="${W}" height="14" fill="#b3b2ab"/><rect x="0" y="${H - 118}" width="${W}" height="4" fill="#5c5e5a"/>`;
  for (let k = 0; k < 40; k++) {
    const x = between(0, W);
    const y = between(H - 110, H - 10);
    v += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(5, 12))}" ry="${f(between(2, 5))}" fill="${pick(['#8a5a2b', '#a26b2f', '#6e4a27'])}" opacity="0.8"/>`;
  }
  layers.push({
    defs: `<linearGradient id="verge" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4f5e3a"/><stop offset="1" stop-color="#3c4a2c"/></linearGradient>`,
    body: v,
  });

  // A bare winter tree at the left edge, in the foreground.
  let tr = '';
  const branch = (x, y, ang, len, w, depth) => {
    const x2 = x + Math.cos(ang) * len;
    const y2 = y + Math.sin(ang) * len;
    tr += `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#34302b" stroke-width="${f(w)}" stroke-linecap="round"/>`;
    if (depth === 0 || w < 1.2) return;
    const n = depth > 4 ? 2 : pick([2, 2, 3]);
    for (let k = 0; k < n; k++) {
      const spread = between(0.25, 0.6) * (k % 2 === 0 ? 1 : -1);
      branch(x2, y2, ang + spread + between(-0.1, 0.1), len * between(0.66, 0.8), w * between(0.58, 0.7), depth - 1);
    }
  };
  branch(120, 1540, -Math.PI / 2 - 0.06, 400, 48, 9);
  tr += `<ellipse cx="120" cy="1540" rx="70" ry="10" fill="#000" opacity="0.3" filter="url(#b4)"/>`;
  layers.push({ defs: '', body: tr });

  layers.push(vignette(0.38));
  return layers;
}

// ---------------------------------------------------------------- hospital

function hospital(r) {
  const { rand, between, pick } = r;
  const cam = camera(1200, 770, 1150, 1.5);
  const { P } = cam;
  const HW = 1.3; // half the corridor's width
  const CH = 2.7; // ceiling height
  const Z0 = 0.55;
  const ZE = 19; // end wall
  const layers = [];
  let b = '';

  // Floor, ceiling and walls, in slices along the corridor so the light can
  // rise and fall under each ceiling panel.
  const light = (Z) => 0.05 * Math.cos((2 * Math.PI * (Z - 2.1)) / 2.6) - 0.05 * Math.min(1, Z / ZE);
  const slices = [];
  for (let Z = Z0; Z < ZE; Z += Z < 4 ? 0.25 : 0.5) slices.push([Z, Math.min(ZE, Z + (Z < 4 ? 0.25 : 0.5))]);
  for (const [za, zb] of slices) {
    const l = light((za + zb) / 2);
    const quad = (list, colour) => `<polygon points="${cam.poly(list)}" fill="${shade(colour, l)}" stroke="${shade(colour, l)}" stroke-width="1"/>`;
    b += quad([[-HW, 0, za], [HW, 0, za], [HW, 0, zb], [-HW, 0, zb]], '#c3cccb');
    b += quad([[-HW, CH, za], [HW, CH, za], [HW, CH, zb], [-HW, CH, zb]], '#e9e8e3');
    for (const side of [-1, 1]) {
      const X = side * HW;
      b += quad([[X, 1.0, za], [X, CH, za], [X, CH, zb], [X, 1.0, zb]], side < 0 ? '#efe8da' : '#f2ebde');
      b += quad([[X, 0.12, za], [X, 1.0, za], [X, 1.0, zb], [X, 0.12, zb]], side < 0 ? '#a9c9d6' : '#b0cfdb');
      b += quad([[X, 0, za], [X, 0.12, za], [X, 0.12, zb], [X, 0, zb]], '#4f7f96');
    }
  }
  // Floor: blue border strips and faint seams.
  for (const side of [-1, 1]) {
    const X = side * (HW - 0.2);
    b += `<polygon points="${cam.poly([[X - 0.05, 0, Z0], [X + 0.05, 0, Z0], [X + 0.05, 0, ZE], [X - 0.05, 0, ZE]])}" fill="#5d8aa3" opacity="0.8"/>`;
  }
  for (let Z = 1; Z < ZE; Z += 2) b += `<polygon points="${cam.poly([[-HW, 0, Z], [HW, 0, Z], [HW, 0, Z + 0.02], [-HW, 0, Z + 0.02]])}" fill="#9aa5a5" opacity="0.5"/>`;
  // Ceiling tile grid.
  for (const X of [-0.6, 0.6]) b += `<line x1="${f(P(X, CH, Z0)[0])}" y1="${f(P(X, CH, Z0)[1])}" x2="${f(P(X, CH, ZE)[0])}" y2="${f(P(X, CH, ZE)[1])}" stroke="#c9c8c2" stroke-width="2"/>`;
  for (let Z = 1.2; Z < ZE; Z += 0.6) b += `<line x1="${f(P(-HW, CH, Z)[0])}" y1="${f(P(-HW, CH, Z)[1])}" x2="${f(P(HW, CH, Z)[0])}" y2="${f(P(HW, CH, Z)[1])}" stroke="#d3d2cc" stroke-width="${f(Math.max(1, 6 / Z))}"/>`;
  layers.push({ defs: '', body: b });

  // The end wall, with a bright window.
  let e = `<polygon points="${cam.poly([[-HW, 0, ZE], [HW, 0, ZE], [HW, CH, ZE], [-HW, CH, ZE]])}" fill="#e6dfd1"/>`;
  e += `<polygon points="${cam.poly([[-0.85, 0.8, ZE], [0.85, 0.8, ZE], [0.85, 2.35, ZE], [-0.85, 2.35, ZE]])}" fill="#f6f8f7"/>`;
  e += `<polygon points="${cam.poly([[-0.02, 0.8, ZE], [0.02, 0.8, ZE], [0.02, 2.35, ZE], [-0.02, 2.35, ZE]])}" fill="#b5b8b4"/>`;
  const [wx, wy] = P(0, 1.6, ZE);
  e += `<ellipse cx="${f(wx)}" cy="${f(wy)}" rx="260" ry="200" fill="#ffffff" opacity="0.55" filter="url(#b60)"/>`;
  layers.push({ defs: '', body: e });

  // Murals on the upper walls: hills, sea, sun and puffins, in the wall's plane.
  const wall = (side, list) => cam.poly(list.map(([Z, Y]) => [side * HW, Y, Z]));
  let m = '';
  const mural = (side, za, zb) => {
    if (zb - za < 0.8) return;
    const hill = [];
    for (let k = 0; k <= 24; k++) {
      const Z = za + ((zb - za) * k) / 24;
      hill.push([Z, 1.34 + 0.16 * (1 + Math.sin(k * 0.55 + za)) + 0.05 * (1 + Math.sin(k * 1.7))]);
    }
    const sea = [[za, 1.02], [zb, 1.02], [zb, 1.3], [za, 1.3]];
    m += `<polygon points="${wall(side, [[za, 1.25], ...hill, [zb, 1.25]])}" fill="${pick(['#7fb069', '#8cbf6e', '#6ea35d'])}"/>`;
    m += `<polygon points="${wall(side, sea)}" fill="#5a9fc4"/>`;
    for (let k = 0; k < 3; k++) {
      const y = 1.08 + k * 0.07;
      m += `<polygon points="${wall(side, [[za, y], [zb, y], [zb, y + 0.015], [za, y + 0.015]])}" fill="#e9f3f6" opacity="0.7"/>`;
    }
    const sz = za + (zb - za) * between(0.2, 0.8);
    m += `<polygon points="${wall(side, ellipsePoints(sz, 2.2, 0.17, 0.17))}" fill="#f5c542"/>`;
    for (let k = 0; k < 3; k++) {
      const pz = za + (zb - za) * between(0.15, 0.85);
      const py = between(1.75, 2.3);
      // A puffin: black back and head, white front and face, striped bill.
      m += `<polygon points="${wall(side, ellipsePoints(pz, py, 0.07, 0.1))}" fill="#23262b"/>`;
      m += `<polygon points="${wall(side, ellipsePoints(pz + 0.025, py - 0.015, 0.042, 0.075))}" fill="#f4f1ea"/>`;
      m += `<polygon points="${wall(side, ellipsePoints(pz + 0.01, py + 0.12, 0.055, 0.05))}" fill="#23262b"/>`;
      m += `<polygon points="${wall(side, ellipsePoints(pz + 0.02, py + 0.115, 0.036, 0.034))}" fill="#f4f1ea"/>`;
      m += `<polygon points="${wall(side, ellipsePoints(pz + 0.025, py + 0.125, 0.008, 0.008, 8))}" fill="#23262b"/>`;
      m += `<polygon points="${wall(side, [[pz + 0.055, py + 0.15], [pz + 0.12, py + 0.11], [pz + 0.055, py + 0.085]])}" fill="#ef7a2b"/>`;
      m += `<polygon points="${wall(side, [[pz + 0.075, py + 0.138], [pz + 0.082, py + 0.134], [pz + 0.082, py + 0.096], [pz + 0.075, py + 0.092]])}" fill="#f5c542"/>`;
      for (const dz of [-0.025, 0.025]) m += `<polygon points="${wall(side, [[pz + dz - 0.02, py - 0.1], [pz + dz + 0.04, py - 0.1], [pz + dz, py - 0.085]])}" fill="#ef7a2b"/>`;
    }
  };

  // Doors in cheerful colours, each with a vision panel and a handle.
  let d = '';
  const doorColours = ['#f2b632', '#4fb3a9', '#ef7d5b', '#8f86c9', '#5aa0d8'];
  const doors = { [-1]: [2.3, 6.9, 11.6, 15.4], [1]: [3.7, 8.9, 13.4, 16.8] };
  for (const side of [-1, 1]) {
    const list = doors[side];
    let last = Z0;
    for (const z of list) {
      mural(side, last + 0.25, z - 0.2);
      last = z + 1.1;
      const colour = pick(doorColours);
      d += `<polygon points="${wall(side, [[z - 0.07, 0, 0], [z + 1.17, 0], [z + 1.17, 2.2], [z - 0.07, 2.2]].map(([a, bb]) => [a, bb]))}" fill="#d9d6cf"/>`;
      d += `<polygon points="${wall(side, [[z, 0], [z + 1.1, 0], [z + 1.1, 2.12], [z, 2.12]])}" fill="${colour}"/>`;
      d += `<polygon points="${wall(side, [[z + 0.2, 1.2], [z + 0.42, 1.2], [z + 0.42, 1.8], [z + 0.2, 1.8]])}" fill="#3b4a55"/>`;
      d += `<polygon points="${wall(side, [[z + 0.23, 1.55], [z + 0.4, 1.72], [z + 0.4, 1.78], [z + 0.23, 1.61]])}" fill="#c8d6dd" opacity="0.6"/>`;
      d += `<polygon points="${wall(side, [[z + 0.9, 1.0], [z + 1.02, 1.0], [z + 1.02, 1.04], [z + 0.9, 1.04]])}" fill="#8c9396"/>`;
      d += `<polygon points="${wall(side, [[z, 0], [z + 1.1, 0], [z + 1.1, 0.25], [z, 0.25]])}" fill="#b9bcbc" opacity="0.7"/>`;
    }
    mural(side, last + 0.25, ZE - 0.3);
  }
  // Handrails along both walls, stopping at the doors.
  let h = '';
  for (const side of [-1, 1]) {
    let za = Z0;
    for (const z of [...doors[side], ZE]) {
      const zb = z - 0.12;
      if (zb > za) {
        const X = side * (HW - 0.06);
        h += `<polygon points="${cam.poly([[X, 0.92, za], [X, 0.98, za], [X, 0.98, zb], [X, 0.92, zb]])}" fill="#c28f5a"/>`;
        h += `<polygon points="${cam.poly([[X, 0.9, za], [X, 0.92, za], [X, 0.92, zb], [X, 0.9, zb]])}" fill="#7a5a3a"/>`;
      }
      za = z + 1.22;
    }
  }
  // A hand-gel dispenser and a notice board.
  h += `<polygon points="${wall(1, [[6.1, 1.2], [6.3, 1.2], [6.3, 1.45], [6.1, 1.45]])}" fill="#f7f7f4"/>`;
  h += `<polygon points="${wall(-1, [[4.4, 1.25], [5.6, 1.25], [5.6, 1.95], [4.4, 1.95]])}" fill="#b98d5f"/>`;
  for (let k = 0; k < 7; k++) {
    const z = between(4.5, 5.3);
    const y = between(1.3, 1.75);
    h += `<polygon points="${wall(-1, [[z, y], [z + 0.2, y], [z + 0.2, y + 0.16], [z, y + 0.16]])}" fill="${pick(['#ffffff', '#f7e48d', '#a7d4f0', '#f4b6c2'])}"/>`;
  }
  layers.push({ defs: '', body: m + d + h });

  // Fire doors held open halfway along: a bulkhead and two posts.
  let fd = '';
  const ZF = 10.2;
  fd += `<polygon points="${cam.poly([[-HW, 2.3, ZF], [HW, 2.3, ZF], [HW, CH, ZF], [-HW, CH, ZF]])}" fill="#ece6da"/>`;
  fd += `<polygon points="${cam.poly([[-HW, 2.28, ZF], [HW, 2.28, ZF], [HW, 2.32, ZF], [-HW, 2.32, ZF]])}" fill="#9c9a93"/>`;
  for (const side of [-1, 1]) {
    const X = side * HW;
    fd += `<polygon points="${cam.poly([[X, 0, ZF], [X - side * 0.1, 0, ZF], [X - side * 0.1, 2.3, ZF], [X, 2.3, ZF]])}" fill="#d8d3c8"/>`;
    fd += `<polygon points="${cam.poly([[X - side * 0.1, 0, ZF], [X - side * 0.1, 0, ZF + 0.15], [X - side * 0.1, 2.3, ZF + 0.15], [X - side * 0.1, 2.3, ZF]])}" fill="#bdb8ad"/>`;
  }
  // A green exit sign hanging from the ceiling.
  fd += `<polygon points="${cam.poly([[-0.32, 2.32, 6], [0.32, 2.32, 6], [0.32, 2.52, 6], [-0.32, 2.52, 6]])}" fill="#1f9a57"/>`;
  fd += `<polygon points="${cam.poly([[-0.27, 2.36, 6], [-0.05, 2.36, 6], [-0.05, 2.48, 6], [-0.27, 2.48, 6]])}" fill="#eaf6ee"/>`;
  fd += `<polygon points="${cam.poly([[0.02, 2.42, 6], [0.2, 2.36, 6], [0.2, 2.48, 6]])}" fill="#eaf6ee"/>`;
  for (const X of [-0.25, 0.25]) fd += `<line x1="${f(P(X, 2.52, 6)[0])}" y1="${f(P(X, 2.52, 6)[1])}" x2="${f(P(X, CH, 6)[0])}" y2="${f(P(X, CH, 6)[1])}" stroke="#777" stroke-width="2"/>`;
  layers.push({ defs: '', body: fd });

  // Ceiling lights, their glow and their reflections in the polished floor.
  let li = '';
  let glow = `<g filter="url(#b24)">`;
  let refl = `<g filter="url(#b12)">`;
  for (let Z = 1.6; Z < ZE - 1; Z += 2.6) {
    li += `<polygon points="${cam.poly([[-0.32, CH - 0.01, Z], [0.32, CH - 0.01, Z], [0.32, CH - 0.01, Z + 1.2], [-0.32, CH - 0.01, Z + 1.2]])}" fill="#fffef7"/>`;
    const [gx, gy] = P(0, CH - 0.05, Z + 0.6);
    glow += `<ellipse cx="${f(gx)}" cy="${f(gy)}" rx="${f(cam.scale(Z) * 0.8)}" ry="${f(cam.scale(Z) * 0.2)}" fill="#fffbe8" opacity="0.7"/>`;
    refl += `<polygon points="${cam.poly([[-0.3, -CH, Z], [0.3, -CH, Z], [0.3, -CH, Z + 1.2], [-0.3, -CH, Z + 1.2]])}" fill="#f7f8f4" opacity="0.45"/>`;
  }
  glow += `</g>`;
  refl += `</g>`;
  layers.push({ defs: '', body: refl + li + glow });

  // A nurse crossing the corridor.
  {
    const Z = 12.8;
    const [x, y] = P(0.35, 0, Z);
    layers.push({
      defs: '',
      body: figure({ x, y, s: cam.scale(Z), facing: 1, pose: POSES.walk, skin: SKIN[2], hair: HAIR[0], shadow: 0.12,
        kit: { shirt: '#26365f', shorts: '#26365f', socks: '#26365f', boots: '#151515', trousers: true } }),
    });
  }
  // A warm, soft wash over everything.
  layers.push({ defs: '', body: `<rect width="${W}" height="${H}" fill="#ffe9c4" opacity="0.06"/>` });
  layers.push(vignette(0.4));
  return layers;
}

// ---------------------------------------------------------------- football

function football(r) {
  const { rand, between, pick } = r;
  const cam = camera(1200, 820, 3000, 1.2);
  const { P } = cam;
  const layers = [];

  // A dark, wet sky and the trees behind the ground.
  let sk = `<rect width="${W}" height="${H}" fill="url(#skyF)"/><g filter="url(#b24)">`;
  for (let k = 0; k < 50; k++) {
    sk += `<ellipse cx="${f(between(-200, W + 200))}" cy="${f(between(0, 560))}" rx="${f(between(180, 420))}" ry="${f(between(50, 120))}" fill="${pick(['#3d454b', '#4a5257', '#5b6468', '#343b40'])}" opacity="${o(between(0.3, 0.6))}"/>`;
  }
  sk += `</g><g filter="url(#b4)">`;
  for (let k = 0; k < 140; k++) {
    sk += `<ellipse cx="${f(between(-100, W + 100))}" cy="${f(between(380, 620))}" rx="${f(between(40, 120))}" ry="${f(between(60, 140))}" fill="${pick(['#2f3a32', '#37423a', '#29332c'])}" opacity="${o(between(0.7, 1))}"/>`;
  }
  sk += `</g>`;
  layers.push({
    defs: `<linearGradient id="skyF" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3f474c"/><stop offset="0.5" stop-color="#6b7479"/><stop offset="1" stop-color="#8b9396"/></linearGradient>`,
    body: sk,
  });

  // Floodlights, lit against the gloom.
  let fl = '';
  for (const X of [-15, 15]) {
    const Z = 44;
    const [bx, by] = P(X, 0, Z);
    const [tx, ty] = P(X, 12, Z);
    fl += `<polygon points="${pts([[bx - 9, by], [bx + 9, by], [tx + 4, ty], [tx - 4, ty]])}" fill="#3a4044"/>`;
    fl += `<rect x="${f(tx - 70)}" y="${f(ty - 60)}" width="140" height="70" fill="#2c3135"/>`;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) fl += `<circle cx="${f(tx - 52 + i * 35)}" cy="${f(ty - 42 + j * 34)}" r="12" fill="#fff8e0"/>`;
    fl += `<ellipse cx="${f(tx)}" cy="${f(ty - 25)}" rx="190" ry="110" fill="#fff6da" opacity="0.45" filter="url(#b24)"/>`;
  }
  layers.push({ defs: '', body: fl });

  // A small covered stand behind the goal, packed with people.
  let st = '';
  const ZS = 31;
  const XS = 10;
  st += `<polygon points="${cam.poly([[-XS, 0, ZS], [XS, 0, ZS], [XS, 5.2, ZS + 5], [-XS, 5.2, ZS + 5]])}" fill="#26292a"/>`;
  const heads = [];
  for (let row = 0; row < 6; row++) {
    const Z = ZS + 0.6 + row * 0.8;
    const Y = 0.9 + row * 0.5;
    for (let X = -XS + 0.2; X < XS - 0.2; X += between(0.42, 0.62)) heads.push([X + between(-0.08, 0.08), Y + between(-0.06, 0.1), Z]);
  }
  heads.sort((a, bb) => bb[2] - a[2]);
  for (const [X, Y, Z] of heads) {
    const s = cam.scale(Z);
    const [x, y] = P(X, Y, Z);
    const coat = pick(['#2b3a55', '#3b3b3b', '#5a2e2e', '#2e4a3a', '#6b6b63', '#1f1f22', '#e09a1d', '#8a6b3e']);
    st += `<rect x="${f(x - 0.24 * s)}" y="${f(y + 0.1 * s)}" width="${f(0.48 * s)}" height="${f(0.6 * s)}" rx="${f(0.1 * s)}" fill="${coat}"/>`;
    if (rand() < 0.12) st += `<rect x="${f(x - 0.2 * s)}" y="${f(y + 0.1 * s)}" width="${f(0.4 * s)}" height="${f(0.08 * s)}" fill="#e9a21f"/>`;
    st += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(0.12 * s)}" fill="${pick(SKIN)}"/>`;
    if (rand() < 0.5) st += `<path d="M${f(x - 0.12 * s)},${f(y)} a${f(0.12 * s)},${f(0.12 * s)} 0 0 1 ${f(0.24 * s)},0 Z" fill="${pick(['#222', '#3c2b20', '#8c8c8c', '#b33', '#234'])}"/>`;
  }
  // Roof, fascia and posts.
  st += `<polygon points="${cam.poly([[-XS - 0.5, 5.0, ZS - 0.4], [XS + 0.5, 5.0, ZS - 0.4], [XS + 0.5, 5.6, ZS - 0.4], [-XS - 0.5, 5.6, ZS - 0.4]])}" fill="#2f4a3a"/>`;
  st += `<polygon points="${cam.poly([[-XS - 0.5, 5.6, ZS - 0.4], [XS + 0.5, 5.6, ZS - 0.4], [XS + 0.5, 6.2, ZS + 5], [-XS - 0.5, 6.2, ZS + 5]])}" fill="#3d5a48"/>`;
  for (let X = -XS; X <= XS; X += 5) st += `<polygon points="${cam.poly([[X - 0.08, 0, ZS - 0.3], [X + 0.08, 0, ZS - 0.3], [X + 0.08, 5.0, ZS - 0.3], [X - 0.08, 5.0, ZS - 0.3]])}" fill="#e8e6e0"/>`;
  // Spectators standing at the rail either side of the stand.
  for (const side of [-1, 1]) {
    for (let X = side * (XS + 0.6); Math.abs(X) < 18; X += side * between(0.5, 0.9)) {
      const Z = 27.5;
      const s = cam.scale(Z);
      const [x, y] = P(X, 1.55, Z);
      st += `<rect x="${f(x - 0.24 * s)}" y="${f(y + 0.1 * s)}" width="${f(0.48 * s)}" height="${f(1.4 * s)}" rx="${f(0.1 * s)}" fill="${pick(['#2b3a55', '#3b3b3b', '#2e4a3a', '#6b6b63', '#e09a1d'])}"/>`;
      st += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(0.12 * s)}" fill="${pick(SKIN)}"/>`;
    }
  }
  layers.push({ defs: '', body: `<g filter="url(#b4)">${st}</g>` });

  // The pitch: mown stripes, a muddy goalmouth, the markings.
  let p = '';
  const stripes = [];
  for (let Z = 4.2; Z < 27; Z += 3) stripes.push(Z);
  stripes.forEach((Z, k) => {
    p += `<polygon points="${cam.poly([[-60, 0, Z], [60, 0, Z], [60, 0, Z + 3], [-60, 0, Z + 3]])}" fill="${k % 2 ? '#4c7538' : '#57823f'}"/>`;
  });
  p += `<g filter="url(#b12)">`;
  for (let k = 0; k < 40; k++) {
    const X = between(-3.4, 3.4);
    const Z = between(16.5, 20);
    const [x, y] = P(X, 0, Z);
    p += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(0.5, 1.5) * cam.scale(Z))}" ry="${f(between(0.1, 0.3) * cam.scale(Z) * 0.1 * 1.2)}" fill="${pick(['#5c4a32', '#6a5739', '#4e4330'])}" opacity="${o(between(0.35, 0.7))}"/>`;
  }
  p += `</g>`;
  const mark = (list) => `<polygon points="${cam.poly(list.map(([X, Z]) => [X, 0, Z]))}" fill="#eeeeE6" opacity="0.85"/>`;
  const lw = 0.12;
  p += mark([[-40, 20], [40, 20], [40, 20 + lw * 2], [-40, 20 + lw * 2]]);
  p += mark([[-9.16, 14.5 - lw * 2], [9.16, 14.5 - lw * 2], [9.16, 14.5], [-9.16, 14.5]]);
  for (const X of [-9.16, 9.16]) p += mark([[X - lw / 2, 14.5], [X + lw / 2, 14.5], [X + lw / 2, 20], [X - lw / 2, 20]]);
  p += `<polygon points="${pts(ellipsePoints(...P(0, 0, 9), 0.11 * cam.scale(9), 0.11 * cam.scale(9) * 0.13))}" fill="#eeeee6"/>`;
  // Advertising boards along the far touchline.
  for (let X = -20; X < 20; X += 3) {
    const c = pick(['#1f4e8c', '#c7352b', '#f1f0ea', '#2f7a3e', '#e6b422', '#222']);
    p += `<polygon points="${cam.poly([[X, 0, 25], [X + 3, 0, 25], [X + 3, 0.9, 25], [X, 0.9, 25]])}" fill="${c}"/>`;
    const t = c === '#f1f0ea' || c === '#e6b422' ? '#2a2a2a' : '#f4f4ee';
    p += `<polygon points="${cam.poly([[X + 0.4, 0.35, 25], [X + between(1.6, 2.6), 0.35, 25], [X + between(1.6, 2.6), 0.55, 25], [X + 0.4, 0.55, 25]])}" fill="${t}" opacity="0.9"/>`;
    p += `<polygon points="${cam.poly([[X + 2.98, 0, 25], [X + 3, 0, 25], [X + 3, 0.9, 25], [X + 2.98, 0.9, 25]])}" fill="#111"/>`;
  }
  layers.push({ defs: '', body: p });

  // The goal: net behind, then posts and bar.
  let g = '';
  const GX = 3.66;
  const GY = 2.44;
  const ZB = 22; // back of the net
  let net = '';
  const seg = (a, bb) => {
    const [x1, y1] = P(...a);
    const [x2, y2] = P(...bb);
    return `M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}`;
  };
  for (let X = -GX; X <= GX + 0.01; X += 0.12) net += seg([X, 0, ZB], [X, 1.9, ZB]) + seg([X, 1.9, ZB], [X, GY, 20.05]);
  for (let Y = 0.12; Y < 1.9; Y += 0.12) net += seg([-GX, Y, ZB], [GX, Y, ZB]);
  for (let Z = 20.1; Z < ZB; Z += 0.12) {
    const t = (Z - 20) / (ZB - 20);
    const Y = GY + (1.9 - GY) * t;
    net += seg([-GX, Y, Z], [GX, Y, Z]);
    for (const X of [-GX, GX]) net += seg([X, 0, Z], [X, Y, Z]);
  }
  for (const X of [-GX, GX]) for (let Y = 0.12; Y < GY; Y += 0.12) net += seg([X, Y, 20.05], [X, Math.min(Y, 1.9), ZB]);
  g += `<path d="${net}" stroke="#f3f3ef" stroke-width="1.3" opacity="0.5" fill="none"/>`;
  for (const X of [-GX - 0.6, GX + 0.6]) g += `<line x1="${f(P(X, 0, ZB)[0])}" y1="${f(P(X, 0, ZB)[1])}" x2="${f(P(X, 2.0, ZB)[0])}" y2="${f(P(X, 2.0, ZB)[1])}" stroke="#cfd2d2" stroke-width="4"/>`;
  const post = (list) => `<polygon points="${cam.poly(list)}" fill="url(#post)"/>`;
  for (const X of [-GX - 0.12, GX]) g += post([[X, 0, 20], [X + 0.12, 0, 20], [X + 0.12, GY + 0.12, 20], [X, GY + 0.12, 20]]);
  g += `<polygon points="${cam.poly([[-GX - 0.12, GY, 20], [GX + 0.12, GY, 20], [GX + 0.12, GY + 0.12, 20], [-GX - 0.12, GY + 0.12, 20]])}" fill="#f5f5f0"/>`;
  g += `<polygon points="${cam.poly([[-GX - 0.12, GY, 20], [GX + 0.12, GY, 20], [GX + 0.12, GY + 0.03, 20], [-GX - 0.12, GY + 0.03, 20]])}" fill="#b9bcbc"/>`;
  layers.push({
    defs: `<linearGradient id="post" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#cfd2d0"/><stop offset="0.4" stop-color="#ffffff"/><stop offset="1" stop-color="#a9adab"/></linearGradient>`,
    body: g,
  });

  // The players, far to near.
  const amber = { shirt: '#eea21c', shorts: '#1b1b1d', socks: '#eea21c', stripe: '#1b1b1d' };
  const blue = { shirt: '#2b54ad', shorts: '#f2f2ee', socks: '#2b54ad' };
  const keeper = { shirt: '#2f9b52', shorts: '#1b1b1d', socks: '#2f9b52', sleeves: 'long', gloves: '#e9ecec' };
  const players = [
    { X: -7.6, Z: 17.5, kit: blue, pose: POSES.stand, facing: 1 },
    { X: 2.9, Z: 19.7, kit: amber, pose: POSES.crouch, facing: -1 },
    { X: 3.8, Z: 15.6, kit: blue, pose: POSES.sprint, facing: -1 },
    { X: -5.2, Z: 14.2, kit: amber, pose: POSES.run, facing: 1 },
    { X: 0.6, Z: 12.8, kit: amber, pose: POSES.lunge, facing: 1 },
    { X: 2.0, Z: 11.6, kit: blue, pose: POSES.shoot, facing: -1 },
  ];
  let pl = '';
  // The goalkeeper, full stretch towards his left-hand post, and the ball.
  {
    const Z = 18.7;
    const s = cam.scale(Z);
    const [x, y] = P(-2.1, 0, Z);
    pl += `<ellipse cx="${f(x - 0.3 * s)}" cy="${f(y)}" rx="${f(1.0 * s)}" ry="${f(0.08 * s)}" fill="#000" opacity="0.28" filter="url(#b4)"/>`;
    pl += figure({ x, y, s, facing: -1, kit: keeper, skin: SKIN[1], hair: HAIR[1], pose: POSES.dive, rot: -74, lift: 0.95, shadow: 0 });
    const [bx, by] = P(-3.3, 1.72, 19.3);
    const br = 0.11 * cam.scale(19.3);
    pl += `<g filter="url(#b2)"><ellipse cx="${f(bx + 10)}" cy="${f(by - 2)}" rx="${f(br * 1.6)}" ry="${f(br)}" fill="#ffffff" opacity="0.35"/></g>`;
    pl += `<circle cx="${f(bx)}" cy="${f(by)}" r="${f(br)}" fill="#f6f6f2"/><circle cx="${f(bx - br * 0.2)}" cy="${f(by - br * 0.1)}" r="${f(br * 0.35)}" fill="#2a2a2a"/><circle cx="${f(bx + br * 0.55)}" cy="${f(by + br * 0.4)}" r="${f(br * 0.22)}" fill="#2a2a2a"/>`;
  }
  for (const pp of players) {
    const s = cam.scale(pp.Z);
    const [x, y] = P(pp.X, 0, pp.Z);
    pl += figure({ x, y, s, facing: pp.facing, kit: pp.kit, skin: pick(SKIN), hair: pick(HAIR), pose: pp.pose });
  }
  layers.push({ defs: '', body: pl });
  // A defender close to the camera, out of focus, cut by the frame.
  {
    const Z = 7.8;
    const [x, y] = P(2.75, 0, Z);
    layers.push({
      defs: '',
      body: `<g filter="url(#b12)">${figure({ x, y, s: cam.scale(Z), facing: -1, kit: amber, skin: SKIN[3], hair: HAIR[4], pose: POSES.run, shadow: 0.15 })}</g>`,
    });
  }

  // Rain, blown across the frame.
  let rain = `<g filter="url(#b2)">`;
  for (let k = 0; k < 900; k++) {
    const x = between(-100, W + 100);
    const y = between(-50, H);
    const len = between(30, 90);
    rain += `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x - len * 0.35)}" y2="${f(y + len)}" stroke="#e8eef0" stroke-width="${f(between(1, 2.4))}" opacity="${o(between(0.12, 0.35))}"/>`;
  }
  rain += `</g>`;
  layers.push({ defs: '', body: rain });
  layers.push(vignette(0.5));
  return layers;
}

// ---------------------------------------------------------------- lifeboat

function lifeboat(r) {
  const { rand, between, pick } = r;
  const HORIZON = 560;
  const layers = [];

  // A broken sky, brighter to the right.
  let sk = `<rect width="${W}" height="${HORIZON + 40}" fill="url(#skyL)"/>`;
  sk += `<ellipse cx="1800" cy="330" rx="700" ry="260" fill="#f2efe4" opacity="0.5" filter="url(#b60)"/><g filter="url(#b24)">`;
  for (let c = 0; c < 16; c++) {
    const cx = between(-200, W + 200);
    const cy = between(40, HORIZON - 120);
    const base = pick(['#c2cad0', '#aab6be', '#d8dcdc', '#8f9ca6']);
    for (let k = 0; k < 8; k++) {
      const rx = between(110, 260);
      const ry = between(35, 80);
      const x = cx + between(-300, 300);
      const y = cy + between(-50, 40);
      sk += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${base}" opacity="${o(between(0.35, 0.7))}"/>`;
      sk += `<ellipse cx="${f(x)}" cy="${f(y + ry * 0.5)}" rx="${f(rx * 0.9)}" ry="${f(ry * 0.45)}" fill="${shade(base, -0.12)}" opacity="0.35"/>`;
    }
  }
  sk += `</g>`;
  for (let k = 0; k < 5; k++) {
    const x = between(1300, 2200);
    const y = between(160, 420);
    const s2 = between(10, 20);
    sk += `<path d="M${f(x - s2)},${f(y)} q${f(s2 / 2)},${f(-s2 / 2)} ${f(s2)},0 q${f(s2 / 2)},${f(-s2 / 2)} ${f(s2)},0" fill="none" stroke="#3b4349" stroke-width="${f(s2 / 7)}" stroke-linecap="round"/>`;
  }
  layers.push({
    defs: `<linearGradient id="skyL" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#7d93a3"/><stop offset="0.5" stop-color="#b4c1c8"/><stop offset="1" stop-color="#e3e2d8"/></linearGradient>`,
    body: sk,
  });

  // The headland: grass on top, a cliff face, a white lookout at the summit.
  let hd = '';
  const top = [];
  for (let x = -20; x <= 1050; x += 15) {
    const t = Math.max(0, x) / 1050;
    top.push([x, HORIZON - 260 * (1 - t ** 1.6) + 30 * Math.sin(x / 140) * (1 - t) + between(-3, 3)]);
  }
  const cliff = top.map(([x, y]) => [x + 40, y + 26 + 80 * (1 - x / 1100)]);
  hd += `<polygon points="${pts([[-20, HORIZON + 6], ...top, [1050, HORIZON + 6]])}" fill="#6f7660"/>`;
  hd += `<polygon points="${pts([...cliff, [1090, HORIZON + 6], [-20, HORIZON + 6], [-20, cliff[0][1]]])}" fill="url(#cliff)"/>`;
  for (let k = 0; k < 40; k++) {
    const x = between(0, 1000);
    const y = between(cliff[Math.min(cliff.length - 1, Math.floor(x / 15))][1] + 6, HORIZON);
    hd += `<rect x="${f(x)}" y="${f(y)}" width="${f(between(40, 160))}" height="${f(between(2, 5))}" fill="#5e5a52" opacity="${o(between(0.2, 0.5))}"/>`;
  }
  hd += `<g filter="url(#b4)">`;
  for (let k = 0; k < 40; k++) hd += `<ellipse cx="${f(between(0, 1080))}" cy="${f(HORIZON + between(-4, 6))}" rx="${f(between(20, 60))}" ry="${f(between(3, 8))}" fill="#f4f6f4" opacity="${o(between(0.4, 0.8))}"/>`;
  hd += `</g>`;
  const lx = 330;
  const ly = top[Math.floor((lx + 20) / 15)][1];
  hd += `<rect x="${lx - 34}" y="${f(ly - 38)}" width="68" height="42" fill="#f1efe8"/><rect x="${lx - 34}" y="${f(ly - 30)}" width="68" height="12" fill="#35424b"/>`;
  hd += `<rect x="${lx - 38}" y="${f(ly - 42)}" width="76" height="6" fill="#9aa0a3"/><rect x="${lx + 44}" y="${f(ly - 90)}" width="3" height="90" fill="#555"/>`;
  hd += `<path d="M${lx + 47},${f(ly - 90)} l26,6 l-26,6 Z" fill="#c8433a"/>`;
  // A far coast on the right.
  hd += `<path d="M1700,${HORIZON} C1900,${HORIZON - 26} 2200,${HORIZON - 40} 2420,${HORIZON - 36} L2420,${HORIZON + 4} L1700,${HORIZON + 4} Z" fill="#8d9a98" opacity="0.6"/>`;
  layers.push({
    defs: `<linearGradient id="cliff" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#8e877a"/><stop offset="1" stop-color="#5f5a51"/></linearGradient>`,
    body: hd,
  });

  // The sea: bands of waves, growing towards the viewer, with whitecaps.
  let sea = `<rect y="${HORIZON}" width="${W}" height="${H - HORIZON}" fill="url(#seaL)"/>`;
  for (let y = HORIZON + 4, i = 0; y < H + 20; i++) {
    const depth = (y - HORIZON) / (H - HORIZON);
    const amp = 1.5 + depth * 14;
    const len = 40 + depth * 260;
    const light = i % 2 === 0;
    for (let x = between(-len, 0); x < W; ) {
      const waves = 1 + Math.floor(rand() * 3);
      let d = `M${f(x)},${f(y)}`;
      for (let k = 0; k < waves; k++) d += ` q${f(len / 4)},${f(-amp * between(0.5, 1.5))} ${f(len / 2)},0 t${f(len / 2)},0`;
      sea += `<path d="${d}" fill="none" stroke="${light ? '#a9bcc0' : '#1f3843'}" stroke-width="${f(1 + depth * 6)}" opacity="${o(light ? between(0.2, 0.5) : between(0.25, 0.55))}"/>`;
      x += waves * len + between(10, 90) * (0.5 + depth);
    }
    y += 4 + depth * 26;
  }
  sea += `<g filter="url(#b2)">`;
  for (let k = 0; k < 260; k++) {
    const y = HORIZON + 8 + (H - HORIZON) * rand() ** 1.3;
    const depth = (y - HORIZON) / (H - HORIZON);
    sea += `<ellipse cx="${f(between(0, W))}" cy="${f(y)}" rx="${f(between(6, 24) * (0.4 + depth * 3))}" ry="${f(1 + depth * 4)}" fill="#f2f4f1" opacity="${o(between(0.25, 0.7))}"/>`;
  }
  sea += `</g>`;
  layers.push({
    defs: `<linearGradient id="seaL" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#8ea2a6"/><stop offset="0.2" stop-color="#5f7c86"/><stop offset="1" stop-color="#2d4751"/></linearGradient>`,
    body: sea,
  });

  // The lifeboat, side on, heading left; its wake trails away to the right.
  const bx = 1380;
  const by = 1080;
  let wake = `<g filter="url(#b4)">`;
  for (let k = 0; k < 160; k++) {
    const t = rand();
    const x = bx + 420 + t * 1100;
    const y = by - 60 + between(-1, 1) * (20 + t * 90) - t * 60;
    wake += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(20, 60) * (1 + t))}" ry="${f(between(3, 9))}" fill="#eef2f0" opacity="${o(between(0.3, 0.8) * (1 - t * 0.7))}"/>`;
  }
  wake += `</g>`;
  let boat = `<g transform="translate(${bx} ${by}) rotate(-3)">`;
  boat += `<ellipse cx="0" cy="-56" rx="560" ry="30" fill="#1a2b33" opacity="0.55" filter="url(#b12)"/>`;
  boat += `<path d="M-470,-140 C-495,-110 -470,-74 -400,-68 L470,-62 L500,-110 Z" fill="#1c2a47"/>`;
  // A-frame, aerials, console, seats.
  boat += `<line x1="330" y1="-150" x2="360" y2="-390" stroke="#b8bdbf" stroke-width="12"/><line x1="440" y1="-140" x2="400" y2="-390" stroke="#9ea4a6" stroke-width="12"/>`;
  boat += `<rect x="345" y="-400" width="70" height="16" fill="#c9cdce"/><rect x="370" y="-424" width="20" height="24" fill="#3c6fd1"/>`;
  boat += `<line x1="395" y1="-400" x2="420" y2="-560" stroke="#2a2a2a" stroke-width="4"/><line x1="360" y1="-400" x2="350" y2="-520" stroke="#2a2a2a" stroke-width="3"/>`;
  boat += `<rect x="-90" y="-300" width="170" height="160" rx="10" fill="#d8dcdc"/><rect x="-90" y="-300" width="170" height="160" rx="10" fill="url(#consoleShade)"/>`;
  boat += `<polygon points="-96,-300 -70,-360 70,-360 86,-300" fill="#2d3a44" opacity="0.85"/><polygon points="-60,-352 -20,-352 -40,-306 -80,-306" fill="#c9d7de" opacity="0.5"/>`;
  // Crew: helmets, yellow jackets; the bow crewman reaches over the side.
  const crew = (x, y, lean) => {
    let c = `<g transform="translate(${x} ${y}) rotate(${lean})">`;
    c += `<rect x="-38" y="-120" width="76" height="130" rx="26" fill="#f0c419"/>`;
    c += `<rect x="-40" y="-118" width="80" height="44" rx="18" fill="#d9542c"/>`;
    c += `<circle cx="0" cy="-150" r="30" fill="#f3f0e4"/><rect x="-4" y="-160" width="34" height="16" rx="6" fill="#2b2f33"/>`;
    c += `<line x1="0" y1="-90" x2="40" y2="-20" stroke="#e0b416" stroke-width="24" stroke-linecap="round"/>`;
    return c + `</g>`;
  };
  boat += crew(200, -150, 4, null);
  boat += crew(0, -255, 0, null);
  boat += crew(-250, -150, -28, null);
  // The orange tube, with its strake and grab lines, rising to the bow.
  const tubePath = 'M-470,-150 C-440,-172 -380,-160 -300,-140 L460,-120';
  boat += `<path d="${tubePath}" fill="none" stroke="#e2611c" stroke-width="92" stroke-linecap="round"/>`;
  boat += `<path d="M-440,-120 C-400,-126 -350,-116 -300,-106 L460,-88" fill="none" stroke="#a8441a" stroke-width="30" stroke-linecap="round" opacity="0.8"/>`;
  boat += `<path d="M-470,-178 C-440,-198 -380,-186 -300,-168 L460,-150" fill="none" stroke="#f48a46" stroke-width="10" stroke-linecap="round" opacity="0.8"/>`;
  boat += `<path d="M-460,-140 C-430,-158 -380,-148 -300,-130 L470,-112" fill="none" stroke="#1d1d1d" stroke-width="9"/>`;
  for (let x = -360; x < 440; x += 90) boat += `<path d="M${x},-175 q45,30 90,4" fill="none" stroke="#2e2e2e" stroke-width="4"/>`;
  boat += `<rect x="-120" y="-145" width="160" height="34" fill="#f3f1ea" opacity="0.9"/>`;
  for (let k = 0; k < 3; k++) boat += `<rect x="${-110 + k * 50}" y="-136" width="38" height="16" fill="#1c2a47"/>`;
  boat += `</g>`;
  // The bow crewman reaches down over the tube to take the kayaker's hand.
  boat += `<line x1="${bx - 295}" y1="${by - 219}" x2="${bx - 228}" y2="${by - 115}" stroke="#f0c419" stroke-width="26" stroke-linecap="round"/>`;
  boat += `<circle cx="${bx - 226}" cy="${by - 110}" r="15" fill="#2b2f33"/>`;
  // Foam at the bow and along the waterline.
  let foam = `<g filter="url(#b4)">`;
  for (let k = 0; k < 140; k++) {
    const t = rand();
    const x = bx - 480 + t * 980;
    const y = by - 62 - t * 40 + between(-14, 14);
    foam += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(14, 50))}" ry="${f(between(4, 12))}" fill="#f2f5f3" opacity="${o(between(0.4, 0.9) * (t < 0.15 ? 1 : 0.6))}"/>`;
  }
  for (let k = 0; k < 40; k++) foam += `<circle cx="${f(bx - 500 + between(-40, 60))}" cy="${f(by - 80 - between(0, 90))}" r="${f(between(3, 10))}" fill="#ffffff" opacity="${o(between(0.4, 0.9))}"/>`;
  foam += `</g>`;
  layers.push({
    defs: `<linearGradient id="consoleShade" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>`,
    body: wake + boat + foam,
  });

  // The yellow kayak alongside, its paddler holding on to the lifeboat.
  let ky = '';
  const kx = 1090;
  const kyy = 1125;
  ky += `<ellipse cx="${kx}" cy="${kyy + 16}" rx="290" ry="18" fill="#1a2b33" opacity="0.5" filter="url(#b4)"/>`;
  ky += `<path d="M${kx - 300},${kyy} C${kx - 180},${kyy - 34} ${kx + 180},${kyy - 34} ${kx + 300},${kyy - 6} C${kx + 180},${kyy + 22} ${kx - 180},${kyy + 22} ${kx - 300},${kyy} Z" fill="#f2c22e"/>`;
  ky += `<path d="M${kx - 300},${kyy} C${kx - 180},${kyy - 34} ${kx + 180},${kyy - 34} ${kx + 300},${kyy - 6}" fill="none" stroke="#c9961a" stroke-width="5"/>`;
  ky += `<ellipse cx="${kx + 20}" cy="${kyy - 22}" rx="64" ry="12" fill="#1d1d1d"/>`;
  ky += `<rect x="${kx - 8}" y="${kyy - 118}" width="56" height="96" rx="20" fill="#c8372d"/>`;
  ky += `<circle cx="${kx + 20}" cy="${kyy - 140}" r="24" fill="#e3b08b"/><path d="M${kx - 6},${kyy - 144} a26,26 0 0 1 52,0 Z" fill="#2f5da8"/>`;
  ky += `<line x1="${kx + 30}" y1="${kyy - 96}" x2="${bx - 222}" y2="${by - 98}" stroke="#c8372d" stroke-width="18" stroke-linecap="round"/>`;
  ky += `<line x1="${kx - 140}" y1="${kyy - 20}" x2="${kx + 150}" y2="${kyy - 80}" stroke="#2a2a2a" stroke-width="7"/>`;
  ky += `<ellipse cx="${kx - 150}" cy="${kyy - 18}" rx="26" ry="11" fill="#2a2a2a" transform="rotate(-12 ${kx - 150} ${kyy - 18})"/>`;
  ky += `<g filter="url(#b4)">`;
  for (let k = 0; k < 30; k++) ky += `<ellipse cx="${f(kx + between(-300, 300))}" cy="${f(kyy + between(0, 14))}" rx="${f(between(10, 40))}" ry="${f(between(2, 6))}" fill="#eef2f0" opacity="${o(between(0.3, 0.7))}"/>`;
  ky += `</g>`;
  // The second kayak, upturned, drifting in the foreground.
  const ux = 470;
  const uy = 1330;
  ky += `<ellipse cx="${ux}" cy="${uy + 14}" rx="340" ry="22" fill="#1a2b33" opacity="0.5" filter="url(#b4)"/>`;
  ky += `<path d="M${ux - 340},${uy} C${ux - 220},${uy - 84} ${ux + 220},${uy - 84} ${ux + 340},${uy - 6} C${ux + 200},${uy + 10} ${ux - 200},${uy + 10} ${ux - 340},${uy} Z" fill="#c5362a"/>`;
  ky += `<path d="M${ux - 300},${uy - 14} C${ux - 160},${uy - 70} ${ux + 160},${uy - 70} ${ux + 300},${uy - 18}" fill="none" stroke="#ee7f6c" stroke-width="7" opacity="0.8"/>`;
  ky += `<path d="M${ux - 330},${uy - 2} C${ux - 200},${uy + 6} ${ux + 200},${uy + 6} ${ux + 330},${uy - 6}" fill="none" stroke="#7d2119" stroke-width="8"/>`;
  ky += `<g filter="url(#b4)">`;
  for (let k = 0; k < 40; k++) ky += `<ellipse cx="${f(ux + between(-340, 340))}" cy="${f(uy + between(-6, 12))}" rx="${f(between(14, 50))}" ry="${f(between(3, 8))}" fill="#eef2f0" opacity="${o(between(0.3, 0.75))}"/>`;
  ky += `</g>`;
  layers.push({ defs: '', body: ky });
  layers.push(vignette(0.42));
  return layers;
}

// ---------------------------------------------------------------- render

const SCENES = {
  'school-expansion': { seed: 0x5c4001, draw: school, grain: 22 },
  'hospital-ward': { seed: 0x90591a, draw: hospital },
  'football-cup': { seed: 0xfa7a5e, draw: football },
  'lifeboat-rescue': { seed: 0x11febd, draw: lifeboat },
};

async function render(name, outDir) {
  const { seed, draw, grain = 34 } = SCENES[name];
  const r = randomness(seed);
  // Film grain a little less on busy scenes, to keep the files under 600 KB.
  const out = resolve(outDir, `${name}.jpg`);
  await writeScene(draw(r), r.rand, { grain, quality: 88, out });
  console.log(`wrote ${out} (${W}×${H})`);
}


const args = process.argv.slice(2);
let outDir = `${root}/examples/sample-edition/images`;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out-dir') outDir = resolve(args[++i] ?? '.');
  else names.push(args[i]);
}
for (const n of names) {
  if (!(n in SCENES)) {
    console.error(`unknown scene "${n}"; scenes: ${Object.keys(SCENES).join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length ? names : Object.keys(SCENES)) await render(name, outDir);
