// Broken lines → positioned glyph runs, justified (spaces plus optional font expansion), drawn exactly as PDFKit will draw them.
import type { Align, PlacedGlyph } from '../../core/index.js';
import type { Break } from './break-lines.js';
import { FORCED, type EmergencyBreak, type Expansion, type Item, type StyledText, type WordPart } from './items.js';
import type { Shaper } from './shape.js';

/** A run of a set line, x relative to the line's start. */
export interface LineRun {
  readonly x: number;
  /** The style, with `tracking` including any letter-spacing expansion. */
  readonly style: StyledText;
  readonly text: string;
  readonly glyphs: readonly PlacedGlyph[];
  /** Ink extent: the advance without the character spacing after the last glyph. */
  readonly width: number;
  readonly wordSpacing: number;
  /** Horizontal glyph scaling, 1 = 100 %. */
  readonly hscale: number;
}

export interface SetLine {
  readonly runs: readonly LineRun[];
  /** The measure the line was set to. */
  readonly measure: number;
  /** Width actually occupied. */
  readonly width: number;
  /** Word spaces as set ÷ natural word spaces: what a reader sees (1 for unjustified lines). */
  readonly spaceRatio: number;
  /** The same if all the line's adjustment had gone into its spaces (expansion counted as space): depends on the breaks alone. */
  readonly spaceRatioEq: number;
  /** Letter-spacing added to every glyph, points (negative: tightened). */
  readonly letterSpacing: number;
  /** Horizontal glyph scaling, 1 = 100 %. */
  readonly hscale: number;
  /** How far the line sticks out past the measure, points (0 when it fits). */
  readonly overfull: number;
  /** The line ends with a hyphen the breaker chose (a discretionary or explicit hyphen). */
  readonly hyphenated: boolean;
  /** The line ends inside a word too wide for the measure: how that word was broken (the report names each one). */
  readonly emergency?: EmergencyBreak;
  /**
   * The line ends inside a word that goes on at the start of the next line (at a hyphenation point, after the copy's
   * own hyphen, or inside an address): the whole word, and whether the breaker added a hyphen at the end of this line.
   */
  readonly breaksWord?: { readonly word: string; readonly hyphen: boolean };
  /** The line starts with the rest of a word begun on the line before: the whole word. */
  readonly finishesWord?: string;
  readonly last: boolean;
  readonly text: string;
}

const sameStyle = (a: StyledText, b: StyledText) =>
  a.face === b.face && a.size === b.size && a.tracking === b.tracking && (a.color === b.color || a.color.every((v, i) => v === b.color[i]));

/**
 * Places the glyphs of `text` the way PDFKit's text operator does with the given
 * word spacing, the style's character spacing and horizontal scaling `hscale`:
 * with word spacing, each word is shaped alone and the gap after it is
 * space + wordSpacing + tracking; without, the text is shaped in pieces that end
 * at each space. Horizontal scaling scales every displacement (PDF's Tz).
 */
export function placeRun(shaper: Shaper, style: StyledText, text: string, wordSpacing: number, hscale = 1): { glyphs: PlacedGlyph[]; width: number } {
  if (wordSpacing !== 0) return placeWords(shaper, style, text.trim().split(/\s+/), wordSpacing, hscale);
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const piece of text.match(/[^ \t]*[ \t]?/g) ?? []) if (piece) pen = emitGlyphs(shaper, style, piece, pen, hscale, glyphs);
  return { glyphs, width: pen * hscale };
}

/** As placeRun with word spacing, for text already split into words: each word shaped alone, gaps of space + wordSpacing + tracking. */
function placeWords(shaper: Shaper, style: StyledText, words: readonly string[], wordSpacing: number, hscale: number): { glyphs: PlacedGlyph[]; width: number } {
  const glyphs: PlacedGlyph[] = [];
  const space = shaper.width(style.face, ' ', style.size) + style.tracking + wordSpacing;
  let pen = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) pen += space;
    pen = emitGlyphs(shaper, style, words[i]!, pen, hscale, glyphs);
  }
  return { glyphs, width: pen * hscale };
}

