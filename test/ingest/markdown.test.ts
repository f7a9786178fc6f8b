// Markdown articles: front matter fields, body blocks and runs, spans in file lines, errors.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/ingest/index.js';
import { diagnosticOf } from '../helpers.js';

const md = (...lines: string[]): string => lines.join('\n');

describe('parseMarkdown', () => {
  const story = md(
    '---',                                           // 1
    'headline: Harbour wall to be rebuilt',          // 2
    'standfirst: Work starts in May',                // 3
    'byline: { name: Jane Smith, role: Chief Reporter }',
    'date: 2026-11-26',                              // 5
    'updated: 2026-11-26T09:30:00Z',
    'section: News',
    'kicker: Exclusive',
    'image:',
    '  src: photos/harbour wall.jpg',               // 10
    '  caption: The wall after the storm',
    '  credit: Photo by Sam Lee',
    '  focus: { x: 0.25, y: 0.5 }',
    '---',                                           // 14
    '',
    'The *harbour wall* will be **rebuilt _next_ year**, the council said.',  // 16
    '',
    '## What happens next',                          // 18
    '',
    '> “Work starts in May,” said Cllr Ann Lee.',    // 20
    '',
    '- first item',                                  // 22
    '- second *item*',
    '',
    '1. one',                                        // 25
    '',
    '![Cranes on the quay](photos/cranes.jpg "Cranes arrive")',  // 27
  );

  it('reads the front matter fields', () => {
    const a = parseMarkdown('stories/harbour.md', story);
    expect(a).toMatchObject({
      id: 'harbour', format: 'markdown', headline: 'Harbour wall to be rebuilt', standfirst: 'Work starts in May',
      byline: { name: 'Jane Smith', role: 'Chief Reporter' }, published: '2026-11-26', updated: '2026-11-26T09:30:00Z',
      section: 'News', kicker: 'Exclusive',
    });
    expect(a.src).toEqual({ file: 'stories/harbour.md', line: 2, col: 11 });
    expect(a.leadImage).toEqual({
      file: resolve('stories/photos/harbour wall.jpg'), caption: 'The wall after the storm', credit: 'Photo by Sam Lee',
      focus: { x: 0.25, y: 0.5 }, src: { file: 'stories/harbour.md', line: 10, col: 8 },
    });
  });

  it('maps the body to blocks with styled runs and file line numbers', () => {
    const a = parseMarkdown('stories/harbour.md', story);
    expect(a.body.map((b) => [b.kind, b.src.line])).toEqual([
      ['paragraph', 16], ['crosshead', 18], ['quote', 20], ['list', 22], ['list', 25], ['image', 27],
    ]);
    expect(a.body[0]).toMatchObject({ runs: [
      { text: 'The ' }, { text: 'harbour wall', italic: true }, { text: ' will be ' },
      { text: 'rebuilt ', bold: true }, { text: 'next', bold: true, italic: true }, { text: ' year', bold: true },
      { text: ', the council said.' },
    ] });
    expect(a.body[2]).toMatchObject({ runs: [{ text: '“Work starts in May,” said Cllr Ann Lee.' }] });
    expect(a.body[3]).toMatchObject({ ordered: false, items: [[{ text: 'first item' }], [{ text: 'second ' }, { text: 'item', italic: true }]] });
    expect(a.body[4]).toMatchObject({ ordered: true });
    expect(a.body[5]).toMatchObject({ image: { file: resolve('stories/photos/cranes.jpg'), caption: 'Cranes arrive', alt: 'Cranes on the quay' } });
  });

  it('gives each block the line and column it starts at, inside block quotes too', () => {
    const a = parseMarkdown('a.md', md(
      '# Headline',             // 1
      '',
      '  Indented paragraph.',  // 3
      '',
      '> Quoted.',              // 5
      '',
      '>Tight quote.',          // 7
      '',
      '> > Nested quote.',      // 9
      '',
      '- a list',               // 11
      '',
      '## Crosshead',           // 13
    ));
    expect(a.body.map((b) => [b.kind, b.src.line, b.src.col])).toEqual([
      ['paragraph', 3, 3], ['quote', 5, 3], ['quote', 7, 2], ['quote', 9, 5], ['list', 11, 1], ['crosshead', 13, 1],
    ]);
  });

  it('finds a photo by its file name as written, accents, escapes and spaces (in angle brackets) included', () => {
    const a = parseMarkdown('stories/a.md', md('# H', '', '![Quay](photos/café\\_1.jpg)', '', '![Pier](<photos/the pier.jpg> "At dusk")'));
    expect(a.body).toMatchObject([
      { kind: 'image', image: { file: resolve('stories/photos/café_1.jpg'), alt: 'Quay' } },
      { kind: 'image', image: { file: resolve('stories/photos/the pier.jpg'), alt: 'Pier', caption: 'At dusk' } },
    ]);
  });

  it('takes a leading # heading as the headline when the front matter has none', () => {
    const a = parseMarkdown('a.md', '# Fire crews praised\n\nReaders wrote in.\n');
    expect(a.headline).toBe('Fire crews praised');
    expect(a.src.line).toBe(1);
    expect(a.body).toHaveLength(1);
  });

  it('reports a YAML syntax error at its file line', () => {
    const d = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: ok', 'byline: [unclosed', '---', 'Body.')));
    expect(d.code).toBe('ingest/front-matter');
    expect(d.span?.line).toBeGreaterThanOrEqual(3);
    expect(d.printed).toMatch(/^a\.md:\d+:\d+: error: YAML/);
  });

  it('refuses an unknown key, naming it and its line, with the known keys as a hint', () => {
    const d = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: ok', 'auther: Jane', '---', 'Body.')));
    expect(d.span).toEqual({ file: 'a.md', line: 3, col: 1 });
    expect(d.message).toContain('"auther"');
    expect(d.hints?.[0]).toContain('byline');
  });

  it('refuses a bad date and an out-of-range focus at the value', () => {
    const bad = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: ok', 'date: 26/11/2026', '---', 'Body.')));
    expect(bad.span).toEqual({ file: 'a.md', line: 3, col: 7 });
    expect(bad.message).toContain('front matter: date must be a date');
    const focus = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: ok', 'image:', '  src: a.jpg', '  focus: {x: 2, y: 0}', '---', 'Body.')));
    expect(focus.span?.line).toBe(5);
  });

  it('refuses a missing headline, an unclosed front matter and a headline without body', () => {
    expect(diagnosticOf(() => parseMarkdown('a.md', md('---', 'section: News', '---', 'Body.'))).code).toBe('ingest/no-headline');
    expect(diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: x', 'Body.'))).message).toContain('not closed');
    const d = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: Only a headline', '---', '', '<!-- todo -->')));
    expect(d.code).toBe('ingest/no-body');
    expect(d.span?.line).toBe(2);
  });

  it('refuses a web address as an image', () => {
    expect(diagnosticOf(() => parseMarkdown('a.md', 'Text.\n\n![x](https://example.com/x.jpg)\n# h')).code).toBe('ingest/no-headline');
    const d = diagnosticOf(() => parseMarkdown('a.md', md('---', 'headline: h', '---', '![x](https://example.com/x.jpg)')));
    expect(d.code).toBe('ingest/remote-image');
    expect(d.span?.line).toBe(4);
  });
});

describe('nesting deeper than the page shows', () => {
  /** Every word of the body's blocks, in order. */
  const bodyText = (a: ReturnType<typeof parseMarkdown>) =>
    a.body.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : b.kind === 'list' ? b.items.map((i) => i.map((r) => r.text).join('')).join(' | ') : '')).join('\n');

  it('10,000 nested block quotes: the quoted words are kept, set at the deepest depth shown, with a warning at the line', () => {
    const md = ['---', 'headline: Deep quotes', '---', '', 'Intro paragraph.', '', `${'>'.repeat(10_000)} deeply quoted words here`, '', 'Last paragraph.'].join('\n');
    const a = parseMarkdown('quotes.md', md);
    expect(bodyText(a)).toContain('deeply quoted words here');
    expect(bodyText(a)).toContain('Last paragraph.');
    expect(a.readingNotes).toEqual([expect.objectContaining({ code: 'ingest/deep-nesting', src: { file: 'quotes.md', line: 7, col: 1 } })]);
  });

  it('1,000 nested list levels: all 1,000 items are kept, the deep ones as siblings at the deepest level, with a warning', () => {
    const md = ['---', 'headline: Deep lists', '---', '', 'Intro paragraph.', '', ...Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`)].join('\n');
    const a = parseMarkdown('lists.md', md);
    const items = bodyText(a).match(/item \d+/g) ?? [];
    expect(items).toHaveLength(1000);
    expect(items.at(-1)).toBe('item 999');
    // The first item indented past 32 columns is item 17, on the body's line 7 + 17.
    expect(a.readingNotes?.[0]?.src.line).toBe(7 + 17);
  });

  it('lists and quotes a few levels deep are read as written, with no warning', () => {
    const md = ['---', 'headline: Shallow', '---', '', '> A quote', '> > inside a quote', '', '- one', '  - two', '    - three'].join('\n');
    const a = parseMarkdown('shallow.md', md);
    expect(a.readingNotes).toBeUndefined();
    expect(bodyText(a)).toMatch(/one[\s\S]*two[\s\S]*three/);
  });
});

describe('HTML blocks', () => {
  it('a table pasted as HTML is not set, and says so at its line with its words; a comment or empty block says nothing', () => {
    const md = ['---', 'headline: Results', '---', '', 'The results were:', '', '<table><tr><td>Wexcombe 3</td><td>Hollerton 1</td></tr></table>', '', '<!-- a note to the sub -->', '', '<div>', '', '</div>', '', 'Last paragraph.'].join('\n');
    const a = parseMarkdown('results.md', md);
    expect(a.readingNotes).toEqual([expect.objectContaining({
      code: 'ingest/html-block',
      message: 'an HTML block is not set, and its words are left out: “Wexcombe 3 Hollerton 1”',
      src: { file: 'results.md', line: 7, col: 1 },
    })]);
  });
});
