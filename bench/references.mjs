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

/**
 * The same galley through @react-pdf/renderer (React element tree, no JSX): justified Text blocks with a text
 * indent, line height `leading`, en-GB hyphenation from the `hyphen` package's patterns (react-pdf's own default is
 * American English). Returns the PDF bytes.
 * @param {{ paragraphs: string[], fontFile: string, size: number, leading: number, width: number, pageHeight?: number, hyphenate?: boolean }} o
 * @returns {Promise<Buffer>}
 */
export async function reactPdfGalley({ paragraphs, fontFile, size, leading, width, pageHeight = 842, hyphenate = true }) {
  const React = require('react');
  const { Document, Page, Text, Font, renderToBuffer } = await import('@react-pdf/renderer');
  Font.register({ family: 'Galley', src: fontFile });
  if (hyphenate) {
    const enGb = require('hyphen/en-gb');
    Font.registerHyphenationCallback((word) => (word.length < 5 ? [word] : enGb.hyphenateSync(word, { hyphenChar: '\u00AD' }).split('\u00AD')));
  }
  const h = React.createElement;
  const text = paragraphs.map((p, i) =>
    h(Text, { key: i, style: { fontFamily: 'Galley', fontSize: size, lineHeight: leading / size, textAlign: 'justify', textIndent: i === 0 ? 0 : size } }, p),
  );
  const doc = h(Document, { creationDate: FIXED_DATE }, h(Page, { size: [width + 2 * MARGIN, pageHeight], style: { padding: MARGIN } }, ...text));
  return renderToBuffer(doc);
}
