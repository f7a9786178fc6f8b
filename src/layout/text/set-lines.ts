// Broken lines → positioned glyph runs, justified, drawn exactly as PDFKit will draw them.
import type { Align, PlacedGlyph } from '../../core/index.js';
import type { Break } from './break-lines.js';
import type { Item, StyledText, WordPart } from './items.js';
import type { Shaper } from './shape.js';

/** A run of a set line, x relative to the line's start. */
export interface LineRun {
  readonly x: number;
  readonly style: StyledText;
  readonly text: string;
  readonly glyphs: readonly PlacedGlyph[];
  readonly width: number;
  readonly wordSpacing: number;
}

export interface SetLine {
  readonly runs: readonly LineRun[];
  /** The measure the line was set to. */
  readonly measure: number;
  /** Width actually occupied. */
  readonly width: number;
  /** Word-space ratio used: actual space ÷ natural space (1 = natural), or 1 for unjustified lines. */
  readonly spaceRatio: number;
  /** How far the line sticks out past the measure, points (0 when it fits). */
  readonly overfull: number;
  readonly last: boolean;
  readonly text: string;
}

const sameStyle = (a: StyledText, b: StyledText) =>
  a.face === b.face && a.size === b.size && a.tracking === b.tracking && a.color.every((v, i) => v === b.color[i]);

/**
 * Places the glyphs of `text` the way PDFKit's text operator does with the given
 * word spacing and the style's character spacing: with word spacing, each word is
 * shaped alone and the gap after it is space + wordSpacing + tracking; without,
 * the text is shaped in pieces that end at each space.
 */
export function placeRun(shaper: Shaper, style: StyledText, text: string, wordSpacing: number): { glyphs: PlacedGlyph[]; width: number } {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  const emit = (piece: string) => {
    for (const g of shaper.shape(style.face, piece, style.size).glyphs) {
      glyphs.push({ id: g.id, x: pen + g.dx, dy: -g.dy });
      pen += g.advance + style.tracking;
    }
  };
  if (wordSpacing !== 0) {
    const space = shaper.width(style.face, ' ', style.size) + style.tracking + wordSpacing;
    const words = text.trim().split(/\s+/);
    words.forEach((w, i) => {
      emit(w);
      if (i < words.length - 1) pen += space;
    });
  } else {
    for (const piece of text.match(/[^ \t]*[ \t]?/g) ?? []) if (piece) emit(piece);
  }
  return { glyphs, width: pen };
}

interface Word {
  parts: WordPart[];
}

/** Words of one line (boxes joined where no glue separates them), with the natural gaps between them. */
function lineWords(items: readonly Item[], from: number, to: number): { words: Word[]; gaps: { natural: number; stretch: number; shrink: number; style: StyledText }[] } {
  const words: Word[] = [];
  const gaps: { natural: number; stretch: number; shrink: number; style: StyledText }[] = [];
  let current: Word | undefined;
  let pendingGap: (typeof gaps)[number] | undefined;
  for (let i = from; i < to; i++) {
    const it = items[i]!;
    if (it.type === 'box') {
      if (!current || pendingGap) {
        if (current && pendingGap) gaps.push(pendingGap);
        current = { parts: [] };
        words.push(current);
        pendingGap = undefined;
      }
      for (const p of it.parts) {
        const prev = current.parts[current.parts.length - 1];
        if (prev && sameStyle(prev, p)) current.parts[current.parts.length - 1] = { ...prev, text: prev.text + p.text, width: prev.width + p.width };
        else current.parts.push(p);
      }
      if (it.parts.length === 0) current.parts.push({ text: '', face: '', size: 0, color: [0, 0, 0, 0], tracking: 0, width: it.width });
    } else if (it.type === 'glue' && current && it.stretch < 1e5) {
      pendingGap = { natural: it.width, stretch: it.stretch, shrink: it.shrink, style: it.style };
    }
  }
  const end = items[to];
  if (end && end.type === 'penalty' && end.width > 0 && current) {
    const last = current.parts[current.parts.length - 1]!;
    current.parts[current.parts.length - 1] = { ...last, text: last.text + '-' };
  }
  return { words, gaps };
}

/**
 * Sets each broken line: joins words into runs of one style, spreads the line's
 * slack over its word spaces (justified lines except a paragraph's last), and
 * places glyphs with placeRun so the PDF draws exactly these positions.
 */
