// The e-edition's search: a MiniSearch index of the stories' text, made in the browser from the manifest, and what
// a hit shows (the page it opens, the headline and a snippet with the found words marked). Plain script, no build
// step, like viewer.js: it sets window.NewsprintSearch, which viewer.js uses; MiniSearch comes before it.
((root) => {
  'use strict';

  /** A word: letters and digits with their accents. Spaces, punctuation, symbols (£, %) and apostrophes part words. */
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  /** Letters that Unicode does not split into a base letter and an accent, as English writes them without. */
  const PLAIN = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
  /** Prefix search from this many letters on: "harb" finds harbour; from two letters on most stories would match. */
  const PREFIX_FROM = 3;
  /** Words shown round the found one in a snippet: about a line and a half of the article view. */
  const BEFORE = 8;
  const AFTER = 16;
  /** The fewest letters a query needs (one letter would match nearly every story). */
  const QUERY_MIN = 2;

  /** A word as the index holds it: lower case, accents and ligatures folded, so café finds cafe and cafe café. */
  const fold = (word) =>
    word
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[æœøßłđðþı]/g, (c) => PLAIN[c]);
  const words = (text) => text.match(WORD) ?? [];
  const searchable = (query) => words(query).join('').length >= QUERY_MIN;

  /**
   * Typos forgiven: none in words under five letters (too many short words are one letter apart), one in words of
   * five to eight letters (harbor → harbour), two from nine letters on (accomodation → accommodation).
   */
  const typos = (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false);

  const runsText = (runs) => runs.map((r) => r.text).join('');

  /** The text a reader reads under the headline, in order, a piece a paragraph: standfirst, the lead photo's caption, the body with its captions. */
  function bodyParts(a) {
    const parts = [];
    if (a.standfirst) parts.push(a.standfirst);
    const inBody = new Set(a.blocks.flatMap((b) => (b.type === 'image' ? [b.image] : [])));
    for (const [i, image] of a.images.entries()) if (!inBody.has(i) && image.caption) parts.push(image.caption);
    for (const b of a.blocks) {
      if (b.type === 'list') parts.push(...b.items.map(runsText));
      else if (b.type === 'image') {
        const caption = a.images[b.image]?.caption;
        if (caption) parts.push(caption);
      } else parts.push(runsText(b.runs));
    }
    return parts;
  }

  /** The text as pieces to show, each marked or not: every word whose folded form is in `found`. */
  function marked(text, found, from = 0, to = text.length) {
    const pieces = [];
    let at = from;
    for (const m of text.slice(from, to).matchAll(WORD)) {
      const start = from + m.index;
      if (!found.has(fold(m[0]))) continue;
      if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
      pieces.push({ text: m[0], mark: true });
      at = start + m[0].length;
    }
    if (to > at) pieces.push({ text: text.slice(at, to), mark: false });
    return pieces;
  }

  /**
   * A few words of a paragraph round the first found word, preferring one that is on the page the hit opens
   * (`onPage`, a set of folded words, for a story on several pages), with the found words marked and … where it is
   * cut; the opening words when only the headline has them.
   */
  function snippet(parts, found, onPage) {
    const isFound = (m) => found.has(fold(m[0]));
    const lists = parts.map((text) => [...text.matchAll(WORD)]);
    const firstWhere = (test) => {
      for (const [p, list] of lists.entries()) {
        const at = list.findIndex(test);
        if (at >= 0) return { p, at };
      }
      return null;
    };
    const hit = (onPage ? firstWhere((m) => isFound(m) && onPage.has(fold(m[0]))) : null) ?? firstWhere(isFound) ?? { p: 0, at: -1 };
    return around(parts[hit.p] ?? '', lists[hit.p] ?? [], hit.at, found);
  }

  /** The words of a text from BEFORE before the word at `at` to AFTER after it (from the start when at is -1), marked. */
  function around(text, list, at, found) {
    if (list.length === 0) return [];
    const first = at < 0 ? 0 : Math.max(0, at - BEFORE);
    const last = Math.min(list.length, (at < 0 ? 0 : at) + AFTER + 1) - 1;
    const start = list[first].index;
    // Cut after the last word shown; the whole text's end keeps its full stop.
    const end = last + 1 < list.length ? list[last].index + list[last][0].length : text.length;
    const pieces = marked(text, found, start, end);
    if (first > 0) pieces.unshift({ text: '… ', mark: false });
    if (last + 1 < list.length) pieces.push({ text: ' …', mark: false });
    return pieces;
  }

  /**
   * Makes the search of an edition: indexes every story's headline, kicker, byline and text (standfirst, body,
   * captions). `pageWords` gives, for each story on more than one page, the words set on each of its pages
   * ({ id: { page: "words …" } }), so that a hit opens the page its words are on.
   */
  function create(edition, pageWords = {}) {
    const started = performance.now();
    const texts = new Map();
    const index = new root.MiniSearch({
      fields: ['headline', 'kicker', 'byline', 'text'],
      tokenize: words,
      processTerm: (term) => fold(term),
      searchOptions: {
        // A headline's word says more about a story than a word in its tenth paragraph.
        boost: { headline: 3, kicker: 2 },
        prefix: (term) => term.length >= PREFIX_FROM,
        fuzzy: typos,
        // Every word of the query: a reader narrows a search by adding words.
        combineWith: 'AND',
      },
    });
    index.addAll(
      edition.articles.map((a) => {
        const parts = bodyParts(a);
        texts.set(a.id, parts);
        const byline = a.byline ? [a.byline.name, a.byline.role].filter(Boolean).join(', ') : '';
        return { id: a.id, headline: a.headline, kicker: a.kicker ?? '', byline, text: parts.join('\n') };
      }),
    );
    const articles = new Map(edition.articles.map((a) => [a.id, a]));
    const onPages = new Map();
    /** The folded words of a story on each of its pages, or null for a story on one page (or with no words given). */
    const wordsOnPages = (a) => {
      if (a.pages.length < 2 || !pageWords[a.id]) return null;
      if (!onPages.has(a.id)) onPages.set(a.id, new Map(a.pages.map((n) => [n, new Set(words(pageWords[a.id][n] ?? '').map(fold))])));
      return onPages.get(a.id);
    };
    const took = performance.now() - started;

    return {
      /** Milliseconds it took to make the index. */
      took,
      /** Whether a query is long enough to search for. */
      searchable,
      /**
       * The stories that have every word of the query (allowing prefixes and typos), best first: each with the page
       * to open, the headline and a snippet as pieces of text with the found words marked.
       */
      search(query) {
        if (!searchable(query)) return [];
        return index.search(query).map((result) => {
          const a = articles.get(result.id);
          const found = new Set(result.terms);
          // The page that has most of the found words; the story's first page when none says (or on a tie).
          const byPage = wordsOnPages(a);
          let page = a.pages[0];
          if (byPage) {
            let most = 0;
            for (const [n, set] of byPage) {
              const count = result.terms.filter((t) => set.has(t)).length;
              if (count > most) [page, most] = [n, count];
            }
          }
          return {
            article: a.id,
            page,
            pages: a.pages,
            headline: marked(a.headline, found),
            snippet: snippet(texts.get(a.id), found, byPage?.get(page)),
          };
        });
      },
    };
  }

  root.NewsprintSearch = { create, fold };
})(globalThis);
