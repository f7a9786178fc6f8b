// Plant profiles: the shipped ones load with the geometry and limits they document; a broken one is refused with file:line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mm, toMm } from '../../src/core/index.js';
import { listPlants, loadPlant, pageFileName, parsePlant, plantGeometry, PLANTS_DIR } from '../../src/plant/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

const TABLOID = readFileSync(join(PLANTS_DIR, 'uk-tabloid.yaml'), 'utf8');
/** The tabloid profile with one line replaced (matched by its key), as a file beside the shipped ICC profile. */
function variant(key: string, line: string | null): string {
  const lines = TABLOID.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (i < 0) throw new Error(`no ${key} line`);
  if (line === null) lines.splice(i, 1);
  else lines[i] = line;
  return lines.join('\n');
}
const parse = (text: string) => parsePlant('plants/test.yaml', text, PLANTS_DIR);

describe('shipped plant profiles', () => {
  it('are uk-tabloid, berliner and broadsheet', () => {
    expect(listPlants()).toEqual(['berliner', 'broadsheet', 'uk-tabloid']);
  });

  it('uk-tabloid is 280 × 430 mm, five 48 mm columns, PDF/X-1a:2001, no bleed, 240 % ink, sections of 4', () => {
    const p = loadPlant('uk-tabloid');
    expect(toMm(p.trim.width)).toBeCloseTo(280, 6);
    expect(toMm(p.trim.height)).toBeCloseTo(430, 6);
    const g = plantGeometry(p);
    const measure = (g.width - g.margin.inner - g.margin.outer - g.gutter * (g.columns - 1)) / g.columns;
    expect(toMm(measure)).toBeCloseTo(48, 6);
    expect(p).toMatchObject({ pdfx: 'X-1a:2001', bleed: 0, marks: false, totalInk: 240, pageMultiple: 4, images: { minimum: 150, target: 200 } });
    expect(p.outputCondition.profile).toMatch(/snap-tr002-newsprint\.icc$/);
  });

  it('berliner is 315 × 470 mm in six columns; broadsheet 381 × 578 mm in seven, as PDF/X-4', () => {
    const b = loadPlant('berliner');
    expect([toMm(b.trim.width), toMm(b.trim.height), b.columns]).toEqual([expect.closeTo(315, 6), expect.closeTo(470, 6), 6]);
    const s = loadPlant('broadsheet');
    expect([toMm(s.trim.width), toMm(s.trim.height), s.columns, s.pdfx]).toEqual([expect.closeTo(381, 6), expect.closeTo(578, 6), 7, 'X-4']);
  });

  it('loads a profile given by path', () => {
    const dir = tempDir({ 'my-plant.yaml': TABLOID.replace('profile: snap-tr002-newsprint.icc', 'profile: snap-tr002-newsprint.icc') });
    expect(loadPlant(join(dir, 'my-plant.yaml')).trim.width).toBeCloseTo(mm(280), 6);
  });
});

describe('a broken plant profile', () => {
  it('names an unknown plant and lists the shipped ones', () => {
    const d = diagnosticOf(() => loadPlant('tabloyd'));
    expect(d.message).toMatch(/unknown plant “tabloyd”/);
    expect(d.hints?.join(' ')).toMatch(/uk-tabloid/);
  });

  it('a missing field: the field and the file', () => {
    const d = diagnosticOf(() => parse(variant('total-ink', null)));
    expect(d.printed).toMatch(/^plants\/test\.yaml:\d+:\d+: error: plant profile: total-ink is required/);
  });

  it('a length without a unit, at its line', () => {
    const d = diagnosticOf(() => parse(variant('gutter', 'gutter: 4')));
    const line = variant('gutter', 'gutter: 4').split('\n').findIndex((l) => l.startsWith('gutter:')) + 1;
    expect(d.span).toMatchObject({ file: 'plants/test.yaml', line });
    expect(d.message).toMatch(/gutter must be a length with a unit/);
  });

  it('impossible values: too many columns for the page, an ink limit of 500 %, minimum above target resolution', () => {
    expect(diagnosticOf(() => parse(variant('columns', 'columns: 12'))).message).toMatch(/too narrow to set text/);
    expect(diagnosticOf(() => parse(variant('total-ink', 'total-ink: 500%'))).message).toMatch(/total-ink must be the total ink limit: a percentage from 150 to 400/);
    expect(diagnosticOf(() => parse(variant('images', 'images: { minimum: 300ppi, target: 200ppi }'))).message).toMatch(/minimum must be at most the target/);
  });

  it('an unknown PDF/X flavour, a missing ICC profile, a file name without {page}', () => {
    expect(diagnosticOf(() => parse(variant('pdfx', 'pdfx: X-3'))).message).toMatch(/pdfx must be “X-1a:2001” or “X-4”/);
    expect(diagnosticOf(() => parse(TABLOID.replace('profile: snap-tr002-newsprint.icc', 'profile: nowhere.icc'))).message).toMatch(/profile must be an ICC profile file/);
    expect(diagnosticOf(() => parse(variant('file-name', 'file-name: "{code}_{date}.pdf"'))).message).toMatch(/with \{page\} in it/);
  });

  it('an unknown key, with the known ones as a hint', () => {
    const d = diagnosticOf(() => parse(`${TABLOID}\ntrapping: yes\n`));
    expect(d.message).toMatch(/unknown key "trapping"/);
    expect(d.hints?.join(' ')).toMatch(/total-ink/);
  });
});

describe('page file names', () => {
  it('follow the pattern: code, date, padded page number, section', () => {
    expect(pageFileName('{code}_{date}_P{page:2}.pdf', { code: 'COV', date: '2020-09-11', page: 1 })).toBe('COV_20200911_P01.pdf');
    expect(pageFileName('{code}-{yyyy}-{mm}-{dd}-{page:3}.pdf', { code: 'WXC', date: '2026-11-26', page: 12 })).toBe('WXC-2026-11-26-012.pdf');
    expect(pageFileName('{code}_{date}_{section}_{page:2}.pdf', { code: 'WXC', date: '2026-11-26', page: 3, section: 'Sport & Leisure' })).toBe('WXC_20261126_sport-leisure_03.pdf');
  });
});
