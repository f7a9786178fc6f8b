// The preflight's checks of issue 23: spot colours, scripts and actions, form fields and annotations, ICC colour in
// PDF/X-1a, image data that will not decode, ink where overprinting objects stack, and the severities a plant profile
// sets. Each fault is planted in a PDF written by hand (every object and content stream spelt out below), confirmed
// with a tool that is not ours (Ghostscript's separations, qpdf, poppler, mupdf), and then our verdict is asserted.
// The clean cases next to them must give no finding at all.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPlant, parsePlant, PLANTS_DIR, type PlantProfile } from '../../src/plant/index.js';
import { preflightPdf, type Finding } from '../../src/preflight/index.js';
import { diagnosticOf } from '../helpers.js';

const MM = 72 / 25.4;
const tabloid = loadPlant('uk-tabloid');
const broadsheet = loadPlant('broadsheet');

/** uk-tabloid with its YAML changed by `edit`: a plant profile of our own, read as a user's file would be. */
function tabloidWith(edit: (yaml: string) => string, name = 'uk-tabloid'): PlantProfile {
  const text = edit(readFileSync(join(PLANTS_DIR, `${name}.yaml`), 'utf8'));
  return parsePlant('our-plant.yaml', text, PLANTS_DIR);
}

// ---------------------------------------------------------------------------------------------------------------
// PDFs written by hand.

type Body = string | Buffer;
/** A stream object's body: its dictionary entries (without << >>) and its data, Length added. */
const stream = (dict: string, data: Body): Buffer =>
  Buffer.concat([Buffer.from(`<< ${dict} /Length ${Buffer.byteLength(data)} >>\nstream\n`, 'latin1'), Buffer.from(data as string, 'latin1'), Buffer.from('\nendstream', 'latin1')]);

interface RawPage {
  /** The page's content stream. */
  readonly content: string;
  /** Entries of its /Resources (without << >>); a Type 3 font /F1 and an overprinting ExtGState /OP are always there. */
  readonly resources?: string;
  /** Other entries of the page dictionary (/Annots, /AA, boxes). */
  readonly extra?: string;
  /** MediaBox; the TrimBox is the plant's page at its centre unless `extra` sets one. */
  readonly media?: readonly [number, number, number, number];
}

interface RawDoc {
  readonly pages: readonly RawPage[];
  /** Objects of the test's own, by number (20 and up; 1–19 are the skeleton's). */
  readonly objects?: Record<number, Body>;
  /** Entries added to the catalog. */
  readonly catalog?: string;
  /** PDF/X as the plant wants it (ids, output intent, Trapped); false for a bare file. */
  readonly pdfx?: boolean;
  readonly plant?: PlantProfile;
}

/**
 * Writes a PDF: catalog 1, pages 2, info 3, output profile 4, Type 3 font 5 (one square glyph, “a”) and its glyph 6,
 * ExtGState 7 (overprint on, /OPM 1), XMP 8; page n at 10 + 2n with its content at 11 + 2n (n from 0, up to 4 pages);
 * the test's own objects from 20. A classic xref table, every offset exact.
 */
