// The service worker (extension/background/service-worker.js) in Node, wired to
// a fake `chrome`: the listeners it registers are the ones these tests fire, as
// the browser would (install, menu clicks, messages). Behind them run the real
// library (the WASM package of dist/reuselens, IndexedDB on fake-indexeddb) and
// the real checker; the pages are tabs whose content script answers as
// extension/content/content.js does. Each test starts a new worker on an empty
// profile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { IDBFactory } from 'fake-indexeddb';
import { firstLongParagraph, seeds } from '../harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const packageDir = path.join(root, 'dist/reuselens');
const SEEDS = seeds();
const MENU = { page: 'reuselens-add-page', selection: 'reuselens-add-selection' };

let bundleUrl;
let files;  // serves the WASM package where runtime.getURL says it is (Node's fetch reads no file: URLs)
before(async () => {
  const out = path.join(root, 'build/test/extension-service-worker.mjs');
  mkdirSync(path.dirname(out), { recursive: true });
  const bundle = await build({
    entryPoints: [path.join(root, 'extension/background/service-worker.js')],
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
    plugins: [{
      name: 'package',
      setup(b) {
        b.onResolve({ filter: /lib\/reuselens\/index\.js$/ },
          () => ({ path: pathToFileURL(path.join(packageDir, 'index.js')).href, external: true }));
      },
    }],
  });
  writeFileSync(out, bundle.outputFiles[0].text);
  bundleUrl = pathToFileURL(out).href;

  files = http.createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.replace(/^\/lib\/reuselens\//, '');
    if (name !== 'reuselens_core.wasm') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(path.join(packageDir, name)));
  });
  await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => files.close(resolve)));

// ---- the fake browser ----------------------------------------------------------

function event() {
  const listeners = [];
  return { listeners, addListener: (f) => listeners.push(f), hasListeners: () => listeners.length > 0 };
}

// Messages cross the extension's contexts as copies (JSON in Chromium).
const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * A browser with one extension (`chrome` as the worker sees it) and what a test
 * needs to drive it: tabs (openTab), the user's host permissions (grantAllSites),
 * and the worker's own listeners (send, clickMenu, install).
 */
