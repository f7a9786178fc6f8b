// Makes docs/sample-front-page.jpg for the README from newsprint's own e-edition page image of the sample edition.
// Run after `npx newsprint build`: node scripts/readme-picture.mjs
import sharp from 'sharp';

const page = new URL('../output/the-wexcombe-courier-2026-11-26/e-edition/tiles/page-01/full/max/0/default.jpg', import.meta.url);
const out = new URL('../docs/sample-front-page.jpg', import.meta.url);
await sharp(page.pathname).resize({ width: 900 }).jpeg({ quality: 82 }).toFile(out.pathname);
console.log(`wrote ${out.pathname}`);
