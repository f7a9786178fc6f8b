// Text from a checked file made safe to print: control and invisible characters escaped, so no byte of a PDF's names or strings can move a terminal's cursor, ring its bell or reorder what it shows.

/**
 * Characters that are not printable text: C0 and C1 controls and DEL (Cc), format characters such as the bidi
 * overrides that reorder a line on screen (Cf), line and paragraph separators (Zl, Zp), private use (Co), lone
 * surrogates (Cs) and unassigned code points (Cn). Everything else — letters of any script, punctuation, symbols,
 * spaces — is left as it is.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}]/gu;

/** One character as an escape: `\xNN` below U+0100, `\u{NNNN}` above (JSON- and JavaScript-like, unambiguous). */
const escapeChar = (c: string): string => {
  const cp = c.codePointAt(0)!;
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16)}}`;
};

/**
 * A message made printable: every unprintable character escaped (UNPRINTABLE), all else kept. Applied to every
 * finding's message and to what the CLI prints, so it must be safe to apply twice: it leaves backslashes alone.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar);
}

/**
 * A name or string read from the file, ready to quote in a message: backslashes doubled (so `\x00` in a name is not
 * mistaken for an escaped byte) and unprintable characters escaped.
 */
export function fromFile(text: string): string {
  return printable(text.replace(/\\/g, '\\\\'));
}
