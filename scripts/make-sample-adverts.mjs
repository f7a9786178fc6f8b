#!/usr/bin/env node
// Makes the sample adverts of The Wexcombe Courier (examples/sample-edition/ads/): four PDF/X-1a files as an
// advertiser's studio would send them, one CMYK JPEG and one RGB PNG, each the size of its booking on the
// uk-tabloid grid (48 mm columns, 4 mm gutters: N columns are N × 48 + (N − 1) × 4 mm wide; depths in cm).
//
//   node scripts/make-sample-adverts.mjs [out-dir]
//
// Every advert is a PostScript program written here. The PDFs come from Ghostscript's pdfwrite with -dPDFX and a
// PDF/X-1a prefix (Info GTS_PDFXVersion and GTS_PDFXConformance, /Trapped /False, an OutputIntent naming the
// registered condition CGATS TR 002 — no embedded ICC profile, which would add 190 KB to each advert), text in
// Roboto Condensed from fonts/ (TrueType, embedded as subsets by pdfwrite) and Ghostscript's own URW fonts
// (embedded too). The pictures are the same kind of program rasterised by Ghostscript at 200 dpi: the JPEG is
// converted to CMYK by sharp through the repository's newsprint ICC profile (as src/export/pdf/print-image.ts
// does), the PNG stays RGB (an advert the pipeline will have to convert).
//
// Deterministic: SOURCE_DATE_EPOCH fixes pdfwrite's CreationDate and ModDate; pdfwrite's file /ID (made from the
// clock, and not settable) is replaced by an MD5 of the PostScript program in the trailer, which follows the xref,
// so no offset moves. The same Ghostscript (10.00 here) and sharp (libvips 8.18) give the same bytes each run;
// another version may subset, compress or rasterise differently.
// All the advertisers, people, prices and phone numbers are invented (01632 960 xxx is Ofcom's drama range).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'examples', 'sample-edition', 'ads'));
const ICC = join(root, 'color', 'snap-tr002-newsprint.icc');
/** 26 November 2026, 00:00 UTC: the sample edition's date. */
const EPOCH = '1795651200';
const PT = 72 / 25.4;
/** Raster adverts: the plant's target resolution (plants/uk-tabloid.yaml images.target). */
const PPI = 200;

/** The uk-tabloid grid: a booking of `cols` columns and `depth` mm. */
const booking = (cols, depthMm) => ({ cols, depth: depthMm, w: cols * 48 + (cols - 1) * 4, h: depthMm, label: `${cols}x${depthMm / 10}cm` });

/** The fonts pdfwrite embeds: the repository's TrueType files through a Fontmap, and Ghostscript's URW Type 1 fonts. */
const FONT_FILES = {
  'RobotoCondensed-Bold': 'roboto-condensed/RobotoCondensed-Bold.ttf',
  'RobotoCondensed-Regular': 'roboto-condensed/RobotoCondensed-Regular.ttf',
  'CharisSIL': 'charis-sil/CharisSIL-Regular.ttf',
  'CharisSIL-Bold': 'charis-sil/CharisSIL-Bold.ttf',
  'CharisSIL-Italic': 'charis-sil/CharisSIL-Italic.ttf',
};
const URW = ['NimbusSans-Bold', 'NimbusSans-Regular', 'C059-Roman', 'C059-Italic', 'C059-Bold', 'P052-Roman', 'P052-Italic', 'P052-Bold'];

/** Text as a PostScript string in StandardEncoding plus é at 200 (every font is re-encoded to it below). */
function psString(s) {
  const map = { '£': '\\243', '–': '\\261', '—': '\\320', '’': '\\047', '‘': '\\140', '“': '\\252', '”': '\\272', '•': '\\267', '·': '\\264', "'": '\\251', 'é': '\\200' };
  let o = '';
  for (const ch of s) {
    if (ch === '(' || ch === ')' || ch === '\\') o += `\\${ch}`;
    else if (map[ch]) o += map[ch];
    else if (ch >= ' ' && ch <= '~') o += ch;
    else throw new Error(`no StandardEncoding code for “${ch}” in “${s}”`);
  }
  return `(${o})`;
}

