// A page's text read back from its frame as an archive wants it: blocks of lines of words, each word with its box.
import type { ArticleTag, FontSet, GlyphRun, Page, PlacedGlyph } from '../../core/index.js';
import { union, type Box } from './xml.js';

/** One word as printed, with where its ink can be: from its first glyph's origin to its last glyph's advance, ascent to descent. */
export interface Word {
  /** The word as printed; a hyphen the line breaker added after it is not part of it (see `hyphen`). */
  readonly text: string;
  readonly box: Box;
  /** The face and size of its first letter (a word may change style inside: “Rose,” with an italic name). */
  readonly font: string;
  readonly size: number;
  /**
   * A piece of a word broken across lines: the first piece (1) or a later one (2), and the whole word as the copy has
   * it. A piece between two line breaks (a very long word) is a later piece that is also followed by a hyphen.
   */
  readonly part?: { readonly n: 1 | 2; readonly whole: string };
  /** The hyphen the line breaker added after the word, at the end of its line. */
  readonly hyphen?: Box;
}

export interface TextLine {
  readonly words: readonly Word[];
  readonly box: Box;
}

/** Lines of one structure element (a paragraph, a headline…) in one column, or of untagged text that sits together. */
export interface TextBlock {
  /** Index in the frame's items of its first run: the block's place in the page's order. */
  readonly at: number;
  readonly tag?: ArticleTag;
  readonly lines: readonly TextLine[];
  readonly box: Box;
}

/** What the words' boxes need of a face: its vertical metrics and glyph advances. */
interface Face {
  /** Ascender and descender as fractions of the em (descender negative), from the font's horizontal header. */
  readonly ascent: number;
  readonly descent: number;
  /** The space's advance, fraction of the em. */
  readonly space: number;
  /** A glyph's advance, fraction of the em. */
  advance(id: number): number;
}

/** A line being read: its runs so far and its words. */
interface LineBuild {
  readonly at: number;
  readonly tag: ArticleTag | undefined;
  readonly y: number;
  last: GlyphRun;
  size: number;
  readonly words: Word[];
  /** A drop cap drawn before the line: the first letter(s) of its first word. */
  readonly cap?: { readonly text: string; readonly box: Box };
}

/**
 * A run after which a word is still going on, not a space: when the next run begins less than this part of a space
 * after it. The layout starts such a run exactly where the one before ended (a style change inside a word); a word
 * space is never less than two thirds of a space, less half a point on a line the breaker had to squeeze.
 */
const JOIN_SPACE = 0.25;
/**
 * A run on the same baseline further than this many ems from the run before starts a line of its own: the folio's
 * date and price are set apart on one baseline; a justified line's widest word space is well under an em.
 */
const LINE_GAP_EMS = 2;
/** Lines of one block follow each other by at most this many ems of their type (body leading is 1.17 em). */
const BLOCK_LEADING_EMS = 2.5;

/**
 * The page's text in blocks, lines and words, in the frame's order. Words are split at the spaces of each run's text
 * and take their glyphs in order (a ligature stands for its letters); a run that begins where the one before ended
 * goes on with the same word. A drop cap the layout marks as beginning the next line's first word is that word's
 * first letter, and the word's box grows to hold it. Words broken
 * across lines are marked from the runs' `breaksWord` and `finishesWord`, which the layout sets.
 */
export function pageText(page: Page, fonts: FontSet): TextBlock[] {
  const faceOf = faces(fonts);
  const items = page.frame.items;
  const lines: LineBuild[] = [];
  let line: LineBuild | undefined;
  let cap: { text: string; box: Box } | undefined;
  for (let i = 0; i < items.length; i++) {
    const run = items[i]!;
    if (run.kind !== 'glyphs' || run.glyphs.length === 0 || run.text.trim() === '') continue;
    if (isDropCap(run)) {
      cap = { text: run.text.trim(), box: runBox(run, faceOf(run.font)) };
      continue;
    }
    if (!line || !continuesLine(line, run)) {
      line = { at: i, tag: run.tag, y: run.y, last: run, size: run.size, words: [], ...(cap ? { cap } : {}) };
      lines.push(line);
      cap = undefined;
    }
    addRun(line, run, faceOf);
  }
  dropCaps(lines);
  return blocksOf(lines);
}

