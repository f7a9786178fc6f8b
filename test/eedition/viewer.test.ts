// The e-edition viewer and article view in Debian's headless Chromium, opened from file:// out of a real build of the sample edition.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EEditionManifest, ManifestArticle, TextRun } from '../../src/export/eedition/manifest.js';
import { articlePage, viewerFiles } from '../../src/export/eedition/viewer.js';
import { launchChromium, openWatched, seriousViolations, type LaunchedBrowser, type Opened } from '../browser.js';
import { cli } from '../cli/run.js';
import { SAMPLE_EDITION } from '../helpers.js';

let out: string;
let dir: string;
let m: EEditionManifest;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'newsprint-eedition-'));
  const r = await cli('build', SAMPLE_EDITION, '--out', out, '--quiet');
  expect(r.code, r.stderr).toBe(0);
  dir = join(out, 'the-wexcombe-courier-2026-11-26', 'e-edition');
  expect(existsSync(join(dir, 'manifest.js')), 'the build wrote e-edition/manifest.js').toBe(true);
  m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as EEditionManifest;
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Opens a file of an e-edition folder (the built one unless told) from file://, with a fragment if given. */
const open = (file = 'index.html', hash = '', folder = dir): Promise<Opened> => openWatched(chromium, pathToFileURL(join(folder, file)).href + hash);

/** Opens the viewer and waits until it says which page it shows. */
async function openViewer(hash = '', folder = dir): Promise<Opened> {
  const opened = await open('index.html', hash, folder);
  await opened.page.locator('#status:not(:empty)').waitFor();
  return opened;
}

