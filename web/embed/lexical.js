// reuselens/lexical: ReuseLens in a Lexical editor. The text is read through
// Lexical (its editor state, after every update) and the passages are painted
// with the CSS Custom Highlight API over the DOM Lexical rendered, so no node,
// DOM element or history entry of the editor is ever added or changed.
//
//   const unregister = mergeRegister(
//     registerRichText(editor),
//     registerHistory(editor, createEmptyHistoryState(), 300),
//     registerReuseLens(editor, { lens, onPassages: renderSidebar }),
//   );
//
// As every register* function, registerReuseLens returns its cleanup; the
// highlights themselves (passages, reveal, events) are on its `view`.
import { $getRoot, $isDecoratorNode, $isElementNode, $isLineBreakNode, $isTextNode } from 'lexical';
import { EditorHighlights, HighlightPainter } from './index.js';

/**
 * The editor's text, and where each TextNode's text lies in it:
 * {text, segments: [{key, start, end, joined}]}. Blocks (paragraphs, headings,
 * list items...) are lines of their own, so the checker's paragraphs are the
 * editor's; a LineBreakNode is a "\n" too. `joined`: nothing unread (a
 * decorator) lies between the segment and the one before, so one DOM range may
 * span both. Call inside editorState.read().
 */
export function $readDraft() {
  const parts = [];
  const segments = [];
  let length = 0;
  let lineOwed = false;
  let joined = false;
  const add = (text) => {
    if (lineOwed && length > 0) {
      parts.push('\n');
      length += 1;
    }
    lineOwed = false;
    parts.push(text);
    length += text.length;
  };
  const visit = (node) => {
    if ($isTextNode(node)) {
      const text = node.getTextContent();
      if (!text) return;
      add(text);
      segments.push({ key: node.getKey(), start: length - text.length, end: length, joined });
      joined = true;
    } else if ($isLineBreakNode(node)) {
      add('\n');
    } else if ($isElementNode(node)) {
      const block = !node.isInline();
      if (block) lineOwed = true;
      for (const child of node.getChildren()) visit(child);
      if (block) lineOwed = true;
    } else if ($isDecoratorNode(node)) {
      // Its DOM is the host's own (an image, an embed): not read, and no range crosses it.
      joined = false;
    }
  };
  for (const child of $getRoot().getChildren()) visit(child);
  return { text: parts.join(''), segments };
}

// The DOM text node Lexical renders a TextNode's text in (span > #text, or
// code > span > #text and the like for some formats).
function domTextOf(editor, key) {
  const element = editor.getElementByKey(key);
  if (!element) return null;
  if (element.nodeType === Node.TEXT_NODE) return element;
  return element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
}

/**
 * Highlights, in `editor`, the passages of its text that reuse the library's
 * sources. options: lens or checker, highlightStyle, card, onPassages, and the
 * checker's debounceMs, minChars, kinds, exclude.
 * Returns the cleanup function (for mergeRegister), with the highlights as its
 * `view`; view.destroy() is the same cleanup.
 */
export function registerReuseLens(editor, { highlightStyle, ...options } = {}) {
  if (typeof editor?.registerUpdateListener !== 'function' || typeof editor.getElementByKey !== 'function') {
    throw new TypeError('registerReuseLens expects a LexicalEditor');
  }
  const view = new EditorHighlights(options);
  const painter = new HighlightPainter({ prefix: view.id, ...(highlightStyle ? { style: highlightStyle } : {}) });
  let segments = [];   // [{key, start, end, joined, node}], node: the DOM text node or null
  let ranges = [];     // per passage, its DOM ranges
  let live = true;
  let unlisten = () => {};

  // DOM ranges of text [start, end): one per run of joined segments.
  const rangesOf = (start, end) => {
    const out = [];
    let range = null;
    for (const s of segments) {
      if (s.end <= start || !s.node) { range = null; continue; }
      if (s.start >= end) break;
      const from = Math.min(Math.max(start - s.start, 0), s.node.length);
      const to = Math.min(Math.min(end, s.end) - s.start, s.node.length);
      if (range && s.joined) {
        range.setEnd(s.node, to);
      } else {
        range = s.node.ownerDocument.createRange();
        range.setStart(s.node, from);
        range.setEnd(s.node, to);
        out.push(range);
      }
    }
    return out.filter((r) => !r.collapsed);
  };

  const surface = {
    // Lexical may be given another root element at any time.
    get element() { return editor.getRootElement(); },
    paint(passages) {
      ranges = passages.map((p) => rangesOf(p.start, p.end));
      painter.paint(passages.map((p, i) => ({ ...p, ranges: ranges[i] })));
    },
    rectsOf: (i) => (ranges[i] ?? []).flatMap((r) => [...r.getClientRects()]),
    focus: (i) => painter.focus(ranges[i] ?? []),
    scrollTo: (i) => ranges[i]?.[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' }),
    destroy() {
      live = false;
      unlisten();
      painter.clear();
    },
  };
  view.attach(surface);

  // After every update Lexical has reconciled its DOM: read the text again and
  // find its DOM text nodes. The same text in the same nodes (a selection
  // change) needs nothing; new nodes (a format, a re-render) a repaint.
  const refresh = () => {
    if (!live) return;
    const read = editor.getEditorState().read($readDraft);
    for (const s of read.segments) s.node = domTextOf(editor, s.key);
    const same = read.text === view.checker.text && read.segments.length === segments.length &&
      read.segments.every((s, i) => s.node === segments[i].node && s.start === segments[i].start && s.end === segments[i].end);
    segments = read.segments;
    if (!same) view.sync(read.text);
  };
  const offUpdate = editor.registerUpdateListener(refresh);
  const offRoot = editor.registerRootListener(refresh);  // also called now, with the current root
  unlisten = () => {
    offUpdate();
    offRoot();
  };

  const unregister = () => view.destroy();
  unregister.view = view;
  return unregister;
}
