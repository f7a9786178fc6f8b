// NewsML-G2: the IPTC's own examples, items with NITF, XHTML and plain-text bodies, packages and messages, and the errors.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/core/article.js';
import { loadArticle } from '../../src/ingest/index.js';
import { diagnosticOf, REPO, tempDir } from '../helpers.js';

/** The IPTC's NewsML-G2 examples (CC BY 4.0), kept in ../shared beside the repository. */
const IPTC = join(REPO, '..', 'shared', 'formats', 'iptc-newsml-g2');
const hasIptc = existsSync(IPTC);
const listing = (n: number): string => join(IPTC, {
  1: 'LISTING_1_A_NewsML-G2_News_Item.xml',
  2: 'LISTING_2_NewsML-G2_Text_Document.xml',
  6: 'LISTING_6_Simple_NewsML-G2_Package.xml',
  25: 'LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml',
}[n]!);

const NAR = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';
const textOf = (b: Block): string => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');
const PHOTO = 'a picture (only its presence is checked when the copy is read)';

/** A text newsItem around a body (inlineXML content), with optional extra itemMeta and contentMeta. */
function textItem(body: string, o: { guid?: string; meta?: string; content?: string; ns?: boolean } = {}): string {
  return [
    `<newsItem${o.ns === false ? '' : ` ${NAR}`} guid="${o.guid ?? 'urn:test:text'}">`,
    `  <itemMeta><itemClass qcode="ninat:text"/>${o.meta ?? ''}</itemMeta>`,
    `  <contentMeta>${o.content ?? '<headline>Ferry fares frozen</headline>'}</contentMeta>`,
    `  <contentSet>${body}</contentSet>`,
    '</newsItem>',
  ].join('\n');
}
const NITF_BODY = '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>Fares stay at £3.</p></body.content></body></nitf></inlineXML>';

function pictureItem(guid: string, href: string, caption: string): string {
  return [
    `<newsItem ${NAR} guid="${guid}">`,
    '  <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>',
    `  <contentMeta><creditline>Vale News Agency</creditline><description role="drol:caption">${caption}</description></contentMeta>`,
    `  <contentSet><remoteContent rendition="rnd:thumbnail" href="thumb.jpg" width="200" height="100"/><remoteContent rendition="rnd:highRes" href="${href}" width="2400" height="1600"/></contentSet>`,
    '</newsItem>',
  ].join('\n');
}

function read(files: Record<string, string>, name: string): Article {
  const dir = tempDir({ 'thumb.jpg': PHOTO, ...files });
  return loadArticle(join(dir, name));
}

