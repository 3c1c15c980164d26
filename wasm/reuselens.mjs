// ReuseLens JS API: a small wrapper around the embind module (reuselens_core.mjs,
// built from wasm/bindings.cpp), shipped beside it.
//
//   const lens = await createReuseLens({ wasmBinary });   // Node: pass the bytes
//   lens.addSource({ id, title, url, text });
//   const { passages } = lens.match(pageText);            // UTF-16 offsets
//   lens.dispose();
//
// Errors are thrown as Error with the core's message. Offsets are UTF-16 code
// units, as String.prototype.slice counts them.
import createReuseLensCore from './reuselens_core.mjs';

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

// Backstop for a library that is garbage-collected without dispose().
const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => { try { handle.delete(); } catch { /* already gone */ } })
  : null;

/**
 * Instantiates the WASM core and returns an empty library.
 * @param {object} [options]
 * @param {ArrayBuffer|Uint8Array} [options.wasmBinary] the bytes of reuselens_core.wasm
 *   (required in Node; in browsers the module fetches it beside reuselens_core.mjs).
 * @param {(path: string, prefix: string) => string} [options.locateFile] where to fetch
 *   reuselens_core.wasm from, when wasmBinary is not given.
 */
export async function createReuseLens({ wasmBinary, locateFile } = {}) {
  const moduleOptions = {};
  if (wasmBinary !== undefined) moduleOptions.wasmBinary = wasmBinary;
  if (locateFile !== undefined) moduleOptions.locateFile = locateFile;
  const core = await createReuseLensCore(moduleOptions);

  let library = new core.Library();
  let broken = null;  // set when the module failed in a way that leaves its state unknown

  // Runs fn(library), turning what the module throws into an Error. A C++ exception
  // (only allocation failures are left) arrives as a bare number and an abort as a
  // RuntimeError: either way the module's memory can no longer be trusted.
  function call(fn) {
    if (broken) throw broken;
    if (library === null) throw new Error('ReuseLens: this library was disposed');
    try {
      return fn(library);
    } catch (error) {
      // A bad argument caught by embind before the call: nothing happened.
      if (error instanceof TypeError || error?.name === 'BindingError') throw error;
      broken = new Error(`ReuseLens: the WASM core failed (${error instanceof Error ? error.message : `C++ exception ${error}`}); create a new library`);
      throw broken;
    }
  }

  function check(errorMessage) {
    if (errorMessage) throw new Error(errorMessage);
  }

  const api = {
    /** Adds a source; throws on a duplicate or empty id. */
    addSource({ id, title = '', url = '', text: sourceText } = {}) {
      const args = [text(id, 'id'), text(title, 'title'), text(url, 'url'), text(sourceText, 'text')];
      check(call((lib) => lib.addSource(...args)));
    },

    /** Removes a source; false when there was none with this id. */
    removeSource(id) {
      const key = text(id, 'id');
      return call((lib) => lib.removeSource(key));
    },

    /**
     * Passages of the page that reuse library sources, in page order:
     * {start, end, sourceId, sourceStart, sourceEnd, score, kind}, offsets in UTF-16
     * code units of `pageText` and of the source's text.
     */
    match(pageText) {
      const page = text(pageText, 'text');
      const result = call((lib) => lib.match(page));
      check(result.error);
      return { passages: result.passages };
    },

    /** The library as bytes (the core's versioned binary format). */
    save() {
      return call((lib) => lib.save());
    },

    /** Replaces the library with saved bytes; on error it is left as it was. */
    load(bytes) {
      const view = bytesOf(bytes);
      check(call((lib) => lib.load(view)));
    },

    /** Number of sources. */
    get size() {
      return call((lib) => lib.size());
    },

    /** Frees the WASM-side library; the object is unusable afterwards. */
    dispose() {
      if (library === null) return;
      registry?.unregister(api);
      try { library.delete(); } catch { /* the module failed earlier */ }
      library = null;
    },
  };
  registry?.register(api, library, api);
  return api;
}

export default createReuseLens;
