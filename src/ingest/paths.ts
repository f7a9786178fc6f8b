// Paths named inside articles and editions: resolved against the file that names them.
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, type Span } from '../core/span.js';
import { activeRoot, confine } from './root.js';

/**
 * The absolute path of an image named in an article: a path relative to the
 * article's folder, an absolute path, or a `file:` URL. Percent-escapes in
 * relative references (`harbour%20wall.jpg`) are decoded. Web addresses are
 * refused (`ingest/remote-image`): the run reads no network, so photos must be
 * downloaded beside the article first. The file must be inside the root the article is read under (root.ts):
 * the article's folder or `--root`'s, or its edition's; `what` names it in the refusal.
 */
export function resolveImagePath(articleFile: string, ref: string, at: Span, what = 'photo'): string {
  const href = ref.trim();
  if (href === '') fail('ingest/image-src', 'image has an empty source', at);
  const root = activeRoot(articleFile);
  if (/^file:/i.test(href)) {
    let path: string;
    try {
      path = fileURLToPath(href);
    } catch {
      fail('ingest/image-src', `${what} ${href} is not a file address this machine can read`, at, ['name the file by a path relative to the article']);
    }
    return confine(path, root, at, what, href);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[a-z]:[\\/]/i.test(href)) {
    fail('ingest/remote-image', `image is not a local file: ${href}`, at,
      ['download the photo next to the article and name it by a relative path']);
  }
  let path = href;
  try {
    path = decodeURI(href);
  } catch {
    // not percent-encoded: keep as written
  }
  return confine(isAbsolute(path) ? path : resolve(dirname(resolve(articleFile)), path), root, at, what, href);
}

export { displayPath } from './root.js';