describe.skipIf(!hasIptc)(`the IPTC examples${hasIptc ? '' : ' [skipped: ../shared/formats/iptc-newsml-g2 is not beside this clone]'}`, () => {
  it('LISTING_2: contentMeta headline, slugline and dates; the NITF byline; located as the dateline', () => {
    const a = loadArticle(listing(2));
    expect(a).toMatchObject({
      format: 'newsml-g2', headline: 'Fed to halt QE to avert "bubble"', slugline: 'US-Finance-Fed',
      byline: { name: 'Meredith Jameson', role: 'Staff Reporter' }, published: '2016-11-21T15:21:06-05:00', updated: '2018-11-21T16:22:45-05:00',
      dateline: 'New York, NY, 21 Nov', src: { line: 51, col: 9 },
    });
    expect(a.body.map((b) => [b.kind, b.src.line, b.src.col])).toEqual([['paragraph', 64, 24], ['paragraph', 75, 24]]);
    expect(a.body[0]).toMatchObject({ runs: [{ text: 'New York, NY, 21 Nov – ', bold: true }, { text: expect.stringMatching(/^\(New York, NY - October 21\) Et, sent luptat/) }] });
    expect(textOf(a.body[1]!)).toMatch(/^Ugiating ea feugait .* esto cons dolutpat, si\.$/);
  });

  it('LISTING_25: a bare contentSet is read as an item’s content, its NITF giving headline, byline and standfirst', () => {
    const a = loadArticle(listing(25));
    expect(a).toMatchObject({
      headline: 'Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.', byline: { name: 'Sports Network' },
      standfirst: expect.stringMatching(/^A pair of teams coming off big weekend sweeps .* three-game series\.$/),
    });
    expect(a.body).toHaveLength(1);
    expect(a.body[0]!.src).toMatchObject({ line: 24, col: 20 });
  });

  it('LISTING_1: an empty inlineXML is a clear error at that element', () => {
    const d = diagnosticOf(() => loadArticle(listing(1)));
    expect(d.code).toBe('ingest/no-body');
    expect(d.message).toBe('story “Fed to halt QE to avert "bubble"” has a headline but no body text, as its inlineXML is empty');
    expect(d.span).toEqual({ file: listing(1), line: 76, col: 9 });
  });

  it('LISTING_1 given a body: its edNote and embargo for the desk, the creator as byline, located Berlin as dateline', () => {
    const text = readFileSync(listing(1), 'utf8').replace(/(<inlineXML[^>]*>)[\s\S]*?(<\/inlineXML>)/,
      '$1<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>Words.</p></body.content></body></nitf>$2');
    const dir = tempDir({ 'LICENSE': readFileSync(join(IPTC, 'LICENSE'), 'utf8'), 'listing-1.xml': text });
    const a = loadArticle(join(dir, 'listing-1.xml'));
    expect(a).toMatchObject({
      byline: { name: 'Meredith Jameson' }, dateline: 'Berlin, 18 Oct', published: '2016-10-18T11:12:00-05:00',
      embargo: { until: '2018-10-23T12:00:00Z', src: { line: 32, col: 9 } },
      deskNotes: [{ text: 'Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on Friday, October 23, 2018.', src: { line: 37, col: 9 } }],
    });
  });

  it('LISTING_6: a package whose items are neither carried nor beside it is refused at the first itemRef', () => {
    const d = diagnosticOf(() => loadArticle(listing(6)));
    expect(d.code).toBe('ingest/newsml-unresolved');
    expect(d.message).toMatch(/urn:newsml:iptc\.org:20081007:tutorial-item-A/);
    expect(d.span).toMatchObject({ line: 44, col: 13 });
    expect(d.hints?.[0]).toMatch(/fetches nothing/);
  });
});

