// Bad input: a one-line error naming the file (and line and column), exit code 1, and the output folder untouched.
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { TEMPLATES, tempDir } from '../helpers.js';

/** Every file under a folder with its size and modification time: what "unchanged" means. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

const GOOD = '---\nheadline: Good story\n---\n\nA paragraph of copy.\n';

describe('bad input', () => {
  let out: string;
  let before: string[];
  let inputs: string;
  beforeAll(async () => {
    // An output folder holding an earlier good build, which no failed build may touch.
    inputs = tempDir({
      'good.md': GOOD,
      'empty.md': '',
      'blank.txt': '  \n\n\t \n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'latin1.txt': Buffer.concat([Buffer.from('Title - Paper\n\nHeadline\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' opens\n')]),
      'nobody.md': '---\nheadline: A headline and nothing else\n---\n\n',
      'nul.md': Buffer.concat([Buffer.from('---\nheadline: A stray byte\n---\n\nA paragraph'), Buffer.from([0]), Buffer.from(' of copy.\n')]),
    });
    out = mkdtempSync(join(tmpdir(), 'newsprint-out-'));
    const r = await cli('build', join(inputs, 'good.md'), '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    before = snapshot(out);
    expect(before.length).toBeGreaterThan(2);
  });

  const cases: [string, () => string[], RegExp][] = [
    ['an empty file', () => [join(inputs, 'empty.md')], /empty\.md(:1:1)?: error: .*empty/],
    ['a whitespace-only file', () => [join(inputs, 'blank.txt')], /blank\.txt(:1:1)?: error: .*(blank|white ?space)/i],
    ['a binary file', () => [join(inputs, 'binary.txt')], /binary\.txt(:\d+:\d+)?: error: .*binary/i],
    ['invalid UTF-8', () => [join(inputs, 'latin1.txt')], /latin1\.txt:5:4: error: .*UTF-8/],
    ['a missing file', () => [join(inputs, 'nowhere.md')], /nowhere\.md(:1:1)?: error: .*(not found|no such|missing|does not exist)/i],
    ['a headline but no body', () => [join(inputs, 'nobody.md')], /nobody\.md:\d+:\d+: error: .*body/i],
    ['a stray NUL byte, at its line and column', () => [join(inputs, 'nul.md')], /nul\.md:5:12: error: file is binary, not text: a NUL byte/],
  ];
  for (const [name, args, message] of cases) {
    it(`refuses ${name}`, async () => {
      const r = await cli('build', ...args(), '--out', out);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('  hint:'));
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      // Said in words about the file, never a JavaScript internal.
      expect(r.stderr).not.toMatch(/undefined|Cannot read|is not a function|TypeError|^\s+at /m);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it('refuses an unknown template name, listing the ones there are', async () => {
    const r = await cli('build', join(inputs, 'good.md'), '--out', out, '--template', 'broadsheet-deluxe');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown template “broadsheet-deluxe”/);
    expect(r.stderr).toMatch(/hint: available templates: .*tabloid/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a template with a syntax error, at its file, line and column', async () => {
    const set = mkdtempSync(join(tmpdir(), 'newsprint-tpl-'));
    cpSync(join(TEMPLATES, 'tabloid'), set, { recursive: true });
    const story = join(set, 'partials', 'story.hbs');
    const lines = readFileSync(story, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('{{story.headline}}', '{{story.headline}');
    writeFileSync(story, lines.join('\n'));
    const r = await cli('build', join(inputs, 'good.md'), '--out', out, '--template', set);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/partials\/story\.hbs:4:\d+: error: /);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a corrupt, missing or unsupported photo at the story line that placed it, before anything is written', async () => {
    const photo = readFileSync(join(TEMPLATES, '..', 'examples', 'sample-edition', 'images', 'harbour-wall.jpg'));
    const story = (src: string) => `---\nheadline: Storm damage\nimage:\n  src: ${src}\n  caption: The harbour wall\n---\n\nA paragraph of copy.\n`;
    const dir = tempDir({
      'broken.jpg': photo.subarray(0, Math.floor(photo.length / 3)),
      'words.jpg': 'not a photo at all\n',
      'photo.md': story('broken.jpg'),
      'missing.md': story('nowhere.jpg'),
      'words.md': story('words.jpg'),
    });
    // The image block's `src:` value is line 4, column 8 of each story.
    for (const [file, message] of [
      ['photo.md', /^.*photo\.md:4:8: error: photo cannot be read: .*broken\.jpg: /],
      ['missing.md', /^.*missing\.md:4:8: error: photo not found: .*nowhere\.jpg$/],
      ['words.md', /^.*words\.md:4:8: error: photo cannot be read: .*words\.jpg: .*unsupported image format/],
    ] as const) {
      const r = await cli('build', join(dir, file), '--out', out);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('  hint:')), r.stderr).toHaveLength(1);
      expect(r.stderr.split('\n')[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    // Rebuilding only the e-edition reads the photos as well: the same error, not an internal one.
    const ee = await cli('e-edition', join(dir, 'photo.md'), '--out', out);
    expect(ee.code, ee.stderr).toBe(1);
    expect(ee.stderr.split('\n')[0]).toMatch(/photo\.md:4:8: error: photo cannot be read: .*broken\.jpg/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a style sheet naming a font file that is not there, at its line', async () => {
    const set = mkdtempSync(join(tmpdir(), 'newsprint-tpl-'));
    cpSync(join(TEMPLATES, 'tabloid'), set, { recursive: true });
    const styles = join(set, 'styles.yaml');
    writeFileSync(styles, readFileSync(styles, 'utf8').replace('charis-sil/CharisSIL-Regular.ttf', 'charis-sil/CharisSIL-Missing.ttf'));
    const r = await cli('build', join(inputs, 'good.md'), '--out', out, '--template', set);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/CharisSIL-Missing\.ttf/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a plant profile with an impossible field, at its line, and an unknown plant', async () => {
    const profile = readFileSync(join(TEMPLATES, '..', 'plants', 'uk-tabloid.yaml'), 'utf8').replace('total-ink: 240%', 'total-ink: 520%');
    const dir = tempDir({ 'plant.yaml': profile });
    const line = profile.split('\n').findIndex((l) => l.startsWith('total-ink:')) + 1;
    const r = await cli('build', join(inputs, 'good.md'), '--out', out, '--plant', join(dir, 'plant.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`plant\\.yaml:${line}:\\d+: error: plant profile: total-ink must be`));
    const unknown = await cli('build', join(inputs, 'good.md'), '--out', out, '--plant', 'tabloyd');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown plant “tabloyd”/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses an unknown command-line option with exit code 2', async () => {
    const r = await cli('build', '--colour', 'red');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument/i);
  });

  it('refuses to lose copy: overset is an error naming the story, its source line and first lost words, nothing written', async () => {
    const para = 'The council said the work would go on through the winter and into the spring. ';
    const dir = tempDir({ 'long.md': `---\nheadline: A very long story\n---\n\n${Array.from({ length: 250 }, (_, i) => `${para.repeat(4)}(${i + 1})`).join('\n\n')}\n` });
    const o = mkdtempSync(join(tmpdir(), 'newsprint-long-'));
    const r = await cli('build', join(dir, 'long.md'), '--out', o);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/long\.md:\d+:1: error: overset on page \d+: \d+ lines \(\d+ words\) of story long do not fit, from “\w/);
    expect(r.stderr).toContain('--allow-overset');
    expect(readdirSync(o)).toEqual([]);
  });

  it('with --allow-overset, reports overset copy with its source line as a warning, and still writes the page', async () => {
    const para = 'The council said the work would go on through the winter and into the spring. ';
    const dir = tempDir({ 'long.md': `---\nheadline: A very long story\n---\n\n${Array.from({ length: 250 }, (_, i) => `${para.repeat(4)}(${i + 1})`).join('\n\n')}\n` });
    const o = mkdtempSync(join(tmpdir(), 'newsprint-long-'));
    const r = await cli('build', join(dir, 'long.md'), '--out', o, '--allow-overset');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/long\.md:\d+:1: warning: overset on page \d+: \d+ lines \(\d+ words\) of story long do not fit/);
    const report = JSON.parse(readFileSync(join(o, readdirSync(o)[0]!, 'report.json'), 'utf8'));
    const overset = report.findings.find((f: { code: string }) => f.code === 'layout/overset');
    const line = Number(/:(\d+):1$/.exec(overset.where)![1]);
    // The first overset line belongs to a paragraph that really is in the file at that line.
    expect(readFileSync(join(dir, 'long.md'), 'utf8').split('\n')[line - 1]).toMatch(/^The council said/);
  });
});
