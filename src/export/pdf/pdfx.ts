// PDF/X for the plant: version, Info and XMP identification, the output intent with its ICC profile, overprinting black, and proof marks.
import { readFileSync } from 'node:fs';
import { md5 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { PlantProfile } from '../../plant/profile.js';

/** The parts of PDFKit's document (0.20) used here. */
export interface XDoc {
  readonly info: Record<string, unknown>;
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
export function makePdfx(doc: XDoc, plant: PlantProfile, meta: { title: string; date: Date; id: string }): void {
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
  useOwnXmp(doc, meta, plant);
}

/**
 * Replaces PDFKit's XMP properties (which it writes for PDF 1.4 and later without escaping the title: a headline
 * with “&” would break the packet) with ours, escaped, with the PDF/X id for X-4.
 */
export function useOwnXmp(doc: XDoc, meta: { title: string; date: Date; id: string }, plant?: PlantProfile): void {
  doc._addInfo = () => doc.appendXML(xmpPacket(plant, meta, String(doc.info['Producer'] ?? 'newsprint'), String(doc.info['Creator'] ?? 'newsprint')));
}

/** XMP properties for a PDF/X file (PDFKit adds the packet wrapper and writes it for PDF 1.4 and later). */
function xmpPacket(plant: PlantProfile | undefined, meta: { title: string; date: Date; id: string }, producer: string, creator: string): string {
  const when = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pdfx = plant?.pdfx === 'X-4' ? '<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>' : '';
  return `<rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
  <xmp:CreateDate>${when}</xmp:CreateDate>
  <xmp:ModifyDate>${when}</xmp:ModifyDate>
  <xmp:MetadataDate>${when}</xmp:MetadataDate>
  <xmp:CreatorTool>${xml(creator)}</xmp:CreatorTool>
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
  <pdf:Producer>${xml(producer)}</pdf:Producer>
  <pdf:Trapped>False</pdf:Trapped>
  <xmpMM:DocumentID>uuid:${uuid(meta.id)}</xmpMM:DocumentID>
  <xmpMM:InstanceID>uuid:${uuid(meta.id)}</xmpMM:InstanceID>
  <xmpMM:VersionID>1</xmpMM:VersionID>
  <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
  ${pdfx}
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
