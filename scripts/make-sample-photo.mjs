#!/usr/bin/env node
// Generates the lead picture of the sample edition: a breached stone harbour
// wall after a storm, drawn as SVG, rendered with sharp and given film grain.
//
//   node scripts/make-sample-photo.mjs [out.jpg]
//
// The helpers it shares with make-sample-lead-photos.mjs (the generator, number
// and colour formatting, gradients, gulls, the vignette, grain and rendering)
// are in scripts/lib/scene.mjs. The output is deterministic: every random choice comes
// from a seeded generator (no Math.random, no clock), so each run writes the
// same bytes. The picture is original to newsprint and MIT licensed like the code.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { H, W, birds, f, gradient, randomness, shade, vignette, writeScene } from './lib/scene.mjs';

const SEED = 0x1871_c0de;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? `${root}/examples/sample-edition/images/harbour-wall.jpg`);

const random = randomness(SEED);
const { rand, between, pick } = random;

// ---------------------------------------------------------------- geometry

const HORIZON = 690;
const WALL_TOP = 880; // top of the coping at x = 0
const WALL_SLOPE = 0.03; // the wall runs slightly downhill to the right
const WALL_H = 180; // coping plus face
const COPING = 26;
const BREACH_L = 1160;
const BREACH_R = 1500;
const wallTopAt = (x) => WALL_TOP + WALL_SLOPE * x;

// ---------------------------------------------------------------- layers

function sky() {
  const defs = gradient('sky', [[0, '#6f8596'], [0.45, '#a3b2bc'], [0.85, '#d8d9d3'], [1, '#e6dfcf']]);
  let body = `<rect width="${W}" height="${HORIZON + 40}" fill="url(#sky)"/>`;
  // A low sun glow behind the clouds, right of centre.
  body += `<ellipse cx="1720" cy="${HORIZON - 120}" rx="620" ry="260" fill="#f4ead2" opacity="0.55" filter="url(#b60)"/>`;
  // Banks of cloud: clusters of soft ellipses, darker at their bases.
  body += `<g filter="url(#b24)">`;
  for (let c = 0; c < 14; c++) {
    const cx = between(-200, W + 200);
    const cy = between(60, HORIZON - 200);
    const scale = between(0.6, 1.5) * (1 - cy / (HORIZON * 1.6));
    const base = pick(['#c4ccd1', '#b3bec6', '#d5d9da', '#9eabb5']);
    for (let k = 0; k < 9; k++) {
      const x = cx + between(-320, 320) * scale;
      const y = cy + between(-60, 40) * scale;
      const rx = between(120, 260) * scale;
      const ry = between(40, 90) * scale;
      body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rx)}" ry="${f(ry)}" fill="${base}" opacity="${f(between(0.35, 0.7) * 100) / 100}"/>`;
      body += `<ellipse cx="${f(x)}" cy="${f(y + ry * 0.5)}" rx="${f(rx * 0.9)}" ry="${f(ry * 0.45)}" fill="${shade(base, -0.14)}" opacity="0.35"/>`;
    }
  }
  body += `</g>`;
  // Gulls.
  body += birds(random, { count: 6, x: [1500, 2250], y: [220, 520], size: [10, 22], colour: '#3b4349', extra: ' opacity="0.85"' });
  return { defs, body };
}

function headlands() {
  const defs = gradient('land', [[0, '#6d7a74'], [1, '#8e9992']]);
  // Far headland on the left, with a nearer, darker shoulder in front.
  let pts = [`0,${HORIZON + 10}`];
  for (let x = 0; x <= 980; x += 20) {
    const y = HORIZON - 150 * Math.sin((Math.PI * Math.min(x, 900)) / 1500) * (1 - x / 1100) - 30 + between(-4, 4);
    pts.push(`${x},${f(Math.min(y, HORIZON))}`);
  }
  pts.push(`980,${HORIZON + 10}`);
  let body = `<polygon points="${pts.join(' ')}" fill="url(#land)" opacity="0.75"/>`;
  pts = [`0,${HORIZON + 10}`];
  for (let x = 0; x <= 520; x += 16) {
    const y = HORIZON - 95 * Math.cos((Math.PI * x) / 1100) * (1 - x / 560) + between(-3, 3);
    pts.push(`${x},${f(Math.min(y, HORIZON))}`);
  }
  pts.push(`520,${HORIZON + 10}`);
  body += `<polygon points="${pts.join(' ')}" fill="#55625d" opacity="0.9"/>`;
  // A thin far point on the right.
  body += `<path d="M2050,${HORIZON} C2150,${HORIZON - 22} 2300,${HORIZON - 34} 2400,${HORIZON - 30} L2400,${HORIZON + 4} L2050,${HORIZON + 4} Z" fill="#8b968f" opacity="0.7"/>`;
  return { defs, body };
}

