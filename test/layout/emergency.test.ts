// Words wider than the measure: the emergency means (hyphenation with the limits waived, address breaks, a compound's
// own hyphen, letter by letter), set with the real fonts and styles at a 48 mm column; no line ever sticks out.
import { describe, expect, it } from 'vitest';
import type { FontSet } from '../../src/core/index.js';
import { setParagraph, Shaper } from '../../src/layout/index.js';
import { emergencyHyphenationPoints, hyphenationPoints } from '../../src/layout/text/hyphenate.js';
import type { SetLine } from '../../src/layout/text/set-lines.js';
import { addressPoints, isAddress, letterPoints } from '../../src/layout/text/word-breaks.js';
import { loadFonts } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { FONTS, TEMPLATES } from '../helpers.js';

const sheet = loadTemplateSet('tabloid', TEMPLATES).styles;
const fonts: FontSet = loadFonts(sheet, FONTS);
const shaper = new Shaper(fonts);
const COLUMN = 136.06; // 48 mm
const body = sheet.paragraph['body']!;
const caption = sheet.paragraph['caption']!;

const NAME = 'Featherstonehaughcholmondeleymarjoribankswyke-Smith';
const URL = 'https://www.wexcombe-courier.example/community/awards/2026/vale-champions-the-full-list-of-winners-and-runners-up.html';
/** 300 letters of real English syllables: a word the patterns can break. */
const SYLLABLES = 'establishmentarianismcontradictionphotographer'.repeat(7).slice(0, 300);
const LETTERS = 'x'.repeat(300);

function set(text: string, style = body, measure = COLUMN): SetLine[] {
  return setParagraph(text, style, sheet, shaper, measure);
}

/** Every line within its measure: the whole point. */
function expectWithin(lines: readonly SetLine[], measure = COLUMN) {
  for (const l of lines) {
    expect(l.overfull, l.text).toBe(0);
    const last = l.runs[l.runs.length - 1];
    if (last) expect(last.x + last.width, l.text).toBeLessThanOrEqual(measure + 0.01);
  }
}

describe('the emergency hyphenation points', () => {
  it('break a name and a capitalised compound, which ordinary hyphenation leaves whole', () => {
    expect(hyphenationPoints('Featherstonehaughcholmondeleymarjoribankswyke')).toEqual([]);
    const points = emergencyHyphenationPoints('Featherstonehaughcholmondeleymarjoribankswyke');
    expect(points.length).toBeGreaterThan(5);
    // Two letters at least before and after every break.
    for (const p of points) expect(p).toBeGreaterThanOrEqual(2);
    expect(Math.max(...points)).toBeLessThanOrEqual('Featherstonehaughcholmondeleymarjoribankswyke'.length - 2);
  });

  it('leave the punctuation round a word alone', () => {
    const word = '“Featherstonehaughcholmondeley,”';
    for (const p of emergencyHyphenationPoints(word)) {
      expect(word[p - 1]).toMatch(/\p{L}/u);
      expect(word[p]).toMatch(/\p{L}/u);
    }
  });
});

describe('address break points (Chicago style)', () => {
  it('knows a web address, a www. host and an e-mail address, and nothing else', () => {
    expect(isAddress(URL)).toBe(true);
    expect(isAddress('(www.courier.example)')).toBe(true);
    expect(isAddress('awards@wexcombe-courier.example.')).toBe(true);
    expect(isAddress('twelve-year-old')).toBe(false);
    expect(isAddress('and/or')).toBe(false);
  });

  it('breaks after a double slash and before a single slash, full stop, hyphen or at sign, before and after = and &', () => {
    const url = 'https://ab.example/cd-ef/gh?i=1&j=2';
    const pieces = (text: string) => {
      const pts = addressPoints(text);
      return [0, ...pts].map((p, k) => text.slice(p, pts[k] ?? text.length));
    };
    expect(pieces(url)).toEqual(['https://', 'ab', '.example', '/cd', '-ef', '/gh', '?i', '=', '1', '&', 'j', '=2']);
    expect(pieces('awards@wexcombe-courier.example')).toEqual(['awards', '@wexcombe', '-courier', '.example']);
  });

  it('keeps a sentence’s full stop and a bracket with the address, and no piece under two characters', () => {
    const text = '(www.ab.example/x/longer).';
    for (const p of addressPoints(text)) {
      expect(p).toBeGreaterThan(2);
      expect(p).toBeLessThan(text.length - 4);
    }
  });
});

describe('letter points, the last resort', () => {
  it('fall between two letters only when a hyphen will be added, and never split a letter from its accent', () => {
    expect(letterPoints('ab-cd', 0, 5, true)).toEqual([1, 4]);
    expect(letterPoints('ab-cd', 0, 5, false)).toEqual([1, 2, 3, 4]);
    const accented = 'cafe\u0301s'; // e + combining acute
    expect(letterPoints(accented, 0, accented.length, true)).toEqual([1, 2, 3, 5]);
  });
});

