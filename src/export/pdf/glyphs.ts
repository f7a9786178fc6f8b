// Draws a glyph run with its glyphs exactly where layout put them: one TJ with positioning, no re-shaping by PDFKit.
import type { GlyphRun } from '../../core/index.js';

/** The parts of PDFKit's embedded font (0.20) this writer uses: subset glyph ids, widths and ToUnicode entries. */
interface EmbeddedFont {
  readonly id: string;
  readonly font: { getGlyph(id: number): { advanceWidth: number } };
  readonly subset: { includeGlyph(id: number): number };
  readonly widths: number[];
  readonly unicode: (readonly number[])[];
  readonly scale: number;
  ref(): unknown;
}

/** The parts of PDFKit's document this writer uses. */
interface Doc {
  readonly _font: EmbeddedFont;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
  addContent(s: string): unknown;
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
}

/** The four hex digits of each subset glyph id, made once. */
const HEX: string[] = [];

/** Numbers in content streams: at most three decimals (1/1000 pt), no exponent, no "-0". */
function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Writes the run as one text object. Each glyph is registered in the font subset
 * with its width and the characters it stands for (so text extracts and searches
 * as the copy: "fi" ligatures included); between glyphs a TJ adjustment moves the
 * pen from where the font's advance leaves it to where layout placed the next
 * glyph. Horizontal scaling is Tz (positions are divided by it, as the PDF
 * multiplies them back), letter-spacing Tc; GPOS vertical offsets use Ts.
 * The caller has selected the font and size (doc.font/fontSize) and the fill colour.
 */
export function drawGlyphs(doc: unknown, run: GlyphRun): void {
  const d = doc as Doc;
  const font = d._font;
  if (run.glyphs.length === 0) return;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const h = run.hscale;
  const perPoint = 1000 / run.size;
  d.save();
  // PDFKit's page space has y down; text objects are written in PDF's y-up space, as PDFKit itself does.
  d.transform(1, 0, 0, -1, 0, d.page.height);
  const parts: string[] = ['BT', `1 0 0 1 ${num(run.x + run.glyphs[0]!.x)} ${num(d.page.height - run.y)} Tm`, `/${font.id} ${num(run.size)} Tf`];
  if (h !== 1) parts.push(`${num(h * 100)} Tz`);
  // The run's uniform letter-spacing as character spacing (Tc), so the TJ array needs numbers only at word spaces
  // and kerning pairs: a third of the content stream of an adjustment after every glyph.
  const tc = run.tracking;
  if (tc !== 0) parts.push(`${num(tc)} Tc`);
  // The TJ array: runs of glyph ids as one hex string each, an adjustment between runs where the pen must move.
  let tj = '';
  let hex = '';
  let rise = 0;
  const flush = () => {
    if (hex) tj += `<${hex}>`;
    hex = '';
    if (tj) parts.push(`[${tj}] TJ`);
    tj = '';
  };
  run.glyphs.forEach((g, i) => {
    const gid = font.subset.includeGlyph(g.id);
    if (font.widths[gid] == null) font.widths[gid] = font.font.getGlyph(g.id).advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = g.cp;
    const want = -g.dy;
    if (want !== rise) {
      flush();
      parts.push(`${num(want)} Ts`);
      rise = want;
    }
    hex += HEX[gid] ?? (HEX[gid] = gid.toString(16).padStart(4, '0'));
    const next = run.glyphs[i + 1];
    if (next) {
      // After this glyph the pen is at its advance (times Tz, plus Tc); layout wants the next glyph at next.x.
      const adjust = font.widths[gid]! - ((next.x - g.x) / h - tc) * perPoint;
      if (Math.abs(adjust) > 0.0005) {
        tj += `<${hex}>${num(adjust)}`;
        hex = '';
      }
    }
  });
  flush();
  if (rise !== 0) parts.push('0 Ts');
  if (tc !== 0) parts.push('0 Tc');
  parts.push('ET');
  d.addContent(parts.join('\n'));
  d.restore();
}
