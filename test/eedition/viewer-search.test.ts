// Search in the e-edition viewer: the shipped search.js over the shipped MiniSearch (in Node, on stories written
// here), the words of a jumped story's pages, and the viewer in Debian's headless Chromium from file://, out of a
// real build of the eight-page sample edition.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import type { Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRun, Page } from '../../src/core/index.js';
import type { EEditionManifest, ManifestArticle, ManifestPage } from '../../src/export/eedition/manifest.js';
import { pageWords, viewerFiles } from '../../src/export/eedition/viewer.js';
import { launchChromium, openWatched, seriousViolations, type LaunchedBrowser, type Opened } from '../browser.js';
import { cli } from '../cli/run.js';
import { FULL_SAMPLE_EDITION } from '../helpers.js';
import { readPdf, words as pdfWords } from '../pdf-reader.js';

// ---- Editions written here: a story is a headline and paragraphs, on the pages given.

/** A story of plain paragraphs on the given pages, a region a page. */
function story(id: string, headline: string, paragraphs: string[], pages: number[] = [1]): ManifestArticle {
  return {
    id,
    headline,
    kicker: null,
    standfirst: null,
    byline: null,
    date: null,
    section: null,
    view: `articles/${id}.html`,
    pages,
    regions: pages.map((page) => ({ page, x: 20, y: 40, w: 300, h: 200 })),
    images: [],
    blocks: paragraphs.map((text) => ({ type: 'p' as const, runs: [{ text }] })),
  };
}

/** An edition of the stories, with as many pages as they reach (no renditions: search does not look at them). */
function edition(articles: ManifestArticle[]): EEditionManifest {
  const count = Math.max(...articles.flatMap((a) => a.pages));
  const pages: ManifestPage[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    label: `Page ${i + 1}`,
    section: null,
    width: 793.7,
    height: 1218.9,
    renditions: { thumbnail: [], page: [], zoom: [] },
    tiles: { dir: `tiles/page-0${i + 1}`, id: '', width: 3000, height: 4607, tileSize: 512, scaleFactors: [1], format: 'jpg' },
    articles: articles.filter((a) => a.pages[0] === i + 1).map((a) => a.id),
    adverts: [],
  }));
  const e = { slug: 'test', publication: 'The Test', date: '2026-11-26', dateLong: 'Thursday, 26 November 2026', issue: null, language: 'en-GB' as const };
  return { version: 1, generator: 'newsprint', edition: e, baseUrl: 'http://localhost/', iiif: 'iiif/manifest.json', pages, articles };
}

interface Hit {
  article: string;
  page: number;
  pages: number[];
  headline: { text: string; mark: boolean }[];
  snippet: { text: string; mark: boolean }[];
}
interface Search {
  took: number;
  searchable(query: string): boolean;
  search(query: string): Hit[];
}

/** The viewer's search as it ships: MiniSearch and search.js from the viewer's files, run as the browser runs them. */
function searchOf(m: EEditionManifest, words: Record<string, Record<number, string>> = {}): Search {
  const files = viewerFiles(m, []);
  const context: { performance: Performance; NewsprintSearch?: { create(m: EEditionManifest, words: unknown): Search } } = { performance };
  runInNewContext(`${String(files.get('viewer/minisearch.js'))}\n${String(files.get('viewer/search.js'))}`, context);
  return context.NewsprintSearch!.create(m, words);
}

const ids = (hits: Hit[]) => hits.map((h) => h.article);
const marks = (pieces: { text: string; mark: boolean }[]) => pieces.filter((p) => p.mark).map((p) => p.text);
const plain = (pieces: { text: string; mark: boolean }[]) => pieces.map((p) => p.text).join('');

