// Shared by the extension's end-to-end tests: the unpacked build (dist/extension)
// loaded into a fresh Chromium profile (playwright-core) or Firefox (puppeteer-core
// over WebDriver BiDi), and test pages served from 127.0.0.1 with their own headers.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const extensionDir = path.join(root, 'dist/extension');
export const screenshotDir = path.join(root, 'build/screenshots/extension');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const seedsDir = path.resolve(root, '../shared/seeds');

/** The seed articles: {id: {id, title, text}}. */
export function seeds() {
  const out = {};
  for (const file of readdirSync(seedsDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    const id = file.slice(0, 3);
    out[id] = { id, title: text.split('\n').find((l) => l.trim().split(/\s+/).length >= 4)?.trim() ?? id, text };
  }
  return out;
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A seed as a real news page: site chrome around an <article> with its headline
 * and paragraphs; every seventh word wrapped in <b>, <a> or <em> so sentences
 * run across inline elements.
 */
export function articlePage(seed, { extraHead = '', extraBody = '' } = {}) {
  const tags = ['b', 'em', 'a href="#x"'];
  const paragraphs = seed.text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean).slice(1).map((p) => {
    let n = 0;
    const words = p.split(' ').map((w) => {
      n += 1;
      if (n % 7 !== 0) return escapeHtml(w);
      const tag = tags[n % 3];
      return `<${tag}>${escapeHtml(w)}</${tag.split(' ')[0]}>`;
    });
    return `<p>${words.join(' ')}</p>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(seed.title)}</title>${extraHead}</head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/politics">Politics</a></nav></header>
<main><article><h1>${escapeHtml(seed.title)}</h1><p class="byline">By Staff Writer</p>
${paragraphs.join('\n')}
</article></main>
<aside><h2>Most read</h2><ul><li>Weather: a mild week ahead</li><li>Local team wins the cup</li></ul></aside>
<footer>© News Example</footer>${extraBody}
<script>window.pageScriptRan = true;</script>
</body></html>`;
}

export const squash = (s) => s.replace(/\s+/g, ' ').trim();
export const firstLongParagraph = (seed) => seed.text.split('\n').find((l) => l.length > 200).trim();
export const STRICT_CSP = { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" };

/**
 * The end-to-end tests' site, the same for every browser: seed pages 000 and 003,
 * 000 under a strict CSP, a page with a shadow root and a same-origin iframe
 * (parts), and a page that adds a paragraph after loading (late).
 */
export function testPages(seedsById) {
  const paragraph = (id) => JSON.stringify(firstLongParagraph(seedsById[id]));
  const script = (body) => ({ body, headers: { 'content-type': 'text/javascript' } });
  return {
    '/000.html': { body: articlePage(seedsById['000']) },
    '/003.html': { body: articlePage(seedsById['003']) },
    '/strict.html': { body: articlePage(seedsById['000']), headers: STRICT_CSP },
    '/parts.html': {
      body: `<!doctype html><html><head><title>Parts</title><script src="/shadow.js" defer></script></head><body>
        <p>Unrelated words about the garden club's spring sale and the bake-off results.</p>
        <div id="host"></div><iframe src="/frame.html" width="800" height="300"></iframe></body></html>`,
      headers: STRICT_CSP,
    },
    '/shadow.js': script(`const host = document.getElementById('host');
const shadow = host.attachShadow({ mode: 'open' });
const p = document.createElement('p');
p.textContent = ${paragraph('001')};
shadow.append(p);`),
    '/frame.html': { body: `<!doctype html><html><body><p>${firstLongParagraph(seedsById['004'])}</p></body></html>` },
    '/late.html': {
      body: `<!doctype html><html><head><title>Late</title><script src="/late.js" defer></script></head><body>
        <p>${firstLongParagraph(seedsById['001'])}</p></body></html>`,
    },
    '/late.js': script(`setTimeout(() => {
  const p = document.createElement('p');
  p.id = 'late';
  p.textContent = ${paragraph('002')};
  document.body.append(p);
}, 300);`),
  };
}

/** The seed articles as a library, each with the address its page has on the test site (never a copy of itself). */
export const seedLibrary = (seedsById, siteUrl) => Object.values(seedsById)
  .map((s) => ({ id: s.id, title: s.title, url: `${siteUrl}/${s.id}.html`, text: s.text }));

/** Serves routes {'/path': {body, headers}} on 127.0.0.1; resolves {url, close}. */
export async function servePages(routes) {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

export const tempProfile = (name) => mkdtempSync(path.join(os.tmpdir(), `reuselens-${name}-`));

// Both driver libraries give a browser 30 s to start. A CI machine under load once
// took longer for Firefox (it starts in 2 to 4 s here), so each start gets 60 s and
// one more try; a browser that cannot start at all still fails the tests.
const START_TIMEOUT_MS = 60_000;
async function startBrowser(name, start) {
  try {
    return await start(START_TIMEOUT_MS);
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error;
    console.error(`# ${name} did not start within ${START_TIMEOUT_MS / 1000} s (${error.message}); trying once more`);
    return start(START_TIMEOUT_MS);
  }
}

/** Chromium with the unpacked extension in the profile userDataDir: {context, sw, extensionId}. */
export async function launchChromium(userDataDir) {
  const { chromium } = await import('playwright-core');
  const context = await startBrowser('Chromium', (timeout) => chromium.launchPersistentContext(userDataDir, {
    timeout,
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  }));
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker');
  return { context, sw, extensionId: new URL(sw.url()).host };
}

/** The id of the tab showing url (from the service worker). */
export function tabIdOf(sw, url) {
  return sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
}

/** The text of every ReuseLens highlight range in the page (and its same-origin frames). */
export function highlightedTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const windows = [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow)];
    for (const win of windows) {
      for (const [name, highlight] of win.CSS.highlights) {
        if (!name.startsWith('reuselens-') || name === 'reuselens-focus') continue;
        for (const range of highlight) out.push({ name, text: range.toString(), multiNode: range.startContainer !== range.endContainer });
      }
    }
    return out;
  });
}

// ---- Firefox ------------------------------------------------------------------
// Firefox loads the Firefox package (its manifest has a background page, no service
// worker) as a temporary add-on over WebDriver BiDi. The add-on's internal UUID is
// pinned with the pref extensions.webextensions.uuids, so its pages have a known
// address; since Firefox 153, WebDriver may navigate to moz-extension:// pages only
// when the browser runs with --remote-allow-system-access. One of the extension's
// own pages (the library page) then serves as the test's way in: from there,
// runtime.getBackgroundPage() reaches the automation hook, and the extension APIs
// answer questions such as a tab's id or badge. The shipped extension has no
// test-only entry point.
export const firefoxExtensionDir = path.join(root, 'dist/extension-firefox');
export const FIREFOX_ADDON_ID = JSON.parse(readFileSync(path.join(root, 'extension/manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
export const FIREFOX_ADDON_UUID = '7e2f1a52-3c1d-4b8e-9a4f-5d6c7b8a9e01';

/**
 * Navigates a puppeteer page (over BiDi) and waits for its load. Puppeteer's own
 * page.goto never sees the navigation of a tab into the extension's process (it
 * times out although the page loaded), so this sends browsingContext.navigate itself.
 */
export async function bidiNavigate(browser, page, url) {
  // mainFrame()._id is the frame's BiDi browsing context id.
  await browser.connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'complete' });
}

/**
 * Firefox with the extension installed (a temporary add-on; with `profile`, installed
 * in that profile directory for good): {browser, control, hook, tabIdOf, extension, uuid}.
 * control is the extension's library page in a tab of its own; hook(name, ...args)
 * calls globalThis.reuselens[name](...args) in the background page; extension(fn, ...args)
 * runs fn in the library page (the browser.* APIs of an extension page).
 */
export async function launchFirefox({ prefs = {}, profile = null } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  // With a profile: the Firefox package installed in it for good, as a user's
  // add-on (unsigned, which Firefox ESR allows with signatures.required off), so
  // it and its storage outlive a restart; a temporary add-on does not.
  const installed = profile ? {
    'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15,
  } : {};
  // Copied once: a restart finds the same file, as a user's restart does. A
  // file written again looks updated, and Firefox reinstalls the add-on while
  // it starts, closing the add-on's tabs under a navigation (NS_ERROR_ABORT).
  const xpi = profile && path.join(profile, 'extensions', `${FIREFOX_ADDON_ID}.xpi`);
  if (xpi && !existsSync(xpi)) {
    mkdirSync(path.dirname(xpi), { recursive: true });
    copyFileSync(path.join(root, 'dist/reuselens-extension-firefox.zip'), xpi);
  }
  const browser = await startBrowser('Firefox', (timeout) => puppeteer.launch({
    timeout,
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(profile ? { userDataDir: profile } : {}),
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }), ...installed, ...prefs },
  }));
  try {
    if (!profile) {
      const id = await browser.installExtension(firefoxExtensionDir);
      if (id !== FIREFOX_ADDON_ID) throw new Error(`installed ${id}, expected ${FIREFOX_ADDON_ID}`);
    }
    const control = await browser.newPage();
    await bidiNavigate(browser, control, `moz-extension://${FIREFOX_ADDON_UUID}/options/options.html`);
    const extension = (fn, ...args) => control.evaluate(fn, ...args);
    const hook = (name, ...args) => extension(async (n, a) => {
      // Asked for each call: a background page that went idle is started again.
      const background = await globalThis.browser.runtime.getBackgroundPage();
      return background.reuselens[n](...a);
    }, name, args);
    // Firefox's match patterns have no port, so tabs.query({url}) cannot find http://127.0.0.1:PORT/...
    const tabIdOf = (url) => extension(async (u) => (await globalThis.browser.tabs.query({})).find((t) => t.url === u)?.id, url);
    return { browser, control, extension, hook, tabIdOf, uuid: FIREFOX_ADDON_UUID };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
