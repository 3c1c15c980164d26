// ReuseLens JS API: an idiomatic wrapper around the embind module
// (reuselens_core.mjs, built from wasm/bindings.cpp), shipped beside it in
// dist/reuselens/ by `make wasm`.
//
//   import { createReuseLens } from './dist/reuselens/index.js';
//   const lens = await createReuseLens();   // Node: finds its .wasm beside it
//   lens.addSource({ id, title, url, text });
//   const { passages } = lens.match(pageText);  // offsets in UTF-16 code units
//   lens.dispose();
//
// Errors are thrown as Error with the core's message. Offsets are UTF-16 code
// units, as String.prototype.slice counts them.
import createReuseLensCore from './reuselens_core.mjs';

/** The kinds of reuse, from the closest copy to the loosest. */
export const KINDS = Object.freeze(['verbatim', 'edited', 'spun', 'paraphrase', 'summary']);

// embind converts JS strings to UTF-8 and mangles lone surrogates ('a\uD800b' loses
// the 'b'). Replacing each with U+FFFD keeps every UTF-16 offset where it was.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const toWellFormed = typeof String.prototype.toWellFormed === 'function'
  ? (s) => s.toWellFormed()
  : (s) => s.replace(LONE_SURROGATE, '\uFFFD');

function text(value, name) {
  if (typeof value !== 'string') throw new TypeError(`ReuseLens: ${name} must be a string`);
  return toWellFormed(value);
}

function bytesOf(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new TypeError('ReuseLens: load() expects a Uint8Array, an ArrayBuffer or a typed array view');
}

// In Node the module cannot fetch its .wasm: read it from beside this file.
async function nodeWasmBinary() {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL('./reuselens_core.wasm', import.meta.url));
}

// Backstop for a ReuseLens that is garbage-collected without dispose().
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => { try { handle.delete(); } catch { /* already gone */ } })
  : null;

/** A library of known sources and the matcher over it (one WASM instance). */
export class ReuseLens {
  #core;
  #library;
  #stepNames;
  #broken = null;  // set when the module failed in a way that leaves its state unknown
  #sources = null; // cached sources(), by id; dropped on every change