describe('NewsML-G2 items', () => {
  it('reads an XHTML body, leaving out an h1 that repeats the headline', () => {
    const body = [
      '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ignored</title></head><body>',
      '<h1>Ferry fares frozen</h1>',
      '<p>Fares <strong>stay</strong> at £3.</p>',
      '<h2>Winter</h2>',
      '<blockquote><p>Good news.</p></blockquote>',
      '<figure><img src="ferry.jpg" alt="The ferry"/><figcaption>The ferry <span class="credit">Jo Banks</span></figcaption></figure>',
      '<ul><li>Adults £3</li><li>Children free</li></ul>',
      '</body></html></inlineXML>',
    ].join('\n');
    const a = read({ 'item.xml': textItem(body), 'ferry.jpg': PHOTO }, 'item.xml');
    expect(a.headline).toBe('Ferry fares frozen');
    expect(a.body.map((b) => [b.kind, b.src.line])).toEqual([['paragraph', 6], ['crosshead', 7], ['quote', 8], ['image', 9], ['list', 10]]);
    expect(a.body[0]).toMatchObject({ runs: [{ text: 'Fares ' }, { text: 'stay', bold: true }, { text: ' at £3.' }] });
    expect(a.body[3]).toMatchObject({ image: { caption: 'The ferry', credit: 'Jo Banks', alt: 'The ferry' } });
  });

  it('reads a plain-text inlineData body, a paragraph at each blank line, each at its line', () => {
    const body = '<inlineData contenttype="text/plain">\n    First paragraph\n    runs on.\n\n    Second &amp; last.\n</inlineData>';
    const a = read({ 'plain.xml': textItem(body) }, 'plain.xml');
    expect(a.body.map((b) => [textOf(b), b.src.line, b.src.col])).toEqual([['First paragraph runs on.', 5, 5], ['Second & last.', 8, 5]]);
  });

  it('reads an empty embargoed as "until further notice"', () => {
    const a = read({ 'e.xml': textItem(NITF_BODY, { meta: '\n<embargoed/>' }) }, 'e.xml');
    expect(a.embargo).toEqual({ src: expect.objectContaining({ line: 3, col: 1 }) });
  });

  it('refuses an item with a body but no headline anywhere, at the item', () => {
    const d = diagnosticOf(() => read({ 'h.xml': textItem(NITF_BODY, { content: '<slugline>x</slugline>' }) }, 'h.xml'));
    expect(d).toMatchObject({ code: 'ingest/no-headline', span: { line: 1, col: 1 } });
  });

  it('refuses an item whose contentSet holds only a picture, saying why', () => {
    const d = diagnosticOf(() => read({ 'p.xml': textItem('<remoteContent href="thumb.jpg"/>') }, 'p.xml'));
    expect(d.code).toBe('ingest/no-body');
    expect(d.message).toMatch(/holds no inlineXML or inlineData/);
    expect(d.span).toMatchObject({ line: 4, col: 3 });
  });

  it('refuses an XML root that is neither NITF nor NewsML-G2, and NewsML-G2 names outside their namespace', () => {
    const rss = diagnosticOf(() => read({ 'feed.xml': '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>' }, 'feed.xml'));
    expect(rss).toMatchObject({ code: 'ingest/unknown-root', span: { line: 2, col: 1 } });
    expect(rss.message).toMatch(/<rss> is neither NITF \(<nitf>\) nor NewsML-G2 \(<newsItem>, <packageItem>, <newsMessage>\)/);
    const bare = diagnosticOf(() => read({ 'bare.xml': textItem(NITF_BODY, { ns: false }) }, 'bare.xml'));
    expect(bare.code).toBe('ingest/unknown-root');
    expect(bare.hints?.[0]).toMatch(/http:\/\/iptc\.org\/std\/nar\/2006-10-01\//);
  });
});

describe('NewsML-G2 packages and messages', () => {
  const pkg = (refs: string, edNote = '') => [
    `<packageItem ${NAR} guid="urn:test:pkg">`,
    `  <itemMeta><itemClass qcode="ninat:composite"/>${edNote}</itemMeta>`,
    '  <contentMeta><headline>Package headline</headline></contentMeta>',
    '  <groupSet root="G1">',
    '    <group id="G1" role="group:main"><groupRef idref="G2"/>',
    refs,
    '    </group>',
    '    <group id="G2" role="group:side"><itemRef href="text.xml" contenttype="application/vnd.iptc.g2.newsitem+xml"/></group>',
    '  </groupSet>',
    '</packageItem>',
  ].join('\n');

  it('follows itemRefs to files beside the package: the text item, a picture item and a picture file', () => {
    const files = {
      'package.xml': pkg('      <itemRef href="picture.xml"/>\n      <itemRef href="extra.jpg" contenttype="image/jpeg"><description role="drol:caption">Second view</description></itemRef>', '<edNote>Package note</edNote>'),
      'text.xml': textItem(NITF_BODY, { meta: '<edNote>Item note</edNote>' }),
      'picture.xml': pictureItem('urn:test:pic', 'photos/ferry.jpg', 'The ferry at dawn'),
      'photos/ferry.jpg': PHOTO,
      'extra.jpg': PHOTO,
    };
    const dir = tempDir({ 'thumb.jpg': PHOTO, ...files });
    const a = loadArticle(join(dir, 'package.xml'));
    expect(a.headline).toBe('Ferry fares frozen');
    expect(a.leadImage).toMatchObject({ file: join(dir, 'photos/ferry.jpg'), caption: 'The ferry at dawn', credit: 'Vale News Agency' });
    expect(a.leadImage!.src.file).toMatch(/picture\.xml$/);
    expect(a.body.map((b) => b.kind)).toEqual(['paragraph', 'image']);
    expect(a.body[1]).toMatchObject({ image: { file: join(dir, 'extra.jpg'), caption: 'Second view' } });
    expect(a.deskNotes?.map((n) => [n.text, n.src.file.split('/').pop()])).toEqual([['Package note', 'package.xml'], ['Item note', 'text.xml']]);
    // The package is read again each time: a change to an item beside it is seen.
    writeFileSync(join(dir, 'text.xml'), files['text.xml'].replace('£3', '£4'));
    expect(textOf(loadArticle(join(dir, 'package.xml')).body[0]!)).toBe('Fares stay at £4.');
  });

  it('reads a newsMessage: its package resolved against the items it carries', () => {
    const message = [
      `<newsMessage ${NAR}><header><sent>2026-11-24T17:00:00Z</sent></header><itemSet>`,
      pkg('      <itemRef residref="urn:test:pic"/>').replace('href="text.xml"', 'residref="urn:test:text"'),
      textItem(NITF_BODY).replace(` ${NAR}`, ` ${NAR}`),
      pictureItem('urn:test:pic', 'ferry.jpg', 'Carried picture'),
      '</itemSet></newsMessage>',
    ].join('\n');
    const a = read({ 'message.xml': message, 'ferry.jpg': PHOTO }, 'message.xml');
    expect(a).toMatchObject({ headline: 'Ferry fares frozen', leadImage: { caption: 'Carried picture' } });
    expect(a.body.map(textOf)).toEqual(['Fares stay at £3.']);
  });

  it('reads a newsMessage with no package: its one text item and its picture items', () => {
    const message = `<newsMessage ${NAR}><itemSet>\n${pictureItem('urn:test:pic', 'ferry.jpg', 'First')}\n${textItem(NITF_BODY)}\n</itemSet></newsMessage>`;
    expect(read({ 'm.xml': message, 'ferry.jpg': PHOTO }, 'm.xml')).toMatchObject({ headline: 'Ferry fares frozen', leadImage: { caption: 'First' } });
  });

  it('refuses a message with two stories, at the second', () => {
    const message = `<newsMessage ${NAR}><itemSet>\n${textItem(NITF_BODY)}\n${textItem(NITF_BODY, { guid: 'urn:test:two' })}\n</itemSet></newsMessage>`;
    const d = diagnosticOf(() => read({ 'two.xml': message }, 'two.xml'));
    expect(d).toMatchObject({ code: 'ingest/several-stories', span: { line: 7, col: 1 } });
  });

  it('refuses a picture whose file is missing, at its remoteContent', () => {
    const message = `<newsMessage ${NAR}><itemSet>\n${textItem(NITF_BODY)}\n${pictureItem('urn:test:pic', 'gone.jpg', 'x')}\n</itemSet></newsMessage>`;
    const d = diagnosticOf(() => read({ 'gone.xml': message }, 'gone.xml'));
    expect(d.code).toBe('ingest/missing-picture');
    expect(d.message).toMatch(/picture not found: gone\.jpg/);
    const line = message.split('\n')[9]!;
    expect(d.span).toMatchObject({ line: 10, col: line.indexOf('<remoteContent rendition="rnd:highRes"') + 1 });
  });

  it('refuses an itemRef to the network, and one to a file that is not there', () => {
    const remote = diagnosticOf(() => read({ 'p.xml': pkg('<itemRef href="https://wire.example/item.xml"/>'), 'text.xml': textItem(NITF_BODY) }, 'p.xml'));
    expect(remote).toMatchObject({ code: 'ingest/newsml-remote', span: { line: 6, col: 1 } });
    const missing = diagnosticOf(() => read({ 'p.xml': pkg('<itemRef href="nowhere.xml"/>'), 'text.xml': textItem(NITF_BODY) }, 'p.xml'));
    expect(missing).toMatchObject({ code: 'ingest/missing-file', span: { line: 6, col: 1 } });
  });
});
