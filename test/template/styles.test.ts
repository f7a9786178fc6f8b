// The style sheet refuses what a newspaper press cannot print well: rich black type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStyles } from '../../src/template/styles.js';
import { diagnosticOf, TEMPLATES } from '../helpers.js';

const SHEET = readFileSync(join(TEMPLATES, 'tabloid', 'styles.yaml'), 'utf8');

describe('style sheet colours', () => {
  it('the shipped sheet sets all its type in plain 100 % K or in colour, never rich black', () => {
    const sheet = parseStyles('styles.yaml', SHEET);
    for (const [name, style] of Object.entries(sheet.paragraph)) {
      const [c, m, y, k] = style.color;
      if (k >= 100) expect(c + m + y, name).toBe(0);
    }
  });

  it('refuses a rich black text colour, at its line', () => {
    const text = SHEET.replace(/^colors:\n/m, 'colors:\n  rich: [60, 40, 40, 100]\n').replace(/(  byline: \{[^}]*)\}/, '$1, color: rich }');
    const line = text.split('\n').findIndex((l) => l.startsWith('  byline:')) + 1;
    const d = diagnosticOf(() => parseStyles('styles.yaml', text));
    expect(d.message).toMatch(/byline: colour “rich” is rich black \(60, 40, 40, 100\)/);
    expect(d.span?.line).toBe(line);
  });
});
