#!/usr/bin/env node
// Makes the sample adverts of The Wexcombe Courier (examples/sample-edition/ads/): four PDF/X-1a files as an
// advertiser's studio would send them, one CMYK JPEG and one RGB PNG, each the size of its booking on the
// uk-tabloid grid (48 mm columns, 4 mm gutters: N columns are N × 48 + (N − 1) × 4 mm wide; depths in cm). With
// --plant, the same advertisers' adverts as booked in that plant's example edition, on its grid (the plant profile's
// trim, margins, columns and gutter) and in its PDF/X flavour: examples/editions/ads/berliner/ (PDF/X-1a) and
// examples/editions/ads/broadsheet/ (PDF/X-4), each with an estate agent's display advert besides (and on the
// broadsheet, the town council's Christmas market and a farm shop's Christmas orders).
//
//   node scripts/make-sample-adverts.mjs [--plant uk-tabloid|berliner|broadsheet] [out-dir]
//
// A design is drawn once, at its tabloid booking; a booking of another size on another grid stretches its positions
// to the new width and depth and sets its type (and rules, and round things) larger by the smaller of the two
// stretches, so nothing is distorted and nothing leaves its box. On the tabloid every factor is exactly 1 and the
// program is the one this script has always written.
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
// another version may subset, compress or rasterise differently. PDF/X-4 adverts (the broadsheet plant's) are the
// same pdfwrite output made X-4 by @cantoo/pdf-lib: PDF 1.6, Info GTS_PDFXVersion PDF/X-4 without GTS_PDFXConformance,
// an XMP packet with pdfxid:GTS_PDFXVersion and the same dates as Info, and the newsprint ICC profile embedded in the
// output intent (X-4 requires it; about 200 KB an advert).
// All the advertisers, people, prices and phone numbers are invented (01632 960 xxx is Ofcom's drama range).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ICC = join(root, 'color', 'snap-tr002-newsprint.icc');
/** 26 November 2026, 00:00 UTC: the sample edition's date. */
const EPOCH = '1795651200';
const PT = 72 / 25.4;
/** Raster adverts: the plants' target resolution (images.target in every profile of plants/). */
const PPI = 200;

/**
 * Each plant's adverts: where they go, and each advertiser's booking (columns × depth) in that plant's example
 * edition. The bookings on the larger pages keep roughly the tabloid design's proportions, so it grows evenly.
 */
const SETS = {
  'uk-tabloid': {
    out: 'examples/sample-edition/ads',
    ads: { 'garden-centre': '5x12cm', 'funeral-director': '2x9cm', 'car-dealer': '3x6cm', 'jobs-box': '2x6cm', bakery: '2x4cm', 'quiz-night': '1x4cm' },
  },
  berliner: {
    out: 'examples/editions/ads/berliner',
    ads: { 'estate-agent': '6x20cm', 'garden-centre': '6x14cm', 'funeral-director': '2x9cm', 'car-dealer': '3x6cm', 'jobs-box': '2x6cm', bakery: '2x4cm', 'quiz-night': '1x4cm' },
  },
  broadsheet: {
    out: 'examples/editions/ads/broadsheet',
    ads: { 'estate-agent': '7x25cm', 'christmas-market': '7x25cm', 'farm-shop': '7x19cm', 'garden-centre': '7x17cm', 'funeral-director': '3x14cm', 'car-dealer': '4x8cm', 'jobs-box': '3x9cm', bakery: '3x6cm', 'quiz-night': '1x4cm' },
  },
};

/** A length from a plant profile, mm (the shipped profiles give every length in mm). */
function profileMm(v, what) {
  const m = /^(\d+(?:\.\d+)?)mm$/.exec(String(v).trim());
  if (!m) throw new Error(`plant profile ${what}: ${v} is not in mm`);
  return Number(m[1]);
}