function fakeBrowser({ extensionUrl }) {
  const store = {};
  const menus = new Map();
  const registered = new Map();
  const granted = new Set();
  const badges = new Map();
  const tabs = new Map();
  let nextTabId = 1;
  const noTab = (tabId) => new Error(`No tab with id: ${tabId}.`);

  const onMessage = event();
  const chrome = {
    runtime: {
      id: 'reuselens-test',
      onMessage,
      onInstalled: event(),
      getURL: (p) => new URL(p, extensionUrl).href,
    },
    storage: {
      local: {
        async get(keys) {
          const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(store);
          return Object.fromEntries(names.filter((k) => k in store).map((k) => [k, copy(store[k])]));
        },
        async set(items) { for (const [k, v] of Object.entries(items)) store[k] = copy(v); },
      },
    },
    contextMenus: {
      onClicked: event(),
      create(props) {
        // Chromium refuses a second item with the same id.
        if (menus.has(props.id)) throw new Error(`Cannot create item with duplicate id ${props.id}`);
        menus.set(props.id, copy(props));
        return props.id;
      },
      removeAll(callback) {
        menus.clear();
        setTimeout(() => callback?.(), 0);
      },
    },
    permissions: {
      async contains({ origins = [] }) { return origins.every((o) => granted.has(o)); },
    },
    scripting: {
      async executeScript({ target: { tabId }, files: scripts }) {
        const tab = tabs.get(tabId);
        if (!tab) throw noTab(tabId);
        if (!/^https?:/.test(tab.url)) throw new Error(`Cannot access contents of url "${tab.url}".`);
        if (scripts.includes('content.js')) tab.contentScript = true;
        return [{ frameId: 0, documentId: `doc-${tabId}`, result: null }];
      },
      async registerContentScripts(scripts) {
        for (const s of scripts) if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of scripts) registered.set(s.id, copy(s));
      },
      async getRegisteredContentScripts({ ids } = {}) {
        return [...registered.values()].filter((s) => !ids || ids.includes(s.id)).map(copy);
      },
      async unregisterContentScripts({ ids }) {
        for (const id of ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) registered.delete(id);
      },
    },
    tabs: {
      onRemoved: event(),
      onUpdated: event(),
      // What content.js answers in the tab's top frame; no content script there, no receiver.
      async sendMessage(tabId, message, { frameId } = {}) {
        const tab = tabs.get(tabId);
        if (!tab) throw noTab(tabId);
        if (!tab.contentScript || frameId !== 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        tab.received.push(copy(message));
        switch (message.type) {
          case 'reuselens:collect': return { text: tab.text, mode: 'article', title: tab.title, url: tab.url };
          case 'reuselens:paint':
            tab.painted = copy(message.passages);
            return { painted: message.passages.length, mode: 'article' };
          case 'reuselens:clear':
            tab.painted = null;
            return { cleared: true };
          default: return undefined;
        }
      },
    },
    action: {
      async setBadgeText({ tabId, text }) { badges.set(tabId, text); },
      async setBadgeBackgroundColor() {},
    },
    commands: { onCommand: event() },
  };

  return {
    chrome,
    menus,
    registered,
    store,
    badges,
    grantAllSites(on) { if (on) granted.add('<all_urls>'); else granted.delete('<all_urls>'); },
    /** A tab showing a page with this text; its content script is there once injected (or loaded on its own). */
    openTab({ url, title, text, contentScript = false }) {
      const tab = { id: nextTabId++, url, title, text, contentScript, received: [], painted: null };
      tabs.set(tab.id, tab);
      return tab;
    },
    install(reason = 'install') { for (const f of chrome.runtime.onInstalled.listeners) f({ reason }); },
    clickMenu(info, tab) {
      for (const f of chrome.contextMenus.onClicked.listeners) f(info, { id: tab.id, url: tab.url, title: tab.title });
    },
    /** runtime.sendMessage from another context (sender), resolved with the answer. */
    send(message, sender = { id: chrome.runtime.id, url: new URL('popup/popup.html', extensionUrl).href }) {
      return new Promise((resolve, reject) => {
        let pending = false;
        for (const f of onMessage.listeners) if (f(copy(message), sender, (answer) => resolve(copy(answer))) === true) pending = true;
        if (!pending) reject(new Error('Could not establish connection. Receiving end does not exist.'));
      });
    },
  };
}

let workers = 0;
/** A new service worker in a new profile (its own chrome, IndexedDB and module instance). */
async function startWorker() {
  const browser = fakeBrowser({ extensionUrl: `http://127.0.0.1:${files.address().port}/` });
  globalThis.chrome = browser.chrome;
  globalThis.indexedDB = new IDBFactory();
  await import(`${bundleUrl}?worker=${++workers}`);
  const ask = async (message, sender) => {
    const answer = await browser.send(message, sender);
    if (!answer.ok) throw new Error(answer.error);
    return answer.result;
  };
  return { ...browser, ask };
}

