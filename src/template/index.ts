// template: Edition + template set → one checked markup tree per page.
import type { Edition, Span } from '../core/index.js';
import { fail } from '../core/index.js';
import type { MarkupElement } from './markup.js';
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
    const root = parseMarkup(markup, fallback);
    return { number: i + 1, template: page.template, markup, root };
  });
}
