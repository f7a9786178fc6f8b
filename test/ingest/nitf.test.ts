// NITF 3.x articles: head and body.head metadata, body.content blocks with spans, body.end, and the errors.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/core/article.js';
import { loadArticle } from '../../src/ingest/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

const textOf = (b: Block): string => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');

/** A NITF 3.5 file in no namespace, with a DOCTYPE naming its DTD, as many newsroom systems send. */
const NITF = [
  '<?xml version="1.0" encoding="UTF-8"?>',                                    // 1
  '<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">',
  '<nitf>',
  '  <head>',
  '    <title>Bridge repairs</title>',                                          // 5
  '    <docdata>',
  '      <date.issue norm="20261124T091500-0000"/>',
  '      <date.release norm="20261126T000100Z"/>',
  '      <ed-msg info="Corrects the cost in paragraph two."/>',
  '    </docdata>',                                                             // 10
  '  </head>',
  '  <body>',
  '    <body.head>',
  '      <hedline><hl1>Old bridge to close for repairs</hl1><hl2>Six weeks of work from January</hl2></hedline>',
  '      <byline>By <person>Ann Lowe</person>, <byttl>Transport Reporter</byttl></byline>',   // 15
  '      <dateline><location><city>WEXCOMBE</city></location>, <story.date>23 Nov</story.date></dateline>',
  '      <abstract><p>Not used: the hl2 is the standfirst.</p></abstract>',
  '    </body.head>',
  '    <body.content>',
  '      <p>The <em>old</em> bridge will close &amp; reopen in March.</p>',    // 20
  '      <block>',
  '        <p>Work will cost £1.2m.</p>',
  '        <hl2>Diversions</hl2>',
  '        <p>Buses will run by the <location>Mill Lane</location> route.</p>',
  '      </block>',                                                             // 25
  '      <media media-type="image">',
  '        <media-reference source="photos/bridge.jpg" mime-type="image/jpeg" alternate-text="The bridge at dusk"/>',
  '        <media-caption>The bridge from the <em>east</em> bank</media-caption>',
  '        <media-producer>Jo Banks</media-producer>',
  '      </media>',                                                             // 30
  '      <bq><block><p>“It is long overdue,” she said.</p></block><credit>Cllr May Ross</credit></bq>',
  '      <ol><li>Phase one</li><li>Phase <em>two</em><ul><li>nested</li></ul></li></ol>',
  '      <ul><li>Walkers may still cross</li></ul>',
  '      <media media-type="video"><media-reference source="clip.mp4"/></media>',
  '    </body.content>',                                                        // 35
  '    <body.end><tagline>Reporting by <a href="mailto:x@example.com">Ann Lowe</a>.</tagline></body.end>',
  '  </body>',
  '</nitf>',
].join('\n');

function read(text: string, name = 'bridge.xml'): Article {
  const dir = tempDir({ [name]: text, 'photos/bridge.jpg': 'a picture (only its presence is checked when the copy is read)' });
  return loadArticle(join(dir, name));
}

