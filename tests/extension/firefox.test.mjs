// The extension (dist/extension-firefox, the addons.mozilla.org package) end to end
// in headless Firefox, over WebDriver BiDi (puppeteer-core): the same checks as
// chromium.test.mjs where Firefox allows them. The library is loaded through the
// automation hook in the background page, reached from one of the extension's own
// pages (see launchFirefox in harness.mjs); pages are served from 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  bidiNavigate, FIREFOX_ADDON_ID, highlightedTexts, launchFirefox, screenshotDir, seedLibrary, seeds, servePages, squash, tempProfile, testPages,
} from './harness.mjs';

const SEEDS = seeds();

/**
 * Every proxy-able request of the whole browser (pages, the background page, Firefox
 * itself) goes to this recorder, which answers none of them: a request that would
 * leave the machine shows up here. Loopback addresses are never proxied by Firefox.
 */
async function recordingProxy() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    seen,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.socks': '127.0.0.1',
      'network.proxy.socks_port': port,
      'network.proxy.socks_remote_dns': true,
      'network.proxy.allow_hijacking_localhost': false,
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

// Firefox's own services (remote settings, telemetry, updates): not the extension's doing.
const FIREFOX_OWN = /^(CONNECT )?(https?:\/\/)?([\w-]+\.)*(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|dummy\.test)(:\d+)?(\/|$)/;

let site;
let proxy;
let ff;
const requests = [];
before(async () => {
  site = await servePages(testPages(SEEDS));
  mkdirSync(screenshotDir, { recursive: true });
  proxy = await recordingProxy();
  ff = await launchFirefox({ prefs: proxy.prefs });
  // Every request of every browsing context (tabs and their frames), as BiDi reports it.
  ff.browser.connection.on('network.beforeRequestSent', (event) => requests.push(event.request.url));
  const library = seedLibrary(SEEDS, site.url);
  const imported = await ff.hook('importSources', library);
  assert.equal(imported.added, 5);
});
after(async () => {
  await ff?.browser.close();
  await proxy?.close();
  await site?.close();
});

async function open(pathname) {
  const page = await ff.browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}${pathname}`);
  const tabId = await ff.tabIdOf(`${site.url}${pathname}`);
  assert.ok(Number.isInteger(tabId), `no tab for ${pathname}`);
  return { page, tabId, problems };
}

async function openAndCheck(pathname) {
  const opened = await open(pathname);
  return { ...opened, passages: await ff.hook('checkTab', opened.tabId) };
}

test('the seed library is in the extension (imported through the hook)', async () => {
  const list = await ff.extension(async () => (await globalThis.browser.runtime.sendMessage({ type: 'library:list' })).result);
  assert.deepEqual(list.map((s) => s.id).sort(), ['000', '001', '002', '003', '004']);
  await bidiNavigate(ff.browser, ff.control, `moz-extension://${ff.uuid}/options/options.html`);  // a reload puppeteer would wait on forever
  await ff.control.waitForFunction(() => document.getElementById('count').textContent === '(5)');
});

test('a spun copy (seed 000) is highlighted as its source 001, across inline elements', async () => {
  const { page, passages, problems } = await openAndCheck('/000.html');
  try {
    const spun = passages.find((p) => p.sourceId === '001' && p.kind === 'spun');
    assert.ok(spun && spun.text.length > 2000, JSON.stringify(passages.map((p) => [p.sourceId, p.kind, p.text.length])));
    const ranges = await highlightedTexts(page);
    // What is painted is what was found: the same text, in the page's DOM.
    assert.ok(ranges.some((r) => squash(r.text) === squash(spun.text)), JSON.stringify(ranges.map((r) => [r.name, r.text.length])));
    assert.ok(ranges.some((r) => r.multiNode), 'a highlight runs across <b>, <em> and <a> elements');
    assert.equal(await page.evaluate(() => window.pageScriptRan), true);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-000.png') });
  } finally {
    await page.close();
  }
});

