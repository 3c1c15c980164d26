// What every editor adapter shares: it keeps a DraftChecker fed with the
// editor's text, paints the passages through the adapter's surface, shows the
// hover card, and tells the host CMS about the passages (event and callback), so
// it can list them in its own sidebar. The adapters differ only in how they read
// the editor's text and paint ranges of it (their "surface").
import { Card } from './card.js';
import { DraftChecker } from './checker.js';

let views = 0;

/**
 * A surface, implemented by each adapter:
 *   element           the editor's element (hover and keyboard events)
 *   paint(passages)   draws the passages of the current text
 *   rectsOf(i)        client rectangles of painted passage i
 *   focus(i)          marks passage i (-1: none) as the one the card is about
 *   scrollTo(i)       brings passage i into view
 *   destroy()         removes what the surface drew or listened to
 */
export class EditorHighlights extends EventTarget {
  #checker;
  #ownsChecker;
  #surface = null;
  #card;
  #onPassages;
  #hoverFrame = 0;
  #revealed = false;    // the card was opened by reveal(), not by hovering
  #destroyed = false;
  /** A name unique on the page, for highlight names and ids. */
  id = `reuselens-editor-${++views}`;

  constructor({ lens, checker, card = true, onPassages, debounceMs, minChars, kinds, exclude } = {}) {
    super();
    if (!checker && !lens) throw new TypeError('ReuseLens: pass { lens } (a ReuseLens or ReuseLensWorker) or { checker }');
    this.#ownsChecker = !checker;
    this.#checker = checker ?? new DraftChecker(lens, { debounceMs, minChars, kinds, exclude });
    this.#card = card ? new Card({ keep: true, open: true }) : null;
    this.#onPassages = onPassages;
    this.#checker.addEventListener('passages', this.#onCheckerPassages);
    this.#checker.addEventListener('error', this.#onCheckerError);
    document.addEventListener('pointermove', this.#onPointerMove, true);
    document.addEventListener('keydown', this.#onKeyDown, true);
  }

  /** The checker behind the highlights (setText, check, refresh). */
  get checker() { return this.#checker; }

  /** The passages of the editor's current text. */
  get passages() { return this.#checker.passages; }

  /** Called by the adapter once its surface is ready. */
  attach(surface) {
    this.#surface = surface;
  }

  /** Called by the adapter with the editor's text after every change (cheap; matching waits for a pause). */
  sync(text) {
    if (this.#destroyed) return;
    const before = this.#checker.text;
    this.#checker.setText(text);
    // Same text, new nodes (the editor re-rendered): the ranges must be drawn again.
    if (this.#checker.text === before) this.#paint();
  }

  /** Checks now instead of after the pause in typing; resolves with the passages. */
  check() { return this.#checker.check(); }

  /** Scrolls passage `index` into view and shows its card (with the focus, for keyboard users). */
  reveal(index, { focus = true } = {}) {
    const passage = this.passages[index];
    if (!passage || !this.#surface) return;
    // A hover frame still pending (the pointer on its way to the sidebar's button)
    // would hide the card shown here.
    cancelAnimationFrame(this.#hoverFrame);
    this.#hoverFrame = 0;
    this.#surface.scrollTo(index);
    const rect = this.#surface.rectsOf(index)[0];
    if (!rect) return;
    this.#showCard(index, { left: rect.left, top: rect.top, bottom: rect.bottom }, focus);
    this.#revealed = true;
  }

  /** Removes the highlights, the card and every listener; the editor is left as it was. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    cancelAnimationFrame(this.#hoverFrame);
    document.removeEventListener('pointermove', this.#onPointerMove, true);
    document.removeEventListener('keydown', this.#onKeyDown, true);
    this.#checker.removeEventListener('passages', this.#onCheckerPassages);
    this.#checker.removeEventListener('error', this.#onCheckerError);
    if (this.#ownsChecker) this.#checker.dispose();
    this.#card?.destroy();
    this.#surface?.destroy();
    this.#surface = null;
  }

  #onCheckerPassages = (event) => {
    this.#paint();
    const detail = { passages: event.detail.passages, pending: event.detail.pending };
    this.#onPassages?.(detail.passages, detail);
    this.dispatchEvent(new CustomEvent('passages', { detail }));
  };

  #onCheckerError = (event) => {
    this.dispatchEvent(new CustomEvent('error', { detail: event.detail }));
  };

  #paint() {
    if (!this.#surface || this.#destroyed) return;
    this.#surface.paint(this.passages);
    // The card was about a passage that may have moved or gone.
    if (this.#card?.shownIndex >= 0) this.#hideCard();
  }

  #passageAt(x, y) {
    const count = this.passages.length;
    for (let i = 0; i < count; i++) {
      if (this.#surface.rectsOf(i).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) return i;
    }
    return -1;
  }

  #onPointerMove = (event) => {
    if (!this.#card || !this.#surface || this.#hoverFrame) return;
    if (this.#card.contains(event)) return;
    const { clientX: x, clientY: y } = event;
    const overEditor = event.composedPath().includes(this.#surface.element);
    // A revealed card stays while the pointer is elsewhere (the sidebar that revealed it).
    if (!overEditor && this.#revealed) return;
    this.#hoverFrame = requestAnimationFrame(() => {
      this.#hoverFrame = 0;
      if (!this.#surface) return;
      const index = overEditor ? this.#passageAt(x, y) : -1;
      if (index < 0) return this.#hideCard();
      if (index === this.#card.shownIndex) return;
      this.#revealed = false;
      this.#showCard(index, { left: x, top: y - 12, bottom: y + 12 }, false);
    });
  };

  #onKeyDown = (event) => {
    if (event.key === 'Escape' && this.#card?.shownIndex >= 0) this.#hideCard();
  };

  #showCard(index, anchor, focus) {
    if (!this.#card) return;
    this.#surface.focus(index);
    this.#card.show({ passage: this.passages[index], index, count: this.passages.length, pageText: this.#checker.text },
      anchor, { focus });
  }

  #hideCard() {
    this.#revealed = false;
    if (!this.#card || this.#card.shownIndex < 0) return;
    this.#surface?.focus(-1);
    this.#card.hide();
  }
}
