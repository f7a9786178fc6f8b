// The e-edition's archive files for the eight-page sample edition (its lead jumps from page 1 to page 5): an ALTO 4.4
// file a page and the issue's METS, checked with xmllint against the schemas, read back with a real XML parser and
// held against the copy, the files on disk and the page images.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Edition } from '../../src/core/index.js';
import { buildEdition, editionFromFile } from '../../src/publish/index.js';
import { loadTemplateSet } from '../../src/template/index.js';
import { cli, expectOneLine } from '../cli/run.js';
import { elements, HAVE_SCHEMAS, parseXml, SCHEMA_SKIP, SCHEMAS, type El } from './archive-helpers.js';
import { FONTS, FULL_SAMPLE_EDITION, TEMPLATES } from '../helpers.js';

let out: string;
let dir: string;
let ee: string;
let edition: Edition;
let mets: El;
const altos = new Map<string, El>();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'newsprint-archive-'));
  edition = editionFromFile(FULL_SAMPLE_EDITION);
  const r = await buildEdition({ edition, templates: loadTemplateSet('tabloid', TEMPLATES), fontsDir: FONTS, outDir: out });
  dir = r.dir;
  ee = join(dir, 'e-edition');
  mets = parseXml(readFileSync(join(ee, 'mets.xml'), 'utf8'));
  for (const f of readdirSync(join(ee, 'alto'))) altos.set(`alto/${f}`, parseXml(readFileSync(join(ee, 'alto', f), 'utf8')));
}, 240_000);

/** The METS's files by ID: their href (relative to mets.xml) and what it says of them. */
function metsFiles(): Map<string, { href: string; group: string; attrs: Readonly<Record<string, string>> }> {
  const files = new Map<string, { href: string; group: string; attrs: Readonly<Record<string, string>> }>();
  for (const grp of elements(mets, 'mets:fileGrp')) {
    for (const f of grp.children.filter((c) => c.name === 'mets:file')) files.set(f.attrs['ID']!, { href: f.children[0]!.attrs['xlink:href']!, group: grp.attrs['ID']!, attrs: f.attrs });
  }
  return files;
}

/** The element of an ALTO file with that ID. */
function byId(alto: El, id: string): El | undefined {
  let hit: El | undefined;
  const walk = (e: El) => {
    if (e.attrs['ID'] === id) hit = e;
    if (!hit) e.children.forEach(walk);
  };
  walk(alto);
  return hit;
}

/** An ARTICLE div of the logical map: its parts (HEADING, BODY…) and their ALTO areas, as file and block. */
function articleDivs(): { label: string; dmd: string; parts: { type: string; areas: { file: string; begin: string }[] }[] }[] {
  const logical = elements(mets, 'mets:structMap').find((s) => s.attrs['TYPE'] === 'LOGICAL')!;
  return elements(logical, 'mets:div')
    .filter((d) => d.attrs['TYPE'] === 'ARTICLE')
    .map((d) => ({
      label: d.attrs['LABEL']!,
      dmd: d.attrs['DMDID']!,
      parts: d.children.filter((c) => c.name === 'mets:div').map((p) => ({ type: p.attrs['TYPE']!, areas: elements(p, 'mets:area').map((a) => ({ file: a.attrs['FILEID']!, begin: a.attrs['BEGIN']! })) })),
    }));
}

/** The words of ALTO blocks as a reader gets them back: a word broken across lines once, whole (its SUBS_CONTENT). */
function wordsOf(blocks: readonly El[]): string[] {
  return blocks.flatMap((b) =>
    elements(b, 'String')
      .filter((s) => s.attrs['SUBS_TYPE'] !== 'HypPart2')
      .map((s) => (s.attrs['SUBS_TYPE'] === 'HypPart1' ? s.attrs['SUBS_CONTENT']! : s.attrs['CONTENT']!)),
  );
}

/** The article's body as its copy has it, word by word. */
/**
 * The printed words without a pull quote: the story's own quotation set again in the flow (a run from a word opening
 * “ to one closing ”), when taking it out leaves the copy. Otherwise the words as printed.
 */
