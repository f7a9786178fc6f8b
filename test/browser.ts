// Browser tests' launcher: Debian's headless Chromium through playwright-core, with the flags of DESIGN.md and a fresh profile.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package puts its launcher here. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags of DESIGN.md (Tests): headless, no sandbox or GPU, and nothing that talks to the network by itself. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A running Chromium (one browser context on its own profile) and the way to stop it, which removes the profile. */
export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh profile in a temporary folder. Playwright takes the profile folder as the
 * first argument of `launchPersistentContext` and refuses `--user-data-dir` among the flags, so it is passed that
 * way; the effect is the same flag. Throws (the test fails, it does not skip) when Chromium is not installed,
 * saying how to install it.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser tests need Chromium at ${CHROMIUM}: install Debian's package with \`apt-get install -y chromium\``);
  }
  const profile = mkdtempSync(join(tmpdir(), 'newsprint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, viewport: options.viewport ?? { width: 1280, height: 800 } });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One accessibility finding of axe-core, as much of it as a failing test needs to say what is wrong. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's script, from its npm package. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page as it stands and returns the violations that are serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    interface Result {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** A page of the browser, with what it asked for and what went wrong on the way. */
export interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly failed: string[];
  readonly errors: string[];
}

/** Opens `url` in a new page of the browser, recording its requests, failed requests, page errors and console errors. */
export async function openWatched(browser: LaunchedBrowser, url: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const opened: Opened = { page, requests: [], failed: [], errors: [] };
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('requestfailed', (r) => opened.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') opened.errors.push(msg.text());
  });
  await page.goto(url);
  return opened;
}
