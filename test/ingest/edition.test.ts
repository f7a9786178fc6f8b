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
    expect(d.hints).toEqual(['known keys: version, publication, date, issue, base-url, e-edition, pages']);
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

  it('reports YAML syntax errors at their line', () => {
    const d = diagnosticOf(() => parse('version: 1\npages:\n  - template: [front\n'));
    expect(d.code).toBe('ingest/edition');
    expect(d.span?.file).toBe(file);
    expect(d.span?.line).toBeGreaterThanOrEqual(3);
  });
});
