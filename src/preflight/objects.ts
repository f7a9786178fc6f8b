// Reading pdf-lib objects: narrowing looked-up values to numbers, names, text, arrays, dictionaries, streams and rectangles.
import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, type PDFObject } from '@cantoo/pdf-lib';

/** A rectangle in PDF user space, normalised so that x0 ≤ x1 and y0 ≤ y1. */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The value of `key` in a dictionary, indirect references followed. */
export const entry = (dict: PDFDict | undefined, key: string): PDFObject | undefined => dict?.lookup(PDFName.of(key));

/** The number an object holds, if it is one. */
export const numberOf = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber ? o.asNumber() : undefined);

/** The name an object holds (without the slash), if it is one. */
export const nameOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFName ? o.decodeText() : undefined);

/** The text of a literal or hex string. */
export const textOf = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

/** The raw bytes of a literal or hex string. */
export const bytesOf = (o: PDFObject | undefined): Uint8Array | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.asBytes() : undefined;

/** The value of a boolean. */
export const boolOf = (o: PDFObject | undefined): boolean | undefined => (o instanceof PDFBool ? o.asBoolean() : undefined);

/** A dictionary, or the dictionary of a stream. */
export const dictOf = (o: PDFObject | undefined): PDFDict | undefined =>
  o instanceof PDFDict ? o : o instanceof PDFRawStream ? o.dict : undefined;

/** A stream as read from a file. */
export const streamOf = (o: PDFObject | undefined): PDFRawStream | undefined => (o instanceof PDFRawStream ? o : undefined);

/** The elements of an array, each with references followed. */
export function itemsOf(o: PDFObject | undefined): PDFObject[] | undefined {
  if (!(o instanceof PDFArray)) return undefined;
  const out: PDFObject[] = [];
  for (let i = 0; i < o.size(); i++) {
    const v = o.lookup(i);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** An array of numbers; undefined when it is not an array or holds anything else. */
export function numbersOf(o: PDFObject | undefined): number[] | undefined {
  const items = itemsOf(o);
  if (!items) return undefined;
  const out = items.map(numberOf);
  return out.every((n): n is number => n !== undefined) ? out : undefined;
}

/** A rectangle `[x0 y0 x1 y1]`, normalised. */
export function rectOf(o: PDFObject | undefined): Rect | undefined {
  const n = numbersOf(o);
  if (!n || n.length !== 4) return undefined;
  const [a, b, c, d] = n as [number, number, number, number];
  return { x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) };
}

/** A dictionary entry that may be a name or an array of names (Filter), as names. */
export function namesOf(o: PDFObject | undefined): string[] {
  const one = nameOf(o);
  if (one !== undefined) return [one];
  return (itemsOf(o) ?? []).map((v) => nameOf(v) ?? '');
}
