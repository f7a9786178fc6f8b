// Reads a template set from disk: pages/*.hbs, partials/*.hbs and styles.yaml.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { StyleSheet } from '../core/index.js';
import { fail } from '../core/index.js';
import { compileTemplates, type CompiledTemplates, type TemplateSource } from './render.js';
import { parseStyles } from './styles.js';

export interface TemplateSet {
  readonly name: string;
  readonly dir: string;
  readonly templates: CompiledTemplates;
  readonly styles: StyleSheet;
}

/** Lists the template sets (folders with a pages/ folder) under a templates root. */
export function listTemplateSets(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'pages')))
    .sort();
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
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
  const byPath = nameOrPath.includes('/') || nameOrPath.startsWith('.');
  const dir = byPath ? resolve(nameOrPath) : join(root, nameOrPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(join(dir, 'pages'))) {
    const sets = listTemplateSets(root);
    fail('template/unknown-set', `unknown template “${nameOrPath}”: no template set at ${display(dir)}`, undefined, [
      sets.length ? `available templates: ${sets.join(', ')}` : `a template set is a folder with pages/, partials/ and styles.yaml`,
    ]);
  }
  const pages = readTemplates(join(dir, 'pages'));
  if (pages.length === 0) fail('template/no-pages', `template “${nameOrPath}” has no page templates in ${display(join(dir, 'pages'))}`);
  const partials = readTemplates(join(dir, 'partials'));
  const stylesFile = join(dir, 'styles.yaml');
  if (!existsSync(stylesFile)) fail('template/no-styles', `template “${nameOrPath}” has no styles.yaml in ${display(dir)}`);
  const styles = parseStyles(display(stylesFile), readFileSync(stylesFile, 'utf8'));
  return { name: basename(dir), dir, templates: compileTemplates(pages, partials), styles };
}
