// The root of a build (docs/edition-file.md, "Where files may be"): an edition reads stories, photos and adverts only
// inside its own folder or --root's. A symbolic link leading out, an absolute path or ../ out of the root is refused at
// the line that names it, with not a byte of the file in the message, and the output's previous edition is untouched.
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, expectOneLine } from './run.js';
import { digests, REPO, tempDir, tree } from '../helpers.js';

const SAMPLE = join(REPO, 'examples', 'sample-edition');
/** A line of the file outside the root: it must never reach the terminal. */
const SECRET = 'SECRET-LINE-7Q2X the contents of a file outside the root';

let base: string;
let paper: string;
let out: string;
let goodPdfs: Map<string, Buffer>;
let before: string[];

/** The paper's edition file with `lines` as its one page's stories and adverts. */
function edition(name: string, ...page: string[]): string {
  const file = join(paper, name);
  writeFileSync(file, ['version: 1', 'publication: { name: The Vale Gazette, code: TVG }', 'date: 2026-12-08',
    'e-edition: { formats: [jpeg], sizes: { thumbnail: 64, page: 400, zoom: 1000 } }', 'pages:', '  - template: front', '    section: News', ...page, ''].join('\n'));
  return file;
}

/** Builds into the output folder that holds the good edition; the build must fail and leave it byte for byte. */
async function refused(file: string, message: RegExp, ...extra: string[]): Promise<string> {
  const r = await cli('build', file, '--out', out, ...extra);
  expectOneLine(r, 1, message);
  expect(r.stderr).not.toContain('SECRET');
  expect(digests(out)).toEqual(before);
  return r.stderr;
}

beforeAll(async () => {
  base = tempDir();
  paper = join(base, 'paper');
  for (const d of ['stories', 'images', 'ads']) cpSync(join(SAMPLE, d), join(paper, d), { recursive: true });
  // Outside the paper's folder: a story, a photo and an advert of someone else's.
  const outside = join(base, 'elsewhere');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), `---\nheadline: ${SECRET}\n---\n\n${SECRET}.\n`);
  copyFileSync(join(SAMPLE, 'images', 'care-home.jpg'), join(outside, 'secret.jpg'));
  copyFileSync(join(SAMPLE, 'ads', 'car-dealer.pdf'), join(outside, 'secret.pdf'));
  symlinkSync(join(outside, 'secret.md'), join(paper, 'stories', 'linked.md'));
  symlinkSync(join(outside, 'secret.jpg'), join(paper, 'images', 'linked.jpg'));
  symlinkSync(join(outside, 'secret.pdf'), join(paper, 'ads', 'linked.pdf'));
  symlinkSync(outside, join(paper, 'linked-folder'));
  // The good edition, built once: every refusal below must leave it as it is.
  out = join(base, 'out');
  const good = await cli('build', edition('good.yaml', '    stories: [stories/harbour-wall.md]', '    ads: [{ file: ads/car-dealer.pdf, size: 3x6cm }]'), '--out', out);
  expect(good.code, good.stderr).toBe(0);
  before = digests(out);
  goodPdfs = tree(out);
}, 300_000);

