// What the copy tells the desk rather than the reader: the provider's notes, embargo and date, as warnings for the report.
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/span.js';
import { isIsoDate } from './dates.js';

/**
 * The findings a story's wire metadata calls for, for an edition dated `editionDate` (`YYYY-MM-DD`):
 * - `ingest/desk-note`, one for each note from the provider (NewsML-G2 `edNote`, NITF `ed-msg`), so the desk reads it;
 * - `ingest/embargo`, when the embargo lifts after the paper goes on sale: later than 00:01 on the edition's date (the
 *   time customarily set for the morning's papers), read on the embargo's own clock as written, or when the story is
 *   embargoed until further notice;
 * - `ingest/byline-date`, when the story's date (`published`, its day) is more than BYLINE_DAYS days before the
 *   edition's date, or after it: old copy, or a date set wrong.
 * A build from loose article files takes its date from the articles (the latest), so there only an embargo later than
 * that date warns, and only a story much older than the newest.
 */
export function deskFindings(a: Article, editionDate: string): Diagnostic[] {
  const story = `“${a.headline}”${a.slugline ? ` (${a.slugline})` : ''}`;
  const out: Diagnostic[] = (a.deskNotes ?? []).map((n) => ({
    severity: 'warning',
    code: 'ingest/desk-note',
    message: `note to the desk on ${story}: ${n.text}`,
    span: n.src,
  }));
  for (const n of a.readingNotes ?? []) out.push({ severity: 'warning', code: n.code, message: `${story}: ${n.message}`, span: n.src, ...(n.hints ? { hints: [...n.hints] } : {}) });
  const e = a.embargo;
  if (e && (e.until === undefined || liftsAfterSale(e.until, editionDate))) {
    out.push({
      severity: 'warning',
      code: 'ingest/embargo',
      message: e.until === undefined
        ? `${story} is embargoed until further notice`
        : `${story} is embargoed until ${e.until}, after the edition of ${editionDate} goes on sale`,
      span: e.src,
      hints: ['hold the story for a later edition, or have the provider confirm the embargo is lifted'],
    });
  }
  const day = a.published?.slice(0, 10);
  if (day !== undefined && isIsoDate(day) && isIsoDate(editionDate)) {
    const age = (Date.parse(`${editionDate}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
    if (age > BYLINE_DAYS || age < 0) {
      out.push({
        severity: 'warning',
        code: 'ingest/byline-date',
        message: age < 0
          ? `${story} is dated ${day}, after the edition of ${editionDate}`
          : `${story} is dated ${day}, ${age} days before the edition of ${editionDate}`,
        span: a.src,
        hints: ['check the story’s date, and that it is meant for this edition'],
      });
    }
  }
  return out;
}

/** How many days before the edition's date a story may be dated without a warning. */
const BYLINE_DAYS = 14;

/** Whether an embargo (ISO 8601 date or date-time) lifts later than 00:01 on the edition's date, on the clock it is written in. */
function liftsAfterSale(until: string, editionDate: string): boolean {
  const day = until.slice(0, 10);
  if (day !== editionDate) return day > editionDate;
  const time = until.slice(11, 16);
  return time > '00:01';
}
