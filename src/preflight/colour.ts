// Colour spaces as the plant sees them: which are RGB (not allowed), and the ink each colour puts down, in per cent per plate.
import { PDFRawStream, type PDFDict, type PDFObject } from '@cantoo/pdf-lib';
import { readFunction } from './functions.js';
import { bytesOf, dictOf, entry, itemsOf, nameOf, numberOf, numbersOf, streamOf } from './objects.js';
import { streamBytes } from './streams.js';

/** Ink on each plate in per cent; `spot` is any other ink (a spot colour whose CMYK equivalent is unknown). */
export interface Ink {
  readonly c: number;
  readonly m: number;
  readonly y: number;
  readonly k: number;
  readonly spot: number;
}

/** Total area coverage in per cent. */
export const totalInk = (i: Ink): number => i.c + i.m + i.y + i.k + i.spot;

/** Why a colour space has no place in a CMYK plant file: device RGB, or a device-independent RGB or Lab. */
export interface RgbUse {
  readonly device: boolean;
  /** For messages: `DeviceRGB`, `ICCBased RGB`, `Separation “Logo” with a DeviceRGB alternate`. */
  readonly what: string;
}

/** A colour space, resolved from the file. */
export interface ColourSpace {
  /** For messages: `DeviceCMYK`, `Separation “PANTONE 185 C”`. */
  readonly name: string;
  readonly components: number;
  /** Set when the space is (or rests on) RGB or Lab. */
  readonly rgb?: RgbUse;
  /** Separation /All: registration colour, on every plate. */
  readonly registration: boolean;
  /** Inks other than process cyan, magenta, yellow and black (and /All, /None) that the space names: spot colours. */
  readonly spots: readonly string[];
  /** Set when the space is (or rests on) an ICCBased space, for messages: `ICCBased CMYK`, `Separation “Logo” with an ICCBased CMYK alternate`. */
  readonly icc?: string;
  /** A pattern space: the colour is a pattern, not values. */
  readonly pattern: boolean;
  /** The colour that `cs`/`CS` selects. */
  readonly initial: readonly number[];
  /** The Decode range an image uses by default, for `bpc` bits per component. */
  defaultDecode(bpc: number): number[];
  /** The ink a colour puts down; undefined where it cannot be said (RGB, Lab, patterns). */
  ink(values: readonly number[]): Ink | undefined;
}

const NO_INK: Ink = { c: 0, m: 0, y: 0, k: 0, spot: 0 };
const unitDecode = (n: number) => (): number[] => Array.from({ length: n }, (_, i) => i % 2);

const simple = (name: string, components: number, ink: ColourSpace['ink'], rgb?: RgbUse, initial?: number[]): ColourSpace => ({
  name, components, rgb, registration: false, spots: [], pattern: false, initial: initial ?? new Array<number>(components).fill(0), defaultDecode: unitDecode(components * 2), ink,
});

/** DeviceGray: gray g puts down K = (1 − g) × 100. */
export const DEVICE_GRAY = simple('DeviceGray', 1, ([g = 0]) => ({ ...NO_INK, k: (1 - g) * 100 }));
/** DeviceCMYK: the values are the plates. */
export const DEVICE_CMYK = simple('DeviceCMYK', 4, ([c = 0, m = 0, y = 0, k = 0]) => ({ c: c * 100, m: m * 100, y: y * 100, k: k * 100, spot: 0 }), undefined, [0, 0, 0, 1]);
/** Whether a space puts down its four values as they are on C, M, Y and K (DeviceCMYK, ICC CMYK, CalCMYK). */
export const isDeviceCmyk = (space: ColourSpace): boolean => space.components === 4 && space.ink === DEVICE_CMYK.ink;
export const DEVICE_RGB = simple('DeviceRGB', 3, () => undefined, { device: true, what: 'DeviceRGB' });
const calibrated = (what: string, n: number): ColourSpace => simple(what, n, () => undefined, { device: false, what });
const PATTERN: ColourSpace = { ...simple('Pattern', 1, () => undefined), pattern: true };