describe('the root of an edition', () => {
  it('a story outside it is refused at the line naming it: by symbolic link, by absolute path, by ../, by a linked folder', async () => {
    const cases: [string, RegExp][] = [
      ['stories/linked.md', /story\.yaml:8:15: error: story file stories\/linked\.md is a symbolic link leading outside the edition’s folder \(its root\)/],
      [join(base, 'elsewhere', 'secret.md'), /story\.yaml:8:15: error: story file \/.*\/elsewhere\/secret\.md is outside the edition’s folder \(its root\)/],
      ['../elsewhere/secret.md', /story\.yaml:8:15: error: story file \.\.\/elsewhere\/secret\.md is outside the edition’s folder \(its root\)/],
      ['linked-folder/secret.md', /story\.yaml:8:15: error: story file linked-folder\/secret\.md is (a symbolic link leading )?outside the edition’s folder/],
    ];
    for (const [path, message] of cases) {
      const stderr = await refused(edition('story.yaml', `    stories: [${path}]`), message);
      expect(stderr).toMatch(/hint: an edition reads files only inside its root: \/.*\/paper\n/);
      expect(stderr).toMatch(/hint: put the file beside the edition, or give --root DIR naming a folder that holds both/);
    }
    // The same path, overmatter or page, is refused alike.
    await refused(edition('overmatter.yaml', '    stories: [stories/harbour-wall.md]', 'overmatter: [../elsewhere/secret.md]'), /overmatter\.yaml:9:14: error: story file \.\.\/elsewhere\/secret\.md is outside/);
  });

  it('a photo outside it is refused at the story’s line: by symbolic link, by absolute path, by ../ and by file: address', async () => {
    const cases: [string, RegExp][] = [
      ['../images/linked.jpg', /photo \.\.\/images\/linked\.jpg is a symbolic link leading outside the edition’s folder \(its root\)/],
      [join(base, 'elsewhere', 'secret.jpg'), /photo \/.*\/elsewhere\/secret\.jpg is outside the edition’s folder \(its root\)/],
      ['../../elsewhere/secret.jpg', /photo \.\.\/\.\.\/elsewhere\/secret\.jpg is outside the edition’s folder/],
      [`file://${join(base, 'elsewhere', 'secret.jpg')}`, /photo file:\/\/\/.*\/elsewhere\/secret\.jpg is outside the edition’s folder/],
    ];
    for (const [src, message] of cases) {
      writeFileSync(join(paper, 'stories', 'pier.md'), `---\nheadline: Pier lights switched on\nsection: News\n---\n\n![The pier at dusk](${src})\n\nThe pier’s new lights were switched on last night by the mayor.\n`);
      const stderr = await refused(edition('photo.yaml', '    stories: [stories/pier.md]'), new RegExp(`stories/pier\\.md:6:1: error: ${message.source}`));
      expect(stderr).toMatch(/hint: an edition reads files only inside its root/);
    }
  });

  it('an advert outside it is refused at its file: by symbolic link, by absolute path and by ../, booked or house', async () => {
    const cases: [string, RegExp][] = [
      ['ads/linked.pdf', /advert file ads\/linked\.pdf is a symbolic link leading outside/],
      [join(base, 'elsewhere', 'secret.pdf'), /advert file \/.*\/elsewhere\/secret\.pdf is outside/],
      ['../elsewhere/secret.pdf', /advert file \.\.\/elsewhere\/secret\.pdf is outside/],
    ];
    for (const [path, message] of cases) {
      await refused(edition('advert.yaml', '    stories: [stories/harbour-wall.md]', `    ads: [{ file: ${path}, size: 3x6cm }]`), new RegExp(`advert\\.yaml:9:19: error: ${message.source}`));
      await refused(edition('house.yaml', '    stories: [stories/harbour-wall.md]', `house-ads: [{ file: ${path}, size: 3x6cm }]`), new RegExp(`house\\.yaml:9:21: error: ${message.source}`));
    }
  });

  it('--root widens the root for a shared tree: an edition in editions/ naming ../stories/ builds with it, and nothing outside it is read', async () => {
    mkdirSync(join(paper, 'editions'), { recursive: true });
    const shared = edition(join('editions', 'shared.yaml'), '    stories: [../stories/harbour-wall.md]', '    ads: [{ file: ../ads/car-dealer.pdf, size: 3x6cm }]');
    const without = await refused(shared, /shared\.yaml:8:15: error: story file \.\.\/stories\/harbour-wall\.md is outside the edition’s folder \(its root\)/);
    expect(without).toMatch(/give --root DIR naming a folder that holds both/);
    const dir = join(base, 'shared-out');
    const r = await cli('build', shared, '--root', paper, '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    // The same pages as the edition beside its stories: the root changes what may be read, not what is made.
    const built = tree(join(dir, 'the-vale-gazette-2026-12-08'));
    const good = [...goodPdfs.keys()].filter((k) => k.endsWith('.pdf') && k.includes('/print/pages/'));
    expect(good.length).toBeGreaterThan(0);
    for (const k of good) expect(built.get(k.replace(/^the-vale-gazette-2026-12-08\//, ''))?.equals(goodPdfs.get(k)!), k).toBe(true);
    // A link inside the wider root that leads out of it is still refused.
    await refused(edition(join('editions', 'linked.yaml'), '    stories: [../stories/linked.md]'), /linked\.yaml:8:15: error: story file \.\.\/stories\/linked\.md is a symbolic link leading outside the root/, '--root', paper);
    const missing = await cli('build', shared, '--root', join(base, 'no-such-folder'), '--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--root .*no-such-folder: no such folder/);
  });

  it('an article named on the command line reads photos only inside its own folder, or --root', async () => {
    const top = tempDir({ 'desk/story.md': `---\nheadline: Pier lights switched on\n---\n\n![The pier](../elsewhere.jpg)\n\nThe pier’s new lights were switched on.\n` });
    const dir = join(top, 'desk');
    copyFileSync(join(SAMPLE, 'images', 'care-home.jpg'), join(top, 'elsewhere.jpg'));
    const r = await cli('galley', join(dir, 'story.md'), '--out', join(dir, 'g.pdf'));
    expectOneLine(r, 1, /story\.md:5:1: error: photo \.\.\/elsewhere\.jpg is outside the article’s folder \(its root\)/);
    expect(r.stderr).toMatch(/hint: put the file beside the article, or give --root DIR/);
    // The file named on the command line itself may be anywhere.
    const ok = await cli('galley', join(dir, 'story.md'), '--out', join(dir, 'g.pdf'), '--root', top, '--quiet');
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('an edition built over one of the same paper and date from another edition file says so (a warning), and a rebuild of the same file does not', async () => {
    const dir = join(base, 'replaced');
    const page = ['    stories: [stories/harbour-wall.md]'];
    const first = await cli('build', edition('first.yaml', ...page), '--out', dir, '--formats', 'jpeg');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/output\/replaced|replaces it/);
    const late = await cli('build', edition('late.yaml', ...page), '--out', dir, '--formats', 'jpeg');
    expect(late.code, late.stderr).toBe(0);
    expect(late.stderr).toMatch(/late\.yaml:1:1: warning: .*replaced\/the-vale-gazette-2026-12-08\/ held The Vale Gazette of 2026-12-08 built from .*first\.yaml: this build from .*late\.yaml replaces it/);
    const report = JSON.parse(readFileSync(join(dir, 'the-vale-gazette-2026-12-08', 'report.json'), 'utf8'));
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('output/replaced');
    const again = await cli('build', join(paper, 'late.yaml'), '--out', dir, '--formats', 'jpeg');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/replaces it/);
  });
});
