// PDF/X for the plant: version, Info and XMP identification, the output intent with its ICC profile, overprinting black, and proof marks.
import { readFileSync } from 'node:fs';
import { md5 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { PlantProfile } from '../../plant/profile.js';

/** The parts of PDFKit's document (0.20) used here. */
export interface XDoc {
  info: Record<string, unknown>;
  /** The Info dictionary: made by `end()`, after the pages and before the fonts and the XMP. */
  _info?: { readonly data: Record<string, unknown> };
  readonly _root: { data: Record<string, unknown> };
  readonly page: { readonly ext_gstates: Record<string, unknown>; readonly dictionary: { data: Record<string, unknown> } };
  ref(data?: unknown): { write(chunk: Uint8Array | string): void; end(): void; compress?: boolean };
  appendXML(xml: string, newline?: boolean): void;
  addContent(s: string): unknown;
  _addInfo(): void;
}

/** A PDF name where PDFKit would write a string (Info /Trapped must be a name). */
export class PdfName {
  constructor(private readonly name: string) {}
  get [Symbol.toStringTag](): string {
    return 'PDFName';
  }
  toString(): string {
    return `/${this.name}`;
  }
  valueOf(): string {
    return this.name;
  }
}

/** PDF version and tagging per flavour: X-1a:2001 is PDF 1.3 (no tagged-PDF keys, no XMP stream); X-4 is PDF 1.6. */
export function flavourOptions(plant: PlantProfile | undefined): { pdfVersion: '1.3' | '1.6' | '1.7'; tagged: boolean } {
  if (!plant) return { pdfVersion: '1.7', tagged: true };
  return plant.pdfx === 'X-1a:2001' ? { pdfVersion: '1.3', tagged: false } : { pdfVersion: '1.6', tagged: true };
}

/**
 * The document ID and XMP ids, derived from what the document is (so the same inputs give the same file). MD5 from
 * @noble/hashes, which PDFKit uses too: a galley then starts without loading Node's crypto module.
 */
export function documentId(parts: readonly string[]): string {
  return bytesToHex(md5(utf8ToBytes(parts.join('\u0000'))));
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Identifies the file as PDF/X: Info keys (GTS_PDFXVersion, and GTS_PDFXConformance for X-1a), /Trapped as a
 * name, and the OutputIntent /GTS_PDFX with the plant's output condition and its ICC profile embedded. For X-4
 * (and any PDF above 1.3) it writes the whole XMP packet itself, escaped, with pdfxid and the xmpMM ids; PDFKit's
 * own packet does not escape titles. Call after creating the document and before `end()`.
 */
export function makePdfx(doc: XDoc, plant: PlantProfile, ids: { id: string }): void {
  if (plant.pdfx === 'X-1a:2001') {
    doc.info['GTS_PDFXVersion'] = 'PDF/X-1:2001';
    doc.info['GTS_PDFXConformance'] = 'PDF/X-1a:2001';
  } else {
    doc.info['GTS_PDFXVersion'] = 'PDF/X-4';
  }
  doc.info['Trapped'] = new PdfName('False');
  const icc = doc.ref({ N: 4 });
  icc.write(readFileSync(plant.outputCondition.profile));
  icc.end();
  const oc = plant.outputCondition;
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(oc.identifier),
    OutputCondition: new String(oc.info),
    RegistryName: new String(oc.registry),
    Info: new String(oc.info),
    DestOutputProfile: icc,
  });
  intent.end();
  doc._root.data['OutputIntents'] = [intent];
  useOwnXmp(doc, ids);
}

/**
 * Has PDFKit write the Info dictionary's entries as direct objects. PDFKit 0.20 writes each entry as an object of
 * its own and the dictionary as references to them: legal PDF, but PDF/X checkers that read GTS_PDFXVersion,
 * GTS_PDFXConformance and Trapped without following references (yob/pdf-preflight) reject the file. PDFKit's
 * `end()` makes the dictionary (`_info`) and then writes one object per entry of `info`: when the dictionary is
 * made, the entries go straight into it and `info` is emptied, so that loop finds nothing. Text is a PDF string
 * (PDFKit would write a bare JS string as a name); dates and names as they are. Call before `end()`.
 */
