// Paragraph → boxes, glue and penalties (Knuth & Plass 1981), measured by the Shaper.
import type { Cmyk, Span } from '../../core/index.js';
import { emergencyHyphenationPoints, SOFT_HYPHEN, stripSoftHyphens, withoutSoftHyphens } from './hyphenate.js';
import type { Shaper } from './shape.js';
import { addressPoints, isAddress, letterPoints } from './word-breaks.js';

/** Text in one face, size and colour: the input of a paragraph. */
export interface StyledText {
  readonly text: string;
  readonly face: string;
  readonly size: number;
  readonly color: Cmyk;
  /** Extra space after each glyph, points. */
  readonly tracking: number;
}

/** A piece of a word in one style; a word crossing a style change has several parts. */
export interface WordPart extends StyledText {
  readonly width: number;
  /** Glyphs it shapes to (ligatures count once): font expansion spaces and scales each. */
  readonly glyphs: number;
}

export interface Box {
  readonly type: 'box';
  readonly width: number;
  /** Font expansion: how much letter-spacing and glyph scaling may widen (stretch) or narrow (shrink) the box, points. */
  readonly stretch?: number;
  readonly shrink?: number;
  readonly parts: readonly WordPart[];
}

export interface Glue {
  readonly type: 'glue';
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
  /** The style whose space this is (the word before it). */
  readonly style: StyledText;
}

export interface Penalty {
  readonly type: 'penalty';
  readonly width: number;
  readonly penalty: number;
  readonly flagged: boolean;
  /**
   * A discretionary break inside a word — a hyphenation point (its width is the hyphen), or a place where an address
   * may break (no hyphen) — which the first pass of the breaker leaves out.
   */
  readonly hyphenation?: boolean;
  /** Set on every break inside a word wider than the measure: how it breaks, for the report. The limit on hyphens in a row does not apply to it. */
  readonly emergency?: EmergencyBreak;
  /** Stretch a line ending here gains, points: a break inside a word in ragged text takes the rag a word space would give. */
  readonly stretch?: number;
}

/**
 * The means by which a word wider than its measure is broken, in the order the breaker prefers them
 * (docs/composer.md, "Words wider than the measure"): its hyphenation points with the usual limits waived, an
 * address's own break points (no hyphen), a compound's own hyphen, and as the last resort between any two letters.
 */
export type EmergencyMeans = 'hyphenation' | 'address' | 'compound' | 'letter';

export interface EmergencyBreak {
  readonly means: EmergencyMeans;
  /** The whole word, as it stands between spaces in the copy (soft hyphens left out). */
  readonly word: string;
  /** Where in `word` the break falls: after `word.slice(0, at)` (UTF-16 offset). */
  readonly at: number;
}

export type Item = Box | Glue | Penalty;

/** A penalty that forces a break (end of paragraph). */
export const FORCED = -10000;
/** A penalty that forbids a break. */
export const FORBIDDEN = 10000;
/** TeX's \exhyphenpenalty default: a break after an explicit hyphen or dash in a word. */
const EXPLICIT_HYPHEN_PENALTY = 50;
/** TeX's \hyphenpenalty default: a break at a discretionary hyphen. */
const HYPHEN_PENALTY = 50;
/**
 * A break inside a web or e-mail address too wide for its measure: twice a hyphen's, since the reader must put the
 * address back together, so the breaker spends as few of them as the address allows.
 */
const ADDRESS_PENALTY = 100;
/**
 * A break between two letters of a word too wide for its measure that has no hyphenation point where one is needed:
 * a fault. 1000² = 10⁶ demerits, more than any line of ordinary badness costs, so the breaker takes it only where no
 * hyphenation point, address break or compound hyphen will do (but it is below FORBIDDEN: it is always possible).
 */
const LETTER_PENALTY = 1000;

/** Break points inside a word (character offsets; a hyphen goes after word.slice(0, offset)). Injected: items know no language. */
export type Hyphenator = (word: string) => readonly number[];

/** Font expansion limits: letter-spacing per glyph and horizontal glyph scaling, each in both directions. */
export interface Expansion {
  /** Most letter-spacing added or removed after each glyph, points (newspaper body: 0.3 pt). */
  readonly letterSpacing: number;
  /** Most horizontal glyph scaling, as a fraction (0.02: 98–102 %). */
  readonly scaling: number;
}

