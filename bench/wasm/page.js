// The browser side of bench/wasm/library_bench.mjs: loads a saved library into
// the WASM module and times loading and matching, in this page's main thread.
import { createReuseLens } from '../../dist/reuselens/index.js';
import { measure } from './measure.js';

window.runBench = async (libraryUrl, pageUrl, runs) => {
  const [bytes, page] = await Promise.all([
    fetch(libraryUrl).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b)),
    fetch(pageUrl).then((r) => r.text()),
  ]);
  return measure(createReuseLens, bytes, page, runs);
};
window.benchReady = true;
