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

/** Joins words shaped together in one fontkit call: a noncharacter, drawn by no font. */
const SEPARATOR = '\uFFFF';

interface FontkitGlyph {
  readonly id: number;
  readonly codePoints: number[];
}
interface FontkitPosition {
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** The font has a glyph for every character of `text` (U+FFFF, the batch separator, counts as missing). */
function coversAll(font: { hasGlyphForCodePoint(cp: number): boolean }, text: string): boolean {
  let known = coverage.get(font);
  if (!known) coverage.set(font, (known = new Uint8Array(COVERAGE_KEPT)));
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp >= COVERAGE_KEPT) {
      if (!font.hasGlyphForCodePoint(cp)) return false;
      continue;
    }
    // 0: not asked yet, 1: the font has it, 2: it has not (its cmap is asked once per character, not once per word).
    let k = known[cp]!;
    if (k === 0) known[cp] = k = font.hasGlyphForCodePoint(cp) ? 1 : 2;
    if (k === 2) return false;
  }
  return true;
}

/** Characters below this (Latin, Greek, Cyrillic, punctuation and symbols) have their coverage kept per font. */
const COVERAGE_KEPT = 0x3000;
const coverage = new WeakMap<object, Uint8Array>();

/** Glyphs from..to of a fontkit glyph run as a Shaped, at 1000 units per em (`k` = 1000 / unitsPerEm). */
function shapedFrom(glyphs: readonly FontkitGlyph[], positions: readonly FontkitPosition[], from: number, to: number, k: number): Shaped {
  const out: ShapedGlyph[] = [];
  let width = 0;
  for (let i = from; i < to; i++) {
    const g = glyphs[i]!;
    const p = positions[i]!;
    width += p.xAdvance * k;
    out.push({ id: g.id, cp: g.codePoints, advance: p.xAdvance * k, dx: p.xOffset * k, dy: p.yOffset * k });
  }
  return { glyphs: out, width };
}

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
   * Widths and glyph counts of the pieces of `text` cut at `points` (UTF-16 offsets), from one shaping of the whole
   * text: each glyph counts in the piece where its characters start. Kerning across a cut is the whole word's, which
   * is what the breaker should weigh; a line that does break there is set from its own pieces.
   */
  pieces(faceId: string, text: string, size: number, tracking: number, points: readonly number[]): { widths: number[]; glyphs: number[] } {
    const u = this.unit(faceId, text);
    const k = size / 1000;
    const widths = new Array<number>(points.length + 1).fill(0);
    const glyphs = new Array<number>(points.length + 1).fill(0);
    let offset = 0;
    let piece = 0;
    const all = u.glyphs;
    for (let i = 0; i < all.length; i++) {
      const g = all[i]!;
      while (piece < points.length && offset >= points[piece]!) piece++;
      widths[piece] = widths[piece]! + g.advance * k + tracking;
      glyphs[piece] = glyphs[piece]! + 1;
      const cp = g.cp;
      for (let j = 0; j < cp.length; j++) offset += cp[j]! > 0xffff ? 2 : 1;
    }
    return { widths, glyphs };
  }

  /** The cached shaping of `text` at 1000 units per em (scale by size / 1000): no allocation on a cache hit. */
  unit(faceId: string, text: string): Shaped {
    const perFace = this.shapedIn(faceId);
    let unit = perFace.get(text);
    if (!unit) {
      const font = this.face(faceId).font;
      const run = font.layout(text);
      unit = shapedFrom(run.glyphs, run.positions, 0, run.glyphs.length, 1000 / font.unitsPerEm);
      perFace.set(text, unit);
    }
    return unit;
  }

  /**
   * Shapes the words of `texts` not yet cached in one call to fontkit, so a paragraph's new words pay its per-call
   * set-up (feature plan, script, lookups) once, not once each. The words are joined with U+FFFF, a noncharacter
   * that no font maps: it becomes .notdef (glyph 0), which no ligature, contextual lookup or kerning pair joins to a
   * letter, so each word shapes as it does alone (a test checks this on every shipped font). The result is split
   * back at glyph 0; a word with a character the font lacks (which would shape to glyph 0 too) is left out and shaped
   * alone when asked for. If the split does not give back the words, nothing is cached.
   */
  prepare(faceId: string, texts: readonly string[]): void {
    const perFace = this.shapedIn(faceId);
    const font = this.face(faceId).font;
    const todo: string[] = [];
    const seen = new Set<string>();
    for (const t of texts) {
      if (t === '' || perFace.has(t) || seen.has(t)) continue;
      seen.add(t);
      if (coversAll(font, t)) todo.push(t);
    }
    if (todo.length < 2) return;
    const run = font.layout(todo.join(SEPARATOR));
    const k = 1000 / font.unitsPerEm;
    const glyphs = run.glyphs;
    const shaped: Shaped[] = [];
    let start = 0;
    for (let i = 0; i <= glyphs.length; i++) {
      if (i < glyphs.length && glyphs[i]!.id !== 0) continue;
      if (i === start || shaped.length === todo.length) return; // an empty word or one too many: not our words
      shaped.push(shapedFrom(glyphs, run.positions, start, i, k));
      start = i + 1;
    }
    if (shaped.length !== todo.length) return;
    todo.forEach((t, i) => perFace.set(t, shaped[i]!));
  }

  /** The shaped words of a face: shared by every Shaper of the same loaded font. */
  private shapedIn(faceId: string): Map<string, Shaped> {
    // Runs of text come face by face: the last face asked for is most often the next.
    if (faceId === this.lastFace) return this.lastShaped!;
    let perFace = this.cache.get(faceId);
    if (!perFace) {
      const font = this.face(faceId).font;
      perFace = shapedByFont.get(font);
      if (!perFace) shapedByFont.set(font, (perFace = new Map()));
      this.cache.set(faceId, perFace);
    }
    this.lastFace = faceId;
    this.lastShaped = perFace;
    return perFace;
  }
  private lastFace: string | undefined;
  private lastShaped: Map<string, Shaped> | undefined;

  metrics(faceId: string): FaceMetrics {
    const f = this.face(faceId).font;
    const u = f.unitsPerEm;
    return { ascent: f.ascent / u, capHeight: (f.capHeight || f.ascent * 0.7) / u, xHeight: (f.xHeight || f.ascent * 0.5) / u, descent: f.descent / u };
  }
}
