// The data a page template sees: an edition page with its stories, dates spelled the British way.
import Handlebars from 'handlebars';
import type { Article, Block, Edition, EditionPage, Inline, Span } from '../core/index.js';
import { articleHeads, formatSpan, longDate } from '../core/index.js';

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline runs as page markup (`<i>`, `<b>`), escaped, ready for `{{{…}}}` or `{{…}}` (it is a SafeString). */
export function inlineMarkup(runs: readonly Inline[]): Handlebars.SafeString {
  const parts = runs.map((r) => {
    let t = xmlEscape(r.text);
    if (r.italic) t = `<i>${t}</i>`;
    if (r.bold) t = `<b>${t}</b>`;
    return t;
  });
  return new Handlebars.SafeString(parts.join(''));
}

const src = (s: Span): string => formatSpan(s);

function blockView(b: Block) {
  const base = { kind: b.kind, src: src(b.src), isParagraph: false, isCrosshead: false, isQuote: false, isList: false, isImage: false };
  switch (b.kind) {
    case 'paragraph':
      return { ...base, isParagraph: true, markup: inlineMarkup(b.runs), items: null, image: null };
    case 'crosshead':
      return { ...base, isCrosshead: true, markup: inlineMarkup(b.runs), items: null, image: null };
    case 'quote':
      return { ...base, isQuote: true, markup: inlineMarkup(b.runs), items: null, image: null };
    case 'list':
      return { ...base, isList: true, ordered: b.ordered, markup: null, items: b.items.map(inlineMarkup), image: null };
    case 'image':
      return { ...base, isImage: true, markup: null, items: null, image: imageView(b.image) };
  }
}

function imageView(img: Article['leadImage']) {
  if (!img) return null;
  return {
    file: img.file,
    caption: img.caption ?? null,
    credit: img.credit ?? null,
    alt: img.alt ?? img.caption ?? null,
    focusX: String(img.focus?.x ?? 0.5),
    focusY: String(img.focus?.y ?? 0.5),
    src: src(img.src),
  };
}

/** One story as templates see it. Every optional field is present (null when absent), as strict templates need. */
export function storyView(a: Article) {
  return {
    ...articleHeads(a),
    published: a.published ?? null,
    dateLong: longDate(a.published),
    leadImage: imageView(a.leadImage),
    // The copy's cut mark goes before the first block that may be cut.
    body: a.body.map((b, i) => ({ ...blockView(b), cutBefore: i === a.cutFrom })),
    src: src(a.src),
  };
}

export type StoryView = ReturnType<typeof storyView>;

/** A promo box as templates see it (`promos`, kept empty for older templates). */
interface PromoView {
  readonly heading: string;
  readonly text: string;
  readonly src: string;
}

/** The context of one page template. */
export function pageView(edition: Edition, page: EditionPage, index: number, columns = 5) {
  const stories = page.stories.map((id) => {
    const a = edition.articles.get(id);
    if (!a) throw new Error(`edition page ${index + 1} names unknown article ${id}`);
    return a;
  });
  // A scraped story's site furniture (Announcements, Recruitment…) is the website's menu, not the paper's: it is not
  // printed (the build's report notes it was left out). Templates keep `promos` for their own boxes.
  const promos: PromoView[] = [];
  // The publication's own house adverts given as text: the composer's filler of last resort.
  const houseAds = (edition.houseAds ?? []).filter((h) => h.heading !== undefined && h.text !== undefined).map((h) => ({ heading: h.heading!, text: h.text!, url: h.url ?? null, src: src(h.src) }));
  // And those made as artwork (a file and its booking), which the composer places where a space of their size is left.
  const houseAdFiles = (edition.houseAds ?? []).flatMap((h) => (h.file !== undefined && h.columns !== undefined && h.depth !== undefined ? [{ file: h.file, span: h.columns, depth: `${h.depth.toFixed(3)}pt`, url: h.url ?? null, src: src(h.src) }] : []));
  const views = stories.map((a) => ({ ...storyView(a), continueOn: page.continueOn?.[a.id] ?? null }));
  const ads = (page.ads ?? []).map((ad) => ({
    file: ad.file,
    span: ad.columns,
    depth: `${ad.depth.toFixed(3)}pt`,
    position: ad.position,
    url: ad.url ?? null,
    src: src(ad.src),
  }));
  const pub = edition.publication;
  return {
    publication: {
      name: pub.name,
      masthead: pub.masthead ?? pub.name,
      tagline: pub.tagline ?? null,
      price: pub.price ?? null,
      url: pub.url ?? null,
    },
    edition: {
      date: edition.date,
      dateLong: longDate(edition.date),
      issue: edition.issue ?? null,
      issueLabel: edition.issue !== undefined ? `No. ${edition.issue.toLocaleString('en-GB')}` : null,
    },
    page: { number: index + 1, count: edition.pages.length, section: page.section ?? null, isFront: index === 0, columns },
    stories: views,
    lead: views[0] ?? null,
    others: views.slice(1),
    ads,
    promos,
    houseAds,
    houseAdFiles,
  };
}

export type PageView = ReturnType<typeof pageView>;
