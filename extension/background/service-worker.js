// The extension's background: the library and the matcher (WASM, off every
// page's thread), the messages of the popup, options page and content scripts,
// the context menu, automatic checking, and the automation hook.
import { ext, packaged, sendToTab, setAutoContentScript, hasAllSitesAccess } from '../platform/browser.js';
import { loadSettings, siteOf } from '../shared/settings.js';
import { checkTab, clearTab, forgetTab, resultOf } from './checker.js';
import { Library } from './library.js';
import { installHook } from './hook.js';

let libraryPromise = null;
function library() {
  libraryPromise ??= Library.open({ wasmUrl: packaged('lib/reuselens/reuselens_core.wasm') }).catch((error) => {
    libraryPromise = null;  // let the next request try again
    throw error;
  });
  return libraryPromise;
}

async function check(tabId) {
  return checkTab(tabId, await library());
}

// The page's text as a source: what the content script reads, with its title and address.
async function addPage(tabId) {
  await check(tabId).catch(() => {});  // injects the content script (and shows what it already reuses)
  const page = await sendToTab(tabId, { type: 'reuselens:collect' });
  if (!page?.text?.trim()) throw new Error('this page has no text to add');
  const lib = await library();
  const existing = lib.list().find((s) => s.url === page.url);
  const [id] = await lib.add([{ id: existing?.id, title: page.title || page.url, url: page.url, text: page.text }]);
  return { id, title: page.title, length: page.text.length, replaced: Boolean(existing) };
}

async function addSelection(tab, text) {
  if (!text?.trim()) throw new Error('nothing is selected');
  const lib = await library();
  const [id] = await lib.add([{ title: `Selection from ${tab.title || tab.url}`, url: tab.url ?? '', text }]);
  return { id };
}

const handlers = {
  check: ({ tabId }) => check(tabId),
  clear: ({ tabId }) => clearTab(tabId),
  result: ({ tabId }) => resultOf(tabId),
  reveal: ({ tabId, index }) => sendToTab(tabId, { type: 'reuselens:reveal', index }),
  addPage: ({ tabId }) => addPage(tabId),
  'library:list': async () => (await library()).list(),
  'library:source': async ({ id }) => (await library()).source(id),
  'library:add': async ({ sources }) => ({ ids: await (await library()).add(sources) }),
  'library:remove': async ({ ids }) => ({ removed: await (await library()).remove(ids) }),
  'library:clear': async () => (await library()).clear(),
  // Bytes as base64: Chromium's extension messages carry JSON only.
  'library:export': async () => toBase64((await library()).save()),
  'settings:changed': () => syncAutoCheck(),
  // From a content script that the automatic-checking registration put on a page.
  'page:loaded': async (_, sender) => {
    if (sender.frameId === 0 && await wantsAutoCheck(sender.tab?.url)) return check(sender.tab.id);
    return null;
  },
  // From a content script when the page's text changed (dynamic pages), debounced there.
  'page:changed': async (_, sender) => (resultOf(sender.tab?.id) ? check(sender.tab.id) : null),
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler) return false;
  Promise.resolve()
    .then(() => handler(message, sender))
    .then((result) => sendResponse({ ok: true, result: result ?? null }),
      (error) => sendResponse({ ok: false, error: error?.message ?? String(error) }));
  return true;  // answers asynchronously
});

async function wantsAutoCheck(url) {
  const settings = await loadSettings();
  return settings.autoCheck && !settings.disabledSites.includes(siteOf(url));
}

async function syncAutoCheck() {
  const { autoCheck } = await loadSettings();
  await setAutoContentScript(autoCheck && await hasAllSitesAccess());
}

// ---- context menu ----------------------------------------------------------
const MENU = { page: 'reuselens-add-page', selection: 'reuselens-add-selection' };
ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.removeAll(() => {
    ext.contextMenus.create({ id: MENU.page, title: 'Add this page to the ReuseLens library', contexts: ['page'] });
    ext.contextMenus.create({ id: MENU.selection, title: 'Add the selection to the ReuseLens library', contexts: ['selection'] });
  });
  syncAutoCheck().catch(() => {});
});
ext.contextMenus.onClicked.addListener((info, tab) => {
  const task = info.menuItemId === MENU.selection ? addSelection(tab, info.selectionText) : addPage(tab.id);
  task.then(() => check(tab.id)).catch((error) => console.warn(`ReuseLens: ${error.message}`));
});

// ---- keyboard shortcuts (manifest "commands"; the user can change the keys) ----
const STEPS = { 'next-passage': 1, 'previous-passage': -1 };
ext.commands.onCommand.addListener(async (command, tab) => {
  if (!STEPS[command]) return;
  const tabId = tab?.id ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  // Only pages checked in this tab have passages to step through.
  if (tabId === undefined || !resultOf(tabId)) return;
  sendToTab(tabId, { type: 'reuselens:step', delta: STEPS[command] }).catch(() => {});
});

// ---- tabs --------------------------------------------------------------------
ext.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// A new page in the tab: the old highlights went with the old one.
ext.tabs.onUpdated.addListener((tabId, change) => { if (change.url !== undefined) forgetTab(tabId); });

installHook({ library, check });

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
