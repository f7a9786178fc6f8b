// The page-markup reference documents every element the parser accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ELEMENTS } from '../../src/template/index.js';
import { REPO } from '../helpers.js';

it('docs/page-markup.md lists every element and attribute', () => {
  const doc = readFileSync(join(REPO, 'docs', 'page-markup.md'), 'utf8');
  for (const [name, spec] of Object.entries(ELEMENTS)) {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`<${name}>\``));
    expect(row, `<${name}> has a row`).toBeDefined();
    for (const a of Object.keys(spec.attrs)) expect(row, `<${name}> documents ${a}`).toContain(`\`${a}\``);
  }
});
