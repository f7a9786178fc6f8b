// Test helpers for ingest: catching UserErrors and writing temporary fixture files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatDiagnostic, UserError, type Diagnostic } from '../../src/core/span.js';

/** Runs fn, expects a UserError, and returns its first diagnostic (fails the test otherwise). */
export function diagnosticOf(fn: () => unknown): Diagnostic & { printed: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const d = e.diagnostics[0]!;
    return { ...d, printed: formatDiagnostic(d) };
  }
  throw new Error('expected a UserError, but the call succeeded');
}

/** A fresh temporary folder with the given files (text or bytes); returns its path. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
