// The extension (dist/extension) end to end in headless Chromium, driven as the
// issue's judge would: a library loaded through the automation hook, pages
// served from 127.0.0.1, checks started with reuselens.checkTab().
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  highlightedTexts, launchChromium, root, screenshotDir, seedLibrary, seeds, servePages, squash, tabIdOf, tempProfile, testPages,
} from './harness.mjs';

const SEEDS = seeds();

let site;
let browser;
const requests = [];
before(async () => {
  site = await servePages(testPages(SEEDS));
  mkdirSync(screenshotDir, { recursive: true });
  browser = await launchChromium(tempProfile('chromium'));
  browser.context.on('request', (r) => requests.push(r.url()));
  // The seed articles as the library, each with the address its page has here,
  // so a page is never reported as a copy of itself.
  const library = seedLibrary(SEEDS, site.url);
  const imported = await browser.sw.evaluate((list) => globalThis.reuselens.importSources(list), library);
  assert.equal(imported.added, 5);
});
after(async () => {
  await browser?.context.close();
  await site?.close();
});

async function openAndCheck(pathname) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}${pathname}`);
  const tabId = await tabIdOf(browser.sw, `${site.url}${pathname}`);
  const passages = await browser.sw.evaluate((id) => globalThis.reuselens.checkTab(id), tabId);
  return { page, tabId, passages, problems };
}

test('a spun copy (seed 000) is highlighted as its source 001, across inline elements', async () => {
  const { page, passages, problems } = await openAndCheck('/000.html');
  try {
    const spun = passages.find((p) => p.sourceId === '001' && p.kind === 'spun');
    assert.ok(spun && spun.text.length > 2000, JSON.stringify(passages.map((p) => [p.sourceId, p.kind, p.text.length])));
    const ranges = await highlightedTexts(page);
    // What is painted is what was found: the same text, in the page's DOM.
    assert.ok(ranges.some((r) => squash(r.text) === squash(spun.text)));
    assert.ok(ranges.some((r) => r.multiNode), 'a highlight runs across <b>, <em> and <a> elements');
    assert.equal(await page.evaluate(() => window.pageScriptRan), true);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(screenshotDir, 'chromium-000.png') });
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
    assert.ok(names.size >= 2);
    const badge = await browser.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.match(badge, /^\d+%$/);
    assert.ok(Number.parseInt(badge, 10) > 0);
  } finally {
    await page.close();
  }
});

test('a strict-CSP page is checked (the matcher runs in the service worker)', async () => {
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
  const page = await browser.context.newPage();
  try {
    await page.goto(`${site.url}/parts.html`);
    await page.waitForFunction(() => document.getElementById('host').shadowRoot?.childNodes.length > 0 &&
      document.querySelector('iframe').contentDocument?.body?.textContent.length > 100);
    const tabId = await tabIdOf(browser.sw, `${site.url}/parts.html`);
    const passages = await browser.sw.evaluate((id) => globalThis.reuselens.checkTab(id), tabId);
    assert.ok(passages.some((p) => p.sourceId === '001'), 'the shadow root paragraph');
    assert.ok(passages.some((p) => p.sourceId === '004'), 'the iframe paragraph');
    const where = await page.evaluate(() => {
      const inShadow = [...CSS.highlights].some(([n, h]) => n.startsWith('reuselens-') &&
        [...h].some((r) => r.startContainer.getRootNode() instanceof ShadowRoot));
      const frame = document.querySelector('iframe').contentWindow;
      return { inShadow, inFrame: [...frame.CSS.highlights.keys()].some((n) => n.startsWith('reuselens-')) };
    });
    assert.deepEqual(where, { inShadow: true, inFrame: true });
  } finally {
    await page.close();
  }
});

test("the page's DOM and text are the same after highlighting and after clearing", async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${site.url}/003.html`);
    const snapshot = () => page.evaluate(() => ({ html: document.documentElement.outerHTML, text: document.body.innerText }));
    const before = await snapshot();
    const tabId = await tabIdOf(browser.sw, `${site.url}/003.html`);
    await browser.sw.evaluate((id) => globalThis.reuselens.checkTab(id), tabId);
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
    await page.screenshot({ path: path.join(screenshotDir, 'chromium-card.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('reuselens-card') === null);
    await browser.sw.evaluate((id) => chrome.runtime.onMessage.hasListeners() && id, tabId);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'clear', tabId: id }), tabId);
    await options.close();
    assert.deepEqual(await highlightedTexts(page), []);
    assert.deepEqual(await snapshot(), before);
  } finally {
    await page.close();
  }
});

