// The XML reader under the wire formats: element tree with spans, well-formedness errors, and DOCTYPE/entity safety.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticle, parseXml, type XmlElement } from '../../src/ingest/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

const el = (n: XmlElement, name: string): XmlElement => n.children.find((c): c is XmlElement => c.kind === 'element' && c.name === name)!;

describe('parseXml', () => {
  it('gives every element its local name, namespace, attributes and the line and column of its <', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<item xmlns="urn:a" xmlns:x="urn:x">',
      '  <x:meta kind="one" x:flag="yes"/>',
      '  <body>Caf&#233; &amp; bar <![CDATA[<raw> & ready]]> &#x2019;</body>',
      '</item>',
    ].join('\n');
    const root = parseXml('a.xml', text);
    expect(root).toMatchObject({ name: 'item', ns: 'urn:a', src: { file: 'a.xml', line: 2, col: 1 } });
    const meta = el(root, 'meta');
    expect(meta).toMatchObject({ ns: 'urn:x', attrs: { kind: 'one', 'x:flag': 'yes' }, src: { line: 3, col: 3 } });
    const body = el(root, 'body');
    expect(body.src).toEqual({ file: 'a.xml', line: 4, col: 3 });
    // Character references and the predefined entities are decoded; CDATA is text.
    expect(body.children).toEqual([{ kind: 'text', text: 'Café & bar <raw> & ready ’', src: { file: 'a.xml', line: 4, col: 9 } }]);
  });

  it('points a text node at its first non-blank character and keeps comments (the cut mark)', () => {
    const root = parseXml('b.xml', '<a>\n   <!-- cut -->\n\n    Loose words</a>');
    expect(root.children.map((c) => c.kind)).toEqual(['text', 'comment', 'text']);
    expect(root.children[1]).toMatchObject({ kind: 'comment', text: ' cut ', src: { line: 2, col: 4 } });
    expect(root.children[2]).toMatchObject({ kind: 'text', src: { line: 4, col: 5 } });
  });

  const malformed: [string, string, RegExp, { line: number; col: number }][] = [
    ['an element never closed', '<nitf>\n  <body>\n    <p>Text</p>\n', /<nitf> is never closed|<body> is never closed/, { line: 2, col: 3 }],
    ['a close tag that does not match', '<nitf>\n  <p>One <em>two</p>\n</nitf>', /<\/p> where <em> \(opened at 2:10\) is not closed/, { line: 2, col: 17 }],
    ['an unquoted attribute', '<nitf>\n  <p class=lead>x</p>\n</nitf>', /malformed XML/, { line: 2, col: 12 }],
    ['text after the root', '<nitf/>\ntrailing', /malformed XML/, { line: 2, col: 1 }],
    ['a bare ampersand', '<p>Fish & chips</p>', /entity|malformed/, { line: 1, col: 9 }],
  ];
  for (const [name, text, message, at] of malformed) {
    it(`refuses ${name}, at its line and column`, () => {
      const d = diagnosticOf(() => parseXml('bad.xml', text));
      expect(d.code).toMatch(/^ingest\/xml/);
      expect(d.message).toMatch(message);
      expect(d.span).toMatchObject({ file: 'bad.xml', ...at });
    });
  }
});

describe('DOCTYPE and entities', () => {
  it('reads a file whose DOCTYPE names an external DTD, and never reads that DTD', () => {
    // The DTD beside the file declares an entity: had it been read, &credit; would expand.
    const dir = tempDir({
      'nitf-3-5.dtd': '<!ENTITY credit "Read from the DTD">',
      'story.xml': '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">\n<nitf><body><p>Words &credit;</p></body></nitf>\n',
      'plain.xml': '<?xml version="1.0"?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.5//EN" "nitf-3-5.dtd">\n<nitf><body><p>Words</p></body></nitf>\n',
    });
    expect(parseXml('plain.xml', '<!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">\n<nitf/>').name).toBe('nitf');
    const d = diagnosticOf(() => loadArticle(join(dir, 'story.xml')));
    expect(d.code).toBe('ingest/xml-entity');
    expect(d.message).toMatch(/unknown entity &credit;/);
    expect(d.span).toMatchObject({ line: 3, col: 22 });
  });

  describe('a DTD on the network', () => {
    let server: Server;
    let requests = 0;
    beforeAll(async () => {
      server = createServer((_, res) => {
        requests++;
        res.end('<!ENTITY credit "fetched">');
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    it('is never fetched', () => {
      const { port } = server.address() as AddressInfo;
      const root = parseXml('net.xml', `<!DOCTYPE nitf SYSTEM "http://127.0.0.1:${port}/nitf.dtd">\n<nitf><body/></nitf>`);
      expect(root.name).toBe('nitf');
      const d = diagnosticOf(() => parseXml('net.xml', `<!DOCTYPE nitf SYSTEM "http://127.0.0.1:${port}/nitf.dtd">\n<nitf>&credit;</nitf>`));
      expect(d.code).toBe('ingest/xml-entity');
      expect(requests).toBe(0);
    });
  });

  it('refuses an internal subset that declares an external entity (XXE), pointing at the declaration', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE nitf [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<nitf><body><p>&secret;</p></body></nitf>';
    const d = diagnosticOf(() => parseXml('xxe.xml', text));
    expect(d.code).toBe('ingest/xml-entity');
    expect(d.message).toMatch(/DOCTYPE declares an entity/);
    expect(d.span).toEqual({ file: 'xxe.xml', line: 3, col: 3 });
    expect(d.printed).not.toMatch(/root:/);
  });

  it('refuses "billion laughs" at once, without expanding anything', () => {
    const decls = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${decls.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    const t0 = performance.now();
    const d = diagnosticOf(() => parseXml('lol.xml', text));
    expect(performance.now() - t0).toBeLessThan(200);
    expect(d.code).toBe('ingest/xml-entity');
    expect(d.span).toMatchObject({ line: 3, col: 1 });
  });

  it('ignores an internal subset without entity declarations, and <!ENTITY inside its comments or quoted strings', () => {
    const text = '<!DOCTYPE nitf SYSTEM "odd[name].dtd" [\n  <!-- no <!ENTITY here -->\n  <!ATTLIST p class CDATA "x<!ENTITY">\n]>\n<nitf><p>Fine</p></nitf>';
    expect(parseXml('ok.xml', text).name).toBe('nitf');
  });

  it('refuses an entity that is not one of XML’s five, saying what to write instead', () => {
    const d = diagnosticOf(() => parseXml('nbsp.xml', '<nitf>\n  <p>Ten&nbsp;pounds</p>\n</nitf>'));
    expect(d.code).toBe('ingest/xml-entity');
    expect(d.message).toMatch(/unknown entity &nbsp;/);
    expect(d.span).toEqual({ file: 'nbsp.xml', line: 2, col: 9 });
    expect(d.hints?.[0]).toMatch(/&#233;/);
    // A bare & later in the same text is not taken for the problem.
    expect(diagnosticOf(() => parseXml('both.xml', '<p>Ten&nbsp;pounds, fish & chips</p>')).message).toMatch(/unknown entity &nbsp;/);
    expect(diagnosticOf(() => parseXml('bare.xml', '<p>Fish & chips; ten&#163;</p>'))).toMatchObject({ code: 'ingest/xml', message: 'malformed XML: a bare & that starts no entity', span: { col: 9 } });
  });
});
