// The football-cup scene: a goalkeeper diving in a rain-swept goalmouth under floodlights, a small stand beyond.
import { H, W, camera, ellipsePoints, f, gradient, o, pts, rain, seg, vignette } from '../scene.mjs';
import { HAIR, POSES, SKIN, figure } from '../figure.mjs';

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function footballCup(r) {
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
  layers.push({ defs: gradient('skyF', [[0, '#3f474c'], [0.5, '#6b7479'], [1, '#8b9396']]), body: sk });

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
  // One strand of the net, from a to bb, as path commands.
  const strand = (a, bb) => {
    const [x1, y1] = P(...a);
    const [x2, y2] = P(...bb);
    return `M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}`;
  };
  for (let X = -GX; X <= GX + 0.01; X += 0.12) net += strand([X, 0, ZB], [X, 1.9, ZB]) + strand([X, 1.9, ZB], [X, GY, 20.05]);
  for (let Y = 0.12; Y < 1.9; Y += 0.12) net += strand([-GX, Y, ZB], [GX, Y, ZB]);
  for (let Z = 20.1; Z < ZB; Z += 0.12) {
    const t = (Z - 20) / (ZB - 20);
    const Y = GY + (1.9 - GY) * t;
    net += strand([-GX, Y, Z], [GX, Y, Z]);
    for (const X of [-GX, GX]) net += strand([X, 0, Z], [X, Y, Z]);
  }
  for (const X of [-GX, GX]) for (let Y = 0.12; Y < GY; Y += 0.12) net += strand([X, Y, 20.05], [X, Math.min(Y, 1.9), ZB]);
  g += `<path d="${net}" stroke="#f3f3ef" stroke-width="1.3" opacity="0.5" fill="none"/>`;
  for (const X of [-GX - 0.6, GX + 0.6]) g += seg(...P(X, 0, ZB), ...P(X, 2.0, ZB), 4, '#cfd2d2', '', null);
  const post = (list) => `<polygon points="${cam.poly(list)}" fill="url(#post)"/>`;
  for (const X of [-GX - 0.12, GX]) g += post([[X, 0, 20], [X + 0.12, 0, 20], [X + 0.12, GY + 0.12, 20], [X, GY + 0.12, 20]]);
  g += `<polygon points="${cam.poly([[-GX - 0.12, GY, 20], [GX + 0.12, GY, 20], [GX + 0.12, GY + 0.12, 20], [-GX - 0.12, GY + 0.12, 20]])}" fill="#f5f5f0"/>`;
  g += `<polygon points="${cam.poly([[-GX - 0.12, GY, 20], [GX + 0.12, GY, 20], [GX + 0.12, GY + 0.03, 20], [-GX - 0.12, GY + 0.03, 20]])}" fill="#b9bcbc"/>`;
  layers.push({ defs: gradient('post', [[0, '#cfd2d0'], [0.4, '#ffffff'], [1, '#a9adab']], { x2: 1, y2: 0 }), body: g });

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
  const drops = rain(r, { count: 900, slant: 0.35, length: [30, 90], width: [1, 2.4], opacity: [0.12, 0.35], colour: '#e8eef0', cap: null });
  layers.push({ defs: '', body: `<g filter="url(#b2)">${drops}</g>` });
  layers.push(vignette(0.5));
  return layers;
}