  /** @internal use createReuseLens() */
  constructor(core) {
    this.#core = core;
    this.#library = new core.Library();
    this.#stepNames = core.stepNames();
    registry?.register(this, this.#library, this);
  }

  // Runs fn(library), turning what the module throws into an Error. A C++ exception
  // (only allocation failures are left) arrives as a bare number and an abort as a
  // RuntimeError: either way the module's memory can no longer be trusted.
  #call(fn) {
    if (this.#broken) throw this.#broken;
    if (this.#library === null) throw new Error('ReuseLens: this library was disposed');
    try {
      return fn(this.#library);
    } catch (error) {
      // A bad argument caught by embind before the call: nothing happened.
      if (error instanceof TypeError || error?.name === 'BindingError') throw error;
      const why = error instanceof Error ? error.message : `C++ exception ${error}`;
      this.#broken = new Error(`ReuseLens: the WASM core failed (${why}); create a new ReuseLens`);
      throw this.#broken;
    }
  }

  #sourceMap() {
    if (this.#sources === null) this.#sources = new Map(this.sources().map((s) => [s.id, s]));
    return this.#sources;
  }

  /** Adds a source; throws on a duplicate or empty id, or a text that is not a string. */
  addSource({ id, title = '', url = '', text: sourceText } = {}) {
    const args = [text(id, 'id'), text(title, 'title'), text(url, 'url'), text(sourceText, 'text')];
    const error = this.#call((lib) => lib.addSource(...args));
    if (error) throw new Error(`ReuseLens: source ${JSON.stringify(args[0])} not added: ${error}`);
    this.#sources = null;
  }

  /** Removes a source; false when there was none with this id. */
  removeSource(id) {
    const key = text(id, 'id');
    const removed = this.#call((lib) => lib.removeSource(key));
    this.#sources = null;
    return removed;
  }

  /** The sources, in the order added: {id, title, url, length} (length in UTF-16 units). */
  sources() {
    return this.#call((lib) => lib.sources());
  }

  /** A source's text, or undefined when there is none with this id. */
  sourceText(id) {
    const key = text(id, 'id');
    if (!this.#sourceMap().has(key)) return undefined;
    return this.#call((lib) => lib.sourceText(key));
  }

  /** Number of sources. */
  get size() {
    return this.#call((lib) => lib.size());
  }

  /**
   * Passages of the page that reuse library sources, in page order, not overlapping.
   * @param {string} pageText
   * @param {{minChars?: number, kinds?: string[], exclude?: string[]}} [options] minChars:
   *   drop passages shorter than this (code points, the longer side counts); kinds: keep
   *   only these; exclude: ids of sources to leave out (e.g. the page itself).
   */
  match(pageText, { minChars = 0, kinds, exclude = [] } = {}) {
    const page = text(pageText, 'text');
    if (typeof minChars !== 'number' || !(minChars >= 0)) throw new TypeError('ReuseLens: minChars must be a number >= 0');
    if (kinds !== undefined) {
      if (!Array.isArray(kinds)) throw new TypeError('ReuseLens: kinds must be an array');
      const unknown = kinds.filter((k) => !KINDS.includes(k));
      if (unknown.length) throw new TypeError(`ReuseLens: unknown kinds ${unknown.join(', ')} (known: ${KINDS.join(', ')})`);
    }
    if (!Array.isArray(exclude)) throw new TypeError('ReuseLens: exclude must be an array of source ids');
    const excludeIds = exclude.map((id) => text(id, 'exclude id'));
    const result = this.#call((lib) => lib.match(page, minChars, excludeIds));
    if (result.error) throw new Error(`ReuseLens: ${result.error}`);
    const sources = this.#sourceMap();
    const passages = [];
    for (const p of result.passages) {
      if (kinds && !kinds.includes(p.kind)) continue;
      const source = sources.get(p.sourceId);
      passages.push({
        start: p.start,
        end: p.end,
        sourceId: p.sourceId,
        sourceTitle: source?.title ?? '',
        sourceUrl: source?.url ?? '',
        sourceStart: p.sourceStart,
        sourceEnd: p.sourceEnd,
        score: p.score,
        kind: p.kind,
        quoted: p.quoted,
        alignment: this.#steps(p.alignment),
      });
    }
    return { passages };
  }

  #steps(flat) {
    const steps = new Array(flat.length / 5);
    for (let i = 0, k = 0; k < flat.length; ++i, k += 5) {
      steps[i] = {
        op: this.#stepNames[flat[k]],
        page: flat[k + 1] < 0 ? null : [flat[k + 1], flat[k + 2]],
        source: flat[k + 3] < 0 ? null : [flat[k + 3], flat[k + 4]],
      };
    }
    return steps;
  }

  /** The library as bytes (the core's versioned format, as `reuselens library build` writes). */
  save() {
    return this.#call((lib) => lib.save());
  }

  /** Replaces the library with saved bytes; on error it is left as it was. */
  load(bytes) {
    const view = bytesOf(bytes);
    const error = this.#call((lib) => lib.load(view));
    if (error) throw new Error(`ReuseLens: library not loaded: ${error}`);
    this.#sources = null;
  }

  /**
   * What the WASM instance holds: its memory in bytes (grows, never shrinks) and the
   * JS values the bindings keep alive (0 between calls when nothing leaks).
   */
  memory() {
    return { heapBytes: this.#core.HEAP8.length, liveHandles: this.#core.count_emval_handles() };
  }

  /** Frees the WASM-side library; the object is unusable afterwards. */
  dispose() {
    if (this.#library === null) return;
    registry?.unregister(this);
    try { this.#library.delete(); } catch { /* the module failed earlier */ }
    this.#library = null;
  }
}

// Compiled modules, so that each further ReuseLens only instantiates: compiling
// the .wasm takes tens of ms, and the engine's optimized code (tiered up while
// matching) is shared by every instance of one WebAssembly.Module.
const compiledByKey = new Map();        // wasmUrl or the default -> Promise<Module>
const compiledByBinary = new WeakMap(); // caller's wasmBinary object -> Promise<Module>

function compileOnce(cache, key, compile) {
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile();
    cache.set(key, compiled);
    compiled.catch(() => cache.delete(key));  // a failed fetch may be retried
  }
  return compiled;
}

async function compileFromUrl(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`ReuseLens: cannot fetch ${url}: ${error.message}`);
  }
  if (!response.ok) throw new Error(`ReuseLens: cannot fetch ${url}: HTTP ${response.status}`);
  // Streaming needs the application/wasm type, which not every static host sends.
  if (typeof WebAssembly.compileStreaming === 'function' &&
      response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function compiledModule(wasmBinary, wasmUrl) {
  if (wasmBinary !== undefined) {
    if (!(wasmBinary instanceof ArrayBuffer) && !ArrayBuffer.isView(wasmBinary)) {
      throw new TypeError('ReuseLens: wasmBinary must be an ArrayBuffer or a typed array');
    }
    return compileOnce(compiledByBinary, wasmBinary, () => WebAssembly.compile(wasmBinary));
  }
  if (wasmUrl !== undefined) return compileOnce(compiledByKey, String(wasmUrl), () => compileFromUrl(String(wasmUrl)));
  return compileOnce(compiledByKey, '', async () => {
    const nodeBinary = await nodeWasmBinary();
    return nodeBinary ? WebAssembly.compile(nodeBinary)
      : compileFromUrl(new URL('./reuselens_core.wasm', import.meta.url).href);
  });
}

/**
 * Instantiates the WASM core and returns an empty ReuseLens. The compiled module
 * is kept, so further calls with the same wasmBinary or wasmUrl only instantiate.
 * @param {object} [options]
 * @param {ArrayBuffer|Uint8Array} [options.wasmBinary] the bytes of reuselens_core.wasm
 * @param {string|URL} [options.wasmUrl] where browsers fetch reuselens_core.wasm
 *   (default: beside reuselens_core.mjs)
 */
export async function createReuseLens({ wasmBinary, wasmUrl } = {}) {
  const module = await compiledModule(wasmBinary, wasmUrl);
  // Emscripten's factory only learns of an instance through receiveInstance, and
  // waits forever if instantiation fails: the race turns that failure into an Error.
  let failed;
  const failure = new Promise((resolve, reject) => { failed = reject; });
  const core = await Promise.race([failure, createReuseLensCore({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module),
        (error) => failed(new Error(`ReuseLens: cannot instantiate the WASM module: ${error.message}`)));
      return {};
    },
  })]);
  return new ReuseLens(core);
}

export default createReuseLens;
