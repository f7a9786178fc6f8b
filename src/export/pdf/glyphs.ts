// Draws glyph runs with their glyphs exactly where layout put them: one text object, one TJ per run, no re-shaping by PDFKit.
import type { GlyphRun } from '../../core/index.js';

/** The parts of PDFKit's embedded font (0.20) this writer uses: subset glyph ids, widths and ToUnicode entries. */
interface EmbeddedFont {
  readonly id: string;
  readonly font: { getGlyph(id: number): { advanceWidth: number }; glyphForCodePoint(cp: number): { id: number } };
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
  addContent(s: string | Uint8Array): unknown;
}

/**
 * Each subset glyph id as the two bytes of a literal string (Identity-H codes are 2 bytes), with the PDF's escapes
 * for parentheses, backslash and carriage return (which a literal string would read as a line feed): half the
 * size of hex, and half the work for the compressor. Made once per id.
 */
const CODE: string[] = [];
const byteOf = (b: number): string => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b));
const codeOf = (gid: number): string => CODE[gid] ?? (CODE[gid] = byteOf(gid >> 8) + byteOf(gid & 0xff));

/** A font glyph as this document's subset draws it: its code in content streams and its advance in the /W array. */
interface SubsetGlyph {
  readonly code: string;
  readonly width: number;
}

/** Per embedded font (one per document and face), its glyphs by the font's own glyph id. */
const subsetGlyphs = new WeakMap<EmbeddedFont, SubsetGlyph[]>();

/**
 * Registers a glyph in the font's subset the first time the document draws it, with its width and the characters it
 * stands for (so text extracts and searches as the copy: "fi" ligatures included).
 */
function subsetGlyph(font: EmbeddedFont, table: SubsetGlyph[], id: number, cp: readonly number[]): SubsetGlyph {
  const gid = font.subset.includeGlyph(id);
  let width = font.widths[gid];
  if (width == null) width = font.widths[gid] = font.font.getGlyph(id).advanceWidth * font.scale;
  if (font.unicode[gid] == null) font.unicode[gid] = cp;
  return (table[id] = { code: codeOf(gid), width });
}

/** The font's space glyph, drawn at every word space so that text extracts with its spaces. */
const spaceGlyphs = new WeakMap<EmbeddedFont, SubsetGlyph>();
function spaceGlyph(font: EmbeddedFont, table: SubsetGlyph[]): SubsetGlyph {
  let sg = spaceGlyphs.get(font);
  if (!sg) {
    const id = font.font.glyphForCodePoint(0x20).id;
    spaceGlyphs.set(font, (sg = table[id] ?? subsetGlyph(font, table, id, [0x20])));
  }
  return sg;
}

/** White space in a run's text that layout sets as a gap between glyphs (a word space, a no-break space). */
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x202f || c === 0x2009;

/**
 * Which glyphs of a run have a word space before them in its text (and whether the text ends with one), found by
 * walking the text and the glyphs' characters side by side. Undefined when they do not agree (layout's text and
 * glyphs always do; then nothing is added rather than a space in the wrong place).
 */
