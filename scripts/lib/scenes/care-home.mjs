// The care-home scene: a care home's garden, a Victorian villa behind a lawn, with a wooden bench on the lawn.
import { H, W, camera, clouds, f, gradient, lerp, o, pts, rad, seg, shade, tree, vignette } from '../scene.mjs';

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

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function careHome(r) {
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
  layers.push({ defs: gradient('cSky', [[0, '#9fb0bd'], [1, '#dcdcd4']]), body: back });

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
  </pattern>${gradient('glass', [[0, '#b7c4cb'], [0.5, '#5f6f78'], [1, '#39444b']], { x2: 0.3 })}`,
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
  layers.push({ defs: gradient('cLawn', [[0, '#6f8a4a'], [0.5, '#5f7d3f'], [1, '#4d6b35']]), body: lawn });

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
