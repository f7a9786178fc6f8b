// Reference setters for the benchmark: the same galley through PDFKit's greedy justify and @react-pdf/renderer's
// Knuth–Plass, so `npm run bench` can print newsprint's speed as ratios against them. Bench-only code.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FIXED_DATE = new Date(Date.UTC(2026, 10, 26));
const MARGIN = 42.52; // 15 mm, as newsprint's galley pages

/**
 * Sets `paragraphs` as one justified column of `width` pt in the TTF at `fontFile`, `size`/`leading` pt, with a
 * 1 em first-line indent (none on the first paragraph) and no space between paragraphs, on pages `pageHeight` tall
 * (paged when longer), through PDFKit's own line wrapping with `align: 'justify'`. Returns the PDF bytes.
 * @param {{ paragraphs: string[], fontFile: string, size: number, leading: number, width: number, pageHeight?: number }} o
 * @returns {Promise<Buffer>}
 */
export function pdfkitGalley({ paragraphs, fontFile, size, leading, width, pageHeight = 842 }) {
  const doc = new PDFDocument({ size: [width + 2 * MARGIN, pageHeight], margin: MARGIN, compress: true, info: { CreationDate: FIXED_DATE } });
  const chunks = [];
  const done = new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fontFile);
  doc.font('body').fontSize(size);
  // PDFKit's line pitch is the font's natural line height plus lineGap: choose lineGap to make it `leading`.
  const lineGap = leading - doc.currentLineHeight(true);
  paragraphs.forEach((p, i) => {
    doc.text(p, { width, align: 'justify', indent: i === 0 ? 0 : size, lineGap, paragraphGap: 0 });
  });
  doc.end();
  return done;
}

const families = new Map(); // fontFile -> react-pdf family name, registered once per process
let enGb; // react-pdf hyphenation callback from hyphen/en-gb; null when the package is missing

/**
 * The same galley through @react-pdf/renderer (React element tree, no JSX): one `<Text>` per paragraph with
 * `textAlign: 'justify'` (react-pdf breaks lines with Knuth–Plass and also letter-spaces), `textIndent` 1 em except
 * on the first, `lineHeight` `leading`, on a `<Page>` of the same size and margins as {@link pdfkitGalley} that wraps
 * onto further pages. Each font file is registered once with `Font.register`, as its own family. Returns the PDF bytes.
 *
 * `hyphenate` (default true): en-GB patterns from the `hyphen` package (`hyphen/en-gb`) through
 * `Font.registerHyphenationCallback` (react-pdf's own default is American English, and is used if `hyphen` is not
 * installed); false: no hyphenation. The callback is global react-pdf state, so it is set on every call.
 * @param {{ paragraphs: string[], fontFile: string, size: number, leading: number, width: number, pageHeight?: number, hyphenate?: boolean }} o
 * @returns {Promise<Buffer>}
 */
export async function reactPdfGalley({ paragraphs, fontFile, size, leading, width, pageHeight = 842, hyphenate = true }) {
  const React = require('react');
  const { Document, Page, Text, Font, renderToBuffer } = await import('@react-pdf/renderer');
  // Registering again under one family name adds a source that never wins: a second font would silently be the first.
  let family = families.get(fontFile);
  if (!family) {
    family = `Galley${families.size + 1}`;
    Font.register({ family, src: fontFile });
    families.set(fontFile, family);
  }
  if (enGb === undefined) {
    try {
      // CommonJS behind a directory path, which ESM `import` does not resolve: go through require.
      const hyphen = require('hyphen/en-gb');
      // react-pdf passes each space-separated token with its punctuation; hyphen skips words under 5 letters itself.
      enGb = (word) => hyphen.hyphenateSync(word, { hyphenChar: '\u00AD' }).split('\u00AD');
    } catch {
      enGb = null;
    }
  }
  Font.registerHyphenationCallback(hyphenate ? enGb : (word) => [word]); // null: react-pdf's built-in en-US
  const h = React.createElement;
  const text = paragraphs.map((p, i) =>
    h(Text, { key: i, style: { fontFamily: family, fontSize: size, lineHeight: `${leading}pt`, textAlign: 'justify', textIndent: i === 0 ? 0 : size } }, p),
  );
  const doc = h(Document, { creationDate: FIXED_DATE }, h(Page, { size: [width + 2 * MARGIN, pageHeight], style: { padding: MARGIN } }, ...text));
  return renderToBuffer(doc);
}