describe('a word wider than the measure', () => {
  it('breaks a 45-letter double-barrelled name at its hyphenation points and its own hyphen, with no stub lines before it', () => {
    const text = `The lifetime achievement award went to Mrs Philippa ${NAME}, 84, who has run the town’s swimming club since 1971 and is thought to have taught more than 4,000 children to swim.`;
    const lines = set(text);
    expectWithin(lines);
    const broken = lines.filter((l) => l.emergency);
    expect(broken.length).toBeGreaterThanOrEqual(1);
    expect(broken.every((l) => l.emergency!.word === `${NAME},`)).toBe(true);
    expect(broken.some((l) => l.emergency!.means === 'hyphenation')).toBe(true);
    expect(lines.some((l) => l.emergency?.means === 'letter')).toBe(false);
    // No stub: every line but the last holds at least two words or a piece of the long word.
    for (const l of lines.slice(0, -1)) {
      const words = l.text.split(' ');
      expect(words.length > 1 || l.emergency !== undefined || l.text.length > 12, `stub line “${l.text}”`).toBe(true);
    }
    // “Mrs Philippa” stay together on a line with more than themselves.
    expect(lines.find((l) => l.text.includes('Mrs'))!.text).toMatch(/Mrs Philippa \S/);
    // Every letter is there, in order.
    expect(lines.map((l) => l.text).join('').replace(/[\s-]/g, '')).toBe(text.replace(/[\s-]/g, ''));
  });

  it('sets a 300-letter word that the patterns can break at its hyphenation points, never between other letters', () => {
    const lines = set(`The word ${SYLLABLES} is long, they said.`);
    expectWithin(lines);
    expect(lines.filter((l) => l.emergency?.means === 'hyphenation').length).toBeGreaterThanOrEqual(9);
    expect(lines.some((l) => l.emergency?.means === 'letter')).toBe(false);
    expect(lines.map((l) => l.text).join('').replace(/[\s-]/g, '')).toBe(`The word ${SYLLABLES} is long, they said.`.replace(/[\s-]/g, ''));
  });

  it('breaks a 300-letter word with no hyphenation point between letters, with a hyphen, as full lines', () => {
    const lines = set(`A line of ${LETTERS} ends here.`);
    expectWithin(lines);
    const letters = lines.filter((l) => l.emergency?.means === 'letter');
    expect(letters.length).toBeGreaterThanOrEqual(9);
    for (const l of letters) expect(l.text).toMatch(/x-$/);
    // Each piece alone on its line fills it to within two letters.
    const x = shaper.width('body', 'xx', 9);
    for (const l of letters.slice(1)) expect(l.width).toBeGreaterThan(COLUMN - x - 0.5);
    expect(lines.map((l) => l.text).join('').replace(/[\s-]/g, '')).toBe(`A line of ${LETTERS} ends here.`.replace(/\s/g, ''));
  });

  it('breaks a 118-character address in a 1-column caption at its own break points, never adding a hyphen', () => {
    const text = `The winners on the town hall steps; all their names are at ${URL}`;
    const lines = set(text, caption);
    expectWithin(lines);
    const inside = lines.filter((l) => l.emergency);
    expect(inside.length).toBeGreaterThanOrEqual(2);
    for (const l of inside) {
      expect(l.emergency!.means).toBe('address');
      expect(l.hyphenated).toBe(false);
    }
    // Each line after a break inside the address starts with the character that shows the address goes on.
    lines.forEach((l, i) => {
      if (lines[i - 1]?.emergency) expect(l.text[0]).toMatch(/[/.\-_?#%~@=&]/);
    });
    // Put back without spaces at the breaks, the address is whole.
    let joined = '';
    lines.forEach((l, i) => (joined += i === 0 ? l.text : lines[i - 1]!.emergency ? l.text : ' ' + l.text));
    expect(joined).toBe(text);
  });

  it('shrinks a headline of one 40-letter word before breaking it, and then keeps it within its column', () => {
    const headline = sheet.paragraph['headline-side']!;
    const word = 'Antidisestablishmentarianismcampaigners';
    const full = set(word, headline);
    expectWithin(full);
    expect(full.some((l) => l.emergency)).toBe(true);
    const smaller = set(word, { ...headline, size: headline.size / 2, leading: headline.leading / 2 });
    expectWithin(smaller);
    expect(smaller.length).toBeLessThan(full.length);
  });

  it('leaves a word that fits the measure once its letters are tightened whole', () => {
    // A word a little wider than the measure at its natural width, which expansion can take in.
    let word = 'Wexcombe';
    while (shaper.width('body', word + 'e', 9) < COLUMN + 1) word += 'e';
    const lines = set(`At ${word} and on.`);
    expectWithin(lines);
    expect(lines.some((l) => l.emergency)).toBe(false);
    expect(lines.some((l) => l.text.split(' ').includes(word))).toBe(true);
  });

  it('is never broken where it fits: the same paragraphs as before in ordinary copy', () => {
    const text = 'The young volunteer of the year, Jack Okonkwo, 16, organises a weekly litter pick on the seafront and has persuaded three cafés to stop using plastic cups.';
    const lines = set(text);
    expect(lines.some((l) => l.emergency)).toBe(false);
    expect(lines.map((l) => l.text).join(' ').replace(/- /g, '')).toBe(text);
  });

  it('lets an emergency word break over more lines in a row than the hyphen limit allows ordinary words', () => {
    const lines = set(`Then ${SYLLABLES} again.`);
    let run = 0;
    let longest = 0;
    for (const l of lines) (run = l.hyphenated ? run + 1 : 0), (longest = Math.max(longest, run));
    expect(longest).toBeGreaterThan(body.breaking.maxHyphensInRow);
  });
});
