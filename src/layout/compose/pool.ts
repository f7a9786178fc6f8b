// The overmatter on the composer's desk: stories not yet placed, in priority order, that composed pages take from as
// they are laid out in page order (docs/composer.md, "Pagination"). What no page takes is held over.
import type { MarkupElement } from '../../template/index.js';
import { attr, isElement, textOf } from '../../template/index.js';
import type { PoolStory } from '../desk.js';

/** The overmatter's story elements (template/renderOvermatter) as the desk holds them. */
export function poolOf(stories: readonly MarkupElement[]): PoolStory[] {
  return stories.map((el) => {
    const section = attr.str(el, 'section');
    return { el, id: attr.str(el, 'article') ?? '', ...(section !== undefined ? { section } : {}), words: bodyWords(el) };
  });
}

/** Whether a page of `section` may take the story: one of its own section, or one that names none. */
export function takes(section: string | undefined, s: PoolStory): boolean {
  return s.section === undefined || (section !== undefined && s.section.toLowerCase() === section.toLowerCase());
}

/** Words in a story's body (paragraphs, crossheads, quotes, lists), for briefs and the held-over report. */
export function bodyWords(story: MarkupElement): number {
  const body = story.children.find((c): c is MarkupElement => isElement(c) && c.kind === 'body');
  if (!body) return 0;
  let n = 0;
  for (const b of body.children) if (isElement(b) && b.kind !== 'image' && b.kind !== 'cut') n += textOf(b).split(/\s+/).filter(Boolean).length;
  return n;
}
