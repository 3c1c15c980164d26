// The demo's library of sources, kept in IndexedDB so it survives reloads.
// IndexedDB holds the texts (the truth); the matcher in the worker is rebuilt
// from it at start-up. Where IndexedDB is unavailable (some private windows)
// the library lives in memory and the page says so.

import { done, request, storageError } from './idb.js';

const DB_NAME = 'reuselens-demo';
const DB_VERSION = 1;
const SOURCES = 'sources';  // {id, title, url, text, added}
const META = 'meta';        // {key, value}: 'seeded' once the demo library was put in

async function openDatabase() {
  const open = indexedDB.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
  };
  return request(open);
}

class IndexedDbStore {
  persistent = true;
  #db;
  constructor(db) { this.#db = db; }

  async all() {
    const tx = this.#db.transaction(SOURCES, 'readonly');
    const sources = await request(tx.objectStore(SOURCES).getAll());
    return sources.sort((a, b) => a.added - b.added);
  }

  // All or nothing: one transaction.
  async put(sources) {
    try {
      const tx = this.#db.transaction(SOURCES, 'readwrite');
      for (const source of sources) tx.objectStore(SOURCES).put(source);
      await done(tx);
    } catch (error) {
      throw storageError(error, 'the source could not be saved');
    }
  }

  async remove(id) {
    try {
      const tx = this.#db.transaction(SOURCES, 'readwrite');
      tx.objectStore(SOURCES).delete(id);
      await done(tx);
    } catch (error) {
      throw storageError(error, 'the library could not be saved');
    }
  }

  async replaceAll(sources) {
    try {
      const tx = this.#db.transaction([SOURCES, META], 'readwrite');
      tx.objectStore(SOURCES).clear();
      for (const source of sources) tx.objectStore(SOURCES).put(source);
      tx.objectStore(META).put({ key: 'seeded', value: true });
      await done(tx);
    } catch (error) {
      throw storageError(error, 'the library could not be saved');
    }
  }

  async seeded() {
    const tx = this.#db.transaction(META, 'readonly');
    return Boolean((await request(tx.objectStore(META).get('seeded')))?.value);
  }
}

class MemoryStore {
  persistent = false;
  #sources = new Map();
  #seeded = false;
  async all() { return [...this.#sources.values()].sort((a, b) => a.added - b.added); }
  async put(sources) { for (const s of sources) this.#sources.set(s.id, s); }
  async remove(id) { this.#sources.delete(id); }
  async replaceAll(sources) {
    this.#sources = new Map(sources.map((s) => [s.id, s]));
    this.#seeded = true;
  }
  async seeded() { return this.#seeded; }
}

/** The persistent store, or an in-memory one (store.persistent === false) when IndexedDB fails. */
export async function openLibraryStore() {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return new IndexedDbStore(await openDatabase());
  } catch {
    return new MemoryStore();
  }
}