function rawPdf(d: RawDoc): Buffer {
  const plant = d.plant ?? tabloid;
  const x4 = plant.pdfx === 'X-4';
  const pdfx = d.pdfx ?? true;
  const { width: w, height: h } = plant.trim;
  const objects = new Map<number, Body>();
  const kids = d.pages.map((_, i) => `${10 + 2 * i} 0 R`).join(' ');
  const intent = pdfx ? `/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (CGATS TR 002) /RegistryName (http://www.color.org) /DestOutputProfile 4 0 R >>]` : '';
  objects.set(1, `<< /Type /Catalog /Pages 2 0 R ${intent} ${x4 && pdfx ? '/Metadata 8 0 R' : ''} ${d.catalog ?? ''} >>`);
  objects.set(2, `<< /Type /Pages /Kids [${kids}] /Count ${d.pages.length} >>`);
  objects.set(3, pdfx ? `<< /Title (checks) ${x4 ? '' : '/GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001)'} /Trapped /False >>` : '<< /Title (checks) >>');
  objects.set(4, stream('/N 4', readFileSync(plant.outputCondition.profile)));
  objects.set(5, '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [600] /Resources << >> >>');
  objects.set(6, stream('', '600 0 0 0 500 700 d1 0 0 500 700 re f'));
  objects.set(7, '<< /Type /ExtGState /OP true /op true /OPM 1 >>');
  objects.set(8, stream('/Type /Metadata /Subtype /XML', `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description></rdf:RDF></x:xmpmeta>`));
  d.pages.forEach((p, i) => {
    const media = p.media ?? [0, 0, w, h];
    const trim = /\/TrimBox/.test(p.extra ?? '') ? '' : `/TrimBox [${(media[0] + media[2] - w) / 2} ${(media[1] + media[3] - h) / 2} ${(media[0] + media[2] + w) / 2} ${(media[1] + media[3] + h) / 2}]`;
    objects.set(10 + 2 * i, `<< /Type /Page /Parent 2 0 R /MediaBox [${media.join(' ')}] ${trim} /Resources << /Font << /F1 5 0 R >> /ExtGState << /OP 7 0 R >> ${p.resources ?? ''} >> /Contents ${11 + 2 * i} 0 R ${p.extra ?? ''} >>`);
    objects.set(11 + 2 * i, stream('', p.content));
  });
  for (const [n, body] of Object.entries(d.objects ?? {})) objects.set(Number(n), body);

  const parts: Buffer[] = [Buffer.from(`%PDF-${x4 ? '1.6' : '1.3'}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  let at = parts[0]!.length;
  const offsets = new Map<number, number>();
  const max = Math.max(...objects.keys());
  for (let n = 1; n <= max; n++) {
    const body = objects.get(n);
    if (body === undefined) continue;
    const bytes = Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), Buffer.from(body as string, typeof body === 'string' ? 'latin1' : undefined), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.set(n, at);
    parts.push(bytes);
    at += bytes.length;
  }
  const xref = [`xref\n0 ${max + 1}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n <= max; n++) xref.push(offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n');
  parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${max + 1} /Root 1 0 R /Info 3 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const tmp = () => mkdtempSync(join(tmpdir(), 'newsprint-checks-'));
function file(bytes: Buffer, name = 'test.pdf'): string {
  const path = join(tmp(), name);
  writeFileSync(path, bytes);
  return path;
}
const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Ghostscript's separations of page 1 at `dpi`: the plate names, and each plate's ink in per cent at a point (pt, y up). */
async function separations(pdf: string, dpi = 36, overprint = '/simulate'): Promise<{ names: string[]; at: (x: number, y: number) => Record<string, number> }> {
  const dir = tmp();
  tool('gs', '-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=tiffsep', `-dOverprint=${overprint}`, `-r${dpi}`, '-dFirstPage=1', '-dLastPage=1', '-o', join(dir, 'p.tif'), pdf);
  const plates = new Map<string, { data: Buffer; width: number; height: number }>();
  for (const f of readdirSync(dir)) {
    const name = /^p\((.+)\)\.tif$/.exec(f)?.[1];
    if (!name) continue;
    const { data, info } = await sharp(join(dir, f)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    plates.set(name, { data, width: info.width, height: info.height });
  }
  return {
    names: [...plates.keys()].sort(),
    at: (x, y) => Object.fromEntries([...plates].map(([name, p]) => [name, Math.round(((255 - p.data[Math.floor(((p.height * 72) / dpi - y) * (dpi / 72)) * p.width + Math.floor(x * (dpi / 72))]!) / 255) * 100)])),
  };
}
const total = (plates: Record<string, number>) => Object.values(plates).reduce((a, b) => a + b, 0);

async function check(bytes: Buffer, plant: PlantProfile = tabloid): Promise<Finding[]> {
  return (await preflightPdf(new Uint8Array(bytes), 'test.pdf', plant)).findings;
}
const byCode = (fs: readonly Finding[], code: string) => fs.filter((f) => f.code === code);
/** mm from the trim's top left of a point given in points, on a plant page with the MediaBox as the trim. */
const mmAt = (x: number, y: number, plant = tabloid) => ({ x: x / MM, y: (plant.trim.height - y) / MM });

// ---------------------------------------------------------------------------------------------------------------

describe('spot colours', () => {
  const spot = '[/Separation /PANTONE#20185#20C /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.91 0.76 0] /N 1 >>]';
  const doc = rawPdf({
    pages: [
      // A fill in the spot at 30 %.
      { content: '/CS0 cs 0.3 scn 100 200 150 100 re f', resources: `/ColorSpace << /CS0 ${spot} >>` },
      // An image in it.
      { content: 'q 100 0 0 100 300 600 cm /Im1 Do Q', resources: `/ColorSpace << /CS0 ${spot} >> /XObject << /Im1 20 0 R >>` },
      // A shading in DeviceN with a second spot beside cyan.
      { content: 'q 100 100 300 300 re W n /Sh1 sh Q', resources: '/Shading << /Sh1 21 0 R >>' },
    ],
    objects: {
      20: stream(`/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace ${spot}`, Buffer.from([255, 128, 64, 0])),
      21: '<< /ShadingType 2 /ColorSpace [/DeviceN [/Cyan /Varnish] /DeviceCMYK 22 0 R] /Coords [100 100 400 400] /Function << /FunctionType 2 /Domain [0 1] /C0 [0 0] /C1 [1 1] /N 1 >> >>',
      // Cyan and varnish to CMYK: the cyan as it is, the varnish as nothing.
      22: stream('/FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1 0 1]', '{ pop 0 0 0 }'),
    },
  });

  it('Ghostscript makes a fifth plate for the spot: the plant has none for it', async () => {
    const sep = await separations(file(doc));
    expect(sep.names).toEqual(['Black', 'Cyan', 'Magenta', 'PANTONE 185 C', 'Yellow']);
    expect(sep.at(175, 250)['PANTONE 185 C']).toBeCloseTo(30, -1);
  });

  it('is an error in content, an image and a shading, with page and place; a plant that lists the ink takes it', async () => {
    const fs = await check(doc);
    const spots = byCode(fs, 'preflight/spot-colour');
    expect(spots.map((f) => [f.page, f.severity])).toEqual([[1, 'error'], [2, 'error'], [3, 'error']]);
    expect(spots[0]!.message).toMatch(/^spot colour “PANTONE 185 C” \(Separation “PANTONE 185 C”\) in a fill: plant “uk-tabloid” has no plate for it; it prints C, M, Y and K only/);
    // At the top-left of the filled rectangle (100, 200)–(250, 300): where the finding's object is.
    expect(spots[0]!.at!.x).toBeCloseTo(mmAt(100, 300).x, 0);
    expect(spots[0]!.at!.y).toBeCloseTo(mmAt(100, 300).y, 0);
    expect(spots[1]!.message).toMatch(/in an image/);
    expect(spots[2]!.message).toMatch(/^spot colour “Varnish” \(DeviceN \(Cyan, Varnish\)\) in a shading/);
    const listed = tabloidWith((y) => `${y}spots: [PANTONE 185 C]\n`);
    const fs2 = await check(doc, listed);
    expect(byCode(fs2, 'preflight/spot-colour').map((f) => f.page)).toEqual([3]);
  });

  it("a profile's spots must be ink names: anything else is refused at its line", () => {
    const d = diagnosticOf(() => tabloidWith((y) => `${y}spots: [PANTONE 185 C, { name: x }]\n`));
    expect(d.printed).toMatch(/^our-plant\.yaml:\d+:\d+: error: plant profile: spots\[1\] must be the name of a spot ink/);
  });
});

describe('JavaScript and actions', () => {
  it('an OpenAction running JavaScript (qpdf shows it) is an error', async () => {
    const bytes = rawPdf({ pages: [{ content: '' }], catalog: '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\);) >>' });
    const json = JSON.parse(tool('qpdf', '--json', '--json-key=qpdf', file(bytes)));
    const catalog = json.qpdf[1]['obj:1 0 R'].value;
    expect(catalog['/OpenAction']).toMatchObject({ '/S': '/JavaScript' });
    const fs = await check(bytes);
    expect(byCode(fs, 'preflight/javascript')).toEqual([{ severity: 'error', code: 'preflight/javascript', message: expect.stringMatching(/runs JavaScript when it is opened \(\/OpenAction\)/) }]);
  });

  it('document-level scripts, a page /AA and a document /AA are errors; an OpenAction that only sets the view is not', async () => {
    const bytes = rawPdf({
      pages: [{ content: '', extra: '/AA << /O << /S /Named /N /NextPage >> >>' }],
      catalog: '/Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (1) >> (more) << /S /JavaScript /JS (2) >>] >> >> /AA << /WP << /S /Launch /F (print.exe) >> >> /OpenAction [10 0 R /Fit]',
    });
    expect(tool('pdfinfo', file(bytes))).toMatch(/^JavaScript:\s+yes/m);
    const fs = await check(bytes);
    expect(byCode(fs, 'preflight/javascript').map((f) => f.message)).toEqual([expect.stringMatching(/^2 document-level JavaScripts \(\/Names \/JavaScript\)/)]);
    expect(byCode(fs, 'preflight/action').map((f) => [f.page, f.message])).toEqual([
      [undefined, expect.stringMatching(/runs a Launch action \(print\.exe\) on closing, saving or printing \(\/AA\)/)],
      [1, expect.stringMatching(/^the page runs a Named action when it is opened or closed/)],
    ]);
  });

  it('a URI link inside the trim (pdfinfo -url lists it) is an error at its place; a Launch action too', async () => {
    const bytes = rawPdf({
      pages: [{ content: '', extra: '/Annots [20 0 R 21 0 R]' }],
      objects: {
        20: '<< /Type /Annot /Subtype /Link /Rect [100 900 250 930] /Border [0 0 0] /A << /S /URI /URI (https://hollies.example/) >> >>',
        21: '<< /Type /Annot /Subtype /Link /Rect [100 500 250 530] /A << /S /Launch /F (run.bat) >> >>',
      },
    });
    expect(tool('pdfinfo', '-url', file(bytes))).toMatch(/https:\/\/hollies\.example\//);
    const fs = await check(bytes);
    const actions = byCode(fs, 'preflight/action');
    expect(actions).toHaveLength(1); // one finding a page, the other counted and named
    expect(actions[0]).toMatchObject({ severity: 'error', page: 1, message: expect.stringMatching(/^a Link annotation inside the trim with a URI action \(https:\/\/hollies\.example\/\).*\(and 1 more like it on this page: run\.bat\)/) });
    // Its top-left corner: 100 pt in, 930 pt up.
    expect(actions[0]!.at!.x).toBeCloseTo(mmAt(100, 930).x, 1);
    expect(actions[0]!.at!.y).toBeCloseTo(mmAt(100, 930).y, 1);
    expect(byCode(fs, 'preflight/annotation')).toEqual([]); // the link is reported once, for its action
  });
});

describe('form fields and annotations', () => {
  it('a form field inside the trim (pdfinfo sees the AcroForm) is an error, named', async () => {
    const bytes = rawPdf({
      pages: [{ content: '', extra: '/Annots [20 0 R]' }],
      catalog: '/AcroForm << /Fields [20 0 R] >>',
      objects: { 20: '<< /Type /Annot /Subtype /Widget /FT /Tx /T (postcode) /Rect [300 300 400 320] /P 10 0 R >>' },
    });
    expect(tool('pdfinfo', file(bytes))).toMatch(/^Form:\s+AcroForm/m);
    const fs = await check(bytes);
    expect(byCode(fs, 'preflight/form-field')).toEqual([expect.objectContaining({ severity: 'error', page: 1, message: expect.stringMatching(/^form field “postcode” inside the trim/) })]);
  });

  // A plant with 3 mm bleed; the page has 20 mm of pasteboard beyond the trim, its BleedBox 3 mm.
  const bleedy = tabloidWith((y) => y.replace('bleed: 0mm', 'bleed: 3mm'));
  const { width: w, height: h } = tabloid.trim;
  const pad = 20 * MM;
  const b = 3 * MM;
  const boxes = `/TrimBox [${pad} ${pad} ${pad + w} ${pad + h}] /BleedBox [${pad - b} ${pad - b} ${pad + w + b} ${pad + h + b}]`;
  const media = [0, 0, w + 2 * pad, h + 2 * pad] as const;

  it('a note in the bleed (qpdf shows it) is an error; a link outside the bleed is harmless', async () => {
    const bytes = rawPdf({
      plant: bleedy,
      pages: [{ content: '', media, extra: `${boxes} /Annots [20 0 R 21 0 R]` }],
      objects: {
        20: `<< /Type /Annot /Subtype /Text /Rect [${pad - 2 * MM} ${pad + 100} ${pad - 1 * MM} ${pad + 110}] /Contents (check this) >>`,
        21: '<< /Type /Annot /Subtype /Link /Rect [2 2 40 20] /A << /S /URI /URI (https://slug.example/) >> >>',
      },
    });
    const json = JSON.parse(tool('qpdf', '--json', '--json-key=qpdf', file(bytes)));
    const objects = json.qpdf[1];
    expect(objects['obj:10 0 R'].value['/Annots']).toEqual(['20 0 R', '21 0 R']);
    expect([objects['obj:20 0 R'].value['/Subtype'], objects['obj:21 0 R'].value['/Subtype']]).toEqual(['/Text', '/Link']);
    const fs = await check(bytes, bleedy);
    expect(fs).toEqual([expect.objectContaining({ severity: 'error', code: 'preflight/annotation', page: 1, message: expect.stringMatching(/^a Text annotation in the bleed/) })]);
    // 2 mm left of the trim.
    expect(fs[0]!.at!.x).toBeCloseTo(-2, 1);
  });
});

describe('ICC-based colour', () => {
  const icc = (plant: PlantProfile) => rawPdf({
    plant,
    pages: [{ content: '/CS0 cs 0.2 0.3 0.4 0.1 scn 100 100 200 100 re f', resources: '/ColorSpace << /CS0 [/ICCBased 4 0 R] >>' }],
  });

  it('qpdf sees an ICCBased space of 4 components; in PDF/X-1a it is an error', async () => {
    const bytes = icc(tabloid);
    const objects = JSON.parse(tool('qpdf', '--json', '--json-key=qpdf', file(bytes))).qpdf[1];
    expect(objects['obj:10 0 R'].value['/Resources']['/ColorSpace']['/CS0']).toEqual(['/ICCBased', '4 0 R']);
    expect(objects['obj:4 0 R'].stream.dict['/N']).toBe(4);
    const fs = await check(bytes);
    expect(fs).toEqual([expect.objectContaining({ severity: 'error', code: 'preflight/icc-colour', page: 1, message: expect.stringMatching(/^ICCBased CMYK colour in a fill: PDF\/X-1a takes device CMYK and grey only/) })]);
  });

  it('as a Separation alternate too; in PDF/X-4 neither is a finding (the output intent governs)', async () => {
    const alt = rawPdf({ pages: [{ content: '/CS0 cs 1 scn 100 100 200 100 re f', resources: '/ColorSpace << /CS0 [/Separation /Black [/ICCBased 4 0 R] << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>] >>' }] });
    expect(byCode(await check(alt), 'preflight/icc-colour').map((f) => f.message)).toEqual([expect.stringMatching(/^Separation “Black” with an ICCBased CMYK alternate colour/)]);
    const x4 = await preflightPdf(new Uint8Array(icc(broadsheet)), 'x4.pdf', broadsheet);
    expect(x4.pdfx).toBe('PDF/X-4');
    expect(x4.findings).toEqual([]);
  });
});

describe('image data that cannot be decoded', () => {
  // Good Flate, but a quarter of the pixels.
  const SHORT = stream('/Type /XObject /Subtype /Image /Width 32 /Height 32 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode', deflateSync(Buffer.alloc(256, 128)));
  const broken = rawPdf({
    pages: [{ content: 'q 200 0 0 200 100 100 cm /Im7 Do Q q 50 0 0 50 400 100 cm /Im8 Do Q', resources: '/XObject << /Im7 20 0 R /Im8 21 0 R >>' }],
    objects: {
      // Flate data that is not Flate.
      20: stream('/Type /XObject /Subtype /Image /Width 64 /Height 64 /BitsPerComponent 8 /ColorSpace /DeviceCMYK /Filter /FlateDecode', Buffer.from('this is not zlib data at all, just text', 'latin1')),
      21: SHORT,
    },
  });

  it('qpdf cannot decode it either; ours names the image and page, and the data cut short', async () => {
    const q = spawnSync('qpdf', ['--show-object=20', '--filtered-stream-data', file(broken)], { encoding: 'latin1' });
    expect(q.status).not.toBe(0);
    expect(q.stderr).toMatch(/error|unable|invalid/i);
    const fs = byCode(await check(broken), 'preflight/image-data');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', page: 1, message: expect.stringMatching(/^image \/Im7 cannot be decoded: .*; a RIP stops on it or prints it blank \(and 1 more like it on this page: Im8\)/) });
    const only8 = rawPdf({ pages: [{ content: 'q 50 0 0 50 400 100 cm /Im8 Do Q', resources: '/XObject << /Im8 21 0 R >>' }], objects: { 21: SHORT } });
    expect(byCode(await check(only8), 'preflight/image-data')[0]!.message).toMatch(/^image \/Im8 cannot be decoded: its data is cut short: 256 of the 1024 bytes its 32 × 32 pixels need/);
  });
});

describe('total ink where overprinting objects stack', () => {
  // Two fills of 160 % each (C 80 M 80, then Y 80 K 80 overprinting), overlapping in the middle: 320 % on the press.
  const stacked = (second: string) => rawPdf({ pages: [{ content: `0.8 0.8 0 0 k 100 100 300 300 re f /OP gs 0 0 0.8 0.8 k ${second} f` }] });
  const square = '250 250 300 300 re';

  it('Ghostscript lays 320 % where they meet (160 % with overprint off); ours reports it there', async () => {
    const bytes = stacked(square);
    const on = await separations(file(bytes));
    expect(total(on.at(325, 325))).toBeCloseTo(320, -1);
    expect(total(on.at(150, 150))).toBeCloseTo(160, -1);
    expect(total((await separations(file(bytes), 36, '/disable')).at(325, 325))).toBeCloseTo(160, -1);
    const fs = await check(bytes);
    expect(byCode(fs, 'preflight/ink')).toEqual([]); // each alone is within the limit
    const stack = byCode(fs, 'preflight/ink-overprint');
    expect(stack).toEqual([expect.objectContaining({ severity: 'error', page: 1, message: expect.stringMatching(/^320 % total ink where overprinting objects stack \(Ghostscript separations at 75 dpi\), above the plant's 240 %/) })]);
    // Within the overlap, 250–400 pt across and up.
    const at = stack[0]!.at!;
    expect(at.x).toBeGreaterThan(250 / MM - 1);
    expect(at.x).toBeLessThan(400 / MM + 1);
    expect(at.y).toBeGreaterThan(mmAt(0, 400).y - 1);
    expect(at.y).toBeLessThan(mmAt(0, 250).y + 1);
  });

  it('on a page turned by /Rotate, where it is on the page', async () => {
    // They meet at 300–400 pt across and 150–250 pt up: not the same both ways, so a turn taken wrongly shows.
    for (const rotate of [90, 180, 270]) {
      const bytes = rawPdf({ pages: [{ content: '0.8 0.8 0 0 k 100 100 300 300 re f /OP gs 0 0 0.8 0.8 k 300 150 400 100 re f', extra: `/Rotate ${rotate}` }] });
      const at = byCode(await check(bytes), 'preflight/ink-overprint')[0]!.at!;
      expect(at.x).toBeGreaterThan(300 / MM - 1);
      expect(at.x).toBeLessThan(400 / MM + 1);
      expect(at.y).toBeGreaterThan(mmAt(0, 250).y - 1);
      expect(at.y).toBeLessThan(mmAt(0, 150).y + 1);
    }
  });

  it('without Ghostscript, one warning says what was not checked and how to get it', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '';
    let fs: Finding[];
    try {
      fs = await check(stacked(square));
    } finally {
      process.env['PATH'] = path;
    }
    expect(byCode(fs, 'preflight/ink-overprint-unchecked')).toEqual([{
      severity: 'warning', code: 'preflight/ink-overprint-unchecked',
      message: 'Ghostscript (gs) is not installed: total ink where overprinting objects stack was not checked; apt-get install ghostscript',
    }]);
  });

  it('fills that overprint within the limit give no finding: rendered when their boxes meet, not when the inks cannot pass it', async () => {
    // Two triangles whose boxes overlap but whose shapes do not: only the render can tell (without gs, it warns).
    const triangles = rawPdf({ pages: [{ content: '0.8 0.8 0 0 k 100 100 m 400 100 l 100 400 l f /OP gs 0 0 0.8 0.8 k 420 120 m 420 420 l 120 420 l f' }] });
    expect(await check(triangles)).toEqual([]);
    // 100 % under 100 %: 200 %, which no render is needed to know.
    const light = rawPdf({ pages: [{ content: '0.5 0.5 0 0 k 100 100 300 300 re f /OP gs 0 0 0.5 0.5 k 250 250 300 300 re f' }] });
    expect(await check(light)).toEqual([]);
    const path = process.env['PATH'];
    process.env['PATH'] = '';
    try {
      expect(byCode(await check(triangles), 'preflight/ink-overprint-unchecked')).toHaveLength(1);
      expect(await check(light)).toEqual([]);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('black text overprinting a dark tint is stacked ink too', async () => {
    // A 60/50/50/70 (230 %) grey block, and 14 pt K 100 text on it, overprinting: C 60 M 50 Y 50 K 100 = 260 %.
    const bytes = rawPdf({ pages: [{ content: '0.6 0.5 0.5 0.7 k 100 100 400 200 re f /OP gs 0 0 0 1 k BT /F1 40 Tf 120 150 Td (aaaaaa) Tj ET' }] });
    const sep = await separations(file(bytes), 72);
    expect(total(sep.at(130, 160))).toBeCloseTo(260, -1);
    const stack = byCode(await check(bytes), 'preflight/ink-overprint');
    expect(stack[0]?.message).toMatch(/^26\d % total ink where overprinting objects stack/);
  });
});

describe('severity from the plant profile', () => {
  // A 0.05 pt rule and 6 pt black text that knocks out of a 30 % cyan tint.
  const faults = rawPdf({ pages: [{ content: '0 0 0 1 K 0.05 w 100 800 m 400 800 l S 0.3 0 0 0 k 90 580 300 60 re f 0 0 0 1 k BT /F1 6 Tf 100 600 Td (aaaaaaaaaa) Tj ET' }] });

  it('Ghostscript shows the text knocking the cyan out', async () => {
    const sep = await separations(file(faults), 144);
    expect(sep.at(101.5, 602)).toMatchObject({ Cyan: 0, Black: 100 });
    expect(sep.at(95, 590)).toMatchObject({ Cyan: 30, Black: 0 });
  });

  it('by default a thin rule and black text knocking out are errors on a newspaper plant', async () => {
    const fs = await check(faults);
    expect(byCode(fs, 'preflight/thin-rule')).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^a 0\.05 pt rule, below the plant's 0\.25 pt/) })]);
    expect(byCode(fs, 'preflight/black-knockout')).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^6\.0 pt black text does not overprint/) })]);
    expect(fs.map((f) => f.code).sort()).toEqual(['preflight/black-knockout', 'preflight/thin-rule']);
  });

  it('a profile may relax either to a warning', async () => {
    const relaxed = tabloidWith((y) => `${y}severity: { thin-rule: warning, black-knockout: warning }\n`);
    expect(relaxed.severity).toEqual({ 'thin-rule': 'warning', 'black-knockout': 'warning' });
    const fs = await check(faults, relaxed);
    expect(fs.map((f) => [f.code, f.severity]).sort()).toEqual([['preflight/black-knockout', 'warning'], ['preflight/thin-rule', 'warning']]);
    const one = tabloidWith((y) => `${y}severity:\n  thin-rule: warning\n`);
    expect(one.severity).toEqual({ 'thin-rule': 'warning', 'black-knockout': 'error' });
  });

  it('a bad severity, or a rule of which none can be set, is refused at its file and line', () => {
    // The line appended to the profile.
    const line = readFileSync(join(PLANTS_DIR, 'uk-tabloid.yaml'), 'utf8').split('\n').length;
    const bad = diagnosticOf(() => tabloidWith((y) => `${y}severity: { thin-rule: info }\n`));
    expect(bad.printed).toMatch(new RegExp(`^our-plant\\.yaml:${line}:\\d+: error: plant profile: severity\\.thin-rule must be “error” or “warning” \\(found "info"\\)`));
    const unknown = diagnosticOf(() => tabloidWith((y) => `${y}severity: { small-type: warning }\n`));
    expect(unknown.printed).toMatch(new RegExp(`^our-plant\\.yaml:${line}:\\d+: error: plant profile: unknown key "small-type" in severity`));
  });
});

describe('the clean cases', () => {
  it('a rule at exactly the minimum, rich black at 14 pt, a link outside the bleed, fills overprinting within the limit: no finding', async () => {
    const { width: w, height: h } = tabloid.trim;
    const pad = 30;
    const bytes = rawPdf({
      pages: [{
        media: [0, 0, w + 2 * pad, h + 2 * pad],
        content: [
          '0 0 0 1 K 0.25 w 100 800 m 400 800 l S', // the plant's 0.25 pt, exactly
          '0.6 0.4 0.4 1 k BT /F1 14 Tf 100 700 Td (aaaa) Tj ET', // rich black (240 %), large enough to register
          '0.5 0.5 0 0 k 100 100 300 300 re f /OP gs 0 0 0.5 0.5 k 250 250 300 300 re f', // 200 % where they stack
          '0 0 0 1 k BT /F1 9 Tf 100 650 Td (aaaa) Tj ET', // K-only, overprinting
        ].join(' '),
        extra: '/Annots [<< /Type /Annot /Subtype /Link /Rect [2 2 25 25] /A << /S /URI /URI (https://slug.example/) >> >>]',
      }],
    });
    expect(await check(bytes)).toEqual([]);
  });
});

describe('at the plant’s limits, no false alarm', () => {
  it('a photo at exactly the plant’s 150 ppi (pdfimages agrees): no low-resolution finding', async () => {
    // 150 × 150 pixels of a light CMYK tint, placed one inch square.
    const px = Buffer.alloc(150 * 150 * 4);
    for (let i = 0; i < px.length; i += 4) px.set([51, 26, 26, 13], i);
    const bytes = rawPdf({
      pages: [{ content: 'q 72 0 0 72 200 400 cm /Im1 Do Q', resources: '/XObject << /Im1 20 0 R >>' }],
      objects: { 20: stream('/Type /XObject /Subtype /Image /Width 150 /Height 150 /BitsPerComponent 8 /ColorSpace /DeviceCMYK /Filter /FlateDecode', deflateSync(px)) },
    });
    const listed = tool('pdfimages', '-list', file(bytes));
    expect(listed).toMatch(/\s150\s+150\s+cmyk\s+4\s+8\s+image[\s\S]*\s150\s+150\s/);
    expect(tabloid.images.minimum).toBe(150);
    expect(await check(bytes)).toEqual([]);
  });

  it('an advert 0.9 mm wider than its booking (within the 1 mm a plant allows): it passes, and 1.1 mm does not', async () => {
    const { checkAdvert, parseAdSize } = await import('../../src/preflight/advert.js');
    const booking = parseAdSize('3x6cm');
    // The booking is 152 × 60 mm on uk-tabloid (3 columns of 48 mm and 2 gutters of 4 mm).
    const advert = (extraMm: number) => {
      const w = (152 + extraMm) * MM;
      const h = 60 * MM;
      return rawPdf({ pages: [{ media: [0, 0, w, h], extra: `/TrimBox [0 0 ${w} ${h}]`, content: '0 0 0 0.5 k 10 10 100 100 re f' }] });
    };
    const near = await checkAdvert(new Uint8Array(advert(0.9)), 'near.pdf', booking, tabloid);
    expect(near.findings).toEqual([]);
    const off = await checkAdvert(new Uint8Array(advert(1.1)), 'off.pdf', booking, tabloid);
    expect(off.findings.map((f) => f.code)).toEqual(['preflight/ad-size']);
  });
});