/** A plant's column grid from its profile in plants/: column width and gutter, mm, and its PDF/X flavour. */
function plantGrid(name) {
  const p = parse(readFileSync(join(root, 'plants', `${name}.yaml`), 'utf8'));
  const area = profileMm(p.trim.width, 'trim.width') - profileMm(p.margins.inside, 'margins.inside') - profileMm(p.margins.outside, 'margins.outside');
  const gutter = profileMm(p.gutter, 'gutter');
  return { name, column: (area - (p.columns - 1) * gutter) / p.columns, gutter, columns: p.columns, pdfx: p.pdfx };
}

/** A booking of `cols` columns and `depthMm` on a plant's grid: its size, mm, and how the flatplan writes it. */
const bookingOn = (grid, cols, depthMm) => {
  if (cols > grid.columns) throw new Error(`a ${cols}-column booking on the ${grid.name} grid of ${grid.columns} columns`);
  return { cols, depth: depthMm, w: cols * grid.column + (cols - 1) * grid.gutter, h: depthMm, label: `${cols}x${depthMm / 10}cm` };
};
/** `5x12cm` as columns and mm. */
const parseBooking = (text) => {
  const [, cols, cm] = /^(\d+)x(\d+)cm$/.exec(text);
  return [Number(cols), Number(cm) * 10];
};

const TABLOID = plantGrid('uk-tabloid');
/** The uk-tabloid grid: a booking of `cols` columns and `depth` mm, the size each design is drawn at. */
const booking = (cols, depthMm) => bookingOn(TABLOID, cols, depthMm);

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

/**
 * One advert: drawing calls in mm from the top-left of its design (`b`, the booking it was drawn at), type sizes in
 * points, colours CMYK 0–100 (or RGB 0–255 for the PNG). Written out at `size`, its booking on the plant's grid:
 * positions stretch by size/b across and down, type, rules and round things grow by the smaller stretch (`s`).
 */
