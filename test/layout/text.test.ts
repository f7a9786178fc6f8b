// The text engine: items, breaking and setting, measured with the real body font.
import { describe, expect, it } from 'vitest';
import { BLACK, type FontSet } from '../../src/core/index.js';
import { breakLines, paragraphItems, placeRun, setLines, Shaper, type StyledText } from '../../src/layout/index.js';
import { loadFonts } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { FONTS, TEMPLATES } from '../helpers.js';

const sheet = loadTemplateSet('tabloid', TEMPLATES).styles;
const fonts: FontSet = loadFonts(sheet, FONTS);
const shaper = new Shaper(fonts);
const body: StyledText = { text: '', face: 'body', size: 9, color: BLACK, tracking: 0 };
const MEASURE = 136.06; // 48 mm
const WS = { min: 0.8, natural: 1, max: 1.33 };
const TEXT =
  'From July 2019 to June 2020 a specialist Regional Organised Crime Unit arrested 110 people for child sexual offences, with 45 already convicted in court and jailed collectively for 130 years. Those not in prison are awaiting trial or remain under investigation.';

function set(text: string, measure = MEASURE) {
  const items = paragraphItems([{ ...body, text }], shaper, { indent: 9, wordSpace: WS, ragged: false });
  const breaks = breakLines(items, () => measure);
  return setLines(items, breaks, () => measure, 'justify', shaper);
}

describe('paragraph setting', () => {
  it('keeps every word, in order', () => {
    const lines = set(TEXT);
    expect(lines.map((l) => l.text).join(' ')).toBe(TEXT);
  });

  it('takes any run of white space between words as one word space, and none at the ends', () => {
    // Every kind JavaScript's \s knows: tab, line feed, no-break, ogham, en quad … hair, line and paragraph
    // separators, narrow no-break, medium mathematical, ideographic, and the byte-order mark.
    const white = ['\t', '\n', '\u00a0', '\u1680', '\u2000', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', ' \t \u2009 '];
    const words = white.map((_, i) => `word${i}`);
    const text = ` ${words.map((w, i) => w + white[i]).join('')}end `;
    const items = paragraphItems([{ ...body, text }], shaper, { indent: 0, wordSpace: WS, ragged: false });
    const boxes = items.filter((it) => it.type === 'box');
    expect(boxes.map((b) => (b.type === 'box' ? b.parts.map((p) => p.text).join('') : ''))).toEqual([...words, 'end']);
    // One word space between each pair (the paragraph's closing fill aside): the same glue, whatever the white space.
    const spaces = items.filter((it) => it.type === 'glue' && it.stretch < 1e5);
    expect(spaces).toHaveLength(words.length);
    expect(new Set(spaces.map((g) => (g.type === 'glue' ? g.width : 0))).size).toBe(1);
    // A zero-width space is not white space: it stays inside its word.
    const zw = paragraphItems([{ ...body, text: 'a\u200bb c' }], shaper, { indent: 0, wordSpace: WS, ragged: false }).filter((it) => it.type === 'box');
    expect(zw).toHaveLength(2);
  });

  it('sets a word met again in another style, colour, measure or pass as that one asks, not as it was set before', () => {
    // One shaper for everything, as a layout has: a word's box made for one style is shared only with that style.
    const text = 'The council said the harbour wall would be rebuilt, the council’s engineers said, within the year.';
    const red = [0, 100, 100, 0] as const;
    const variants: [StyledText, Parameters<typeof paragraphItems>[2]][] = [
      [{ ...body, text }, { indent: 0, wordSpace: WS, ragged: false }],
      [{ ...body, text, size: 12 }, { indent: 0, wordSpace: WS, ragged: false }],
      [{ ...body, text, color: red }, { indent: 0, wordSpace: WS, ragged: false }],
      [{ ...body, text, tracking: 0.2 }, { indent: 0, wordSpace: WS, ragged: false }],
      [{ ...body, text }, { indent: 0, wordSpace: WS, ragged: false, expansion: { letterSpacing: 0.3, scaling: 0.02 } }],
      [{ ...body, text }, { indent: 0, wordSpace: WS, ragged: true, expansion: { letterSpacing: 0.3, scaling: 0.02 } }],
      [{ ...body, text }, { indent: 0, wordSpace: WS, ragged: false, measure: 20 }],
      [{ ...body, text }, { indent: 0, wordSpace: WS, ragged: false, hyphenate: (w) => (w === 'harbour' ? [4] : w === 'council' ? [3] : []) }],
    ];
    for (const [run, opts] of variants) paragraphItems([run], shaper, opts);
    for (const [run, opts] of variants) {
      const fresh = new Shaper(fonts);
      expect(paragraphItems([run], shaper, opts), JSON.stringify({ ...run, text: undefined, opts })).toEqual(paragraphItems([run], fresh, opts));
    }
  });

  it('justifies every line but the last to the measure exactly, and never past it', () => {
    const lines = set(TEXT);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines.slice(0, -1)) {
      const last = l.runs[l.runs.length - 1]!;
      expect(last.x + last.width).toBeCloseTo(MEASURE, 2);
      expect(l.overfull).toBe(0);
    }
    expect(lines[lines.length - 1]!.width).toBeLessThan(MEASURE);
  });

  it('never squeezes word spaces below the minimum', () => {
    for (const l of set(TEXT)) expect(l.spaceRatio).toBeGreaterThanOrEqual(WS.min - 1e-9);
  });

  it('breaks after an explicit hyphen when the compound does not fit', () => {
    const measure = shaper.width('body', 'aaaa bbbb cccc twelve-', 9) + 9 + 1; // indent + a point to spare
    const lines = set('aaaa bbbb cccc twelve-year-old dddd eeee', measure);
    expect(lines[0]!.text).toBe('aaaa bbbb cccc twelve-');
    expect(lines.some((l) => /-$/.test(l.text))).toBe(true);
    expect(lines.map((l) => l.text).join(' ').replace(/- /g, '-')).toBe('aaaa bbbb cccc twelve-year-old dddd eeee');
  });

  it('reports a word longer than the measure as an overfull line instead of losing it', () => {
    const lines = set('a Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch b', 60);
    expect(lines.some((l) => l.overfull > 0 && l.text.includes('Llanfair'))).toBe(true);
    expect(lines.map((l) => l.text).join(' ')).toContain('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch');
  });
});

describe('placeRun', () => {
  it('places words the way PDFKit draws them: word spacing widens every space by the same amount', () => {
    const a = placeRun(shaper, body, 'left right', 0);
    const b = placeRun(shaper, body, 'left right', 2.5);
    const first = (r: typeof a) => r.glyphs.findIndex((g, i) => i > 0 && g.x > shaper.width('body', 'left', 9) - 0.01);
    expect(b.width - a.width).toBeCloseTo(2.5, 6);
    expect(b.glyphs[first(b)]!.x - a.glyphs[first(a) + 1]!.x).toBeCloseTo(2.5, 6);
  });
});