export function setLines(items: readonly Item[], breaks: readonly Break[], lineWidth: (line: number) => number, align: Align, shaper: Shaper): SetLine[] {
  const lines: SetLine[] = [];
  let from = 0;
  breaks.forEach((br, n) => {
    const measure = lineWidth(n);
    const { words, gaps } = lineWords(items, from, br.position);
    from = br.position + 1;
    const last = n === breaks.length - 1;
    // Indents are parts without a face: they take space, draw nothing.
    const wordWidth = (w: Word) => w.parts.reduce((s, p) => s + (p.face ? shaper.trackedWidth(p.face, p.text, p.size, p.tracking) : p.width), 0);
    const widths = words.map(wordWidth);
    const natural = widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, g) => a + g.natural, 0);
    let gapWidths = gaps.map((g) => g.natural);
    let spaceRatio = 1;
    if (align === 'justify' && !last && gaps.length > 0) {
      const slack = measure - natural;
      const room = slack >= 0 ? gaps.reduce((a, g) => a + g.stretch, 0) : gaps.reduce((a, g) => a + g.shrink, 0);
      const r = room > 0 ? slack / room : 0;
      // Justify fully when stretching (a loose line is reported, not left ragged); never shrink below the minimum.
      const t = slack >= 0 ? r : Math.max(r, -1);
      gapWidths = gaps.map((g) => g.natural + t * (slack >= 0 ? g.stretch : g.shrink));
      if (slack >= 0 && room === 0) {
        const even = slack / gaps.length;
        gapWidths = gaps.map((g) => g.natural + even);
      }
      const nat = gaps.reduce((a, g) => a + g.natural, 0);
      spaceRatio = nat > 0 ? gapWidths.reduce((a, b) => a + b, 0) / nat : 1;
    }
    const used = widths.reduce((a, b) => a + b, 0) + gapWidths.reduce((a, b) => a + b, 0);
    const offset = align === 'right' ? measure - used : align === 'center' ? (measure - used) / 2 : 0;
    lines.push({
      runs: buildRuns(words, gapWidths, offset, shaper),
      measure,
      width: used,
      spaceRatio,
      overfull: Math.max(0, used - measure - 0.01),
      last,
      text: words.map((w) => w.parts.map((p) => p.text).join('')).join(' '),
    });
  });
  return lines;
}

/** Groups words into runs of one style; each run's word spacing makes its spaces as wide as the gaps. */
function buildRuns(words: readonly Word[], gapWidths: readonly number[], offset: number, shaper: Shaper): LineRun[] {
  const runs: LineRun[] = [];
  let x = offset;
  let open: { x: number; style: StyledText; texts: string[]; gaps: number[] } | undefined;
  const close = () => {
    if (!open) return;
    const text = open.texts.join(' ');
    // All gaps inside one run are equal on a justified line; take their mean to absorb rounding.
    const gap = open.gaps.length ? open.gaps.reduce((a, b) => a + b, 0) / open.gaps.length : 0;
    const space = shaper.width(open.style.face, ' ', open.style.size) + open.style.tracking;
    const ws = open.gaps.length ? Math.round((gap - space) * 1e4) / 1e4 : 0;
    const placed = placeRun(shaper, open.style, text, ws);
    runs.push({ x: open.x, style: open.style, text, glyphs: placed.glyphs, width: placed.width, wordSpacing: ws });
    x = open.x + placed.width;
    open = undefined;
  };
  words.forEach((w, i) => {
    // An indent is a part without a face: it moves the pen and draws nothing.
    const parts = w.parts.filter((p) => p.face);
    for (const p of w.parts) if (!p.face) x += p.width;
    parts.forEach((p, j) => {
      const continues = open && j === 0 && i > 0 && parts.length === 1 && sameStyle(open.style, p) && Math.abs((open.gaps[0] ?? gapWidths[i - 1]!) - gapWidths[i - 1]!) < 1e-6;
      if (continues) {
        open!.gaps.push(gapWidths[i - 1]!);
        open!.texts.push(p.text);
      } else {
        close();
        if (j === 0 && i > 0) x += gapWidths[i - 1]!;
        open = { x, style: p, texts: [p.text], gaps: [] };
      }
      if (parts.length > 1) close();
    });
  });
  close();
  return runs;
}