test('the popup lists the passages and shares, jumps to a passage, and removes the highlights', async () => {
  const page = await browser.context.newPage();
  const popup = await browser.context.newPage();
  try {
    await page.goto(`${site.url}/003.html`);
    const tabId = await tabIdOf(browser.sw, `${site.url}/003.html`);
    // The popup as a page of its own, for that tab: opening it checks the tab.
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.querySelectorAll('#passages li').length > 0);
    assert.match(await popup.textContent('#status'), /^\d+% of this page reuses 2 sources of your library \(\d+ passages\)\.$/);
    assert.equal(await popup.locator('#shares li').count(), 2);
    assert.equal(await popup.textContent('#library-size'), '5');
    assert.ok((await highlightedTexts(page)).length > 0);
    await popup.screenshot({ path: path.join(screenshotDir, 'chromium-popup.png'), fullPage: true });

    // Jump to the second passage: the tab shows it with its card.
    const second = await popup.locator('#passages li button').nth(1);
    const excerpt = squash(await second.locator('.excerpt').textContent());
    await second.click();
    await page.waitForFunction(() => document.querySelector('reuselens-card') !== null);
    const focusText = await page.evaluate(() => [...CSS.highlights.get('reuselens-focus')].map((r) => r.toString()).join(''));
    assert.equal(squash(focusText), excerpt);

    await popup.click('#clear');
    await popup.waitForFunction(() => document.getElementById('status').textContent === 'Highlights removed.');
    assert.deepEqual(await highlightedTexts(page), []);
    assert.equal(await popup.locator('#passages li').count(), 0);
    assert.equal(await browser.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
  } finally {
    await popup.close();
    await page.close();
  }
});

test("the popup's per-site switch saves the site in the settings, the library page lists it, and it switches back", async () => {
  const page = await browser.context.newPage();
  const popup = await browser.context.newPage();
  const options = await browser.context.newPage();
  const disabledSites = async () => (await browser.sw.evaluate(() => chrome.storage.local.get('settings'))).settings?.disabledSites ?? [];
  // The switch saves after the click returns: poll the stored settings.
  const savedAs = async (expected) => {
    for (let i = 0; i < 100 && JSON.stringify(await disabledSites()) !== JSON.stringify(expected); i += 1) await popup.waitForTimeout(50);
    assert.deepEqual(await disabledSites(), expected);
  };
  const listedOnLibraryPage = async () => {
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    // Empty until the page has read the settings.
    await options.waitForFunction(() => document.getElementById('disabled-sites').textContent !== '');
    return options.textContent('#disabled-sites');
  };
  const openPopup = async (tabId) => {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    // The library size is asked for once the switches have their listeners.
    await popup.waitForFunction(() => /^\d+$/.test(document.getElementById('library-size').textContent));
  };
  try {
    await page.goto(`${site.url}/000.html`);
    const tabId = await tabIdOf(browser.sw, `${site.url}/000.html`);
    await openPopup(tabId);
    const label = popup.getByLabel('Never check 127.0.0.1 automatically');
    assert.equal(await label.isChecked(), false);
    assert.deepEqual(await disabledSites(), []);
    assert.equal(await listedOnLibraryPage(), 'none');

    await label.check();
    await savedAs(['127.0.0.1']);
    assert.equal(await listedOnLibraryPage(), '127.0.0.1');
    await openPopup(tabId);
    assert.equal(await label.isChecked(), true, 'the popup shows the saved setting when opened again');

    await label.uncheck();
    await savedAs([]);
    assert.equal(await listedOnLibraryPage(), 'none');
  } finally {
    await options.close();
    await popup.close();
    await page.close();
  }
});

test('keyboard: the shortcuts step through the passages with the card focused; Escape gives the focus back; the caret shows the card', async () => {
  const { page, tabId, passages } = await openAndCheck('/003.html');
  try {
    const commands = await browser.sw.evaluate(() => chrome.commands.getAll());
    assert.deepEqual(commands.filter((c) => c.name.endsWith('-passage')).map((c) => c.name).sort(), ['next-passage', 'previous-passage']);
    await page.focus('nav a');
    const step = (delta) => browser.sw.evaluate(([id, d]) => chrome.tabs.sendMessage(id, { type: 'reuselens:step', delta: d }, { frameId: 0 }), [tabId, delta]);
    const focused = () => page.evaluate(() => ({
      active: document.activeElement?.localName,
      text: [...(CSS.highlights.get('reuselens-focus') ?? [])].map((r) => r.toString()).join(''),
    }));
    const squashed = passages.map((p) => squash(p.text));
    const first = await step(1);
    assert.equal(first.index, 0, 'from the top of the page, the first passage');
    let state = await focused();
    assert.equal(state.active, 'reuselens-card');
    assert.equal(squash(state.text), squashed[0]);
    assert.equal((await step(1)).index, 1);
    assert.equal(squash((await focused()).text), squashed[1]);
    assert.equal((await step(-1)).index, 0);
    assert.equal((await step(-1)).index, passages.length - 1, 'wraps around');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('reuselens-card') === null);
    state = await focused();
    assert.deepEqual(state, { active: 'a', text: '' }, 'the focus is back on the link it left');
    // Caret browsing: a key press, then the caret inside a passage.
    await page.keyboard.press('Shift');
    await page.evaluate(() => {
      const [, highlight] = [...CSS.highlights].find(([n]) => n.startsWith('reuselens-') && n !== 'reuselens-focus');
      const range = [...highlight][0];
      getSelection().collapse(range.startContainer, range.startOffset + 1);
    });
    await page.waitForFunction(() => document.querySelector('reuselens-card') !== null);
    assert.notEqual((await focused()).text, '');
  } finally {
    await page.close();
  }
});

