// Runs a page template with Handlebars (strict) and reports its errors at template file:line:col.
import Handlebars from 'handlebars';
import type { Span } from '../core/index.js';
import { UserError } from '../core/index.js';
import { instrumentTemplate } from './instrument.js';

/** One template file, read and instrumented. */
export interface TemplateSource {
  /** Name used in editions (`front`) or partial calls (`{{> story}}`). */
  readonly name: string;
  /** Path as shown in messages. */
  readonly file: string;
  readonly text: string;
}

/** Error annotated with the template it was thrown in (innermost partial first). */
interface Located {
  npFile?: string;
  npUnmap?: (line: number, col: number) => { line: number; col: number };
  /** The template's own text, to find the place of an error Handlebars gives no position for. */
  npText?: string;
}

/** A compiled set of page templates and partials sharing one Handlebars environment. */
export interface CompiledTemplates {
  render(page: string, context: object): string;
  has(page: string): boolean;
  readonly pageNames: readonly string[];
}

/** Handlebars lexer tokens as a template author knows them. */
const TOKEN_NAMES: Record<string, string> = {
  EOF: 'end of file',
  INVERSE: '{{else}}',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  OPEN_ENDBLOCK: '{{/…}}',
  OPEN_BLOCK: '{{#…}}',
  OPEN_PARTIAL: '{{> …}}',
  CLOSE: '}}',
  INVALID: 'character',
};

/** Checks syntax on the original text, so positions are the author's. */
function checkSyntax(t: TemplateSource): void {
  try {
    Handlebars.parse(t.text);
  } catch (e) {
    const lexer = (Handlebars as unknown as { Parser: { lexer: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
    const loc = lexer.yylloc;
    const line = (e as { lineNumber?: number }).lineNumber ?? loc?.first_line ?? 1;
    const col = ((e as { column?: number }).column ?? loc?.first_column ?? 0) + 1;
    const text = String((e as Error).message);
    const expecting = /Expecting (.*), got '([^']*)'/.exec(text);
    let msg = text.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
    if (expecting) {
      const tokens = expecting[1]!.split(', ').map((t) => t.replace(/'/g, ''));
      const got = TOKEN_NAMES[expecting[2]!] ?? expecting[2]!;
      if (tokens.includes('CLOSE')) msg = 'unclosed {{…}}: expected “}}”';
      else if (tokens.includes('OPEN_ENDBLOCK') && expecting[2] === 'EOF') msg = 'a block {{#…}} is never closed: expected {{/…}} before the end of the file';
      else msg = `template syntax error: unexpected ${got}`;
    }
    throw new UserError({
      severity: 'error',
      code: 'template/syntax',
      message: msg,
      span: { file: t.file, line, col },
    });
  }
}

function compileOne(env: typeof Handlebars, t: TemplateSource): Handlebars.TemplateDelegate {
  checkSyntax(t);
  const inst = instrumentTemplate(t.file, t.text);
  const fn = env.compile(inst.source, { strict: true, noEscape: false, preventIndent: true });
  return (ctx: unknown, opts?: Handlebars.RuntimeOptions) => {
    try {
      return fn(ctx, opts);
    } catch (e) {
      const err = e as Error & Located;
      if (err && typeof err === 'object' && !err.npFile) {
        err.npFile = t.file;
        err.npUnmap = inst.unmap;
        err.npText = t.text;
      }
      throw err;
    }
  };
}

/** Compiles pages and partials; registers the helpers templates may use. */
export function compileTemplates(pages: readonly TemplateSource[], partials: readonly TemplateSource[]): CompiledTemplates {
  const env = Handlebars.create();
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Column arithmetic for spans: {{minus page.columns 1}}.
  env.registerHelper('minus', (a: unknown, b: unknown) => Number(a) - Number(b));
  env.registerHelper('join', (...args: unknown[]) => args.slice(0, -1).filter((x) => x !== null && x !== undefined && x !== '').join(' '));
  for (const p of partials) env.registerPartial(p.name, compileOne(env, p));
  const compiled = new Map(pages.map((p) => [p.name, { fn: compileOne(env, p), file: p.file }]));
  return {
    pageNames: [...compiled.keys()].sort(),
    has: (page) => compiled.has(page),
    render(page, context) {
      const t = compiled.get(page);
      if (!t) throw new Error(`no page template ${page}`);
      try {
        return t.fn(context);
      } catch (e) {
        throw runtimeError(e, t.file);
      }
    },
  };
}

function runtimeError(e: unknown, pageFile: string): unknown {
  if (!(e instanceof Error)) return e;
  const err = e as Error & Located & { lineNumber?: number; column?: number };
  const file = err.npFile ?? pageFile;
  let span: Span = { file, line: 1, col: 1 };
  if (typeof err.lineNumber === 'number') {
    const pos = err.npUnmap ? err.npUnmap(err.lineNumber, err.column ?? 0) : { line: err.lineNumber, col: err.column ?? 0 };
    span = { file, line: pos.line, col: pos.col + 1 };
  }
  // Handlebars gives some errors no position: they are found in the template's text by what they name.
  const find = (re: RegExp) => {
    const text = err.npText;
    const m = text === undefined ? null : re.exec(text);
    if (!m || text === undefined) return;
    const before = text.slice(0, m.index);
    span = { file, line: before.split('\n').length, col: m.index - before.lastIndexOf('\n') };
  };
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let message = err.message.replace(/ - \d+:\d+$/, '');
  const hints: string[] = [];
  let m: RegExpExecArray | null;
  if ((m = /^"(.+)" not defined in \[object Object\]$/.exec(message))) message = `“${m[1]}” is not defined in this template’s data`;
  else if ((m = /^The partial (.+) could not be found$/.exec(message))) {
    message = `unknown partial “${m[1]}”`;
    if (typeof err.lineNumber !== 'number') find(new RegExp(`\\{\\{~?\\s*>\\s*${escape(m[1]!)}(?![\\w-])`));
    hints.push('partials are the files in the template set’s partials/ folder, by name without .hbs');
  } else if ((m = /^#(\w+) requires exactly one argument$/.exec(message))) {
    message = `{{#${m[1]}}} needs exactly one argument: {{#${m[1]} value}}`;
    if (typeof err.lineNumber !== 'number') find(new RegExp(`\\{\\{~?\\s*#${escape(m[1]!)}(?=\\s*~?\\}\\}|\\s+\\S+\\s+\\S)`));
  } else if (/lookupProperty|\blookup\b/.test(message) || (e instanceof TypeError && /\{\{~?\s*lookup\b/.test(err.npText ?? ''))) {
    message = '{{lookup}} needs an object and a key: {{lookup object key}}';
    if (typeof err.lineNumber !== 'number') find(/\{\{~?\s*lookup\b/);
  } else if (e instanceof TypeError || /undefined|is not a function|Cannot read/.test(message)) {
    // Never a JavaScript internal: what the user can act on is the template and its data.
    message = 'the template failed while it was being filled in (a helper was given the wrong arguments, or data that is not there)';
    hints.push('check the helpers and {{…}} expressions in this file against docs/page-markup.md, “The data a page template sees”');
  }
  return new UserError({ severity: 'error', code: 'template/render', message, span, ...(hints.length ? { hints } : {}) });
}