function openSea() {
  const defs = gradient('sea', [[0, '#8a9ea4'], [0.25, '#5d7781'], [1, '#3f5b66']]);
  let body = `<rect y="${HORIZON}" width="${W}" height="${WALL_TOP + WALL_SLOPE * W - HORIZON + 20}" fill="url(#sea)"/>`;
  // Wave bands: broken crests and troughs whose spacing and size grow
  // towards the viewer.
  for (let y = HORIZON + 4, i = 0; y < wallTopAt(W) + 10; i++) {
    const depth = (y - HORIZON) / (wallTopAt(W) - HORIZON);
    const amp = 1.5 + depth * 9;
    const len = 40 + depth * 160;
    const light = i % 2 === 0;
    for (let x = between(-len, 0); x < W; ) {
      const waves = 1 + Math.floor(rand() * 4);
      let d = `M${f(x)},${f(y + between(-2, 2) * depth)}`;
      for (let k = 0; k < waves; k++) {
        const a = amp * between(0.5, 1.5);
        d += ` q${f(len / 4)},${f(-a)} ${f(len / 2)},0 t${f(len / 2)},0`;
      }
      const alpha = (light ? between(0.12, 0.38) : between(0.2, 0.45)) * 100;
      body += `<path d="${d}" fill="none" stroke="${light ? '#c3d2d5' : '#2f4a55'}" stroke-width="${f((1 + depth * 5) * between(0.6, 1.3))}" stroke-linecap="round" opacity="${f(alpha) / 100}"/>`;
      x += waves * len + between(0, len * 1.5);
    }
    y += 3 + depth * 16;
  }
  // White horses.
  body += `<g filter="url(#b2)">`;
  for (let n = 0; n < 260; n++) {
    const y = between(HORIZON + 6, wallTopAt(W) - 10);
    const depth = (y - HORIZON) / (wallTopAt(W) - HORIZON);
    const x = between(0, W);
    body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(6, 26) * (0.4 + depth * 2))}" ry="${f(1 + depth * 4)}" fill="#f2f4f1" opacity="${f(between(0.25, 0.7) * 100) / 100}"/>`;
  }
  body += `</g>`;
  return { defs, body };
}