test('an aggregator page (seed 003) shows passages of two sources in two colours; the badge shows the share', async () => {
  const { page, tabId, passages } = await openAndCheck('/003.html');
  try {
    // 004 words the second half of 003's Pentagon sentence in order, but 001 is
    // what 003 restates whole (its moved words count).
    assert.deepEqual([...new Set(passages.map((p) => p.sourceId))].sort(), ['001', '002']);
    assert.ok(!passages.some((p) => p.sourceId === '003'), 'the page itself is left out');
    const names = new Set((await highlightedTexts(page)).map((r) => r.name));
    assert.ok(names.size >= 2, [...names].join());
    const badge = await ff.extension((id) => globalThis.browser.action.getBadgeText({ tabId: id }), tabId);
    assert.match(badge, /^\d+%$/);
    assert.ok(Number.parseInt(badge, 10) > 0);
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-003.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('a strict-CSP page is checked', async () => {
  const { page, passages } = await openAndCheck('/strict.html');
  try {
    // Seed 000 itself (its library copy has another address) covers the whole article.
    assert.ok(passages.some((p) => p.sourceId === '000' && p.kind === 'verbatim' && p.text.length > 2000));
    assert.ok((await highlightedTexts(page)).length > 0);
  } finally {
    await page.close();
  }
});

test('text in an open shadow root and a same-origin iframe is checked and highlighted', async () => {
  const { page, tabId } = await open('/parts.html');
  try {
    await page.waitForFunction(() => document.getElementById('host').shadowRoot?.childNodes.length > 0 &&
      document.querySelector('iframe').contentDocument?.body?.textContent.length > 100);
    const passages = await ff.hook('checkTab', tabId);
    assert.ok(passages.some((p) => p.sourceId === '001'), 'the shadow root paragraph');
    assert.ok(passages.some((p) => p.sourceId === '004'), 'the iframe paragraph');
    const where = await page.evaluate(() => {
      const inShadow = [...CSS.highlights].some(([n, h]) => n.startsWith('reuselens-') &&
        [...h].some((r) => r.startContainer.getRootNode() instanceof ShadowRoot));
      const frame = document.querySelector('iframe').contentWindow;
      return { inShadow, inFrame: [...frame.CSS.highlights.keys()].some((n) => n.startsWith('reuselens-')) };
    });
    assert.deepEqual(where, { inShadow: true, inFrame: true });
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-parts.png') });
  } finally {
    await page.close();
  }
});

test("the page's DOM and text are the same after highlighting and after clearing", async () => {
  const { page, tabId } = await open('/003.html');
  try {
    const snapshot = () => page.evaluate(() => ({ html: document.documentElement.outerHTML, text: document.body.innerText }));
    const before = await snapshot();
    await ff.hook('checkTab', tabId);
    assert.ok((await highlightedTexts(page)).length > 0);
    assert.deepEqual(await snapshot(), before);
    // Hovering a passage shows the card (one element of ours after <body>, removed again).
    const box = await page.evaluate(() => {
      const [, highlight] = [...CSS.highlights].find(([n]) => n.startsWith('reuselens-'));
      const rect = [...highlight][0].getClientRects()[0];
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => document.querySelector('reuselens-card') !== null);
    assert.equal(await page.evaluate(() => CSS.highlights.has('reuselens-focus')), true);
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-card.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('reuselens-card') === null);
    const cleared = await ff.extension((id) => globalThis.browser.runtime.sendMessage({ type: 'clear', tabId: id }), tabId);
    assert.equal(cleared.ok, true, cleared.error);
    assert.deepEqual(await highlightedTexts(page), []);
    assert.deepEqual(await snapshot(), before);
  } finally {
    await page.close();
  }
});

test('text added to the page later is checked again', async () => {
  const { page } = await openAndCheck('/late.html');
  try {
    await page.waitForFunction(() => document.getElementById('late') !== null);
    await page.waitForFunction(() => [...CSS.highlights].filter(([n]) => n.startsWith('reuselens-') && n !== 'reuselens-focus')
      .some(([, h]) => [...h].some((r) => r.startContainer.parentElement?.id === 'late')), { timeout: 10_000 });
  } finally {
    await page.close();
  }
});

test('the library page adds the current page; clearLibrary empties the library', async () => {
  const { page, tabId } = await open('/parts.html');
  try {
    const added = await ff.extension((id) => globalThis.browser.runtime.sendMessage({ type: 'addPage', tabId: id }), tabId);
    assert.equal(added.ok, true, added.error);
    const stored = await ff.extension((id) => globalThis.browser.runtime.sendMessage({ type: 'library:source', id }), added.result.id);
    assert.equal(stored.result.url, `${site.url}/parts.html`);
    assert.match(stored.result.text, /garden club/);
    assert.deepEqual(await ff.hook('clearLibrary'), { removed: 6 });
    assert.deepEqual(await ff.hook('checkTab', tabId), []);
    assert.deepEqual(await highlightedTexts(page), []);
  } finally {
    await page.close();
  }
});

test('no request leaves the browser for anywhere but the test pages', async () => {
  const outside = requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('moz-extension://') &&
    !u.startsWith('data:') && u !== 'about:blank');
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.startsWith(site.url)), 'BiDi reported the pages\' requests');
  // Firefox itself polls its remote settings service (firefox.settings.services.mozilla.com)
  // whatever add-ons it runs; anything else that tried to leave counts.
  const leaving = [...new Set(proxy.seen)].filter((r) => !FIREFOX_OWN.test(r));
  assert.deepEqual(leaving, [], 'requests that would have left the machine');
  // The recorder does see what the extension's own pages send.
  await ff.extension(() => fetch('http://proxy-probe.invalid/').catch(() => null));
  assert.ok(proxy.seen.some((r) => r.startsWith('http://proxy-probe.invalid/')), 'the probe went through the recorder');
});

