// Wire XML article files (.xml, .nitf): the format told by the root element, then read as NITF or NewsML-G2.
import type { Article } from '../core/article.js';
import { fail } from '../core/span.js';
import { readNewsml, NAR_NS } from './newsml.js';
import { readNitf } from './nitf.js';
import { storyArticle, wirePicture } from './wire-story.js';
import { parseXml } from './xml.js';

/** NewsML-G2 roots newsprint reads; a bare contentSet (no namespace or NewsML-G2's) is read as an item's content. */
const NEWSML_ROOTS = ['newsItem', 'packageItem', 'newsMessage'];
const ACCEPTED = 'NITF (<nitf>) nor NewsML-G2 (<newsItem>, <packageItem>, <newsMessage>)';

/** A wire file's Article, and the other files it was put together from (a package's items beside it). */
export interface WireArticle {
  readonly article: Article;
  readonly parts: readonly string[];
}

/**
 * Parses a wire XML file: `nitf` (in no namespace or NITF's) is NITF 3.x; `newsItem`, `packageItem` and `newsMessage`
 * in the NewsML-G2 namespace are NewsML-G2. Any other root is an error naming it and what is read.
 */
export function parseWireFile(file: string, text: string): WireArticle {
  const root = parseXml(file, text);
  if (root.name === 'nitf') {
    const story = readNitf(root, wirePicture(file));
    const article = storyArticle(file, 'nitf', story, {
      src: root.src,
      what: 'the NITF document',
      ...(story.content ? { bodySpan: story.content.src } : { bodyWhy: ', as it has no body.content' }),
      bodyHint: 'put the story’s paragraphs in <body><body.content> as <p> elements',
    });
    return { article, parts: [] };
  }
  if (NEWSML_ROOTS.includes(root.name) && root.ns === NAR_NS) return readNewsml(file, root);
  if (root.name === 'contentSet' && (root.ns === '' || root.ns === NAR_NS)) return readNewsml(file, root);
  if (NEWSML_ROOTS.includes(root.name)) {
    fail('ingest/unknown-root', `the root element <${root.name}> is not in the NewsML-G2 namespace (it is in ${root.ns ? `“${root.ns}”` : 'none'})`, root.src,
      [`NewsML-G2 items declare xmlns="${NAR_NS}"`]);
  }
  return fail('ingest/unknown-root', `the root element <${root.name}> is neither ${ACCEPTED}`, root.src,
    ['newsprint reads wire stories as NITF 3.x or NewsML-G2; other XML is not an article it knows']);
}

/** Parses a wire XML file into its Article (see {@link parseWireFile}). */
export function parseWireXml(file: string, text: string): Article {
  return parseWireFile(file, text).article;
}
