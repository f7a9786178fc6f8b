// The hospital-ward scene: a children's ward corridor with murals and coloured doors, a nurse crossing it.
import { H, W, camera, ellipsePoints, f, seg, shade, vignette } from '../scene.mjs';
import { HAIR, POSES, SKIN, figure } from '../figure.mjs';

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function hospitalWard(r) {
  const { between, pick } = r;
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
  for (const X of [-0.6, 0.6]) b += seg(...P(X, CH, Z0), ...P(X, CH, ZE), 2, '#c9c8c2', '', null);
  for (let Z = 1.2; Z < ZE; Z += 0.6) b += seg(...P(-HW, CH, Z), ...P(HW, CH, Z), Math.max(1, 6 / Z), '#d3d2cc', '', null);
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
  for (const X of [-0.25, 0.25]) fd += seg(...P(X, 2.52, 6), ...P(X, CH, 6), 2, '#777', '', null);
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