/** Process plate names a Separation or DeviceN component may name directly. */
const PLATES: Record<string, keyof Ink> = { Cyan: 'c', Magenta: 'm', Yellow: 'y', Black: 'k' };

/** A colorant name that is neither a process plate nor /All or /None: a spot colour. */
const isSpot = (ink: string): boolean => ink !== 'All' && ink !== 'None' && !PLATES[ink];

/** Resolves a colour space operand or entry, looking names up in the resources' /ColorSpace. */
export function colourSpace(o: PDFObject | string | undefined, resources: PDFDict | undefined, depth = 0): ColourSpace {
  const name = typeof o === 'string' ? o : nameOf(o);
  if (name !== undefined) return byName(name, resources, depth);
  const items = typeof o === 'string' ? undefined : itemsOf(o);
  const family = nameOf(items?.[0]);
  if (!items || !family || depth > 8) return DEVICE_GRAY;
  switch (family) {
    case 'ICCBased': return iccBased(streamOf(items[1]));
    case 'CalRGB': return calibrated('CalRGB', 3);
    case 'Lab': return { ...calibrated('Lab', 3), defaultDecode: () => [0, 100, ...(numbersOf(entry(dictOf(items[1]), 'Range')) ?? [-100, 100, -100, 100])] };
    case 'CalGray': return { ...DEVICE_GRAY, name: 'CalGray' };
    case 'CalCMYK': return { ...DEVICE_CMYK, name: 'CalCMYK' };
    case 'Indexed': case 'I': return indexed(items, resources, depth);
    case 'Separation': return separation(items, resources, depth);
    case 'DeviceN': return deviceN(items, resources, depth);
    case 'Pattern': return patternOver(items[1] ? colourSpace(items[1], resources, depth + 1) : undefined);
    default: return colourSpace(family, resources, depth + 1);
  }
}

function byName(name: string, resources: PDFDict | undefined, depth: number): ColourSpace {
  switch (name) {
    case 'DeviceGray': case 'G': return DEVICE_GRAY;
    case 'DeviceCMYK': case 'CMYK': return DEVICE_CMYK;
    case 'DeviceRGB': case 'RGB': return DEVICE_RGB;
    case 'Pattern': return PATTERN;
    default: {
      const named = entry(dictOf(entry(resources, 'ColorSpace')), name);
      return named && depth < 8 ? colourSpace(named, resources, depth + 1) : DEVICE_GRAY;
    }
  }
}

function iccBased(stream: PDFRawStream | undefined): ColourSpace {
  const n = numberOf(entry(stream?.dict, 'N')) ?? 3;
  if (n === 4) return { ...DEVICE_CMYK, name: 'ICCBased CMYK', icc: 'ICCBased CMYK' };
  if (n === 1) return { ...DEVICE_GRAY, name: 'ICCBased Gray', icc: 'ICCBased Gray' };
  const what = n === 3 ? 'ICCBased RGB' : `ICCBased (${n} components)`;
  return { ...calibrated(what, n), icc: what };
}

/** Indexed: a palette of colours in a base space (PDF 32000-1 §8.6.6.3). */
function indexed(items: PDFObject[], resources: PDFDict | undefined, depth: number): ColourSpace {
  const base = colourSpace(items[1], resources, depth + 1);
  const hival = numberOf(items[2]) ?? 255;
  const lookupObj = items[3];
  const table = bytesOf(lookupObj) ?? (lookupObj instanceof PDFRawStream ? streamBytes(lookupObj) : new Uint8Array());
  const n = base.components;
  const range = base.defaultDecode(8);
  return {
    name: `Indexed ${base.name}`,
    components: 1,
    rgb: base.rgb ? { ...base.rgb, what: `Indexed with a ${base.rgb.what} palette` } : undefined,
    registration: base.registration,
    spots: base.spots,
    ...(base.icc ? { icc: `Indexed with an ${base.icc} palette` } : {}),
    pattern: false,
    initial: [0],
    defaultDecode: (bpc) => [0, 2 ** bpc - 1],
    ink: ([i = 0]) => {
      const at = Math.max(0, Math.min(hival, Math.round(i))) * n;
      return base.ink(Array.from({ length: n }, (_, j) => range[2 * j]! + ((table[at + j] ?? 0) / 255) * (range[2 * j + 1]! - range[2 * j]!)));
    },
  };
}