describe('NITF', () => {
  it('reads the hedline, byline, dates, notes and embargo', () => {
    const a = read(NITF);
    expect(a).toMatchObject({
      format: 'nitf', id: 'bridge', headline: 'Old bridge to close for repairs', standfirst: 'Six weeks of work from January',
      byline: { name: 'Ann Lowe', role: 'Transport Reporter' }, published: '2026-11-24T09:15:00-00:00', dateline: 'WEXCOMBE, 23 Nov',
      tagline: 'Reporting by Ann Lowe.', deskNotes: [{ text: 'Corrects the cost in paragraph two.', src: { line: 9, col: 7 } }],
      embargo: { until: '2026-11-26T00:01:00Z', src: { line: 8, col: 7 } },
    });
    expect(a.src).toMatchObject({ line: 14, col: 16 });
  });

  it('maps body.content to blocks, each pointing at its element', () => {
    const a = read(NITF);
    expect(a.body.map((b) => [b.kind, b.src.line, b.src.col])).toEqual([
      ['paragraph', 20, 7], ['paragraph', 22, 9], ['crosshead', 23, 9], ['paragraph', 24, 9], ['image', 26, 7],
      ['quote', 31, 18], ['quote', 31, 64], ['list', 32, 7], ['list', 33, 7], ['paragraph', 36, 15],
    ]);
    // The dateline leads the first paragraph in bold; the body's own styles and entities follow.
    expect(a.body[0]).toMatchObject({ runs: [{ text: 'WEXCOMBE, 23 Nov – ', bold: true }, { text: 'The ' }, { text: 'old', italic: true }, { text: ' bridge will close & reopen in March.' }] });
    expect(textOf(a.body[3]!)).toBe('Buses will run by the Mill Lane route.');
    expect(a.body[4]).toMatchObject({ image: {
      file: resolve(a.file, '..', 'photos/bridge.jpg'), caption: 'The bridge from the east bank', credit: 'Jo Banks', alt: 'The bridge at dusk', src: { line: 27, col: 9 },
    } });
    expect(a.body.slice(5, 7).map(textOf)).toEqual(['“It is long overdue,” she said.', '— Cllr May Ross']);
    expect(a.body[7]).toMatchObject({ ordered: true, items: [[{ text: 'Phase one' }], [{ text: 'Phase ' }, { text: 'two', italic: true }], [{ text: 'nested' }]] });
    expect(a.body[8]).toMatchObject({ ordered: false, items: [[{ text: 'Walkers may still cross' }]] });
    // The tagline is the last paragraph, in italic; the video is left out.
    expect(a.body[9]).toMatchObject({ kind: 'paragraph', runs: [{ text: 'Reporting by Ann Lowe.', italic: true }] });
  });

  it('reads NITF 3.6 in its namespace the same way, with the abstract as standfirst when there is no hl2', () => {
    const text = [
      '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">',
      '  <body><body.head><hedline><hl1>Short one</hl1></hedline>',
      '    <byline><byttl>Courier Staff</byttl></byline>',
      '    <abstract><p>First line.</p><p>Second line.</p></abstract></body.head>',
      '  <body.content><p>Body.</p></body.content></body>',
      '</nitf>',
    ].join('\n');
    const a = read(text, 'short.nitf');
    expect(a).toMatchObject({ format: 'nitf', headline: 'Short one', standfirst: 'First line. Second line.', byline: { name: 'Courier Staff' } });
    expect(a.body.map(textOf)).toEqual(['Body.']);
    expect(a.body[0]!.src).toMatchObject({ line: 5, col: 17 });
  });

  it('takes a <!-- cut --> comment between blocks as the copy’s cut mark', () => {
    const a = read('<nitf><body><body.head><hedline><hl1>Cuttable</hl1></hedline></body.head><body.content>\n<p>Keep.</p>\n<!-- cut -->\n<p>May go.</p><p>So may this.</p></body.content></body></nitf>');
    expect(a.body.map(textOf)).toEqual(['Keep.', 'May go.', 'So may this.']);
    expect(a.cutFrom).toBe(1);
  });

  it('makes text loose in body.content a paragraph of its own, words kept apart, at its first word', () => {
    const a = read('<nitf><body><body.head><hedline><hl1>Loose</hl1></hedline></body.head><body.content>\n  Loose <em>words</em> <a href="x">here</a>\n<p>Then a paragraph.</p></body.content></body></nitf>');
    expect(a.body.map((b) => [textOf(b), b.src.line, b.src.col])).toEqual([['Loose words here', 2, 3], ['Then a paragraph.', 3, 1]]);
  });

  it('falls back to head/title for the headline', () => {
    const a = read('<nitf><head><title>From the title</title></head><body><body.content><p>x</p></body.content></body></nitf>');
    expect(a.headline).toBe('From the title');
  });

  it('refuses a document with no headline, and one with no body, at the right element', () => {
    const noHead = diagnosticOf(() => read('<nitf>\n  <body><body.content><p>x</p></body.content></body>\n</nitf>'));
    expect(noHead).toMatchObject({ code: 'ingest/no-headline', span: { line: 1, col: 1 } });
    const noBody = diagnosticOf(() => read('<nitf><body>\n<body.head><hedline><hl1>Just this</hl1></hedline></body.head>\n  <body.content>  </body.content></body></nitf>'));
    expect(noBody).toMatchObject({ code: 'ingest/no-body', span: { line: 3, col: 3 } });
    expect(noBody.message).toMatch(/“Just this” has a headline but no body/);
  });

  it('refuses a picture whose file is not there, at its media-reference', () => {
    const d = diagnosticOf(() => read(NITF.replace('photos/bridge.jpg', 'photos/missing.jpg')));
    expect(d.code).toBe('ingest/missing-picture');
    expect(d.message).toMatch(/picture not found: photos\/missing\.jpg/);
    expect(d.span).toMatchObject({ line: 27, col: 9 });
  });

  it('refuses a date that is no date, naming the field', () => {
    const d = diagnosticOf(() => read(NITF.replace('20261124T091500-0000', 'last Tuesday')));
    expect(d).toMatchObject({ code: 'ingest/wire-date', span: { line: 7, col: 7 } });
    expect(d.message).toMatch(/date\.issue .*last Tuesday/);
  });
});
