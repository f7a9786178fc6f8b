// The rugby-report scene: a line-out in drizzle, a jumper lifted by two team-mates, seen with a long lens.
import { H, W, camera, clouds, f, gradient, lerp, lerpPoint, o, pts, rad, rain, seg, shade, tree, vignette } from '../scene.mjs';

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
    g += line(lerpPoint(knee, foot, 0.15), foot, 0.125, kit.socks);
    if (kit.sockBand) g += line(lerpPoint(knee, foot, 0.16), lerpPoint(knee, foot, 0.3), 0.13, kit.sockBand);
    if (mudLeg) g += line(lerpPoint(knee, foot, 0.4), lerpPoint(knee, foot, 0.6), 0.1, '#5a4430').replace('/>', ' opacity="0.45"/>');
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
    a += line(sh, lerpPoint(sh, elbow, 0.5), 0.13, kit.shirt);
    if (kit.tape) a += line(lerpPoint(sh, elbow, 0.62), lerpPoint(sh, elbow, 0.72), 0.11, '#f1efe8');
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

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function rugbyReport(r) {
  const layers = [];
  // The photographer stands on the touchline side of the pitch, level with
  // the line-out, with a long lens: the two lines run across the picture.
  const cam = camera(1200, 780, 3900, 1.9);
  const HORIZON = 780;

  let back = `<rect width="${W}" height="${HORIZON + 60}" fill="url(#rSky)"/>`;
  back += clouds(r, { y0: 40, y1: HORIZON - 200, count: 14, colours: ['#b5bcc1', '#a6afb5', '#c4c9cb', '#9aa3aa'] });
  layers.push({ defs: gradient('rSky', [[0, '#8a959d'], [1, '#c9ccca']]), body: back });

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
    defs: gradient('rGrass', [[0, '#7d8c6c'], [0.12, '#6a8350'], [0.4, '#5b7a3e'], [1, '#4a6a32']]),
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
  layers.push({ defs: '', body: rain(r, { count: 1100, slant: 0.25, length: [14, 34], width: [0.8, 1.6], opacity: [0.1, 0.3], colour: '#eef1f2' }) });
  layers.push(vignette(0.42));
  return layers;
}
