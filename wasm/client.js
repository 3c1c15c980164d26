// The worker client: the ReuseLens API with every call run in a worker
// (worker.js), so a page never blocks while matching. Methods return promises.
// A match superseded by a newer one on the same channel before it ran is
// rejected with an AbortError, and so is one whose result comes back after a
// newer match was asked for: an editor checking a draft only wants the latest.
//
//   import { createReuseLensWorker } from './dist/reuselens/client.js';
//   const lens = await createReuseLensWorker();
//   await lens.addSource({ id, title, url, text });
//   const { passages } = await lens.match(pageText);
//   lens.terminate();

function abortError(message) {
  // DOMException is global in browsers and Node 17+.
  return new DOMException(message, 'AbortError');
}

async function startWorker(workerUrl) {
  if (typeof Worker === 'function') {
    const worker = new Worker(workerUrl, { type: 'module' });
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen: (onMessage, onError) => {
        worker.addEventListener('message', (event) => onMessage(event.data));
        worker.addEventListener('error', (event) => onError(new Error(event.message || 'ReuseLens worker failed')));
      },
      terminate: () => worker.terminate(),
    };
  }
  const { Worker: NodeWorker } = await import('node:worker_threads');
  const worker = new NodeWorker(workerUrl);
  worker.unref();  // an idle client does not keep Node running
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (onMessage, onError) => {
      worker.on('message', onMessage);
      worker.on('error', onError);
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * Starts a worker with its own ReuseLens and resolves once it is ready.
 * @param {object} [options]
 * @param {string|URL} [options.workerUrl] worker.js (default: beside this file)
 * @param {string|URL} [options.wasmUrl] where the worker fetches reuselens_core.wasm
 */
export async function createReuseLensWorker({ workerUrl = new URL('./worker.js', import.meta.url), wasmUrl } = {}) {
  const worker = await startWorker(workerUrl);
  const pending = new Map();  // id -> {resolve, reject}
  const latestMatch = new Map();  // channel -> id of the newest match asked for
  const queuedMatch = new Map();  // channel -> the match waiting for the one in flight
  const inFlight = new Set();  // channels with a match in the worker
  let nextId = 1;
  let failure = null;

  worker.listen(({ id, result, error }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (error) {
      const e = error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message);
      request.reject(e);
    } else {
      request.resolve(result);
    }
  }, (error) => {
    failure = error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  });

  function send(method, args = [], transfer = []) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.post({ id, method, args }, transfer);
    });
  }

  // One match per channel in the worker at a time; a newer one replaces the one
  // waiting, so a burst of keystrokes costs at most two matches.
  function runMatch(channel) {
    const next = queuedMatch.get(channel);
    if (!next || inFlight.has(channel)) return;
    queuedMatch.delete(channel);
    inFlight.add(channel);
    send('match', [next.text, next.options]).then((result) => {
      if (latestMatch.get(channel) === next.id) next.resolve(result);
      else next.reject(abortError('ReuseLens: a newer match superseded this one'));
    }, next.reject).finally(() => {
      inFlight.delete(channel);
      runMatch(channel);
    });
  }

  await send('init', [wasmUrl === undefined ? {} : { wasmUrl: String(wasmUrl) }]);

  return {
    addSource: (source) => send('addSource', [source]),
    /** Adds many sources in one message: {added, errors: [{index, id, message}]}. */
    addSources: (sources) => send('addSources', [sources]),
    removeSource: (id) => send('removeSource', [id]),
    sources: () => send('sources'),
    sourceText: (id) => send('sourceText', [id]),
    size: () => send('size'),
    save: () => send('save'),
    load: (bytes) => {
      const copy = bytes instanceof ArrayBuffer ? new Uint8Array(bytes.slice(0)) : new Uint8Array(bytes);
      return send('load', [copy], [copy.buffer]);
    },
    memory: () => send('memory'),

    /**
     * Like ReuseLens.match, in the worker. options.channel (default 'default') groups
     * requests that supersede each other; options.signal aborts one.
     */
    match(text, { channel = 'default', signal, ...options } = {}) {
      if (typeof text !== 'string') return Promise.reject(new TypeError('ReuseLens: text must be a string'));
      const id = nextId++;
      latestMatch.set(channel, id);
      return new Promise((resolve, reject) => {
        const superseded = queuedMatch.get(channel);
        superseded?.reject(abortError('ReuseLens: a newer match superseded this one'));
        const request = { id, text, options, resolve, reject };
        if (signal) {
          if (signal.aborted) return reject(abortError('ReuseLens: match aborted'));
          signal.addEventListener('abort', () => {
            if (queuedMatch.get(channel) === request) queuedMatch.delete(channel);
            if (latestMatch.get(channel) === id) latestMatch.delete(channel);
            reject(abortError('ReuseLens: match aborted'));
          }, { once: true });
        }
        queuedMatch.set(channel, request);
        runMatch(channel);
      });
    },

    /** Stops the worker; pending calls are rejected. */
    terminate() {
      failure ??= new Error('ReuseLens: the worker was terminated');
      for (const request of pending.values()) request.reject(failure);
      pending.clear();
      for (const request of queuedMatch.values()) request.reject(failure);
      queuedMatch.clear();
      return worker.terminate();
    },
  };
}

export default createReuseLensWorker;