/**
 * Puts each drop cap in front of its line's first word, whose box grows to hold it. Should that word break at the
 * line's end, the whole word (on both its pieces) gets the cap's letter too.
 */
function dropCaps(lines: LineBuild[]): void {
  lines.forEach((l, n) => {
    const w = l.words[0];
    if (!l.cap || !w) return;
    let part = w.part;
    if (part?.n === 1) {
      const whole = l.cap.text + part.whole;
      const next = lines[n + 1]?.words[0];
      if (next?.part?.n === 2 && next.part.whole === part.whole && sameTag(lines[n + 1]!.tag, l.tag)) lines[n + 1]!.words[0] = { ...next, part: { n: 2, whole } };
      part = { n: 1, whole };
    }
    l.words[0] = { ...w, text: l.cap.text + w.text, box: union(l.cap.box, w.box), ...(part ? { part } : {}) };
  });
}

/** Whether `item` goes on the line being read: same structure element, same baseline, to the right and near. */
function continuesLine(line: LineBuild, run: GlyphRun): boolean {
  const prev = line.last;
  const end = prev.x + prev.width;
  return sameTag(line.tag, run.tag) && Math.abs(run.y - line.y) < 0.01 && run.x >= end - 0.5 && run.x - end < LINE_GAP_EMS * Math.max(run.size, prev.size);
}

const sameTag = (a: ArticleTag | undefined, b: ArticleTag | undefined): boolean => (a === undefined || b === undefined ? a === b : a.article === b.article && a.role === b.role && a.block === b.block);

/**
 * A drop cap that begins the next line's first word: the layout marks it as reading as nothing where it stands
 * (`actualText` empty over all its glyphs), since that word reads with its letter (story.ts). A cap that is a word
 * of its own ("A man…") has no such mark, and is read as its own word.
 */
function isDropCap(run: GlyphRun): boolean {
  return run.actualText !== undefined && run.actualText.text === '' && run.actualText.glyphs >= run.glyphs.length;
}

/** Adds a run's words to its line: the first may go on with the line's last word; broken words are marked. */
function addRun(line: LineBuild, run: GlyphRun, faceOf: (id: string) => Face): void {
  const face = faceOf(run.font);
  const pieces = splitRun(run, face);
  const first = line.words.length === 0;
  const prev = line.last;
  let k = 0;
  if (!first && pieces.length > 0 && !/^\s/u.test(run.text)) {
    const prevFace = faceOf(prev.font);
    const pen = prev.x + prev.width + prev.tracking * prev.hscale;
    if (run.x - pen < JOIN_SPACE * prevFace.space * prev.size) {
      const w = line.words.pop()!;
      const p = pieces[0]!;
      line.words.push({ ...w, text: w.text + p.text, box: union(w.box, p.box), ...(p.hyphen ? { hyphen: p.hyphen } : {}) });
      k = 1;
    }
  }
  for (; k < pieces.length; k++) {
    const p = pieces[k]!;
    line.words.push({ text: p.text, box: p.box, font: run.font, size: run.size, ...(p.hyphen ? { hyphen: p.hyphen } : {}) });
  }
  line.last = run;
  line.size = Math.max(line.size, run.size);
  // A line's first run says it finishes a word begun on the line before; its last run that it breaks one.
  if (first && run.finishesWord !== undefined && line.words.length > 0) {
    line.words[0] = { ...line.words[0]!, part: { n: 2, whole: run.finishesWord } };
  }
  if (run.breaksWord && line.words.length > 0) {
    const n = line.words.length - 1;
    const w = line.words[n]!;
    line.words[n] = { ...w, part: w.part?.n === 2 ? w.part : { n: 1, whole: run.breaksWord.word } };
  }
}

interface Piece {
  readonly text: string;
  readonly box: Box;
  readonly hyphen?: Box;
}

/** A character that is white space: such glyphs (a space set as a glyph) belong to no word. */
const SPACE = /^\s$/u;
const isSpaceGlyph = (g: PlacedGlyph) => g.cp.length > 0 && g.cp.every((c) => SPACE.test(String.fromCodePoint(c)));

/**
 * A run's words with their boxes. The text's words are matched to the glyphs by counting characters (each glyph
 * stands for its `cp`, a ligature for two or three). The hyphen the line breaker added at the end of a line (the
 * run's `breaksWord.hyphen`) is split off the last word with its own box.
 */
