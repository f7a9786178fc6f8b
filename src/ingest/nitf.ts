// NITF 3.x documents, standalone or inside a NewsML-G2 inlineXML: headline, byline, dateline, body, tagline, dates.
import type { Byline, DeskNote } from '../core/article.js';
import type { Span } from '../core/span.js';
import { xmlBodyBlocks } from './xml-body.js';
import { child, childrenNamed, descendant, textOf, type XmlElement } from './xml.js';
import { bylineName, located, wireDate, type WireStory } from './wire-story.js';
import { cleanText } from './runs.js';

/*
 * Read (element names in any namespace: NITF 3.0–3.3 has none, 3.4 on uses http://iptc.org/std/NITF/2006-10-18/):
 *   body.head/hedline/hl1            → headline (else head/title)
 *   body.head/hedline/hl2            → standfirst (else body.head/abstract, its paragraphs run together)
 *   body.head/byline                 → byline: person (else the text, "By " dropped) as the name, byttl as the role
 *                                      (a byline holding only a byttl, "Sports Network", is the name)
 *   body.head/dateline               → dateline (its text: location and story.date as written)
 *   body.content                     → body (see xml-body.ts): p, block, hl2 crossheads, media pictures, bq quotes, ol/ul
 *   body.end/tagline                 → tagline
 *   head/docdata/date.issue @norm    → published;  date.release @norm → embargo;  ed-msg @info → note to the desk
 */

/** The parts of an NITF document, and its body.content element (where a missing body is reported). */
export interface NitfStory extends WireStory {
  readonly content?: XmlElement;
}

/** Reads an `nitf` element. Pictures are resolved (and checked) by `picture`. */
export function readNitf(nitf: XmlElement, picture: (ref: string, at: Span) => string): NitfStory {
  const head = child(nitf, 'head');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  const content = child(body, 'body.content');
  const hedline = child(bodyHead, 'hedline');
  const hl1 = child(hedline, 'hl1');
  const title = child(head, 'title');
  const headline = located(hl1, textOf(hl1)) ?? located(title, textOf(title));
  const hl2 = childrenNamed(hedline, 'hl2').map((h) => cleanText(textOf(h))).filter(Boolean).join(' ');
  const abstract = child(bodyHead, 'abstract');
  const abstractText = abstract ? cleanText((childrenNamed(abstract, 'p').length ? childrenNamed(abstract, 'p') : [abstract]).map(textOf).join(' ')) : '';
  const byline = childrenNamed(bodyHead, 'byline').map(readByline).find((b) => b !== undefined);
  const dateline = child(bodyHead, 'dateline');
  const tagline = child(child(body, 'body.end'), 'tagline');
  const { blocks, cutFrom } = content ? xmlBodyBlocks(content.children, { picture }) : { blocks: [], cutFrom: undefined };

  const docdata = child(head, 'docdata');
  const issue = child(docdata, 'date.issue');
  const release = child(docdata, 'date.release');
  const notes: DeskNote[] = childrenNamed(docdata, 'ed-msg')
    .map((m) => ({ text: cleanText(m.attrs.info ?? textOf(m)), src: m.src }))
    .filter((n) => n.text !== '');

  return {
    ...(headline ? { headline } : {}),
    ...(hl2 || abstractText ? { standfirst: hl2 || abstractText } : {}),
    ...(byline ? { byline } : {}),
    ...(located(dateline, textOf(dateline)) ? { dateline: located(dateline, textOf(dateline))! } : {}),
    body: blocks,
    ...(cutFrom !== undefined ? { cutFrom } : {}),
    ...(located(tagline, textOf(tagline)) ? { tagline: located(tagline, textOf(tagline))! } : {}),
    ...(issue?.attrs.norm ? { published: wireDate(issue.attrs.norm, 'NITF date.issue', issue.src) } : {}),
    ...(release?.attrs.norm ? { embargo: { until: wireDate(release.attrs.norm, 'NITF date.release', release.src), src: release.src } } : {}),
    notes,
    ...(content ? { content } : {}),
  };
}

/** A byline element: the person's name (else the text without the title), and the byttl as the role. */
function readByline(el: XmlElement): Byline | undefined {
  const person = descendant(el, 'person');
  const byttl = child(el, 'byttl');
  const role = cleanText(textOf(byttl));
  const rest = el.children.map((c) => (c === byttl ? '' : c.kind === 'text' ? c.text : c.kind === 'element' ? textOf(c) : '')).join('');
  const name = person ? cleanText(textOf(person)) : bylineName(rest);
  if (name) return { name, ...(role ? { role } : {}) };
  return role ? { name: role } : undefined;
}
