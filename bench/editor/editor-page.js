// The benchmark's page script (served by editor_bench.mjs beside the built
// package in dist/web): a contenteditable draft, the matcher in a worker, and
// the measurements, run from the page so no DevTools round trip is counted.
import { createReuseLensWorker } from '/reuselens/client.js';
import { attachToContentEditable } from '/reuselens/editor.js';

const editor = document.getElementById('editor');
let view = null;
let lens = null;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

window.bench = {
  /** Loads the library and the draft; with `attach`, ReuseLens checks the whole draft. */
  async setup(sources, paragraphs, attach) {
    editor.replaceChildren(...paragraphs.map((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    }));
    if (!attach) return { passages: 0 };
    lens = await createReuseLensWorker();
    const { added } = await lens.addSources(sources);
    const started = performance.now();
    view = attachToContentEditable(editor, { lens });
    const passages = await view.check();
    return { added, passages: passages.length, firstCheckMs: performance.now() - started };
  },

  /**
   * Replaces one word of paragraph `index` (as typing a word over it would) and
   * times it until the new passages are painted: reading the editor, the
   * checker, the worker's matches, the painting.
   */
  async recheck(index) {
    const node = editor.children[index].firstChild;
    const words = node.nodeValue.split(' ');
    const at = Math.floor(words.length / 2);
    words[at] = words[at] === 'alpha' ? 'beta' : 'alpha';
    let matches = 0;
    const count = () => { matches += 1; };
    view.checker.addEventListener('passages', count);
    const started = performance.now();
    node.nodeValue = words.join(' ');
    await Promise.resolve();  // the adapter's MutationObserver reads the change
    await view.check();
    await nextFrame();
    const ms = performance.now() - started;
    view.checker.removeEventListener('passages', count);
    return { ms, events: matches };
  },

  /** The whole draft checked from scratch (the library changed), for scale. */
  async full() {
    const started = performance.now();
    await view.checker.refresh();
    await nextFrame();
    return performance.now() - started;
  },

  /** From now on, each keystroke's time from keydown to the next frame. */
  watchKeys() {
    const latencies = [];
    editor.addEventListener('keydown', (event) => {
      const down = event.timeStamp;
      requestAnimationFrame(() => latencies.push(performance.now() - down));
    }, true);
    window.latencies = latencies;
  },

  /** Puts the caret at the end of paragraph `index`. */
  caretAtEnd(index) {
    editor.focus();
    const node = editor.children[index].firstChild;
    getSelection().collapse(node, node.nodeValue.length);
  },
};
document.body.dataset.ready = 'true';
