// The user's settings, in the extension's storage.local (shared by every context).
import { ext } from '../platform/browser.js';

export const DEFAULT_SETTINGS = Object.freeze({
  autoCheck: false,      // check every page on load; off until the user opts in
  disabledSites: [],     // hostnames never checked automatically
});

export async function loadSettings() {
  const stored = await ext.storage.local.get('settings');
  return { ...DEFAULT_SETTINGS, ...(stored.settings ?? {}) };
}

export async function saveSettings(changes) {
  const settings = { ...(await loadSettings()), ...changes };
  await ext.storage.local.set({ settings });
  return settings;
}

export function siteOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
