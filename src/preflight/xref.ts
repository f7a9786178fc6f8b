// A PDF's structure read from its end, as a PDF reader reads it (PDF 32000-1 §7.5): startxref, the cross-reference tables and streams with their trailers (Prev chains, hybrid files), and each object checked to be where its table says. pdf-lib reads a file's objects front to back and ignores all of this — which is how it recovers from damage without a word — so this is where the damage is found and named.
import { PDFContext, PDFDict, PDFInvalidObject, PDFName, PDFObjectParser, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { fromFile } from './escape.js';
import { nameOf, numberOf, numbersOf } from './objects.js';
import { streamData } from './streams.js';

/** One thing wrong with a file's structure, in words, and where in the file it was found. */
export interface Damage {
  /** What is wrong, as a clause: `it is cut short: …`, `broken cross-reference table: …`. */
  readonly what: string;
  /** Byte offset in the file where it was found (the file's length when its end is missing). */
  readonly byte?: number;
}

/** Where a cross-reference section says an object is: free, at a byte offset, or inside an object stream. */
export type XrefEntry =
  | { readonly kind: 'free' }
  | { readonly kind: 'at'; readonly byte: number; readonly gen: number }
  | { readonly kind: 'in'; readonly stream: number; readonly index: number };

/** What the file's own structure says, and what is wrong with it. */
export interface Structure {
  /** The newest trailer — a trailer dictionary, or a cross-reference stream's dictionary — if one could be read. */
  readonly trailer?: PDFDict;
  /** Every object the cross-reference sections give; a newer section's entry hides an older one's. */
  readonly entries: ReadonlyMap<number, XrefEntry>;
  readonly damage: Damage[];
}

/**
 * How far from the end `startxref` and `%%EOF` may be: 1024 bytes, as Acrobat requires of `%%EOF` (PDF Reference
 * 1.7, Appendix H, note 18) and as pdf.js and qpdf look for `startxref`.
 */
const TAIL = 1024;
/** An indirect object's header, `N G obj`, at the byte an entry gives (white space before it tolerated, as readers do). */
const OBJECT_HEADER = /^\s*(\d+)\s+(\d+)\s+obj\b/;
/** How much of the start of the file may hold the linearisation dictionary: it is the first object (PDF 32000-1 Annex F.2). */
const HEAD = 1024;

/**
 * Reads the structure of a file pdf-lib has parsed into `context`: from its end, the cross-reference sections and
 * trailers; then each object they give is checked to be at its byte offset and to have been read. Never throws:
 * whatever cannot be read is a Damage.
 */
export function readStructure(bytes: Uint8Array, context: PDFContext): Structure {
  const damage: Damage[] = [];
  const entries = new Map<number, XrefEntry>();
  // A linearised file says how long it is: shorter means it was cut.
  const cut = linearisedCut(bytes);
  if (cut) damage.push(cut);

  const tailStart = Math.max(0, bytes.length - TAIL);
  const tail = latin1(bytes, tailStart, bytes.length);
  const sx = tail.lastIndexOf('startxref');
  if (sx < 0) {
    if (!cut) damage.push(missingEnd(bytes));
    return { entries, damage };
  }
  const offset = /^startxref\s+(\d+)/.exec(tail.slice(sx))?.[1];
  if (offset === undefined) {
    damage.push({ what: 'broken trailer: startxref is not followed by the byte offset of a cross-reference table', byte: tailStart + sx });
    return { entries, damage };
  }
  // The newest section first, then each /Prev (and a hybrid file's /XRefStm), each read once.
  let trailer: PDFDict | undefined;
  const seen = new Set<number>();
  const queue: number[] = [Number(offset)];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (seen.has(at)) continue;
    seen.add(at);
    const section = readSection(bytes, at, context, entries);
    if ('what' in section) {
      damage.push(section);
      break;
    }
    trailer ??= section.trailer;
    queue.push(...section.next);
  }
  damage.push(...checkEntries(bytes, context, entries));
  return { ...(trailer ? { trailer } : {}), entries, damage };
}

/** One cross-reference section: its entries added to `entries` (unless a newer one gave them), its trailer, and the sections it points back to. */
function readSection(bytes: Uint8Array, at: number, context: PDFContext, entries: Map<number, XrefEntry>): { trailer: PDFDict; next: number[] } | Damage {
  if (at >= bytes.length) return { what: `broken cross-reference table: it is said to be at byte ${at}, past the end of the file (${bytes.length} bytes)`, byte: bytes.length };
  const head = latin1(bytes, at, at + 64);
  if (/^\s*xref\b/.test(head)) return readTable(bytes, at + head.indexOf('xref') + 4, context, entries);
  const obj = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(head);
  const stream = obj ? context.lookup(PDFRef.of(Number(obj[1]), Number(obj[2]))) : undefined;
  if (stream instanceof PDFRawStream && nameOf(stream.dict.get(PDFName.of('Type'))) === 'XRef') return readStream(stream, at, entries);
  return { what: `broken cross-reference table: there is none at byte ${at}, where the file says it is (it finds “${fromFile(head.trim().slice(0, 16))}”)`, byte: at };
}