class Advert {
  constructor(b, size = b) {
    this.b = b;
    this.size = size;
    this.sx = size.w / b.w;
    this.sy = size.h / b.h;
    this.s = Math.min(this.sx, this.sy);
    this.ops = [];
  }
  x(mm) {
    return n(mm * this.sx * PT);
  }
  y(mm) {
    return n((this.b.h - mm) * this.sy * PT);
  }
  colour(c) {
    return c.length === 4 ? `${c.map((v) => n(v / 100)).join(' ')} setcmykcolor` : `${c.map((v) => n(v / 255)).join(' ')} setrgbcolor`;
  }
  /** A filled rectangle. */
  box(x, y, w, h, c) {
    this.ops.push(`${this.colour(c)} ${this.x(x)} ${this.y(y + h)} ${n(w * this.sx * PT)} ${n(h * this.sy * PT)} rectfill`);
    return this;
  }
  /** A rectangle's outline, `width` pt, drawn inside the rectangle. */
  frame(x, y, w, h, width, c) {
    const lw = width * this.s;
    const i = lw / 2 / PT;
    this.ops.push(`${this.colour(c)} ${n(lw)} setlinewidth ${n((x * this.sx + i) * PT)} ${n((this.b.h * this.sy - (y * this.sy + h * this.sy - i)) * PT)} ${n((w * this.sx - 2 * i) * PT)} ${n((h * this.sy - 2 * i) * PT)} rectstroke`);
    return this;
  }
  rule(x1, y1, x2, y2, width, c) {
    this.ops.push(`${this.colour(c)} ${n(width * this.s)} setlinewidth newpath ${this.x(x1)} ${this.y(y1)} moveto ${this.x(x2)} ${this.y(y2)} lineto stroke`);
    return this;
  }
  /** An ellipse centred on x, y, radii rx and ry mm. */
  oval(x, y, rx, ry, c) {
    this.ops.push(`${this.colour(c)} gsave ${this.x(x)} ${this.y(y)} translate ${n((rx * this.sx) / (ry * this.sy))} 1 scale newpath 0 0 ${n(ry * this.sy * PT)} 0 360 arc fill grestore`);
    return this;
  }
  disc(x, y, r, c) {
    this.ops.push(`${this.colour(c)} newpath ${this.x(x)} ${this.y(y)} ${n(r * this.s * PT)} 0 360 arc fill`);
    return this;
  }
  /** A filled polygon through [x, y] corners, mm. */
  poly(points, c) {
    const [first, ...rest] = points.map(([px, py]) => `${this.x(px)} ${this.y(py)}`);
    this.ops.push(`${this.colour(c)} newpath ${first} moveto ${rest.map((p) => `${p} lineto`).join(' ')} closepath fill`);
    return this;
  }
  /**
   * One line of text, baseline `y` mm from the top; `align` left, centre or right of `x`; set smaller (never
   * stretched) when wider than `max` mm. Solid black overprints, as newspapers want it.
   */
  text(s, { x, y, font, size, c = [0, 0, 0, 100], align = 'left', max = this.b.w - 8 }) {
    const a = { left: 0, centre: 1, right: 2 }[align];
    const op = c.length === 4 && c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 100;
    this.ops.push(`${op ? 'true' : 'false'} setoverprint ${this.colour(c)} ${psString(s)} /${font} ${n(size * this.s)} ${n(max * this.sx * PT)} ${a} ${this.x(x)} ${this.y(y)} T false setoverprint`);
    return this;
  }
  /** The PostScript program: page size, the re-encoded fonts, the drawing. */
  program() {
    const fonts = [...Object.keys(FONT_FILES), ...URW].map((f) => `/${f} /${f} reencode`).join('\n');
    return `%!PS-Adobe-3.0
%%Title: ${this.size.label}
/Enc StandardEncoding 256 array copy dup 8#200 /eacute put def
/reencode { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding Enc def currentdict end definefont pop } bind def
${fonts}
% (string) /Font size maxwidth align x y T: show, aligned 0 left 1 centre 2 right, smaller if wider than maxwidth
/T { /ty exch def /tx exch def /al exch def /mw exch def /sz exch def /fn exch def /s exch def
  fn findfont sz scalefont setfont s stringwidth pop /sw exch def
  sw mw gt { fn findfont sz mw mul sw div scalefont setfont s stringwidth pop /sw exch def } if
  tx al 1 eq { sw 2 div sub } if al 2 eq { sw sub } if ty moveto s show } bind def
<< /PageSize [${n(this.size.w * PT)} ${n(this.size.h * PT)}] >> setpagedevice
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
function gardenCentre(size) {
  const b = booking(5, 120);
  const a = new Advert(b, size);
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
  return { name: 'garden-centre', booking: size, advert: a };
}

/** A. J. Pelling & Daughters, funeral directors: 2 columns × 9 cm, black only, URW Palatino. */
function funeralDirector(size) {
  const b = booking(2, 90);
  const a = new Advert(b, size);
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
  return { name: 'funeral-director', booking: size, advert: a };
}

/** Wexcombe Motors: 3 columns × 6 cm, a red band and reversed type, in Ghostscript's own URW sans. */
function carDealer(size) {
  const b = booking(3, 60);
  const a = new Advert(b, size);
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
  return { name: 'car-dealer', booking: size, advert: a };
}

/** A jobs box for the town council: 2 columns × 6 cm, a cyan head, Roboto Condensed and URW Century Schoolbook. */
function jobsBox(size) {
  const b = booking(2, 60);
  const a = new Advert(b, size);
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
  return { name: 'jobs-box', booking: size, advert: a };
}

/** Crumb & Crust bakery: 2 columns × 4 cm, drawn in RGB as a studio would, then a CMYK JPEG. */
function bakery(size) {
  const b = booking(2, 40);
  const a = new Advert(b, size);
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
  return { name: 'bakery', booking: size, advert: a, raster: 'cmyk-jpeg' };
}

/** The Lions' quiz night: 1 column × 4 cm, bright screen RGB, left RGB. */
function quizNight(size) {
  const b = booking(1, 40);
  const a = new Advert(b, size);
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
  return { name: 'quiz-night', booking: size, advert: a, raster: 'rgb-png' };
}

/**
 * Harbour & Vale, estate agents: a display advert of six houses, drawn at 5 columns × 18 cm on the tabloid grid;
 * booked in the Berliner and broadsheet editions only. Navy head and foot with reversed type, URW Century Schoolbook.
 */
function estateAgent(size) {
  const b = booking(5, 180);
  const a = new Advert(b, size);
  const NAVY = [100, 70, 0, 30]; // 200 %
  const SKY = [25, 5, 0, 0];
  const ROOF = [0, 55, 60, 35]; // 150 %
  a.box(0, 0, b.w, 22, NAVY)
    .text('HARBOUR & VALE', { x: 6, y: 14.5, font: 'RobotoCondensed-Bold', size: 30, c: WHITE, max: 120 })
    .text('Estate agents · lettings · valuations', { x: b.w - 6, y: 14, font: 'RobotoCondensed-Regular', size: 12, c: WHITE, align: 'right', max: 110 });
  // Six houses in two rows of three: a picture of each, its price, where it is and two lines about it.
  const homes = [
    { price: '£245,000', where: 'Quay Street, Wexcombe', about: ['Fisherman’s cottage, two bedrooms,', 'courtyard garden, by the harbour'], w: 22, h: 12, roof: 7, wall: [0, 8, 20, 0] },
    { price: '£325,000', where: 'Station Road, Wexcombe', about: ['Victorian semi, three bedrooms,', 'long south-facing garden'], w: 30, h: 16, roof: 8, wall: [0, 35, 45, 15] },
    { price: '£289,950', where: 'Weir Road, Wexcombe', about: ['Detached bungalow, two doubles,', 'garage, views over the valley'], w: 40, h: 10, roof: 6, wall: [0, 5, 30, 5] },
    { price: '£210,000', where: 'Mill Lane, Wexcombe', about: ['New home, three bedrooms, energy', 'rating A, parking for two cars'], w: 26, h: 15, roof: 6, wall: [5, 0, 10, 10] },
    { price: '£165,000', where: 'Harbour Heights, Wexcombe', about: ['First-floor flat, one bedroom,', 'balcony over the harbour, no chain'], w: 24, h: 20, roof: 2, wall: [0, 0, 15, 25] },
    { price: 'Guide £675,000', where: 'Nether Farm, Hollerton', about: ['Farmhouse, five bedrooms, barns', 'and four acres of paddock'], w: 38, h: 15, roof: 8, wall: [0, 15, 35, 10] },
  ];
  const gap = 5;
  const cw = (b.w - 12 - 2 * gap) / 3;
  const ch = 64;
  homes.forEach((home, i) => {
    const cx = 6 + (i % 3) * (cw + gap);
    const cy = 27 + Math.floor(i / 3) * (ch + 4);
    const mid = cx + cw / 2;
    const ground = cy + 26;
    a.box(cx, cy, cw, 30, SKY).box(cx, ground, cw, 4, PALE_LEAF);
    // The house: walls, a roof, a door and two windows.
    a.box(mid - home.w / 2, ground - home.h, home.w, home.h, home.wall)
      .poly([[mid - home.w / 2 - 2, ground - home.h], [mid, ground - home.h - home.roof], [mid + home.w / 2 + 2, ground - home.h]], ROOF)
      .box(mid - 2.5, ground - 7, 5, 7, NAVY)
      .box(mid - home.w / 2 + 3, ground - home.h + 3, 5, 4, WHITE)
      .box(mid + home.w / 2 - 8, ground - home.h + 3, 5, 4, WHITE);
    a.text(home.price, { x: cx + 2, y: cy + 39, font: 'RobotoCondensed-Bold', size: 15, c: NAVY, max: cw - 4 })
      .text(home.where, { x: cx + 2, y: cy + 45.5, font: 'C059-Bold', size: 9.5, max: cw - 4 })
      .text(home.about[0], { x: cx + 2, y: cy + 51, font: 'C059-Roman', size: 8.5, max: cw - 4 })
      .text(home.about[1], { x: cx + 2, y: cy + 55.5, font: 'C059-Roman', size: 8.5, max: cw - 4 })
      .frame(cx, cy, cw, ch - 4, 0.5, NAVY);
  });
  a.box(0, 164, b.w, 16, NAVY)
    .text('Free valuations for sellers · open Saturdays 9am–4pm · 12 Fore Street, Wexcombe', { x: 6, y: 174, font: 'RobotoCondensed-Regular', size: 11, c: WHITE, max: 170 })
    .text('01632 960 390', { x: b.w - 6, y: 174.5, font: 'RobotoCondensed-Bold', size: 16, c: WHITE, align: 'right', max: 60 });
  return { name: 'estate-agent', booking: size, advert: a };
}

/**
 * The town council's Christmas market: a poster in a night-blue panel, drawn at 5 columns × 20 cm on the tabloid
 * grid; booked in the broadsheet edition only. Reversed type in Roboto Condensed and URW Century Schoolbook.
 */
function christmasMarket(size) {
  const b = booking(5, 200);
  const a = new Advert(b, size);
  const NIGHT = [100, 80, 0, 40]; // 220 %
  const GOLD = [0, 15, 100, 0];
  const STALLS = [[0, 100, 100, 0], [80, 0, 100, 10], [0, 0, 0, 0]];
  a.box(0, 0, b.w, b.h, NIGHT);
  // Stars, and a row of stall roofs with strings of lights along the foot.
  for (const [sx, sy, r] of [[14, 12, 1.2], [40, 28, 0.8], [222, 14, 1.4], [242, 34, 0.9], [196, 8, 0.7], [60, 8, 0.9], [30, 46, 0.7], [232, 60, 0.8]]) a.disc(sx, sy, r, GOLD);
  for (let k = 0; k < 8; k++) {
    const x0 = 4 + k * 31;
    a.poly([[x0, 168], [x0 + 15.5, 156], [x0 + 31, 168]], STALLS[k % 3]).box(x0 + 3, 168, 25, 12, [0, 5, 25, 0]);
    for (let j = 0; j < 4; j++) a.disc(x0 + 5 + j * 7, 172, 1.1, GOLD);
  }
  a.text('WEXCOMBE', { x: b.w / 2, y: 24, font: 'RobotoCondensed-Bold', size: 22, c: WHITE, align: 'centre' })
    .text('Christmas Market', { x: b.w / 2, y: 52, font: 'C059-Bold', size: 54, c: GOLD, align: 'centre', max: b.w - 20 })
    .text('Saturday 5 and Sunday 6 December, 10am–8pm', { x: b.w / 2, y: 72, font: 'RobotoCondensed-Bold', size: 20, c: WHITE, align: 'centre' })
    .text('Market Square and along the Quay', { x: b.w / 2, y: 84, font: 'C059-Italic', size: 16, c: WHITE, align: 'centre' })
    .rule(60, 94, b.w - 60, 94, 1, GOLD)
    .text('Sixty stalls of local food, crafts and gifts', { x: b.w / 2, y: 108, font: 'C059-Roman', size: 14, c: WHITE, align: 'centre' })
    .text('Carols by the Wexcombe Silver Band · Santa’s grotto · late-night shopping', { x: b.w / 2, y: 119, font: 'C059-Roman', size: 14, c: WHITE, align: 'centre' })
    .text('Lantern parade from the Guildhall, Saturday at 5pm', { x: b.w / 2, y: 130, font: 'C059-Roman', size: 14, c: WHITE, align: 'centre' })
    .text('Free park and ride from Station Road both days', { x: b.w / 2, y: 145, font: 'RobotoCondensed-Bold', size: 13, c: GOLD, align: 'centre' })
    .box(0, 184, b.w, 16, [0, 0, 0, 100])
    .text('Wexcombe Town Council', { x: 6, y: 194.5, font: 'RobotoCondensed-Bold', size: 14, c: WHITE, max: 90 })
    .text('wexcombe-tc.example/market · 01632 960 500', { x: b.w - 6, y: 194.5, font: 'RobotoCondensed-Regular', size: 12, c: WHITE, align: 'right', max: 130 });
  return { name: 'christmas-market', booking: size, advert: a };
}

/**
 * Vale Farm Shop's Christmas orders: drawn at 5 columns × 14 cm on the tabloid grid; booked in the broadsheet edition
 * only. A green head with reversed type, a rosette, a price list in URW Century Schoolbook and Roboto Condensed.
 */
function farmShop(size) {
  const b = booking(5, 140);
  const a = new Advert(b, size);
  const GREEN = [80, 15, 85, 30]; // 210 %
  const CREAM = [0, 3, 15, 0];
  a.box(0, 0, b.w, b.h, CREAM)
    .box(0, 0, b.w, 24, GREEN)
    .text('VALE FARM SHOP', { x: 6, y: 15.5, font: 'RobotoCondensed-Bold', size: 30, c: WHITE, max: 120 })
    .text('and butchery · Nether Farm, Hollerton', { x: b.w - 6, y: 15, font: 'RobotoCondensed-Regular', size: 12, c: WHITE, align: 'right', max: 100 });
  // A rosette: ribbon tails, a red disc with a cream centre, the order date in it.
  a.poly([[30, 96], [24, 128], [32, 122], [38, 130], [40, 98]], RED)
    .poly([[44, 98], [46, 130], [52, 122], [60, 128], [54, 96]], RED)
    .disc(42, 78, 28, RED)
    .disc(42, 78, 23, CREAM)
    .text('Christmas', { x: 42, y: 74, font: 'C059-Bold', size: 15, c: RED, align: 'centre', max: 42 })
    .text('orders', { x: 42, y: 81, font: 'C059-Bold', size: 15, c: RED, align: 'centre', max: 42 })
    .text('by 14 December', { x: 42, y: 89, font: 'RobotoCondensed-Bold', size: 10, align: 'centre', max: 40 });
  a.text('Your Christmas table, from our own farm', { x: 86, y: 38, font: 'C059-Italic', size: 14, max: b.w - 92 });
  const items = [
    ['Free-range bronze turkey, 5–7 kg', '£72'],
    ['Rolled rib of Vale beef, per kg', '£28'],
    ['Dry-cured gammon joint, 2 kg', '£24'],
    ['Pigs in blankets, two dozen', '£9.50'],
    ['Sausage-meat and chestnut stuffing, 500 g', '£4.50'],
    ['A box of Vale vegetables for six', '£15'],
  ];
  items.forEach(([what, price], i) => {
    const y = 51 + i * 10;
    a.text(what, { x: 86, y, font: 'C059-Roman', size: 12, max: b.w - 134 })
      .text(price, { x: b.w - 6, y, font: 'RobotoCondensed-Bold', size: 14, c: RED, align: 'right', max: 36 })
      .rule(86, y + 3, b.w - 6, y + 3, 0.5, GREY);
  });
  a.text('Collect 22–24 December, or we deliver across the Vale', { x: 86, y: 122, font: 'C059-Bold', size: 10.5, max: b.w - 150 })
    .text('01632 960 655', { x: b.w - 6, y: 133, font: 'RobotoCondensed-Bold', size: 14, align: 'right', max: 60 })
    .frame(0, 0, b.w, b.h, 1, GREEN);
  return { name: 'farm-shop', booking: size, advert: a };
}

/** Every design, by the name its files take. */
const DESIGNS = { 'estate-agent': estateAgent, 'christmas-market': christmasMarket, 'farm-shop': farmShop, 'garden-centre': gardenCentre, 'funeral-director': funeralDirector, 'car-dealer': carDealer, 'jobs-box': jobsBox, bakery, 'quiz-night': quizNight };

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

/** The XMP packet of a PDF/X-4 advert: its dates (those of Info, from SOURCE_DATE_EPOCH), ids and pdfxid. */
function xmpX4(title, id) {
  const when = new Date(Number(EPOCH) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`.toLowerCase();
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
  <xmp:CreateDate>${when}</xmp:CreateDate>
  <xmp:ModifyDate>${when}</xmp:ModifyDate>
  <xmp:MetadataDate>${when}</xmp:MetadataDate>
  <xmp:CreatorTool>newsprint scripts/make-sample-adverts.mjs</xmp:CreatorTool>
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
  <pdf:Producer>GPL Ghostscript</pdf:Producer>
  <pdf:Trapped>False</pdf:Trapped>
  <xmpMM:DocumentID>uuid:${uuid}</xmpMM:DocumentID>
  <xmpMM:InstanceID>uuid:${uuid}</xmpMM:InstanceID>
  <xmpMM:VersionID>1</xmpMM:VersionID>
  <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
  <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * pdfwrite's PDF/X-1a advert made PDF/X-4 (ISO 15930-7) for a plant that asks for it: PDF 1.6, Info GTS_PDFXVersion
 * PDF/X-4 (and no GTS_PDFXConformance, which is X-1a's), the XMP packet, the output intent's ICC profile embedded,
 * and the file /ID the MD5 of the program. pdf-lib writes the same bytes for the same input.
 */
async function toPdfX4(pdf, program, title) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const info = ctx.lookup(ctx.trailerInfo.Info);
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  info.delete(PDFName.of('GTS_PDFXConformance'));
  const intent = ctx.lookup(doc.catalog.lookup(PDFName.of('OutputIntents')).get(0));
  intent.set(PDFName.of('DestOutputProfile'), ctx.register(ctx.flateStream(readFileSync(ICC), { N: 4 })));
  const id = createHash('md5').update(program).digest('hex').toUpperCase();
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(Buffer.from(xmpX4(title, id), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })));
  ctx.header = PDFHeader.forVersion(1, 6);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}

