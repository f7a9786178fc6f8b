// Test helpers: catching UserErrors and writing temporary fixture files.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { formatDiagnostic, UserError, type Diagnostic } from '../src/core/span.js';

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
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The repository's own folders, for tests that use the shipped templates and fonts. */
export const REPO = new URL('..', import.meta.url).pathname;
export const FONTS = join(REPO, 'fonts');
export const TEMPLATES = join(REPO, 'templates');
/** The edition most tests build: three pages of the sample's stories (the full sample, edition.yaml, is eight pages). */
export const SAMPLE_EDITION = join(REPO, 'examples', 'sample-edition', 'three-pages.yaml');
/** The sample edition as `newsprint build` builds it by default: the whole flatplan. */
export const FULL_SAMPLE_EDITION = join(REPO, 'examples', 'sample-edition', 'edition.yaml');
/** The seed story scraped from a newspaper's site; it lives in ../shared, beside the repository. */
export const SEED = join(REPO, '..', 'shared', 'seeds', '000_8750602a2a0151a0.txt');

/** Every file under a folder, by path relative to it, with its bytes (in sorted order). */
export function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Every file under a folder as `path sha256`, sorted: a fingerprint of a whole output that compares quickly. */
export function digests(dir: string): string[] {
  return [...tree(dir)].map(([name, bytes]) => `${name} ${createHash('sha256').update(bytes).digest('hex')}`);
}
