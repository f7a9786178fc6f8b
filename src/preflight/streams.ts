// Stream data: general filters undone (Flate with PNG/TIFF predictors via node:zlib; LZW, ASCII and run-length via pdf-lib), image codecs left to the caller.
import { constants, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream, type PDFObject } from '@cantoo/pdf-lib';
import { dictOf, entry, itemsOf, namesOf, numberOf } from './objects.js';

/** Filters that are image codecs: their output is pixels, decoded by the image reader (or not at all). */
export type ImageCodec = 'DCTDecode' | 'JPXDecode' | 'CCITTFaxDecode' | 'JBIG2Decode';
const CODECS: readonly string[] = ['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode'];

/** A stream's data with its general filters undone; `codec` names an image codec still to apply. */
export interface StreamData {
  readonly bytes: Uint8Array;
  readonly codec?: ImageCodec;
}

/** Undoes a stream's filters up to (not including) an image codec. Throws on data that will not decode. */
export function streamData(stream: PDFRawStream): StreamData {
  const filters = namesOf(entry(stream.dict, 'Filter'));
  const parmsObj = entry(stream.dict, 'DecodeParms');
  const parms = itemsOf(parmsObj) ?? [parmsObj];
  let bytes: Uint8Array = stream.contents;
  for (const [i, filter] of filters.entries()) {
    if (CODECS.includes(filter)) return { bytes, codec: filter as ImageCodec };
    const p = dictOf(parms[i]);
    bytes = unpredict(filter === 'FlateDecode' ? inflate(bytes) : byPdfLib(stream.dict, filter, bytes), p);
  }
  return { bytes };
}

/** The decoded bytes of a stream with no image codec (content streams, ICC profiles, XMP, lookup tables). */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const data = streamData(stream);
  if (data.codec) throw new Error(`unexpected image codec ${data.codec} in a non-image stream`);
  return data.bytes;
}

/** zlib inflate, tolerating a stream cut short (many writers omit the final checksum). */
function inflate(bytes: Uint8Array): Uint8Array {
  return inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
}

/** One filter other than Flate, decoded by pdf-lib's own stream classes. */
function byPdfLib(like: PDFDict, filter: string, bytes: Uint8Array): Uint8Array {
  const dict = PDFDict.withContext(like.context);
  dict.set(PDFName.of('Filter'), PDFName.of(filter));
  return decodePDFRawStream(PDFRawStream.of(dict, bytes)).decode();
}

/** Undoes a PNG (10–15) or TIFF (2) predictor, as DecodeParms describes. */
function unpredict(bytes: Uint8Array, parms: PDFDict | undefined): Uint8Array {
  const num = (key: string, d: number): number => numberOf(entry(parms, key)) ?? d;
  const predictor = num('Predictor', 1);
  if (predictor < 2) return bytes;
  const colors = num('Colors', 1);
  const bpc = num('BitsPerComponent', 8);
  const columns = num('Columns', 1);
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const pixelBytes = Math.max(1, Math.ceil((colors * bpc) / 8));
  return predictor === 2 ? untiff(bytes, rowBytes, pixelBytes, bpc) : unpng(bytes, rowBytes, pixelBytes);
}

/** PNG row filters (None, Sub, Up, Average, Paeth), each row led by its filter-type byte (PNG spec §9). */
function unpng(bytes: Uint8Array, rowBytes: number, bpp: number): Uint8Array {
  const rows = Math.floor(bytes.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = bytes[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst + i - rowBytes]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst + i - rowBytes - bpp]! : 0;
      out[dst + i] = (bytes[src + i]! + pngPredict(type, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function pngPredict(type: number, a: number, b: number, c: number): number {
  switch (type) {
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default: return 0;
  }
}

/** TIFF predictor 2 (horizontal differencing) for 8-bit samples; other depths are returned as stored. */
function untiff(bytes: Uint8Array, rowBytes: number, pixelBytes: number, bpc: number): Uint8Array {
  if (bpc !== 8) return bytes;
  const out = Uint8Array.from(bytes);
  for (let row = 0; row + rowBytes <= out.length; row += rowBytes) {
    for (let i = pixelBytes; i < rowBytes; i++) out[row + i] = (out[row + i]! + out[row + i - pixelBytes]!) & 0xff;
  }
  return out;
}

/** The decoded bytes of a content stream, or of each stream in an array, joined by newlines. */
export function contentBytes(contents: PDFObject | undefined): Uint8Array {
  const streams = contents instanceof PDFRawStream ? [contents] : (itemsOf(contents) ?? []).filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  const parts = streams.map(streamBytes);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out;
}
