// The command as installed: bin/newsprint.js starts from the bundled CLI and its code cache (scripts/bundle-cli.mjs),
// and what it makes is byte for byte what the compiled ES modules make.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'newsprint.js');
const dir = mkdtempSync(join(tmpdir(), 'newsprint-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newsprint = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('the bundled command', () => {
  it('starts from the bundle with the code cache made for it at build time', () => {
    const r = newsprint(['galley', join(root, 'examples', 'long-read', 'the-river.md'), '--out', join(dir, 'cache.pdf'), '--quiet'], { NEWSPRINT_CODE_CACHE: 'report' });
    expect(r.status, r.stderr).toBe(0);
    // "absent" or "rejected" would mean every command compiles its code again: `npm run build` makes both.
    expect(r.stderr).toContain('newsprint: code cache used');
  });

  it('makes the same galley PDF, byte for byte, as the compiled modules, from a story in each format, and fails the same way on bad input', () => {
    // Each format's reader is bundled (or left to node_modules) on its own terms: every one is run through both.
    const stories = [
      join(root, 'examples', 'long-read', 'the-river.md'),
      join(root, 'examples', 'sample-edition', 'stories', 'bus-route.txt'),
      join(root, 'examples', 'sample-edition', 'stories', 'food-bank.json'),
      join(root, 'examples', 'wire', 'garden-open-day.xml'),
    ];
    for (const [n, story] of stories.entries()) {
      const a = newsprint(['galley', story, '--width', '40mm', '--out', join(dir, `bundled-${n}.pdf`), '--text', join(dir, `bundled-${n}.txt`), '--json']);
      const b = newsprint(['galley', story, '--width', '40mm', '--out', join(dir, `modules-${n}.pdf`), '--text', join(dir, `modules-${n}.txt`), '--json'], { NEWSPRINT_BUNDLE: '0' });
      expect(a.status, `${story}: ${a.stderr}`).toBe(0);
      expect(b.status, `${story}: ${b.stderr}`).toBe(0);
      expect(readFileSync(join(dir, `bundled-${n}.pdf`)).equals(readFileSync(join(dir, `modules-${n}.pdf`))), story).toBe(true);
      expect(readFileSync(join(dir, `bundled-${n}.txt`), 'utf8')).toBe(readFileSync(join(dir, `modules-${n}.txt`), 'utf8'));
      expect(JSON.parse(a.stdout).lines, story).toBe(JSON.parse(b.stdout).lines);
      expect(JSON.parse(a.stdout).lines, story).toBeGreaterThan(5);
    }
    // A mistake in the copy: the same one-line message and exit code either way.
    const bad = join(dir, 'bad.md');
    execFileSync('sh', ['-c', `printf -- '---\\nheadline: [unclosed\\n---\\n\\nText.\\n' > '${bad}'`]);
    const x = newsprint(['galley', bad, '--out', join(dir, 'bad.pdf')]);
    const y = newsprint(['galley', bad, '--out', join(dir, 'bad.pdf')], { NEWSPRINT_BUNDLE: '0' });
    expect(x.status).toBe(1);
    expect(x.status).toBe(y.status);
    expect(x.stderr).toBe(y.stderr);
    expect(x.stderr).toContain('bad.md');
  });

  it('loads a package or Node module a command does not need only when it is used: no sharp, yargs, HTTP server or crypto for a galley', () => {
    const script = `
      const Module = require('node:module');
      const seen = new Set();
      const load = Module._load;
      Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
      process.argv = [process.execPath, ${JSON.stringify(bin)}, 'galley', ${JSON.stringify(join(root, 'examples', 'long-read', 'the-river.md'))}, '--out', ${JSON.stringify(join(dir, 'lazy.pdf'))}, '--quiet'];
      // The bin ends the process when its command is done: what was loaded is printed as it exits.
      process.on('exit', () => console.log(JSON.stringify([...seen])));
      import(${JSON.stringify(bin)});
    `;
    const seen = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    expect(seen.length).toBeGreaterThan(0);
    for (const p of ['sharp', 'yargs', 'handlebars', '@napi-rs/canvas', 'pdfjs-dist', 'bullmq', 'node:http', 'node:child_process', 'node:crypto', 'crypto']) expect(seen.some((s) => s === p || s.startsWith(`${p}/`)), p).toBe(false);
    // ...while what it does need comes through the same door.
    expect(seen).toContain('node:fs');
    expect(seen.some((s) => s === 'zlib' || s === 'node:zlib')).toBe(true);
  });

  it('is not used when the compiled modules are newer than it (tsc run alone since): they run instead', () => {
    const main = join(root, 'dist', 'cli', 'main.js');
    const was = statSync(main);
    const story = join(root, 'examples', 'long-read', 'the-river.md');
    try {
      utimesSync(main, was.atime, new Date(Date.now() + 60_000));
      const r = newsprint(['galley', story, '--out', join(dir, 'stale.pdf'), '--quiet'], { NEWSPRINT_CODE_CACHE: 'report' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('code cache');
    } finally {
      utimesSync(main, was.atime, was.mtime);
    }
    const r = newsprint(['galley', story, '--out', join(dir, 'fresh.pdf'), '--quiet'], { NEWSPRINT_CODE_CACHE: 'report' });
    expect(r.stderr).toContain('code cache used');
    expect(readFileSync(join(dir, 'stale.pdf')).equals(readFileSync(join(dir, 'fresh.pdf')))).toBe(true);
  });

  it('runs the other commands through the bundle too: help, and a mistake on the command line', () => {
    const help = newsprint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/newsprint <command>/);
    const wrong = newsprint(['galley', 'story.md', '--bogus']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/bogus/);
  });
});
