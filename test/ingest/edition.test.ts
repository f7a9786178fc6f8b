// Edition files: validation and the file:line:col of every complaint.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEditionFile } from '../../src/ingest/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

const edition = (...lines: string[]): string => lines.join('\n');
const good = edition(
  'version: 1',                                                            // 1
  'publication: { name: The Wexcombe Courier, masthead: Wexcombe Courier, tagline: "Serving the valley", price: "£1.40", url: "https://courier.example" }',
  'date: 2026-11-26',
  'issue: 7412',
  'base-url: https://courier.example/e',                                   // 5
  'pages:',
  '  - template: front',
  '    section: News',
  '    stories: [stories/harbour-wall.md, stories/school.txt]',
  '  - template: sport',                                                   // 10
  '    stories:',
  '      - stories/cup.json',
);

describe('parseEditionFile', () => {
  const dir = tempDir({ 'stories/harbour-wall.md': 'x', 'stories/school.txt': 'x', 'stories/cup.json': '{}' });
  const file = join(dir, 'edition.yaml');
  const parse = (text: string) => parseEditionFile(file, text);

  it('reads a version 1 edition with story paths made absolute', () => {
    const spec = parse(good);
    expect(spec).toMatchObject({
      file, version: 1, date: '2026-11-26', issue: 7412, baseUrl: 'https://courier.example/e',
      publication: { name: 'The Wexcombe Courier', masthead: 'Wexcombe Courier', tagline: 'Serving the valley', price: '£1.40', url: 'https://courier.example' },
    });
    expect(spec.pages.map((p) => [p.template, p.section, p.src.line])).toEqual([['front', 'News', 7], ['sport', undefined, 10]]);
    expect(spec.pages[0]!.stories).toEqual([join(dir, 'stories/harbour-wall.md'), join(dir, 'stories/school.txt')]);
    expect(spec.pages[1]!.storySrc[0]).toEqual({ file, line: 12, col: 9 });
  });

  it('names a missing story file and the edition line that lists it', () => {
    const d = diagnosticOf(() => parse(good.replace('stories/cup.json', 'stories/cup-final.json')));
    expect(d.code).toBe('ingest/missing-story');
    expect(d.span).toEqual({ file, line: 12, col: 9 });
    expect(d.message).toContain('stories/cup-final.json');
  });

  it('refuses unknown keys with the known ones as a hint', () => {
    const d = diagnosticOf(() => parse(good.replace('issue: 7412', 'isue: 7412')));
    expect(d.span).toEqual({ file, line: 4, col: 1 });
    expect(d.message).toBe('edition file: unknown key "isue"');
    expect(d.hints).toEqual(['known keys: version, publication, date, issue, base-url, e-edition, pages, overmatter, house-ads']);
    const inPage = diagnosticOf(() => parse(good.replace('    section: News', '    sektion: News')));
    expect(inPage).toMatchObject({ message: 'edition file: unknown key "sektion" in pages[1]', span: { line: 8, col: 5 } });
  });

  it('refuses a bad date, a missing date, a bad version and an empty page list at the offending node', () => {
    expect(diagnosticOf(() => parse(good.replace('2026-11-26', '2026-02-30')))).toMatchObject({
      span: { line: 3, col: 7 }, message: 'edition file: date must be a real date written YYYY-MM-DD (found "2026-02-30")',
    });
    expect(diagnosticOf(() => parse(good.replace('date: 2026-11-26\n', ''))).message).toContain('date is required');
    expect(diagnosticOf(() => parse(good.replace('version: 1', 'version: 2'))).span?.line).toBe(1);
    const noPages = diagnosticOf(() => parse(edition('version: 1', 'publication: { name: X }', 'date: 2026-11-26', 'pages: []')));
    expect(noPages).toMatchObject({ span: { line: 4 }, message: expect.stringContaining('at least one page') });
  });

  it('refuses mistyped fields: a number price, a bad issue', () => {
    expect(diagnosticOf(() => parse(good.replace('"£1.40"', '1.40'))).message).toContain('publication.price must be text');
    expect(diagnosticOf(() => parse(good.replace('7412', '-3'))).span?.line).toBe(4);
  });

  it('composes a page that names no template', () => {
    const spec = parse(good.replace('  - template: sport', '  - section: Sport'));
    expect(spec.pages[1]!.template).toBe('composed');
  });

  describe('the flatplan', () => {
    const flat = (...pages: string[]) => edition('version: 1', 'publication: { name: The Wexcombe Courier }', 'date: 2026-11-26', 'pages:', ...pages);
    const files = tempDir({ 'stories/a.md': 'x', 'stories/b.md': 'x', 'ads/garden.pdf': '%PDF', 'ads/bakery.jpg': 'x' });
    const parseFlat = (text: string) => parseEditionFile(join(files, 'edition.yaml'), text);

    it('reads stories in priority order with continue-on, and adverts with their booking', () => {
      const spec = parseFlat(
        flat(
          '  - stories:',                                                      // 5
          '      - { file: stories/a.md, continue-on: 2 }',
          '      - stories/b.md',
          '    ads:',
          '      - { file: ads/garden.pdf, size: 5x12cm, url: https://hollies.example }',
          '      - { file: ads/bakery.jpg, size: "2×40mm", position: outer }',     // 10
          '  - section: News',
        ),
      );
      expect(spec.pages[0]!.template).toBe('composed');
      expect(spec.pages[0]!.continueOn).toEqual([2, undefined]);
      const [garden, bakery] = spec.pages[0]!.ads;
      expect(garden).toMatchObject({ file: join(files, 'ads/garden.pdf'), columns: 5, size: '5x12cm', position: 'foot', url: 'https://hollies.example', src: { line: 9 } });
      expect(garden!.depth).toBeCloseTo((120 * 72) / 25.4, 6);
      expect(bakery).toMatchObject({ columns: 2, position: 'outer' });
      expect(bakery!.depth).toBeCloseTo((40 * 72) / 25.4, 6);
    });

    it('refuses a continue-on to the same page, an earlier one or one that does not exist, at its line', () => {
      const one = (on: number) => diagnosticOf(() => parseFlat(flat('  - stories: [stories/b.md]', `  - stories: [{ file: stories/a.md, continue-on: ${on} }]`, '  - stories: []')));
      expect(one(2)).toMatchObject({ span: { line: 6 }, message: expect.stringContaining('continue-on must be a later page than this one (page 2)') });
      expect(one(1).message).toContain('a later page');
      expect(one(9)).toMatchObject({ span: { line: 6 }, message: expect.stringContaining('continue-on must be a page of this edition, which has 3') });
    });

    it('refuses an unknown position, a bad size and a missing advert file, each at its line', () => {
      const ad = (entry: string) => diagnosticOf(() => parseFlat(flat('  - stories: [stories/a.md]', '    ads:', `      - ${entry}`)));
      expect(ad('{ file: ads/garden.pdf, size: 5x12cm, position: middle }')).toMatchObject({ span: { line: 7 }, message: expect.stringContaining('position must be one of foot, top, outer, inner') });
      expect(ad('{ file: ads/garden.pdf, size: 5 columns }')).toMatchObject({ span: { line: 7 }, message: expect.stringContaining('size must be columns × depth, such as 5x12cm or 2x100mm') });
      const missing = ad('{ file: ads/nowhere.pdf, size: 2x4cm }');
      expect(missing).toMatchObject({ code: 'ingest/missing-advert', span: { line: 7 }, message: 'advert file not found: ads/nowhere.pdf' });
      expect(ad('{ size: 2x4cm }').message).toContain('ads[1].file is required');
    });
  });

  describe('trim, the overmatter and house adverts', () => {
    const head = ['version: 1', 'publication: { name: The Wexcombe Courier }', 'date: 2026-11-26'];
    const files = tempDir({ 'stories/a.md': 'x', 'stories/b.md': 'x', 'stories/c.md': 'x', 'stories/d.md': 'x', 'ads/house.pdf': '%PDF' });
    const at = join(files, 'edition.yaml');
    const parseIt = (...lines: string[]) => parseEditionFile(at, edition(...head, ...lines));
    const story = (f: string) => join(files, 'stories', f);

    it('reads trim: end on page stories, overmatter entries with their section and trim, and house adverts of text and of a file', () => {
      const spec = parseIt(
        'pages:',                                                           // 4
        '  - section: News',
        '    stories: [stories/a.md, { file: stories/b.md, trim: end }]',
        'overmatter:',
        '  - { file: stories/c.md, section: Sport, trim: end }',
        '  - stories/d.md',                                                 // 9
        'house-ads:',
        '  - { heading: Subscribe to the Courier, text: "Have the Courier delivered", url: https://courier.example/subscribe }',
        '  - { file: ads/house.pdf, size: 2x6cm }',
      );
      expect(spec.pages[0]!.trim).toEqual([undefined, 'end']);
      expect(spec.overmatter).toEqual([
        { file: story('c.md'), section: 'Sport', trim: 'end', src: { file: at, line: 8, col: 5 } },
        { file: story('d.md'), src: { file: at, line: 9, col: 5 } },
      ]);
      expect(spec.houseAds).toEqual([
        { heading: 'Subscribe to the Courier', text: 'Have the Courier delivered', url: 'https://courier.example/subscribe', src: { file: at, line: 11, col: 5 } },
        { file: join(files, 'ads/house.pdf'), columns: 2, depth: (60 * 72) / 25.4, size: '2x6cm', src: { file: at, line: 12, col: 5 } },
      ]);
      expect(parseIt('pages:', '  - stories: [stories/a.md]')).toMatchObject({ overmatter: [], houseAds: [], pages: [{ trim: [undefined] }] });
    });

    it('refuses a story named twice, at the second mention, naming the first: on two pages, on a page and in the overmatter, twice in the overmatter', () => {
      const twicePages = diagnosticOf(() => parseIt('pages:', '  - stories: [stories/a.md]', '  - stories: [stories/b.md, stories/a.md]'));
      expect(twicePages).toMatchObject({
        code: 'ingest/duplicate-story',
        span: { file: at, line: 6, col: 29 },
        message: `edition file: stories/a.md is listed twice, at pages[1].stories[1] (${at}:5:15) and at pages[2].stories[2]: a story appears once in a flatplan`,
      });
      expect(twicePages.hints![0]).toContain('continue-on');
      const pageAndOver = diagnosticOf(() => parseIt('pages:', '  - stories: [{ file: stories/a.md, continue-on: 2 }]', '  - section: News', 'overmatter:', '  - { file: stories/a.md, section: News }'));
      expect(pageAndOver).toMatchObject({
        span: { line: 8, col: 13 },
        message: `edition file: stories/a.md is listed twice, at pages[1].stories[1] (${at}:5:23) and at overmatter[1]: a story appears once in a flatplan`,
      });
      const twiceOver = diagnosticOf(() => parseIt('pages:', '  - stories: [stories/a.md]', 'overmatter:', '  - stories/b.md', '  - { file: ./stories/b.md }'));
      expect(twiceOver).toMatchObject({
        span: { line: 8, col: 13 },
        message: `edition file: ./stories/b.md is listed twice, at overmatter[1] (${at}:7:5) and at overmatter[2]: a story appears once in a flatplan`,
      });
      // The second mention is the later one in the file, whichever key comes first.
      const overFirst = diagnosticOf(() => parseIt('overmatter: [stories/a.md]', 'pages:', '  - stories: [stories/a.md]'));
      expect(overFirst).toMatchObject({ span: { line: 6, col: 15 }, message: expect.stringContaining(`at overmatter[1] (${at}:4:14) and at pages[1].stories[1]`) });
    });

    it('refuses a trim other than end, on a page story or an overmatter entry, at its value', () => {
      expect(diagnosticOf(() => parseIt('pages:', '  - stories: [{ file: stories/a.md, trim: start }]'))).toMatchObject({
        code: 'ingest/edition', span: { line: 5, col: 43 },
        message: 'edition file: pages[1].stories[1].trim must be end, to cut whole paragraphs from the end to fit (found "start")',
      });
      expect(diagnosticOf(() => parseIt('pages:', '  - stories: [stories/a.md]', 'overmatter:', '  - { file: stories/b.md, trim: true }'))).toMatchObject({
        span: { line: 7, col: 33 },
        message: 'edition file: overmatter[1].trim must be end, to cut whole paragraphs from the end to fit (found true)',
      });
    });

    it('refuses a missing overmatter story, unknown keys in overmatter and house-ads entries, and an entry without its file', () => {
      const pages = ['pages:', '  - stories: [stories/a.md]'];
      expect(diagnosticOf(() => parseIt(...pages, 'overmatter: [stories/nowhere.md]'))).toMatchObject({ code: 'ingest/missing-story', span: { line: 6, col: 14 }, message: 'story file not found: stories/nowhere.md' });
      expect(diagnosticOf(() => parseIt(...pages, 'overmatter:', '  - { file: stories/b.md, sektion: News }'))).toMatchObject({
        span: { line: 7, col: 27 }, message: 'edition file: unknown key "sektion" in overmatter[1]', hints: ['known keys: file, section, trim'],
      });
      expect(diagnosticOf(() => parseIt(...pages, 'overmatter:', '  - { section: News }')).message).toBe('edition file: overmatter[1].file is required (the story file)');
      expect(diagnosticOf(() => parseIt(...pages, 'house-ads:', '  - { heading: Subscribe, text: Now, position: foot }'))).toMatchObject({
        span: { line: 7, col: 38 }, message: 'edition file: unknown key "position" in house-ads[1]', hints: ['known keys: heading, text, file, size, url'],
      });
    });

    it('refuses a house advert that is both text and a file, or neither, or half of one, a bad size or url, and a missing file', () => {
      const one = (entry: string) => diagnosticOf(() => parseIt('pages:', '  - stories: [stories/a.md]', 'house-ads:', `  - ${entry}`));
      expect(one('{ heading: Subscribe, text: Now, file: ads/house.pdf, size: 2x6cm }')).toMatchObject({
        code: 'ingest/edition', span: { line: 7, col: 5 },
        message: 'edition file: house-ads[1] must be a text promo (heading and text) or a file (file and size), not both',
      });
      expect(one('{ url: https://courier.example }').message).toBe('edition file: house-ads[1] must be a text promo (heading and text) or a file (file and size)');
      expect(one('{ heading: Subscribe }').message).toBe('edition file: house-ads[1].text is required (a text promo has a heading and text)');
      expect(one('{ file: ads/house.pdf }').message).toBe('edition file: house-ads[1].size is required (the booking, columns × depth: 5x12cm or 2x100mm)');
      expect(one('{ file: ads/house.pdf, size: big }').message).toBe('edition file: house-ads[1].size must be columns × depth, such as 5x12cm or 2x100mm (found "big")');
      expect(one('{ heading: Subscribe, text: Now, url: courier.example }').message).toBe('edition file: house-ads[1].url must be a web address starting with https:// (found "courier.example")');
      expect(one('{ file: ads/nowhere.pdf, size: 2x6cm }')).toMatchObject({ code: 'ingest/missing-advert', span: { line: 7, col: 13 }, message: 'advert file not found: ads/nowhere.pdf' });
      expect(one('stories/a.md').message).toBe('edition file: house-ads[1] must be a mapping of keys to values (found "stories/a.md")');
    });
  });

  it('reports YAML syntax errors at their line', () => {
    const d = diagnosticOf(() => parse('version: 1\npages:\n  - template: [front\n'));
    expect(d.code).toBe('ingest/edition');
    expect(d.span?.file).toBe(file);
    expect(d.span?.line).toBeGreaterThanOrEqual(3);
  });
});
