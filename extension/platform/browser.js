// The one place that knows which browser the extension runs in (as uBlock Origin
// keeps its platform/ layer): Chromium exposes `chrome.*` with promises, Firefox
// `browser.*`. Everything else imports `ext` and these helpers.
export const ext = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome;

export const isFirefox = typeof globalThis.browser?.runtime?.getBrowserInfo === 'function';

/** The toolbar badge of one tab: text ('' clears it) and its colour. */
export async function setBadge(tabId, text, color = '#8a4b00') {
  await ext.action.setBadgeText({ tabId, text });
  if (text) await ext.action.setBadgeBackgroundColor({ tabId, color });
}

/** Runs the bundled content script in a tab's top frame (it guards against running twice). */
export async function injectContentScript(tabId) {
  await ext.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/** Sends a message to the content script of a tab's top frame. */
export function sendToTab(tabId, message) {
  return ext.tabs.sendMessage(tabId, message, { frameId: 0 });
}

/** Whether the extension may read pages of every site (granted by the user for automatic checking). */
export function hasAllSitesAccess() {
  return ext.permissions.contains({ origins: ['<all_urls>'] });
}

/** Asks for access to every site; must run in a user gesture (popup or options click). */
export function requestAllSitesAccess() {
  return ext.permissions.request({ origins: ['<all_urls>'] });
}

/** The content script registered for automatic checking on every page (needs all-sites access). */
const AUTO_SCRIPT = { id: 'reuselens-auto', js: ['content.js'], matches: ['<all_urls>'], runAt: 'document_idle' };

export async function setAutoContentScript(on) {
  const registered = await ext.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT.id] });
  if (on && registered.length === 0) await ext.scripting.registerContentScripts([AUTO_SCRIPT]);
  if (!on && registered.length > 0) await ext.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT.id] });
}

/** The URL of a file packaged with the extension. */
export const packaged = (path) => ext.runtime.getURL(path);
