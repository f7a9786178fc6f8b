// ninjs articles: 3.x and 1.x fields, HTML body to blocks, spans inside the JSON, errors.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/core/article.js';
import { parseNinjs } from '../../src/ingest/index.js';
import { diagnosticOf } from '../helpers.js';

const textOf = (b: Block): string => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');

const html = '<p>The <em>harbour wall</em> will be <strong>rebuilt</strong> &amp; widened.</p>'
  + '<h2>What next</h2><blockquote><p>“Work starts in May,” said Cllr Lee.</p></blockquote>'
  + '<ul><li>One</li><li><b>Two</b></li></ul>'
  + '<figure><img src=\\"photos/cranes.jpg\\" alt=\\"Cranes\\"><figcaption>Cranes arrive <span class=\\"credit\\">Sam Lee</span></figcaption></figure>'
  + '<p>Caf\\u00e9 owners \\"cautious\\".</p>';

const ninjs3 = [
  '{',                                                                        // 1
  '  "uri": "urn:newsml:wexcombe:2026:harbour",',
  '  "standard": { "name": "ninjs", "version": "3.0" },',
  '  "firstCreated": "2026-11-25T18:00:00Z",',
  '  "versionCreated": "2026-11-26T07:30:00+00:00",',                      // 5
  '  "headlines": [{ "role": "sub", "value": "Sub" }, { "role": "main", "value": "Harbour wall to be rebuilt" }],',
  '  "by": "By Jane Smith",',
  '  "descriptions": [{ "role": "summary", "value": "Work starts in May" }],',
  '  "bodies": [',
  '    { "role": "main", "contentType": "text/plain", "value": "Plain version." },',   // 10
  `    { "role": "main", "contentType": "text/html", "value": "${html}" }`,           // 11
  '  ],',
  '  "associations": [{ "name": "featureimage", "uri": "urn:pic:1", "type": "picture",',
  '    "descriptions": [{ "role": "caption", "value": "The wall after the storm" }],',
  '    "copyrightNotice": "© Wexcombe Courier",',
  '    "renditions": [{ "name": "thumbnail", "href": "photos/thumb.jpg", "width": 100, "height": 50 },',
  '                   { "name": "original", "href": "photos/wall.jpg", "width": 4000, "height": 3000, "poi": { "x": 1000, "y": 1500 } }] }]',
  '}',
].join('\n');

