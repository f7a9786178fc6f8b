#!/usr/bin/env node
// Generates the lead pictures of the sample edition's stories (all but the front page's harbour wall, which is
// make-sample-photo.mjs's), in the same manner: each scene is drawn as SVG, rendered with sharp and given film
// grain.
//
//   node scripts/make-sample-lead-photos.mjs [scene ...] [--out-dir DIR]
//
// Scenes (each written to examples/sample-edition/images/<scene>.jpg; no scene named: all of them):
//   school-expansion   a 1960s school block wrapped in scaffolding
//   hospital-ward      a children's ward corridor with murals
//   football-cup       a goalkeeper diving in a rain-swept goalmouth
//   lifeboat-rescue    an inshore lifeboat beside a kayak off a headland
//   planning-homes     ploughed farmland, a hedge and a village church beyond
//   care-home          a care home's garden with a wooden bench on the lawn
//   rugby-report       a line-out: a jumper lifted by two team-mates
//
// Each scene's drawing is in scripts/lib/scenes/<scene>.mjs, the helpers they share in scripts/lib/scene.mjs
// and scripts/lib/figure.mjs. The output is deterministic: every random choice comes from a generator seeded
// per scene (no Math.random, no clock), so each run writes the same bytes. The pictures are original to
// newsprint and MIT licensed like the code.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { H, W, randomness, writeScene } from './lib/scene.mjs';
import { careHome } from './lib/scenes/care-home.mjs';
import { footballCup } from './lib/scenes/football-cup.mjs';
import { hospitalWard } from './lib/scenes/hospital-ward.mjs';
import { lifeboatRescue } from './lib/scenes/lifeboat-rescue.mjs';
import { planningHomes } from './lib/scenes/planning-homes.mjs';
import { rugbyReport } from './lib/scenes/rugby-report.mjs';
import { schoolExpansion } from './lib/scenes/school-expansion.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Each scene's seed, drawing, film grain and JPEG quality. The grain is lighter on busy scenes, and the quality
// lower on the later ones, to keep every file under 600 KB.
const SCENES = {
  'school-expansion': { seed: 0x5c4001, draw: schoolExpansion, grain: 22, quality: 88 },
  'hospital-ward': { seed: 0x90591a, draw: hospitalWard, grain: 34, quality: 88 },
  'football-cup': { seed: 0xfa7a5e, draw: footballCup, grain: 34, quality: 88 },
  'lifeboat-rescue': { seed: 0x11febd, draw: lifeboatRescue, grain: 34, quality: 88 },
  'planning-homes': { seed: 0x9a1f0e, draw: planningHomes, grain: 28, quality: 84 },
  'care-home': { seed: 0xca4e50, draw: careHome, grain: 30, quality: 86 },
  'rugby-report': { seed: 0x4a6b71, draw: rugbyReport, grain: 30, quality: 86 },
};

async function render(name, outDir) {
  const { seed, draw, grain, quality } = SCENES[name];
  const r = randomness(seed);
  const out = resolve(outDir, `${name}.jpg`);
  const info = await writeScene(draw(r), r.rand, { grain, quality, out });
  console.log(`wrote ${out} (${W}×${H}, ${Math.round(info.size / 1024)} KB)`);
}

const args = process.argv.slice(2);
let outDir = `${root}/examples/sample-edition/images`;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out-dir') outDir = resolve(args[++i] ?? '.');
  else names.push(args[i]);
}
for (const name of names) {
  if (!(name in SCENES)) {
    console.error(`unknown scene "${name}"; choose from: ${Object.keys(SCENES).join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length ? names : Object.keys(SCENES)) await render(name, outDir);
