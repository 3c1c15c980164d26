// The overlay that paints passages over a <textarea>: a copy of the textarea's
// box (size, borders, padding, font, wrapping, scrollbars) laid exactly over
// it, holding the same text, transparent, with each passage in a box of its
// colour. The boxes blend into the textarea below (multiply, by default), so its
// own text, caret and selection stay as they were; the overlay takes no pointer
// events. The textarea itself (value, selection, undo, styles) is never touched.
//
// Chromium ends the textarea's current undo step whenever a node leaves the
// document, even inside another element's shadow root. So the overlay never
// removes a node while attached: its text nodes are changed in place, and the
// passages' boxes are kept in a pool, emptied and hidden when not needed.

/**
 * The default look of a passage's box: its source's hue, multiplied into the
 * textarea (dark text stays dark); quoted passages underlined with dashes. On a
 * dark textarea pass a highlightStyle of your own (a translucent colour, no blend).
 */
export function defaultBoxStyle({ hue, quoted }) {
  return `background-color: hsl(${hue} 95% 70% / 0.6); mix-blend-mode: multiply; border-radius: 2px;` +
    (quoted ? ` text-decoration: underline dashed hsl(${hue} 70% 35%); text-decoration-skip-ink: none;` : '');
}

// What decides where the textarea's characters are drawn, copied to the box.
const COPIED = [
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-right-radius', 'border-bottom-left-radius',
  'overflow-x', 'overflow-y', 'scrollbar-width', 'scrollbar-gutter',
  'direction', 'unicode-bidi', 'writing-mode', 'text-orientation',
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-kerning', 'font-optical-sizing',
  'font-feature-settings', 'font-variation-settings', 'font-size-adjust', 'font-language-override',
  'font-variant-ligatures', 'font-variant-caps', 'font-variant-numeric', 'font-variant-east-asian',
  'font-variant-alternates', 'font-variant-position',
  'font-synthesis-weight', 'font-synthesis-style', 'font-synthesis-small-caps',
  'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align', 'text-align-last',
  'text-justify', 'tab-size', 'text-rendering', '-webkit-font-smoothing', 'text-spacing-trim', 'text-autospace',
  // white-space is a shorthand of the last three in newer browsers: copy both.
  'white-space', 'white-space-collapse', 'text-wrap-mode', 'text-wrap-style',
  'overflow-wrap', 'word-break', 'line-break', 'hyphens', 'hyphenate-character',
];

const SHEET = `
:host { all: initial; }
.box { display: block; box-sizing: border-box; margin: 0; border-style: solid; border-color: transparent; color: transparent;
  background: none; pointer-events: none; user-select: none;
  /* Scrollbars like the textarea's (they take the same room), drawn in no colour. */
  scrollbar-color: transparent transparent; }
.passage { color: transparent; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.passage[hidden] { display: none; }
.box .passage[data-focus] { background-color: hsl(45 100% 55% / 0.75); outline: 2px solid hsl(40 100% 40%);
  mix-blend-mode: multiply; }
`;

export class TextareaMirror {
  #textarea;
  #style;
  #host;
  #box;
  #looks = new CSSStyleSheet();  // one class per look, as highlightStyle gives them
  #gaps = [];    // text node before passage i's box
  #marks = [];   // passage i's box (a span with one text node)
  #tail;         // the text after the last passage
  #used = 0;     // boxes in use
  #focused = -1;
  #copied = new Map();  // property -> value last set on the box
  #hostSet = new Map();  // the same for the host
  #extra = { right: 0, bottom: 0 };  // padding added for scrollbars of another size (#matchClientSize)
  #looksCss = '';