export interface ItemOptions {
  /** First-line indent, points. */
  readonly indent: number;
  /** Word space as fractions of the font's space. */
  readonly wordSpace: { readonly min: number; readonly natural: number; readonly max: number };
  /** Ragged lines: glue gets a large stretch at line ends instead of justification (TeX's \raggedright). */
  readonly ragged: boolean;
  /**
   * Ragged lines balanced, the last one too (headlines): the paragraph's last line gets the rag stretch of the others
   * instead of an infinite one, so a last line of one short word costs as a short line anywhere would.
   */
  readonly balance?: boolean;
  /** Hyphenation, or none. */
  readonly hyphenate?: Hyphenator;
  /** Penalty of a break at a discretionary hyphen (TeX \hyphenpenalty, 50). */
  readonly hyphenPenalty?: number;
  /** Penalty of a break after an explicit hyphen or dash inside a word (TeX \exhyphenpenalty, 50). */
  readonly exHyphenPenalty?: number;
  /** Font expansion limits, or none (off). */
  readonly expansion?: Expansion;
  /**
   * The measure, points: a word wider than this gets the emergency breaks (EmergencyMeans), so that no line need be
   * wider than its measure. Unset: words are never broken beyond their hyphenation points.
   */
  readonly measure?: number;
  readonly src?: Span;
}

/** A word is split after these when they sit between letters or digits: breaks at explicit hyphens and dashes. */
const BREAK_AFTER = /(?<=[\p{L}\p{N}][-‐–—/])(?=[\p{L}\p{N}])/u;
const HAS_DASH = /[-‐–—/]/;

/** A word's pieces between its explicit hyphens and dashes (most words have none: no look-behind split for them). */
const chunksOf = (word: string): string[] => (HAS_DASH.test(word) ? word.split(BREAK_AFTER) : [word]);

/**
 * Turns styled text into items. Spaces (any run of white space) become glue with
 * the word space of the style before them; explicit hyphens and dashes inside
 * words become flagged break points. The paragraph ends with infinite-stretch glue
 * and a forced break, as in TeX.
 */
