// newsprint preview: live pages in a real Chromium as the copy and the templates change, and a server that serves nothing but its own routes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/server.js';
import { launchChromium, type LaunchedBrowser } from '../browser.js';
import { FONTS, REPO, SAMPLE_EDITION, TEMPLATES } from '../helpers.js';

/** A GET with the path sent exactly as written (no URL normalisation), for traversal attempts. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let work: string;
let templates: string;
let preview: Preview;
const logs: string[] = [];

beforeAll(async () => {
  // The sample edition and the tabloid templates, copied: the tests edit them.
  work = mkdtempSync(join(tmpdir(), 'newsprint-preview-'));
  cpSync(join(SAMPLE_EDITION, '..'), join(work, 'edition'), { recursive: true });
  templates = join(work, 'templates', 'tabloid');
  cpSync(join(TEMPLATES, 'tabloid'), templates, { recursive: true });
  preview = await startPreview({
    files: [join(work, 'edition', 'three-pages.yaml')],
    template: templates,
    templatesDir: TEMPLATES,
    fontsDir: FONTS,
    plant: 'uk-tabloid',
    port: 0,
    host: '127.0.0.1',
    outDir: join(work, 'output'),
    log: (l) => logs.push(l),
  });
}, 60_000);

afterAll(async () => {
  await preview?.close();
});

describe('over HTTP', () => {
  it('binds to the loopback address by default and serves the preview page and its state', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await rawGet(preview.url, '/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="en-GB">/);
    const state = JSON.parse((await rawGet(preview.url, '/state.json')).body);
    expect(state.pages.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4]);
    expect(state.error).toBeNull();
  });

  it('answers 404 to anything outside its routes: path traversal in every spelling, absolute paths, unknown files', async () => {
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/page/..%2f..%2fpackage.json', '/page/../../package.json', '//etc/passwd', '/%2fetc%2fpasswd', '/etc/passwd', '/package.json', '/src/cli/main.ts', '/page/9.jpg', '/.%2e/.%2e/package.json', '/page/1.jpg%00.png']) {
      const r = await rawGet(preview.url, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toMatch(/"name": "newsprint"|root:x:0:0/);
    }
    expect((await rawGet(preview.url, '/page/1.jpg')).status).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding) and a build posted from another site', async () => {
    expect((await rawGet(preview.url, '/state.json', { host: 'attacker.example:4321' })).status).toBe(404);
    expect((await rawGet(preview.url, '/state.json', { host: `localhost:${new URL(preview.url).port}` })).status).toBe(200);
    expect((await rawGet(preview.url, '/build', { origin: 'https://attacker.example' }, 'POST')).status).toBe(403);
  });
});

describe('the plant file and the e-edition of the current state', () => {
  it('serves the PDF/X plant file, and the e-edition viewer from memory', async () => {
    const pdf = await fetch(`${preview.url}print.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    const viewer = await rawGet(preview.url, '/e-edition/');
    expect(viewer.status).toBe(200);
    expect(viewer.body).toMatch(/<script src="manifest\.js"/);
    const manifest = JSON.parse((await rawGet(preview.url, '/e-edition/manifest.json')).body);
    expect(manifest.pages).toHaveLength(4);
    expect((await rawGet(preview.url, '/e-edition/../package.json')).status).toBe(404);
    expect((await rawGet(preview.url, '/e-edition/nothing-here.html')).status).toBe(404);
  }, 60_000);
});

describe('in Chromium', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a changed headline without a reload; a broken template shows its file and line over the old page until it is fixed', async () => {
    const page = await browser.context.newPage();
    await page.goto(preview.url);
    const front = page.locator('#page-1');
    await front.getByText('Storm tears', { exact: false }).first().waitFor({ timeout: 20_000 });
    // A marker that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    // 1. The copy changes: a new headline.
    const story = join(work, 'edition', 'stories', 'harbour-wall.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace('headline: Storm tears 20-metre hole in harbour wall', 'headline: Sea smashes through Wexcombe harbour wall at dawn'));
    await front.getByText('Sea smashes', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // Only the front page, where the story is, was laid out again.
    expect(logs.some((l) => /laid out 1 of 4 pages again/.test(l)), logs.join('\n')).toBe(true);
    await expect(front.getByText('Storm tears').count()).resolves.toBe(0);

    // 2. The template breaks: the error with its file and line, the last good page still there.
    const partial = join(templates, 'partials', 'story.hbs');
    const good = readFileSync(partial, 'utf8');
    const lines = good.split('\n');
    lines[3] = lines[3]!.replace('{{story.headline}}', '{{story.headline}');
    writeFileSync(partial, lines.join('\n'));
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(alert.textContent()).resolves.toMatch(/partials\/story\.hbs:4:\d+:/);
    expect(await front.getByText('Sea smashes', { exact: false }).count()).toBeGreaterThan(0);
    expect(logs.some((l) => /story\.hbs:4:\d+: error: .*the last good pages stay on screen/.test(l))).toBe(true);

    // 3. Fixed: the error goes, the pages are live again.
    writeFileSync(partial, good);
    await alert.waitFor({ state: 'hidden', timeout: 20_000 });
    writeFileSync(story, readFileSync(story, 'utf8').replace('Sea smashes through Wexcombe harbour wall at dawn', 'Harbour wall breach closes Quay Street'));
    await front.getByText('Harbour wall', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.close();
  }, 120_000);

  it('lists the layout warnings beside the pages with their source lines, and draws the overlays', async () => {
    const page = await browser.context.newPage();
    await page.goto(preview.url);
    await page.locator('#page-1 img').waitFor();
    // The padded house advert page is a warning with the edition file's line.
    await expect(page.locator('#warnings').textContent()).resolves.toMatch(/three-pages\.yaml:1:1: warning: the edition has 3 pages and plant “uk-tabloid” prints in multiples of 4/);
    // Five columns on the page's grid, and the zones of its two stories.
    expect(await page.locator('#page-1 .columns rect').count()).toBe(5);
    expect(await page.locator('#page-1 .zones a').count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Baseline grid').check();
    await expect(page.locator('#page-1 .baseline').isVisible()).resolves.toBe(true);
    await page.close();
  }, 60_000);
});

describe('the command', () => {
  it('stops cleanly on Ctrl-C (SIGINT): exit code 0, the port closed', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(REPO, 'bin', 'newsprint.js'), 'preview', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString('utf8');
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(err)));
    });
    expect((await fetch(url)).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(err).toMatch(/newsprint preview: stopped/);
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);
});
