// Exit codes of the newsprint command (documented in the README).
export const EXIT = {
  /** Everything written; warnings, if any, are in report.json. */
  ok: 0,
  /**
   * Bad input: an article, edition file, template, style or photo the user can fix, or a path they can: an output
   * path that is a file, not writable or on a missing drive, a file that cannot be read. Nothing was written.
   */
  input: 1,
  /** Bad command line: unknown option or command. */
  usage: 2,
  /** The system failed under us (disk full, too many open files, I/O error), or a bug in newsprint. */
  internal: 3,
} as const;