test('the library survives a browser restart (persistent profile, the add-on installed in it)', async () => {
  const profile = tempProfile('firefox-restart');
  const count = async (b) => {
    await bidiNavigate(b.browser, b.control, `moz-extension://${b.uuid}/options/options.html`);
    await b.control.waitForFunction(() => /^\(\d+\)$/.test(document.getElementById('count').textContent));
    return b.control.evaluate(() => document.getElementById('count').textContent);
  };
  // When Firefox last installed or updated the add-on: a restart is not an update.
  const updated = () => JSON.parse(readFileSync(path.join(profile, 'extensions.json'), 'utf8'))
    .addons.find((a) => a.id === FIREFOX_ADDON_ID).updateDate;
  const first = await launchFirefox({ profile });
  try {
    assert.deepEqual(await first.hook('importSources', [{ id: 'kept', title: 'Kept', url: '', text: SEEDS['001'].text }]), { added: 1, ids: ['kept'] });
    assert.equal(await count(first), '(1)');
  } finally {
    await first.browser.close();
  }
  const installed = updated();
  const second = await launchFirefox({ profile });
  try {
    assert.equal(await count(second), '(1)');
    const page = await second.browser.newPage();
    await page.goto(`${site.url}/000.html`);
    const tabId = await second.tabIdOf(`${site.url}/000.html`);
    const passages = await second.hook('checkTab', tabId);
    assert.ok(passages.some((p) => p.sourceId === 'kept' && p.kind === 'spun'), JSON.stringify(passages.map((p) => [p.sourceId, p.kind])));
  } finally {
    await second.browser.close();
  }
  assert.equal(updated(), installed, 'the restart found the add-on as installed, not updated');
});

/**
 * Clicks an element of a privileged about: page (the element inside its shadow root,
 * with `inner`) with the mouse, once it is laid out. Such pages refuse the functions
 * puppeteer's selectors and waitForFunction compile, so this polls with evaluate.
 */
