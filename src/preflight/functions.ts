// PDF functions (PDF 32000-1 §7.10) for tint transforms and shadings: sampled (type 0), exponential (2) and stitching (3).
import { PDFRawStream, type PDFObject } from '@cantoo/pdf-lib';
import { dictOf, entry, itemsOf, numberOf, numbersOf } from './objects.js';
import { streamBytes } from './streams.js';

/** A PDF function: inputs to outputs, each clipped to its domain and range. */
export type PdfFunction = (input: readonly number[]) => number[];

const clip = (v: number, lo = -Infinity, hi = Infinity): number => Math.min(hi, Math.max(lo, v));

/**
 * Reads a function, or an array of one-output functions (as tint transforms and shadings allow).
 * Undefined for PostScript calculator functions (type 4), which are not evaluated here.
 */
export function readFunction(o: PDFObject | undefined): PdfFunction | undefined {
  const list = itemsOf(o);
  if (list) {
    const fns = list.map(readFunction);
    if (!fns.every((f): f is PdfFunction => f !== undefined)) return undefined;
    return (x) => fns.map((f) => f(x)[0] ?? 0);
  }
  const d = dictOf(o);
  const domain = numbersOf(entry(d, 'Domain')) ?? [0, 1];
  const range = numbersOf(entry(d, 'Range'));
  const inner = ((): PdfFunction | undefined => {
    switch (numberOf(entry(d, 'FunctionType'))) {
      case 0: return o instanceof PDFRawStream ? sampled(o) : undefined;
      case 2: return exponential(o);
      case 3: return stitching(o);
      default: return undefined;
    }
  })();
  if (!inner) return undefined;
  return (x) => {
    const out = inner(x.map((v, i) => clip(v, domain[2 * i], domain[2 * i + 1])));
    return range ? out.map((v, i) => clip(v, range[2 * i], range[2 * i + 1])) : out;
  };
}

/** Type 2: C0 + x^N × (C1 − C0). */
function exponential(o: PDFObject | undefined): PdfFunction {
  const d = dictOf(o);
  const c0 = numbersOf(entry(d, 'C0')) ?? [0];
  const c1 = numbersOf(entry(d, 'C1')) ?? [1];
  const n = numberOf(entry(d, 'N')) ?? 1;
  return ([x = 0]) => c0.map((a, i) => a + Math.pow(x, n) * ((c1[i] ?? 0) - a));
}

/** Type 3: one input split at Bounds, each part mapped by Encode onto its own function. */
function stitching(o: PDFObject | undefined): PdfFunction | undefined {
  const d = dictOf(o);
  const fns = (itemsOf(entry(d, 'Functions')) ?? []).map(readFunction);
  if (fns.length === 0 || !fns.every((f): f is PdfFunction => f !== undefined)) return undefined;
  const [lo = 0, hi = 1] = numbersOf(entry(d, 'Domain')) ?? [];
  const bounds = numbersOf(entry(d, 'Bounds')) ?? [];
  const encode = numbersOf(entry(d, 'Encode')) ?? fns.flatMap(() => [0, 1]);
  return ([x = 0]) => {
    let k = bounds.findIndex((b) => x < b);
    if (k < 0) k = fns.length - 1;
    const a = k === 0 ? lo : bounds[k - 1]!;
    const b = k === fns.length - 1 ? hi : bounds[k]!;
    const e0 = encode[2 * k] ?? 0;
    const e1 = encode[2 * k + 1] ?? 1;
    const t = b === a ? e0 : e0 + ((x - a) / (b - a)) * (e1 - e0);
    return fns[k]!([t]);
  };
}

/** Type 0: a table of samples, read at the nearest sample (no interpolation). */
function sampled(stream: PDFRawStream): PdfFunction | undefined {
  const d = stream.dict;
  const size = numbersOf(entry(d, 'Size'));
  const bps = numberOf(entry(d, 'BitsPerSample')) ?? 8;
  const range = numbersOf(entry(d, 'Range'));
  if (!size || !range) return undefined;
  const domain = numbersOf(entry(d, 'Domain')) ?? size.flatMap(() => [0, 1]);
  const encode = numbersOf(entry(d, 'Encode')) ?? size.flatMap((s) => [0, s - 1]);
  const decode = numbersOf(entry(d, 'Decode')) ?? range;
  const outputs = range.length / 2;
  const bytes = streamBytes(stream);
  const max = 2 ** bps - 1;
  return (x) => {
    let index = 0;
    let stride = 1;
    size.forEach((s, i) => {
      const d0 = domain[2 * i]!, d1 = domain[2 * i + 1]!;
      const e = encode[2 * i]! + ((x[i]! - d0) / (d1 - d0 || 1)) * (encode[2 * i + 1]! - encode[2 * i]!);
      index += clip(Math.round(e), 0, s - 1) * stride;
      stride *= s;
    });
    return Array.from({ length: outputs }, (_, j) => {
      const v = readBits(bytes, (index * outputs + j) * bps, bps);
      return decode[2 * j]! + (v / max) * (decode[2 * j + 1]! - decode[2 * j]!);
    });
  };
}

/** An unsigned big-endian value of `bits` bits starting at bit offset `at`. */
export function readBits(bytes: Uint8Array, at: number, bits: number): number {
  if (bits === 8) return bytes[at >> 3] ?? 0;
  if (bits === 16) return ((bytes[at >> 3] ?? 0) << 8) | (bytes[(at >> 3) + 1] ?? 0);
  let v = 0;
  for (let i = 0; i < bits; i++) {
    const bit = at + i;
    v = (v << 1) | (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
  }
  return v;
}