function wall() {
  // Drawn flat (x along the wall, y down from the coping), then sheared so
  // the wall runs slightly downhill to the right.
  const rows = 6;
  const rowH = (WALL_H - COPING) / rows;
  const stoneColours = ['#8c8273', '#978d7c', '#7d7467', '#a0957f', '#857c70', '#6f695f', '#948a78'];
  const widen = (row) => (rows - row) * 20; // the breach is wider at the top
  const gapL = BREACH_L - rows * 20;
  const gapR = BREACH_R + rows * 20;
  let body = `<g transform="matrix(1 ${WALL_SLOPE} 0 1 0 ${WALL_TOP})">`;

  // Water surging through the breach, behind the broken stonework.
  body += `<path d="M${gapL - 30},${-6} C${gapL + 60},${WALL_H * 0.5} ${gapL + 20},${WALL_H} ${gapL - 60},${WALL_H + 40} L${gapR + 60},${WALL_H + 40} C${gapR - 20},${WALL_H} ${gapR - 60},${WALL_H * 0.5} ${gapR + 30},${-6} Z" fill="#587481"/>`;
  body += `<g filter="url(#b4)">`;
  for (let k = 0; k < 90; k++) {
    const x = between(gapL - 10, gapR + 10);
    const y = between(0, WALL_H + 30);
    body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(14, 70))}" ry="${f(between(4, 16))}" fill="#eef2f0" opacity="${f(between(0.3, 0.85) * 100) / 100}"/>`;
  }
  body += `</g>`;

  // Coping stones (the walkway along the top), broken at the breach.
  for (let x = -20; x < W + 20; ) {
    const w = between(90, 150);
    const edgeL = gapL - between(20, 60);
    const edgeR = gapR + between(20, 60);
    if (x + w < edgeL || x > edgeR) {
      const c = shade('#b8ae9b', between(-0.06, 0.05));
      body += `<rect x="${f(x)}" y="0" width="${f(w)}" height="${COPING}" fill="#4d4841"/>`;
      body += `<rect x="${f(x + 2)}" y="0" width="${f(w - 4)}" height="${COPING - 2}" fill="${c}"/>`;
      body += `<rect x="${f(x + 2)}" y="${COPING - 7}" width="${f(w - 4)}" height="5" fill="${shade(c, -0.18)}"/>`;
    }
    x += w;
  }
  // Courses of dressed stone, each laid on a bed of dark mortar.
  for (let r = 0; r < rows; r++) {
    const y = COPING + r * rowH;
    for (let x = -20 - (r % 2) * 40; x < W + 20; ) {
      const w = between(55, 125);
      const left = BREACH_L - widen(r) + between(-30, 20);
      const right = BREACH_R + widen(r) + between(-20, 30);
      if (x + w < left || x > right) {
        const base = pick(stoneColours);
        const c = shade(base, between(-0.05, 0.05) - r * 0.02);
        body += `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(rowH)}" fill="#4d4841"/>`;
        body += `<rect x="${f(x + 2)}" y="${f(y + 2)}" width="${f(w - 4)}" height="${f(rowH - 4)}" rx="3" fill="${c}"/>`;
        // A lit top edge and a weathered lower edge on each stone.
        body += `<rect x="${f(x + 3)}" y="${f(y + 2)}" width="${f(w - 6)}" height="3" fill="${shade(c, 0.1)}"/>`;
        body += `<rect x="${f(x + 3)}" y="${f(y + rowH - 7)}" width="${f(w - 6)}" height="4" fill="${shade(c, -0.12)}"/>`;
        if (rand() < 0.35) {
          body += `<ellipse cx="${f(x + between(10, w - 10))}" cy="${f(y + rowH / 2)}" rx="${f(between(6, 16))}" ry="${f(between(3, 8))}" fill="${shade(c, -0.08)}" opacity="0.6"/>`;
        }
      }
      x += w;
    }
  }
  // Weed and wet stain along the foot of the wall.
  body += `<rect x="-20" y="${WALL_H - 34}" width="${W + 40}" height="34" fill="#2f3a2c" opacity="0.5" filter="url(#b4)"/>`;

  // Rubble tumbled into the gap, with white water breaking over it.
  for (let k = 0; k < 34; k++) {
    const t = rand();
    const x = gapL + 10 + t * (gapR - gapL - 20);
    const y = between(WALL_H * 0.5, WALL_H + 20);
    const w = between(30, 90);
    const h = between(18, 44);
    const c = shade(pick(stoneColours), between(-0.12, 0.02));
    body += `<rect x="${f(x - w / 2)}" y="${f(y - h / 2)}" width="${f(w)}" height="${f(h)}" rx="4" fill="${c}" transform="rotate(${f(between(-35, 35))} ${f(x)} ${f(y)})"/>`;
    body += `<rect x="${f(x - w / 2)}" y="${f(y - h / 2)}" width="${f(w)}" height="4" fill="${shade(c, 0.12)}" transform="rotate(${f(between(-35, 35))} ${f(x)} ${f(y)})" opacity="0.7"/>`;
  }
  body += `<g filter="url(#b2)">`;
  for (let k = 0; k < 60; k++) {
    const x = between(gapL + 10, gapR - 10);
    const y = between(WALL_H * 0.55, WALL_H + 34);
    body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(10, 44))}" ry="${f(between(3, 9))}" fill="#f4f6f3" opacity="${f(between(0.4, 0.9) * 100) / 100}"/>`;
  }
  body += `</g>`;

  // Harbour light near the far (left) end of the wall.
  body += `<g transform="translate(230 0)">
    <rect x="-26" y="-150" width="52" height="150" fill="#eeeae0"/>
    <rect x="-26" y="-112" width="52" height="26" fill="#a8322a"/>
    <rect x="-26" y="-52" width="52" height="26" fill="#a8322a"/>
    <rect x="-26" y="-150" width="52" height="150" fill="url(#towerShade)"/>
    <rect x="-18" y="-186" width="36" height="36" fill="#2e3338"/>
    <rect x="-13" y="-181" width="26" height="24" fill="#d9c98a" opacity="0.8"/>
    <path d="M-24,-186 L0,-210 L24,-186 Z" fill="#2e3338"/>
    <rect x="-34" y="-154" width="68" height="6" fill="#3a3f44"/>
    <rect x="-30" y="0" width="60" height="10" fill="#000" opacity="0.2"/>
  </g>`;
  body += `</g>`;

  // Spray bursting over the wall from the seaward side: one big plume at
  // the breach, smaller ones along the wall.
  const plumes = [{ x: (BREACH_L + BREACH_R) / 2, s: 1.5 }];
  for (let b = 0; b < 4; b++) plumes.push({ x: between(500, 2300), s: between(0.45, 0.9) });
  let mist = `<g filter="url(#b24)">`;
  let sheets = `<g filter="url(#b4)">`;
  let drops = '';
  for (const { x, s } of plumes) {
    for (let k = 0; k < 26; k++) {
      const sx = x + between(-150, 150) * s;
      const sy = wallTopAt(sx) - between(10, 160) * s;
      mist += `<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="${f(between(30, 80) * s)}" ry="${f(between(20, 50) * s)}" fill="#f3f5f4" opacity="${f(between(0.15, 0.4) * 100) / 100}"/>`;
    }
    for (let k = 0; k < 18; k++) {
      // Sheets of water thrown up and outwards.
      const a = between(-1.2, 1.2);
      const len = between(60, 200) * s;
      const sx = x + between(-90, 90) * s;
      const sy = wallTopAt(sx);
      sheets += `<path d="M${f(sx)},${f(sy)} q${f(Math.sin(a) * len * 0.4)},${f(-len * 0.7)} ${f(Math.sin(a) * len)},${f(-Math.cos(a) * len)}" fill="none" stroke="#f6f8f7" stroke-width="${f(between(4, 14) * s)}" stroke-linecap="round" opacity="${f(between(0.3, 0.7) * 100) / 100}"/>`;
    }
    for (let k = 0; k < 70; k++) {
      const sx = x + between(-220, 220) * s;
      const sy = wallTopAt(sx) - between(0, 230) * s * rand();
      drops += `<circle cx="${f(sx)}" cy="${f(sy)}" r="${f(between(1.5, 4.5))}" fill="#ffffff" opacity="${f(between(0.4, 0.9) * 100) / 100}"/>`;
    }
  }
  mist += `</g>`;
  sheets += `</g>`;
  const defs = gradient('towerShade', [[0, '#000', 0], [0.6, '#000', 0.05], [1, '#000', 0.35]], { x2: 1, y2: 0 });
  return { defs, body: body + mist + sheets + drops };
}

