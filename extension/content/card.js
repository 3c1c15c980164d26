// The card shown over a highlighted passage: the source's title and link, the
// kind, score and quoted flag, and the page passage beside the source passage
// with the changed words marked (the web demo's renderDetail). It lives in a
// closed shadow root on an element of its own, added only while it is shown.
import { renderDetail } from '../../web/passage-detail.js';
import detailCss from '../../web/passage-detail.css';
import cardCss from './card.css';

export class Card {
  #host = null;
  #box = null;
  #returnFocus = null;  // what had the focus before the keyboard moved it to the card
  shownIndex = -1;

  /**
   * Shows passage `index` near the rectangle `anchor` (client coordinates). With
   * `focus` (keyboard navigation) the card takes the focus, so a screen reader
   * reads it and Tab reaches its link; hiding gives the focus back.
   */
  show({ passage, index, count, pageText }, anchor, { focus = false } = {}) {
    if (!this.#host) this.#create();
    renderDetail(this.#box, {
      passage, index, count, pageText, sourceText: passage.sourceExcerpt, hue: passage.hue,
    });
    this.#box.querySelector('.close-detail')?.addEventListener('click', () => this.hide());
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
    this.#host?.remove();
    this.shownIndex = -1;
    if (hadFocus && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  /** True when the event happened inside the card. */
  contains(event) { return Boolean(this.#host) && event.composedPath().includes(this.#host); }

  #create() {
    this.#host = document.createElement('reuselens-card');
    const root = this.#host.attachShadow({ mode: 'closed' });
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
