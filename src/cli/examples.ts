// The examples each command's --help shows. Every one runs as written from the newsprint folder (a clone, or the
// installed package): the paths are the repository's own examples, fonts and output. test/cli/first-hour.test.ts runs
// them all, in this order, in one folder (the e-edition and preflight examples use what the build examples wrote).
export const EXAMPLES = {
  build: [
    ['$0 build', 'Build the sample edition (8 pages) into output/'],
    ['$0 build examples/editions/gazette-pool.yaml --root examples --out proofs', 'Another paper’s edition, its pages filled from its overmatter, in proofs/'],
    ['$0 build examples/editions/berliner.yaml --root examples --plant berliner --proof', 'A Berliner paper’s edition, its adverts booked on the Berliner grid, with a desk proof'],
    ['$0 build examples/editions/broadsheet.yaml --root examples --plant broadsheet', 'A broadsheet paper’s edition, on the broadsheet plant (PDF/X-4, sections of 8)'],
    ['$0 build examples/editions/long-read.yaml --out queued --queue redis://127.0.0.1:6379', 'An edition built by the workers of a queue (start one with newsprint worker), in queued/'],
  ],
  'e-edition': [
    ['$0 e-edition --base-url https://courier.example/e-edition/2026-11-26/', 'The sample edition’s e-edition again, for its published address'],
    ['$0 e-edition examples/editions/gazette-pool.yaml --root examples --out proofs --formats jpeg', 'JPEG renditions only'],
  ],
  galley: [
    ['$0 galley examples/sample-edition/stories/harbour-wall.md', 'Galley at 48 mm in the template’s body style, to output/galley/harbour-wall.pdf'],
    ['$0 galley examples/sample-edition/stories/harbour-wall.md --width 11pc --font fonts/liberation-serif/LiberationSerif-Regular.ttf --size 9 --leading 10.5', 'Copyfit in another face and measure'],
  ],
  preflight: [
    ['$0 preflight examples/sample-edition/ads/garden-centre.pdf --ad 5x12cm', 'Check an advertiser’s PDF against its booking: 5 columns, 12 cm deep'],
    ['$0 preflight examples/editions/ads/berliner/garden-centre.pdf --ad 6x14cm --plant berliner', 'The same advertiser’s advert made for the Berliner grid, against its booking there'],
    ['$0 preflight output/the-wexcombe-courier-2026-11-26/print/the-wexcombe-courier-2026-11-26.pdf', 'Check a plant file against the default plant (uk-tabloid)'],
    ['$0 preflight output/the-wexcombe-courier-2026-11-26/print/pages/*.pdf --json', 'Check the page files of a build, findings as JSON'],
  ],
  preview: [
    ['$0 preview', 'The sample edition at http://127.0.0.1:4321/'],
    ['$0 preview examples/editions/gazette-pool.yaml --root examples --port 4322', 'Another edition, live, on another port'],
  ],
  plan: [
    ['$0 plan', 'The sample edition’s flatplan, and output/the-wexcombe-courier-2026-11-26-plan.png'],
    ['$0 plan examples/editions/gazette-pool.yaml --root examples --out wall.png', 'Another edition’s overview, for the wall'],
  ],
  worker: [['$0 worker --queue redis://127.0.0.1:6379 --root .', 'Build queued editions, their paths relative to this folder, until Ctrl-C']],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

/** Widest line of an example's command before it is folded with a backslash, characters. */
const FOLD = 88;

/**
 * A command's examples as its help shows them (yargs' own table would wrap a long command mid-path): each description,
 * then its command on lines of its own, folded at spaces with a trailing backslash so that it still pastes into a
 * shell whole.
 */
export function examplesText(command: keyof typeof EXAMPLES): string {
  const out = ['Examples:'];
  for (const [cmd, what] of EXAMPLES[command]) {
    out.push(`  ${what}:`);
    const words = cmd.replace('$0', 'newsprint').split(' ');
    let line = '    ';
    for (const w of words) {
      if (line.trim() && line.length + 1 + w.length > FOLD) {
        out.push(`${line} \\`);
        line = `      ${w}`;
      } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
    }
    out.push(line);
  }
  return out.join('\n');
}
