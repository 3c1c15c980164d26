// The card shown over a highlighted passage: the source's title and link, the
// kind, score and quoted flag, and the page passage beside the source passage
// with the changed words marked (the web demo's renderDetail). It lives in a
// closed shadow root on an element of its own, added only while it is shown.
// The extension shows it over pages, the editor adapters over drafts.
import { renderDetail } from '../passage-detail.js';
import detailCss from '../passage-detail.css';
import cardCss from './card.css';

// The card shows the source's words of the passage only (passage.sourceExcerpt,
// which starts at passage.sourceStart): source offsets are moved to the excerpt.
function onExcerpt(passage) {
  const base = passage.sourceStart;
  if (base === 0) return passage;
  return {
    ...passage,
    sourceStart: 0,
    sourceEnd: passage.sourceEnd - base,
    alignment: passage.alignment.map((s) => (s.source ? { ...s, source: [s.source[0] - base, s.source[1] - base] } : s)),
  };
}

export class Card {
  #keep;
  #open;   // an open shadow root (editors: the host page may restyle it), else closed (pages: they may not)
  #host = null;
  #box = null;
  #returnFocus = null;  // what had the focus before the keyboard moved it to the card
  shownIndex = -1;

  /**
   * open: the card's shadow root is open to the page's scripts, so a host CMS can
   * inspect and restyle it (editors); closed by default (the extension: pages may not).
   * keep: once shown, the card's element stays in the document, hidden between
   * uses. Editors need that: Chromium ends the current undo step of native
   * editing (contenteditable, textarea) whenever a node leaves the document.
   */
  constructor({ keep = false, open = false } = {}) {
    this.#keep = keep;
    this.#open = open;
  }

  /** True while the card is on screen. */
  get visible() { return Boolean(this.#host?.isConnected && !this.#host.hidden); }

  /**
   * Shows passage `index` near the rectangle `anchor` (client coordinates). With
   * `focus` (keyboard navigation) the card takes the focus, so a screen reader
   * reads it and Tab reaches its link; hiding gives the focus back.
   */
  show({ passage, index, count, pageText }, anchor, { focus = false } = {}) {
    if (!this.#host) this.#create();
    renderDetail(this.#box, {
      passage: onExcerpt(passage), index, count, pageText, sourceText: passage.sourceExcerpt, hue: passage.hue,
    });
    this.#box.querySelector('.close-detail')?.addEventListener('click', () => this.hide());
    this.#host.hidden = false;
    if (!this.#host.isConnected) document.documentElement.append(this.#host);
    this.shownIndex = index;
    this.#place(anchor);
    if (focus) {
      const active = document.activeElement;
      if (active && active !== this.#host) this.#returnFocus = active;
      this.#box.focus({ preventScroll: true });
    }
  }

  hide() {
    const hadFocus = this.#host?.isConnected && document.activeElement === this.#host;
    if (this.#keep) {
      if (this.#host) this.#host.hidden = true;
    } else {
      this.#host?.remove();
    }
    this.shownIndex = -1;
    if (hadFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  /** Hides the card and takes its element out of the document for good. */
  destroy() {
    this.hide();
    this.#host?.remove();
    this.#host = null;
  }

  /** True when the event happened inside the card. */
  contains(event) { return Boolean(this.#host) && event.composedPath().includes(this.#host); }

  #create() {
    this.#host = document.createElement('reuselens-card');
    const root = this.#host.attachShadow({ mode: this.#open ? 'open' : 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${detailCss}\n${cardCss}`);
    root.adoptedStyleSheets = [sheet];
    this.#box = document.createElement('section');
    this.#box.className = 'card';
    this.#box.setAttribute('role', 'dialog');
    this.#box.setAttribute('aria-label', 'ReuseLens: the source of this passage');
    this.#box.tabIndex = -1;
    root.append(this.#box);
  }

  // Below the passage if it fits, else above; always inside the viewport.
  #place(anchor) {
    const box = this.#box;
    const { innerWidth: w, innerHeight: h } = window;
    const { width, height } = box.getBoundingClientRect();
    const left = Math.max(8, Math.min(anchor.left, w - width - 8));
    let top = anchor.bottom + 6;
    if (top + height > h - 8) top = Math.max(8, anchor.top - height - 6);
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  }
}
