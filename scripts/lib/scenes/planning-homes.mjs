// The planning-homes scene: ploughed farmland, a hedge with a gate, and a village church on the slope beyond.
import { H, W, birds, clouds, f, gradient, lerp, lerpPoint, o, pts, seg, shade, tree, vignette } from '../scene.mjs';

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function planningHomes(r) {
  const layers = [];
  const HORIZON = 640;

  // Sky: a pale autumn afternoon, brighter low down.
  let sky = `<rect width="${W}" height="${HORIZON + 80}" fill="url(#pSky)"/>`;
  sky += `<ellipse cx="700" cy="${HORIZON - 160}" rx="700" ry="220" fill="#f3ecd8" opacity="0.5" filter="url(#b60)"/>`;
  sky += clouds(r, { y0: 40, y1: HORIZON - 220, count: 12, colours: ['#d9dde0', '#c8d0d6', '#e4e4df', '#b9c3cb'] });
  // Rooks.
  sky += birds(r, { count: 9, x: [1900, 2300], y: [160, 420], size: [9, 16], colour: '#2b2a29', lift: 0.2, rise: 0.55, weight: 5 });
  layers.push({ defs: gradient('pSky', [[0, '#8ea3b3'], [0.55, '#c3ccd1'], [1, '#ebe5d5']]), body: sky });

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
          const p = lerpPoint(a, d, t);
          const q = lerpPoint(b, c, t);
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
  layers.push({ defs: gradient('pPasture', [[0, '#7f9462'], [1, '#667d4b']]), body: pasture });

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
