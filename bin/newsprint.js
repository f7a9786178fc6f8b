#!/usr/bin/env node
// newsprint command: runs the compiled CLI (npm install / npm ci compile it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('newsprint: the CLI is not compiled yet; run `npm install` (or `npm run build:ts`) in the newsprint folder first\n');
  process.exit(3);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
