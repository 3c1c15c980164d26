// The worker side of the worker client (client.js): one ReuseLens, driven by
// messages {id, method, args}, answering {id, result} or {id, error}. Runs as a
// module Web Worker in browsers and as a worker_threads Worker in Node.
import { createReuseLens } from './index.js';

const METHODS = new Set(['addSource', 'addSources', 'removeSource', 'sources', 'sourceText', 'size', 'match',
  'save', 'load', 'memory']);

const inBrowser = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;
const port = inBrowser ? self : (await import('node:worker_threads')).parentPort;

let ready = null;  // the ReuseLens, once created by the first 'init'

function on(handler) {
  if (inBrowser) port.addEventListener('message', (event) => handler(event.data));
  else port.on('message', handler);
}

function reply(message, transfer = []) {
  port.postMessage(message, transfer);
}

on(async ({ id, method, args = [] }) => {
  try {
    if (method === 'init') {
      ready ??= createReuseLens(args[0] ?? {});
      await ready;
      reply({ id, result: true });
      return;
    }
    if (!METHODS.has(method)) throw new TypeError(`ReuseLens worker: unknown method ${method}`);
    if (ready === null) throw new Error('ReuseLens worker: not initialized');
    const lens = await ready;
    let result;
    if (method === 'size') result = lens.size;
    else if (method === 'addSources') {
      // Many sources in one message: each is added or refused on its own, and
      // the refusals come back with their index.
      const errors = [];
      args[0].forEach((source, i) => {
        try {
          lens.addSource(source);
        } catch (error) {
          errors.push({ index: i, id: source?.id, message: error.message });
        }
      });
      result = { added: args[0].length - errors.length, errors };
    } else result = lens[method](...args);
    reply({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (error) {
    reply({ id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
});