const n = (v) => (Math.round(v * 1000) / 1000).toString();

/** One advert: drawing calls in mm from its top-left, type sizes in points, colours CMYK 0–100 (or RGB 0–255 for the PNG). */
class Advert {
  constructor(b) {
    this.b = b;
    this.ops = [];
  }
  x(mm) {
    return n(mm * PT);
  }
  y(mm) {
    return n((this.b.h - mm) * PT);
  }
  colour(c) {
    return c.length === 4 ? `${c.map((v) => n(v / 100)).join(' ')} setcmykcolor` : `${c.map((v) => n(v / 255)).join(' ')} setrgbcolor`;
  }
  /** A filled rectangle. */
  box(x, y, w, h, c) {
    this.ops.push(`${this.colour(c)} ${this.x(x)} ${this.y(y + h)} ${n(w * PT)} ${n(h * PT)} rectfill`);
    return this;
  }
  /** A rectangle's outline, `width` pt, drawn inside the rectangle. */
  frame(x, y, w, h, width, c) {
    const i = width / 2 / PT;
    this.ops.push(`${this.colour(c)} ${n(width)} setlinewidth ${this.x(x + i)} ${this.y(y + h - i)} ${n((w - 2 * i) * PT)} ${n((h - 2 * i) * PT)} rectstroke`);
    return this;
  }
  rule(x1, y1, x2, y2, width, c) {
    this.ops.push(`${this.colour(c)} ${n(width)} setlinewidth newpath ${this.x(x1)} ${this.y(y1)} moveto ${this.x(x2)} ${this.y(y2)} lineto stroke`);
    return this;
  }
  /** An ellipse centred on x, y, radii rx and ry mm. */
  oval(x, y, rx, ry, c) {
    this.ops.push(`${this.colour(c)} gsave ${this.x(x)} ${this.y(y)} translate ${n(rx / ry)} 1 scale newpath 0 0 ${n(ry * PT)} 0 360 arc fill grestore`);
    return this;
  }
  disc(x, y, r, c) {
    this.ops.push(`${this.colour(c)} newpath ${this.x(x)} ${this.y(y)} ${n(r * PT)} 0 360 arc fill`);
    return this;
  }
  /**
   * One line of text, baseline `y` mm from the top; `align` left, centre or right of `x`; set smaller (never
   * stretched) when wider than `max` mm. Solid black overprints, as newspapers want it.
   */
  text(s, { x, y, font, size, c = [0, 0, 0, 100], align = 'left', max = this.b.w - 8 }) {
    const a = { left: 0, centre: 1, right: 2 }[align];
    const op = c.length === 4 && c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 100;
    this.ops.push(`${op ? 'true' : 'false'} setoverprint ${this.colour(c)} ${psString(s)} /${font} ${n(size)} ${n(max * PT)} ${a} ${this.x(x)} ${this.y(y)} T false setoverprint`);
    return this;
  }
  /** The PostScript program: page size, the re-encoded fonts, the drawing. */
  program() {
    const fonts = [...Object.keys(FONT_FILES), ...URW].map((f) => `/${f} /${f} reencode`).join('\n');
    return `%!PS-Adobe-3.0
%%Title: ${this.b.label}
/Enc StandardEncoding 256 array copy dup 8#200 /eacute put def
/reencode { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding Enc def currentdict end definefont pop } bind def
${fonts}
% (string) /Font size maxwidth align x y T: show, aligned 0 left 1 centre 2 right, smaller if wider than maxwidth
/T { /ty exch def /tx exch def /al exch def /mw exch def /sz exch def /fn exch def /s exch def
  fn findfont sz scalefont setfont s stringwidth pop /sw exch def
  sw mw gt { fn findfont sz mw mul sw div scalefont setfont s stringwidth pop /sw exch def } if
  tx al 1 eq { sw 2 div sub } if al 2 eq { sw sub } if ty moveto s show } bind def
<< /PageSize [${n(this.b.w * PT)} ${n(this.b.h * PT)}] >> setpagedevice
${this.ops.join('\n')}
showpage
`;
  }
}

