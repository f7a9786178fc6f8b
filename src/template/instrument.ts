// Marks every start tag a template writes with where it was written, so markup errors point at the template.
import { positionAt } from '../core/index.js';

/** Attribute carrying a start tag's template position (`file:line:col`); stripped by the parser. */
export const ORIGIN_ATTR = 'np-origin';

export interface Instrumented {
  readonly source: string;
  /** Maps a 1-based line/0-based column of the instrumented source back to the original. */
  readonly unmap: (line: number, col: number) => { line: number; col: number };
}

/**
 * Inserts ` np-origin="file:line:col"` after the name of each start tag in a
 * Handlebars template, skipping mustaches (`{{…}}`, `{{!-- … --}}`) and XML comments.
 */
export function instrumentTemplate(file: string, source: string): Instrumented {
  const out: string[] = [];
  // Per original line: [original column, inserted length] pairs, in order.
  const inserted = new Map<number, Array<[number, number]>>();
  let i = 0;
  let copied = 0;
  while (i < source.length) {
    if (source.startsWith('{{!--', i)) {
      const end = source.indexOf('--}}', i + 5);
      i = end < 0 ? source.length : end + 4;
    } else if (source.startsWith('{{', i)) {
      const end = source.indexOf('}}', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      i = end < 0 ? source.length : end + 3;
    } else if (source[i] === '<' && /[A-Za-z]/.test(source[i + 1] ?? '')) {
      let j = i + 1;
      while (j < source.length && /[A-Za-z0-9_.:-]/.test(source[j]!)) j++;
      const { line, col } = positionAt(source, i);
      const text = ` ${ORIGIN_ATTR}="${escapeAttr(file)}:${line}:${col}"`;
      out.push(source.slice(copied, j), text);
      copied = j;
      const lineCol = j - (i - (col - 1));
      const list = inserted.get(line) ?? [];
      list.push([lineCol, text.length]);
      inserted.set(line, list);
      i = j;
    } else {
      i++;
    }
  }
  out.push(source.slice(copied));
  const unmap = (line: number, col: number): { line: number; col: number } => {
    let before = 0;
    for (const [at, len] of inserted.get(line) ?? []) {
      if (at + before <= col) before += len;
      else break;
    }
    return { line, col: col - before };
  };
  return { source: out.join(''), unmap };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
