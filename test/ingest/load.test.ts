// loadArticle and loadEdition: format by extension, ids, unique ids across an edition.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle, loadEdition } from '../../src/ingest/index.js';
import { editionFromFile } from '../../src/publish/edition.js';
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
  it('loads every story, and makes clashing ids unique with -2, -3 across the pages and the overmatter', () => {
    const dir = tempDir({
      'edition.yaml': [
        'version: 1', 'publication: { name: The Wexcombe Courier }', 'date: 2026-11-26', 'pages:',
        '  - template: front', '    stories: [news/fire.md, sport/fire.txt]',
        '  - template: news', '    stories: [news/flood.md]',
        'overmatter: [arts/fire.md]',
      ].join('\n'),
      'news/fire.md': '---\nheadline: Barn fire\n---\nCrews attended.\n',
      'news/flood.md': '---\nheadline: Flood\n---\nWater rose.\n',
      'sport/fire.txt': 'Fire FC win\n\nThey won.\n',
      'arts/fire.md': '---\nheadline: Fire dance\n---\nIt was hot.\n',
    });
    const { spec, articles, pages, overmatter } = loadEdition(join(dir, 'edition.yaml'));
    expect(spec.date).toBe('2026-11-26');
    expect([...articles.keys()]).toEqual(['fire', 'fire-2', 'flood', 'fire-3']);
    expect(articles.get('fire')!.headline).toBe('Barn fire');
    expect(articles.get('fire-2')!).toMatchObject({ id: 'fire-2', headline: 'Fire FC win' });
    expect(articles.get('fire-3')!).toMatchObject({ id: 'fire-3', headline: 'Fire dance' });
    expect(pages.map((p) => p.stories)).toEqual([['fire', 'fire-2'], ['flood']]);
    expect(overmatter.map((o) => o.id)).toEqual(['fire-3']);
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

describe('loadEdition: the overmatter, house adverts and trim', () => {
  const md = (headline: string, section?: string) => `---\nheadline: ${headline}\n${section ? `section: ${section}\n` : ''}---\nText.\n`;
  const stories = {
    'stories/lead.md': md('Lead'),
    'stories/court.md': md('Court'),
    'stories/x.md': md('X'),
    'stories/y.md': md('Y', 'Sport'),
    'stories/z.md': md('Z', 'Arts'),
    'stories/w.md': md('W'),
    'ads/house.pdf': '%PDF-1.4\n',
  };
  const head = ['version: 1', 'publication: { name: The Wexcombe Courier }', 'date: 2026-11-26'];
  const load = (...lines: string[]) => {
    const dir = tempDir({ ...stories, 'edition.yaml': [...head, ...lines].join('\n') });
    return { dir, loaded: () => loadEdition(join(dir, 'edition.yaml')), edition: () => editionFromFile(join(dir, 'edition.yaml')) };
  };

  it('gives each overmatter story its section (the entry’s, else the story’s own, else none), trim by article id, and the house adverts', () => {
    const { dir, loaded } = load(
      'pages:',                                                            // 4
      '  - section: News',
      '    stories: [stories/lead.md, { file: stories/court.md, trim: end }]',
      '  - section: sport',
      'overmatter:',
      '  - { file: stories/x.md, section: News, trim: end }',             // 9
      '  - { file: stories/y.md }',
      '  - stories/w.md',
      'house-ads:',
      '  - { heading: Subscribe, text: Have the Courier delivered }',
      '  - { file: ads/house.pdf, size: 2x6cm, url: https://courier.example/subscribe }',
    );
    const e = loaded();
    expect(e.pages[0]).toMatchObject({ stories: ['lead', 'court'], trim: { court: 'end' } });
    expect(e.pages[1]!.trim).toBeUndefined();
    expect(e.overmatter).toEqual([
      { id: 'x', section: 'News', trim: 'end', src: expect.objectContaining({ line: 9, col: 5 }) },
      { id: 'y', section: 'Sport', src: expect.objectContaining({ line: 10, col: 5 }) },
      { id: 'w', src: expect.objectContaining({ line: 11, col: 5 }) },
    ]);
    expect([...e.articles.keys()]).toEqual(['lead', 'court', 'x', 'y', 'w']);
    expect(e.houseAds.map((h) => h.heading ?? h.file)).toEqual(['Subscribe', join(dir, 'ads/house.pdf')]);
    expect(e.houseAds[1]).toMatchObject({ columns: 2, size: '2x6cm', url: 'https://courier.example/subscribe' });
    // Sections are matched with case ignored: Sport goes to the page of section "sport", and nothing warns.
    expect(e.notes).toEqual([]);
  });

  it('passes the overmatter, house adverts and notes into the Edition only when there are some', () => {
    const bare = load('pages:', '  - stories: [stories/lead.md]').edition();
    expect('overmatter' in bare || 'houseAds' in bare || 'notes' in bare).toBe(false);
    const full = load('pages:', '  - { section: News, stories: [stories/lead.md] }', 'overmatter: [stories/z.md]', 'house-ads: [{ heading: Subscribe, text: Now }]').edition();
    expect(full.overmatter).toEqual([{ id: 'z', section: 'Arts', src: expect.objectContaining({ line: 6, col: 14 }) }]);
    expect(full.houseAds).toEqual([{ heading: 'Subscribe', text: 'Now', src: expect.objectContaining({ line: 7, col: 13 }) }]);
    expect(full.notes!.map((n) => n.code)).toEqual(['ingest/overmatter-section']);
    expect([...full.articles.keys()]).toEqual(['lead', 'z']);
  });

  it('notes an overmatter story whose section no page has, at its entry: it will be held over', () => {
    const { loaded } = load(
      'pages:',
      '  - { section: News, stories: [stories/lead.md] }',
      '  - { template: house-ad }',
      'overmatter:',
      '  - { file: stories/x.md, section: Gardening }',                       // 8
      '  - stories/z.md',
      '  - stories/w.md',
    );
    const { notes, overmatter } = loaded();
    expect(overmatter.map((o) => [o.id, o.section])).toEqual([['x', 'Gardening'], ['z', 'Arts'], ['w', undefined]]);
    expect(notes).toEqual([
      {
        severity: 'warning', code: 'ingest/overmatter-section', span: expect.objectContaining({ line: 8, col: 5 }),
        message: 'edition file: overmatter[1] (stories/x.md) is for section "Gardening", which no page of this edition has: it will be held over',
        hints: ["the edition's sections: News"],
      },
      {
        severity: 'warning', code: 'ingest/overmatter-section', span: expect.objectContaining({ line: 9, col: 5 }),
        message: 'edition file: overmatter[2] (stories/z.md) is for section "Arts" (the story’s own section), which no page of this edition has: it will be held over',
        hints: ["the edition's sections: News"],
      },
    ]);
  });

  it('refuses a composed page that lists no stories when no overmatter story can go on it, at the page', () => {
    const noOvermatter = diagnosticOf(() => load('pages:', '  - template: front', '    stories: [stories/lead.md]', '  - section: News').loaded());
    expect(noOvermatter).toMatchObject({
      code: 'ingest/empty-page', span: { line: 7, col: 5 },
      message: 'edition file: pages[2] lists no stories, and no overmatter story is for section "News" or for any page: nothing to put on it',
    });
    expect(noOvermatter.hints![0]).toContain('template: house-ad');
    // The overmatter is all for another section: the story's own (Sport), and an entry's.
    const otherSection = diagnosticOf(() => load('pages:', '  - template: front', '    section: News', 'overmatter: [stories/y.md, { file: stories/x.md, section: Sport }]').loaded());
    expect(otherSection).toMatchObject({ span: { line: 5, col: 5 }, message: expect.stringContaining('pages[1] lists no stories') });
    const noSection = diagnosticOf(() => load('pages:', '  - ads: [{ file: ads/house.pdf, size: 2x6cm }]', 'overmatter: [stories/y.md]').loaded());
    expect(noSection.message).toBe('edition file: pages[1] lists no stories and has no section, and no overmatter story is for any page: nothing to put on it');
    // What can fill it: overmatter of its section (case ignored) or of none. Another template is exempt.
    expect(load('pages:', '  - section: SPORT', 'overmatter: [stories/y.md]').loaded().pages).toHaveLength(1);
    expect(load('pages:', '  - section: News', 'overmatter: [stories/w.md]').loaded().pages).toHaveLength(1);
    expect(load('pages:', '  - {}', 'overmatter: [stories/w.md]').loaded().pages).toHaveLength(1);
    expect(load('pages:', '  - { template: house-ad, section: News }').loaded().pages).toHaveLength(1);
  });
});
