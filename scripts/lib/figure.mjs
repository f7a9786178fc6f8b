// A person for the sample pictures: a jointed figure seen from the side, in a kit and a pose, with the skin
// tones, hair colours and poses the scenes choose from (the school's passers-by, the hospital's nurse, the
// football match). Draws no random numbers of its own.
import { f, lerpPoint, o, rad, seg, shade } from './scene.mjs';
/**
 * A person as a simple jointed figure, seen from the side. (x, y) is the
 * ground point beneath them on screen and s the pixels per metre there.
 * Angles are in degrees from straight down, positive towards `facing`
 * (1 right, -1 left). The figure stands with its lowest point on the ground
 * unless `lift` (hip height in metres) is given, as for a diving goalkeeper;
 * `rot` turns the whole body about the hip.
 */
export function figure({ x, y, s, facing = 1, kit, skin, hair, pose, rot = 0, lift, shadow = 0.22 }) {
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
    return seg(x1, y1, x2, y2, width * s, colour, '', cap);
  };

  const drawLeg = (l, dark) => {
    const d = (col) => (dark ? shade(col, -0.12) : col);
    const lower = kit.trousers ? kit.shorts : skin;
    let g = line(hip, l.knee, 0.15, d(lower));
    g += line(l.knee, l.ankle, 0.115, d(kit.trousers ? kit.shorts : skin));
    if (!kit.trousers) {
      g += line(lerpPoint(l.knee, l.ankle, 0.22), l.ankle, 0.12, d(kit.socks));
      g += line(hip, lerpPoint(hip, l.knee, 0.55), 0.2, d(kit.shorts));
    }
    g += line(l.ankle, l.toe, 0.1, d(kit.boots ?? '#1c1c1c'));
    return g;
  };
  const drawArm = (a, dark) => {
    const d = (col) => (dark ? shade(col, -0.12) : col);
    const sleeve = kit.sleeves === 'long' ? 1 : 0.45;
    let g = line(shoulder, a.elbow, 0.1, d(skin));
    g += line(a.elbow, a.wrist, 0.085, d(kit.sleeves === 'long' ? kit.shirt : skin));
    g += line(shoulder, sleeve >= 1 ? a.elbow : lerpPoint(shoulder, a.elbow, sleeve), 0.125, d(kit.shirt));
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

export const SKIN = ['#f1c7a5', '#e3b08b', '#c68c63', '#8d5a3b', '#5e3b27'];
export const HAIR = ['#2a1c14', '#4a3222', '#7a5a3a', '#b58d5a', '#151515'];

/** Poses for `figure`: [far, near] legs as [hip, knee] and arms as [shoulder, elbow]. */
export const POSES = {
  stand: { lean: 2, legs: [[-6, 4], [6, 2]], arms: [[-8, 10], [10, 12]] },
  walk: { lean: 3, legs: [[-18, 8], [20, 10]], arms: [[18, 15], [-16, 10]] },
  run: { lean: 12, legs: [[-30, 70], [48, 30]], arms: [[40, 80], [-45, 70]] },
  sprint: { lean: 18, legs: [[-40, 95], [65, 55]], arms: [[55, 85], [-60, 60]] },
  shoot: { lean: -14, legs: [[-4, 10], [78, 12]], arms: [[-70, 30], [60, 20]] },
  lunge: { lean: 24, legs: [[-55, 8], [55, 70]], arms: [[70, 20], [-30, 30]] },
  crouch: { lean: 28, legs: [[-10, 70], [38, 80]], arms: [[35, 40], [20, 45]] },
  dive: { lean: 0, legs: [[-8, 18], [10, 30]], arms: [[172, 4], [160, 8]] },
};
