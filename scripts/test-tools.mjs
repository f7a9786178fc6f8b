#!/usr/bin/env node
// The system tools the test suite uses, checked before any test runs (npm's `pretest`, so `npm test` and CI take the
// same path). The suite judges our PDFs with programs that are not ours — poppler, qpdf, Ghostscript, MuPDF — reads
// the archive files with xmllint against their schemas, drives the viewer in Debian's Chromium and starts its own
// Redis for the queue; a test that finds one missing would fail, so it is found here, in the first second, instead.
//
// Missing tools are installed with apt-get when this runs as root on a machine with apt (as CI and this project's
// machines do); otherwise the one `apt-get install …` line is printed and the run stops with exit 1.
// NEWSPRINT_NO_APT=1 asks for the line instead of the install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Each tool the tests run, the Debian package that has it, and what the tests use it for. */
export const TOOLS = [
  { tool: 'pdftotext', pkg: 'poppler-utils', use: 'text of the plant PDFs (and the typesetting yardsticks in ../shared/tools)' },
  { tool: 'pdfinfo', pkg: 'poppler-utils', use: 'page boxes and metadata of the PDFs' },
  { tool: 'pdffonts', pkg: 'poppler-utils', use: 'embedded fonts' },
  { tool: 'pdftoppm', pkg: 'poppler-utils', use: 'pages rendered by an independent rasteriser' },
  { tool: 'pdfimages', pkg: 'poppler-utils', use: 'images placed in the PDFs' },
  { tool: 'qpdf', pkg: 'qpdf', use: 'PDF structure checks' },
  { tool: 'gs', pkg: 'ghostscript', use: 'separations, ink and a second rasteriser' },
  { tool: 'mutool', pkg: 'mupdf-tools', use: 'a third text extractor, for word spaces' },
  { tool: 'xmllint', pkg: 'libxml2-utils', use: 'ALTO and METS against their schemas' },
  { tool: 'redis-server', pkg: 'redis-server', use: 'the queue tests start their own' },
  { tool: '/usr/bin/chromium', pkg: 'chromium', use: 'the viewer, article pages and preview in a real browser' },
  { tool: 'python3', pkg: 'python3', use: "the editor's yardsticks in ../shared/tools" },
];

/** Whether `tool` (a name on PATH, or an absolute path) can be run here. */
export function found(tool) {
  const runnable = (p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (tool.startsWith('/')) return runnable(tool);
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => runnable(join(dir, tool)));
}

/** The Debian packages of the tools not found, each once, in the table's order. */
export function missingPackages(tools = TOOLS, has = found) {
  return [...new Set(tools.filter((t) => !has(t.tool)).map((t) => t.pkg))];
}

function main() {
  const missing = missingPackages();
  if (missing.length === 0) return 0;
  const line = `apt-get install -y ${missing.join(' ')}`;
  const what = TOOLS.filter((t) => missing.includes(t.pkg)).map((t) => `  ${t.tool.replace(/^\/usr\/bin\//, '')} (${t.pkg}): ${t.use}`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && found('apt-get') && process.env.NEWSPRINT_NO_APT !== '1') {
    process.stderr.write(`newsprint tests: installing the system tools the suite uses (${missing.join(', ')}):\n${what.join('\n')}\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
    const still = missingPackages();
    if (install.status === 0 && still.length === 0) return 0;
    process.stderr.write(`newsprint tests: apt-get could not install ${still.join(' ')}; install them, then run the tests again:\n  ${line}\n`);
    return 1;
  }
  process.stderr.write(`newsprint tests: the suite needs system tools this machine does not have:\n${what.join('\n')}\ninstall them (as root), then run the tests again:\n  ${root ? '' : 'sudo '}${line}\n`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
