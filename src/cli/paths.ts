// Where newsprint's own folders are: templates, fonts and the sample edition ship beside the code.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this file in both src/cli and dist/cli. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const FONTS_DIR = join(PACKAGE_ROOT, 'fonts');
export const SAMPLE_EDITION = join(PACKAGE_ROOT, 'examples', 'sample-edition', 'edition.yaml');
export const DEFAULT_TEMPLATE = 'tabloid';
