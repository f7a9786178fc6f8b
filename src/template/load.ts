// Reads a template set from disk: pages/*.hbs, partials/*.hbs and styles.yaml.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { StyleSheet } from '../core/index.js';
import { fail } from '../core/index.js';
import { compileTemplates, type CompiledTemplates, type TemplateSource } from './render.js';
import { display, readStyleSheet, templateSetDir } from './sheet.js';

export { listTemplateSets } from './sheet.js';

export interface TemplateSet {
  readonly name: string;
  readonly dir: string;
  readonly templates: CompiledTemplates;
  readonly styles: StyleSheet;
}

function readTemplates(dir: string): TemplateSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      return { name: basename(f, '.hbs'), file: display(file), text: readFileSync(file, 'utf8') };
    });
}

/**
 * Loads a template set by name (a folder under `root`) or by path.
 * An unknown name is a user error listing the sets that exist.
 */
export function loadTemplateSet(nameOrPath: string, root: string): TemplateSet {
  const dir = templateSetDir(nameOrPath, root);
  const pages = readTemplates(join(dir, 'pages'));
  if (pages.length === 0) fail('template/no-pages', `template “${nameOrPath}” has no page templates in ${display(join(dir, 'pages'))}`);
  const partials = readTemplates(join(dir, 'partials'));
  const styles = readStyleSheet(nameOrPath, dir);
  return { name: basename(dir), dir, templates: compileTemplates(pages, partials), styles };
}
