// The contenteditable adapter: any element with contenteditable (a CMS's own
// editor, or one built on it). It reads the element's text from the DOM after
// every change and paints with the CSS Custom Highlight API, so the element's
// nodes, and so the editor's document and undo history, are never touched.
//
//   const view = attachToContentEditable(element, { lens, onPassages: renderSidebar });
import { readText, rangesOf } from './dom-text.js';
import { EditorHighlights } from './editor-highlights.js';
import { HighlightPainter } from './highlight-painter.js';

/**
 * Highlights the passages of `element` that reuse the library's sources.
 * options: lens or checker, highlightStyle, card, onPassages, and the checker's
 * debounceMs, minChars, kinds, exclude. `observe: false` leaves it to the caller
 * to call view.refresh() after changes (editors with their own update events).
 */
export function attachToContentEditable(element, { observe = true, highlightStyle, ...options } = {}) {
  if (!(element instanceof Element)) throw new TypeError('attachToContentEditable expects an element');
  const view = new EditorHighlights(options);
  const painter = new HighlightPainter({ prefix: view.id, ...(highlightStyle ? { style: highlightStyle } : {}) });
  let read = { text: '', segments: [] };
  let ranges = [];

  const surface = {
    element,
    paint(passages) {
      ranges = passages.map((p) => rangesOf(read.segments, p.start, p.end));
      painter.paint(passages.map((p, i) => ({ ...p, ranges: ranges[i] })));
    },
    rectsOf: (i) => (ranges[i] ?? []).flatMap((r) => [...r.getClientRects()]),
    focus: (i) => painter.focus(ranges[i] ?? []),
    scrollTo(i) {
      const node = ranges[i]?.[0]?.startContainer;
      (node?.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.scrollIntoView({ block: 'center' });
    },
    destroy() {
      observer?.disconnect();
      painter.clear();
    },
  };
  view.attach(surface);

  // Reads the element again; the checker decides whether anything is to be matched.
  const refresh = () => {
    read = readText(element);
    view.sync(read.text);
  };
  const observer = observe ? new MutationObserver(refresh) : null;
  observer?.observe(element, { subtree: true, childList: true, characterData: true });
  view.refresh = refresh;
  refresh();
  return view;
}