// Colours, CMYK per cent, each within the plant's 240 % total ink.
const BLACK = [0, 0, 0, 100];
const WHITE = [0, 0, 0, 0];
const LEAF = [75, 0, 100, 20]; // 195 %
const PALE_LEAF = [15, 0, 25, 0];
const PETAL = [0, 35, 95, 0];
const PINK = [0, 70, 15, 0];
const RED = [0, 100, 100, 0]; // 200 %
const CYAN = [100, 20, 0, 0];
const GREY = [0, 0, 0, 12];

/** Hollies Garden Centre: 5 columns × 12 cm, full colour, Roboto Condensed (TrueType) and URW Century Schoolbook. */
function gardenCentre() {
  const b = booking(5, 120);
  const a = new Advert(b);
  a.box(0, 0, b.w, 26, LEAF)
    .text('HOLLIES GARDEN CENTRE', { x: b.w / 2, y: 15, font: 'RobotoCondensed-Bold', size: 34, c: WHITE, align: 'centre' })
    .text('Station Road, Wexcombe  ·  open seven days a week, 9am–5pm', { x: b.w / 2, y: 22.5, font: 'RobotoCondensed-Regular', size: 11, c: WHITE, align: 'centre' });
  // A bed of flowers down the left: discs of petals round a centre, on stems.
  a.box(0, 26, 70, 94, PALE_LEAF);
  for (const [cx, cy, r, petal] of [[20, 50, 7, PETAL], [46, 44, 8, PINK], [32, 78, 9, PINK], [56, 84, 6, PETAL], [16, 100, 6, PETAL]]) {
    a.rule(cx, cy, cx + 2, 118, 1.6, LEAF);
    for (let k = 0; k < 6; k++) a.disc(cx + r * 0.6 * Math.cos((k * Math.PI) / 3), cy + r * 0.6 * Math.sin((k * Math.PI) / 3), r * 0.45, petal);
    a.disc(cx, cy, r * 0.3, [0, 20, 100, 10]);
  }
  a.text('Autumn Bulb Week', { x: 80, y: 42, font: 'RobotoCondensed-Bold', size: 28, c: LEAF, max: b.w - 86 })
    .text('Daffodils, tulips and alliums for a spring to remember', { x: 80, y: 51, font: 'C059-Italic', size: 13, max: b.w - 86 });
  const offers = [
    ['Spring bulbs, nets of 25', '3 for £10'],
    ['Winter pansies and violas, trays of 24', '£12'],
    ['Bare-root hedging: beech, hawthorn, holly', 'from £1.50'],
    ['Compost, 60-litre bags', '4 for £18'],
  ];
  offers.forEach(([what, price], i) => {
    const y = 64 + i * 10;
    a.text(what, { x: 80, y, font: 'C059-Roman', size: 12, max: b.w - 130 })
      .text(price, { x: b.w - 6, y, font: 'RobotoCondensed-Bold', size: 14, c: RED, align: 'right', max: 40 })
      .rule(80, y + 3, b.w - 6, y + 3, 0.5, GREY);
  });
  a.text('Free tea and a mince pie in the Potting Shed café, Saturday 28 November, 10am–2pm', { x: 80, y: 108, font: 'C059-Bold', size: 10.5, max: b.w - 86 })
    .text('01632 960 418', { x: b.w - 6, y: 116, font: 'RobotoCondensed-Bold', size: 13, align: 'right', max: 60 })
    .frame(0, 0, b.w, b.h, 1, LEAF);
  return { name: 'garden-centre', booking: b, advert: a };
}