const statusOf = (page: Page) => page.getByRole('status').textContent();
const thumbnails = (page: Page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('button');
const zone = (page: Page, a: ManifestArticle) => page.locator('#page-view').getByRole('link', { name: a.headline, exact: true });
const article = (id: string): ManifestArticle => m.articles.find((a) => a.id === id) ?? expect.fail(`no article ${id} in the manifest`);
const articlesOn = (n: number): ManifestArticle[] => m.pages.find((p) => p.number === n)!.articles.map(article);
const text = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The share of the page view's pixels that are ink (dark) and paper (light): zero ink means no page is drawn. */
async function inkAndPaper(page: Page): Promise<{ ink: number; paper: number }> {
  const shot = await page.locator('#page-view').screenshot();
  const { data, info } = await sharp(shot).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  let paper = 0;
  for (const v of data) {
    if (v < 96) ink++;
    else if (v > 240) paper++;
  }
  const n = info.width * info.height;
  return { ink: ink / n, paper: paper / n };
}

/**
 * Where the page is drawn on the screen, found in a screenshot of the page view: the box of the white paper on the
 * grey desk, in CSS pixels of the browser's window.
 */
async function drawnPage(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const view = (await page.locator('#page-view').boundingBox())!;
  const { data, info } = await sharp(await page.locator('#page-view').screenshot()).greyscale().raw().toBuffer({ resolveWithObject: true });
  // The desk is the view's corner; paper is clearly lighter than it.
  const desk = data[2 * info.width + 2]!;
  const paper = (x: number, y: number) => data[y * info.width + x]! > desk + 12;
  const count = (n: number, at: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(at).length;
  // The first and last index that pass, leaving out the view's outermost pixels (they blend with what is beside it).
  const span = (n: number, at: (i: number) => boolean) => {
    const hits = Array.from({ length: n - 4 }, (_, i) => i + 2).filter(at);
    return [hits[0]!, hits[hits.length - 1]!] as const;
  };
  // Columns: paper down most of the view's height. Rows: paper across most of those columns.
  const [left, right] = span(info.width, (x) => count(info.height, (y) => paper(x, y)) > info.height / 2);
  const [top, bottom] = span(info.height, (y) => count(right - left + 1, (i) => paper(left + i, y)) > (right - left + 1) / 2);
  return { x: view.x + left, y: view.y + top, width: right - left + 1, height: bottom - top + 1 };
}

describe('the e-edition viewer, opened from file://', () => {
  it('shows page 1 drawn from its tiles, a thumbnail a page, the article zones named by their headlines, and fetches nothing from the network', async () => {
    const { page, requests, failed, errors } = await openViewer();
    expect(await statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    expect(await page.title()).toContain(m.edition.publication);
    expect(await page.title()).toContain(m.edition.dateLong);

    // A thumbnail a page, named by its label, the first marked as the page shown.
    const thumbs = thumbnails(page);
    expect(await thumbs.count()).toBe(m.pages.length);
    for (const [i, p] of m.pages.entries()) {
      await expect.poll(() => thumbs.nth(i).evaluate((b) => (b.querySelector('img') as HTMLImageElement).naturalWidth), { message: `thumbnail of ${p.label}` }).toBeGreaterThan(0);
      expect(await thumbs.nth(i).getAttribute('aria-current')).toBe(i === 0 ? 'page' : null);
      await expect(page.getByRole('button', { name: p.label, exact: true }).count()).resolves.toBe(1);
    }

    // The page itself, drawn from its tiles: ink on paper, every tile found.
    await expect.poll(async () => (await inkAndPaper(page)).ink, { timeout: 10_000, message: 'ink of page 1 on screen' }).toBeGreaterThan(0.01);
    expect((await inkAndPaper(page)).paper).toBeGreaterThan(0.2);
    expect(requests.filter((u) => /\/tiles\/page-01\/[^/]+\/[^/]+\/0\/default\.jpg$/.test(u)).length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

    // A zone over each story, where the story is on the page as drawn: page points × the drawn page's pixels a point.
    // OpenSeadragon's opening zoom settles: wait until the drawn page stops moving.
    let drawn = await drawnPage(page);
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(250);
      const next = await drawnPage(page);
      const still = (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(next[k] - drawn[k]) < 0.25);
      drawn = next;
      if (still && i >= 3) break;
    }
    const p1 = m.pages[0]!;
    expect(drawn.width / drawn.height).toBeCloseTo(p1.width / p1.height, 1);
    // Each axis on its own scale: the page's edge where it meets the view's edge is found to within a pixel or two.
    const scale = drawn.width / p1.width;
    const scaleY = drawn.height / p1.height;
    for (const a of articlesOn(1)) {
      const link = zone(page, a);
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(a.view);
      const box = (await link.boundingBox())!;
      const r = a.regions.find((g) => g.page === 1)!;
      const want = { x: drawn.x + r.x * scale, y: drawn.y + r.y * scaleY, width: r.w * scale, height: r.h * scaleY };
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(box[k] - want[k]), `zone of ${a.id}: ${k} ${box[k]} on screen, ${want[k]} on the drawn page`).toBeLessThan(3);
    }
    await page.close();
  });

  it('moves to page 2 with the keyboard: its thumbnail becomes the current one, the live region says so, the address follows', async () => {
    const { page } = await openViewer();
    const live = page.getByRole('status');
    expect(await live.getAttribute('role')).toBe('status'); // polite live region: read out when it changes
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => statusOf(page)).toBe(`Page 2 of ${m.pages.length}`);
    expect(await thumbnails(page).nth(1).getAttribute('aria-current')).toBe('page');
    expect(await thumbnails(page).nth(0).getAttribute('aria-current')).toBeNull();
    expect(new URL(page.url()).hash).toBe('#page=2');
    for (const a of articlesOn(2)) await zone(page, a).waitFor();
    for (const a of articlesOn(1)) expect(await zone(page, a).count()).toBe(0);

    await page.keyboard.press('PageDown');
    await expect.poll(() => statusOf(page)).toBe(`Page 3 of ${m.pages.length}`);
    await page.keyboard.press('End');
    await expect.poll(() => statusOf(page)).toBe(`Page ${m.pages.length} of ${m.pages.length}`);
    expect(await page.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('PageUp');
    await expect.poll(() => statusOf(page)).toBe(`Page ${m.pages.length - 1} of ${m.pages.length}`);
    await page.keyboard.press('Home');
    await expect.poll(() => statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    await page.keyboard.press('ArrowLeft');
    expect(await statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    expect(await page.getByRole('button', { name: 'Previous page' }).getAttribute('aria-disabled')).toBe('true');

    // The buttons do the same.
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => statusOf(page)).toBe(`Page 2 of ${m.pages.length}`);
    await page.getByRole('button', { name: m.pages[2]!.label, exact: true }).click();
    await expect.poll(() => statusOf(page)).toBe(`Page 3 of ${m.pages.length}`);
    await page.close();
  });

  it('leaves the arrow keys to the zoomed page while it has the focus (they pan it), but PageDown still turns the page', async () => {
    const { page } = await openViewer();
    await expect.poll(async () => (await inkAndPaper(page)).ink, { timeout: 10_000 }).toBeGreaterThan(0.01);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(1000);
    const before = await page.locator('#page-view').screenshot();
    await page.locator('#page-view .openseadragon-canvas').focus();
    // Held down: the browser repeats the key, and every repeat is the page's, not a page turn.
    for (let i = 0; i < 8; i++) await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    await page.waitForTimeout(1000);
    expect(await statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    expect(Buffer.compare(before, await page.locator('#page-view').screenshot())).not.toBe(0);
    await page.keyboard.press('PageDown');
    await expect.poll(() => statusOf(page)).toBe(`Page 2 of ${m.pages.length}`);
    await page.close();
  });

  it('can be used with the keyboard alone: Tab reaches every control, each shows its focus, and Enter on a zone opens the story', async () => {
    const { page } = await openViewer();
    for (const a of articlesOn(1)) await zone(page, a).waitFor();
    const reached: { name: string; outline: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          // Past the last control the focus leaves the document for the browser's own controls.
          if (e === document.body) return { name: '', outline: false };
          const name = e.getAttribute('aria-label') ?? e.querySelector('img')?.alt ?? (e.classList.contains('openseadragon-canvas') ? 'the zoomable page' : (e.textContent ?? '').trim());
          const s = getComputedStyle(e);
          const outline = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          return { name, outline };
        }),
      );
    }
    const names = reached.map((r) => r.name);
    const wanted = ['Skip to the page', 'Previous page', 'Next page', 'Zoom out', 'Zoom in', 'Whole page', 'the zoomable page', ...articlesOn(1).map((a) => a.headline), ...m.pages.map((p) => p.label)];
    for (const name of wanted) expect(names, `Tab reaches “${name}”`).toContain(name);
    for (const r of reached.filter((x) => x.name !== '')) expect(r.outline, `focus shows on “${r.name}”`).toBe(true);

    // Enter on a zone opens its story.
    const story = articlesOn(1)[0]!;
    await zone(page, story).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith(story.view));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story.headline);
    await page.close();
  });

  it('opens the story of a clicked zone, with its headline and every paragraph; Back returns to its page with it picked out', async () => {
    const { page } = await openViewer('#page=2');
    const story = articlesOn(2)[0]!;
    await zone(page, story).click();
    await page.waitForURL((u) => u.pathname.endsWith(story.view));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story.headline);
    const body = squash(await page.locator('article').innerText());
    for (const b of story.blocks) if (b.type === 'p') expect(body).toContain(squash(text(b.runs)));
    await page.goBack();
    await expect.poll(() => statusOf(page)).toBe(`Page 2 of ${m.pages.length}`);
    expect(new URL(page.url()).hash).toBe(`#article=${story.id}`);
    await expect.poll(() => zone(page, story).getAttribute('class')).toContain('zone-selected');
    await page.close();
  });

  it('opens at #page=3', async () => {
    const { page } = await openViewer('#page=3');
    expect(await statusOf(page)).toBe(`Page 3 of ${m.pages.length}`);
    expect(await thumbnails(page).nth(2).getAttribute('aria-current')).toBe('page');
    for (const a of articlesOn(3)) await zone(page, a).waitFor();
    const list = page.getByRole('region', { name: 'On this page' });
    for (const a of articlesOn(3)) expect(await list.getByRole('link', { name: a.headline }).getAttribute('href')).toBe(a.view);
    await page.close();
  });

  it('opens at #article=<id> on the story’s first page with its zone picked out and a link to read it; moving on and the address stay in step', async () => {
    const story = m.articles.find((a) => a.pages[0]! > 1) ?? m.articles[0]!;
    const { page } = await openViewer(`#article=${story.id}`);
    expect(await statusOf(page)).toBe(`Page ${story.pages[0]} of ${m.pages.length}`);
    const picked = zone(page, story);
    await expect.poll(() => picked.getAttribute('class')).toContain('zone-selected');
    expect(await picked.evaluate((e) => getComputedStyle(e).boxShadow)).not.toBe('none');
    const read = page.getByRole('link', { name: `Read “${story.headline}”` });
    expect(await read.isVisible()).toBe(true);
    expect(await read.getAttribute('href')).toBe(story.view);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#page=${story.pages[0]! + 1}`);
    expect(await read.count()).toBe(0);
    // The address drives the viewer too (Back, Forward, an edited address).
    await page.evaluate(() => {
      location.hash = '#page=1';
    });
    await expect.poll(() => statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    await page.close();
  });

  it('turns the page with a swipe on a touch screen', async () => {
    const { page } = await openViewer();
    await page.locator('#page-view .zone').first().waitFor();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const box = (await page.locator('#page-view').boundingBox())!;
    const swipe = async (from: number, to: number) => {
      const y = box.y + box.height / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: box.x + box.width * from, y }] });
      for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: box.x + box.width * (from + ((to - from) * i) / 5), y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(0.8, 0.2);
    await expect.poll(() => statusOf(page)).toBe(`Page 2 of ${m.pages.length}`);
    await swipe(0.2, 0.8);
    await expect.poll(() => statusOf(page)).toBe(`Page 1 of ${m.pages.length}`);
    await page.close();
  });

  it('fits a phone: the whole page fills the width after the window shrinks, and turning to the last page brings its thumbnail into the strip without moving the document', async () => {
    const { page } = await openViewer();
    await page.locator('#page-view .zone').first().waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expect.poll(async () => (await inkAndPaper(page)).ink, { timeout: 10_000 }).toBeGreaterThan(0.01);
    await page.waitForTimeout(1000); // OpenSeadragon's opening zoom settles
    expect((await drawnPage(page)).width).toBeGreaterThan(360 - 2 * 12 - 4); // all but the desk's 12 px margins
    await page.evaluate(() => window.scrollTo(0, 0)); // the screenshots above scrolled the page view into view
    await page.keyboard.press('End');
    await expect.poll(() => statusOf(page)).toBe(`Page ${m.pages.length} of ${m.pages.length}`);
    const last = (await thumbnails(page).last().boundingBox())!;
    expect(last.x).toBeGreaterThanOrEqual(0);
    expect(last.x + last.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('shows the page image with its zones when OpenSeadragon cannot start', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'newsprint-eedition-bare-'));
    try {
      cpSync(dir, bare, { recursive: true, filter: (src) => !src.endsWith('openseadragon.min.js') && !src.includes(`${dir}/tiles`) });
      const { page, errors, failed } = await openViewer('', bare);
      const img = page.locator('#page-view').getByRole('img', { name: m.pages[0]!.label, exact: true });
      await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Zoom in' }).isVisible()).toBe(false);
      // The one thing missing is the script we took away; nothing else fails.
      expect(failed.map((f) => f.replace(/^.*\//, ''))).toEqual(['openseadragon.min.js: net::ERR_FILE_NOT_FOUND']);
      expect(errors.filter((e) => !e.includes('ERR_FILE_NOT_FOUND'))).toEqual([]);
      const story = articlesOn(1)[0]!;
      await zone(page, story).click();
      await page.waitForURL((u) => u.pathname.endsWith(story.view));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story.headline);
      await page.close();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('gives a story in two pieces one zone in the tab order and both to the pointer, and a story on two pages a zone on each', async () => {
    // The sample edition has neither, so its manifest is given one: the lead story goes on in a second piece on
    // page 1 and again on page 3 (the tiles are the built ones).
    const copy = mkdtempSync(join(tmpdir(), 'newsprint-eedition-jump-'));
    try {
      cpSync(dir, copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, 'tiles')) });
      symlinkSync(join(dir, 'tiles'), join(copy, 'tiles'));
      const lead = articlesOn(1)[0]!;
      const first = lead.regions[0]!;
      const regions = [{ ...first, h: first.h - 100 }, { ...first, y: first.y + first.h - 80, h: 80 }, { page: 3, x: first.x, y: 900, w: first.w, h: 200 }];
      const jumped: EEditionManifest = {
        ...m,
        pages: m.pages.map((p) => (p.number === 3 ? { ...p, articles: [...p.articles, lead.id] } : p)),
        articles: m.articles.map((a) => (a.id === lead.id ? { ...a, pages: [1, 3], regions } : a)),
      };
      writeFileSync(join(copy, 'manifest.js'), `window.NEWSPRINT_EDITION = ${JSON.stringify(jumped)};\n`);

      const { page } = await openViewer('', copy);
      const pieces = page.locator(`#page-view .zone[data-article="${lead.id}"]`);
      await expect.poll(() => pieces.count()).toBe(2);
      expect(await zone(page, lead).count()).toBe(1); // named once, so Tab and a screen reader meet it once
      const tabbable = await pieces.evaluateAll((zs) => zs.filter((z) => (z as HTMLElement).tabIndex >= 0).length);
      expect(tabbable).toBe(1);
      await pieces.nth(1).click();
      await page.waitForURL((u) => u.pathname.endsWith(lead.view));
      await page.goto(pathToFileURL(join(copy, 'index.html')).href + '#page=3');
      await zone(page, lead).waitFor();
      await page.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation in the viewer, on a page of stories and with one picked out', async () => {
    for (const hash of ['', `#article=${m.articles[0]!.id}`]) {
      const { page } = await openViewer(hash);
      await page.locator('#page-view .zone').first().waitFor();
      expect(await seriousViolations(page), `viewer${hash}`).toEqual([]);
      await page.close();
    }
    // The check can fail: a thumbnail without its page's name is one a screen reader cannot tell apart.
    const { page } = await openViewer();
    await page.locator('.thumb img').first().evaluate((img) => img.removeAttribute('alt'));
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('button-name');
    await page.close();
  });

  it('finds no serious or critical violation in an article view', async () => {
    const story = m.articles.find((a) => a.images.length > 0) ?? m.articles[0]!;
    const { page } = await open(story.view);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the article view', () => {
  it('sets out the story: kicker, headline, standfirst, byline, date, crossheads, quotes and the photo with its alt text, caption and credit', async () => {
    const story = m.articles.find((a) => a.images.length > 0 && a.blocks.some((b) => b.type === 'quote')) ?? expect.fail('the sample edition has a story with a photo and a quote');
    const { page, failed } = await open(story.view);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story.headline);
    const top = squash(await page.locator('article > header').innerText());
    if (story.kicker) expect(top).toContain(story.kicker);
    if (story.standfirst) expect(top).toContain(squash(story.standfirst));
    if (story.byline) expect(top).toContain(`By ${story.byline.name}${story.byline.role ? `, ${story.byline.role}` : ''}`);
    expect(top).toContain('Thursday, 26 November 2026');
    const crossheads = story.blocks.flatMap((b) => (b.type === 'crosshead' ? [squash(text(b.runs))] : []));
    expect((await page.getByRole('heading', { level: 2 }).allInnerTexts()).map(squash)).toEqual(expect.arrayContaining(crossheads));
    const quotes = story.blocks.flatMap((b) => (b.type === 'quote' ? [squash(text(b.runs))] : []));
    expect((await page.locator('blockquote').allInnerTexts()).map(squash)).toEqual(quotes);

    const photo = story.images[0]!;
    const img = page.getByRole('img', { name: photo.alt, exact: true });
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const caption = squash(await page.locator('figure figcaption').first().innerText());
    if (photo.caption) expect(caption).toContain(squash(photo.caption));
    if (photo.credit) expect(caption).toContain(photo.credit);

    // Back to the viewer at the story's page, and to the page image.
    const back = page.getByRole('link', { name: new RegExp(`^${m.pages[story.pages[0]! - 1]!.label} in the e-edition$`) });
    expect(await back.getAttribute('href')).toBe(`../index.html#page=${story.pages[0]}`);
    const pageImage = await page.getByRole('link', { name: 'page image' }).first().getAttribute('href');
    expect(existsSync(join(dir, 'articles', pageImage!))).toBe(true);
    expect(failed).toEqual([]);
    await back.click();
    await expect.poll(() => statusOf(page)).toBe(`Page ${story.pages[0]} of ${m.pages.length}`);
    await page.close();
  });

  it('reads on a phone and at 200 % text size without sideways scrolling, at a measure of about 34 em', async () => {
    const story = m.articles.find((a) => a.images.length > 0) ?? m.articles[0]!;
    const { page } = await open(story.view);
    expect(await page.locator('meta[name=viewport]').getAttribute('content')).toContain('width=device-width');
    const measure = () =>
      page.evaluate(() => {
        const p = document.querySelector('article > p') as HTMLElement;
        const size = parseFloat(getComputedStyle(p).fontSize);
        return { size, ems: p.getBoundingClientRect().width / size, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      });
    const wide = await measure();
    expect(wide.ems).toBeGreaterThan(30);
    expect(wide.ems).toBeLessThanOrEqual(36);
    await page.setViewportSize({ width: 360, height: 740 });
    const phone = await measure();
    expect(phone.size).toBeGreaterThanOrEqual(16);
    expect(phone.overflow).toBe(0);
    // The reader's text size at 200 %: everything is in rem and em, so the text doubles and still fits.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const large = await measure();
    expect(large.size).toBeCloseTo(phone.size * 2, 1);
    expect(large.overflow).toBe(0);
    await page.close();
  });
});

describe('the viewer’s files', () => {
  it('escape every text they put in HTML', async () => {
    const nasty = `<script>alert("x")</script> & ‘quotes’ "here"`;
    const base = m.articles.find((a) => a.images.length > 0) ?? m.articles[0]!;
    const story: ManifestArticle = {
      ...base,
      headline: nasty,
      kicker: `<b>${nasty}`,
      byline: { name: `O'Brien & <i>Co</i>`, role: null },
      blocks: [
        { type: 'p', runs: [{ text: '<img src=x onerror=alert(1)>' }, { text: ' & so on', italic: true }] },
        { type: 'list', ordered: true, items: [[{ text: 'First <li>' }], [{ text: 'Second', bold: true }]] },
      ],
      images: base.images.map((i) => ({ ...i, alt: `"${nasty}` })),
    };
    const html = articlePage({ ...m, edition: { ...m.edition, publication: `A & B <Times>` } }, story);
    expect(html).not.toMatch(/<script>alert|<img src=x|<b><script|<i>Co/);
    const { page } = await open(base.view);
    await page.setContent(html);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nasty);
    expect(await page.locator('.byline').textContent()).toBe(`By O'Brien & <i>Co</i>`);
    expect(await page.locator('article > p').first().textContent()).toBe('<img src=x onerror=alert(1)> & so on');
    expect(await page.locator('article > ol > li').allTextContents()).toEqual(['First <li>', 'Second']);
    expect(await page.title()).toContain('A & B <Times>');
    if (story.images.length > 0) expect(await page.locator('figure img').first().getAttribute('alt')).toBe(`"${nasty}`);
    await page.close();
  });

  it('give readers without JavaScript every page and every story', async () => {
    const page = await chromium.context.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    for (const p of m.pages) expect(await page.getByRole('link', { name: p.label, exact: true }).isVisible()).toBe(true);
    for (const a of m.articles) expect(await page.getByRole('link', { name: a.headline, exact: true }).getAttribute('href')).toBe(a.view);
    await page.close();
  });

  it('carry OpenSeadragon as its npm package builds it, with its licence', () => {
    const files = viewerFiles(m, []);
    const osd = createRequire(import.meta.url).resolve('openseadragon/build/openseadragon/openseadragon.min.js');
    expect(files.get('viewer/openseadragon.min.js')).toBe(readFileSync(osd, 'utf8'));
    expect(String(files.get('viewer/openseadragon-LICENSE.txt'))).toMatch(/OpenSeadragon contributors/);
    for (const name of ['viewer.js', 'search.js', 'viewer.css', 'article.css']) {
      expect(files.get(`viewer/${name}`)).toBe(readFileSync(fileURLToPath(new URL(`../../viewer/${name}`, import.meta.url)), 'utf8'));
    }
  });
});