/** Separation: one named ink; /All is registration, /None prints nothing, process names are their plates. */
function separation(items: PDFObject[], resources: PDFDict | undefined, depth: number): ColourSpace {
  const ink = nameOf(items[1]) ?? '';
  const alternate = colourSpace(items[2], resources, depth + 1);
  const tint = readFunction(items[3]);
  const inkOf = (t: number): Ink | undefined => {
    if (ink === 'All') return { c: t * 100, m: t * 100, y: t * 100, k: t * 100, spot: 0 };
    if (ink === 'None') return NO_INK;
    const plate = PLATES[ink];
    if (plate) return { ...NO_INK, [plate]: t * 100 };
    return tint ? alternate.ink(tint([t])) : { ...NO_INK, spot: t * 100 };
  };
  return {
    name: ink === 'All' ? 'registration (Separation /All)' : `Separation “${ink}”`,
    components: 1,
    rgb: alternate.rgb ? { ...alternate.rgb, what: `Separation “${ink}” with a ${alternate.rgb.what} alternate` } : undefined,
    registration: ink === 'All',
    spots: isSpot(ink) ? [ink] : [],
    ...(alternate.icc ? { icc: `Separation “${ink}” with an ${alternate.icc} alternate` } : {}),
    pattern: false,
    initial: [1],
    defaultDecode: unitDecode(2),
    ink: ([t = 0]) => inkOf(t),
  };
}

/** DeviceN: several named inks; process names map to plates, others go through the tint transform. */
function deviceN(items: PDFObject[], resources: PDFDict | undefined, depth: number): ColourSpace {
  const names = (itemsOf(items[1]) ?? []).map((n) => nameOf(n) ?? '');
  const alternate = colourSpace(items[2], resources, depth + 1);
  const tint = readFunction(items[3]);
  const direct = names.every((n) => n === 'None' || PLATES[n]);
  const ink = (values: readonly number[]): Ink | undefined => {
    if (direct) {
      const out: { -readonly [K in keyof Ink]: number } = { ...NO_INK };
      names.forEach((n, i) => {
        const plate = PLATES[n];
        if (plate) out[plate] += (values[i] ?? 0) * 100;
      });
      return out;
    }
    return tint ? alternate.ink(tint(values)) : { ...NO_INK, spot: values.reduce((a, v) => a + v * 100, 0) };
  };
  return {
    name: `DeviceN (${names.join(', ')})`,
    components: names.length,
    rgb: alternate.rgb ? { ...alternate.rgb, what: `DeviceN (${names.join(', ')}) with a ${alternate.rgb.what} alternate` } : undefined,
    registration: false,
    spots: names.filter(isSpot),
    ...(alternate.icc ? { icc: `DeviceN (${names.join(', ')}) with an ${alternate.icc} alternate` } : {}),
    pattern: false,
    initial: names.map(() => 1),
    defaultDecode: unitDecode(names.length * 2),
    ink,
  };
}

/** A Pattern space over a base space (uncoloured tiling patterns take their colour in the base). */
function patternOver(base: ColourSpace | undefined): ColourSpace {
  if (!base) return PATTERN;
  return { ...PATTERN, name: `Pattern over ${base.name}`, rgb: base.rgb, spots: base.spots, ...(base.icc ? { icc: base.icc } : {}), components: base.components, ink: (v) => base.ink(v) };
}