/** A. J. Pelling & Daughters, funeral directors: 2 columns × 9 cm, black only, URW Palatino. */
function funeralDirector() {
  const b = booking(2, 90);
  const a = new Advert(b);
  a.frame(0, 0, b.w, b.h, 1.5, BLACK)
    .frame(2.2, 2.2, b.w - 4.4, b.h - 4.4, 0.5, BLACK)
    .text('A. J. Pelling & Daughters', { x: b.w / 2, y: 17, font: 'P052-Bold', size: 17, align: 'centre', max: b.w - 12 })
    .text('Independent Family Funeral Directors', { x: b.w / 2, y: 25, font: 'P052-Italic', size: 11, align: 'centre', max: b.w - 12 })
    .rule(30, 31, b.w - 30, 31, 0.5, BLACK)
    .text('Caring for Wexcombe and the Vale', { x: b.w / 2, y: 40, font: 'P052-Roman', size: 10, align: 'centre' })
    .text('villages since 1931', { x: b.w / 2, y: 45, font: 'P052-Roman', size: 10, align: 'centre' })
    .text('Private chapel of rest', { x: b.w / 2, y: 54, font: 'P052-Roman', size: 10, align: 'centre' })
    .text('Pre-paid funeral plans · Memorials', { x: b.w / 2, y: 59, font: 'P052-Roman', size: 10, align: 'centre' })
    .rule(30, 65, b.w - 30, 65, 0.5, BLACK)
    .text('Day and night', { x: b.w / 2, y: 73, font: 'P052-Italic', size: 10, align: 'centre' })
    .text('01632 960 233', { x: b.w / 2, y: 80.5, font: 'P052-Bold', size: 15, align: 'centre' })
    .text('14 Church Street, Wexcombe', { x: b.w / 2, y: 85.5, font: 'P052-Roman', size: 8.5, align: 'centre' });
  return { name: 'funeral-director', booking: b, advert: a };
}

/** Wexcombe Motors: 3 columns × 6 cm, a red band and reversed type, in Ghostscript's own URW sans. */
function carDealer() {
  const b = booking(3, 60);
  const a = new Advert(b);
  a.box(0, 0, b.w, 16, RED)
    .text('WEXCOMBE MOTORS', { x: 5, y: 11.5, font: 'NimbusSans-Bold', size: 24, c: WHITE, max: 100 })
    .text('Est. 1968', { x: b.w - 5, y: 11, font: 'NimbusSans-Regular', size: 10, c: WHITE, align: 'right', max: 30 })
    .text('Quality used cars  ·  part exchange welcome  ·  12-month warranty', { x: 5, y: 23, font: 'NimbusSans-Regular', size: 9.5 });
  const cars = [
    ['2019 family estate, 1.5 petrol, 41,000 miles, full history', '£8,995'],
    ['2020 small hatchback, 1.0, one owner, 23,000 miles', '£7,450'],
    ['2017 seven-seat people carrier, diesel, new cambelt', '£6,295'],
  ];
  cars.forEach(([what, price], i) => {
    const y = 32 + i * 7;
    a.text(what, { x: 5, y, font: 'NimbusSans-Regular', size: 9, max: 115 }).text(price, { x: b.w - 5, y, font: 'NimbusSans-Bold', size: 11, c: RED, align: 'right', max: 25 });
  });
  a.rule(5, 53, b.w - 5, 53, 0.5, BLACK)
    .text('Harbour Road Industrial Estate, Wexcombe', { x: 5, y: 57.5, font: 'NimbusSans-Regular', size: 8.5, max: 90 })
    .text('01632 960 771', { x: b.w - 5, y: 57.5, font: 'NimbusSans-Bold', size: 11, align: 'right', max: 40 })
    .frame(0, 0, b.w, b.h, 0.75, RED);
  return { name: 'car-dealer', booking: b, advert: a };
}

