// Opening a file for the preflight: is it a PDF at all, is it whole or damaged (and where), is it encrypted, and which pages could be read — never a thrown error for anything a file can hold.
import { constants, inflateSync } from 'node:zlib';
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { fromFile } from './escape.js';
import { dictOf, entry, nameOf, namesOf, numberOf } from './objects.js';
import { latin1, readStructure, type Damage, type Structure } from './xref.js';

/** A page as read: its dictionary, and the attributes it inherits from the page tree (Resources, MediaBox, CropBox, Rotate). */
export interface PageNode {
  readonly node: PDFDict;
  /** An attribute of the page or, failing that, of its nearest ancestor (PDF 32000-1 §7.7.3.4), references followed. */
  inherited(key: string): PDFObject | undefined;
}

/** A file nothing could be checked in: not a PDF, damaged past reading, or encrypted. */
export interface Unchecked {
  readonly kind: 'unchecked';
  readonly code: 'preflight/damaged' | 'preflight/encrypted';
  readonly message: string;
  /** Where in the file, bytes from its start. */
  readonly byte?: number;
  /** Pages found, for the summary (an encrypted file's page tree is readable). */
  readonly pages: number;
}

/** A file whose catalog and at least one page could be read; `damage`, when set, says what else could not be. */
export interface Readable {
  readonly kind: 'readable';
  /** The version in the file's header (`1.3`, `1.7`). */
  readonly version: string;
  readonly context: PDFContext;
  readonly catalog: PDFDict;
  /** The document information dictionary, if the trailer names one that is there. */
  readonly info?: PDFDict;
  readonly pages: readonly PageNode[];
  /** One message for all that is wrong with the file's structure, and where the first of it is. */
  readonly damage?: { readonly message: string; readonly byte?: number };
}

export type LoadedPdf = Unchecked | Readable;

/** How many problems one damage finding names before it counts the rest: enough to say what happened, short enough for a line. */
const NAMED = 3;
/** How much of a Flate stream is inflated to tell garbage from data: a corrupt stream fails in its first bytes (its zlib header), and this keeps the check cheap on large images, which the image reader decodes whole. */
const FLATE_PROBE = 16 * 1024;
/** Inheritable page attributes (§7.7.3.4, Table 31). */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

/**
 * Opens `bytes` as a PDF. Never throws for what a file holds: an empty file, one that is not a PDF, one whose
 * objects cannot be parsed, whose trailer, cross-reference table, catalog or page tree is missing or broken, or
 * whose streams are cut or corrupt, is described (damage); an encrypted one is named as such, and nothing is read
 * from its strings or streams.
 */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  // 1. Is it a PDF at all?
  if (bytes.length === 0) return unchecked('the file is damaged: it is empty (0 bytes); nothing could be checked', 0);
  const head = latin1(bytes, 0, 1024);
  const header = /%PDF-(\d\.\d)/.exec(head);
  if (!header) return unchecked(`the file is damaged: it is not a PDF at all (no %PDF- header): ${whatItIs(bytes)}; nothing could be checked`, 0);
  const version = header[1]!;

  // 2. Its objects, as pdf-lib reads them front to back, and its structure, as a reader reads it from the end.
  let context: PDFContext;
  let parseError: Damage | undefined;
  try {
    context = (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false })).context;
  } catch (e) {
    const at = /offset=(\d+)/.exec((e as Error).message)?.[1];
    parseError = { what: `its objects cannot be parsed${at !== undefined ? ` from byte ${at} on` : ''}`, ...(at !== undefined ? { byte: Number(at) } : {}) };
    context = PDFContext.create();
  }
  const structure = readStructure(bytes, context);
  const damage: Damage[] = [...(parseError ? [parseError] : []), ...structure.damage];
  if (context.enumerateIndirectObjects().length === 0 && !parseError) {
    damage.unshift({ what: `nothing after its %PDF-${version} header can be read as a PDF object`, byte: header.index + header[0].length });
  }

  // 3. Encrypted: named, and nothing more read (its strings and streams are ciphertext).
  const trailer = (key: 'Root' | 'Info' | 'Encrypt') => structure.trailer?.get(PDFName.of(key)) ?? context.trailerInfo[key];
  // The catalog its trailer names, else the one pdf-lib found by searching the objects (a file with no trailer).
  const named = structure.trailer?.get(PDFName.of('Root'));
  const catalog = catalogOf(context, named) ?? catalogOf(context, context.trailerInfo.Root);
  const encrypt = trailer('Encrypt');
  if (encrypt) {
    const byte = encrypt instanceof PDFRef ? byteOf(structure, encrypt.objectNumber) : undefined;
    return {
      kind: 'unchecked', code: 'preflight/encrypted', message: `the file is encrypted (${encryption(dictOf(context.lookup(encrypt)))}): plants take no encrypted PDFs; nothing else was checked`,
      ...(byte !== undefined ? { byte } : {}), pages: catalog ? pageTree(context, catalog, []).length : 0,
    };
  }

  // 4. Streams: cut (a /Length that is not theirs) or corrupt (Flate data that is not).
  damage.push(...checkStreams(context, structure));

  // 5. The catalog and the page tree.
  if (named instanceof PDFRef && !catalogOf(context, named)) {
    damage.push({ what: `its document catalog (object ${named.objectNumber}, which its trailer names) is ${context.lookup(named) === undefined ? 'missing' : 'not a catalog'}${catalog ? '; another was found' : ''}`, ...at(structure, named.objectNumber) });
  } else if (!catalog && context.enumerateIndirectObjects().length > 0) damage.push({ what: 'no document catalog can be found' });
  if (!catalog) return unchecked(damageText(damage, 0), damage[0]?.byte);
  const pages = pageTree(context, catalog, damage);
  if (pages.length === 0) {
    if (damage.length === 0) damage.push({ what: 'its page tree holds no page' });
    return unchecked(damageText(damage, 0), damage[0]!.byte);
  }
  const info = dictOf(context.lookup(trailer('Info')));
  return {
    kind: 'readable', version, context, catalog, ...(info ? { info } : {}), pages,
    ...(damage.length > 0 ? { damage: { message: damageText(damage, pages.length), ...(damage[0]!.byte !== undefined ? { byte: damage[0]!.byte } : {}) } } : {}),
  };
}

