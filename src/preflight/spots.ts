// Colour spaces a newspaper plant does not take: spot inks it has no plate for, and ICC-based colour in PDF/X-1a.
import type { PlantProfile } from '../plant/profile.js';
import type { SpaceUse } from './interpret.js';
import type { Issue } from './issue.js';

/**
 * Spot colours and ICC-based colour where a page uses them (content, images, shadings, shading patterns).
 *
 * - A Separation or DeviceN ink other than Cyan, Magenta, Yellow, Black, All and None needs a plate of its own; a
 *   coldset newspaper press prints four, so it is an error unless the profile lists the ink under `spots:` (by the
 *   name the PDF gives it, exactly). Its alternate colour is what a RIP would print instead, which is the converter's
 *   choice to make, not the plant's.
 * - An ICCBased space (also as an Indexed base, or a Separation or DeviceN alternate) is an error in PDF/X-1a, which
 *   takes device colour only (ISO 15930-1 §6.2.4); in PDF/X-4 the output intent governs it. ICC RGB is already a
 *   `preflight/rgb` finding and is not reported twice.
 */
export function colourIssues(spaces: readonly SpaceUse[], plant: PlantProfile): Issue[] {
  const out: Issue[] = [];
  const accepted = new Set(plant.spots);
  for (const { at, space, where } of spaces) {
    for (const ink of space.spots) {
      if (accepted.has(ink)) continue;
      const others = plant.spots.length ? `it prints only C, M, Y, K and ${plant.spots.map((s) => `“${s}”`).join(', ')}` : 'it prints C, M, Y and K only';
      out.push({ severity: 'error', code: 'preflight/spot-colour', message: `spot colour “${ink}” (${space.name}) in ${where}: plant “${plant.name}” has no plate for it; ${others}`, at, what: `“${ink}”` });
    }
    if (space.icc && !space.rgb && plant.pdfx === 'X-1a:2001') {
      out.push({ severity: 'error', code: 'preflight/icc-colour', message: `${space.icc} colour in ${where}: PDF/X-1a takes device CMYK and grey only`, at, what: space.icc });
    }
  }
  return out;
}
