// Wire notes, embargoes and story dates as findings for the desk: which embargoes and dates warn for an edition's date.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskFindings, loadArticle } from '../../src/ingest/index.js';
import { REPO, tempDir } from '../helpers.js';

/** A NewsML-G2 item with an `embargoed` value (or none) and an edNote. */
function item(embargoed: string | undefined, note = ''): string {
  return [
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1">',
    `  <itemMeta><itemClass qcode="ninat:text"/>${embargoed === undefined ? '' : `<embargoed>${embargoed}</embargoed>`}${note}</itemMeta>`,
    '  <contentMeta><slugline>Pier-Reopens</slugline><headline>Pier reopens</headline></contentMeta>',
    '  <contentSet><inlineXML><nitf><body><body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet>',
    '</newsItem>',
  ].join('\n');
}
const load = (text: string) => loadArticle(join(tempDir({ 'pier.xml': text }), 'pier.xml'));

describe('deskFindings', () => {
  it('warns of every note to the desk, naming the story and its slugline, at the note', () => {
    const a = load(item(undefined, '<edNote>Check the spelling of the pier-master’s name.</edNote><edNote>Picture to follow.</edNote>'));
    const found = deskFindings(a, '2026-11-26');
    expect(found.map((f) => [f.code, f.message, f.span?.line])).toEqual([
      ['ingest/desk-note', 'note to the desk on “Pier reopens” (Pier-Reopens): Check the spelling of the pier-master’s name.', 2],
      ['ingest/desk-note', 'note to the desk on “Pier reopens” (Pier-Reopens): Picture to follow.', 2],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  // The paper dated 26 November is on sale from the small hours of the 26th: an embargo to 00:01 that day is the
  // customary one for morning papers; anything later breaks it.
  const cases: [string, boolean][] = [
    ['2026-11-25T18:00:00Z', false],
    ['2026-11-26T00:01:00+00:00', false],
    ['2026-11-26', false],
    ['2026-11-26T06:00:00Z', true],
    ['2026-11-26T12:00:00-05:00', true],
    ['2026-11-27T00:01:00Z', true],
  ];
  for (const [until, warns] of cases) {
    it(`${warns ? 'warns of' : 'lets pass'} an embargo until ${until} for the edition of 2026-11-26`, () => {
      const found = deskFindings(load(item(until)), '2026-11-26');
      if (!warns) expect(found).toEqual([]);
      else {
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', code: 'ingest/embargo', span: { line: 2 } });
        expect(found[0]!.message).toBe(`“Pier reopens” (Pier-Reopens) is embargoed until ${until}, after the edition of 2026-11-26 goes on sale`);
      }
    });
  }

  it('always warns of an embargo until further notice', () => {
    const found = deskFindings(load(item('')), '2030-01-01');
    expect(found.map((f) => f.message)).toEqual(['“Pier reopens” (Pier-Reopens) is embargoed until further notice']);
  });

  describe('the story’s date against the edition’s', () => {
    const dated = (date: string) => loadArticle(join(tempDir({ 'fete.md': `---\nheadline: Fete raises £900\ndate: ${date}\n---\nText.\n` }), 'fete.md'));
    const cases: [string, string | undefined][] = [
      ['2026-11-26', undefined],
      ['2026-11-12T09:00:00Z', undefined],
      ['2026-11-11', '“Fete raises £900” is dated 2026-11-11, 15 days before the edition of 2026-11-26'],
      ['2025-11-26', '“Fete raises £900” is dated 2025-11-26, 365 days before the edition of 2026-11-26'],
      ['2026-11-27T00:30:00+01:00', '“Fete raises £900” is dated 2026-11-27, after the edition of 2026-11-26'],
    ];
    for (const [date, message] of cases) {
      it(`${message ? 'warns of' : 'lets pass'} a story dated ${date} in the edition of 2026-11-26`, () => {
        const a = dated(date);
        const found = deskFindings(a, '2026-11-26');
        if (!message) expect(found).toEqual([]);
        else expect(found).toEqual([{ severity: 'warning', code: 'ingest/byline-date', message, span: a.src, hints: [expect.stringContaining('check the story’s date')] }]);
      });
    }

    it('lets pass a story with no date, and every story of the sample edition on its date', () => {
      expect(deskFindings(load(item(undefined)), '2026-11-26')).toEqual([]);
      const folder = join(REPO, 'examples', 'sample-edition', 'stories');
      const stories = readdirSync(folder).filter((f) => /\.(md|txt|json)$/.test(f));
      expect(stories.length).toBeGreaterThan(20);
      for (const f of stories) expect(deskFindings(loadArticle(join(folder, f)), '2026-11-26').filter((d) => d.code === 'ingest/byline-date')).toEqual([]);
    });
  });
});
