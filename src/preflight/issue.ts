// What a check of the preflight reports, before index.ts files it under its page: severity, code, message, and where.
import type { Severity } from '../plant/profile.js';
import type { Point } from './matrix.js';

/** One finding of a check, in page space; index.ts turns `at` into mm from the trim and files it under its page. */
export interface Issue {
  readonly severity: Severity;
  /** Stable code: `preflight/spot-colour`, `preflight/action`… (docs/preflight.md). */
  readonly code: string;
  readonly message: string;
  /** Where on the page, in default user space (points); none for the whole page or document. */
  readonly at?: Point;
  /** The thing named (an ink, an annotation type), listed when several findings of one code on a page are merged. */
  readonly what?: string;
}