const unchecked = (message: string, byte: number | undefined): Unchecked => ({ kind: 'unchecked', code: 'preflight/damaged', message, ...(byte !== undefined ? { byte } : {}), pages: 0 });

/** `the file is damaged: A; B; C (and 2 more problems); read in part: 3 pages checked`. */
function damageText(damage: readonly Damage[], pages: number): string {
  const named = damage.slice(0, NAMED).map((d) => d.what).join('; ');
  const more = damage.length > NAMED ? ` (and ${damage.length - NAMED} more problem${damage.length - NAMED === 1 ? '' : 's'})` : '';
  const reach = pages === 0 ? 'nothing could be checked' : `read in part: ${pages} page${pages === 1 ? '' : 's'} found and checked`;
  return `the file is damaged: ${named}${more}; ${reach}`;
}

/** The catalog `root` names, if it is there and is one. */
function catalogOf(context: PDFContext, root: PDFObject | undefined): PDFDict | undefined {
  const d = dictOf(root instanceof PDFRef ? context.lookup(root) : root);
  return d && nameOf(entry(d, 'Type')) === 'Catalog' ? d : undefined;
}

/** Where an object is in the file, when its cross-reference entry says. */
function byteOf(structure: Structure, n: number): number | undefined {
  const e = structure.entries.get(n);
  return e?.kind === 'at' ? e.byte : undefined;
}

/** `{ byte }` of an object, or nothing, to spread into a Damage. */
function at(structure: Structure, n: number): { byte?: number } {
  const b = byteOf(structure, n);
  return b !== undefined ? { byte: b } : {};
}

/**
 * The pages in order (§7.7.3), walked by hand so that a missing or broken node is named instead of thrown on:
 * a kid that is not there or not a dictionary, and a node met twice (a loop), are Damage and are skipped.
 */
function pageTree(context: PDFContext, catalog: PDFDict, damage: Damage[]): PageNode[] {
  const pages: PageNode[] = [];
  const seen = new Set<PDFDict>();
  const missing: string[] = [];
  const broken: string[] = [];
  const refText = (o: PDFObject | undefined) => (o instanceof PDFRef ? `object ${o.objectNumber}` : 'a direct object');
  // Depth first, kids in order: a stack of nodes still to visit, each with what it inherits.
  const stack: { raw: PDFObject | undefined; from: ReadonlyMap<string, PDFObject> }[] = [{ raw: catalog.get(PDFName.of('Pages')), from: new Map() }];
  while (stack.length > 0) {
    const { raw, from } = stack.pop()!;
    const node = dictOf(raw instanceof PDFRef ? context.lookup(raw) : raw);
    if (!node) {
      (raw instanceof PDFRef && context.lookup(raw) === undefined ? missing : broken).push(refText(raw));
      continue;
    }
    if (seen.has(node)) {
      broken.push(`${refText(raw)} (met twice)`);
      continue;
    }
    seen.add(node);
    const own = new Map(from);
    for (const key of INHERITED) {
      const v = entry(node, key);
      if (v !== undefined) own.set(key, v);
    }
    const kids = node.get(PDFName.of('Kids'));
    const kidsArray = kids instanceof PDFRef ? context.lookup(kids) : kids;
    if (nameOf(entry(node, 'Type')) === 'Page' || !(kidsArray instanceof PDFArray)) {
      pages.push({ node, inherited: (key) => entry(node, key) ?? own.get(key) });
      continue;
    }
    for (let i = kidsArray.size() - 1; i >= 0; i--) stack.push({ raw: kidsArray.get(i), from: own });
  }
  if (missing.length > 0) damage.push({ what: `its page tree names ${missing.length === 1 ? 'a node that is' : `${missing.length} nodes that are`} missing (${missing.slice(0, NAMED).join(', ')})` });
  if (broken.length > 0) damage.push({ what: `its page tree has ${broken.length === 1 ? 'a node that is' : `${broken.length} nodes that are`} not pages (${broken.slice(0, NAMED).join(', ')})` });
  return pages;
}