export function paragraphItems(runs: readonly StyledText[], shaper: Shaper, opts: ItemOptions): Item[] {
  const items: Item[] = [];
  if (opts.indent > 0) items.push({ type: 'box', width: opts.indent, parts: [] });
  let parts: WordPart[] = [];
  let lastStyle: StyledText | undefined;
  // `wordEnd`: the box ends its word (a space or the paragraph's end follows), not a piece before a break point.
  const flushWord = (wordEnd: boolean) => {
    if (parts.length === 0) return;
    items.push(boxOf(parts, wordEnd, opts));
    parts = [];
  };
  // Explicit literals, not spreads: this runs for every piece of every word.
  const pieceOf = (style: StyledText, text: string, width: number, glyphs: number): WordPart => ({
    text,
    face: style.face,
    size: style.size,
    color: style.color,
    tracking: style.tracking,
    width,
    glyphs,
  });
  const part = (style: StyledText, text: string): WordPart => {
    const u = shaper.unit(style.face, text);
    return pieceOf(style, text, (u.width * style.size) / 1000 + style.tracking * u.glyphs.length, u.glyphs.length);
  };
  // The hyphen and the space of a run are measured once, not for every break.
  let hyphenFor: StyledText | undefined;
  let hyphenWidth = 0;
  const hyphen = (style: StyledText) => (hyphenFor === style ? hyphenWidth : ((hyphenFor = style), (hyphenWidth = measure(shaper, style, '-'))));
  // The paragraph's new words are shaped together, face by face (one call to the shaper each, not one per word).
  // A run met again (the breaker's second pass over the same paragraph) is split and shaped already.
  const byFace = new Map<string, string[]>();
  const piecesOf = runs.map((run) => {
    let pieces = shapedRuns.get(run);
    if (!pieces) shapedRuns.set(run, (pieces = wordsToShape(run, byFace)));
    return pieces;
  });
  for (const [face, words] of byFace) shaper.prepare(face, words);
  // The break points of a piece of a word at `points`, each followed by the penalty `penaltyAt(k)`.
  const addPieces = (run: StyledText, text: string, points: readonly number[], penaltyAt: (k: number) => Penalty) => {
    if (points.length === 0) {
      parts.push(part(run, text));
      return;
    }
    // The word is shaped once, whole (as it is set when it does not break); its pieces take their glyphs' widths.
    const measured = shaper.pieces(run.face, text, run.size, run.tracking, points);
    let from = 0;
    for (let k = 0; k < points.length; k++) {
      const at = points[k]!;
      parts.push(pieceOf(run, text.slice(from, at), measured.widths[k]!, measured.glyphs[k]!));
      flushWord(false);
      items.push(penaltyAt(k));
      from = at;
    }
    parts.push(pieceOf(run, text.slice(from), measured.widths[points.length]!, measured.glyphs[points.length]!));
  };
  // A break inside a word in ragged text gains the rag a word space would give its line.
  const ragOf = (run: StyledText) => (opts.ragged ? { stretch: RAG_EMS * run.size } : {});
  // The common case, shaped once: a plain word (no explicit hyphen or dash, soft hyphen or address) without
  // hyphenation points (none asked for, as in the breaker's first pass, or none found), not too wide for the measure.
  const plainPart = (run: StyledText, piece: string): WordPart | undefined => {
    if (HAS_DASH.test(piece) || piece.includes(SOFT_HYPHEN) || isAddress(piece) || (opts.hyphenate && opts.hyphenate(piece).length > 0)) return undefined;
    const u = shaper.unit(run.face, piece);
    const glyphs = u.glyphs.length;
    const width = (u.width * run.size) / 1000 + run.tracking * glyphs;
    if (opts.measure !== undefined && tightest(width, glyphs, opts.ragged ? undefined : opts.expansion) > opts.measure) return undefined;
    return pieceOf(run, piece, width, glyphs);
  };
  // A word between spaces: a plain word, or one that is not (addBrokenWord).
  const addWord = (run: StyledText, piece: string) => {
    const plain = plainPart(run, piece);
    if (plain) parts.push(plain);
    else addBrokenWord(run, piece);
  };
  // A word that is not plain: an address, or pieces between explicit hyphens and dashes with their hyphenation points.
  const addBrokenWord = (run: StyledText, piece: string) => {
    const wide = opts.measure !== undefined && tightestWidth(shaper, run, piece, opts.ragged ? undefined : opts.expansion) > opts.measure;
    if (isAddress(piece)) {
      addAddress(run, piece, wide);
      return;
    }
    const chunks = chunksOf(piece);
    const whole = withoutSoftHyphens(piece);
    let start = 0; // where the chunk starts in `whole`
    chunks.forEach((raw, i) => {
      // Soft hyphens in the copy are the only breaks of their word; otherwise the hyphenator's, and only in words
      // without an explicit hyphen (a compound breaks at its own hyphen).
      const soft = stripSoftHyphens(raw);
      const chunk = soft.text;
      const points = soft.points.length > 0 ? soft.points : chunks.length === 1 && opts.hyphenate ? opts.hyphenate(chunk) : [];
      if (wide && measure(shaper, run, chunk) > opts.measure! - hyphen(run)) {
        // Too wide even between its hyphens: the emergency means, from hyphenation points to letter by letter.
        const em = emergencyPoints(shaper, run, chunk, points, opts.measure! - hyphen(run));
        addPieces(run, chunk, em.points, (k) => {
          const letter = em.letters.has(em.points[k]!);
          return { type: 'penalty', width: hyphen(run), penalty: letter ? LETTER_PENALTY : (opts.hyphenPenalty ?? HYPHEN_PENALTY), flagged: true, hyphenation: true, emergency: { means: letter ? 'letter' : 'hyphenation', word: whole, at: start + em.points[k]! }, ...ragOf(run) };
        });
      } else {
        addPieces(run, chunk, points, () => ({ type: 'penalty', width: hyphen(run), penalty: opts.hyphenPenalty ?? HYPHEN_PENALTY, flagged: true, hyphenation: true }));
      }
      start += chunk.length;
      if (i < chunks.length - 1) {
        flushWord(false);
        const compound: Penalty = { type: 'penalty', width: 0, penalty: opts.exHyphenPenalty ?? EXPLICIT_HYPHEN_PENALTY, flagged: true };
        items.push(wide ? { ...compound, emergency: { means: 'compound', word: whole, at: start }, ...ragOf(run) } : compound);
      }
    });
  };
  // An address is never broken while it fits the measure. One wider than the measure breaks at its own break points
  // (Chicago style), never with a hyphen added; a part of it still wider than the measure breaks between any two
  // characters, again without a hyphen.
  const addAddress = (run: StyledText, piece: string, wide: boolean) => {
    const text = withoutSoftHyphens(piece);
    if (!wide) {
      parts.push(part(run, text));
      return;
    }
    let points = addressPoints(text);
    const widths = points.length > 0 ? shaper.pieces(run.face, text, run.size, run.tracking, points).widths : [measure(shaper, run, text)];
    const letters = new Set(widths.flatMap((w, k) => (w > opts.measure! ? letterPoints(text, k === 0 ? 0 : points[k - 1]!, k < points.length ? points[k]! : text.length, false) : [])));
    points = [...points, ...letters].sort((a, b) => a - b);
    addPieces(run, text, points, (k) => {
      const letter = letters.has(points[k]!);
      return { type: 'penalty', width: 0, penalty: letter ? LETTER_PENALTY : ADDRESS_PENALTY, flagged: false, hyphenation: true, emergency: { means: letter ? 'letter' : 'address', word: text, at: points[k]! }, ...ragOf(run) };
    });
  };
  const spaces = new Map<StyledText, Item[]>();
  runs.forEach((run, r) => {
    const pieces = piecesOf[r]!;
    const boxes = wordBoxes(shaper, run, opts);
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      if (piece === '') continue;
      // A plain word between spaces is its own box (a word at a run's end may go on in the next run's style): the
      // same box for every occurrence of the word in this style, made once.
      if (k % 2 === 0 && k + 1 < pieces.length && parts.length === 0) {
        let box = boxes.get(piece);
        if (box === undefined) {
          const plain = plainPart(run, piece);
          if (plain) boxes.set(piece, (box = boxOf([plain], true, opts)));
        } else if (opts.hyphenate && opts.hyphenate(piece).length > 0) {
          box = undefined; // this pass breaks it at its hyphenation points
        }
        if (box) items.push(box);
        else addBrokenWord(run, piece); // not plain: plainPart has said so
        lastStyle = run;
        continue;
      }
      // Words at even places, the white space between them at odd ones (wordsAndSpaces).
      if (k % 2 === 1) {
        flushWord(true);
        const style = lastStyle ?? run;
        const last = items[items.length - 1];
        if (last && last.type === 'box') {
          // The items of a space depend on its style alone, and items are never changed: made once a style.
          let space = spaces.get(style);
          if (!space) spaces.set(style, (space = spaceItems(shaper, style, opts)));
          for (let j = 0; j < space.length; j++) items.push(space[j]!);
        }
        continue;
      }
      addWord(run, piece);
      lastStyle = run;
    }
  });
  flushWord(true);
  // Trailing spaces (and a ragged space's break) end nothing: drop them.
  while (items.length > 0 && items[items.length - 1]!.type !== 'box') items.pop();
  items.push({ type: 'penalty', width: 0, penalty: FORBIDDEN, flagged: false });
  const end = lastStyle ?? runs[0]!;
  items.push({ type: 'glue', width: 0, stretch: opts.ragged && opts.balance ? RAG_EMS * end.size : 1e6, shrink: 0, style: end });
  items.push({ type: 'penalty', width: 0, penalty: FORCED, flagged: false });
  return items;
}

