// Wire notes and embargoes as findings for the desk: which embargoes warn for an edition's date.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskFindings, loadArticle } from '../../src/ingest/index.js';
import { tempDir } from '../helpers.js';

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
});
