// Exit codes of the newsprint command (documented in the README).
export const EXIT = {
  /** Everything written; warnings, if any, are in report.json. */
  ok: 0,
  /** Bad input: an article, edition file, template or style the user can fix. Nothing was written. */
  input: 1,
  /** Bad command line: unknown option or command. */
  usage: 2,
  /** A bug in newsprint, or the system failed (disk full, permission denied). */
  internal: 3,
} as const;
