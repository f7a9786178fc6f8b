// Finds a template set on disk and reads its style sheet, without compiling its templates (the galley needs only styles).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { StyleSheet } from '../core/index.js';
import { fail } from '../core/index.js';
import { parseStyles } from './styles.js';

/** Lists the template sets (folders with a pages/ folder) under a templates root. */
export function listTemplateSets(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'pages')))
    .sort();
}

/** A path as messages show it: relative to the working directory when inside it. */
export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** The folder of a template set named (a folder under `root`) or given by path; an unknown one is a user error listing those that exist. */
export function templateSetDir(nameOrPath: string, root: string): string {
  const byPath = nameOrPath.includes('/') || nameOrPath.startsWith('.');
  const dir = byPath ? resolve(nameOrPath) : join(root, nameOrPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(join(dir, 'pages'))) {
    const sets = listTemplateSets(root);
    fail('template/unknown-set', `unknown template “${nameOrPath}”: no template set at ${display(dir)}`, undefined, [
      sets.length ? `available templates: ${sets.join(', ')}` : `a template set is a folder with pages/, partials/ and styles.yaml`,
    ]);
  }
  return dir;
}

/** The styles.yaml of the template set in `dir` (`name` as the user gave it, for messages). */
export function readStyleSheet(name: string, dir: string): StyleSheet {
  const stylesFile = join(dir, 'styles.yaml');
  if (!existsSync(stylesFile)) fail('template/no-styles', `template “${name}” has no styles.yaml in ${display(dir)}`);
  return parseStyles(display(stylesFile), readFileSync(stylesFile, 'utf8'));
}

/** The style sheet of a template set, by name or path, without compiling its templates. */
export function loadStyleSheet(nameOrPath: string, root: string): StyleSheet {
  return readStyleSheet(nameOrPath, templateSetDir(nameOrPath, root));
}