/** A cross-reference table (`xref`, subsections of 20-byte entries, `trailer << … >>`), from just after `xref`. */
function readTable(bytes: Uint8Array, from: number, context: PDFContext, entries: Map<number, XrefEntry>): { trailer: PDFDict; next: number[] } | Damage {
  let pos = from;
  const found = new Map<number, XrefEntry>();
  for (;;) {
    const head = latin1(bytes, pos, pos + 64);
    const lead = /^\s*/.exec(head)![0].length;
    if (head.startsWith('trailer', lead)) {
      pos += lead + 'trailer'.length;
      break;
    }
    const sub = /^(\d+)[ \t]+(\d+)/.exec(head.slice(lead));
    if (!sub) return { what: `broken cross-reference table: at byte ${pos + lead} it has “${fromFile(head.slice(lead, lead + 16))}” where an entry or the trailer should be`, byte: pos + lead };
    pos += lead + sub[0].length;
    let first = Number(sub[1]);
    const count = Number(sub[2]);
    // An entry is 20 bytes (§7.5.4); a count that cannot fit in the rest of the file is not a count.
    if (count > (bytes.length - pos) / 18) return { what: `broken cross-reference table: a subsection of ${count} entries at byte ${pos} does not fit in the file`, byte: pos };
    const block = latin1(bytes, pos, pos + count * 21 + 8);
    const entry = /\s*(\d+)[ \t]+(\d+)[ \t]+([nf])/y;
    for (let i = 0; i < count; i++) {
      const m = entry.exec(block);
      if (!m) return { what: `broken cross-reference table: entry ${i + 1} of the subsection at byte ${pos} cannot be read`, byte: pos + entry.lastIndex };
      // A common writer's slip: a table starting at 1 whose first entry is object 0's free one (pdf.js corrects it too).
      if (i === 0 && first === 1 && m[3] === 'f' && Number(m[2]) === 65535) first = 0;
      const e: XrefEntry = m[3] === 'n' ? { kind: 'at', byte: Number(m[1]), gen: Number(m[2]) } : { kind: 'free' };
      if (!found.has(first + i)) found.set(first + i, e);
    }
    pos += entry.lastIndex;
  }
  let trailer: PDFDict | undefined;
  try {
    const o = PDFObjectParser.forBytes(bytes.subarray(pos), context).parseObject();
    if (o instanceof PDFDict) trailer = o;
  } catch {
    trailer = undefined;
  }
  if (!trailer) return { what: `broken trailer: the trailer dictionary at byte ${pos} cannot be read`, byte: pos };
  for (const [n, e] of found) if (!entries.has(n)) entries.set(n, e);
  // A hybrid file's stream of compressed objects comes before the older sections (§7.5.8.4).
  const next = [trailer.get(PDFName.of('XRefStm')), trailer.get(PDFName.of('Prev'))].map((o) => numberOf(o)).filter((n): n is number => n !== undefined);
  return { trailer, next };
}

/** A cross-reference stream (§7.5.8): /W field widths, /Index subsections, entries of type 0 (free), 1 (at a byte) and 2 (in an object stream). */
function readStream(stream: PDFRawStream, at: number, entries: Map<number, XrefEntry>): { trailer: PDFDict; next: number[] } | Damage {
  const dict = stream.dict;
  const w = numbersOf(dict.lookup(PDFName.of('W')));
  const size = numberOf(dict.lookup(PDFName.of('Size'))) ?? 0;
  const index = numbersOf(dict.lookup(PDFName.of('Index'))) ?? [0, size];
  if (!w || w.length !== 3 || w.some((n) => n < 0 || n > 8)) return { what: `broken cross-reference stream at byte ${at}: its /W is not three field widths`, byte: at };
  let data: Uint8Array;
  try {
    data = streamData(stream).bytes;
  } catch (e) {
    return { what: `broken cross-reference stream at byte ${at}: its data cannot be decoded (${fromFile((e as Error).message)})`, byte: at };
  }
  const width = w[0]! + w[1]! + w[2]!;
  const field = (p: number, n: number, fallback: number) => {
    if (n === 0) return fallback;
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + data[p + i]!;
    return v;
  };
  let p = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    for (let i = 0; i < index[s + 1]!; i++, p += width) {
      if (p + width > data.length) return { what: `broken cross-reference stream at byte ${at}: it holds fewer entries than its /Index gives`, byte: at };
      const n = index[s]! + i;
      const type = field(p, w[0]!, 1);
      const a = field(p + w[0]!, w[1]!, 0);
      const b = field(p + w[0]! + w[1]!, w[2]!, 0);
      if (!entries.has(n)) entries.set(n, type === 1 ? { kind: 'at', byte: a, gen: b } : type === 2 ? { kind: 'in', stream: a, index: b } : { kind: 'free' });
    }
  }
  const prev = numberOf(dict.get(PDFName.of('Prev')));
  return { trailer: dict, next: prev !== undefined ? [prev] : [] };
}