/** Appends the glyphs of `piece` at pen position `pen` (unscaled points); returns the pen after them. */
function emitGlyphs(shaper: Shaper, style: StyledText, piece: string, pen: number, hscale: number, out: PlacedGlyph[]): number {
  const k = style.size / 1000;
  const tracking = style.tracking;
  const shaped = shaper.unit(style.face, piece).glyphs;
  for (let i = 0; i < shaped.length; i++) {
    const g = shaped[i]!;
    // A glyph with no vertical offset gets 0, not −0 (−0 × k): a small integer, which needs no number object of its own.
    out.push({ id: g.id, x: (pen + g.dx * k) * hscale, dy: g.dy === 0 ? 0 : -g.dy * k, cp: g.cp });
    pen += g.advance * k + tracking;
  }
  return pen;
}

interface Word {
  parts: WordPart[];
}

/** A word space of the line: the glue item itself (width is its natural width). */
interface Gap {
  readonly width: number;
  readonly stretch: number;
  readonly shrink: number;
}

/** Words of one line (boxes joined where no glue separates them), the gaps between them and the line's expansion room. */
function lineWords(items: readonly Item[], from: number, to: number): { words: Word[]; gaps: Gap[]; flex: { stretch: number; shrink: number } } {
  const words: Word[] = [];
  const gaps: Gap[] = [];
  const flex = { stretch: 0, shrink: 0 };
  let current: Word | undefined;
  let pendingGap: Gap | undefined;
  // The part being built: pieces of one style are joined into one part, made once when the style or word changes.
  let part: WordPart | undefined;
  let text = '';
  let width = 0;
  let glyphs = 0;
  const endPart = () => {
    if (part) current!.parts.push(text === part.text ? part : { text, face: part.face, size: part.size, color: part.color, tracking: part.tracking, width, glyphs });
    part = undefined;
  };
  let i = from;
  // Glue and penalties at the start of a line are discarded (the break took them).
  while (i < to && items[i]!.type !== 'box') i++;
  for (; i < to; i++) {
    const it = items[i]!;
    if (it.type === 'box') {
      flex.stretch += it.stretch ?? 0;
      flex.shrink += it.shrink ?? 0;
      if (!current || pendingGap) {
        endPart();
        if (current && pendingGap) gaps.push(pendingGap);
        current = { parts: [] };
        words.push(current);
        pendingGap = undefined;
      }
      for (const p of it.parts) {
        if (part && sameStyle(part, p)) {
          text += p.text;
          width += p.width;
          glyphs += p.glyphs;
        } else {
          endPart();
          part = p;
          text = p.text;
          width = p.width;
          glyphs = p.glyphs;
        }
      }
      if (it.parts.length === 0) {
        endPart();
        current.parts.push({ text: '', face: '', size: 0, color: [0, 0, 0, 0], tracking: 0, width: it.width, glyphs: 0 });
      }
    } else if (it.type === 'glue' && current && it.stretch < 1e5) {
      pendingGap = it;
    }
  }
  const end = items[to];
  if (end && end.type === 'penalty' && end.width > 0 && part) text += '-';
  if (current) endPart();
  return { words, gaps, flex };
}

export interface SetOptions {
  readonly align: Align;
  /** Font expansion limits used when justifying, or none. */
  readonly expansion?: Expansion;
}

/**
 * Sets each broken line. A justified line (all but a paragraph's last) takes
 * its slack in the same ratio from its spaces and, with expansion, from
 * letter-spacing and glyph scaling (expansion capped at its limits, spaces
 * taking the rest); glyphs are placed with placeRun so the PDF draws exactly
 * these positions.
 */
