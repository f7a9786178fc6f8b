// Reading source files: the one place in ingest that touches the file system.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { fail, type Span } from '../core/span.js';

/** A source file's text, decoded and normalised, with the path as the user gave it. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/**
 * Share of control bytes (other than tab, LF, CR, FF) in the first
 * BINARY_SAMPLE bytes above which a file is taken for binary. Text in any
 * language has essentially none; 10 % leaves room for a stray escape code
 * pasted from a terminal while catching images, PDFs and archives.
 */
const BINARY_CONTROL_SHARE = 0.1;
/** How many bytes the binary sniff looks at: 8 KiB, as git's `buffer_is_binary`. */
const BINARY_SAMPLE = 8192;

const at = (file: string, line = 1, col = 1): Span => ({ file, line, col });

/**
 * Reads a UTF-8 text file. Refuses, with a one-line UserError naming the file,
 * a missing file, a directory, a file of more than `maxBytes`, an empty or whitespace-only file, a binary file
 * and invalid UTF-8 (pointing at the line and column of the first bad byte).
 * Strips a UTF-8 byte-order mark and turns CRLF and lone CR line ends into LF.
 */
export function readSourceFile(path: string, maxBytes = Infinity): SourceFile {
  const stat = statOrFail(path);
  if (stat.isDirectory()) {
    fail('ingest/not-a-file', `${path} is a directory, not a file`, at(path), ['name an article or edition file inside it']);
  }
  // Checked before a byte is read: a file far larger than any story is refused at once.
  if (stat.size > maxBytes) {
    const kb = (n: number) => `${Math.ceil(n / 1000).toLocaleString('en-GB')} KB`;
    fail('ingest/too-large', `file is ${kb(stat.size)}, more than the ${kb(maxBytes)} an article may be`, at(path),
      ['an article is text of at most a few hundred KB; build with --max-article-kb N to allow a larger one']);
  }
  let bytes: Uint8Array = readFileSync(path);
  if (bytes.length === 0) fail('ingest/empty-file', 'file is empty', at(path));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (looksBinary(bytes)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    // Pointed at its first NUL byte, if it has one: a text file with a stray NUL is found at the place to fix.
    const nul = bytes.subarray(0, BINARY_SAMPLE).indexOf(0);
    const where = nul >= 0 ? bytePosition(bytes, nul) : { line: 1, col: 1 };
    fail('ingest/binary-file', nul >= 0 ? 'file is binary, not text: a NUL byte (0x00)' : 'file is binary, not text', at(path, where.line, where.col),
      utf16 ? ['it looks like UTF-16 text: save it as UTF-8'] : ['articles and editions are UTF-8 text files', ...(nul >= 0 ? ['if it is text, remove the NUL byte here'] : [])]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, col } = bytePosition(bytes, bad);
    fail('ingest/invalid-utf8', `invalid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')})`, at(path, line, col),
      ['save the file as UTF-8; it may be Windows-1252 or Latin-1']);
  }
  if (text.trim() === '') fail('ingest/blank-file', 'file holds only whitespace', at(path));
  return { file: path, text: text.replace(/\r\n?/g, '\n') };
}

/** True when a regular file exists at the path (used to check paths named in an edition file). */
export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail('ingest/missing-file', `file not found: ${path}`, at(path));
    if (code === 'EACCES') fail('ingest/unreadable-file', `permission denied: ${path}`, at(path));
    throw e;
  }
}

/** NUL bytes anywhere in the sample, or more than BINARY_CONTROL_SHARE control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 0x7f) control++;
  }
  return control > n * BINARY_CONTROL_SHARE;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table 3-7). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) { need = 2; lo = 0xa0; }
    else if (c === 0xed) { need = 2; hi = 0x9f; }
    else if (c >= 0xe1 && c <= 0xef) need = 2;
    else if (c === 0xf0) { need = 3; lo = 0x90; }
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) { need = 3; hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (d === undefined || d < min || d > max) return i;
    }
    i += need + 1;
  }
  return b.length;
}

/** 1-based line and column (UTF-16 units, as editors count) of a byte offset in valid-up-to-there UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) { line++; lineStart = i + 1; }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, col: before.length + 1 };
}
