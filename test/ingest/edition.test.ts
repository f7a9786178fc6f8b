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

  it('refuses mistyped fields: a number price, a bad issue, a page without template', () => {
    expect(diagnosticOf(() => parse(good.replace('"£1.40"', '1.40'))).message).toContain('publication.price must be text');
    expect(diagnosticOf(() => parse(good.replace('7412', '-3'))).span?.line).toBe(4);
    const d = diagnosticOf(() => parse(good.replace('  - template: sport', '  - section: Sport')));
    expect(d).toMatchObject({ span: { line: 10 }, message: 'edition file: pages[2].template is required (text)' });
  });

  it('reports YAML syntax errors at their line', () => {
    const d = diagnosticOf(() => parse('version: 1\npages:\n  - template: [front\n'));
    expect(d.code).toBe('ingest/edition');
    expect(d.span?.file).toBe(file);
    expect(d.span?.line).toBeGreaterThanOrEqual(3);
  });
});
