// `newsprint build` on wire files (NITF, NewsML-G2): every body word in the plant PDF, desk notes and embargoes in
// report.json, and bad wire XML refused with one located error and nothing written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, expectOneLine } from './run.js';
import { readPdf } from '../pdf-reader.js';
import { digests, REPO, tempDir } from '../helpers.js';

const IPTC = join(REPO, '..', 'shared', 'formats', 'iptc-newsml-g2');
const hasIptc = existsSync(IPTC);
const WIRE = join(REPO, 'examples', 'wire');
const NAR = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';
const tmp = () => mkdtempSync(join(tmpdir(), 'newsprint-wire-'));
/** Every file under a folder with a digest of its bytes: what "nothing written" is checked against. */
const snapshot = digests;

/** Lowercase letters and digits only: how body words are compared with the PDF's text (spaces and line-end hyphens aside). */
const letters = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The words of a story's body as libxml2 reads them from the file (a parser other than ours): every text node under
 * body.content except those of pictures (a caption is set with its picture, not in the run of the text).
 */
function bodyWords(file: string): string[] {
  const xpath = "//*[local-name()='body.content']//text()[not(ancestor::*[local-name()='media'])]";
  const text = execFileSync('xmllint', ['--nonet', '--xpath', xpath, file], { encoding: 'utf8' });
  return text.split(/\s+/).map(letters).filter(Boolean);
}

/** Builds one article file; returns the edition's folder and the plant PDF's text as letters, in content order. */
async function build(file: string): Promise<{ dir: string; pdfLetters: string; report: { findings: { code: string; message: string; where: string | null }[] } }> {
  const out = tmp();
  const r = await cli('build', file, '--out', out, '--quiet', '--formats', 'jpeg');
  expect(r.code, r.stderr).toBe(0);
  const [slug] = readdirSync(out);
  const dir = join(out, slug!);
  const pdf = await readPdf(join(dir, 'print', `${slug}.pdf`));
  const pdfLetters = letters(pdf.text.flat().map((t) => t.str).join(''));
  return { dir, pdfLetters, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) };
}

/**
 * Every word in order: each found after the one before it, with at most `gap` letters between (room for a caption, a
 * crosshead or a pull quote set between two paragraphs, never for a paragraph gone missing).
 */
function expectInOrder(pdfLetters: string, words: readonly string[], gap = 400): void {
  expect(words.length).toBeGreaterThan(0);
  let at = pdfLetters.indexOf(words[0]!);
  expect(at, `first word “${words[0]}”`).toBeGreaterThanOrEqual(0);
  for (const w of words) {
    const next = pdfLetters.indexOf(w, at);
    expect(next, `body word “${w}” after letter ${at}`).toBeGreaterThanOrEqual(0);
    expect(next - at, `body word “${w}” follows the word before it`).toBeLessThanOrEqual(gap);
    at = next + w.length;
  }
}

describe.skipIf(!hasIptc)(`the IPTC examples with bodies${hasIptc ? '' : ' [skipped: ../shared/formats/iptc-newsml-g2 is not beside this clone]'}`, () => {
  for (const name of ['LISTING_2_NewsML-G2_Text_Document.xml', 'LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml']) {
    it(`${name.split('_').slice(0, 2).join(' ')} builds into a page with every body word in the plant PDF, in order`, async () => {
      const file = join(IPTC, name);
      const { pdfLetters } = await build(file);
      expectInOrder(pdfLetters, bodyWords(file));
    });
  }
});

