// The copy's own cut mark, in each format: where a story may be cut from when its page is short of room.
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseNinjs, parseScrapedText } from '../../src/ingest/index.js';

const textOf = (b: { kind: string; runs?: readonly { text: string }[] }) => (b.runs ?? []).map((r) => r.text).join('');

describe('the cut mark', () => {
  it('Markdown: an <!-- cut --> line between paragraphs, not set as copy', () => {
    const a = parseMarkdown('a.md', '---\nheadline: Cup run ends\n---\n\nOne.\n\nTwo.\n\n<!-- cut -->\n\nThree.\n\nFour.\n');
    expect(a.body.map(textOf)).toEqual(['One.', 'Two.', 'Three.', 'Four.']);
    expect(a.cutFrom).toBe(2);
  });

  it('scraped text: a line [cut] on its own', () => {
    const a = parseScrapedText('a.txt', 'Cup run ends - The Wexcombe Courier\n\nCup run ends\n\nOne.\n\nTwo.\n\n[cut]\n\nThree.\n');
    expect(a.body.map(textOf)).toEqual(['One.', 'Two.', 'Three.']);
    expect(a.cutFrom).toBe(2);
  });

  it('ninjs: an HTML comment <!-- cut --> in the body', () => {
    const a = parseNinjs('a.json', JSON.stringify({ headlines: [{ value: 'Cup run ends' }], bodies: [{ contentType: 'text/html', value: '<p>One.</p><p>Two.</p><!-- cut --><p>Three.</p>' }] }));
    expect(a.body.map(textOf)).toEqual(['One.', 'Two.', 'Three.']);
    expect(a.cutFrom).toBe(2);
  });

  it('a story without one may not be cut, and a mark after the last paragraph cuts nothing', () => {
    expect(parseMarkdown('a.md', '---\nheadline: x\n---\n\nOne.\n').cutFrom).toBeUndefined();
    expect(parseMarkdown('a.md', '---\nheadline: x\n---\n\nOne.\n\n<!-- cut -->\n').cutFrom).toBeUndefined();
  });
});
