// Shaping with fontkit: glyph ids and advances in points, with the same features PDFKit draws with.
import type { FontFace, FontSet } from '../../core/index.js';

export interface ShapedGlyph {
  readonly id: number;
  /** The characters the glyph came from. */
  readonly cp: readonly number[];
  /** Advance in points. */
  readonly advance: number;
  readonly dx: number;
  readonly dy: number;
}

/** A shaped text at 1000 units per em: scale by size / 1000 for points. */
export interface Shaped {
  readonly glyphs: readonly ShapedGlyph[];
  /** Sum of advances. */
  readonly width: number;
}

export interface FaceMetrics {
  /** Ascender, cap height, x-height and descender as fractions of the em (descender negative). */
  readonly ascent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly descent: number;
}

/**
 * Shapes text in a face at a size, caching per face and string. fontkit's default
 * features (kern, liga…) are what PDFKit applies when it draws without `features`,
 * so widths measured here are the widths drawn.
 */
/**
 * Shaped words per loaded font, shared by every Shaper: a font file shapes a word the same way in every layout, so a
 * second layout of the same fonts (the next page, the preview after an edit) reuses the work. Keyed weakly by the
 * fontkit font, so it goes when the font does.
 */
const shapedByFont = new WeakMap<object, Map<string, Shaped>>();

export class Shaper {
  private readonly cache = new Map<string, Map<string, Shaped>>();
  constructor(private readonly fonts: FontSet) {}

  face(id: string): FontFace {
    const f = this.fonts.get(id);
    if (!f) throw new Error(`font face ${id} is not loaded`);
    return f;
  }

  /** Width of text in points, without building glyph lists. */
  width(faceId: string, text: string, size: number): number {
    return this.unit(faceId, text).width * (size / 1000);
  }

  /** Width with `tracking` points after every glyph, as PDFKit's character spacing draws it. */
  trackedWidth(faceId: string, text: string, size: number, tracking: number): number {
    const u = this.unit(faceId, text);
    return u.width * (size / 1000) + tracking * u.glyphs.length;
  }

  /**
   * Widths of the pieces of `text` cut at `points` (UTF-16 offsets), from one shaping of the whole text: each glyph
   * counts in the piece where its characters start. Kerning across a cut is the whole word's, which is what the
   * breaker should weigh; a line that does break there is set from its own pieces.
   */
  pieceWidths(faceId: string, text: string, size: number, tracking: number, points: readonly number[]): number[] {
    const u = this.unit(faceId, text);
    const k = size / 1000;
    const widths = new Array<number>(points.length + 1).fill(0);
    let offset = 0;
    let piece = 0;
    for (const g of u.glyphs) {
      while (piece < points.length && offset >= points[piece]!) piece++;
      widths[piece] = widths[piece]! + g.advance * k + tracking;
      for (const c of g.cp) offset += c > 0xffff ? 2 : 1;
    }
    return widths;
  }

  /** Number of glyphs the text shapes to (ligatures count once). */
  glyphCount(faceId: string, text: string): number {
    return this.unit(faceId, text).glyphs.length;
  }

  /** The cached shaping of `text` at 1000 units per em (scale by size / 1000): no allocation on a cache hit. */
  unit(faceId: string, text: string): Shaped {
    let perFace = this.cache.get(faceId);
    if (!perFace) {
      const font = this.face(faceId).font;
      perFace = shapedByFont.get(font);
      if (!perFace) shapedByFont.set(font, (perFace = new Map()));
      this.cache.set(faceId, perFace);
    }
    let unit = perFace.get(text);
    if (!unit) {
      const font = this.face(faceId).font;
      const run = font.layout(text);
      const k = 1000 / font.unitsPerEm;
      let width = 0;
      const glyphs = run.glyphs.map((g, i) => {
        const p = run.positions[i]!;
        width += p.xAdvance * k;
        return { id: g.id, cp: g.codePoints, advance: p.xAdvance * k, dx: p.xOffset * k, dy: p.yOffset * k };
      });
      unit = { glyphs, width };
      perFace.set(text, unit);
    }
    return unit;
  }

  metrics(faceId: string): FaceMetrics {
    const f = this.face(faceId).font;
    const u = f.unitsPerEm;
    return { ascent: f.ascent / u, capHeight: (f.capHeight || f.ascent * 0.7) / u, xHeight: (f.xHeight || f.ascent * 0.5) / u, descent: f.descent / u };
  }
}