async function until(condition, what, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const types = (tab) => tab.received.map((m) => m.type);
const seedSource = (id, url = `https://sources.example/${id}.html`) => ({ id, title: SEEDS[id].title, url, text: SEEDS[id].text });
// A page that spins seed 001 (seed 000, as in the seeds' ground truth).
const spunPage = (url) => ({ url, title: SEEDS['000'].title, text: SEEDS['000'].text });

// ---- context menu ------------------------------------------------------------------

test('installing creates both menu items; an update replaces them instead of failing on duplicates', async () => {
  const w = await startWorker();
  w.install();
  await until(() => w.menus.size === 2, 'the menu items');
  assert.deepEqual(w.menus.get(MENU.page).contexts, ['page']);
  assert.deepEqual(w.menus.get(MENU.selection).contexts, ['selection']);
  assert.match(w.menus.get(MENU.page).title, /Add this page/);
  assert.match(w.menus.get(MENU.selection).title, /Add the selection/);

  w.menus.get(MENU.page).title = 'stale';
  w.install('update');
  await until(() => w.menus.size === 2 && w.menus.get(MENU.page).title !== 'stale', 'the menu items created again');
});

test('"Add the selection" adds a source with the selected text, then checks the tab', async () => {
  const w = await startWorker();
  await w.ask({ type: 'library:add', sources: [seedSource('001')] });
  const tab = w.openTab(spunPage('https://copies.example/story.html'));
  const selection = firstLongParagraph(SEEDS['000']);

  w.clickMenu({ menuItemId: MENU.selection, selectionText: selection, pageUrl: tab.url }, tab);
  const result = await until(() => w.ask({ type: 'result', tabId: tab.id }), 'the check after adding');

  const added = (await w.ask({ type: 'library:list' })).filter((s) => s.id !== '001');
  assert.equal(added.length, 1);
  const source = await w.ask({ type: 'library:source', id: added[0].id });
  assert.deepEqual([source.title, source.url, source.text], [`Selection from ${tab.title}`, tab.url, selection]);
  // The check read the page and painted what it found: the spun copy of 001,
  // and not the selection (it has this page's address, so it is not a copy of it).
  assert.deepEqual(types(tab).slice(0, 2), ['reuselens:collect', 'reuselens:paint']);
  assert.ok(tab.painted.some((p) => p.sourceId === '001' && p.kind === 'spun'));
  assert.ok(result.passages.length > 0 && result.passages.every((p) => p.sourceId === '001'));
  assert.match(w.badges.get(tab.id), /^\d+%$/);
});

test('"Add this page" adds the text the content script reads; the same address again replaces that source', async () => {
  const w = await startWorker();
  const url = 'https://copies.example/story.html';
  await w.ask({ type: 'library:add', sources: [seedSource('001'), { id: 'old', title: 'Old copy', url, text: SEEDS['002'].text }] });
  const tab = w.openTab(spunPage(url));

  w.clickMenu({ menuItemId: MENU.page, pageUrl: url }, tab);
  // Adding checks the page first (that puts the content script there), then again once the page is a source.
  await until(() => types(tab).filter((t) => t === 'reuselens:paint').length === 2, 'the check after adding');
  const list = await w.ask({ type: 'library:list' });
  assert.deepEqual(list.map((s) => s.id), ['001', 'old'], 'replaced, not added twice');
  const source = await w.ask({ type: 'library:source', id: 'old' });
  assert.deepEqual([source.title, source.url, source.text], [tab.title, url, SEEDS['000'].text]);
  // The page is in the library now, under its own address: never a copy of itself.
  assert.ok(tab.painted.length > 0 && tab.painted.every((p) => p.sourceId === '001'));

  // A page not in the library yet is added as a new source.
  const other = w.openTab({ url: 'https://news.example/kerry.html', title: 'Kerry', text: SEEDS['001'].text });
  w.clickMenu({ menuItemId: MENU.page, pageUrl: other.url }, other);
  await until(() => types(other).filter((t) => t === 'reuselens:paint').length === 2, 'the check after adding');
  const fresh = (await w.ask({ type: 'library:list' })).find((s) => s.url === other.url);
  assert.equal((await w.ask({ type: 'library:source', id: fresh.id })).text, SEEDS['001'].text);
});

test('an empty selection or a page without text is refused: nothing added, nothing checked', async (t) => {
  const w = await startWorker();
  const warn = t.mock.method(console, 'warn', () => {});
  const tab = w.openTab(spunPage('https://copies.example/story.html'));

  w.clickMenu({ menuItemId: MENU.selection, selectionText: ' \n\t ', pageUrl: tab.url }, tab);
  await until(() => warn.mock.callCount() === 1, 'the warning');
  assert.equal(warn.mock.calls[0].arguments[0], 'ReuseLens: nothing is selected');
  assert.deepEqual(types(tab), []);

  const blank = w.openTab({ url: 'https://copies.example/blank.html', title: 'Blank', text: '   ' });
  w.clickMenu({ menuItemId: MENU.page, pageUrl: blank.url }, blank);
  await until(() => warn.mock.callCount() === 2, 'the second warning');
  assert.equal(warn.mock.calls[1].arguments[0], 'ReuseLens: this page has no text to add');
  assert.deepEqual(await w.ask({ type: 'library:list' }), []);
});

// ---- automatic checking ----------------------------------------------------------------

test("'page:loaded' checks the page only with automatic checking on, only from the top frame, never on a disabled site", async () => {
  const w = await startWorker();
  await w.ask({ type: 'library:add', sources: [seedSource('001')] });
  // Tabs where the registered content script already runs (it sends 'page:loaded' on its own).
  const tab = w.openTab({ ...spunPage('https://copies.example/story.html'), contentScript: true });
  const off = w.openTab({ ...spunPage('https://quiet.example/story.html'), contentScript: true });
  const loaded = (t, frameId = 0) => w.ask({ type: 'page:loaded' }, { id: w.chrome.runtime.id, tab: { id: t.id, url: t.url }, frameId, url: t.url });

  assert.equal(await loaded(tab), null, 'automatic checking is off by default');
  assert.deepEqual(types(tab), []);

  await w.chrome.storage.local.set({ settings: { autoCheck: true, disabledSites: ['quiet.example'] } });
  assert.equal(await loaded(tab, 3), null, 'a frame inside the page');
  assert.deepEqual(types(tab), []);
  assert.equal(await loaded(off), null, 'a site the user turned off');
  assert.deepEqual(types(off), []);

  const passages = await loaded(tab);
  assert.ok(passages.some((p) => p.sourceId === '001' && p.kind === 'spun'));
  assert.deepEqual(types(tab), ['reuselens:collect', 'reuselens:paint']);
  assert.equal(tab.painted.length, passages.length);
  assert.deepEqual((await w.ask({ type: 'result', tabId: tab.id })).passages, passages);

  await w.chrome.storage.local.set({ settings: { autoCheck: false, disabledSites: ['quiet.example'] } });
  assert.equal(await loaded(tab), null, 'off again');
  assert.equal(tab.received.length, 2);
});

test("'settings:changed' registers the automatic content script only with autoCheck on and access to all sites; off unregisters it", async () => {
  const w = await startWorker();
  const changed = async (settings) => {
    await w.chrome.storage.local.set({ settings });
    return w.ask({ type: 'settings:changed' });
  };

  w.grantAllSites(true);
  await changed({ autoCheck: false, disabledSites: [] });
  assert.equal(w.registered.size, 0, 'access without the setting');

  w.grantAllSites(false);
  await changed({ autoCheck: true, disabledSites: [] });
  assert.equal(w.registered.size, 0, 'the setting without access');

  w.grantAllSites(true);
  await changed({ autoCheck: true, disabledSites: [] });
  assert.deepEqual([...w.registered.values()].map((s) => [s.js, s.matches, s.runAt]),
    [[['content.js'], ['<all_urls>'], 'document_idle']]);
  await changed({ autoCheck: true, disabledSites: ['quiet.example'] });
  assert.equal(w.registered.size, 1, 'registered once');

  await changed({ autoCheck: false, disabledSites: [] });
  assert.equal(w.registered.size, 0);

  // The access taken back while the setting stays on: unregistered too.
  await changed({ autoCheck: true, disabledSites: [] });
  assert.equal(w.registered.size, 1);
  w.grantAllSites(false);
  assert.equal(await w.ask({ type: 'settings:changed' }), null);
  assert.equal(w.registered.size, 0);
});

test('installing or updating registers the automatic content script again when the user had it on', async () => {
  const w = await startWorker();
  await w.chrome.storage.local.set({ settings: { autoCheck: true, disabledSites: [] } });
  w.grantAllSites(true);
  w.install('update');
  await until(() => w.registered.size === 1, 'the registration');
  assert.deepEqual(w.registered.get('reuselens-auto').matches, ['<all_urls>']);
});
