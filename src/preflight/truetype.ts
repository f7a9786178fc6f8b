// Glyph heights from an embedded TrueType program: each glyph's box as its 'glyf' header stores it, read without a font library.

/** How far a glyph reaches below and above the baseline, em (negative below). */
export interface GlyphReach {
  readonly bottom: number;
  readonly top: number;
}

/**
 * The vertical reach of each glyph of a TrueType program (a FontFile2 stream), by glyph id: yMin and yMax of the
 * glyph's header in 'glyf' over 'head' unitsPerEm (OpenType spec, 'head', 'maxp', 'loca' and 'glyf' tables). A glyph
 * with no outline (a space) reaches nowhere: undefined. The whole function is undefined when the program is not a
 * TrueType font with these tables (a CFF-based OpenType program, or data that is not a font).
 */
export function glyphReaches(program: Uint8Array): ((gid: number) => GlyphReach | undefined) | undefined {
  const view = new DataView(program.buffer, program.byteOffset, program.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const i16 = (at: number) => view.getInt16(at);
  const u32 = (at: number) => view.getUint32(at);
  try {
    const tables = new Map<string, { offset: number; length: number }>();
    const count = u16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(program[at]!, program[at + 1]!, program[at + 2]!, program[at + 3]!);
      tables.set(tag, { offset: u32(at + 8), length: u32(at + 12) });
    }
    const head = tables.get('head');
    const maxp = tables.get('maxp');
    const loca = tables.get('loca');
    const glyf = tables.get('glyf');
    if (!head || !maxp || !loca || !glyf) return undefined;
    const unitsPerEm = u16(head.offset + 18);
    const longOffsets = i16(head.offset + 50) === 1;
    const glyphs = u16(maxp.offset + 4);
    if (!(unitsPerEm > 0)) return undefined;
    const offsetOf = (gid: number) => (longOffsets ? u32(loca.offset + 4 * gid) : 2 * u16(loca.offset + 2 * gid));
    return (gid) => {
      if (!(gid >= 0 && gid < glyphs)) return undefined;
      const start = offsetOf(gid);
      if (offsetOf(gid + 1) <= start || start + 10 > glyf.length) return undefined;
      const at = glyf.offset + start;
      return { bottom: i16(at + 4) / unitsPerEm, top: i16(at + 8) / unitsPerEm };
    };
  } catch {
    // A table directory or table pointing outside the data: not a usable program.
    return undefined;
  }
}
