// Our own plant files read back with qpdf (objects, decoded streams) and the XMP with our XML parser: subset tags that
// name one subset across an edition's files, Info's PDF/X keys as direct objects, no key newer than PDF 1.3 in an
// X-1a file, and an X-4 file's XMP carrying every Info entry.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { child, elements, parseXml, textOf, type XmlElement } from '../../../src/ingest/xml.js';
import { cli } from '../../cli/run.js';
import { digests, SAMPLE_EDITION } from '../../helpers.js';

/** A PDF's objects as qpdf's JSON (version 2) gives them, streams decoded and inline (base64). */
interface QpdfObject {
  readonly value?: unknown;
  readonly stream?: { readonly dict: Record<string, unknown>; readonly data?: string };
}
interface Pdf {
  readonly trailer: Record<string, unknown>;
  readonly objects: Record<string, QpdfObject>;
}

function readObjects(file: string): Pdf {
  const json = execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 28 });
  const [, objects] = JSON.parse(json.toString('utf8')).qpdf as [unknown, Record<string, QpdfObject>];
  return { trailer: objects['trailer']!.value as Record<string, unknown>, objects };
}

/** The file's header (its PDF version). */
const readFileHead = (file: string): string => readFileSync(file).subarray(0, 8).toString('latin1');

const isRef = (v: unknown): v is string => typeof v === 'string' && /^\d+ \d+ R$/.test(v);
/** The object a reference points at (a dictionary's value, or a stream's dictionary and bytes). */
const deref = (pdf: Pdf, ref: string): QpdfObject => pdf.objects[`obj:${ref}`]!;
const dictOf = (pdf: Pdf, v: unknown): Record<string, unknown> => (isRef(v) ? ((deref(pdf, v).value ?? deref(pdf, v).stream?.dict) as Record<string, unknown>) : (v as Record<string, unknown>));
const bytesOf = (pdf: Pdf, ref: unknown): Buffer => Buffer.from(deref(pdf, ref as string).stream!.data!, 'base64');

/** Every dictionary key anywhere in the file (objects, stream dictionaries, the trailer), with an object it is in. */
function keysOf(pdf: Pdf): Map<string, string> {
  const keys = new Map<string, string>();
  const walk = (v: unknown, where: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, where));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith('/') && !keys.has(k)) keys.set(k, where);
        walk(x, where);
      }
    }
  };
  for (const [id, o] of Object.entries(pdf.objects)) walk(o.value ?? o.stream?.dict, id);
  return keys;
}

/** An embedded font program as a reader finds it: the tag and name from its FontName, and a digest of the program. */
interface EmbeddedSubset {
  readonly file: string;
  readonly tag: string;
  readonly name: string;
  /** SHA-256 of the decoded font program: the same digest is the same subset, glyph for glyph and in the same order. */
  readonly program: string;
}

function subsetsOf(file: string): EmbeddedSubset[] {
  const pdf = readObjects(file);
  const out: EmbeddedSubset[] = [];
  for (const o of Object.values(pdf.objects)) {
    const d = o.value as Record<string, unknown> | undefined;
    if (!d || typeof d !== 'object' || d['/Type'] !== '/FontDescriptor') continue;
    const fontFile = d['/FontFile'] ?? d['/FontFile2'] ?? d['/FontFile3'];
    if (!fontFile) continue;
    const [tag, name] = String(d['/FontName']).slice(1).split('+') as [string, string | undefined];
    out.push({ file, tag: name === undefined ? '' : tag, name: name ?? tag, program: createHash('sha256').update(bytesOf(pdf, fontFile)).digest('hex') });
  }
  return out;
}

interface Built {
  readonly dir: string;
  readonly pdf: string;
  /** The edition PDF and every page file. */
  readonly files: string[];
}

async function build(...args: string[]): Promise<Built> {
  const out = mkdtempSync(join(tmpdir(), 'newsprint-own-'));
  const r = await cli('build', ...args, '--out', out, '--quiet', '--formats', 'jpeg');
  expect(r.code, r.stderr).toBe(0);
  const name = readdirSync(out).find((d) => !d.startsWith('.'))!;
  const dir = join(out, name);
  const pages = join(dir, 'print', 'pages');
  const pdf = join(dir, 'print', `${name}.pdf`);
  return { dir, pdf, files: [pdf, ...readdirSync(pages).sort().map((f) => join(pages, f))] };
}

