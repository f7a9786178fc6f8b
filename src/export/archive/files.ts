// A file as the METS's file section lists it: where it is, what it is, its size and its SHA-256.
import { createHash } from 'node:crypto';

export interface ArchiveFile {
  /** Path relative to the folder of the file that refers to it (the e-edition folder, for mets.xml). */
  readonly href: string;
  readonly mimetype: string;
  /** Bytes. */
  readonly size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  readonly sha256: string;
}

/** The entry of a file from its bytes. */
export function archiveFile(href: string, mimetype: string, bytes: Uint8Array | string): ArchiveFile {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { href, mimetype, size: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') };
}

/** The same file seen from a folder `prefix` away (`../print/…` from the e-edition folder). */
export const under = (prefix: string, f: ArchiveFile): ArchiveFile => ({ ...f, href: `${prefix}${f.href}` });
