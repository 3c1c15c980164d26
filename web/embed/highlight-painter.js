// Paints passages without touching the DOM: the CSS Custom Highlight API (one
// Highlight per look, by default one per source's hue and quoted or not), with
// the ::highlight rules in constructed style sheets adopted by the document,
// each open shadow root and each same-origin iframe that holds a passage.
// Shared by the extension and the editor adapters.

/**
 * The default look of a passage: its source's hue as a translucent background,
 * quoted passages underlined with dashes. Only the properties ::highlight()
 * allows (colours and text decorations).
 */
export function defaultHighlightStyle({ hue, quoted }) {
  return `background-color: hsl(${hue} 95% 72% / 0.55); color: inherit;` +
    (quoted ? ` text-decoration: underline dashed hsl(${hue} 70% 35%);` : '');
}
const FOCUS_STYLE = 'background-color: hsl(45 100% 55% / 0.7); text-decoration: underline 2px;';

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

  #prefix;
  #style;
  #focusStyle;

  /**
   * prefix names the highlights (two painters on one page need two prefixes);
   * style({hue, quoted, kind, sourceId}) gives a group's CSS declarations.
   */
  constructor({ prefix = 'reuselens', style = defaultHighlightStyle, focusStyle = FOCUS_STYLE } = {}) {
    this.#prefix = prefix;
    this.#style = style;
    this.#focusStyle = focusStyle;
  }

  #registries = new Set();   // CSS.highlights of each window painted in
  #sheets = new Map();       // document or shadow root -> adopted sheet
  #names = [];

  /** passages: [{ranges, hue, quoted, sourceId, kind}]. */
  paint(passages) {
    this.clear();
    const groups = new Map();  // one highlight per look: {name, css, ranges}
    for (const p of passages) {
      const css = this.#style({ hue: p.hue, quoted: p.quoted, kind: p.kind, sourceId: p.sourceId });
      if (!groups.has(css)) groups.set(css, { name: `${this.#prefix}-${groups.size}`, css, ranges: [] });
      groups.get(css).ranges.push(...p.ranges);
    }
    const css = [...groups.values()].map((g) => `::highlight(${g.name}) { ${g.css} }`).join('\n') +
      `\n::highlight(${this.#prefix}-focus) { ${this.#focusStyle} }`;
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
    const name = `${this.#prefix}-focus`;
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
      registry.delete(`${this.#prefix}-focus`);
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
