// reuselens/prosemirror: ReuseLens as a ProseMirror plugin (TipTap too: wrap it
// in an Extension's addProseMirrorPlugins). It reads the document's text after
// every change and paints the passages as inline decorations, so the document
// and its undo history are never touched: the passages arrive in transactions
// that carry only this plugin's meta (no steps, which prosemirror-history
// ignores), and between matches the decorations are mapped through each edit,
// so they move with the words at once.
//
//   const view = new EditorView(place, { state: EditorState.create({ schema,
//     plugins: [...exampleSetup({ schema }), reuseLensPlugin({ lens, onPassages: renderSidebar })] }) });
//   getReuseLens(view).reveal(0);
//
// prosemirror-state and prosemirror-view are the host's own copies (peer imports).
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { EditorHighlights, defaultHighlightStyle } from './index.js';
import { rangeOf, readDoc } from './prosemirror-text.js';

/** The plugin's key: reuseLensKey.getState(state) is the DecorationSet of the passages. */
export const reuseLensKey = new PluginKey('reuselens');

// The passage the card is about, marked as the contenteditable adapter marks it.
const FOCUS_STYLE = 'background-color: hsl(45 100% 55% / 0.7); text-decoration: underline 2px;';

const lenses = new WeakMap();  // EditorView -> Lens

/** The highlights of `view` (EditorHighlights: passages, reveal, check, destroy, events), or null. */
export function getReuseLens(view) {
  const lens = lenses.get(view);
  return lens && !lens.destroyed ? lens.highlights : null;
}

/**
 * The plugin. options: lens or checker, onPassages, card, highlightStyle, the
 * checker's debounceMs, minChars, kinds, exclude, and onReady(highlights, view),
 * called once the plugin is in a view (getReuseLens(view) gives the same).
 */
export function reuseLensPlugin(options = {}) {
  if (!options.lens && !options.checker) throw new TypeError('reuseLensPlugin: pass { lens } (a ReuseLens or ReuseLensWorker) or { checker }');
  const plugin = new Plugin({
    key: reuseLensKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, decorations) {
        const painted = tr.getMeta(reuseLensKey);
        if (painted) return painted;
        return tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations;
      },
    },
    props: {
      decorations: (state) => reuseLensKey.getState(state),
    },
    view(view) {
      let lens = lenses.get(view);
      if (lens?.plugin !== plugin) {
        lens?.destroy();
        lens = new Lens(view, plugin, options);
        lenses.set(view, lens);
      }
      return lens.attachPluginView();
    },
  });
  return plugin;
}

// ReuseLens in one EditorView: the EditorHighlights and its surface. It lives
// as long as the view has the plugin, not as long as a plugin view: ProseMirror
// replaces every plugin view whenever the state is reconfigured (TipTap's
// registerPlugin does that), and the checker's results, the card and the
// host's reference must survive that.
class Lens {
  plugin;
  highlights;
  destroyed = false;
  #view;
  #read;                // the document's text and its map to positions
  #passages = [];       // the passages last painted, offsets of #read.text
  #sheet;
  #pluginViews = 0;
  #updating = 0;        // inside ProseMirror's update: dispatching must wait
  #flushQueued = false;
  #compositionTimer = 0;
  #elements = null;     // passage index -> its decorated elements, until the DOM changes
  #released = false;    // the view or the plugin is gone: nothing more to dispatch