/**
 * The box of a word made of `parts`, ending its word (`wordEnd`: a space or the paragraph's end follows) or a piece
 * before a break point inside it.
 */
function boxOf(parts: WordPart[], wordEnd: boolean, opts: ItemOptions): Box {
  let width = 0;
  let glyphCount = 0;
  for (let k = 0; k < parts.length; k++) {
    width += parts[k]!.width;
    glyphCount += parts[k]!.glyphs;
  }
  const x = opts.expansion;
  if (!x || opts.ragged) return { type: 'box', width, parts };
  // Expansion can widen or narrow each gap between letters by the letter-spacing limit and each glyph by the
  // scaling limit. Letter-spacing stops at the word's end: a word space is only ever its glue (set-lines.ts).
  const glyphs = glyphCount - (wordEnd ? 1 : 0);
  const spacing = Math.max(0, glyphs) * x.letterSpacing;
  // Scaling also narrows the letter-spacing it is applied to, so a box at its tightest is width − spacing −
  // width·scaling + spacing·scaling: the shrink is that much less than the stretch (set-lines.ts widthAt), and
  // a line the breaker takes at its tightest is one that really fits with its spaces at their minimum.
  return { type: 'box', width, stretch: spacing + width * x.scaling, shrink: spacing * (1 - x.scaling) + width * x.scaling, parts };
}