/**
 * Each object in use checked against the file: one past the end (the file was cut), one not at the byte its entry
 * gives (the table is broken), one that pdf-lib could not read (unparseable, or its stream never ends).
 */
function checkEntries(bytes: Uint8Array, context: PDFContext, entries: ReadonlyMap<number, XrefEntry>): Damage[] {
  const pastEnd: [number, number][] = [];
  const misplaced: [number, number][] = [];
  const unread: [number, number | undefined][] = [];
  let used = 0;
  for (const [n, e] of entries) {
    if (n === 0 || e.kind === 'free') continue;
    used++;
    if (e.kind === 'at') {
      if (e.byte >= bytes.length) {
        pastEnd.push([n, e.byte]);
        continue;
      }
      const head = OBJECT_HEADER.exec(latin1(bytes, e.byte, e.byte + 32));
      if (!head || Number(head[1]) !== n || Number(head[2]) !== e.gen) misplaced.push([n, e.byte]);
    }
    const o = context.lookup(PDFRef.of(n, e.kind === 'at' ? e.gen : 0));
    if (o === undefined || o instanceof PDFInvalidObject) unread.push([n, e.kind === 'at' ? e.byte : undefined]);
  }
  const out: Damage[] = [];
  const s = (k: number, one: string, many: string) => (k === 1 ? one : many);
  if (pastEnd.length > 0) {
    const [n, b] = pastEnd[0]!;
    out.push({ what: `it is cut short: its cross-reference table puts ${pastEnd.length} ${s(pastEnd.length, 'object', 'objects')} past its end (${bytes.length} bytes), object ${n} at byte ${b}`, byte: bytes.length });
  }
  if (misplaced.length > 0) {
    const [n, b] = misplaced[0]!;
    out.push({ what: `broken cross-reference table: ${misplaced.length} of its ${used} objects ${s(misplaced.length, 'is', 'are')} not at the byte it gives (object ${n}: byte ${b})`, byte: b });
  }
  const broken = unread.filter(([n]) => !pastEnd.some(([m]) => m === n));
  if (broken.length > 0) {
    const [n, b] = broken[0]!;
    const where = b !== undefined ? `at byte ${b}` : 'in an object stream';
    const what = broken.length === 1 ? `object ${n} (${where}) cannot be parsed` : `${broken.length} objects cannot be parsed (the first, object ${n}, ${where})`;
    out.push({ what, ...(b !== undefined ? { byte: b } : {}) });
  }
  return out;
}

/** A linearised file shorter than its linearisation dictionary's /L (§F.3.3: the file's length) was cut short. */
function linearisedCut(bytes: Uint8Array): Damage | undefined {
  const head = latin1(bytes, 0, HEAD);
  const at = head.indexOf('/Linearized');
  if (at < 0) return undefined;
  const dictEnd = head.indexOf('>>', at);
  const length = /\/L\s+(\d+)/.exec(head.slice(at, dictEnd < 0 ? undefined : dictEnd))?.[1];
  if (length === undefined || Number(length) <= bytes.length) return undefined;
  return { what: `it is cut short: it is ${bytes.length} bytes, but says (it is linearised) that it is ${length}`, byte: bytes.length };
}

/** No startxref at the end: the file stops inside an object (it was cut), or its trailer is simply missing. */
function missingEnd(bytes: Uint8Array): Damage {
  const open = lastOpenObject(bytes);
  if (open) {
    return { what: `it is cut short: it ends ${open.inStream ? 'in the stream of' : 'inside'} object ${open.n} (begun at byte ${open.byte}), with no cross-reference table or trailer after it`, byte: bytes.length };
  }
  return { what: `it has no trailer: no startxref in its last ${TAIL} bytes, so its cross-reference table cannot be found`, byte: bytes.length };
}

/** The last `N G obj` of the file when no `endobj` follows it, and whether its stream began and never ended. */
function lastOpenObject(bytes: Uint8Array): { n: number; byte: number; inStream: boolean } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let from = buf.length - 1; from >= 0; ) {
    const i = buf.lastIndexOf('obj', from);
    if (i < 0) return undefined;
    if (i >= 3 && latin1(bytes, i - 3, i) === 'end') return undefined;
    // `N G ` before `obj`: two numbers of up to 10 and 5 digits and their spaces fit in 24 bytes.
    const start = Math.max(0, i - 24);
    const m = /(\d+)\s+(\d+)\s+$/.exec(latin1(bytes, start, i));
    if (m) {
      const inStream = buf.indexOf('stream', i) >= 0 && buf.indexOf('endstream', i) < 0;
      return { n: Number(m[1]), byte: start + m.index, inStream };
    }
    from = i - 1;
  }
  return undefined;
}

/** Bytes `from`–`to` (clamped to the file) as text, one character a byte (ISO 8859-1, so `\xNN` escapes show the byte itself). */
export function latin1(bytes: Uint8Array, from: number, to: number): string {
  const a = Math.max(0, from);
  return Buffer.from(bytes.buffer, bytes.byteOffset + a, Math.max(0, Math.min(bytes.length, to) - a)).toString('latin1');
}