export function setLines(items: readonly Item[], breaks: readonly Break[], lineWidth: (line: number) => number, opts: SetOptions | Align, shaper: Shaper): SetLine[] {
  const { align, expansion } = typeof opts === 'string' ? { align: opts, expansion: undefined } : opts;
  const lines: SetLine[] = [];
  // Each line's words and how it ends, for the words broken across lines (brokenWords, below).
  const ends: LineEnds[] = [];
  let from = 0;
  for (let n = 0; n < breaks.length; n++) {
    const br = breaks[n]!;
    const measure = lineWidth(n);
    const { words, gaps, flex } = lineWords(items, from, br.position);
    const endItem = items[br.position];
    const hyphenated = !!endItem && endItem.type === 'penalty' && endItem.flagged && words.length > 0;
    // Inside a word: a hyphenation point or address break (`hyphenation`), or after a compound's own hyphen (flagged,
    // no width). A ragged line's break at a space is a penalty too, but neither flagged nor a hyphenation point.
    const inWord = !!endItem && endItem.type === 'penalty' && (endItem.flagged || !!endItem.hyphenation) && endItem.penalty > FORCED && words.length > 0;
    const texts: string[] = [];
    for (let k = 0; k < words.length; k++) {
      const ps = words[k]!.parts;
      let t = ps.length > 0 ? ps[0]!.text : '';
      for (let j = 1; j < ps.length; j++) t += ps[j]!.text;
      texts.push(t);
    }
    ends.push({ texts, inWord, hyphen: inWord && endItem.type === 'penalty' && endItem.width > 0 });
    const emergency = endItem && endItem.type === 'penalty' ? endItem.emergency : undefined;
    from = br.position + 1;
    const last = n === breaks.length - 1;
    let naturalGaps = 0;
    let gapStretch = 0;
    let gapShrink = 0;
    let minimumGaps = 0;
    for (let k = 0; k < gaps.length; k++) {
      const g = gaps[k]!;
      naturalGaps += g.width;
      gapStretch += g.stretch;
      gapShrink += g.shrink;
      minimumGaps = minimumGaps + g.width - g.shrink;
    }
    // Each word once: its natural width (with its style's tracking) and its glyph count, for the expansion below.
    let natural = 0;
    let glyphCount = 0;
    let indents = 0;
    // Words with glyphs: letter-spacing expansion falls between a word's letters, not after its last (a word space
    // is its glue alone, so it never drops below the style's minimum however tight the letters are set).
    let wordEnds = 0;
    // The last part with glyphs: its tracking after the line's last glyph is not ink (widthAt, below).
    let lastPart: WordPart | undefined;
    for (let k = 0; k < words.length; k++) {
      const ps = words[k]!.parts;
      let faced = false;
      for (let j = 0; j < ps.length; j++) {
        const p = ps[j]!;
        if (!p.face) {
          indents += p.width;
          continue;
        }
        faced = true;
        if (k === words.length - 1) lastPart = p;
        const u = shaper.unit(p.face, p.text);
        const g = u.glyphs.length;
        natural += (u.width * p.size) / 1000 + p.tracking * g;
        glyphCount += g;
      }
      if (faced) wordEnds++;
    }
    natural += indents;
    const slack = measure - natural - naturalGaps;
    // Justified lines take up their slack; a paragraph's last line only shrinks, when it would not fit otherwise (as in TeX).
    const justify = align === 'justify' && (!last || slack < 0);
    // 1. How far the line must stretch or shrink, as a ratio of all it can give (spaces and expansion).
    const room = slack >= 0 ? gapStretch + flex.stretch : gapShrink + flex.shrink;
    const r = justify && room > 0 ? Math.max(slack / room, -1) : 0;
    // 2. Expansion takes its share, capped at its limits.
    let e = justify && expansion ? Math.max(-1, Math.min(1, r)) : 0;
    // The style's character spacing follows every glyph, the line's last one too; that last bit is not ink, so the
    // measure is filled to the last glyph's advance. Letter-spacing expansion follows every glyph but a word's last.
    const lastTracking = lastPart ? lastPart.tracking : undefined;
    const widthAt = (x: number) => expandedWidth(x, expansion, natural, indents, glyphCount - wordEnds, lastTracking);
    // A line without spaces (a piece of a word too wide for the measure) has nothing to take up expansion's small
    // non-linearity: find the expansion that fills it exactly (width grows with e), or as near as the limits allow.
    if (gaps.length === 0 && e !== 0 && widthAt(e) > measure) {
      let lo = -1;
      let hi = e;
      if (widthAt(lo) > measure) hi = lo;
      for (let k = 0; k < 40 && hi - lo > 1e-9; k++) {
        const mid = (lo + hi) / 2;
        if (widthAt(mid) <= measure) lo = mid;
        else hi = mid;
      }
      e = lo;
    }
    const letterSpacing = e * (expansion?.letterSpacing ?? 0);
    const hscale = 1 + e * (expansion?.scaling ?? 0);
    const wordsWidth = widthAt(e);
    // 3. The spaces take the rest, all in the same proportion to their natural width.
    const gapWidths = new Array<number>(gaps.length);
    // A line the breaker found feasible fills the measure exactly (expansion's small non-linearity included);
    // an overfull one (the breaker's last resort) keeps its spaces at their minimum and sticks out.
    const spread = justify && gaps.length > 0;
    const total = spread ? (br.ratio >= -1 ? Math.max(measure - wordsWidth, minimumGaps - 0.5) : Math.max(measure - wordsWidth, minimumGaps)) : 0;
    let gapSum = 0;
    for (let k = 0; k < gaps.length; k++) {
      const w = !spread ? gaps[k]!.width : naturalGaps > 0 ? (gaps[k]!.width * total) / naturalGaps : total / gaps.length;
      gapWidths[k] = w;
      gapSum += w;
    }
    const spaceRatio = justify && naturalGaps > 0 ? gapSum / naturalGaps : 1;
    const spaceRatioEq = justify && !last && naturalGaps > 0 ? (measure - natural) / naturalGaps : spaceRatio;
    const used = wordsWidth + gapSum;
    const offset = align === 'right' ? measure - used : align === 'center' ? (measure - used) / 2 : 0;
    const line: Mutable<SetLine> = {
      runs: buildRuns(words, gapWidths, offset, letterSpacing, hscale, shaper),
      measure,
      width: used,
      spaceRatio,
      spaceRatioEq,
      letterSpacing,
      hscale,
      overfull: Math.max(0, used - measure - 0.01),
      hyphenated,
      last,
      text: texts.join(' '),
    };
    if (emergency) line.emergency = emergency;
    lines.push(line);
  }
  return brokenWords(lines, ends);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The width of a line's words with expansion `x` (−1…1 of its limits): letter-spacing between the letters of each
 * word (`gaps` places), everything scaled, indents not; less the style's tracking after the last glyph, which is
 * not ink.
 */
function expandedWidth(x: number, expansion: Expansion | undefined, natural: number, indents: number, gaps: number, lastTracking: number | undefined): number {
  const ls = x * (expansion?.letterSpacing ?? 0);
  const h = 1 + x * (expansion?.scaling ?? 0);
  return (natural - indents + gaps * ls) * h + indents - (lastTracking !== undefined ? lastTracking * h : 0);
}

/** A set line's words (as set: a hyphen the breaker added is the last word's last character) and how it ends. */
interface LineEnds {
  readonly texts: readonly string[];
  /** The line ends inside a word. */
  readonly inWord: boolean;
  /** ... with a hyphen the breaker added. */
  readonly hyphen: boolean;
}

/**
 * Marks the words broken across lines: the line that breaks one gets the whole word (`breaksWord`), the line that
 * finishes it gets it too (`finishesWord`). A word too wide for the measure may run over several lines, each of which
 * then holds only a piece of it.
 */
function brokenWords(lines: SetLine[], ends: readonly LineEnds[]): SetLine[] {
  const breaks = new Map<number, { word: string; hyphen: boolean }>();
  const finishes = new Map<number, string>();
  const piece = (e: LineEnds, k: number) => {
    const t = e.texts[k]!;
    return k === e.texts.length - 1 && e.hyphen ? t.slice(0, -1) : t;
  };
  let n = 0;
  while (n < ends.length) {
    if (!ends[n]!.inWord || n === ends.length - 1) {
      n++;
      continue;
    }
    // The word starts as line n's last word and takes each following line's first word, through lines of that one piece.
    let word = piece(ends[n]!, ends[n]!.texts.length - 1);
    let k = n + 1;
    for (; k < ends.length; k++) {
      const e = ends[k]!;
      word += piece(e, 0);
      if (!(e.texts.length === 1 && e.inWord && k < ends.length - 1)) break;
    }
    for (let j = n; j < k; j++) breaks.set(j, { word, hyphen: ends[j]!.hyphen });
    for (let j = n + 1; j <= k; j++) finishes.set(j, word);
    // Line k may end inside another word of its own.
    n = k;
  }
  if (breaks.size === 0) return lines;
  return lines.map((l, i) => {
    const b = breaks.get(i);
    const f = finishes.get(i);
    return b || f ? { ...l, ...(b ? { breaksWord: b } : {}), ...(f !== undefined ? { finishesWord: f } : {}) } : l;
  });
}

/** Groups words into runs of one style; each run's word spacing makes its spaces as wide as the gaps. */
function buildRuns(words: readonly Word[], gapWidths: readonly number[], offset: number, letterSpacing: number, hscale: number, shaper: Shaper): LineRun[] {
  const runs: LineRun[] = [];
  let x = offset;
  let open: { x: number; style: StyledText; texts: string[]; gaps: number[] } | undefined;
  // `midWord`: the run ends inside a word (a word in several styles), so its letter-spacing goes on to the next part.
  const close = (midWord = false) => {
    if (!open) return;
    const text = open.texts.join(' ');
    // All gaps inside one run are equal on a justified line; take their mean to absorb rounding.
    const gap = open.gaps.length ? open.gaps.reduce((a, b) => a + b, 0) / open.gaps.length : 0;
    const space = shaper.width(open.style.face, ' ', open.style.size) + open.style.tracking;
    // A gap drawn with horizontal scaling h is h × (space + word spacing + tracking), after the letter-spacing that
    // follows the word's last glyph as the PDF draws it (Tc follows every glyph): the word spacing takes that back, so
    // the gap from the last glyph's advance is exactly the glue's width.
    const ws = open.gaps.length ? Math.round((gap / hscale - space - letterSpacing) * 1e4) / 1e4 : 0;
    // Words shaped alone and spaces as the items measured them (a space's own kerning is not what the breaker weighed).
    const placed = placeWords(shaper, open.style, open.texts, ws, hscale);
    // The run's width is its ink extent: the advance without the character spacing after its last glyph.
    runs.push({ x: open.x, style: open.style, text, glyphs: placed.glyphs, width: placed.width - open.style.tracking * hscale, wordSpacing: ws, hscale });
    x = open.x + placed.width - (midWord ? 0 : letterSpacing * hscale);
    open = undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const all = words[i]!.parts;
    // An indent is a part without a face: it moves the pen and draws nothing.
    let count = 0;
    for (let k = 0; k < all.length; k++) {
      if (all[k]!.face) count++;
      else x += all[k]!.width;
    }
    // A part is drawn with the line's letter-spacing added to its tracking; the style object with it is made only
    // for a part that opens a run (most words go on the run before them).
    let j = 0;
    for (let k = 0; k < all.length; k++) {
      const p = all[k]!;
      if (!p.face) continue;
      const continues =
        open && j === 0 && i > 0 && count === 1 && sameStyleTracked(open.style, p, letterSpacing) && Math.abs((open.gaps[0] ?? gapWidths[i - 1]!) - gapWidths[i - 1]!) < 1e-6;
      if (continues) {
        open!.gaps.push(gapWidths[i - 1]!);
        open!.texts.push(p.text);
      } else {
        close();
        if (j === 0 && i > 0) x += gapWidths[i - 1]!;
        open = { x, style: letterSpacing ? { ...p, tracking: p.tracking + letterSpacing } : p, texts: [p.text], gaps: [] };
      }
      if (count > 1) close(j < count - 1);
      j++;
    }
  }
  close();
  return runs;
}

/** sameStyle(a, the part `p` with `letterSpacing` added to its tracking), without making that part. */
const sameStyleTracked = (a: StyledText, p: StyledText, letterSpacing: number) =>
  a.face === p.face && a.size === p.size && a.tracking === (letterSpacing ? p.tracking + letterSpacing : p.tracking) && (a.color === p.color || a.color.every((v, i) => v === p.color[i]));

/**
 * Hyphen ladders: the lines (in reading order) that end a third hyphenated line in a row, and the longest run.
 * Only possible when a style raises max-hyphens-in-row; the report names each. Lines ending inside a word too wide
 * for the measure are not counted: such a word must break, and the report names each of those breaks instead.
 */
export function hyphenLadders<T>(lines: readonly T[], lineOf: (t: T) => Pick<SetLine, 'hyphenated' | 'emergency'>): { ladders: T[]; longest: number } {
  const ladders: T[] = [];
  let run = 0;
  let longest = 0;
  for (const t of lines) {
    const l = lineOf(t);
    run = l.hyphenated && !l.emergency ? run + 1 : 0;
    longest = Math.max(longest, run);
    if (run === 3) ladders.push(t);
  }
  return { ladders, longest };
}