/** A jobs box for the town council: 2 columns × 6 cm, a cyan head, Roboto Condensed and URW Century Schoolbook. */
function jobsBox() {
  const b = booking(2, 60);
  const a = new Advert(b);
  a.box(0, 0, b.w, 11, CYAN)
    .text('JOBS', { x: 4, y: 8.3, font: 'RobotoCondensed-Bold', size: 20, c: WHITE })
    .text('Wexcombe Town Council', { x: b.w - 4, y: 8, font: 'RobotoCondensed-Regular', size: 11, c: WHITE, align: 'right', max: 60 })
    .text('Seasonal Grounds Person', { x: 4, y: 20, font: 'RobotoCondensed-Bold', size: 15, max: b.w - 8 })
    .text('Full time, April to October: the parks, the', { x: 4, y: 28, font: 'C059-Roman', size: 9.5 })
    .text('cemetery and the seafront gardens.', { x: 4, y: 32.5, font: 'C059-Roman', size: 9.5 })
    .text('£11.90 an hour. A driving licence is needed.', { x: 4, y: 37, font: 'C059-Roman', size: 9.5 })
    .text('Ask for a form at the Guildhall or call', { x: 4, y: 45, font: 'C059-Roman', size: 9.5 })
    .text('01632 960 512', { x: 4, y: 52, font: 'RobotoCondensed-Bold', size: 14 })
    .text('Closing date 11 December', { x: b.w - 4, y: 52, font: 'C059-Italic', size: 9, align: 'right', max: 45 })
    .frame(0, 0, b.w, b.h, 0.75, CYAN);
  return { name: 'jobs-box', booking: b, advert: a };
}

/** Crumb & Crust bakery: 2 columns × 4 cm, drawn in RGB as a studio would, then a CMYK JPEG. */
function bakery() {
  const b = booking(2, 40);
  const a = new Advert(b);
  const crust = [150, 82, 32];
  a.box(0, 0, b.w, b.h, [253, 244, 226])
    .oval(15.5, 21, 11, 7.5, [200, 132, 62])
    .oval(15.5, 19.5, 9.5, 5.5, [232, 178, 104])
    .rule(9, 22, 12, 16.5, 1.6, crust)
    .rule(14, 22, 17, 16.5, 1.6, crust)
    .rule(19, 22, 22, 16.5, 1.6, crust)
    .text('Crumb & Crust', { x: 31, y: 13, font: 'CharisSIL-Bold', size: 19, c: crust, max: 66 })
    .text('Bakers on Wexcombe Market Square', { x: 31, y: 19, font: 'CharisSIL-Italic', size: 9, c: [60, 40, 30], max: 66 })
    .text('Christmas cakes and stollen', { x: 31, y: 26, font: 'RobotoCondensed-Bold', size: 11, c: [180, 30, 40], max: 66 })
    .text('to order by 12 December', { x: 31, y: 30.5, font: 'RobotoCondensed-Bold', size: 11, c: [180, 30, 40], max: 66 })
    .text('01632 960 847', { x: 31, y: 36.5, font: 'RobotoCondensed-Regular', size: 10, c: [40, 30, 25], max: 66 })
    .frame(0, 0, b.w, b.h, 1, crust);
  return { name: 'bakery', booking: b, advert: a, raster: 'cmyk-jpeg' };
}

/** The Lions' quiz night: 1 column × 4 cm, bright screen RGB, left RGB. */
function quizNight() {
  const b = booking(1, 40);
  const a = new Advert(b);
  const blue = [0, 80, 255];
  a.box(0, 0, b.w, b.h, [255, 255, 255])
    .box(0, 0, b.w, 12, blue)
    .text('QUIZ NIGHT', { x: b.w / 2, y: 9, font: 'RobotoCondensed-Bold', size: 18, c: [255, 230, 0], align: 'centre', max: b.w - 4 })
    .text('Wexcombe Lions', { x: b.w / 2, y: 18, font: 'RobotoCondensed-Bold', size: 10, c: blue, align: 'centre' })
    .text('Friday 4 December, 7.30pm', { x: b.w / 2, y: 23.5, font: 'CharisSIL', size: 8, c: [20, 20, 20], align: 'centre', max: b.w - 4 })
    .text('The Anchor, Quay Street', { x: b.w / 2, y: 27.5, font: 'CharisSIL', size: 8, c: [20, 20, 20], align: 'centre', max: b.w - 4 })
    .text('Teams of four, £2 a head', { x: b.w / 2, y: 32, font: 'CharisSIL', size: 8, c: [20, 20, 20], align: 'centre', max: b.w - 4 })
    .text('for the lifeboat', { x: b.w / 2, y: 37, font: 'CharisSIL-Italic', size: 8, c: [230, 0, 40], align: 'centre', max: b.w - 4 })
    .frame(0, 0, b.w, b.h, 1, blue);
  return { name: 'quiz-night', booking: b, advert: a, raster: 'rgb-png' };
}