export function writeInfoDirect(doc: XDoc): void {
  let dict: XDoc['_info'];
  Object.defineProperty(doc, '_info', {
    configurable: true,
    enumerable: true,
    get: () => dict,
    set(ref: NonNullable<XDoc['_info']>) {
      for (const [key, value] of Object.entries(doc.info)) ref.data[key] = typeof value === 'string' ? new String(value) : value;
      doc.info = {};
      dict = ref;
    },
  });
}

/**
 * Replaces PDFKit's XMP properties (which it writes for PDF 1.4 and later without escaping the title: a headline
 * with “&” would break the packet) with ours: every entry of the Info dictionary as written (writeInfoDirect), escaped,
 * and the document's ids. `ids.id` is read when the file ends.
 */
export function useOwnXmp(doc: XDoc, ids: { id: string }): void {
  doc._addInfo = () => {
    if (!doc._info) throw new Error('the Info dictionary is written before the XMP');
    doc.appendXML(xmpPacket(doc._info.data, ids.id));
  };
}

/** An Info date as XMP writes it: ISO 8601 in UTC, to the second, as the Info date (PDFKit writes UTC too). */
const xmpDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Each Info key and the XMP property that carries it (ISO 16684-1 and the PDF/X-4 rules, ISO 15930-7 §6.7.2):
 * how its value is written. A key missing here throws, so a new Info entry cannot leave the XMP behind the Info.
 */
const XMP_OF_INFO: Record<string, (v: string) => string> = {
  Title: (v) => `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(v)}</rdf:li></rdf:Alt></dc:title>`,
  Author: (v) => `<dc:creator><rdf:Seq><rdf:li>${xml(v)}</rdf:li></rdf:Seq></dc:creator>`,
  Subject: (v) => `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(v)}</rdf:li></rdf:Alt></dc:description>`,
  Keywords: (v) => `<pdf:Keywords>${xml(v)}</pdf:Keywords>`,
  Creator: (v) => `<xmp:CreatorTool>${xml(v)}</xmp:CreatorTool>`,
  Producer: (v) => `<pdf:Producer>${xml(v)}</pdf:Producer>`,
  CreationDate: (v) => `<xmp:CreateDate>${v}</xmp:CreateDate>`,
  // The metadata changes when the document does: both are the modification date.
  ModDate: (v) => `<xmp:ModifyDate>${v}</xmp:ModifyDate>\n  <xmp:MetadataDate>${v}</xmp:MetadataDate>`,
  Trapped: (v) => `<pdf:Trapped>${xml(v)}</pdf:Trapped>`,
  GTS_PDFXVersion: (v) => `<pdfxid:GTS_PDFXVersion>${xml(v)}</pdfxid:GTS_PDFXVersion>`,
  GTS_PDFXConformance: (v) => `<pdfx:GTS_PDFXConformance>${xml(v)}</pdfx:GTS_PDFXConformance>`,
};

/** XMP properties for the file, from its Info entries and its id (PDFKit adds the packet wrapper and writes it for PDF 1.4 and later). */
function xmpPacket(info: Readonly<Record<string, unknown>>, id: string): string {
  const props: string[] = [];
  for (const [key, value] of Object.entries(info)) {
    const write = XMP_OF_INFO[key];
    if (!write) throw new Error(`Info /${key} has no XMP property`);
    props.push(write(value instanceof Date ? xmpDate(value) : value instanceof PdfName ? value.valueOf() : String(value)));
  }
  return `<rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
  ${props.join('\n  ')}
  <dc:format>application/pdf</dc:format>
  <xmpMM:DocumentID>uuid:${uuid(id)}</xmpMM:DocumentID>
  <xmpMM:InstanceID>uuid:${uuid(id)}</xmpMM:InstanceID>
  <xmpMM:VersionID>1</xmpMM:VersionID>
  <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>`;
}

const uuid = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** Overprint for solid black: an ExtGState made once per document and named on each page that uses it. */
export class Overprint {
  private ref: ReturnType<XDoc['ref']> | undefined;
  constructor(private readonly doc: XDoc) {}

  /** The operator that turns overprinting on for what follows (inside a q … Q), registering it on the page. */
  on(): string {
    if (!this.ref) {
      this.ref = this.doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
      this.ref.end();
    }
    this.doc.page.ext_gstates['GSop'] = this.ref;
    return '/GSop gs';
  }
}

/** Solid black as newspapers print it: 100 % K and nothing else, which overprints. */
export const isSolidBlack = (c: readonly number[]): boolean => c.length === 4 && c[3]! >= 100 && c[0] === 0 && c[1] === 0 && c[2] === 0;
