// The user's library as the service worker holds it: the sources in IndexedDB
// (the truth) and the WASM matcher built from them. A change reaches both or
// neither: what the core refuses is never stored, and a failed write is undone
// in the matcher. The matcher's own saved form (snapshot)
// is rewritten a little after changes settle, so a restarted worker loads it
// instead of indexing every text again.
import { createReuseLens } from '../lib/reuselens/index.js';
import { openLibraryDb } from './library-db.js';
import { hueOf } from '../../web/colors.js';

const SNAPSHOT_DELAY_MS = 1500;


export class Library {
  #db;
  #lens;
  #sources = new Map();  // id -> {id, title, url, added, length}, oldest first (texts live in the matcher)
  #positions = null;     // id -> position, rebuilt after changes
  #generation = 0;
  #snapshotTimer = null;

  static async open({ wasmUrl, dbName } = {}) {
    const library = new Library();
    await library.#init(wasmUrl, dbName);
    return library;
  }

  async #init(wasmUrl, dbName) {
    this.#db = await openLibraryDb(dbName);
    this.#lens = await createReuseLens({ wasmUrl });
    const sources = await this.#db.all();
    for (const s of sources) this.#sources.set(s.id, entryOf(s));
    this.#generation = await this.#db.generation();
    const bytes = await this.#db.snapshot(this.#generation);
    if (bytes) {
      try {
        this.#lens.load(bytes);
        if (this.#lens.size === sources.length) return;
      } catch {
        // A damaged snapshot: the texts are the truth, rebuild from them below.
      }
      this.#lens.dispose();
      this.#lens = await createReuseLens({ wasmUrl });
    }
    for (const s of sources) {
      try {
        this.#lens.addSource(s);
      } catch (error) {
        console.warn(`ReuseLens: source ${s.id} not indexed: ${error.message}`);
      }
    }
    this.#scheduleSnapshot();
  }

  get size() { return this.#sources.size; }

  /** [{id, title, url, added, length}] without the texts, oldest first. */
  list() {
    return [...this.#sources.values()];
  }

  /** {id, title, url, added, length, text} or null. */
  source(id) {
    const entry = this.#sources.get(id);
    return entry ? { ...entry, text: this.#lens.sourceText(id) ?? '' } : null;
  }

  hue(id) {
    this.#positions ??= new Map([...this.#sources.keys()].map((key, i) => [key, i]));
    return hueOf(this.#positions.get(id) ?? 0);
  }

  /**
   * Adds sources ({id?, title, url, text}); all or nothing. An entry without id
   * gets one; an existing id is replaced. Throws with the reason when an entry
   * is refused or storage fails; the library is then unchanged.
   */
  async add(entries) {
    const now = Date.now();
    const prepared = entries.map((entry, i) => prepareSource(entry, i, now));
    const ids = new Set();
    for (const s of prepared) {
      if (ids.has(s.id)) throw new Error(`the id ${JSON.stringify(s.id)} appears twice; nothing was added`);
      ids.add(s.id);
    }
    const replaced = prepared.filter((s) => this.#sources.has(s.id)).map((s) => this.source(s.id));
    for (const old of replaced) this.#lens.removeSource(old.id);
    const rollback = () => {
      for (const s of prepared) this.#lens.removeSource(s.id);
      this.#addToLens(replaced);
    };
    try {
      this.#addToLens(prepared);
      for (const s of prepared) s.added = this.#sources.get(s.id)?.added ?? s.added;  // keeps its place and colour
      this.#generation = await this.#db.change({ put: prepared }, 'the sources could not be saved');
    } catch (error) {
      rollback();
      throw error;
    }
    for (const s of prepared) this.#sources.set(s.id, entryOf(s));
    this.#changed();
    return prepared.map((s) => s.id);
  }

  #addToLens(sources) {
    sources.forEach((s, i) => {
      try {
        this.#lens.addSource(s);
      } catch (error) {
        throw new Error(`source ${i + 1} (${s.title}): ${error.message}; nothing was added`);
      }
    });
  }

  async remove(ids) {
    const present = ids.filter((id) => this.#sources.has(id));
    if (present.length === 0) return 0;
    this.#generation = await this.#db.change({ remove: present });
    for (const id of present) {
      this.#sources.delete(id);
      this.#lens.removeSource(id);
    }
    this.#changed();
    return present.length;
  }

  async clear() {
    this.#generation = await this.#db.change({ remove: 'all' });
    this.#sources.clear();
    for (const { id } of this.#lens.sources()) this.#lens.removeSource(id);
    this.#changed();
  }

  /** The library in the core's file format (what `reuselens library build` writes). */
  save() { return this.#lens.save(); }

  match(text, options) { return this.#lens.match(text, options); }

  memory() { return this.#lens.memory(); }

  #changed() {
    this.#positions = null;
    this.#sources = new Map([...this.#sources.values()].sort((a, b) => a.added - b.added).map((s) => [s.id, s]));
    this.#scheduleSnapshot();
  }

  #scheduleSnapshot() {
    clearTimeout(this.#snapshotTimer);
    const generation = this.#generation;
    this.#snapshotTimer = setTimeout(() => {
      if (generation !== this.#generation) return;
      this.#db.saveSnapshot(generation, this.#lens.save()).catch((error) => {
        console.warn(`ReuseLens: the library snapshot was not saved (${error.message}); the next start indexes the texts`);
      });
    }, SNAPSHOT_DELAY_MS);
  }
}

const entryOf = ({ id, title, url, added, text }) => ({ id, title, url, added, length: text.length });

let counter = 0;
function prepareSource(entry, index, now) {
  if (!entry || typeof entry !== 'object') throw new Error(`source ${index + 1} is not an object; nothing was added`);
  const { text } = entry;
  if (typeof text !== 'string' || !text.trim()) throw new Error(`source ${index + 1} has no text; nothing was added`);
  const id = entry.id === undefined || entry.id === null || entry.id === ''
    ? `src-${now.toString(36)}-${(counter++).toString(36)}`
    : String(entry.id);
  const title = typeof entry.title === 'string' && entry.title.trim() ? entry.title.trim() : id;
  const url = typeof entry.url === 'string' ? entry.url : '';
  return { id, title, url, text, added: now + index / 1000 };
}
