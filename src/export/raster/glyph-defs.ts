// Glyph outlines for the page SVG: each (font, glyph id) is written once in <defs>, in font units.
import type { FontFace, FontSet } from '../../core/assets.js';

/**
 * Collects the glyph outlines a page uses. `ref()` returns the <path> id for a
 * glyph, or undefined when the glyph draws nothing (a space); `defs()` returns the
 * <path> elements in first-use order, so the same page gives the same SVG text.
 */
export class GlyphDefs {
  private readonly fontIndex = new Map<string, number>();
  private readonly ids = new Map<string, string | undefined>();
  private readonly paths: string[] = [];

  constructor(private readonly fonts: FontSet) {}

  /** The `href` (`#f0g43`) of glyph `gid` of font `fontId`, or undefined if its outline is empty. */
  ref(fontId: string, gid: number): string | undefined {
    const key = `${fontId}\u0000${gid}`;
    if (this.ids.has(key)) return this.ids.get(key);
    const face = this.face(fontId);
    let index = this.fontIndex.get(fontId);
    if (index === undefined) {
      index = this.fontIndex.size;
      this.fontIndex.set(fontId, index);
    }
    // Outline in font units, y up (fontkit `Path.toSVG`); the <use> transform flips it.
    const d = face.font.getGlyph(gid).path.toSVG();
    const id = d === '' ? undefined : `f${index}g${gid}`;
    if (id !== undefined) this.paths.push(`<path id="${id}" d="${d}"/>`);
    this.ids.set(key, id === undefined ? undefined : `#${id}`);
    return this.ids.get(key);
  }

  /** `1 / unitsPerEm` of a font: multiply by the size in points to scale font units to points. */
  unitScale(fontId: string): number {
    return 1 / this.face(fontId).font.unitsPerEm;
  }

  /** The font's bounding box (`head` table), font units, y up: it holds every glyph's outline. */
  bbox(fontId: string): { readonly minY: number; readonly maxY: number } {
    return this.face(fontId).font.bbox;
  }

  private face(fontId: string): FontFace {
    const face = this.fonts.get(fontId);
    if (!face) throw new Error(`export/raster: glyph run uses font "${fontId}", which is not in the font set`);
    return face;
  }

  /** The collected <path> elements, one per line. */
  defs(): string {
    return this.paths.join('\n');
  }
}
