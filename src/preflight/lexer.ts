// Content-stream tokenizer: bytes → operations (operands and operator), inline images (BI … ID … EI) read whole.

/** A name operand such as `/F1`, without the slash, #xx escapes decoded. */
export class Name {
  constructor(readonly name: string) {}
}

/** An operand: number, boolean, null, name, string bytes, array or dictionary. */
export type Operand = number | boolean | null | Name | Uint8Array | Operand[] | Map<string, Operand>;

/** An inline image: its dictionary (keys as written, often abbreviated) and its data bytes. */
export interface InlineImage {
  readonly dict: Map<string, Operand>;
  readonly data: Uint8Array;
}

/** One operator with its operands; for `BI` the whole inline image. */
export interface Operation {
  readonly op: string;
  readonly args: Operand[];
  readonly inline?: InlineImage;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
/** Each byte's class: 1 white space, 2 delimiter, 0 regular. */
const CLASS = Uint8Array.from({ length: 256 }, (_, b) => (WHITE.has(b) ? 1 : DELIMS.has(b) ? 2 : 0));
const isWhite = (b: number): boolean => CLASS[b] === 1;
const isRegular = (b: number): boolean => CLASS[b] === 0;
/** Each byte's value as a hex digit, or −1. */
const HEX = Int8Array.from({ length: 256 }, (_, b) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1));
/** Powers of ten a decimal's digits are divided by; exact in a double up to 10²². */
const TENS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** An operator keyword met while reading operands. */
class Keyword {
  constructor(readonly word: string) {}
}
const END_ARRAY = Symbol('end-array');
const END_DICT = Symbol('end-dict');
type Token = Operand | Keyword | typeof END_ARRAY | typeof END_DICT | undefined;

/** Reads a content stream's operations in order. Malformed bytes are skipped, never thrown on. */
export function* operations(bytes: Uint8Array): Generator<Operation> {
  const lex = new Lexer(bytes);
  let args: Operand[] = [];
  for (let t = lex.token(); t !== undefined; t = lex.token()) {
    if (t instanceof Keyword) {
      if (t.word === 'BI') yield { op: 'BI', args: [], inline: lex.inlineImage() };
      else yield { op: t.word, args };
      args = [];
    } else if (t !== END_ARRAY && t !== END_DICT) {
      args.push(t);
    }
  }
}

class Lexer {
  private pos = 0;
  constructor(private readonly b: Uint8Array) {}

  /** The next token, or undefined at the end. */
  token(): Token {
    this.skipSpace();
    if (this.pos >= this.b.length) return undefined;
    const c = this.b[this.pos]!;
    switch (c) {
      case 0x2f: return this.name();
      case 0x28: return this.literal();
      case 0x5b: return this.array();
      case 0x5d: this.pos++; return END_ARRAY;
      case 0x3c:
        if (this.b[this.pos + 1] === 0x3c) return this.dict();
        return this.hex();
      case 0x3e:
        this.pos += this.b[this.pos + 1] === 0x3e ? 2 : 1;
        return END_DICT;
      case 0x7b: case 0x7d: case 0x29:
        this.pos++;
        return this.token();
      default: return this.word();
    }
  }

  private skipSpace(): void {
    while (this.pos < this.b.length) {
      const c = this.b[this.pos]!;
      if (c === 0x25) {
        while (this.pos < this.b.length && this.b[this.pos] !== 0x0a && this.b[this.pos] !== 0x0d) this.pos++;
      } else if (isWhite(c)) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  private regularRun(): string {
    const start = this.pos;
    while (this.pos < this.b.length && isRegular(this.b[this.pos]!)) this.pos++;
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(this.b[i]!);
    return s;
  }

  /**
   * A number at the current position, read from the bytes: what `Number` makes of a regular run matching
   * `[+-]?(\d+\.?\d*|\.\d+)` (the digits, as one integer, divided by a power of ten: one correctly rounded
   * division, as Number's). Undefined, with the position unmoved, for any other run or more than 15 digits.
   */
  private number(): number | undefined {
    const b = this.b;
    let i = this.pos;
    const sign = b[i] === 0x2d ? -1 : 1;
    if (b[i] === 0x2b || b[i] === 0x2d) i++;
    let digits = 0;
    let decimals = 0;
    let point = false;
    let v = 0;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + (c - 0x30);
        digits++;
        if (point) decimals++;
      } else if (c === 0x2e && !point) {
        point = true;
      } else if (isRegular(c)) {
        return undefined;
      } else {
        break;
      }
    }
    if (digits === 0 || digits > 15) return undefined;
    this.pos = i;
    return sign * (v / TENS[decimals]!);
  }

