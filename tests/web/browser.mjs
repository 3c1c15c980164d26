// Shared set-up of the web demo's end-to-end tests: the built demo (dist/web,
// `make web`) served from 127.0.0.1 with its strict CSP, and Debian's Chromium
// driven by playwright-core.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../wasm/fixtures.mjs';
import { serve } from '../../scripts/serve.mjs';

export const webDir = path.resolve(process.env.REUSELENS_WEB_DIR ?? path.join(repoRoot, 'dist/web'));
export const screenshotDir = path.join(repoRoot, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';

/** Starts the server and the browser: {url, browser, close()}. */
export async function startDemo() {
  if (!existsSync(path.join(webDir, 'index.html'))) throw new Error(`${webDir} has no demo: build it first (make web)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run make setup (Debian's chromium package)`);
  const { server, url } = await serve(webDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/**
 * A page of the demo in `context`, with every console error and uncaught
 * exception collected in page.problems (CSP violations show up as console errors).
 */
export async function openDemo(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.response = await page.goto(url);
  await ready(page);
  return page;
}

/** Waits until the demo has started and painted its first check. */
export async function ready(page) {
  await page.waitForSelector('body[data-ready="true"][data-checked]', { timeout: 15_000 });
}

/** Runs action() and waits for the check it causes to be painted. */
export async function afterCheck(page, action) {
  const before = Number(await page.evaluate(() => document.body.dataset.checked ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before, { timeout: 15_000 });
}

/** The highlighted passages as the page shows them: [{text, source, index}]. */
export function marks(page) {
  return page.$$eval('#page-view mark.passage', (els) => els.map((m) => ({ text: m.textContent, source: m.dataset.source, index: Number(m.dataset.index) })));
}
