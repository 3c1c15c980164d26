// Paints passages without touching the page's DOM: the CSS Custom Highlight API
// (one Highlight per source, coloured by the source's hue, and one for quoted
// passages), with the ::highlight rules in constructed style sheets adopted by the
// document, each open shadow root and each same-origin iframe that holds a
// passage. Where the API is missing, boxes drawn over the text in a layer of
// our own (OverlayPainter).
import { nodeOffset, segmentIndexAt } from './dom-text.js';

const PREFIX = 'reuselens';

// DOM ranges of text [start, end): one per run of segments in the same tree
// (a Range cannot cross a shadow root or a frame).
export function rangesOf(segments, start, end) {
  const ranges = [];
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

const cssOf = (groups) => groups.map(({ name, hue, quoted }) =>
  `::highlight(${name}) { background-color: hsl(${hue} 95% 72% / 0.55); color: inherit;` +
  `${quoted ? ' text-decoration: underline dashed hsl(' + hue + ' 70% 35%);' : ''} }`).join('\n') +
  `\n::highlight(${PREFIX}-focus) { background-color: hsl(45 100% 55% / 0.7); text-decoration: underline 2px; }`;

// The CSS.highlights registry of the window a range lives in. Firefox's content
// scripts see a same-origin frame's window through an Xray wrapper, and a set() on
// the frame's registry through that wrapper lands in the top document's registry
// (Firefox 153: the frame's passages stay unpainted). The frame's own registry
// object (Xray waived) keeps them in the frame. Only names and Highlights of the
// page's own ranges pass through it; Chromium has no wrappedJSObject.
function registryOf(win) {
  return (win !== window && win.wrappedJSObject?.CSS?.highlights) || win.CSS.highlights;
}

export class HighlightPainter {
  static supported(win = window) { return Boolean(win.CSS?.highlights && win.Highlight); }

  #registries = new Set();   // CSS.highlights of each window painted in
  #sheets = new Map();       // document or shadow root -> adopted sheet
  #names = [];

  /** passages: [{ranges, hue, quoted, sourceId}]. */
  paint(passages) {
    this.clear();
    const groups = new Map();  // sourceId + quoted -> {name, hue, quoted, ranges}
    for (const p of passages) {
      const key = `${p.sourceId}\u0000${p.quoted}`;
      if (!groups.has(key)) groups.set(key, { name: `${PREFIX}-${groups.size}`, hue: p.hue, quoted: p.quoted, ranges: [] });
      groups.get(key).ranges.push(...p.ranges);
    }
    const css = cssOf([...groups.values()]);
    for (const group of groups.values()) {
      const byWindow = new Map();
      for (const range of group.ranges) {
        const win = range.startContainer.ownerDocument.defaultView;
        if (!byWindow.has(win)) byWindow.set(win, []);
        byWindow.get(win).push(range);
        this.#adopt(range.startContainer.getRootNode(), css);
      }
      for (const [win, ranges] of byWindow) {
        const registry = registryOf(win);
        registry.set(group.name, new win.Highlight(...ranges));
        this.#registries.add(registry);
      }
      this.#names.push(group.name);
    }
  }

  /** Marks one passage's ranges as the focused one ([] to unmark). */
  focus(ranges) {
    const name = `${PREFIX}-focus`;
    for (const registry of this.#registries) registry.delete(name);
    const byWindow = new Map();
    for (const range of ranges) {
      const win = range.startContainer.ownerDocument.defaultView;
      if (!byWindow.has(win)) byWindow.set(win, []);
      byWindow.get(win).push(range);
    }
    for (const [win, list] of byWindow) {
      const highlight = new win.Highlight(...list);
      highlight.priority = 1;
      const registry = registryOf(win);
      registry.set(name, highlight);
      this.#registries.add(registry);
    }
  }

  clear() {
    for (const registry of this.#registries) {
      for (const name of this.#names) registry.delete(name);
      registry.delete(`${PREFIX}-focus`);
    }
    this.#registries.clear();
    this.#names = [];
    for (const [root, sheet] of this.#sheets) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.#sheets.clear();
  }

  #adopt(root, css) {
    if (this.#sheets.has(root)) return;
    const win = (root.ownerDocument ?? root).defaultView;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.#sheets.set(root, sheet);
  }
}

// The fallback: translucent boxes over each line of each passage, in a layer
// (a closed shadow root) that follows scrolling. Only for browsers without
// CSS.highlights; the page's own nodes are still never touched.
export class OverlayPainter {
  #layer = null;
  #passages = [];
  #focused = [];
  #redraw = () => this.#draw();

  paint(passages) {
    this.clear();
    this.#passages = passages;
    const host = document.createElement('reuselens-layer');
    host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483646';
    this.#layer = { host, root: host.attachShadow({ mode: 'closed' }) };
    document.documentElement.append(host);
    addEventListener('resize', this.#redraw, { passive: true });
    this.#draw();
  }

  focus(ranges) {
    this.#focused = ranges;
    this.#draw();
  }

  clear() {
    this.#layer?.host.remove();
    this.#layer = null;
    this.#passages = [];
    removeEventListener('resize', this.#redraw);
  }

  #draw() {
    if (!this.#layer) return;
    const boxes = [];
    for (const p of this.#passages) {
      for (const range of p.ranges) {
        const focused = this.#focused.includes(range);
        // A range's rects include its inline elements' boxes over its text's
        // boxes: one box per piece of text, not two layers of colour.
        const rects = [...range.getClientRects()];
        const inside = (a, b) => a !== b && a.left >= b.left - 0.5 && a.right <= b.right + 0.5 &&
          a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
        for (const r of rects.filter((a, i) => !rects.some((b, j) => inside(a, b) && !(inside(b, a) && j > i)))) {
          const box = document.createElement('div');
          box.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;` +
            `height:${r.height}px;background:hsl(${focused ? 45 : p.hue} 95% 60% / 0.35)`;
          boxes.push(box);
        }
      }
    }
    this.#layer.root.replaceChildren(...boxes);
  }
}