describe('the wire examples', () => {
  it('hedge-survey.xml (NITF 3.5): every body word, the dateline leading the first paragraph, the tagline last', async () => {
    const file = join(WIRE, 'hedge-survey.xml');
    const { dir, pdfLetters } = await build(file);
    const words = bodyWords(file);
    expectInOrder(pdfLetters, [letters('PRIORS NORTON, 25 Nov'), ...words, letters('Additional reporting by Sam Okafor.')]);
    // The picture in body.content is set with its caption and credit, and is the article's picture in the e-edition.
    expect(pdfLetters).toContain(letters('The hawthorn hedge along Long Furlong, with the tower of St Michael’s Church beyond'));
    const manifest = JSON.parse(readFileSync(join(dir, 'e-edition', 'manifest.json'), 'utf8'));
    expect(manifest.articles[0].images).toHaveLength(1);
    expect(manifest.articles[0].images[0]).toMatchObject({ credit: 'Courier graphic' });
  });

  it('garden-open-day.xml (a NewsML-G2 message: package, text item, picture item): every body word, the picture, the edNote in the report', async () => {
    const file = join(WIRE, 'garden-open-day.xml');
    const { dir, pdfLetters, report } = await build(file);
    expectInOrder(pdfLetters, [letters('Fenwick Cross, 24 Nov'), ...bodyWords(file)]);
    const manifest = JSON.parse(readFileSync(join(dir, 'e-edition', 'manifest.json'), 'utf8'));
    expect(manifest.articles[0].images[0]).toMatchObject({ caption: expect.stringMatching(/^The new oak bench/), credit: 'Courier graphic' });
    const note = report.findings.find((f) => f.code === 'ingest/desk-note');
    expect(note).toMatchObject({ message: 'note to the desk on “Open garden raises £3,200 for hospice nurses” (Garden-Open-Day): Picture free to use with this story only.' });
    expect(note!.where).toMatch(/examples\/wire\/garden-open-day\.xml:14:9$/);
  });
});

/** A NewsML-G2 text item dated 2026-11-25 with an embargo. */
const embargoed = (until: string) => [
  `<newsItem ${NAR} guid="urn:test:pier">`,
  `  <itemMeta><itemClass qcode="ninat:text"/><embargoed>${until}</embargoed></itemMeta>`,
  '  <contentMeta><contentCreated>2026-11-25T10:00:00Z</contentCreated><headline>Pier reopens</headline></contentMeta>',
  '  <contentSet><inlineXML><nitf><body><body.content><p>The pier reopened on Wednesday after a winter of repairs.</p></body.content></body></nitf></inlineXML></contentSet>',
  '</newsItem>',
].join('\n');

describe('embargoes in report.json', () => {
  const edition = (story: string) => ({
    'edition.yaml': 'version: 1\npublication: { name: The Wexcombe Courier }\ndate: 2026-11-26\npages:\n  - template: front\n    stories: [pier.xml]\n',
    'pier.xml': story,
  });
  const embargoFindings = (r: { findings: { code: string; message: string; where: string | null }[] }) => r.findings.filter((f) => f.code === 'ingest/embargo');

  it('an edition file’s date: an embargo lifting at noon on the day warns at the embargoed element; one at 00:01 does not', async () => {
    const late = tempDir(edition(embargoed('2026-11-26T12:00:00Z')));
    const { report } = await build(join(late, 'edition.yaml'));
    expect(embargoFindings(report)).toEqual([expect.objectContaining({
      message: '“Pier reopens” is embargoed until 2026-11-26T12:00:00Z, after the edition of 2026-11-26 goes on sale',
      where: expect.stringMatching(/pier\.xml:2:44$/),
    })]);
    const fine = tempDir(edition(embargoed('2026-11-26T00:01:00Z')));
    expect(embargoFindings((await build(join(fine, 'edition.yaml'))).report)).toEqual([]);
  });

  it('a story built on its own takes its date from the story: only an embargo after that day warns', async () => {
    const later = tempDir({ 'pier.xml': embargoed('2026-11-26T00:01:00Z') });
    const { report } = await build(join(later, 'pier.xml'));
    expect(embargoFindings(report).map((f) => f.message)).toEqual(['“Pier reopens” is embargoed until 2026-11-26T00:01:00Z, after the edition of 2026-11-25 goes on sale']);
    const before = tempDir({ 'pier.xml': embargoed('2026-11-24T18:00:00Z') });
    expect(embargoFindings((await build(join(before, 'pier.xml'))).report)).toEqual([]);
  });
});