  constructor(view, plugin, { highlightStyle = defaultHighlightStyle, onReady, ...options }) {
    this.#view = view;
    this.plugin = plugin;
    this.highlights = new EditorHighlights(options);
    this.#sheet = new LookSheet(() => view.root, this.highlights.id, highlightStyle);
    this.highlights.attach(this.#surface());
    this.#read = readDoc(view.state.doc);
    this.#inUpdate(() => this.highlights.sync(this.#read.text));
    onReady?.(this.highlights, view);
  }

  // The plugin view ProseMirror holds; a new one after each reconfiguration.
  attachPluginView() {
    this.#pluginViews++;
    this.#update();  // the reconfiguring transaction may have changed the document too
    let attached = true;
    return {
      update: () => this.#update(),
      destroy: () => {
        if (!attached) return;
        attached = false;
        this.#pluginViews--;
        // A reconfiguration creates the next plugin view at once; wait to see whether one came.
        queueMicrotask(() => {
          if (this.#pluginViews === 0 && lenses.get(this.#view) === this) this.destroy();
        });
      },
    };
  }

  // The view or the plugin is gone: no transaction clears the decorations.
  destroy() {
    this.#released = true;
    if (lenses.get(this.#view) === this) lenses.delete(this.#view);
    this.highlights.destroy();
  }

  #update() {
    this.#elements = null;  // the view may have redrawn the decorated text
    const { doc } = this.#view.state;
    if (doc !== this.#read.doc) {
      this.#read = readDoc(doc);
      this.#inUpdate(() => this.highlights.sync(this.#read.text));
    }
  }

  #inUpdate(body) {
    this.#updating++;
    try { body(); } finally { this.#updating--; }
  }

  #surface() {
    return {
      element: this.#view.dom,
      paint: (passages) => {
        this.#passages = passages;
        this.#requestFlush();
      },
      rectsOf: (i) => (this.#elementsOf(i)).flatMap((e) => [...e.getClientRects()]),
      focus: (i) => this.#sheet.focus(i),
      scrollTo: (i) => {
        const element = this.#elementsOf(i)[0];
        if (element) element.scrollIntoView({ block: 'center' });
      },
      // highlights.destroy(): by the host (the decorations go) or with the view.
      destroy: () => {
        this.destroyed = true;
        clearTimeout(this.#compositionTimer);
        this.#sheet.destroy();
        this.#passages = [];
        if (!this.#released) this.#requestFlush();
      },
    };
  }

  // New passages go into the editor's state now or, when ProseMirror is in the
  // middle of an update, right after it; during an IME composition (which a
  // redraw around it would disturb), once it has ended.
  #requestFlush() {
    if (this.#view.composing) {
      this.#compositionTimer ||= setTimeout(() => {
        this.#compositionTimer = 0;
        this.#requestFlush();
      }, 100);
    } else if (this.#updating) {
      if (this.#flushQueued) return;
      this.#flushQueued = true;
      queueMicrotask(() => {
        this.#flushQueued = false;
        this.#requestFlush();
      });
    } else {
      this.#flush();
    }
  }

  #flush() {
    const view = this.#view;
    if (this.#released || view.isDestroyed || view.state.doc !== this.#read.doc) return;
    // Passages of an older text (a shared checker fed by another editor) are not ours to paint.
    if (this.#passages.length && this.highlights.checker.text !== this.#read.text) return;
    const wanted = this.#decorations();
    const current = reuseLensKey.getState(view.state);
    if (!current || sameDecorations(current.find(), wanted)) return;  // mapping already moved them there
    view.dispatch(view.state.tr
      .setMeta(reuseLensKey, DecorationSet.create(view.state.doc, wanted))
      .setMeta('addToHistory', false));
  }

  #decorations() {
    const out = [];
    for (const [index, p] of this.#passages.entries()) {
      const range = rangeOf(this.#read, p.start, p.end);
      if (!range) continue;
      const look = this.#sheet.classOf(p);
      out.push(Decoration.inline(range.from, range.to,
        { class: `${this.highlights.id} ${look}`, 'data-reuselens-index': String(index) },
        { index, look }));
    }
    return out;
  }

  #elementsOf(i) {
    if (!this.#elements || this.#elements.some((list) => !list[0]?.isConnected)) {
      this.#elements = [];
      for (const element of this.#view.dom.querySelectorAll(`.${this.highlights.id}[data-reuselens-index]`)) {
        (this.#elements[Number(element.dataset.reuselensIndex)] ??= []).push(element);
      }
    }
    return this.#elements[i] ?? [];
  }
}

const keyOf = (d) => `${d.from}:${d.to}:${d.spec.index}:${d.spec.look}`;
function sameDecorations(a, b) {
  if (a.length !== b.length) return false;
  const left = a.map(keyOf).sort();
  const right = b.map(keyOf).sort();
  return left.every((k, i) => k === right[i]);
}

// The highlights' looks as classes of a constructed style sheet adopted by the
// editor's document (or shadow root): decorations may only set attributes, and
// a strict CSP forbids style attributes. One class per look (by default a
// source's hue, quoted or not); the focused passage by its index.
class LookSheet {
  #root;
  #prefix;
  #style;
  #sheet = null;
  #classes = new Map();  // CSS declarations -> class name
  #focused = -1;

  constructor(root, prefix, style) {
    this.#root = root;  // a function: the view finds its root once it is in the document
    this.#prefix = prefix;
    this.#style = style;
  }

  classOf({ hue, quoted, kind, sourceId }) {
    const css = this.#style({ hue, quoted, kind, sourceId });
    if (!this.#classes.has(css)) {
      this.#classes.set(css, `${this.#prefix}-${this.#classes.size}`);
      this.#write();
    }
    return this.#classes.get(css);
  }

  focus(index) {
    if (index === this.#focused) return;
    this.#focused = index;
    this.#write();
  }

  destroy() {
    if (this.#sheet) this.#adopter.adoptedStyleSheets = this.#adopter.adoptedStyleSheets.filter((s) => s !== this.#sheet);
    this.#sheet = null;
  }

  #adopter = null;  // the document or shadow root holding the sheet

  #write() {
    if (!this.#sheet) {
      this.#adopter = this.#root();
      const win = (this.#adopter.ownerDocument ?? this.#adopter).defaultView;
      this.#sheet = new win.CSSStyleSheet();
      this.#adopter.adoptedStyleSheets = [...this.#adopter.adoptedStyleSheets, this.#sheet];
    }
    const rules = [...this.#classes].map(([css, name]) => `.${name} { ${css} }`);
    if (this.#focused >= 0) rules.push(`.${this.#prefix}[data-reuselens-index="${this.#focused}"] { ${FOCUS_STYLE} }`);
    this.#sheet.replaceSync(rules.join('\n'));
  }
}