function innerHarbour() {
  const top = WALL_TOP + WALL_H - 10;
  const defs = gradient('inner', [[0, '#3c535c'], [0.4, '#344a53'], [1, '#243840']]);
  let body = `<polygon points="0,${top} ${W},${top + WALL_SLOPE * W} ${W},${H} 0,${H}" fill="url(#inner)"/>`;
  // Reflection of the wall: a darker, blurred band just below it.
  body += `<polygon points="0,${top} ${W},${top + WALL_SLOPE * W} ${W},${top + WALL_SLOPE * W + 90} 0,${top + 90}" fill="#2a3532" opacity="0.45" filter="url(#b12)"/>`;
  // Ripples, longer and further apart towards the viewer.
  for (let y = top + 20; y < H; ) {
    const depth = (y - top) / (H - top);
    for (let x = between(-200, 0); x < W; ) {
      const len = between(60, 220) * (0.6 + depth * 1.6);
      const light = rand() < 0.45;
      body += `<path d="M${f(x)},${f(y)} q${f(len / 2)},${f(-(1 + depth * 5))} ${f(len)},0" fill="none" stroke="${light ? '#9fb5bb' : '#1b2b31'}" stroke-width="${f(1 + depth * 3.5)}" opacity="${f((light ? between(0.15, 0.4) : between(0.2, 0.45)) * 100) / 100}"/>`;
      x += len + between(10, 120);
    }
    y += 5 + depth * 22;
  }
  // Foam fanning out from the breach into the harbour, thinning as it goes.
  const mid = (BREACH_L + BREACH_R) / 2;
  const baseY = wallTopAt(mid) + WALL_H;
  let haze = `<g filter="url(#b12)">`;
  let streaks = `<g filter="url(#b2)">`;
  for (let k = 0; k < 340; k++) {
    const t = rand() ** 1.4;
    const y = baseY + 10 + t * 460;
    const spread = 190 + t * 900;
    const x = mid + between(-spread, spread) * between(0.3, 1);
    const alpha = between(0.2, 0.75) * (1 - t * 0.75);
    streaks += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(10, 46) * (0.6 + t * 1.5))}" ry="${f(between(1.5, 4) * (0.6 + t * 1.5))}" fill="#eef2f0" opacity="${f(alpha * 100) / 100}"/>`;
    if (k % 4 === 0) {
      haze += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(between(60, 140) * (0.5 + t))}" ry="${f(between(8, 20) * (0.5 + t))}" fill="#dfe7e6" opacity="${f(alpha * 0.5 * 100) / 100}"/>`;
    }
  }
  body += haze + `</g>` + streaks + `</g>`;
  // Floating debris: planks and a lost buoy.
  for (let k = 0; k < 9; k++) {
    const x = mid + between(-700, 700);
    const y = top + between(150, 480);
    body += `<rect x="${f(x)}" y="${f(y)}" width="${f(between(40, 110))}" height="${f(between(6, 11))}" fill="#5a4533" transform="rotate(${f(between(-20, 20))} ${f(x)} ${f(y)})"/>`;
  }
  body += `<circle cx="${mid + 420}" cy="${top + 330}" r="15" fill="#e2661f"/><ellipse cx="${mid + 420}" cy="${top + 345}" rx="22" ry="5" fill="#1b2b31" opacity="0.5"/>`;
  return { defs, body };
}

