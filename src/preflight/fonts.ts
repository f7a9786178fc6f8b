// Fonts as the interpreter needs them: embedded or not, how many bytes a character code takes, and glyph advances.
import type { PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { dictOf, entry, itemsOf, nameOf, numberOf, numbersOf, streamOf } from './objects.js';
import { streamBytes } from './streams.js';
import { glyphReaches, type GlyphReach } from './truetype.js';

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
  /** How far glyphs reach above and below the baseline, em (FontDescriptor /Ascent and /Descent; 1 and −0.3 when not given). */
  readonly ascent: number;
  readonly descent: number;
  /**
   * How far the glyph of a character code reaches below and above the baseline, em, from the embedded font program;
   * undefined for a glyph with no outline. Only for fonts whose codes name glyphs directly (composite fonts with
   * Identity-H/V encoding and an embedded TrueType program); elsewhere the font's ascent and descent stand in.
   */
  readonly glyphExtent?: (code: number) => GlyphReach | undefined;
}

/** A font's reach above and below the baseline in em, from its descriptor (glyph space, 1/1000 em). */
function extent(descriptor: PDFDict | undefined): { ascent: number; descent: number } {
  const ascent = numberOf(entry(descriptor, 'Ascent'));
  const descent = numberOf(entry(descriptor, 'Descent'));
  // Without them (Type 3 fonts, the standard 14 unembedded), a generous body: 1 em up, 0.3 em down.
  return { ascent: ascent && ascent > 0 ? ascent / 1000 : 1, descent: descent !== undefined && descent <= 0 ? descent / 1000 : -0.3 };
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
    return { name, embedded: true, codeBytes: 1, advance: byteCodes((c) => (widths[c - first] ?? 0) * (fm[0] ?? 0.001)), sizeFactor: Math.hypot(fm[2] ?? 0, fm[3] ?? 0.001) * 1000, ascent: 1, descent: -0.3 };
  }
  return { name, embedded: isEmbedded(descriptor), codeBytes: 1, advance: byteCodes((c) => (widths[c - first] ?? missing) / 1000), sizeFactor: 1, ...extent(descriptor) };
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
  const glyphExtent = identityGlyphs(font, descendant);
  return {
    name,
    embedded: isEmbedded(dictOf(entry(descendant, 'FontDescriptor'))),
    codeBytes: 2,
    advance: (cid) => (widths.get(cid) ?? dw) / 1000,
    sizeFactor: 1,
    ...extent(dictOf(entry(descendant, 'FontDescriptor'))),
    ...(glyphExtent ? { glyphExtent } : {}),
  };
}

/**
 * Glyph extents of a composite font whose codes are CIDs (Identity-H/V) and whose CIDs map to the glyphs of an embedded
 * TrueType program (CIDToGIDMap /Identity or a stream of two-byte glyph ids, PDF 32000-1 §9.7.4.2), as PDFKit and most
 * layout programs write them. The program is read the first time a glyph is asked for (truetype.ts); a glyph it cannot
 * say anything of reaches the generous body of other fonts, 0.3 em down and 1 em up. Undefined for other fonts.
 */
function identityGlyphs(font: PDFDict, descendant: PDFDict | undefined): FontInfo['glyphExtent'] {
  const encoding = nameOf(entry(font, 'Encoding'));
  const program = streamOf(entry(dictOf(entry(descendant, 'FontDescriptor')), 'FontFile2'));
  if ((encoding !== 'Identity-H' && encoding !== 'Identity-V') || nameOf(entry(descendant, 'Subtype')) !== 'CIDFontType2' || !program) return undefined;
  const mapObj = entry(descendant, 'CIDToGIDMap');
  const GENEROUS = { bottom: -0.3, top: 1 };
  let reach: ((gid: number) => GlyphReach | undefined) | null | undefined;
  let gidOf: (cid: number) => number = (cid) => cid;
  const known = new Map<number, GlyphReach | undefined>();
  return (cid) => {
    if (known.has(cid)) return known.get(cid);
    if (reach === undefined) {
      try {
        reach = glyphReaches(streamBytes(program)) ?? null;
        const map = streamOf(mapObj);
        const table = map ? streamBytes(map) : undefined;
        if (table) gidOf = (c) => ((table[2 * c] ?? 0) << 8) | (table[2 * c + 1] ?? 0);
      } catch {
        reach = null;
      }
    }
    let out: GlyphReach | undefined = GENEROUS;
    try {
      if (reach) out = reach(gidOf(cid));
    } catch {
      out = GENEROUS;
    }
    known.set(cid, out);
    return out;
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