  private name(): Name {
    this.pos++;
    return new Name(this.regularRun().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private word(): Operand | Keyword {
    const c = this.b[this.pos]!;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = this.number();
      if (n !== undefined) return n;
    }
    const w = this.regularRun();
    if (w === '') {
      this.pos++; // a stray byte: step over it
      return new Keyword('');
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) return Number(w);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    return new Keyword(w);
  }

  /** A literal string: balanced parentheses, backslash escapes (PDF 32000-1 §7.3.4.2). */
  private literal(): Uint8Array {
    this.pos++;
    // Most strings have no escapes and no parentheses inside: their bytes as they stand.
    const start = this.pos;
    let end = start;
    while (end < this.b.length && this.b[end] !== 0x29 && this.b[end] !== 0x28 && this.b[end] !== 0x5c) end++;
    if (this.b[end] === 0x29) {
      this.pos = end + 1;
      return this.b.slice(start, end);
    }
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.b.length) {
      const c = this.b[this.pos++]!;
      if (c === 0x5c) {
        this.escape(out);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else {
        out.push(c);
      }
    }
    return Uint8Array.from(out);
  }

  private escape(out: number[]): void {
    const e = this.b[this.pos++];
    if (e === undefined) return;
    const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
    if (simple[e] !== undefined) {
      out.push(simple[e]);
    } else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && this.b[this.pos]! >= 0x30 && this.b[this.pos]! <= 0x37; k++) v = v * 8 + this.b[this.pos++]! - 0x30;
      out.push(v & 0xff);
    } else if (e === 0x0d) {
      if (this.b[this.pos] === 0x0a) this.pos++;
    } else if (e !== 0x0a) {
      out.push(e);
    }
  }

  /** A hex string: pairs of hex digits (anything else skipped), an odd last digit taken as followed by 0. */
  private hex(): Uint8Array {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.b.length && this.b[this.pos] !== 0x3e) this.pos++;
    const end = this.pos;
    this.pos++;
    const out = new Uint8Array(Math.ceil((end - start) / 2));
    let n = 0;
    let high = -1;
    for (let i = start; i < end; i++) {
      const v = HEX[this.b[i]!]!;
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out[n++] = high * 16 + v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high * 16;
    return out.slice(0, n);
  }

  private array(): Operand[] {
    this.pos++;
    const out: Operand[] = [];
    for (let t = this.token(); t !== undefined && t !== END_ARRAY; t = this.token()) {
      if (!(t instanceof Keyword) && t !== END_DICT) out.push(t);
    }
    return out;
  }

  private dict(): Map<string, Operand> {
    this.pos += 2;
    return this.pairsUntil((t) => t === END_DICT);
  }

  /** Key–value pairs until `stop` says a token ends them. */
  private pairsUntil(stop: (t: Token) => boolean): Map<string, Operand> {
    const out = new Map<string, Operand>();
    let key: string | undefined;
    for (let t = this.token(); t !== undefined && !stop(t); t = this.token()) {
      if (t instanceof Keyword || t === END_ARRAY || t === END_DICT) continue;
      if (key === undefined) {
        if (t instanceof Name) key = t.name;
      } else {
        out.set(key, t);
        key = undefined;
      }
    }
    return out;
  }

  /** After BI: the image dictionary up to ID, one white-space byte, then the data up to EI. */
  inlineImage(): InlineImage {
    const dict = this.pairsUntil((t) => t instanceof Keyword && t.word === 'ID');
    this.pos++;
    const start = this.pos;
    const length = inlineLength(dict);
    let end = length !== undefined && this.isEiAt(start + length) ? start + length : this.findEi(start);
    const data = this.b.subarray(start, end);
    while (end < this.b.length && isWhite(this.b[end]!)) end++;
    this.pos = Math.min(this.b.length, end + 2);
    return { dict, data };
  }

  private isEiAt(p: number): boolean {
    let q = p;
    while (q < this.b.length && isWhite(this.b[q]!)) q++;
    return this.b[q] === 0x45 && this.b[q + 1] === 0x49 && (q + 2 >= this.b.length || !isRegular(this.b[q + 2]!));
  }

  /** The first `EI` with white space before it and a delimiter after it. */
  private findEi(from: number): number {
    for (let p = from; p + 1 < this.b.length; p++) {
      if (this.b[p] === 0x45 && this.b[p + 1] === 0x49 && isWhite(this.b[p - 1] ?? 0x20) && (p + 2 >= this.b.length || !isRegular(this.b[p + 2]!))) {
        return p - 1;
      }
    }
    return this.b.length;
  }
}

/** The data length of an unfiltered inline image in a device colour space, or its /L entry; undefined when unknown. */
function inlineLength(dict: Map<string, Operand>): number | undefined {
  const given = dict.get('L') ?? dict.get('Length');
  if (typeof given === 'number') return given;
  if (dict.has('F') || dict.has('Filter')) return undefined;
  const w = dict.get('W') ?? dict.get('Width');
  const h = dict.get('H') ?? dict.get('Height');
  const mask = dict.get('IM') ?? dict.get('ImageMask');
  const bpc = mask === true ? 1 : dict.get('BPC') ?? dict.get('BitsPerComponent');
  const cs = dict.get('CS') ?? dict.get('ColorSpace');
  const comps = mask === true ? 1 : cs instanceof Name ? { G: 1, DeviceGray: 1, RGB: 3, DeviceRGB: 3, CMYK: 4, DeviceCMYK: 4 }[cs.name] : undefined;
  if (typeof w !== 'number' || typeof h !== 'number' || typeof bpc !== 'number' || comps === undefined) return undefined;
  return Math.ceil((w * comps * bpc) / 8) * h;
}
