// Paints passages without touching the page's DOM: the CSS Custom Highlight API
// (HighlightPainter, shared with the editor adapters) and, where the API is
// missing, boxes drawn over the text in a layer of our own (OverlayPainter).
export { HighlightPainter } from '../../web/embed/highlight-painter.js';
export { rangesOf } from '../../web/embed/dom-text.js';

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