/** A PDF/X-1a prefix for pdfwrite: identification, /Trapped, and the output intent by its registered name. */
const PDFX_PREFIX = `%!
[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Trapped /False /DOCINFO pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (CGATS TR 002)
  /OutputCondition (Coldset offset on newsprint) /Info (CGATS/SNAP TR 002, 240 % total ink) /RegistryName (http://www.color.org) >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;

function gs(work, args) {
  const read = [...new Set(Object.values(FONT_FILES).map((f) => dirname(join(root, 'fonts', f))))].map((d) => `--permit-file-read=${d}/`);
  execFileSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', `-sFONTMAP=${join(work, 'Fontmap')}`, `--permit-file-read=${work}/`, ...read, ...args], {
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Replaces pdfwrite's clock-made /ID (hex or a literal string, whichever is shorter) with the MD5 of the program.
 * The trailer follows the xref table, so its length moves no offset (startxref points before it).
 */
function fixId(pdf, program) {
  const text = pdf.toString('latin1');
  const trailer = text.lastIndexOf('\ntrailer');
  const from = text.indexOf('/ID [', trailer);
  const to = text.indexOf('\n>>', from);
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(trailer))?.[1]);
  if (trailer < 0 || from < 0 || to < 0 || text[to - 1] !== ']' || !(startxref < trailer)) {
    throw new Error('no /ID in a trailer after the xref table: another Ghostscript? Check the output by hand');
  }
  const id = createHash('md5').update(program).digest('hex').toUpperCase();
  return Buffer.concat([pdf.subarray(0, from), Buffer.from(`/ID [<${id}><${id}>]`, 'latin1'), pdf.subarray(to)]);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'newsprint-ads-'));
  writeFileSync(join(work, 'Fontmap'), Object.entries(FONT_FILES).map(([name, f]) => `/${name} (${join(root, 'fonts', f)}) ;`).join('\n') + '\n');
  writeFileSync(join(work, 'pdfx.ps'), PDFX_PREFIX);
  try {
    for (const { name, booking: b, advert, raster } of [gardenCentre(), funeralDirector(), carDealer(), jobsBox(), bakery(), quizNight()]) {
      const program = advert.program();
      const ps = join(work, `${name}.ps`);
      writeFileSync(ps, program);
      let file;
      if (!raster) {
        const pdf = join(work, `${name}.pdf`);
        gs(work, ['-dPDFX', '-sDEVICE=pdfwrite', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dPDFXSetBleedBoxToMediaBox', `-sOutputFile=${pdf}`, join(work, 'pdfx.ps'), ps]);
        file = join(out, `${name}.pdf`);
        writeFileSync(file, fixId(readFileSync(pdf), program));
      } else {
        const png = join(work, `${name}.png`);
        gs(work, ['-sDEVICE=png16m', `-r${PPI}`, '-dTextAlphaBits=4', '-dGraphicsAlphaBits=4', `-sOutputFile=${png}`, ps]);
        if (raster === 'cmyk-jpeg') {
          file = join(out, `${name}.jpg`);
          // As print-image.ts converts photos: through the press's profile (perceptual), within its ink limit. The
          // profile comes after withMetadata, which would otherwise keep the input's sRGB profile and leave it RGB.
          writeFileSync(file, await sharp(png).withMetadata({ density: PPI }).withIccProfile(ICC, { attach: false }).jpeg({ quality: 85, chromaSubsampling: '4:4:4' }).toBuffer());
        } else {
          file = join(out, `${name}.png`);
          writeFileSync(file, await sharp(png).removeAlpha().withMetadata({ density: PPI }).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer());
        }
      }
      process.stdout.write(`${relative(process.cwd(), file)}: ${b.label} (${b.w} × ${b.h} mm), ${(statSync(file).size / 1024).toFixed(1)} KB\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
