// The page being checked, with each reused passage a focusable <mark> coloured
// for its source. The demo owns this DOM, so it can wrap text in elements (the
// extension, on other people's pages, uses the CSS Custom Highlight API).

export const describe = (passage, index, count) =>
  `Passage ${index + 1} of ${count}: ${passage.kind}${passage.quoted ? ', quoted' : ''} from ` +
  `${passage.sourceTitle || passage.sourceId}, score ${passage.score.toFixed(2)}`;

export class PageView {
  #root;
  #marks = [];

  /** onSelect(index) runs when a passage is hovered, focused or tapped (by the user). */
  constructor(root, { onSelect }) {
    this.#root = root;
    const select = (event) => {
      const mark = event.target.closest?.('mark.passage');
      if (mark && root.contains(mark)) onSelect(Number(mark.dataset.index));
    };
    root.addEventListener('focusin', select);
    root.addEventListener('mouseover', select);
    root.addEventListener('click', select);
    document.addEventListener('keydown', (event) => this.#onKey(event));
  }

  get count() { return this.#marks.length; }

  /** Shows text with the passages (in page order, not overlapping) highlighted. */
  render(text, passages, colorOf) {
    const fragment = document.createDocumentFragment();
    this.#marks = [];
    let at = 0;
    passages.forEach((p, i) => {
      if (p.start > at) fragment.append(text.slice(at, p.start));
      const mark = document.createElement('mark');
      mark.className = `passage kind-${p.kind}${p.quoted ? ' quoted' : ''}`;
      mark.dataset.index = String(i);
      mark.dataset.source = p.sourceId;
      mark.tabIndex = 0;
      mark.setAttribute('aria-label', describe(p, i, passages.length));
      mark.style.setProperty('--hue', String(colorOf(p.sourceId)));
      mark.textContent = text.slice(p.start, p.end);
      fragment.append(mark);
      this.#marks.push(mark);
      at = p.end;
    });
    if (at < text.length) fragment.append(text.slice(at));
    this.#root.replaceChildren(fragment);
  }

  /**
   * Marks passage i as the one shown beside the page. focus: move the focus there
   * (and scroll it to the middle); reveal: scroll it to the top of the window.
   */
  select(index, { focus = false, reveal = false } = {}) {
    for (const mark of this.#marks) mark.classList.toggle('selected', Number(mark.dataset.index) === index);
    const mark = this.#marks[index];
    if (!mark) return;
    if (focus) mark.focus({ preventScroll: true });
    if (focus || reveal) mark.scrollIntoView({ block: reveal ? 'start' : 'center', behavior: 'smooth' });
  }

  // n/j: next passage, p/k: previous, unless the user is typing somewhere.
  #onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || this.#marks.length === 0) return;
    const target = event.target;
    if (target.closest?.('input, textarea, select, [contenteditable="true"]')) return;
    const step = { n: 1, j: 1, p: -1, k: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const current = this.#marks.findIndex((m) => m === document.activeElement || m.classList.contains('selected'));
    const count = this.#marks.length;
    const next = current < 0 ? (step > 0 ? 0 : count - 1) : (current + step + count) % count;
    this.select(next, { focus: true });  // focusin tells onSelect
  }
}