function withoutPullQuote(printed: string[], copy: string[]): string[] {
  if (printed.length <= copy.length) return printed;
  for (let i = 0; i < printed.length; i++) {
    if (!printed[i]!.startsWith('“')) continue;
    for (let j = i; j < printed.length && j < i + 40; j++) {
      if (!printed[j]!.endsWith('”')) continue;
      const rest = [...printed.slice(0, i), ...printed.slice(j + 1)];
      if (rest.length === copy.length && rest.every((w, k) => w === copy[k])) return rest;
    }
  }
  return printed;
}

function copyWords(a: Article): string[] {
  const text = a.body.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.map((r) => r.text).join('')) : 'runs' in b ? [b.runs.map((r) => r.text).join('')] : []));
  return text.join(' ').split(/\s+/u).filter(Boolean);
}

describe('ALTO and METS files', () => {
  it('writes alto/page-NN.xml for every page and mets.xml in the e-edition', () => {
    expect([...altos.keys()].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `alto/page-0${i + 1}.xml`));
    expect(existsSync(join(ee, 'mets.xml'))).toBe(true);
  });

  it.skipIf(!HAVE_SCHEMAS)(`every ALTO file and mets.xml are valid against ALTO 4.4 and METS 1.12.1 (xmllint --schema; ${SCHEMA_SKIP})`, () => {
    const lint = (schema: string, files: string[]) => spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, schema), ...files], { encoding: 'utf8' });
    const alto = lint('alto-4-4.xsd', [...altos.keys()].map((f) => join(ee, f)));
    expect(alto.error, 'xmllint (Debian libxml2-utils) must be installed').toBeUndefined();
    expect(alto.status, alto.stderr).toBe(0);
    expect(alto.stderr.match(/ validates$/gm)).toHaveLength(8);
    const m = lint('mets-1-12-1.xsd', [join(ee, 'mets.xml')]);
    expect(m.status, m.stderr).toBe(0);
  });

  it('measures the page in tenths of a millimetre: the uk-tabloid trim is 280 × 430 mm', () => {
    for (const [, alto] of altos) {
      expect(elements(alto, 'MeasurementUnit')[0]!.text).toBe('mm10');
      const page = elements(alto, 'Page')[0]!;
      expect([page.attrs['WIDTH'], page.attrs['HEIGHT']]).toEqual(['2800', '4300']);
      // Every block lies on the page.
      for (const tb of elements(alto, 'TextBlock')) {
        expect(Number(tb.attrs['HPOS'])).toBeGreaterThanOrEqual(0);
        expect(Number(tb.attrs['HPOS']) + Number(tb.attrs['WIDTH'])).toBeLessThanOrEqual(2800);
        expect(Number(tb.attrs['VPOS']) + Number(tb.attrs['HEIGHT'])).toBeLessThanOrEqual(4300);
      }
    }
  });

  it('names the page image it describes, and every String refers to a TextStyle with the font’s family and size', () => {
    for (const [file, alto] of altos) {
      const image = elements(alto, 'fileName')[0]!.text;
      expect(existsSync(normalize(join(ee, 'alto', image))), `${file}: ${image}`).toBe(true);
      const styles = new Map(elements(alto, 'TextStyle').map((s) => [s.attrs['ID']!, s.attrs]));
      for (const s of elements(alto, 'String')) {
        const style = styles.get(s.attrs['STYLEREFS']!);
        expect(style, `${file}: ${s.attrs['CONTENT']}`).toBeDefined();
        expect(['Charis SIL', 'Roboto Condensed', 'Roboto Condensed Light', 'Gamaliel']).toContain(style!['FONTFAMILY']);
        expect(Number(style!['FONTSIZE'])).toBeGreaterThan(5);
      }
    }
    // Body text is Charis SIL at 9 pt; headlines are Roboto Condensed Bold.
    const front = elements(altos.get('alto/page-01.xml')!, 'TextStyle').map((s) => s.attrs);
    expect(front).toContainEqual(expect.objectContaining({ FONTFAMILY: 'Charis SIL', FONTSIZE: '9' }));
    expect(front).toContainEqual(expect.objectContaining({ FONTFAMILY: 'Roboto Condensed', FONTSTYLE: 'bold' }));
  });

  it('holds every word of every article’s body, in order, in the blocks the METS gives the article', () => {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    // Every word of the copy is printed, but for stories the composer cut from the end (where the desk allowed it):
    // of those, every word of the paragraphs it kept.
    const trimmed = new Map<string, number>(report.pages.flatMap((p: { composition?: { trimmed: { article: string; blocks: number }[] } }) => p.composition?.trimmed ?? []).map((t: { article: string; blocks: number }) => [t.article, t.blocks]));
    const files = metsFiles();
    const headlines = new Map([...edition.articles.values()].map((a) => [a.headline, a]));
    const divs = articleDivs();
    expect(divs.length).toBe(new Set(report.pages.flatMap((p: { articles: string[] }) => p.articles)).size);
    let checked = 0;
    for (const div of divs) {
      const article = headlines.get(div.label);
      expect(article, div.label).toBeDefined();
      const body = div.parts.filter((p) => p.type === 'BODY').flatMap((p) => p.areas);
      const blocks = body.map((a) => {
        const el = byId(altos.get(files.get(a.file)!.href)!, a.begin);
        expect(el?.name, `${a.file} ${a.begin}`).toBe('TextBlock');
        return el!;
      });
      const cut = trimmed.get(article!.id) ?? 0;
      const copy = copyWords(cut ? { ...article!, body: article!.body.slice(0, article!.body.length - cut) } : article!);
      // List items are printed with a bullet, which is not in the copy.
      const printed = withoutPullQuote(wordsOf(blocks).filter((w) => w !== '•'), copy);
      expect(printed, article!.id).toEqual(copy);
      checked += copy.length;
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('reads a drop cap as the first letter of its word, the word’s box holding the cap', () => {
    const lead = edition.articles.get('school-expansion')!;
    const div = articleDivs().find((d) => d.label === lead.headline)!;
    const area = div.parts.find((p) => p.type === 'BODY')!.areas[0]!;
    expect(area.file).toBe('ALTO00001');
    // The first word of the lead's first paragraph, its first letter a drop cap over three lines.
    const s = elements(byId(altos.get('alto/page-01.xml')!, area.begin)!, 'String')[0]!;
    expect(s.attrs['CONTENT']).toBe(copyWords(lead)[0]);
    // The cap spans three body lines: the word is as tall as about three lines (10.5 pt each, 37 mm10).
    expect(Number(s.attrs['HEIGHT'])).toBeGreaterThan(2 * 37);
  });
});

describe('hyphenation in the ALTO', () => {
  it('puts HYP at each line end the breaker hyphenated, and the word’s parts as HypPart1 and HypPart2 of the whole word', () => {
    let hyps = 0;
    for (const [file, alto] of altos) {
      const lines = elements(alto, 'TextLine');
      lines.forEach((tl, i) => {
        const strings = tl.children.filter((c) => c.name === 'String');
        const hyp = tl.children.find((c) => c.name === 'HYP');
        const last = strings[strings.length - 1]!;
        if (!hyp) {
          // Without a HYP, a first piece ends with the copy's own hyphen (a compound) or is an address.
          if (last.attrs['SUBS_TYPE'] === 'HypPart1') expect(last.attrs['SUBS_CONTENT']!.startsWith(last.attrs['CONTENT']!)).toBe(true);
          return;
        }
        hyps++;
        expect(tl.children[tl.children.length - 1], `${file} ${tl.attrs['ID']}`).toBe(hyp);
        expect(hyp.attrs['CONTENT']).toBe('-');
        expect(last.attrs['SUBS_TYPE']).toMatch(/^HypPart[12]$/);
        // The rest is the first word of the next line of the same block (the next TextLine of the ALTO, or on the
        // continuation's page for the last line before a jump: not the case in this edition).
        expect(lines[i + 1], `${file}: the line after ${tl.attrs['ID']}`).toBeDefined();
        const next = lines[i + 1]!.children.find((c) => c.name === 'String')!;
        expect(next.attrs['SUBS_TYPE']).toBe('HypPart2');
        expect(next.attrs['SUBS_CONTENT']).toBe(last.attrs['SUBS_CONTENT']);
        expect(last.attrs['CONTENT']! + next.attrs['CONTENT']!).toBe(last.attrs['SUBS_CONTENT']);
        // The copy has the whole word, without a hyphen in it.
        expect(last.attrs['SUBS_CONTENT']).not.toMatch(/-/);
      });
    }
    expect(hyps).toBeGreaterThan(20);
  });
});

describe('word boxes on the page image', () => {
  /** A String's box in pixels of the page's full-size image. */
  const pixels = (s: El, scale: number) => ({ left: Math.floor(Number(s.attrs['HPOS']) * scale), top: Math.floor(Number(s.attrs['VPOS']) * scale), right: Math.ceil((Number(s.attrs['HPOS']) + Number(s.attrs['WIDTH'])) * scale), bottom: Math.ceil((Number(s.attrs['VPOS']) + Number(s.attrs['HEIGHT'])) * scale) });

  it('covers the ink of a known word: dark pixels inside its box, none in the spaces either side of it', async () => {
    const alto = altos.get('alto/page-01.xml')!;
    const image = join(ee, 'alto', elements(alto, 'fileName')[0]!.text);
    const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
    const scale = info.width / 2800; // pixels per tenth of a millimetre
    const dark = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = Math.max(0, y0); y < Math.min(info.height, y1); y++) for (let x = Math.max(0, x0); x < Math.min(info.width, x1); x++) if (data[y * info.width + x]! < 128) n++;
      return n;
    };
    // Words in the middle of lines: of the lead's headline and of the harbour story's body.
    const lines = elements(alto, 'TextLine').filter((tl) => tl.children.filter((c) => c.name === 'String').length >= 3);
    const targets = ['Academy', 'harbour'].map((w) => {
      const line = lines.find((tl) => tl.children.slice(1, -1).some((c) => c.name === 'String' && c.attrs['CONTENT'] === w))!;
      expect(line, w).toBeDefined();
      return { line, word: line.children.findIndex((c) => c.name === 'String' && c.attrs['CONTENT'] === w) };
    });
    for (const { line, word } of targets) {
      const kids = line.children;
      const s = kids[word]!;
      const b = pixels(s, scale);
      const area = (b.right - b.left) * (b.bottom - b.top);
      // Ink inside: type covers between a tenth and a half of its box.
      const inside = dark(b.left, b.top, b.right, b.bottom);
      expect(inside / area, s.attrs['CONTENT']).toBeGreaterThan(0.08);
      // The word spaces either side (SP), inset a pixel, hold no ink: nothing of the word lies outside its box.
      for (const sp of [kids[word - 1]!, kids[word + 1]!]) {
        expect(sp.name).toBe('SP');
        const x0 = Math.ceil(Number(sp.attrs['HPOS']) * scale) + 1;
        const x1 = Math.floor((Number(sp.attrs['HPOS']) + Number(sp.attrs['WIDTH'])) * scale) - 1;
        expect(x1 - x0, s.attrs['CONTENT']).toBeGreaterThan(1);
        expect(dark(x0, b.top, x1, b.bottom), `space by ${s.attrs['CONTENT']}`).toBe(0);
      }
    }
  });
});