/**
 * Streams pdf-lib read whose /Length is not what lies between `stream` and `endstream` (pdf-lib then finds the end
 * by searching, so the data is whole but the file is not), and Flate streams whose data does not inflate.
 */
function checkStreams(context: PDFContext, structure: Structure): Damage[] {
  const wrongLength: [number, number, number][] = [];
  const corrupt: [number, string, string][] = [];
  for (const [ref, o] of context.enumerateIndirectObjects()) {
    if (!(o instanceof PDFRawStream)) continue;
    const raw = o.dict.get(PDFName.of('Length'));
    const length = numberOf(raw instanceof PDFRef ? context.lookup(raw) : raw);
    // An indirect /Length leaves pdf-lib to find the end itself, up to an end-of-line before `endstream`: 2 bytes.
    if (length !== undefined && Math.abs(o.contents.length - length) > (raw instanceof PDFRef ? 2 : 0)) wrongLength.push([ref.objectNumber, length, o.contents.length]);
    if (namesOf(entry(o.dict, 'Filter'))[0] !== 'FlateDecode' || o.contents.length === 0) continue;
    try {
      inflateSync(o.contents.subarray(0, FLATE_PROBE), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (e) {
      const kind = nameOf(entry(o.dict, 'Subtype')) === 'Image' ? 'an image' : nameOf(entry(o.dict, 'Subtype')) === 'Form' ? 'a form' : 'a stream';
      corrupt.push([ref.objectNumber, kind, fromFile((e as Error).message)]);
    }
  }
  const out: Damage[] = [];
  if (corrupt.length > 0) {
    const [n, kind, why] = corrupt[0]!;
    const which = corrupt.length === 1 ? `object ${n} (${kind}) has` : `${corrupt.length} streams have`;
    out.push({ what: `${which} corrupt Flate data (${corrupt.length === 1 ? '' : `the first, object ${n}, ${kind}: `}zlib: ${why})`, ...at(structure, n) });
  }
  if (wrongLength.length > 0) {
    const [n, said, is] = wrongLength[0]!;
    out.push({ what: `${wrongLength.length === 1 ? 'a stream is' : `${wrongLength.length} streams are`} not the /Length ${wrongLength.length === 1 ? 'it gives' : 'they give'} (object ${n}: ${is} bytes, /Length ${said})`, ...at(structure, n) });
  }
  return out;
}

/** The encryption, as a plant's operator would name it: `AES 256-bit, password security`. */
function encryption(d: PDFDict | undefined): string {
  const filter = nameOf(entry(d, 'Filter'));
  const v = numberOf(entry(d, 'V')) ?? 0;
  const stmF = nameOf(entry(d, 'StmF')) ?? 'StdCF';
  const cfm = nameOf(entry(dictOf(entry(dictOf(entry(d, 'CF')), stmF)), 'CFM'));
  const bits = numberOf(entry(d, 'Length'));
  const cipher = v === 5 || cfm === 'AESV3' ? 'AES 256-bit' : cfm === 'AESV2' ? 'AES 128-bit' : v === 1 ? 'RC4 40-bit' : v === 2 || v === 4 ? `RC4 ${bits ?? 40}-bit` : 'an unknown cipher';
  const handler = filter === 'Standard' ? 'password security' : filter ? `the ${fromFile(filter)} security handler` : 'no security handler named';
  return `${cipher}, ${handler}`;
}

/** What a file that is not a PDF is, from its first bytes: a known format, text, or the bytes themselves (escaped). */
function whatItIs(bytes: Uint8Array): string {
  const head = latin1(bytes, 0, 16);
  const known: [RegExp, string][] = [
    [/^\x89PNG/, 'a PNG picture'], [/^\xff\xd8\xff/, 'a JPEG picture'], [/^GIF8/, 'a GIF picture'], [/^(II\*\x00|MM\x00\*)/, 'a TIFF picture'],
    [/^RIFF....WEBP/s, 'a WebP picture'], [/^PK\x03\x04/, 'a ZIP archive (a Word or OpenDocument file is one)'], [/^\xd0\xcf\x11\xe0/, 'an old Office document'],
    [/^%!PS/, 'PostScript'], [/^\s*<(!doctype html|html)/i, 'a web page (HTML)'], [/^\{\\rtf/, 'an RTF document'],
  ];
  for (const [re, what] of known) if (re.test(head)) return `it is ${what}`;
  const start = latin1(bytes, 0, 24);
  if (/^[\t\n\r\x20-\x7e\xa0-\xff]*$/.test(start)) {
    const line = start.split(/\r?\n/)[0]!;
    return `it begins “${fromFile(line.trim())}${line === start && bytes.length > start.length ? '…' : ''}”`;
  }
  return `it begins with the bytes ${[...bytes.subarray(0, 8)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}`;
}
