// The galley's quick start (node's parseArgs, no yargs) reads a command line exactly as yargs does, and leaves
// everything it is not sure of (help, mistakes, repeated options, forms it does not take) to yargs.
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { GALLEY_OPTIONS, galleyArgs, quickGalleyArgs } from '../../src/cli/commands/galley.js';

/** The same command line through yargs with the galley's option table, as the full CLI reads it. */
function throughYargs(argv: string[]) {
  let got: ReturnType<typeof galleyArgs> | undefined;
  yargs(argv)
    .command('galley <article>', 'galley', (y) => y.positional('article', { type: 'string', demandOption: true }).options(GALLEY_OPTIONS), (a) => {
      got = galleyArgs(a.article, a);
    })
    .strict()
    .exitProcess(false)
    .parseSync();
  return got;
}

describe('galley quick start', () => {
  it('reads well-formed command lines as yargs does', () => {
    const lines = [
      ['galley', 'story.md'],
      ['galley', 'story.md', '--width', '11pc', '--font', 'f.ttf', '--size', '9', '--leading', '10.5'],
      ['galley', 'story.md', '--size=8.5', '-w', '60mm', '-o', 'out/g.pdf', '--text', 'g.txt', '-q'],
      ['galley', '--no-expansion', 'story.txt', '--lang', 'none', '--json', '-t', 'broadsheet'],
      ['galley', 'story.md', '--size', '.5', '--leading', '+12'],
    ];
    for (const argv of lines) {
      const quick = quickGalleyArgs(argv);
      expect(quick, argv.join(' ')).toBeDefined();
      expect(quick, argv.join(' ')).toEqual(throughYargs(argv));
    }
    expect(quickGalleyArgs(['galley', 'story.md'])).toMatchObject({ width: '48mm', lang: 'en-GB', expansion: true, template: 'tabloid', json: false, quiet: false });
    expect(quickGalleyArgs(['galley', 'story.md', '--size', '9'])?.size).toBe(9);
  });

  it('leaves help, mistakes and doubtful forms to yargs', () => {
    for (const argv of [
      ['build', 'story.md'],
      ['galley'],
      ['galley', 'a.md', 'b.md'],
      ['galley', 'story.md', '--help'],
      ['galley', 'story.md', '-h'],
      ['galley', 'story.md', '--version'],
      ['galley', 'story.md', '--bogus'],
      ['galley', 'story.md', '--lang', 'fr'],
      ['galley', 'story.md', '--size', 'nine'],
      ['galley', 'story.md', '--size', '9', '--size', '10'],
      ['galley', 'story.md', '--expansion', 'false'],
      ['galley', 'story.md', '--width'],
      ['galley', '--', '-odd name.md'],
    ]) {
      expect(quickGalleyArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
