// Fonts as the interpreter needs them: embedded or not, how many bytes a character code takes, and glyph advances.
import type { PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { dictOf, entry, itemsOf, nameOf, numberOf, numbersOf } from './objects.js';

/** What the preflight needs to know about one font resource. */
export interface FontInfo {
  /** BaseFont, subset tag removed (`Helvetica`, `CharisSIL`), for messages. */
  readonly name: string;
  /** Whether the font program is in the file (FontFile, FontFile2 or FontFile3), or the font is a Type 3 font. */
  readonly embedded: boolean;
  /** Bytes per character code: 2 for composite (Type0) fonts, taken as Identity-encoded; 1 otherwise. */
  readonly codeBytes: 1 | 2;
  /** Advance of a character code, in text space units per unit of font size. */
  advance(code: number): number;
  /** Type size multiplier from a Type 3 FontMatrix (1 for other fonts, whose glyph space is 1/1000 em). */
  readonly sizeFactor: number;
}

const read = new WeakMap<PDFDict, FontInfo>();

/** Reads a font dictionary (once: a font shown on many pages, or set many times on one, is read the first time). */
export function fontInfo(font: PDFDict): FontInfo {
  let info = read.get(font);
  if (!info) read.set(font, (info = readFont(font)));
  return info;
}

function readFont(font: PDFDict): FontInfo {
  const subtype = nameOf(entry(font, 'Subtype'));
  const name = (nameOf(entry(font, 'BaseFont')) ?? nameOf(entry(font, 'Name')) ?? 'unnamed font').replace(/^[A-Z]{6}\+/, '');
  if (subtype === 'Type0') return composite(font, name);
  const first = numberOf(entry(font, 'FirstChar')) ?? 0;
  const widths = numbersOf(entry(font, 'Widths')) ?? [];
  const descriptor = dictOf(entry(font, 'FontDescriptor'));
  const missing = numberOf(entry(descriptor, 'MissingWidth')) ?? 0;
  if (subtype === 'Type3') {
    const fm = numbersOf(entry(font, 'FontMatrix')) ?? [0.001, 0, 0, 0.001, 0, 0];
    return { name, embedded: true, codeBytes: 1, advance: byteCodes((c) => (widths[c - first] ?? 0) * (fm[0] ?? 0.001)), sizeFactor: Math.hypot(fm[2] ?? 0, fm[3] ?? 0.001) * 1000 };
  }
  return { name, embedded: isEmbedded(descriptor), codeBytes: 1, advance: byteCodes((c) => (widths[c - first] ?? missing) / 1000), sizeFactor: 1 };
}

/** An advance function with its values for the one-byte codes worked out beforehand. */
function byteCodes(advance: (code: number) => number): (code: number) => number {
  const table = Float64Array.from({ length: 256 }, (_, c) => advance(c));
  return (c) => (c >= 0 && c < 256 && Number.isInteger(c) ? table[c]! : advance(c));
}

/** A Type0 font: widths from the descendant's W array (PDF 32000-1 §9.7.4.3), default DW. */
function composite(font: PDFDict, name: string): FontInfo {
  const descendant = dictOf(itemsOf(entry(font, 'DescendantFonts'))?.[0]);
  const dw = numberOf(entry(descendant, 'DW')) ?? 1000;
  const widths = cidWidths(itemsOf(entry(descendant, 'W')) ?? []);
  return {
    name,
    embedded: isEmbedded(dictOf(entry(descendant, 'FontDescriptor'))),
    codeBytes: 2,
    advance: (cid) => (widths.get(cid) ?? dw) / 1000,
    sizeFactor: 1,
  };
}

/** W array entries: `c [w1 w2 …]` or `cfirst clast w`. */
function cidWidths(w: readonly PDFObject[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < w.length; ) {
    const first = numberOf(w[i]) ?? 0;
    const list = numbersOf(w[i + 1]);
    if (list) {
      list.forEach((v, k) => out.set(first + k, v));
      i += 2;
    } else {
      const last = numberOf(w[i + 1]) ?? first;
      const v = numberOf(w[i + 2]) ?? 0;
      for (let c = first; c <= last && c - first < 65536; c++) out.set(c, v);
      i += 3;
    }
  }
  return out;
}

const isEmbedded = (descriptor: PDFDict | undefined): boolean =>
  ['FontFile', 'FontFile2', 'FontFile3'].some((k) => entry(descriptor, k) !== undefined);