function splitRun(run: GlyphRun, face: Face): Piece[] {
  const tokens = run.text.split(/\s+/u).filter((t) => t !== '');
  const glyphs = run.glyphs;
  const k = run.size * run.hscale;
  const top = run.y - face.ascent * run.size;
  const bottom = run.y - face.descent * run.size;
  const box = (from: number, to: number): Box => {
    if (to <= from) {
      const x = run.x + (glyphs[from]?.x ?? run.width);
      return { x0: x, y0: top, x1: x, y1: bottom };
    }
    const last = glyphs[to - 1]!;
    return { x0: run.x + glyphs[from]!.x, y0: top, x1: run.x + last.x + face.advance(last.id) * k, y1: bottom };
  };
  const out: Piece[] = [];
  let g = 0;
  tokens.forEach((text, t) => {
    while (g < glyphs.length && isSpaceGlyph(glyphs[g]!)) g++;
    const from = g;
    const need = [...text].length;
    let have = 0;
    while (g < glyphs.length && have < need) have += glyphs[g++]!.cp.length;
    // Glyphs left at the end (none, when the glyphs are the text's) go with the last word.
    const to = t === tokens.length - 1 ? glyphs.length : g;
    const lastGlyph = glyphs[to - 1];
    if (t === tokens.length - 1 && run.breaksWord?.hyphen && text.endsWith('-') && text.length > 1 && lastGlyph && lastGlyph.cp.length === 1 && lastGlyph.cp[0] === 0x2d) {
      out.push({ text: text.slice(0, -1), box: box(from, to - 1), hyphen: box(to - 1, to) });
    } else out.push({ text, box: box(from, to) });
  });
  return out;
}

/** The box of a whole run (a drop cap). */
function runBox(run: GlyphRun, face: Face): Box {
  const last = run.glyphs[run.glyphs.length - 1]!;
  return { x0: run.x + run.glyphs[0]!.x, y0: run.y - face.ascent * run.size, x1: run.x + last.x + face.advance(last.id) * run.size * run.hscale, y1: run.y - face.descent * run.size };
}

/** Faces by id, read once from the font set. */
function faces(fonts: FontSet): (id: string) => Face {
  const made = new Map<string, Face>();
  return (id) => {
    let f = made.get(id);
    if (!f) {
      const font = fonts.get(id)?.font;
      if (!font) throw new Error(`export/archive: the page uses font "${id}", which is not in the font set`);
      const upm = font.unitsPerEm;
      const advances = new Map<number, number>();
      const advance = (gid: number) => {
        let a = advances.get(gid);
        if (a === undefined) advances.set(gid, (a = font.getGlyph(gid).advanceWidth / upm));
        return a;
      };
      const space = font.glyphForCodePoint(0x20);
      f = { ascent: font.ascent / upm, descent: font.descent / upm, space: space ? space.advanceWidth / upm : 0.25, advance };
      made.set(id, f);
    }
    return f;
  };
}

/**
 * Lines into blocks: a line joins the block before when it is of the same structure element (or both untagged), sits
 * below the block's last line within a few ems and overlaps it across. A paragraph that goes on in the next column
 * starts a block there (its line is above the last).
 */
function blocksOf(lines: readonly LineBuild[]): TextBlock[] {
  const blocks: { at: number; tag: ArticleTag | undefined; lines: TextLine[]; box: Box; last: LineBuild; lastBox: Box }[] = [];
  for (const l of lines) {
    if (l.words.length === 0) continue;
    const box = l.words.reduce<Box>((b, w) => union(w.hyphen ? union(b, w.hyphen) : b, w.box), l.words[0]!.box);
    const line: TextLine = { words: l.words, box };
    const b = blocks[blocks.length - 1];
    const follows = b && sameTag(b.tag, l.tag) && l.y > b.last.y && l.y - b.last.y <= BLOCK_LEADING_EMS * Math.max(l.size, b.last.size) && box.x0 < b.lastBox.x1 && box.x1 > b.lastBox.x0;
    if (b && follows) {
      b.lines.push(line);
      b.box = union(b.box, box);
      b.last = l;
      b.lastBox = box;
    } else blocks.push({ at: l.at, tag: l.tag, lines: [line], box, last: l, lastBox: box });
  }
  return blocks.map((b) => ({ at: b.at, ...(b.tag ? { tag: b.tag } : {}), lines: b.lines, box: b.box }));
}