describe('parseNinjs', () => {
  it('reads ninjs 3 metadata and the picture association', () => {
    const a = parseNinjs('feed/harbour.json', ninjs3);
    expect(a).toMatchObject({
      id: 'harbour', format: 'ninjs', headline: 'Harbour wall to be rebuilt', byline: { name: 'Jane Smith' },
      standfirst: 'Work starts in May', published: '2026-11-25T18:00:00Z', updated: '2026-11-26T07:30:00+00:00',
    });
    expect(a.src.line).toBe(6);
    expect(a.leadImage).toEqual({
      file: resolve('feed/photos/wall.jpg'), caption: 'The wall after the storm', credit: '© Wexcombe Courier',
      focus: { x: 0.25, y: 0.5 }, src: { file: 'feed/harbour.json', line: 17, col: ninjs3.split('\n')[16]!.indexOf('"photos/wall.jpg"') + 1 },
    });
  });

  it('prefers the HTML body and maps its elements to blocks, entities and escapes decoded', () => {
    const a = parseNinjs('feed/harbour.json', ninjs3);
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'crosshead', 'quote', 'list', 'image', 'paragraph']);
    expect(a.body[0]).toMatchObject({ runs: [
      { text: 'The ' }, { text: 'harbour wall', italic: true }, { text: ' will be ' }, { text: 'rebuilt', bold: true }, { text: ' & widened.' },
    ] });
    expect(textOf(a.body[2]!)).toBe('“Work starts in May,” said Cllr Lee.');
    expect(a.body[3]).toMatchObject({ ordered: false, items: [[{ text: 'One' }], [{ text: 'Two', bold: true }]] });
    expect(a.body[4]).toMatchObject({ image: { file: resolve('feed/photos/cranes.jpg'), caption: 'Cranes arrive', credit: 'Sam Lee', alt: 'Cranes' } });
    expect(textOf(a.body[5]!)).toBe('Café owners "cautious".');
  });

  it('points each block at its place inside the body string in the JSON file', () => {
    const a = parseNinjs('feed/harbour.json', ninjs3);
    const line11 = ninjs3.split('\n')[10]!;
    expect(a.body.every((b) => b.src.line === 11)).toBe(true);
    expect(a.body[0]!.src.col).toBe(line11.indexOf('<p>The') + 1);
    expect(a.body[1]!.src.col).toBe(line11.indexOf('<h2>') + 1);
    expect(a.body[5]!.src.col).toBe(line11.indexOf('<p>Caf') + 1);
  });

  it('reads ninjs 1.x: headline string, body_text, associations and renditions as objects', () => {
    const a = parseNinjs('old.json', JSON.stringify({
      uri: 'x', headline: 'Old style', firstcreated: '2020-09-11T08:00:00Z', body_text: 'First para.\n\nSecond para.',
      associations: { main: { type: 'picture', headline: 'A caption', byline: 'x', renditions: { original: { href: pathToFileURL(resolve('p.jpg')).href } } } },
    }, null, 2));
    expect(a.headline).toBe('Old style');
    expect(a.published).toBe('2020-09-11T08:00:00Z');
    expect(a.body.map(textOf)).toEqual(['First para.', 'Second para.']);
    expect(a.leadImage).toMatchObject({ file: resolve('p.jpg'), caption: 'A caption' });
    // A file: address outside the article's root is refused at the rendition, naming it and nothing of the file.
    const outside = diagnosticOf(() => parseNinjs('old.json', JSON.stringify({ uri: 'x', headline: 'Old style', body_text: 'Para.', associations: { main: { type: 'picture', renditions: { original: { href: 'file:///srv/p.jpg' } } } } }, null, 2)));
    expect(outside.code).toBe('ingest/outside-root');
    expect(outside.printed).toMatch(/^old\.json:\d+:\d+: error: photo file:\/\/\/srv\/p\.jpg is outside the article’s folder \(its root\)/);
  });

  it('reports a JSON syntax error at its line and column', () => {
    const d = diagnosticOf(() => parseNinjs('a.json', '{\n  "headlines": [{"value": "x"}]\n  "by": "y"\n}'));
    expect(d.code).toBe('ingest/json-syntax');
    expect(d.span).toEqual({ file: 'a.json', line: 3, col: 3 });
    expect(d.message).toContain('comma expected');
  });

  it('refuses an item without headline, without body, or with a bad date', () => {
    expect(diagnosticOf(() => parseNinjs('a.json', '{"bodies": [{"value": "x"}]}')).code).toBe('ingest/no-headline');
    const noBody = diagnosticOf(() => parseNinjs('a.json', '{\n"headlines": [{"value": "Alone"}],\n"bodies": [{"contentType": "text/html", "value": "<p> </p>"}]}'));
    expect(noBody).toMatchObject({ code: 'ingest/no-body', span: { line: 2 } });
    const date = diagnosticOf(() => parseNinjs('a.json', '{"headline": "h", "body_text": "b",\n "firstCreated": "11/09/2020"}'));
    expect(date.span).toMatchObject({ line: 2, col: 18 });
  });

  it('refuses a picture whose rendition is a web address', () => {
    const d = diagnosticOf(() => parseNinjs('a.json', JSON.stringify({ headline: 'h', body_text: 'b',
      associations: [{ name: 'p', uri: 'u', type: 'picture', renditions: [{ name: 'original', href: 'https://cdn.example/p.jpg' }] }] })));
    expect(d.code).toBe('ingest/remote-image');
  });
});