function wordSpaces(run: GlyphRun): { before: boolean[]; after: boolean } | undefined {
  const text = run.text;
  const glyphs = run.glyphs;
  const before = new Array<boolean>(glyphs.length);
  let j = 0;
  for (let i = 0; i < glyphs.length; i++) {
    let space = false;
    while (j < text.length && isSpace(text.charCodeAt(j))) (space = true), j++;
    before[i] = space && i > 0;
    const cps = glyphs[i]!.cp;
    for (let k = 0; k < cps.length; k++) {
      const cp = cps[k]!;
      if (text.codePointAt(j) !== cp) return undefined;
      j += cp > 0xffff ? 2 : 1;
    }
  }
  let after = false;
  while (j < text.length && isSpace(text.charCodeAt(j))) (after = true), j++;
  return j === text.length ? { before, after } : undefined;
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hex (any character, no escaping); `()` when empty. */
function textString(text: string): string {
  if (text === '') return '()';
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Powers of ten by number of decimals (a look-up: this runs for every glyph, mostly before the code is optimised). */
const TENS = [1, 10, 100, 1000, 10000];

/** Rounds to `places` decimals (0 to 4). */
const round = (n: number, places: number): number => {
  const f = TENS[places]!;
  return Math.round(n * f) / f;
};

/** Numbers in content streams: at most three decimals (1/1000 pt), no exponent, no "-0". */
function num(n: number, places = 3): string {
  const r = round(n, places);
  return r === 0 ? '0' : String(r);
}

/**
 * Writes `runs` — all in the font and size the caller has selected with
 * doc.font/fontSize, and in its fill colour — as one text object. Each run
 * starts with a Td move from the previous run's start; between glyphs
 * a TJ adjustment moves the pen from where the font's advance leaves it to
 * where layout placed the next glyph. Adjustments are written to 1/10 of a
 * thousandth of an em and the rounding is carried to the next glyph, so no
 * error builds up along a line (at most 0.0005 pt at 9 pt). Horizontal scaling
 * is Tz (positions are divided by it, as the PDF multiplies them back),
 * letter-spacing Tc, GPOS vertical offsets Ts; each is written only when it
 * changes, and the q/Q around the text object restores them. `gs` is an
 * operator for the graphics state inside that q/Q (overprinting black).
 */
export function drawGlyphs(doc: unknown, runs: readonly GlyphRun[], gs?: string, actualText = false): void {
  const d = doc as Doc;
  const font = d._font;
  const drawn = runs.filter((r) => r.glyphs.length > 0);
  if (drawn.length === 0) return;
  let table = subsetGlyphs.get(font);
  if (!table) subsetGlyphs.set(font, (table = []));
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const size = drawn[0]!.size;
  const perPoint = 1000 / size;
  const pageHeight = d.page.height;
  const out = content;
  out.len = 0;
  // PDFKit's page space has y down; the text object is written in PDF's y-up space, as PDFKit itself does.
  out.line('q');
  if (gs) out.line(gs);
  out.line(`1 0 0 -1 0 ${num(pageHeight)} cm`);
  out.line('BT');
  out.line(`/${font.id} ${num(size)} Tf`);
  let lineX = 0;
  let lineY = 0;
  let tz = 1;
  let tc = 0;
  let rise = 0;
  for (const run of drawn) {
    const glyphs = run.glyphs;
    // Start of the run, rounded as written, so the next Td is measured from where the PDF really is.
    const x = round(run.x + glyphs[0]!.x, 3);
    const y = round(pageHeight - run.y, 3);
    out.line(`${num(x - lineX)} ${num(y - lineY)} Td`);
    lineX = x;
    lineY = y;
    const h = run.hscale;
    if (h !== tz) out.line(`${num(h * 100)} Tz`);
    tz = h;
    // The run's uniform letter-spacing as character spacing (Tc), so the TJ array needs numbers only at word
    // spaces and kerning pairs.
    if (run.tracking !== tc) out.line(`${num(run.tracking)} Tc`);
    tc = run.tracking;
    // Where the PDF's pen is, in unscaled text space relative to the run's first glyph, points.
    let pen = 0;
    const origin = glyphs[0]!.x;
    // A word space is a real space glyph (Identity-H codes are two bytes, so Tw never applies to it), followed by
    // the adjustment to where layout put the next word: no glyph moves, however tight the line, and pdftotext,
    // pdf.js and mutool all read the space.
    const spaces = wordSpaces(run);
    const space = spaces ? spaceGlyph(font, table) : undefined;
    // The run's first glyphs in a marked-content span with their actual text (a drop cap read with its word).
    const spanEnd = actualText && run.actualText ? Math.min(run.actualText.glyphs, glyphs.length) : 0;
    if (spanEnd > 0) out.line(`/Span <</ActualText ${textString(run.actualText!.text)}>> BDC`);
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      const sg = table[g.id] ?? subsetGlyph(font, table, g.id, g.cp);
      const want = g.dy === 0 ? 0 : round(-g.dy, 3);
      if (want !== rise) {
        out.endTj();
        out.line(`${num(want)} Ts`);
        rise = want;
      }
      out.code(sg.code);
      if (i === spanEnd - 1) {
        out.endTj();
        out.line('EMC');
      }
      const next = glyphs[i + 1];
      if (!next) {
        if (spaces?.after) out.code(space!.code);
        break;
      }
      // After this glyph the pen is at its advance plus Tc (all times Tz); layout wants the next glyph at next.x.
      pen += (sg.width * size) / 1000 + tc;
      if (spaces?.before[i + 1]) {
        out.code(space!.code);
        pen += (space!.width * size) / 1000 + tc;
      }
      const adjust = round((pen - (next.x - origin) / h) * perPoint, 1);
      if (adjust !== 0) {
        out.adjust(num(adjust, 1));
        pen -= (adjust * size) / 1000;
      }
    }
    out.endTj();
  }
  out.line('ET');
  out.line('Q');
  // A copy of the bytes written (the buffer is this module's, reused for the next text object).
  d.addContent(Buffer.from(out.buf.subarray(0, out.len)));
}

/**
 * A text object's content stream as it is written, byte by byte (every character is one byte: operators, numbers and
 * the glyph codes' literal strings): no string is made for each glyph or each TJ array along the way.
 */
class ContentBytes {
  buf = new Uint8Array(1 << 16);
  len = 0;
  /** A TJ array and a string in it are open. */
  private array = false;
  private string = false;

  /** Makes room for `n` more bytes. */
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }

  private text(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  /** An operator line. */
  line(s: string): void {
    this.text(s);
    this.buf[this.len++] = 0x0a;
  }

  /** A glyph's code, in the TJ array's current string (both opened as needed). */
  code(c: string): void {
    this.room(c.length + 2);
    if (!this.array) (this.buf[this.len++] = 0x5b), (this.array = true); // [
    if (!this.string) (this.buf[this.len++] = 0x28), (this.string = true); // (
    for (let i = 0; i < c.length; i++) this.buf[this.len++] = c.charCodeAt(i);
  }

  /** An adjustment after the codes so far: it closes their string (an empty one, "()", if there were none). */
  adjust(n: string): void {
    this.room(3);
    if (!this.array) (this.buf[this.len++] = 0x5b), (this.array = true);
    if (!this.string) this.buf[this.len++] = 0x28;
    this.buf[this.len++] = 0x29; // )
    this.string = false;
    this.text(n);
  }

  /** Closes the TJ array, if one is open, with its operator. */
  endTj(): void {
    if (this.string) {
      this.room(1);
      this.buf[this.len++] = 0x29;
      this.string = false;
    }
    if (this.array) {
      this.line('] TJ');
      this.array = false;
    }
  }
}

const content = new ContentBytes();