describe('bad wire files', () => {
  let out: string;
  let before: string[];
  let inputs: string;
  const item = (content: string, body: string) =>
    `<?xml version="1.0"?>\n<newsItem ${NAR} guid="urn:test:x">\n  <contentMeta>${content}</contentMeta>\n  <contentSet>\n    ${body}\n  </contentSet>\n</newsItem>\n`;
  beforeAll(async () => {
    inputs = tempDir({
      'good.xml': embargoed('2026-11-24T00:00:00Z'),
      'malformed.xml': '<?xml version="1.0"?>\n<nitf>\n  <body>\n    <body.content><p>Unclosed paragraph</body.content>\n  </body>\n</nitf>\n',
      'no-body.xml': item('<headline>All headline</headline>', '<inlineXML contenttype="application/nitf+xml"> </inlineXML>'),
      'no-headline.xml': item('<slugline>No-Head</slugline>', '<inlineXML><nitf><body><body.content><p>Words.</p></body.content></body></nitf></inlineXML>'),
      'missing-picture.xml': '<nitf><body><body.head><hedline><hl1>Where is it</hl1></hedline></body.head>\n<body.content><p>See picture.</p>\n  <media media-type="image"><media-reference source="photos/nowhere.jpg"/></media>\n</body.content></body></nitf>\n',
      'unknown-root.xml': '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title></channel></rss>\n',
      'xxe.xml': '<?xml version="1.0"?>\n<!DOCTYPE nitf [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<nitf><body><body.head><hedline><hl1>&secret;</hl1></hedline></body.head><body.content><p>x</p></body.content></body></nitf>\n',
      'laughs.xml': `<?xml version="1.0"?>\n<!DOCTYPE nitf [\n<!ENTITY a "ha">\n${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('\n')}\n]>\n<nitf><body><body.content><p>&bbbbbbbb;</p></body.content></body></nitf>\n`,
      'entity.xml': '<nitf><body><body.head><hedline><hl1>Caf&eacute; opens</hl1></hedline></body.head><body.content><p>x</p></body.content></body></nitf>\n',
    });
    out = tmp();
    const r = await cli('build', join(inputs, 'good.xml'), '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    before = snapshot(out);
    expect(before.length).toBeGreaterThan(2);
  });

  const cases: [string, string, RegExp][] = [
    ['malformed XML', 'malformed.xml', /malformed\.xml:4:40: error: malformed XML: <\/body\.content> where <p> \(opened at 4:19\) is not closed/],
    ['a NewsML-G2 item without a body', 'no-body.xml', /no-body\.xml:5:5: error: story “All headline” has a headline but no body text, as its inlineXML is empty/],
    ['a NewsML-G2 item without a headline', 'no-headline.xml', /no-headline\.xml:2:1: error: the news item has no headline/],
    ['a picture reference to a missing file', 'missing-picture.xml', /missing-picture\.xml:3:29: error: picture not found: photos\/nowhere\.jpg/],
    ['an .xml file whose root is neither NITF nor NewsML-G2', 'unknown-root.xml', /unknown-root\.xml:2:1: error: the root element <rss> is neither NITF/],
    ['a DOCTYPE declaring an external entity (XXE)', 'xxe.xml', /xxe\.xml:3:3: error: the DOCTYPE declares an entity/],
    ['a DOCTYPE declaring nested entities ("billion laughs")', 'laughs.xml', /laughs\.xml:3:1: error: the DOCTYPE declares an entity/],
    ['an entity reference that is not one of XML’s five', 'entity.xml', /entity\.xml:1:41: error: unknown entity &eacute;/],
  ];
  for (const [name, file, message] of cases) {
    it(`refuses ${name}: one error line with file, line and column, exit 1, nothing written`, async () => {
      const r = await cli('build', join(inputs, file), '--out', out);
      expectOneLine(r, 1, message);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it.skipIf(!hasIptc)('refuses the IPTC’s LISTING_1 (an empty inlineXML) at its inlineXML', async () => {
    const r = await cli('build', join(IPTC, 'LISTING_1_A_NewsML-G2_News_Item.xml'), '--out', out);
    expectOneLine(r, 1, /LISTING_1_A_NewsML-G2_News_Item\.xml:76:9: error: story “Fed to halt QE to avert "bubble"” has a headline but no body text/);
    expect(snapshot(out)).toEqual(before);
  });
});
