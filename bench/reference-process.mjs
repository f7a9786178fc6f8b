// A reference setter as a whole process, for the cold-start comparison in `npm run bench`:
//   node bench/reference-process.mjs <pdfkit|react-pdf> <paragraphs.json> <out.pdf>
// Reads the paragraphs (a JSON array of strings), sets them as the galley would (48 mm, Liberation Serif 9/10.5 pt)
// and writes the PDF: what `newsprint galley` does in its own process, minus the article parsing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [setter, input, out] = process.argv.slice(2);
const { pdfkitGalley, reactPdfGalley } = await import('./references.mjs');
const paragraphs = JSON.parse(readFileSync(input, 'utf8'));
const fontFile = fileURLToPath(new URL('../fonts/liberation-serif/LiberationSerif-Regular.ttf', import.meta.url));
const set = setter === 'pdfkit' ? pdfkitGalley : reactPdfGalley;
const pdf = await set({ paragraphs, fontFile, size: 9, leading: 10.5, width: (48 * 72) / 25.4, pageHeight: (430 * 72) / 25.4 });
writeFileSync(out, pdf);
