// Dates in copy: UK ordinal dates from scraped pages, and ISO 8601 checks for front matter, ninjs and editions.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A UK date as written on local news sites: day (with optional st/nd/rd/th),
 * month name or abbreviation (at least three letters, "Sept" too, optional
 * full stop), optional comma, four-digit year. `11th Sep, 2020`,
 * `1st September 2020`, `22nd Sept. 2020`. Spaces are plain single spaces here:
 * callers collapse odd spaces first.
 */
export const UK_DATE = /(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})/;

/** Converts a UK date match (see {@link UK_DATE}) to `YYYY-MM-DD`, or undefined if it is no real date. */
export function ukDateToIso(text: string): string | undefined {
  const m = new RegExp(`^${UK_DATE.source}$`).exec(text.trim());
  if (!m) return undefined;
  const month = monthNumber(m[2]!);
  if (month === undefined) return undefined;
  return isoDate(Number(m[3]), month, Number(m[1]));
}

/** 1–12 for a month name or an abbreviation of it of three letters or more; undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(n));
  return i < 0 ? undefined : i + 1;
}

/** `YYYY-MM-DD` when year, month and day make a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/**
 * True for `YYYY-MM-DD` or an ISO 8601 date-time on a real date:
 * `2020-09-11T08:30`, `2020-09-11T08:30:00Z`, `2020-09-11T08:30:00.5+01:00`.
 */
export function isIsoDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/.exec(text);
  return !!m && isIsoDate(m[1]!);
}
