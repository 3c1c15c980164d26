// The library of known sources, kept in the extension's IndexedDB. It survives
// browser restarts and extension updates; the database carries a schema version
// and every older layout is migrated in place (never dropped).
//
// Schema (version 2):
//   sources  {id, title, url, text, added}   keyPath id, index 'added'
//   meta     {key, value}                     'generation': bumped by every change
//   snapshot {key: 'library', generation, bytes}: the matcher's saved library
//            (the core's .rlens format), so a restarted service worker loads it
//            in milliseconds instead of re-indexing every text
// Version 1 (the first development layout) had only `sources`, without `added`.

import { done, request, storageError } from '../../web/idb.js';

export const DB_NAME = 'reuselens';
export const DB_VERSION = 2;

const SOURCES = 'sources';
const META = 'meta';
const SNAPSHOT = 'snapshot';

// One step per version: MIGRATIONS[v] takes a database at version v to v + 1.
const MIGRATIONS = [
  (db) => db.createObjectStore(SOURCES, { keyPath: 'id' }),
  (db, tx) => {
    const sources = tx.objectStore(SOURCES);
    // v1 sources had no `added`: number them in their key order, oldest first.
    let n = 0;
    sources.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (typeof cursor.value.added !== 'number') cursor.update({ ...cursor.value, added: n });
      n += 1;
      cursor.continue();
    };
    sources.createIndex('added', 'added');
    db.createObjectStore(META, { keyPath: 'key' });
    db.createObjectStore(SNAPSHOT, { keyPath: 'key' });
  },
];

/** Opens (creating or migrating) the library database. */
export async function openLibraryDb(name = DB_NAME, { indexedDB = globalThis.indexedDB } = {}) {
  const open = indexedDB.open(name, DB_VERSION);
  open.onupgradeneeded = (event) => {
    for (let v = event.oldVersion; v < DB_VERSION; v++) MIGRATIONS[v](open.result, open.transaction);
  };
  open.onblocked = () => { /* an older tab holds the database: the upgrade waits for it */ };
  return new LibraryDb(await request(open));
}

/** A storage error in the user's words (a full disk named as such). */
export function explainStorageError(error, what) {
  return storageError(error, what, { whose: 'for the extension', full: '; nothing was changed' });
}

export class LibraryDb {
  #db;
  constructor(db) { this.#db = db; }

  close() { this.#db.close(); }

  /** Every source, oldest first. */
  async all() {
    const tx = this.#db.transaction(SOURCES, 'readonly');
    return request(tx.objectStore(SOURCES).index('added').getAll());
  }

  async generation() {
    const tx = this.#db.transaction(META, 'readonly');
    return (await request(tx.objectStore(META).get('generation')))?.value ?? 0;
  }

  /**
   * Applies a change in one transaction (all or nothing): puts `put` sources,
   * deletes the ids in `remove` (all when remove === 'all'), bumps the generation.
   * Returns the new generation.
   */
  async change({ put = [], remove = [] }, what = 'the library could not be saved') {
    let tx;
    try {
      tx = this.#db.transaction([SOURCES, META], 'readwrite');
      const sources = tx.objectStore(SOURCES);
      const meta = tx.objectStore(META);
      if (remove === 'all') sources.clear();
      else for (const id of remove) sources.delete(id);
      for (const source of put) sources.put(source);
      const generation = ((await request(meta.get('generation')))?.value ?? 0) + 1;
      meta.put({ key: 'generation', value: generation });
      await done(tx);
      return generation;
    } catch (error) {
      // A request that throws (a source without an id) does not abort by itself.
      try { tx?.abort(); } catch { /* already finished */ }
      throw explainStorageError(error, what);
    }
  }

  /** The saved matcher library if it reflects `generation`, else null. */
  async snapshot(generation) {
    const tx = this.#db.transaction(SNAPSHOT, 'readonly');
    const saved = await request(tx.objectStore(SNAPSHOT).get('library'));
    return saved && saved.generation === generation ? saved.bytes : null;
  }

  async saveSnapshot(generation, bytes) {
    const tx = this.#db.transaction(SNAPSHOT, 'readwrite');
    tx.objectStore(SNAPSHOT).put({ key: 'library', generation, bytes });
    await done(tx);
  }
}