/** The command line: `--plant NAME` (default uk-tabloid) and an output folder (default the plant's own). */
function options(argv) {
  const i = argv.indexOf('--plant');
  const plant = i >= 0 ? argv[i + 1] : 'uk-tabloid';
  if (!SETS[plant]) throw new Error(`--plant ${plant}: adverts are made for ${Object.keys(SETS).join(', ')}`);
  const rest = argv.filter((_, k) => i < 0 || (k !== i && k !== i + 1));
  return { plant, out: resolve(rest[0] ?? join(root, SETS[plant].out)) };
}

async function main() {
  const { plant, out } = options(process.argv.slice(2));
  const grid = plantGrid(plant);
  const adverts = Object.entries(SETS[plant].ads).map(([name, text]) => DESIGNS[name](bookingOn(grid, ...parseBooking(text))));
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'newsprint-ads-'));
  writeFileSync(join(work, 'Fontmap'), Object.entries(FONT_FILES).map(([name, f]) => `/${name} (${join(root, 'fonts', f)}) ;`).join('\n') + '\n');
  writeFileSync(join(work, 'pdfx.ps'), PDFX_PREFIX);
  try {
    for (const { name, booking: b, advert, raster } of adverts) {
      const program = advert.program();
      const ps = join(work, `${name}.ps`);
      writeFileSync(ps, program);
      let file;
      if (!raster) {
        const pdf = join(work, `${name}.pdf`);
        gs(work, ['-dPDFX', '-sDEVICE=pdfwrite', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dPDFXSetBleedBoxToMediaBox', `-sOutputFile=${pdf}`, join(work, 'pdfx.ps'), ps]);
        file = join(out, `${name}.pdf`);
        const x1a = fixId(readFileSync(pdf), program);
        writeFileSync(file, grid.pdfx === 'X-4' ? await toPdfX4(x1a, program, `${name} ${b.label}`) : x1a);
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
      process.stdout.write(`${relative(process.cwd(), file)}: ${b.label} on ${plant} (${n(b.w)} × ${b.h} mm), ${(statSync(file).size / 1024).toFixed(1)} KB\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
