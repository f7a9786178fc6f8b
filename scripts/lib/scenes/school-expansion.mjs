// The school-expansion scene: a 1960s school block wrapped in scaffolding, on a grey day, seen from its car park.
import { H, W, camera, f, gradient, o, pts, seg, shade, vignette } from '../scene.mjs';
import { HAIR, POSES, SKIN, figure } from '../figure.mjs';

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function schoolExpansion(r) {
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
  layers.push({ defs: gradient('skyS', [[0, '#9ea8ae'], [0.6, '#c9cdcc'], [1, '#e0dfd8']]), body: sky });

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
  </pattern>${gradient('glass', [[0, '#8f9ba2'], [0.35, '#4f5b62'], [1, '#2c3337']], { x2: 0.3 })}`,
    body: b,
  });

  // Scaffolding over the right-hand part of the block, with a temporary roof.
  const S0 = 1060;
  const BAY = 128;
  const LIFT = 97;
  const lifts = 7;
  const topY = B - lifts * LIFT - 110;
  // A steel tube, with a highlight along its upper edge.
  const tube = (x1, y1, x2, y2, w = 5) => seg(x1, y1, x2, y2, w, '#8f969a') + seg(x1 - 1, y1 - 1, x2 - 1, y2 - 1, w * 0.3, '#d4d8d9', '', null);
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
    sc += seg(lx + 10 * t, y, lx + 44 + 10 * t, y, 3, '#8f969a', '', null);
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
  layers.push({ defs: gradient('tarmac', [[0, '#6c6f70'], [1, '#3d4143']]), body: g });

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
      sk += seg(x + t * 1.2 * s, y, x + t * 1.8 * s, y - 1.45 * s, 0.07 * s, '#a97d15', '', null);
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
  layers.push({ defs: gradient('verge', [[0, '#4f5e3a'], [1, '#3c4a2c']]), body: v });

  // A bare winter tree at the left edge, in the foreground.
  let tr = '';
  const branch = (x, y, ang, len, w, depth) => {
    const x2 = x + Math.cos(ang) * len;
    const y2 = y + Math.sin(ang) * len;
    tr += seg(x, y, x2, y2, w, '#34302b');
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
