// template: Edition + template set → one checked markup tree per page.
import type { Edition, EditionPage, Span } from '../core/index.js';
import { fail } from '../core/index.js';
import { attr, isElement, type MarkupElement } from './markup.js';
import { parseMarkup } from './parse.js';
import type { TemplateSet } from './load.js';
import { pageView } from './view.js';

export * from './markup.js';
export { parseMarkup } from './parse.js';
export { loadTemplateSet, listTemplateSets, type TemplateSet } from './load.js';
export { loadStyleSheet } from './sheet.js';
export { parseStyles } from './styles.js';
export { compileTemplates, type TemplateSource, type CompiledTemplates } from './render.js';
export { instrumentTemplate } from './instrument.js';
export { pageView, storyView, type PageView, type StoryView } from './view.js';

/** Markup of one page, with the template file it came from. */
export interface PageMarkup {
  readonly number: number;
  readonly template: string;
  readonly markup: string;
  readonly root: MarkupElement;
}

/**
 * Renders every page of the edition through its page template and parses the result.
 * An unknown page template is reported at the edition file's line for that page.
 */
export function renderEdition(edition: Edition, set: TemplateSet, columns = 5): PageMarkup[] {
  return edition.pages.map((page, i) => {
    if (!set.templates.has(page.template)) {
      fail('template/unknown-page', `unknown page template “${page.template}” in template set “${set.name}”`, page.src, [
        `page templates: ${set.templates.pageNames.join(', ')}`,
      ]);
    }
    // 1. Run the page template on the page's data.
    const markup = set.templates.render(page.template, pageView(edition, page, i, columns));
    // 2. Parse and check the markup it produced.
    const fallback: Span = { file: `${set.dir}/pages/${page.template}.hbs`, line: 1, col: 1 };
    const root = withTrims(parseMarkup(markup, fallback), page.trim);
    unplacedAdverts(page, root, i + 1, `${set.dir}/pages/${page.template}.hbs`);
    return { number: i + 1, template: page.template, markup, root };
  });
}

/**
 * An advert the flatplan books on a page whose template has no place for it would never be printed: an error at the
 * booking, naming the page's template (a composed page, the default, places every advert it is given).
 */
function unplacedAdverts(page: EditionPage, root: MarkupElement, number: number, template: string): void {
  const placed = new Set<string>();
  const walk = (el: MarkupElement) => {
    if (el.kind === 'advert') placed.add(attr.str(el, 'file') ?? '');
    for (const c of el.children) if (isElement(c)) walk(c);
  };
  walk(root);
  const lost = (page.ads ?? []).find((ad) => !placed.has(ad.file));
  if (!lost) return;
  fail('template/advert-not-placed', `advert ${lost.file} (booked ${lost.size}) on page ${number}: the page's template “${page.template}” has no place for adverts, so it would never be printed`, lost.src, [
    `leave out the page's template (a composed page places its adverts round its stories), or add {{#each ads}}{{> advert}}{{/each}} to ${template}`,
  ]);
}

/**
 * The overmatter's stories as story elements, in priority order, each marked with the section whose pages may take it
 * (`section`) and `trim="end"` where the desk allows cutting from the end. They are set by the template set's composed
 * page template, exactly as a story the flatplan lists on a composed page, so a story reads the same wherever the
 * composer puts it. Empty when the edition has no overmatter.
 */
export function renderOvermatter(edition: Edition, set: TemplateSet, columns = 5): MarkupElement[] {
  const pool = edition.overmatter ?? [];
  if (pool.length === 0) return [];
  const template = set.templates.has(COMPOSED_PAGE) ? COMPOSED_PAGE : undefined;
  if (!template) fail('template/no-composed', `template set “${set.name}” has no ${COMPOSED_PAGE} page template, which sets the overmatter`, pool[0]!.src);
  const page: EditionPage = { template, stories: pool.map((o) => o.id), src: pool[0]!.src };
  const markup = set.templates.render(template, pageView(edition, page, edition.pages.length, columns));
  const root = parseMarkup(markup, { file: `${set.dir}/pages/${template}.hbs`, line: 1, col: 1 });
  const stories = new Map<string, MarkupElement>();
  const collect = (el: MarkupElement): void => {
    if (el.kind === 'story') stories.set(attr.str(el, 'article') ?? '', el);
    else el.children.filter(isElement).forEach(collect);
  };
  collect(root);
  return pool.map((o) => {
    const el = stories.get(o.id);
    if (!el) fail('template/overmatter', `the ${COMPOSED_PAGE} page template did not set the overmatter story ${o.id}`, o.src);
    return { ...el, attrs: { ...el.attrs, ...(o.section !== undefined ? { section: o.section } : {}), ...(o.trim ? { trim: o.trim } : {}) } };
  });
}

/** The page template a flatplan page without one is set with, and the overmatter too. */
const COMPOSED_PAGE = 'composed';

/** Marks the stories the flatplan allows cutting from the end (`trim: end`) with `trim="end"`. */
function withTrims(el: MarkupElement, trim: EditionPage['trim']): MarkupElement {
  if (!trim) return el;
  const id = el.kind === 'story' ? attr.str(el, 'article') : undefined;
  const attrs = id !== undefined && trim[id] ? { ...el.attrs, trim: trim[id] } : el.attrs;
  return { ...el, attrs, children: el.children.map((c) => (isElement(c) ? withTrims(c, trim) : c)) };
}
