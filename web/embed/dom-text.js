// Text read out of the DOM, and where each character of it lives: shared by the
// extension (the page) and the editor adapters (a contenteditable element).
//
// The text: each text node's whitespace collapsed as the browser renders it,
// blocks separated by a blank line, <br> by a newline; so a sentence split over
// <b> or <a> elements reads as one sentence, and the matcher's sentence ends
// fall where the reader sees them. Never scripts, styles, form fields,
// templates or hidden elements; open shadow roots and same-origin iframes too.
//
// The map: segments [{node, start, end, offsets}] in text order; offsets[i] is the
// node offset of text position start + i (absent when the two coincide).
import { BLOCK } from '../page-text.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'SVG', 'MATH']);

export class TextBuilder {
  parts = [];
  length = 0;
  segments = [];
  #gap = '';  // the separator owed before the next text: '', ' ', '\n' or '\n\n'
  #last = '\n';

  owe(separator) {
    if (separator.length > this.#gap.length || (separator !== ' ' && this.#gap === ' ')) this.#gap = separator;
  }

  add(node) {
    const raw = node.nodeValue;
    if (!raw) return;
    let from = 0;
    let out = '';
    let offsets = null;
    const collapsed = raw.replace(/\s+/g, ' ');
    if (collapsed.length !== raw.length) {
      offsets = [];
      for (let i = 0; i < raw.length; i++) {
        const space = /\s/.test(raw[i]);
        if (space && i > 0 && /\s/.test(raw[i - 1])) continue;
        offsets.push(i);
      }
      offsets.push(raw.length);
      out = collapsed;
    } else {
      out = raw;
    }
    // A leading space is owed to the text before, not part of this node's words.
    if (out[0] === ' ') {
      this.owe(' ');
      out = out.slice(1);
      from = 1;
    }
    if (!out) return;
    let trailing = false;
    if (out.endsWith(' ')) {
      out = out.slice(0, -1);
      trailing = true;
    }
    if (!out) return;
    if (this.length > 0 && this.#gap && !(this.#gap === ' ' && this.#last === ' ')) {
      this.parts.push(this.#gap);
      this.length += this.#gap.length;
    }
    this.#gap = '';
    const segment = { node, start: this.length, end: this.length + out.length, offsets: null, shift: from };
    if (offsets) segment.offsets = offsets.slice(from, from + out.length + 1);
    this.segments.push(segment);
    this.parts.push(out);
    this.length += out.length;
    this.#last = out[out.length - 1];
    if (trailing) this.owe(' ');
  }

  text() { return this.parts.join(''); }
}

function visible(element) {
  if (element.hidden) return false;
  if (typeof element.checkVisibility !== 'function') return true;
  if (element.checkVisibility({ visibilityProperty: true })) return true;
  // display: contents has no box of its own, yet its children are rendered.
  return element.ownerDocument.defaultView?.getComputedStyle(element).display === 'contents';
}

function sameOriginDocument(iframe) {
  try {
    return iframe.contentDocument?.body ? iframe.contentDocument : null;
  } catch {
    return null;
  }
}

export function walk(node, builder, keep = null) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (!keep || keep.has(node)) builder.add(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  let children = node.childNodes;
  let block = false;
  if (node.nodeType === Node.ELEMENT_NODE) {
    const name = node.tagName.toUpperCase();
    if (SKIP.has(name) || !visible(node)) return;
    if (name === 'BR') {
      builder.owe('\n');
      return;
    }
    if (name === 'IFRAME') {
      const doc = keep ? null : sameOriginDocument(node);
      if (doc) {
        builder.owe('\n\n');
        walk(doc.body, builder, null);
        builder.owe('\n\n');
      }
      return;
    }
    block = BLOCK.has(name);
    if (node.shadowRoot) children = node.shadowRoot.childNodes;
    else if (name === 'SLOT' && node.assignedNodes().length) children = node.assignedNodes();
  }
  if (block) builder.owe('\n\n');
  for (const child of children) walk(child, builder, keep);
  if (block) builder.owe('\n\n');
}


/** {text, segments} of everything visible under `root`. */
export function readText(root) {
  const builder = new TextBuilder();
  walk(root, builder);
  return { text: builder.text(), segments: builder.segments };
}

/** Each segment by its text node, for textOffset. */
export const segmentsByNode = (segments) => new Map(segments.map((s) => [s.node, s]));

/** The index of the segment holding text position `at` (the last one at the very end). */
export function segmentIndexAt(segments, at) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The node offset of text position `at` inside segment `s`. */
export function nodeOffset(s, at) {
  const i = Math.max(0, Math.min(at, s.end) - s.start);
  return s.offsets ? s.offsets[i] : s.shift + i;
}

/** The text position of (node, offset), or -1 when the node is not in the text. */
export function textOffset(segmentsByNode, node, offset) {
  const s = segmentsByNode.get(node);
  if (!s) return -1;
  if (!s.offsets) return s.start + Math.max(0, Math.min(offset - s.shift, s.end - s.start));
  let i = 0;
  while (i + 1 < s.offsets.length && s.offsets[i + 1] <= offset) i++;
  return s.start + Math.min(i, s.end - s.start);
}

// DOM ranges of text [start, end): one per run of segments in the same tree
// (a Range cannot cross a shadow root or a frame).
export function rangesOf(segments, start, end) {
  const ranges = [];
  if (!segments.length) return ranges;
  let i = segmentIndexAt(segments, start);
  while (i < segments.length && segments[i].start < end) {
    const root = segments[i].node.getRootNode();
    let j = i;
    while (j + 1 < segments.length && segments[j + 1].start < end && segments[j + 1].node.getRootNode() === root) j++;
    const a = segments[i];
    const b = segments[j];
    const range = a.node.ownerDocument.createRange();
    range.setStart(a.node, nodeOffset(a, Math.max(start, a.start)));
    range.setEnd(b.node, nodeOffset(b, Math.min(end, b.end)));
    if (!range.collapsed) ranges.push(range);
    i = j + 1;
  }
  return ranges;
}