/**
 * Boxes of whole plain words, per shaper, by everything that makes them: the style, and the options that size a box
 * (expansion, ragged or not, the measure a word must fit). Items are never changed, so one box serves every
 * occurrence of a word in a style: common words ("the", "said", a name in the story) are measured and made once.
 */
const boxCache = new WeakMap<Shaper, Map<string, Map<string, Box>>>();
/** Words kept per style before its boxes are dropped and made again: bounds a long-running preview. */
const BOXES_KEPT = 100_000;

function wordBoxes(shaper: Shaper, run: StyledText, opts: ItemOptions): Map<string, Box> {
  let byStyle = boxCache.get(shaper);
  if (!byStyle) boxCache.set(shaper, (byStyle = new Map()));
  const x = opts.ragged ? undefined : opts.expansion;
  const key = `${run.face}\u0000${run.size}\u0000${run.tracking}\u0000${run.color.join(',')}\u0000${opts.ragged ? 'r' : 'j'}\u0000${x ? `${x.letterSpacing},${x.scaling}` : ''}\u0000${opts.measure ?? ''}`;
  let boxes = byStyle.get(key);
  if (!boxes || boxes.size >= BOXES_KEPT) byStyle.set(key, (boxes = new Map()));
  return boxes;
}

/**
 * Runs already split into words and spaces, and their words shaped, by run: a paragraph the breaker's first pass
 * cannot set has its items made again, with its hyphenation points, from the same runs. (Shaping ahead is only a
 * saving: a word not yet shaped is shaped when it is measured.)
 */
const shapedRuns = new WeakMap<StyledText, string[]>();

/**
 * The words and spaces of a run (wordsAndSpaces), and its words as the shaper measures them (pieces between explicit
 * hyphens, soft hyphens left out) added to `byFace` under the run's face, for one call to Shaper.prepare a face.
 * (One call for a whole story is no faster: fontkit's time grows with the text it is given.)
 */
function wordsToShape(run: StyledText, byFace: Map<string, string[]>): string[] {
  const pieces = wordsAndSpaces(run.text);
  let words = byFace.get(run.face);
  if (!words) byFace.set(run.face, (words = [' ', '-']));
  for (let k = 0; k < pieces.length; k += 2) {
    const piece = pieces[k]!;
    if (piece === '') continue;
    if (!HAS_DASH.test(piece) && !piece.includes(SOFT_HYPHEN)) words.push(piece);
    else for (const chunk of chunksOf(piece)) words.push(withoutSoftHyphens(chunk));
  }
  return pieces;
}

