// The automation hook, for tests and power users: in the service worker's (or
// Firefox's background page's) global scope,
//   await reuselens.importSources([{id, title, url, text}])  -> {added: n, ids}
//   await reuselens.clearLibrary()                           -> {removed: n}
//   await reuselens.checkTab(tabId)                          -> the passages highlighted
// Each works without a click or prompt on pages the extension may read: the
// loopback hosts (host_permissions), pages where the toolbar button was used,
// and every site once the user allowed automatic checking.
export function installHook({ library, check }) {
  globalThis.reuselens = Object.freeze({
    async importSources(sources) {
      if (!Array.isArray(sources)) throw new TypeError('importSources expects an array of {id, title, url, text}');
      const ids = await (await library()).add(sources);
      return { added: ids.length, ids };
    },
    async clearLibrary() {
      const lib = await library();
      const removed = lib.size;
      await lib.clear();
      return { removed };
    },
    async checkTab(tabId) {
      if (!Number.isInteger(tabId)) throw new TypeError('checkTab expects a tab id (an integer)');
      return check(tabId);
    },
  });
}
