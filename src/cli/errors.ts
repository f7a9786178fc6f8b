// How the newsprint command reports a failure: one line naming the file (plus hints), an exit code, and no stack trace.
import { UserError, formatDiagnostic } from '../core/span.js';
import { isSystemError, PATH_ERRORS, systemErrorWords } from '../publish/out-path.js';
import { EXIT } from './exit.js';

/** Set to print a bug's stack trace after its one-line report (for a bug report, not for users). */
const DEBUG_ENV = 'NEWSPRINT_DEBUG';

/**
 * Prints why a command failed on stderr and returns the exit code (README, "Warnings and errors"):
 * - the user's mistakes (UserError): its diagnostics, `file:line:col: error: …` plus `hint:` lines; exit 1;
 * - a file-system error with a path (`newsprint: error: PATH: what`): exit 1 when the path is at fault — not
 *   writable, read-only, missing, a file where a folder should be (PATH_ERRORS) — which the user can fix; exit 3
 *   when the system fails under us (a full disk, too many open files, an I/O error);
 * - anything else is a bug in newsprint: one line and a hint to report it, exit 3; the stack trace only with
 *   NEWSPRINT_DEBUG set.
 */
export function reportError(e: unknown, write: (s: string) => void = (s) => void process.stderr.write(s)): number {
  if (e instanceof UserError) {
    for (const d of e.diagnostics) write(formatDiagnostic(d) + '\n');
    return EXIT.input;
  }
  if (e instanceof Error && /^give either/.test(e.message)) {
    write(`newsprint: error: ${e.message}\n`);
    return EXIT.usage;
  }
  if (isSystemError(e)) {
    write(`newsprint: error: ${e.path ? `${e.path}: ` : ''}${systemErrorWords(e)}\n`);
    return PATH_ERRORS.has(e.code) ? EXIT.input : EXIT.internal;
  }
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  const debug = !!process.env[DEBUG_ENV];
  write(`newsprint: internal error: ${message.split('\n')[0]}\n  hint: this is a bug in newsprint; please report it with the command that caused it${debug ? '' : ` (${DEBUG_ENV}=1 prints where it happened)`}\n`);
  if (debug && e instanceof Error && e.stack) write(e.stack + '\n');
  return EXIT.internal;
}