function boat() {
  // A small inshore crabber, moored in the foreground left, listing a little.
  const x = 560;
  const y = 1330;
  const hull = `M-330,-70 L330,-95 C318,-40 290,20 230,48 L-250,52 C-300,30 -322,-10 -330,-70 Z`;
  const g = `
  <g transform="translate(${x} ${y}) rotate(-2.5)">
    <path d="${hull}" fill="#22415f"/>
    <path d="M-330,-70 L330,-95 L328,-78 L-328,-55 Z" fill="#f0ece2"/>
    <path d="M-250,52 L230,48 C250,38 262,30 272,20 L-292,22 C-282,36 -268,46 -250,52 Z" fill="#8d2a22"/>
    <path d="${hull}" fill="url(#hullShade)"/>
    <rect x="-40" y="-230" width="190" height="150" fill="#ebe8df"/>
    <rect x="-40" y="-230" width="190" height="150" fill="url(#cabinShade)"/>
    <rect x="-28" y="-212" width="50" height="52" fill="#2a3942"/>
    <rect x="34" y="-212" width="50" height="52" fill="#2a3942"/>
    <rect x="96" y="-212" width="42" height="52" fill="#2a3942"/>
    <rect x="-50" y="-244" width="210" height="18" fill="#c9c4b8"/>
    <rect x="40" y="-420" width="9" height="180" fill="#3a3f44"/>
    <path d="M44,-400 L-150,-90" stroke="#3a3f44" stroke-width="3"/>
    <path d="M44,-400 L250,-100" stroke="#3a3f44" stroke-width="3"/>
    <path d="M49,-416 L96,-404 L49,-392 Z" fill="#b33a2c"/>
    <rect x="-300" y="-110" width="170" height="38" fill="#1f2a30" opacity="0.6"/>
    <rect x="-292" y="-132" width="44" height="34" fill="#2d2b27"/>
    <rect x="-240" y="-130" width="44" height="34" fill="#2d2b27"/>
    <rect x="-188" y="-128" width="44" height="34" fill="#2d2b27"/>
    <circle cx="-150" cy="-120" r="14" fill="#e2661f"/>
    <circle cx="200" cy="-112" r="12" fill="#e2661f"/>
    <rect x="-335" y="-78" width="670" height="5" fill="#1a1f24" transform="rotate(-2.2)"/>
  </g>`;
  // Reflection: the hull flipped, blurred and faded into the water.
  const refl = `
  <g transform="translate(${x} ${y + 104}) scale(1 -0.9) rotate(-2.5)" opacity="0.35" filter="url(#b4)">
    <path d="${hull}" fill="#1a2f44"/>
    <path d="M-250,52 L230,48 C250,38 262,30 272,20 L-292,22 C-282,36 -268,46 -250,52 Z" fill="#5f2420"/>
  </g>
  <ellipse cx="${x - 10}" cy="${y + 58}" rx="360" ry="14" fill="#1b2b31" opacity="0.5" filter="url(#b4)"/>`;
  // Mooring line running off to the left.
  const line = `<path d="M${x - 320},${y - 60} C${x - 420},${y - 20} ${x - 520},${y + 20} -10,${y + 30}" fill="none" stroke="#c9b98f" stroke-width="4" opacity="0.8"/>`;
  const defs = gradient('hullShade', [[0, '#fff', 0.12], [0.5, '#000', 0], [1, '#000', 0.35]]) + gradient('cabinShade', [[0, '#000', 0], [0.7, '#000', 0.04], [1, '#000', 0.25]], { x2: 1, y2: 0 });
  return { defs, body: refl + g + line };
}

// ---------------------------------------------------------------- assemble

const layers = [sky(), headlands(), openSea(), wall(), innerHarbour(), boat(), vignette()];
await writeScene(layers, rand, { grain: 34, quality: 88, out });
console.log(`wrote ${out} (${W}×${H})`);
