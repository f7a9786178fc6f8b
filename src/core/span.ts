// Source positions and diagnostics: how user mistakes and layout warnings point back at the copy.

/** A position in a source file: 1-based line and column. */
export interface Span {
  /** Path of the file as the user named it (relative to the working directory where possible). */
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about the user's input or output: a bad article, an overset story,
 * a low-resolution photo. Printed by the CLI as `file:line:col: severity: message`.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, for example `ingest/empty-file` or `layout/overset`. */
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
  readonly hints?: readonly string[];
}

/** A user mistake that stops the run. Thrown by stages, caught by the CLI, which prints it and exits 1. */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? (diagnostics as readonly Diagnostic[]) : [diagnostics as Diagnostic];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

/** Shorthand for throwing a single error diagnostic. */
export function fail(code: string, message: string, span?: Span, hints?: readonly string[]): never {
  throw new UserError({ severity: 'error', code, message, span, hints });
}

/** `file:line:col: severity: message` plus one `hint:` line per hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${formatSpan(d.span)}: ` : '';
  const hints = (d.hints ?? []).map((h) => `\n  hint: ${h}`).join('');
  return `${where}${d.severity}: ${d.message}${hints}`;
}

export function formatSpan(s: Span): string {
  return `${s.file}:${s.line}:${s.col}`;
}

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Collects warnings during a run; stages push, the CLI and the report read. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  push(d: Diagnostic): void {
    this.items.push(d);
  }
  warn(code: string, message: string, span?: Span, hints?: readonly string[]): void {
    this.items.push({ severity: 'warning', code, message, span, hints });
  }
}
