// IndexedDB requests and transactions as promises, and storage errors in words
// a user understands. Shared by the web demo's store and the extension's library.

export function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
  });
}

/** An Error saying what failed; a full disk is named as such (`whose`: whose storage). */
export function storageError(error, what, { whose = 'for this site', full = '' } = {}) {
  const name = error?.name ?? 'Error';
  if (name === 'QuotaExceededError') return new Error(`${what}: the browser's storage ${whose} is full${full}`);
  return new Error(`${what}: ${error?.message || name}`);
}