describe('the search (search.js over MiniSearch)', () => {
  const stories = [
    story('new-cafe', 'Café opens on Quay Street', ['The owners of the new café say they will bake their own bread every morning.']),
    story('old-cafe', 'Seafront cafe to close', ['After forty years the seafront cafe will serve its last pot of tea on Sunday.']),
    story('harbour', 'Storm breaches sea wall', ['Waves broke through the harbour wall on Sunday night.', 'The council says the accommodation for boat owners is safe.']),
    story('library', 'Harbour library to cut its hours', ['The library beside the harbour will open four days a week.']),
    story('encyclopaedia', 'School gets a new encyclopædia', ['Pupils chose the encyclopædia themselves.']),
    story('cat', 'Cat found on roof', ['A cat spent two nights on the roof of the chapel.']),
    story('noel', 'Noël Coward revival at the Regal', ['The Regal stages a comedy by Noël Coward in January.']),
  ];
  const s = searchOf(edition(stories));

  it('finds a word with or without its accents, in any case', () => {
    for (const q of ['cafe', 'café', 'CAFÉ', 'Cafe']) expect(ids(s.search(q)).sort(), q).toEqual(['new-cafe', 'old-cafe']);
    expect(ids(s.search('encyclopaedia'))).toEqual(['encyclopaedia']);
    // A short word with the accent inside: neither a typo forgiven nor a prefix finds it, only the folding.
    expect(ids(s.search('noel'))).toEqual(['noel']);
    expect(marks(s.search('noel')[0]!.snippet)).toEqual(['Noël']);
  });

  it('finds words from their first three letters, forgives a typo in a longer word but not in a short one, and wants two letters at least', () => {
    expect(ids(s.search('harb')).sort()).toEqual(['harbour', 'library']);
    expect(ids(s.search('harbor')).sort()).toEqual(['harbour', 'library']);
    expect(ids(s.search('accomodation'))).toEqual(['harbour']);
    // "cot" is one letter from "cat", but a three-letter word is given no typo.
    expect(s.search('cot')).toEqual([]);
    expect(s.searchable('h')).toBe(false);
    expect(s.search('h')).toEqual([]);
    expect(s.searchable('ha')).toBe(true);
  });

  it('needs every word of the query, and puts a story with the word in its headline first', () => {
    expect(ids(s.search('harbour wall'))).toEqual(['harbour']);
    // Both have "harbour" once in the text; the library has it in its headline as well.
    expect(ids(s.search('harbour'))[0]).toBe('library');
  });

  it('gives a snippet of the paragraph with the word, the found words marked and … where it is cut', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`);
    long[20] = 'lighthouse';
    const one = searchOf(edition([story('long', 'A long story', ['An opening paragraph without it.', long.join(' ') + '.'])]));
    const [hit] = one.search('lighthouse');
    expect(marks(hit!.snippet)).toEqual(['lighthouse']);
    const text = plain(hit!.snippet);
    expect(text.startsWith('… word')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.split(' ').filter((w) => w.startsWith('word')).length).toBeLessThan(30);
    expect(marks(hit!.headline)).toEqual([]);

    // Found in the headline only: the headline's word is marked, the snippet is the story's opening words.
    const [head] = s.search('breaches');
    expect(marks(head!.headline)).toEqual(['breaches']);
    expect(plain(head!.snippet)).toBe('Waves broke through the harbour wall on Sunday night.');
    expect(marks(head!.snippet)).toEqual([]);
  });

  it('opens a story on two pages at the page its words are on', () => {
    const jumped = story('bridge', 'Bridge to shut for a year', ['Engineers found cracks in the arches last spring.', 'Insurers have asked for a second survey before any work begins.'], [1, 5]);
    const words = { bridge: { 1: 'Bridge to shut for a year Engineers found cracks in the ar- ches arches last spring.', 5: 'Bridge to shut for a year Continued from page 1 Insurers have asked for a second survey before any work begins.' } };
    const j = searchOf(edition([jumped, story('other', 'Other news', ['Nothing here.'], [2])]), words);
    expect(j.search('insurers').map((h) => h.page)).toEqual([5]);
    expect(j.search('cracks').map((h) => h.page)).toEqual([1]);
    // On both pages (the continuation repeats the headline): its first page.
    expect(j.search('bridge').map((h) => h.page)).toEqual([1]);
    expect(j.search('insurers')[0]!.pages).toEqual([1, 5]);
    expect(marks(j.search('survey')[0]!.snippet)).toEqual(['survey']);
    // Without the words of its pages a hit opens the story's first page.
    expect(searchOf(edition([jumped])).search('insurers').map((h) => h.page)).toEqual([1]);
  });
});

/** A run of a story's text on a page, at a baseline (the rest of a glyph run does not matter to the words). */
const run = (article: string, text: string, y: number): GlyphRun =>
  ({ kind: 'glyphs', x: 0, y, font: 'f', size: 9, text, glyphs: [], width: 0, wordSpacing: 0, tracking: 0, hscale: 1, color: [0, 0, 0, 100], tag: { article, role: 'P', block: 10 } }) as GlyphRun;
const laidOut = (number: number, items: GlyphRun[]): Page => ({ number, width: 793.7, height: 1218.9, frame: { width: 793.7, height: 1218.9, items }, articles: [] });

describe('the words on each page of a jumped story (index.html)', () => {
  const m = edition([story('bridge', 'Bridge to shut', ['x'], [1, 3]), story('cat', 'Cat found', ['y'], [2])]);
  const pages = [
    laidOut(1, [run('bridge', 'Engineers found instal-', 100), run('cat', 'not this story', 100), run('bridge', 'lations cracked </script>', 110)]),
    laidOut(2, [run('cat', 'A cat on a roof', 100)]),
    laidOut(3, [run('bridge', 'Continued from page 1', 100), run('bridge', 'Insurers want a survey', 110)]),
  ];

  it('are the runs tagged with the story on each of its pages, a word broken at a line’s end also whole; a story on one page has none', () => {
    const words = pageWords(m, pages);
    expect(Object.keys(words)).toEqual(['bridge']);
    expect(words.bridge![1]).toBe('Engineers found instal- installations lations cracked </script>');
    expect(words.bridge![3]).toBe('Continued from page 1 Insurers want a survey');
  });

  it('go into index.html as JSON that no story’s text can end early', () => {
    const html = String(viewerFiles(m, pages).get('index.html'));
    const json = /<script type="application\/json" id="page-words">(.*?)<\/script>/s.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(JSON.parse(json!)).toEqual(pageWords(m, pages));
    expect(html.match(/<\/script>/g)).toHaveLength(6); // five scripts and the JSON, each closed once
  });

  it('ship MiniSearch’s browser build as its npm package has it, with its licence, and load it before search.js and the viewer', () => {
    const files = viewerFiles(m, pages);
    const require = createRequire(import.meta.url);
    const umd = join(require.resolve('minisearch'), '..', '..', 'umd', 'index.js');
    expect(files.get('viewer/minisearch.js')).toBe(readFileSync(umd, 'utf8'));
    expect(String(files.get('viewer/minisearch-LICENSE.txt'))).toMatch(/^Copyright .* Luca Ongaro/);
    expect(String(files.get('viewer/minisearch-LICENSE.txt'))).toMatch(/Permission is hereby granted, free of charge/);
    const scripts = [...String(files.get('index.html')).matchAll(/<script src="([^"]+)"/g)].map((x) => x[1]);
    expect(scripts).toEqual(['manifest.js', 'viewer/openseadragon.min.js', 'viewer/minisearch.js', 'viewer/search.js', 'viewer/viewer.js']);
  });
});

// ---- The viewer in Chromium, on the eight-page sample.

let out: string;
let dir: string;
let m: EEditionManifest;
let pdfPages: Set<string>[];
let chromium: LaunchedBrowser;

/** Words as a reader types them: lower case, no accents. */
const fold = (w: string) => w.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
const wordsOf = (text: string) => (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map(fold);
const runsText = (runs: readonly { text: string }[]) => runs.map((r) => r.text).join('');

/** Every word of a story as the manifest has it: headline, kicker, standfirst, byline, text, captions. */
function storyWords(a: ManifestArticle): string[] {
  const parts = [a.headline, a.kicker ?? '', a.standfirst ?? '', a.byline?.name ?? '', a.byline?.role ?? '', ...a.images.map((i) => i.caption ?? '')];
  for (const b of a.blocks) {
    if (b.type === 'list') parts.push(...b.items.map(runsText));
    else if (b.type !== 'image') parts.push(runsText(b.runs));
  }
  return parts.flatMap(wordsOf);
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'newsprint-search-'));
  const r = await cli('build', FULL_SAMPLE_EDITION, '--out', out, '--quiet', '--formats', 'jpeg');
  expect(r.code, r.stderr).toBe(0);
  const edition = join(out, 'the-wexcombe-courier-2026-11-26');
  dir = join(edition, 'e-edition');
  expect(existsSync(join(dir, 'manifest.js')), 'the build wrote e-edition/manifest.js').toBe(true);
  m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as EEditionManifest;
  // The print PDF read back with pdf.js: which words the press prints on each page, whole (not broken at a line's end).
  const pdf = readdirSync(join(edition, 'print')).find((f) => f.endsWith('.pdf'))!;
  pdfPages = (await readPdf(join(edition, 'print', pdf))).text.map((items) => new Set(pdfWords(items).flatMap(wordsOf)));
  chromium = await launchChromium();
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});


/** Opens the viewer from file:// and waits until it says which page it shows. */
async function openViewer(hash = ''): Promise<Opened> {
  const opened = await openWatched(chromium, pathToFileURL(join(dir, 'index.html')).href + hash);
  await opened.page.locator('#status:not(:empty)').waitFor();
  return opened;
}

const box = (page: BrowserPage) => page.getByRole('searchbox', { name: 'Search this edition' });
const said = (page: BrowserPage) => page.locator('#search-status').textContent();
const hitsOf = (page: BrowserPage) => page.getByRole('list', { name: 'Search results' }).getByRole('link');
const hitFor = (page: BrowserPage, a: ManifestArticle) => page.locator(`#search-results a.hit[data-article="${a.id}"]`);
const statusOf = (page: BrowserPage) => page.locator('#status').textContent();
/** The story of the zone on the page that has the focus, or null when the focus is not on a zone. */
const focusedZone = (page: BrowserPage) => page.evaluate(() => (document.activeElement?.matches('#page-view .zone') ? (document.activeElement as HTMLElement).dataset.article : null));

/**
 * The viewer's view of the page, in OpenSeadragon's viewport units (the page's width is 1), and the box of a story's
 * regions on the page in the same units: page points ÷ the page's width in points.
 */
async function viewOf(page: BrowserPage) {
  return page.evaluate(() => {
    const osd = (window as unknown as { OpenSeadragon: { getViewer(e: Element): { viewport: { getBounds(current: boolean): { x: number; y: number; width: number; height: number }; getZoom(current: boolean): number; getHomeZoom(): number } } } }).OpenSeadragon;
    const v = osd.getViewer(document.getElementById('page-view')!).viewport;
    const b = v.getBounds(true);
    return { x: b.x, y: b.y, w: b.width, h: b.height, zoom: v.getZoom(true), home: v.getHomeZoom() };
  });
}
function regionBox(a: ManifestArticle, n: number) {
  const width = m.pages.find((p) => p.number === n)!.width;
  const rs = a.regions.filter((r) => r.page === n);
  const x = Math.min(...rs.map((r) => r.x));
  const y = Math.min(...rs.map((r) => r.y));
  return { x: x / width, y: y / width, w: (Math.max(...rs.map((r) => r.x + r.w)) - x) / width, h: (Math.max(...rs.map((r) => r.y + r.h)) - y) / width };
}
const contains = (v: { x: number; y: number; w: number; h: number }, r: { x: number; y: number; w: number; h: number }) =>
  v.x <= r.x + 1e-6 && v.y <= r.y + 1e-6 && v.x + v.w >= r.x + r.w - 1e-6 && v.y + v.h >= r.y + r.h - 1e-6;

/**
 * Waits until the view holds the story's regions on page n and is fitted to them: in one direction it shows little
 * more than the story (its padding is 12 pt a side, 0.03 of the page's width), not the whole page round it.
 */
async function zoomedTo(page: BrowserPage, a: ManifestArticle, n: number) {
  const want = regionBox(a, n);
  const fitted = (v: { x: number; y: number; w: number; h: number }) => contains(v, want) && Math.min(v.w - want.w, v.h - want.h) < 0.1;
  await expect.poll(async () => fitted(await viewOf(page)), { timeout: 10_000, message: `the view is fitted to ${a.id} on page ${n}` }).toBe(true);
  return { view: await viewOf(page), want };
}

/** A word of the sample that the manifest and the print PDF both have on page n only, in one story: that story and the word. */
function wordOnlyOn(n: number): { word: string; story: ManifestArticle } {
  const byStory = new Map(m.articles.map((a) => [a.id, new Set(storyWords(a))]));
  const onPage = (p: number) => new Set(m.articles.filter((a) => a.pages.includes(p)).flatMap((a) => [...byStory.get(a.id)!]));
  const elsewhere = new Set(m.pages.filter((p) => p.number !== n).flatMap((p) => [...onPage(p.number)]));
  const candidates = [...onPage(n)]
    .filter((w) => /^[a-z]{6,}$/.test(w) && !elsewhere.has(w) && pdfPages[n - 1]!.has(w))
    .filter((w) => m.articles.filter((a) => byStory.get(a.id)!.has(w)).length === 1)
    .sort();
  const word = candidates[0] ?? expect.fail(`the sample has a word on page ${n} only`);
  return { word, story: m.articles.find((a) => byStory.get(a.id)!.has(word))! };
}

describe('search in the e-edition viewer, opened from file://', () => {
  it('finds a word that is only on page 3: the hit names the story and page 3, and opens page 3 zoomed to the story with the focus on it', async () => {
    const { word, story } = wordOnlyOn(3);
    expect(story.pages).toEqual([3]);
    const { page, requests, failed, errors } = await openViewer();
    await box(page).fill(word);
    await expect.poll(() => said(page)).toMatch(/^\d+ stor(y|ies) found for “.+”\.$/);
    expect(await said(page)).toContain(`“${word}”`);
    const hit = hitFor(page, story);
    expect(await hit.locator('.hit-headline').textContent()).toBe(story.headline);
    expect(await hit.locator('.hit-page').textContent()).toBe('Page 3');
    // Its name, as a screen reader says it: the headline, then the page.
    expect(await page.getByRole('link', { name: `${story.headline} Page 3`, exact: true }).count()).toBe(1);
    // The found word is marked in the snippet, as the reader typed it give or take case.
    const marked = await page.locator(`#${(await hit.getAttribute('aria-describedby'))!} mark`).allTextContents();
    expect(marked.map(fold)).toContain(word);

    await hit.click();
    await expect.poll(() => statusOf(page)).toBe(`Page 3 of ${m.pages.length}`);
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('button').nth(2).getAttribute('aria-current')).toBe('page');
    expect(new URL(page.url()).hash).toBe(`#article=${story.id}`);
    const { view, want } = await zoomedTo(page, story, 3);
    // Zoomed in: a story smaller than half the page is shown larger than the whole page shows it.
    if (want.w * want.h < 0.5 * (m.pages[2]!.height / m.pages[2]!.width)) expect(view.zoom).toBeGreaterThan(view.home * 1.05);
    // The focus is on the story's zone, which is picked out; Enter would open it.
    expect(await focusedZone(page)).toBe(story.id);
    expect(await page.locator(`#page-view .zone[data-article="${story.id}"]`).first().getAttribute('class')).toContain('zone-selected');
    // Offline: nothing from the network, nothing missing, no script error.
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says “No results” for a word the edition does not have, and lists nothing', async () => {
    const { page } = await openViewer();
    const nothing = 'qzxqvjwkfy';
    expect(m.articles.some((a) => storyWords(a).includes(nothing))).toBe(false);
    await box(page).fill(nothing);
    await expect.poll(() => said(page)).toBe(`No results for “${nothing}”.`);
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
    expect(await hitsOf(page).count()).toBe(0);
    await page.close();
  });

  it('can be used with the keyboard alone: Tab to the box, Enter searches, ↓ to the hits, Escape clears, Enter on a hit opens it', async () => {
    const { word, story } = wordOnlyOn(3);
    const { page } = await openViewer();
    let tabs = 0;
    while (!(await box(page).evaluate((e) => e === document.activeElement)) && tabs++ < 20) await page.keyboard.press('Tab');
    expect(tabs, 'Tab reaches the search box').toBeLessThan(20);
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page)).toContain(`found for “${word}”`);
    expect(await hitsOf(page).count()).toBeGreaterThan(0);

    // ↓ goes to the first hit, which shows its focus; Escape empties the box and the list and goes back to the box.
    await page.keyboard.press('ArrowDown');
    expect(await hitsOf(page).first().evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await hitsOf(page).first().evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Escape');
    expect(await box(page).inputValue()).toBe('');
    expect(await box(page).evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await hitsOf(page).count()).toBe(0);
    expect(await said(page)).toBe('');

    // Again, and down the list to the story's hit; Enter opens it.
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');
    await expect.poll(() => hitsOf(page).count()).toBeGreaterThan(0);
    const order = await hitsOf(page).evaluateAll((links) => links.map((l) => (l as HTMLElement).dataset.article));
    for (let i = 0; i <= order.indexOf(story.id); i++) await page.keyboard.press('ArrowDown');
    expect(await hitFor(page, story).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(page)).toBe(`Page 3 of ${m.pages.length}`);
    await zoomedTo(page, story, 3);
    await expect.poll(() => focusedZone(page)).toBe(story.id);
    // Enter on the focused zone opens the story.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith(story.view));
    await page.close();
  });

  it('opens a jumped story at the page with the words found: its continuation for a word set there, its first page for one set there', async () => {
    const jumped = m.articles.find((a) => a.pages.length > 1) ?? expect.fail('the sample edition has a story that jumps');
    const [first, second] = jumped.pages as [number, number];
    // A word said once in the story, printed whole on one of its pages and not on the other.
    const own = storyWords(jumped);
    const once = (w: string) => /^[a-z]{6,}$/.test(w) && own.filter((x) => x === w).length === 1 && m.articles.every((a) => a === jumped || !storyWords(a).includes(w));
    const on = (n: number, not: number) => own.filter((w) => once(w) && pdfPages[n - 1]!.has(w) && !pdfPages[not - 1]!.has(w)).sort()[0] ?? expect.fail(`a word of ${jumped.id} on page ${n} only`);

    const { page } = await openViewer();
    await box(page).fill(on(second, first));
    const later = hitFor(page, jumped);
    await expect.poll(() => later.locator('.hit-page').textContent()).toBe(`Page ${second} (continued from page ${first})`);
    await later.click();
    await expect.poll(() => statusOf(page)).toBe(`Page ${second} of ${m.pages.length}`);
    await zoomedTo(page, jumped, second);
    // The continuation has its zone on its page, and the address opens it there again.
    await expect.poll(() => focusedZone(page)).toBe(jumped.id);
    expect(new URL(page.url()).hash).toBe(`#article=${jumped.id}&page=${second}`);
    await page.reload();
    await expect.poll(() => statusOf(page)).toBe(`Page ${second} of ${m.pages.length}`);

    await box(page).fill(on(first, second));
    const earlier = hitFor(page, jumped);
    await expect.poll(() => earlier.locator('.hit-page').textContent()).toBe(`Page ${first} (continued on page ${second})`);
    await earlier.click();
    await expect.poll(() => statusOf(page)).toBe(`Page ${first} of ${m.pages.length}`);
    await zoomedTo(page, jumped, first);
    await page.close();
  });

  it('fits a phone: the box and the hits fit the width, and a hit brings the zoomed page into sight', async () => {
    const { word, story } = wordOnlyOn(3);
    const { page } = await openViewer();
    await page.setViewportSize({ width: 360, height: 740 });
    await box(page).fill(word);
    await expect.poll(() => hitsOf(page).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await hitFor(page, story).click();
    await zoomedTo(page, story, 3);
    const view = (await page.locator('#page-view').boundingBox())!;
    expect(view.y).toBeGreaterThanOrEqual(-1);
    expect(view.y + view.height).toBeLessThanOrEqual(740 + 1);
    await page.close();
  });
});

describe('accessibility of search (axe-core)', () => {
  it('finds no serious or critical violation with hits listed and with none found', async () => {
    const { page } = await openViewer();
    await box(page).fill('council');
    await expect.poll(() => hitsOf(page).count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await box(page).fill('qzxqvjwkfy');
    await expect.poll(() => said(page)).toMatch(/^No results/);
    expect(await seriousViolations(page)).toEqual([]);
    // The check can fail: a search box without its label is one a screen reader cannot name.
    await page.locator('label[for="search-input"]').evaluate((l) => l.remove());
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('label');
    await page.close();
  });
});