/** JavaScript's white space (what `\s` matches): a run of it between words is one word space. */
function isWhite(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text` as `text.split(/(\s+)/u)` gives it: words at even places (empty at either end when the text starts or ends
 * with white space) and the runs of white space between them at odd places; written out, as it runs for every
 * paragraph.
 */
function wordsAndSpaces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isWhite(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWhite(text.charCodeAt(j))) j++;
    out.push(text.slice(start, i), text.slice(i, j));
    start = i = j;
  }
  out.push(text.slice(start));
  return out;
}

function measure(shaper: Shaper, s: StyledText, text: string): number {
  return shaper.trackedWidth(s.face, text, s.size, s.tracking);
}

/**
 * The narrowest a word can be set on a line of its own: its natural width (the sum of its pieces between explicit
 * hyphens, soft hyphens left out) less half of what font expansion can take from it — all that the breaker counts on
 * for a line without spaces (break-lines.ts). A word wider than the measure even so must break.
 */
function tightestWidth(shaper: Shaper, s: StyledText, word: string, expansion: Expansion | undefined): number {
  let w = 0;
  let glyphs = 0;
  const chunks = chunksOf(word);
  for (let k = 0; k < chunks.length; k++) {
    const u = shaper.unit(s.face, withoutSoftHyphens(chunks[k]!));
    w += (u.width * s.size) / 1000 + s.tracking * u.glyphs.length;
    glyphs += u.glyphs.length;
  }
  return tightest(w, glyphs, expansion);
}

/** The narrowest a word of natural width `w` and `glyphs` glyphs can be set (tightestWidth). */
function tightest(w: number, glyphs: number, expansion: Expansion | undefined): number {
  return expansion ? w - 0.5 * (Math.max(0, glyphs - 1) * expansion.letterSpacing + w * expansion.scaling) : w;
}

/**
 * Break points of a piece of a word wider than `limit` (the measure less a hyphen): its own points (soft hyphens or
 * the style's hyphenation), the en-GB patterns with the usual limits waived, and, in any stretch between those still
 * wider than the limit, every place between two letters (`letters`: the last resort, a fault in the report).
 */
function emergencyPoints(shaper: Shaper, s: StyledText, text: string, own: readonly number[], limit: number): { points: number[]; letters: ReadonlySet<number> } {
  const points = [...new Set([...own, ...emergencyHyphenationPoints(text)])].sort((a, b) => a - b);
  const widths = points.length > 0 ? shaper.pieces(s.face, text, s.size, s.tracking, points).widths : [measure(shaper, s, text)];
  const letters = new Set(widths.flatMap((w, k) => (w > limit ? letterPoints(text, k === 0 ? 0 : points[k - 1]!, k < points.length ? points[k]! : text.length, true) : [])));
  if (letters.size === 0) return { points, letters };
  return { points: [...points, ...letters].sort((a, b) => a - b), letters };
}

/** Line-end stretch of ragged text, in ems of the type: how much raggedness one unit of badness buys. */
const RAG_EMS = 3;

/**
 * A word space. Justified: glue that stretches and shrinks by the style's word-space limits.
 * Ragged: Knuth and Plass's ragged-right construction — stretchable glue that only a
 * line end keeps, a break, then the fixed space with the stretch taken back — so the
 * breaker evens out the lines' lengths instead of seeing every ragged line as infinitely bad.
 */
function spaceItems(shaper: Shaper, style: StyledText, opts: ItemOptions): Item[] {
  const space = shaper.width(style.face, ' ', style.size) + style.tracking;
  const ws = opts.wordSpace;
  if (opts.ragged) {
    const rag = RAG_EMS * style.size;
    return [
      { type: 'glue', width: 0, stretch: rag, shrink: 0, style },
      { type: 'penalty', width: 0, penalty: 0, flagged: false },
      { type: 'glue', width: space, stretch: -rag, shrink: 0, style },
    ];
  }
  // Never narrower than MIN_SPACE_EMS, whatever the style's limits: from the last glyph's advance to the next, the
  // style's own tracking counted (set-lines.ts sets the gap at the glue's width plus that tracking).
  const floor = MIN_SPACE_EMS * style.size - Math.min(0, style.tracking);
  const shrink = Math.max(0, Math.min(space * (ws.natural - ws.min), space * ws.natural - floor));
  return [{ type: 'glue', width: space * ws.natural, stretch: space * (ws.max - ws.natural), shrink, style }];
}

/**
 * The narrowest word space, in ems of the type. Narrower reads as no space at all, to the eye and to text extraction
 * (poppler's `pdftotext -raw` joins words closer than 0.15 em, whatever the PDF says between them), so no style's
 * word-space minimum may take a space below it.
 */
export const MIN_SPACE_EMS = 0.16;