describe('uk-tabloid (PDF/X-1a) files of the sample edition', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build(SAMPLE_EDITION);
  }, 120_000);

  it('subset tags: six capitals, and one tag names one subset across the edition PDF and every page file', () => {
    const all = b.files.flatMap(subsetsOf);
    // Our fonts and the PDF adverts' own: every one embedded as a subset.
    expect(all.length).toBeGreaterThan(b.files.length * 2);
    for (const s of all) expect(s.tag, `${s.file}: ${s.name}`).toMatch(/^[A-Z]{6}$/);
    const programsByTag = new Map<string, Set<string>>();
    const tagsByProgram = new Map<string, Set<string>>();
    for (const s of all) {
      programsByTag.set(s.tag, (programsByTag.get(s.tag) ?? new Set()).add(`${s.name} ${s.program}`));
      tagsByProgram.set(`${s.name} ${s.program}`, (tagsByProgram.get(`${s.name} ${s.program}`) ?? new Set()).add(s.tag));
    }
    const clashes = [...programsByTag].filter(([, p]) => p.size > 1).map(([t, p]) => `${t}: ${[...p].join(' | ')}`);
    expect(clashes).toEqual([]);
    // And the other way round: the same subset (on page 1 and in the edition PDF, say) has the same tag everywhere.
    expect([...tagsByProgram].filter(([, t]) => t.size > 1)).toEqual([]);
    // The sample's pages hold different subsets of one face (Roboto Condensed Bold on every page): many tags, not one a face.
    const bold = new Set(all.filter((s) => s.name === 'RobotoCondensed-Bold').map((s) => s.tag));
    expect(bold.size).toBeGreaterThan(2);
  });

  it('Info: GTS_PDFXVersion, GTS_PDFXConformance and Trapped are direct objects with the PDF/X-1a values', () => {
    for (const file of b.files) {
      const pdf = readObjects(file);
      const infoRef = pdf.trailer['/Info'];
      expect(isRef(infoRef), file).toBe(true);
      const info = dictOf(pdf, infoRef);
      // qpdf writes a reference as "12 0 R", a text string as "u:…" and a name as "/…".
      for (const [key, value] of Object.entries(info)) expect(isRef(value), `${file}: Info ${key} ${String(value)}`).toBe(false);
      expect(info['/GTS_PDFXVersion']).toBe('u:PDF/X-1:2001');
      expect(info['/GTS_PDFXConformance']).toBe('u:PDF/X-1a:2001');
      expect(info['/Trapped']).toBe('/False');
    }
  });

  it('no key newer than PDF 1.3: no /UserUnit (1.6), no metadata stream, language, transparency or tagging keys (1.4 and up)', () => {
    // OutputIntents (PDF 1.4) is the exception PDF/X-1a:2001 itself makes: it requires one in a PDF 1.3 file.
    const newer = ['/UserUnit', '/Metadata', '/Lang', '/MarkInfo', '/StructTreeRoot', '/ViewerPreferences', '/Group', '/SMask', '/CA', '/ca', '/BM', '/OCProperties', '/CIDSet', '/ActualText'];
    for (const file of b.files) {
      expect(readFileHead(file), file).toBe('%PDF-1.3');
      const keys = keysOf(readObjects(file));
      expect(newer.filter((k) => keys.has(k)).map((k) => `${k} in ${keys.get(k)}`), file).toEqual([]);
    }
  });

  it('is byte-identical when built again: the edition PDF and every page file', async () => {
    const again = await build(SAMPLE_EDITION);
    expect(digests(join(again.dir, 'print'))).toEqual(digests(join(b.dir, 'print')));
  }, 120_000);
});

describe('broadsheet (PDF/X-4) files: the XMP carries every Info entry', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build(SAMPLE_EDITION, '--plant', 'broadsheet');
  }, 120_000);

  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const NS = { dc: 'http://purl.org/dc/elements/1.1/', xmp: 'http://ns.adobe.com/xap/1.0/', pdf: 'http://ns.adobe.com/pdf/1.3/', pdfxid: 'http://www.npes.org/pdfx/ns/id/' };

  /** Every element of the packet by namespace and local name (each property once per packet here). */
  const properties = (root: XmlElement): Map<string, XmlElement> => {
    const out = new Map<string, XmlElement>();
    const walk = (el: XmlElement): void => {
      out.set(`${el.ns} ${el.name}`, el);
      elements(el).forEach(walk);
    };
    walk(root);
    return out;
  };
  /** The text of an rdf:Alt's or rdf:Seq's first item, else the element's own text. */
  const valueOf = (el: XmlElement | undefined): string | undefined => {
    if (!el) return undefined;
    const list = elements(el).find((e) => e.ns === RDF && (e.name === 'Alt' || e.name === 'Seq' || e.name === 'Bag'));
    return list ? textOf(child(list, 'li')) : textOf(el);
  };
  /** An Info date (D:YYYYMMDDHHmmSSZ) as the instant it names. */
  const infoDate = (d: string): number => Date.parse(d.replace(/^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

  it('every Info entry has its XMP property with the same value, in the edition PDF and in every page file', () => {
    const where: Record<string, [string, 'text' | 'date' | 'name']> = {
      '/Title': [`${NS.dc} title`, 'text'],
      '/Author': [`${NS.dc} creator`, 'text'],
      '/Subject': [`${NS.dc} description`, 'text'],
      '/Creator': [`${NS.xmp} CreatorTool`, 'text'],
      '/Producer': [`${NS.pdf} Producer`, 'text'],
      '/CreationDate': [`${NS.xmp} CreateDate`, 'date'],
      '/ModDate': [`${NS.xmp} ModifyDate`, 'date'],
      '/Trapped': [`${NS.pdf} Trapped`, 'name'],
      '/GTS_PDFXVersion': [`${NS.pdfxid} GTS_PDFXVersion`, 'text'],
    };
    for (const file of b.files) {
      const pdf = readObjects(file);
      expect(readFileHead(file)).toBe('%PDF-1.6');
      const info = dictOf(pdf, pdf.trailer['/Info']);
      const root = dictOf(pdf, pdf.trailer['/Root']);
      const props = properties(parseXml('xmp', bytesOf(pdf, root['/Metadata']).toString('utf8')));
      // The sample's edition has them all: title, publication as author, headlines as subject.
      expect(Object.keys(info).sort()).toEqual(Object.keys(where).sort());
      for (const [key, raw] of Object.entries(info)) {
        const [prop, kind] = where[key]!;
        const xmp = valueOf(props.get(prop));
        expect(xmp, `${file}: XMP for Info ${key}`).toBeDefined();
        const value = String(raw);
        if (kind === 'date') expect(Date.parse(xmp!), `${file}: ${key}`).toBe(infoDate(value.replace(/^u:/, '')));
        else if (kind === 'name') expect(xmp, `${file}: ${key}`).toBe(value.slice(1));
        else expect(xmp, `${file}: ${key}`).toBe(value.replace(/^u:/, ''));
      }
      expect(valueOf(props.get(`${NS.pdfxid} GTS_PDFXVersion`))).toBe('PDF/X-4');
    }
  });
});
