// What the copy tells the desk rather than the reader: the provider's notes and embargo, as warnings for the report.
import type { Article } from '../core/article.js';
import type { Diagnostic } from '../core/span.js';

/**
 * The findings a story's wire metadata calls for, for an edition dated `editionDate` (`YYYY-MM-DD`):
 * - `ingest/desk-note`, one for each note from the provider (NewsML-G2 `edNote`, NITF `ed-msg`), so the desk reads it;
 * - `ingest/embargo`, when the embargo lifts after the paper goes on sale: later than 00:01 on the edition's date (the
 *   time customarily set for the morning's papers), read on the embargo's own clock as written, or when the story is
 *   embargoed until further notice.
 * A build from loose article files takes its date from the articles, so there only an embargo later than that date warns.
 */
export function deskFindings(a: Article, editionDate: string): Diagnostic[] {
  const story = `“${a.headline}”${a.slugline ? ` (${a.slugline})` : ''}`;
  const out: Diagnostic[] = (a.deskNotes ?? []).map((n) => ({
    severity: 'warning',
    code: 'ingest/desk-note',
    message: `note to the desk on ${story}: ${n.text}`,
    span: n.src,
  }));
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
  return out;
}

/** Whether an embargo (ISO 8601 date or date-time) lifts later than 00:01 on the edition's date, on the clock it is written in. */
function liftsAfterSale(until: string, editionDate: string): boolean {
  const day = until.slice(0, 10);
  if (day !== editionDate) return day > editionDate;
  const time = until.slice(11, 16);
  return time > '00:01';
}
