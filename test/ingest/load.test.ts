// loadArticle and loadEdition: format by extension, ids, unique ids across an edition.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle, loadEdition } from '../../src/ingest/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

describe('loadArticle', () => {
  it('chooses the parser by extension and slugs the file name into the id', () => {
    const dir = tempDir({
      'Harbour Wall (Final).MD': '---\nheadline: Harbour wall\n---\nText.\n',
      'school.txt': 'School wins award - The Courier\r\n\r\nSchool wins award\r\n\r\nPupils celebrated.\r\n',
      'cup.json': '{"headlines": [{"value": "Cup run"}], "bodies": [{"value": "Goal."}]}',
    });
    expect(loadArticle(join(dir, 'Harbour Wall (Final).MD'))).toMatchObject({ id: 'harbour-wall-final', format: 'markdown' });
    expect(loadArticle(join(dir, 'school.txt'))).toMatchObject({ id: 'school', format: 'text', publication: 'The Courier', body: [{ src: { line: 5 } }] });
    expect(loadArticle(join(dir, 'cup.json'))).toMatchObject({ id: 'cup', format: 'ninjs', headline: 'Cup run' });
  });

  it('refuses an unknown extension with a hint naming the formats', () => {
    const dir = tempDir({ 'story.docx': 'x' });
    const d = diagnosticOf(() => loadArticle(join(dir, 'story.docx')));
    expect(d.code).toBe('ingest/unknown-format');
    expect(d.hints?.[0]).toMatch(/\.txt.*\.md.*\.json/);
  });
});

describe('loadEdition', () => {
  it('loads every story once, and makes clashing ids unique with -2', () => {
    const dir = tempDir({
      'edition.yaml': [
        'version: 1', 'publication: { name: The Wexcombe Courier }', 'date: 2026-11-26', 'pages:',
        '  - template: front', '    stories: [news/fire.md, sport/fire.txt]',
        '  - template: news', '    stories: [news/fire.md]',
      ].join('\n'),
      'news/fire.md': '---\nheadline: Barn fire\n---\nCrews attended.\n',
      'sport/fire.txt': 'Fire FC win\n\nThey won.\n',
    });
    const { spec, articles, pages } = loadEdition(join(dir, 'edition.yaml'));
    expect(spec.date).toBe('2026-11-26');
    expect([...articles.keys()]).toEqual(['fire', 'fire-2']);
    expect(articles.get('fire')!.headline).toBe('Barn fire');
    expect(articles.get('fire-2')!).toMatchObject({ id: 'fire-2', headline: 'Fire FC win' });
    expect(pages.map((p) => p.stories)).toEqual([['fire', 'fire-2'], ['fire']]);
  });

  it('passes on a story file’s own error, naming that file', () => {
    const dir = tempDir({
      'edition.yaml': 'version: 1\npublication: { name: X }\ndate: 2026-11-26\npages:\n  - template: front\n    stories: [a.md]\n',
      'a.md': '---\nheadline: Only a headline\n---\n',
    });
    const d = diagnosticOf(() => loadEdition(join(dir, 'edition.yaml')));
    expect(d.code).toBe('ingest/no-body');
    expect(d.span?.file.endsWith('a.md')).toBe(true);
  });
});