async function clickInAboutPage(page, selector, inner = null) {
  const end = Date.now() + 10_000;
  for (;;) {
    const box = await page.evaluate((s, i) => {
      const host = document.querySelector(s);
      const r = (i ? host?.shadowRoot?.querySelector(i) : host)?.getBoundingClientRect();
      return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, selector, inner);
    if (box) return page.mouse.click(box.x, box.y);
    if (Date.now() > end) throw new Error(`${selector} is not shown`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('automatic checking: access to all sites granted in about:addons, the switch turned on; pages are highlighted as they load, a site turned off is not', async () => {
  // A browser of its own: automatic checking would check every page of the other tests.
  const auto = await launchFirefox();
  const pages = [];
  const newPage = async (url) => {
    const page = await auto.browser.newPage();
    pages.push(page);
    if (url) await page.goto(url);
    return page;
  };
  const painted = (page) => page.waitForFunction(() => [...CSS.highlights.keys()].some((n) => n.startsWith('reuselens-')), { timeout: 10_000 });
  try {
    await auto.hook('importSources', seedLibrary(SEEDS, site.url));
    const allSites = () => auto.extension(() => globalThis.browser.permissions.contains({ origins: ['<all_urls>'] }));
    assert.equal(await allSites(), false);

    // As a user grants an optional permission: the add-on's page in about:addons,
    // its "Permissions and data" tab, the toggle for all websites.
    const addons = await newPage();
    await bidiNavigate(auto.browser, addons, 'about:addons');
    await addons.evaluate((id) => window.gViewController.loadView(`addons://detail/${encodeURIComponent(id)}`), FIREFOX_ADDON_ID);
    await clickInAboutPage(addons, '#details-deck-button-permissions');
    await clickInAboutPage(addons, 'moz-toggle[permission-key="<all_urls>"]', 'button');
    assert.equal(await addons.evaluate(() => document.querySelector('moz-toggle[permission-key="<all_urls>"]').pressed), true);
    assert.equal(await allSites(), true);

    // The switch on the library page, clicked: its request is answered at once, the worker registers the content script.
    await auto.control.click('#auto-check');
    await auto.control.waitForFunction(async () => (await globalThis.browser.scripting.getRegisteredContentScripts()).length === 1);
    assert.equal(await auto.control.evaluate(() => document.getElementById('auto-check').checked), true);

    // Loaded, then highlighted, with nobody asking for a check.
    const page = await newPage(`${site.url}/000.html`);
    await painted(page);
    const tabId = await auto.tabIdOf(`${site.url}/000.html`);
    const result = await auto.extension(async (id) => (await globalThis.browser.runtime.sendMessage({ type: 'result', tabId: id })).result, tabId);
    assert.ok(result.passages.some((p) => p.sourceId === '001' && p.kind === 'spun'));
    assert.deepEqual((await highlightedTexts(page)).map((r) => squash(r.text)).sort(), result.passages.map((p) => squash(p.text)).sort());
    await page.screenshot({ path: path.join(screenshotDir, 'firefox-auto.png') });

    // localhost (the same test site under another name) turned off in the popup, then loaded again: nothing.
    const local = `${site.url.replace('127.0.0.1', 'localhost')}/003.html`;
    const off = await newPage(local);
    await painted(off);
    const popup = await newPage();
    await bidiNavigate(auto.browser, popup, `moz-extension://${auto.uuid}/popup/popup.html?tab=${await auto.tabIdOf(local)}`);
    await popup.waitForFunction(() => /^\d+$/.test(document.getElementById('library-size').textContent));
    assert.equal(await popup.evaluate(() => document.getElementById('site-name').textContent), 'localhost');
    await popup.click('#site-off');
    await popup.waitForFunction(async () => (await globalThis.browser.storage.local.get('settings')).settings.disabledSites.includes('localhost'));
    await off.reload();
    // A page of a site still on, loaded after it, is checked: the worker has answered both by then.
    const on = await newPage(`${site.url}/003.html`);
    await painted(on);
    await off.waitForFunction(() => document.readyState === 'complete');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await highlightedTexts(off), []);
  } finally {
    for (const page of pages) await page.close().catch(() => {});
    await auto.browser.close();
  }
});
