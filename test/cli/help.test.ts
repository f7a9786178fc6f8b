// Help on every command, with examples, and the documented exit codes.
import { describe, expect, it, vi } from 'vitest';
import { cli } from './run.js';

async function stdoutOf(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    out += a.join(' ') + '\n';
  });
  try {
    const { code } = await cli(...args);
    return { code, out };
  } finally {
    spy.mockRestore();
    log.mockRestore();
  }
}

describe('help', () => {
  it('lists the build command and the exit codes', async () => {
    const { code, out } = await stdoutOf('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/newsprint build \[files\.\.\]/);
    expect(out).toMatch(/Exit codes: 0 .*1 bad input/s);
  });

  it('shows the build options with examples', async () => {
    const { code, out } = await stdoutOf('build', '--help');
    expect(code).toBe(0);
    for (const opt of ['--out', '--template', '--quiet']) expect(out).toContain(opt);
    expect(out).toMatch(/Examples:[\s\S]*newsprint build examples\/editions\/gazette-pool\.yaml --root examples --out proofs/);
  });

  it('asks for a command when given only options', async () => {
    const r = await cli('--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Name a command: build, e-edition, galley, plan, preflight, preview or worker/);
  });
});

describe('galley options', () => {
  it('refuses a bad width, a missing or unreadable font, and an unknown language, naming the problem', async () => {
    const article = new URL('../../examples/long-read/the-river.md', import.meta.url).pathname;
    const width = await cli('galley', article, '--width', '3furlongs');
    expect(width.code).toBe(1);
    expect(width.stderr).toMatch(/--width 3furlongs is not a length/);
    const missing = await cli('galley', article, '--font', '/nowhere/font.ttf');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^\/nowhere\/font\.ttf:1:1: error: font file not found/);
    const notFont = await cli('galley', article, '--font', article);
    expect(notFont.code).toBe(1);
    expect(notFont.stderr).toMatch(/the-river\.md:1:1: error: not a font file/);
    const lang = await cli('galley', article, '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/Invalid values/);
    expect(lang.stderr).not.toMatch(/hyphenation patterns/); // stopped at the command line, the command never ran
  });
});
