// What the popup and the library page share: asking the service worker, the
// status line (#status) of the page, the automatic-checking switch.
import { ext, requestAllSitesAccess } from '../platform/browser.js';
import { saveSettings } from './settings.js';

/** Sends a message to the service worker; resolves with its result or throws its error. */
export async function ask(message) {
  const answer = await ext.runtime.sendMessage(message);
  if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  return answer.result;
}

/** Shows a message in the page's status line (red when it is an error). */
export function say(text, { error = false } = {}) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** The "check every page automatically" checkbox changed: ask for access, save, tell the worker. */
export async function toggleAutoCheck(event) {
  // The permission prompt needs this click: ask before anything is awaited.
  const granted = event.target.checked ? await requestAllSitesAccess() : true;
  if (!granted) event.target.checked = false;
  await saveSettings({ autoCheck: event.target.checked });
  await ask({ type: 'settings:changed' });
}