describe('METS', () => {
  it('lists every page image, ALTO file and plant PDF with its real size and SHA-256', () => {
    const files = metsFiles();
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    for (const [, f] of files) {
      const path = normalize(join(ee, f.href));
      expect(existsSync(path), f.href).toBe(true);
      expect(f.attrs['CHECKSUMTYPE']).toBe('SHA-256');
      expect(f.attrs['CHECKSUM'], f.href).toBe(sha(path));
      expect(Number(f.attrs['SIZE'])).toBe(readFileSync(path).length);
    }
    const hrefs = (group: string) => [...files.values()].filter((f) => f.group === group).map((f) => relative(dir, normalize(join(ee, f.href))));
    expect(hrefs('ALTOGRP')).toEqual([...altos.keys()].map((k) => `e-edition/${k}`));
    // The plant files: the edition and each page, as the build wrote them.
    const plant = [`print/${edition.slug}.pdf`, ...readdirSync(join(dir, 'print', 'pages')).sort().map((f) => `print/pages/${f}`)];
    expect(hrefs('PDFGRP')).toEqual(plant);
    expect(hrefs('PDFGRP')[1]).toBe('print/pages/WXC_20261126_P01.pdf');
    // One image a page: the full-size rendition the ALTO names.
    expect(hrefs('IMGGRP')).toEqual([...altos.values()].map((a) => relative(dir, normalize(join(ee, 'alto', elements(a, 'fileName')[0]!.text)))));
  });

  it('maps the issue to its pages in order, each with its image, ALTO and plant PDF', () => {
    const files = metsFiles();
    const physical = elements(mets, 'mets:structMap').find((s) => s.attrs['TYPE'] === 'PHYSICAL')!;
    const pages = elements(physical, 'mets:div').filter((d) => d.attrs['TYPE'] === 'PAGE');
    expect(pages.map((p) => p.attrs['ORDER'])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    pages.forEach((p, i) => {
      const groups = p.children.filter((c) => c.name === 'mets:fptr').map((f) => files.get(f.attrs['FILEID']!)!);
      expect(groups.map((g) => g.group)).toEqual(['IMGGRP', 'ALTOGRP', 'PDFGRP']);
      expect(groups[1]!.href).toBe(`alto/page-0${i + 1}.xml`);
    });
  });

  it('has one ARTICLE a story, the jumped one with its areas on both its pages, each area an ID in that page’s ALTO', () => {
    const files = metsFiles();
    const divs = articleDivs();
    const labels = divs.map((d) => d.label);
    expect(new Set(labels).size).toBe(labels.length);
    const lead = edition.articles.get('school-expansion')!;
    const jumped = divs.filter((d) => d.label === lead.headline);
    expect(jumped).toHaveLength(1);
    const pagesOf = (d: (typeof divs)[number]) => [...new Set(d.parts.flatMap((p) => p.areas.map((a) => files.get(a.file)!.href)))];
    expect(pagesOf(jumped[0]!)).toEqual(['alto/page-01.xml', 'alto/page-05.xml']);
    // Its body runs on from page 1 into page 5.
    const body = jumped[0]!.parts.find((p) => p.type === 'BODY')!.areas.map((a) => a.file);
    expect(body[0]).toBe('ALTO00001');
    expect(body[body.length - 1]).toBe('ALTO00005');
    for (const d of divs) {
      expect(d.parts.map((p) => p.type)).toContain('HEADING');
      expect(d.parts.map((p) => p.type)).toContain('BODY');
      for (const a of d.parts.flatMap((p) => p.areas)) expect(byId(altos.get(files.get(a.file)!.href)!, a.begin), `${d.label}: ${a.begin}`).toBeDefined();
    }
    // The page's adverts are there too.
    const logical = elements(mets, 'mets:structMap').find((s) => s.attrs['TYPE'] === 'LOGICAL')!;
    expect(elements(logical, 'mets:div').filter((d) => d.attrs['TYPE'] === 'ADVERTISEMENT').length).toBe(6);
  });

  it('describes the issue in MODS: title, date issued, issue number and publisher', () => {
    const issue = elements(mets, 'mets:dmdSec').find((d) => d.attrs['ID'] === 'MODSMD_ISSUE1')!;
    expect(elements(issue, 'mods:title')[0]!.text).toBe('The Wexcombe Courier');
    expect(elements(issue, 'mods:dateIssued')[0]!.text).toBe('2026-11-26');
    expect(elements(issue, 'mods:number')[0]!.text).toBe('7412');
    expect(elements(issue, 'mods:publisher')[0]!.text).toBe('The Wexcombe Courier');
    // Each article's MODS has its headline.
    for (const d of articleDivs()) {
      const dmd = elements(mets, 'mets:dmdSec').find((s) => s.attrs['ID'] === d.dmd)!;
      expect(elements(dmd, 'mods:title')[0]!.text).toBe(d.label);
    }
  });
});

describe('newsprint e-edition', () => {
  it('writes mets.xml again from the plant files on disk, the same bytes', async () => {
    const before = readFileSync(join(ee, 'mets.xml'));
    const r = await cli('e-edition', FULL_SAMPLE_EDITION, '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(ee, 'mets.xml')).equals(before)).toBe(true);
  }, 240_000);

  it('stops with one error naming a missing plant file, and leaves the e-edition as it was', async () => {
    const page3 = join(dir, 'print', 'pages', 'WXC_20261126_P03.pdf');
    rmSync(page3);
    const before = readFileSync(join(ee, 'mets.xml'));
    const r = await cli('e-edition', FULL_SAMPLE_EDITION, '--out', out);
    expectOneLine(r, 1, /error: .*WXC_20261126_P03\.pdf: the plant file of page 3 is not there/);
    expect(r.stderr).toMatch(/hint: run newsprint build/);
    expect(readFileSync(join(ee, 'mets.xml')).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 240_000);
});