  constructor(textarea, { style = defaultBoxStyle } = {}) {
    this.#textarea = textarea;
    this.#style = style;
    const doc = textarea.ownerDocument;
    this.#host = doc.createElement('reuselens-textarea-overlay');
    this.#host.setAttribute('aria-hidden', 'true');
    const hostStyle = { display: 'block', position: 'absolute', left: '0px', top: '0px', right: 'auto', bottom: 'auto',
      width: 'auto', height: 'auto', margin: '0px', padding: '0px', border: '0px none', 'pointer-events': 'none',
      transform: 'none' };
    for (const [name, value] of Object.entries(hostStyle)) this.#setHost(name, value);
    const root = this.#host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHEET);
    root.adoptedStyleSheets = [sheet, this.#looks];
    this.#box = doc.createElement('div');
    this.#box.className = 'box';
    this.#tail = doc.createTextNode('');
    // The textarea shows a line after a final line break; a block would not.
    this.#box.append(this.#tail, doc.createTextNode('\u200b'));
    root.append(this.#box);
    textarea.after(this.#host);
    this.layout();
  }

  /** The overlay's element (beside the textarea). */
  get element() { return this.#host; }

  /**
   * Shows `text` (the textarea's value) with `passages` (ranges of it, in order)
   * in boxes. Text nodes are changed in place, and only where they differ.
   */
  paint(text, passages) {
    const looks = new Map();  // css -> class
    let at = 0;
    let used = 0;
    // Box i is passage i's. Overlapping passages: the later one starts where the
    // earlier ends (an empty box when nothing of it is left).
    for (const p of passages) {
      const start = Math.min(Math.max(p.start, at), text.length);
      const end = Math.max(start, Math.min(p.end, text.length));
      const css = this.#style({ hue: p.hue, quoted: p.quoted, kind: p.kind, sourceId: p.sourceId });
      if (!looks.has(css)) looks.set(css, `look-${looks.size}`);
      if (used === this.#marks.length) this.#grow();
      setData(this.#gaps[used], text.slice(at, start));
      const mark = this.#marks[used];
      setData(mark.firstChild, text.slice(start, end));
      if (mark.className !== `passage ${looks.get(css)}`) mark.className = `passage ${looks.get(css)}`;
      if (mark.hidden !== (end === start)) mark.hidden = end === start;
      at = end;
      used++;
    }
    for (let i = used; i < this.#marks.length; i++) {
      setData(this.#gaps[i], '');
      setData(this.#marks[i].firstChild, '');
      if (!this.#marks[i].hidden) this.#marks[i].hidden = true;
    }
    setData(this.#tail, text.slice(at));
    this.#used = used;
    const looksCss = [...looks].map(([css, name]) => `.passage.${name} { ${css} }`).join('\n');
    if (looksCss !== this.#looksCss) this.#looks.replaceSync(this.#looksCss = looksCss);
    this.focus(this.#focused < used ? this.#focused : -1);
    this.syncScroll();
  }

  /** Client rectangles of passage i's box, cut to the textarea's visible text area. */
  rectsOf(i) {
    const mark = i < this.#used ? this.#marks[i] : null;
    if (!mark) return [];
    const t = this.#textarea;
    const r = t.getBoundingClientRect();
    const view = { left: r.left + t.clientLeft, top: r.top + t.clientTop };
    view.right = view.left + t.clientWidth;
    view.bottom = view.top + t.clientHeight;
    const rects = [];
    for (const rect of mark.getClientRects()) {
      const left = Math.max(rect.left, view.left);
      const top = Math.max(rect.top, view.top);
      const right = Math.min(rect.right, view.right);
      const bottom = Math.min(rect.bottom, view.bottom);
      if (right > left && bottom > top) rects.push(new DOMRect(left, top, right - left, bottom - top));
    }
    return rects;
  }

  /** Marks passage i as the one the card is about (-1: none); an attribute only. */
  focus(i) {
    if (this.#focused >= 0) delete this.#marks[this.#focused]?.dataset.focus;
    this.#focused = i >= 0 && i < this.#used ? i : -1;
    if (this.#focused >= 0) this.#marks[this.#focused].dataset.focus = '';
  }

  /** Scrolls the textarea (and the page) so passage i is in view, in the textarea's middle. */
  scrollTo(i) {
    const mark = i < this.#used ? this.#marks[i] : null;
    if (!mark) return;
    // The box scrolls as the textarea would (same size, same text): scroll it, then the textarea to match.
    mark.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.#textarea.scrollTop = this.#box.scrollTop;
    this.#textarea.scrollLeft = this.#box.scrollLeft;
    this.syncScroll();
  }

  /** Scrolls the overlay's text as the textarea's is scrolled. */
  syncScroll() {
    const t = this.#textarea;
    if (this.#box.scrollTop !== t.scrollTop) this.#box.scrollTop = t.scrollTop;
    if (this.#box.scrollLeft !== t.scrollLeft) this.#box.scrollLeft = t.scrollLeft;
  }

  /**
   * Copies the textarea's box and font again and lays the overlay over it (after
   * it moved, was resized, or its styles changed). Cheap when nothing did.
   */
  layout() {
    const t = this.#textarea;
    if (!t.getClientRects().length) {  // display: none (a hidden tab): so is the overlay
      this.#setHost('display', 'none');
      return;
    }
    this.#setHost('display', 'block');
    const computed = getComputedStyle(t);
    // A fixed textarea keeps its place as the page scrolls; a positioned one with a
    // z-index would be drawn over an overlay without the same.
    this.#setHost('position', computed.position === 'fixed' ? 'fixed' : 'absolute');
    this.#setHost('z-index', computed.position !== 'static' ? computed.zIndex : 'auto');
    this.#setHost('visibility', computed.visibility);
    this.#copy(computed);
    if (t.hasAttribute('lang') && this.#box.lang !== t.lang) this.#box.lang = t.lang;
    // The size from the layout itself: computed styles round it to 1/1000 px, and
    // a line that just fits must fit in both.
    const rect = t.getBoundingClientRect();
    const scale = scaleOf(t, rect);
    this.#set('width', `${rect.width / scale}px`);
    this.#set('height', `${rect.height / scale}px`);
    this.#place();
    if (this.#matchClientSize()) this.#copy(computed);
    this.syncScroll();
  }

  /** Takes the overlay out of the document. */
  destroy() {
    this.#host.remove();
  }

  #copy(computed) {
    for (const name of COPIED) {
      let value = computed.getPropertyValue(name);
      if (!value) continue;  // not a property of this browser
      if (name === 'padding-right' && this.#extra.right) value = `${Math.max(0, parseFloat(value) + this.#extra.right)}px`;
      if (name === 'padding-bottom' && this.#extra.bottom) value = `${Math.max(0, parseFloat(value) + this.#extra.bottom)}px`;
      this.#set(name, value);
    }
  }

  // Declarations are set only when they change: each setting restyles the overlay.
  #set(name, value) {
    if (this.#copied.get(name) === value) return;
    this.#copied.set(name, value);
    this.#box.style.setProperty(name, value);
  }

  // Important, so the page's own rules for elements like it cannot move it.
  #setHost(name, value) {
    if (this.#hostSet.get(name) === value) return;
    this.#hostSet.set(name, value);
    this.#host.style.setProperty(name, value, 'important');
  }

  // Scrollbars the page styled for the textarea alone (::-webkit-scrollbar) take
  // other room than the box's: pad the box so its text gets the textarea's width
  // and height. True when the padding changed.
  #matchClientSize() {
    const dx = this.#box.clientWidth - this.#textarea.clientWidth;
    const dy = this.#box.clientHeight - this.#textarea.clientHeight;
    this.#extra.right += dx;
    this.#extra.bottom += dy;
    return Boolean(dx || dy);
  }

  // Moves the overlay by the distance between its box and the textarea (in CSS
  // pixels, which an ancestor's transform may scale).
  #place() {
    const t = this.#textarea;
    const target = t.getBoundingClientRect();
    const now = this.#box.getBoundingClientRect();
    const scale = scaleOf(t, target);
    const dx = (target.left - now.left) / scale;
    const dy = (target.top - now.top) / scale;
    if (Math.abs(dx) < 0.01 && Math.abs(dy) < 0.01) return;
    this.#setHost('left', `${parseFloat(this.#hostSet.get('left')) + dx}px`);
    this.#setHost('top', `${parseFloat(this.#hostSet.get('top')) + dy}px`);
  }

  // One more (gap, box) pair before the tail: nodes are only ever added.
  #grow() {
    const doc = this.#box.ownerDocument;
    const gap = doc.createTextNode('');
    const mark = doc.createElement('span');
    mark.className = 'passage';
    mark.append(doc.createTextNode(''));
    this.#tail.before(gap, mark);
    this.#gaps.push(gap);
    this.#marks.push(mark);
  }
}

// How much an ancestor's transform scales the textarea (1 almost always).
function scaleOf(textarea, rect) {
  const width = textarea.offsetWidth;
  return width && Math.abs(rect.width - width) > 1 ? rect.width / width : 1;
}

function setData(node, text) {
  if (node.data !== text) node.data = text;
}
