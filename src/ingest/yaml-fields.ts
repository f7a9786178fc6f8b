// Validated reading of YAML mappings (front matter, edition files) with file:line:col on every complaint.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { fail, positionAt, type Span } from '../core/span.js';

/** A piece of YAML inside a file: `lineOffset` lines of the file come before `text`. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly lineOffset: number;
}

/** Parses YAML, turning the first syntax error into a UserError (`code`) at its file line and column. */
export function parseYaml(src: YamlSource, code: string): Node | null {
  const doc = parseDocument(src.text, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    fail(code, `YAML: ${message}`, spanAt(src, err.pos[0]));
  }
  return doc.contents;
}

/** The span of a character offset in the YAML text, as a line and column of the whole file. */
export function spanAt(src: YamlSource, offset: number): Span {
  const { line, col } = positionAt(src.text, offset);
  return { file: src.file, line: line + src.lineOffset, col };
}

/** The span where a node starts; the start of the YAML when there is no node. */
export function spanOf(src: YamlSource, node: Node | null | undefined): Span {
  return spanAt(src, node?.range?.[0] ?? 0);
}

/** How a value looks, for "found …" in messages. */
export function describe(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing';
    if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return String(v);
  }
  return 'an alias';
}

/**
 * A YAML mapping whose keys are checked against a known list. Every getter
 * fails with the same message shape, at the value's file:line:col:
 * `<where>: <path.key> must be <what> (found <value>)`, for example
 * `edition file: pages[2].template must be text (found 12)`.
 */
export class YamlFields {
  private readonly pairs = new Map<string, Pair<Node, Node | null>>();

  constructor(
    readonly src: YamlSource,
    readonly map: YAMLMap<Node, Node | null>,
    /** The part of the file, for messages: `front matter`, `edition file`. */
    readonly where: string,
    known: readonly string[],
    readonly code: string,
    /** Key path of this mapping inside `where`, with a trailing dot: `image.`, `pages[2].`; empty at the top. */
    readonly path = '',
  ) {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !known.includes(key)) {
        const inside = path ? ` in ${path.slice(0, -1)}` : '';
        fail(code, `${where}: unknown key ${JSON.stringify(key ?? describe(pair.key))}${inside}`, spanOf(src, pair.key),
          [`known keys: ${known.join(', ')}`]);
      }
      this.pairs.set(key, pair);
    }
  }

  /** Starts reading a mapping node, or fails when the node is something else. */
  static of(src: YamlSource, node: Node | null | undefined, where: string, known: readonly string[], code: string, at?: Span, path = ''): YamlFields {
    if (!isMap(node)) {
      const what = path ? `${where}: ${path.slice(0, -1)}` : where;
      fail(code, `${what} must be a mapping of keys to values (found ${describe(node)})`, at ?? spanOf(src, node));
    }
    return new YamlFields(src, node as YAMLMap<Node, Node | null>, where, known, code, path);
  }

  has(key: string): boolean {
    const v = this.pairs.get(key)?.value;
    return v !== undefined && v !== null && !(isScalar(v) && v.value === null);
  }

  /** The value node of a key (undefined when absent or empty). */
  node(key: string): Node | undefined {
    return this.has(key) ? (this.pairs.get(key)!.value as Node) : undefined;
  }

  /** Where a key's value is; the key itself when it has no value; the mapping when the key is absent. */
  span(key: string): Span {
    const pair = this.pairs.get(key);
    return spanOf(this.src, pair?.value ?? pair?.key ?? this.map);
  }

  /** Fails at `key` with the standard message. */
  bad(key: string, what: string): never {
    fail(this.code, `${this.where}: ${this.path}${key} must be ${what} (found ${describe(this.node(key))})`, this.span(key));
  }

  /** A required key that is absent. */
  missing(key: string, what: string): never {
    fail(this.code, `${this.where}: ${this.path}${key} is required (${what})`, spanOf(this.src, this.map));
  }

  /** A non-empty string, trimmed; numbers are refused so that "1.40" and 1.4 never get confused. */
  string(key: string, required: true): string;
  string(key: string, required?: boolean): string | undefined;
  string(key: string, required = false): string | undefined {
    const n = this.node(key);
    if (!n) return required ? this.missing(key, 'text') : undefined;
    if (!isScalar(n) || typeof n.value !== 'string' || n.value.trim() === '') this.bad(key, 'text');
    return (n.value as string).trim();
  }

  /** A finite number. */
  number(key: string): number | undefined {
    const n = this.node(key);
    if (!n) return undefined;
    if (!isScalar(n) || typeof n.value !== 'number' || !Number.isFinite(n.value)) this.bad(key, 'a number');
    return n.value as number;
  }

  /** A list node. */
  seq(key: string): YAMLSeq<Node | null> | undefined {
    const n = this.node(key);
    if (!n) return undefined;
    if (!isSeq(n)) this.bad(key, 'a list');
    return n as YAMLSeq<Node | null>;
  }

  /** A nested mapping, checked against its own known keys. */
  fields(key: string, known: readonly string[]): YamlFields | undefined {
    const n = this.node(key);
    if (!n) return undefined;
    return YamlFields.of(this.src, n, this.where, known, this.code, undefined, `${this.path}${key}.`);
  }
}
