// Reading the archive's XML back in tests: a small element tree from saxes (a real, strict XML parser), and where the
// ALTO and METS schemas are.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { REPO } from '../helpers.js';

/** The ALTO 4.4, METS 1.12.1 and xlink schemas, in the shared folder beside the repository (CI has it). */
export const SCHEMAS = join(REPO, '..', 'shared', 'schemas');
export const HAVE_SCHEMAS = existsSync(join(SCHEMAS, 'alto-4-4.xsd')) && existsSync(join(SCHEMAS, 'mets-1-12-1.xsd'));
/** Why the schema tests skip on a clone without the shared folder. */
export const SCHEMA_SKIP = HAVE_SCHEMAS ? 'schemas from ../shared/schemas' : `skipped: no schemas at ${SCHEMAS} (the shared folder beside the repository)`;

export interface El {
  /** The name as written, prefix and all (`mets:div`, `String`). */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: El[];
  /** Text directly inside it. */
  text: string;
}

/** Parses XML (namespaces not resolved: names as written); throws on anything not well-formed. */
export function parseXml(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value])), children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => void (stack[stack.length - 1]!.text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

/** Every element called `name`, in document order. */
export function elements(xml: string | El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(typeof xml === 'string' ? parseXml(xml) : xml);
  return out;
}
