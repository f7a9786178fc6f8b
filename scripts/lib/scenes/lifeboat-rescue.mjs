// The lifeboat-rescue scene: an inshore lifeboat beside a kayak in a choppy sea off a headland.
import { H, W, birds, clouds, f, gradient, o, pts, vignette } from '../scene.mjs';

/** The scene's layers, far to near, drawn with `r`, the random helpers of its seeded generator (randomness() in scene.mjs). */
export function lifeboatRescue(r) {
  const { rand, between } = r;
  const HORIZON = 560;
  const layers = [];

  // A broken sky, brighter to the right.
  let sk = `<rect width="${W}" height="${HORIZON + 40}" fill="url(#skyL)"/>`;
  sk += `<ellipse cx="1800" cy="330" rx="700" ry="260" fill="#f2efe4" opacity="0.5" filter="url(#b60)"/>`;
  sk += clouds(r, {
    y0: 40, y1: HORIZON - 120, count: 16, colours: ['#c2cad0', '#aab6be', '#d8dcdc', '#8f9ca6'],
    varied: false, width: 260, drop: 40, opacity: [0.35, 0.7], underside: 0.35,
  });
  // Gulls.
  sk += birds(r, { count: 5, x: [1300, 2200], y: [160, 420], size: [10, 20], colour: '#3b4349' });
  layers.push({ defs: gradient('skyL', [[0, '#7d93a3'], [0.5, '#b4c1c8'], [1, '#e3e2d8']]), body: sk });

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
  layers.push({ defs: gradient('cliff', [[0, '#8e877a'], [1, '#5f5a51']]), body: hd });

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
  layers.push({ defs: gradient('seaL', [[0, '#8ea2a6'], [0.2, '#5f7c86'], [1, '#2d4751']]), body: sea });

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
    defs: gradient('consoleShade', [[0, '#000', 0], [1, '#000', 0.25]], { x2: 1, y2: 0 }),
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
