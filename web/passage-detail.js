// A passage beside its source passage, word by word: the token alignment of the
// core says which page word matches which source word and how, so synonym
// swaps, edits, insertions and deletions show up in place.
import { el } from './dom.js';

const OP_LABELS = {
  exact: 'same word',
  stem: 'same stem',
  synonym: 'synonym',
  function: 'function word swapped',
  substituted: 'word replaced',
  inserted: 'added on the page',
  deleted: 'left out of the page',
  moved: 'word moved',
};
const CHANGED = ['stem', 'synonym', 'function', 'substituted', 'inserted', 'deleted', 'moved'];

// text[from, to) with the words that steps mark on `side` wrapped in spans;
// data-step numbers the step, so a word finds its counterpart on the other side.
function markedText(text, from, to, steps, side, other, otherText) {
  const words = steps
    .map((step, number) => ({ ...step, number }))
    .filter((s) => s[side] && s.op !== 'exact' && s[side][0] >= from && s[side][1] <= to)
    .sort((a, b) => a[side][0] - b[side][0]);
  const parts = [];
  let at = from;
  for (const step of words) {
    const [start, end] = step[side];
    if (start < at) continue;
    parts.push(text.slice(at, start));
    const counterpart = step[other] ? otherText.slice(step[other][0], step[other][1]) : null;
    const title = counterpart ? `${OP_LABELS[step.op]}: “${counterpart}”` : OP_LABELS[step.op];
    parts.push(el('span', { class: `w op-${step.op}`, title, 'data-op': step.op, 'data-step': step.number },
      text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at, to));
  return parts;
}

/**
 * Fills `root` with passage `index` of `count`, from pageText, against the
 * source's text; hue is the source's colour.
 */
export function renderDetail(root, { passage, index, count, pageText, sourceText, hue }) {
  const steps = passage.alignment;
  const counts = Object.fromEntries(CHANGED.map((op) => [op, 0]));
  for (const s of steps) if (s.op in counts) counts[s.op] += 1;

  const source = passage.sourceUrl
    ? el('a', { href: passage.sourceUrl, rel: 'noopener noreferrer', target: '_blank' }, passage.sourceTitle || passage.sourceId)
    : el('span', {}, passage.sourceTitle || passage.sourceId);
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.setProperty('--hue', String(hue));

  const meta = el('p', { class: 'meta' },
    swatch, source,
    el('span', { class: `kind kind-${passage.kind}` }, passage.kind),
    el('span', { class: 'score', title: '1 for a verbatim copy, lower the more words changed' },
      `score ${passage.score.toFixed(2)}`),
    passage.quoted ? el('span', { class: 'quoted-badge', title: 'inside quotation marks in both texts' }, 'quoted') : null);

  const pageSide = el('blockquote', { class: 'diff page-side' },
    ...markedText(pageText, passage.start, passage.end, steps, 'page', 'source', sourceText));
  const sourceSide = el('blockquote', { class: 'diff source-side' },
    ...markedText(sourceText, passage.sourceStart, passage.sourceEnd, steps, 'source', 'page', pageText));

  // The pointer on a marked word outlines it and its counterpart (where a
  // moved word came from, what a synonym stands for).
  const sideBySide = el('div', { class: 'side-by-side' },
    el('figure', {}, el('figcaption', {}, 'This page'), pageSide),
    el('figure', {}, el('figcaption', {}, 'Source'), sourceSide));
  const pair = (event, on) => {
    const word = event.target.closest?.('.w[data-step]');
    if (!word) return;
    for (const w of sideBySide.querySelectorAll(`.w[data-step="${word.dataset.step}"]`)) w.classList.toggle('paired', on);
  };
  sideBySide.addEventListener('pointerover', (event) => pair(event, true));
  sideBySide.addEventListener('pointerout', (event) => pair(event, false));

  const changes = CHANGED.filter((op) => counts[op] > 0)
    .map((op) => el('li', {}, el('span', { class: `w op-${op}` }, OP_LABELS[op]), ` ${counts[op]}`));

  root.replaceChildren(
    el('button', { type: 'button', class: 'close-detail', 'aria-label': 'Close the source view' }, '×'),
    el('h2', { id: 'detail-heading' }, `Passage ${index + 1} of ${count}`),
    meta,
    sideBySide,
    changes.length
      ? el('ul', { class: 'op-legend', 'aria-label': 'Word-level changes' }, ...changes)
      : el('p', { class: 'op-legend' }, 'Word for word the same.'));
}

/** The panel before any passage is chosen (or when there is none). */
export function renderDetailPlaceholder(root, message) {
  root.replaceChildren(el('h2', { id: 'detail-heading' }, 'Passage and source'), el('p', { class: 'placeholder' }, message));
}
