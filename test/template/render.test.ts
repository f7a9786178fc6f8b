// Templates: markup comes out parsed and typed; every template mistake is reported at template file:line:col.
import { describe, expect, it } from 'vitest';
import { compileTemplates, parseMarkup, type TemplateSource } from '../../src/template/index.js';
import { diagnosticOf } from '../helpers.js';

const page = (text: string, partials: TemplateSource[] = []) => {
  const t = compileTemplates([{ name: 'p', file: 'templates/x/pages/p.hbs', text }], partials);
  return (ctx: object = {}) => parseMarkup(t.render('p', ctx), { file: 'templates/x/pages/p.hbs', line: 1, col: 1 });
};

describe('page templates', () => {
  it('produce a typed tree with lengths in points and copy spans', () => {
    const root = page('<page>\n  <space height="10mm"/>\n  <story article="{{id}}" span="3" src="{{src}}"><headline>{{h}}</headline></story>\n</page>')({
      id: 'a1',
      src: 'story.md:4:1',
      h: 'Tom & Jerry <win>',
    });
    expect(root.kind).toBe('page');
    const [space, story] = root.children.filter((c) => c.kind !== '#text');
    expect(space!.kind).toBe('space');
    expect((space as { attrs: { height: number } }).attrs.height).toBeCloseTo(28.346, 2);
    expect(story).toMatchObject({ kind: 'story', attrs: { article: 'a1', span: 3 }, copy: { file: 'story.md', line: 4, col: 1 }, src: { file: 'templates/x/pages/p.hbs', line: 3, col: 3 } });
    const headline = (story as { children: { kind: string; children: { text: string }[] }[] }).children[0]!;
    expect(headline.children[0]!.text).toBe('Tom & Jerry <win>');
  });

  it('report a Handlebars syntax error at its line and column', () => {
    const d = diagnosticOf(() => page('<page>\n  {{#if x}}\n  <rule/>\n  {{/each}}\n</page>'));
    expect(d.printed).toMatch(/^templates\/x\/pages\/p\.hbs:2:\d+: error: /);
    expect(d.message).toMatch(/if doesn't match each/);
  });

  it('report an unclosed mustache with its line', () => {
    const d = diagnosticOf(() => page('<page>\n\n  {{headline\n</page>'));
    expect(d.span).toMatchObject({ file: 'templates/x/pages/p.hbs', line: 4 });
  });

  it('report a missing field (strict mode) where the template uses it', () => {
    const d = diagnosticOf(() => page('<page>\n  <folio number="{{page.nmber}}"/>\n</page>')({ page: { number: 1 } }));
    expect(d.span).toEqual({ file: 'templates/x/pages/p.hbs', line: 2, col: 20 });
    expect(d.message).toMatch(/nmber/);
  });

  it.each([
    ['{{lookup}} with nothing to look up', '<page>\n  {{lookup}}\n</page>', 2, 3, /^\{\{lookup\}\} needs an object and a key/],
    ['{{#with}} with no argument', '<page>\n\n    {{#with}}<rule/>{{/with}}\n</page>', 3, 5, /^\{\{#with\}\} needs exactly one argument/],
    ['a partial that does not exist', '<page>\n  <rule/>\n  {{> sidebar}}\n</page>', 3, 3, /^unknown partial “sidebar”/],
  ])('report %s at its own line and column, in words, never a JavaScript internal', (_, text, line, col, message) => {
    const d = diagnosticOf(() => page(text)({}));
    expect(d.span).toEqual({ file: 'templates/x/pages/p.hbs', line, col });
    expect(d.message).toMatch(message);
    expect(d.printed).not.toMatch(/undefined|Cannot read|lookupProperty|TypeError/);
  });

  it('report an unknown element at the template line that wrote it, inside a partial', () => {
    const partial = { name: 'box', file: 'templates/x/partials/box.hbs', text: '<promo heading="A">one</promo>\n<sidebar/>' };
    const d = diagnosticOf(() => page('<page>\n  <row>{{> box}}</row>\n</page>', [partial])());
    expect(d.printed).toBe('templates/x/partials/box.hbs:2:1: error: unknown element <sidebar>\n  hint: see docs/page-markup.md for the elements a template may use');
  });

  it('report an unknown attribute and a bad length', () => {
    const a = diagnosticOf(() => page('<page>\n  <rule colour="red"/>\n</page>')());
    expect(a.code).toBe('template/unknown-attribute');
    expect(a.span).toMatchObject({ line: 2, col: 3 });
    const b = diagnosticOf(() => page('<page>\n\n    <space height="12 furlongs"/>\n</page>')());
    expect(b.code).toBe('template/bad-length');
    expect(b.printed).toMatch(/^templates\/x\/pages\/p\.hbs:3:5: error: height on <space>: bad length “12 furlongs”/);
  });

  it('report malformed markup at the element left open', () => {
    const d = diagnosticOf(() => page('<page>\n  <row>\n    <promo heading="x">text\n  </row>\n</page>')());
    expect(d.code).toBe('template/markup');
    expect(d.span).toMatchObject({ line: 3, col: 5 });
  });

  it('refuse an element in the wrong place', () => {
    const d = diagnosticOf(() => page('<page><p>loose text</p></page>')());
    expect(d.message).toBe('<p> is not allowed inside <page>');
  });
});