test('text added to the page later is checked again', async () => {
  const { page } = await openAndCheck('/late.html');
  try {
    await page.waitForFunction(() => document.getElementById('late') !== null);
    await page.waitForFunction(() => [...CSS.highlights].filter(([n]) => n.startsWith('reuselens-') && n !== 'reuselens-focus')
      .some(([, h]) => [...h].some((r) => r.startContainer.parentElement?.id === 'late')), null, { timeout: 10_000 });
  } finally {
    await page.close();
  }
});

test('the library page: add the current page, export, import back, a corrupt import refused whole', async () => {
  const page = await browser.context.newPage();
  const options = await browser.context.newPage();
  try {
    await page.goto(`${site.url}/parts.html`);
    const tabId = await tabIdOf(browser.sw, `${site.url}/parts.html`);
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.waitForFunction(() => document.getElementById('count').textContent === '(5)');
    const added = await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'addPage', tabId: id }), tabId);
    assert.equal(added.ok, true, added.error);
    const stored = await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'library:source', id }), added.result.id);
    assert.equal(stored.result.url, `${site.url}/parts.html`);
    assert.match(stored.result.text, /garden club/);

    // Export: the CLI reads the file back.
    await options.reload();
    await options.waitForFunction(() => document.getElementById('count').textContent === '(6)');
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reuselens-export-'));
    const file = path.join(dir, 'library.rlens');
    await download.saveAs(file);
    const listed = execFileSync(path.join(root, 'build/native/reuselens'), ['library', 'list', file], { encoding: 'utf8' });
    for (const id of ['000', '001', '002', '003', '004', added.result.id]) assert.ok(listed.includes(id), listed);

    // A corrupt library file changes nothing.
    const corrupt = path.join(dir, 'corrupt.rlens');
    writeFileSync(corrupt, Buffer.from('RLENS but not really a library'));
    await options.setInputFiles('#import-files', corrupt);
    await options.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.match(await options.textContent('#status'), /corrupt\.rlens is not a ReuseLens library/);
    assert.equal(await options.textContent('#count'), '(6)');

    // Clear, then import the export: the same sources come back.
    options.once('dialog', (d) => d.accept());
    await options.click('#clear-library');
    await options.waitForFunction(() => document.getElementById('count').textContent === '(0)');
    await options.setInputFiles('#import-files', file);
    await options.waitForFunction(() => document.getElementById('count').textContent === '(6)');
    assert.match(await options.textContent('#status'), /Added 6 sources/);
    await options.screenshot({ path: path.join(screenshotDir, 'chromium-options.png'), fullPage: true });
  } finally {
    await page.close();
    await options.close();
  }
});

test('no request leaves the browser for anywhere but the test pages and the extension itself', () => {
  const outside = requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
});

test('the library survives a browser restart (persistent profile)', async () => {
  const profile = tempProfile('restart');
  const count = async (b) => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options/options.html`);
    await options.waitForFunction(() => /^\(\d+\)$/.test(document.getElementById('count').textContent));
    const text = await options.textContent('#count');
    await options.close();
    return text;
  };
  let first = await launchChromium(profile);
  try {
    await first.sw.evaluate((s) => globalThis.reuselens.importSources([{ id: 'kept', title: 'Kept', url: '', text: s }]), SEEDS['001'].text);
    assert.equal(await count(first), '(1)');
  } finally {
    await first.context.close();
  }
  first = null;
  const second = await launchChromium(profile);
  try {
    assert.equal(await count(second), '(1)');
    const page = await second.context.newPage();
    await page.goto(`${site.url}/000.html`);
    const tabId = await tabIdOf(second.sw, `${site.url}/000.html`);
    const passages = await second.sw.evaluate((id) => globalThis.reuselens.checkTab(id), tabId);
    assert.ok(passages.some((p) => p.sourceId === 'kept' && p.kind === 'spun'));
  } finally {
    await second.context.close();
  }
});
