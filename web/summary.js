// The summary above the page: how much of it reuses which sources (a bar with
// one segment per source) and where (a map of the page with one tick per passage).
import { el } from './dom.js';

const percent = (share) => `${Math.round(share * 100)}%`;

/** Per source, in order of first appearance: {sourceId, title, chars, share}. */
export function sharesBySource(text, passages) {
  const bySource = new Map();
  for (const p of passages) {
    const entry = bySource.get(p.sourceId) ?? { sourceId: p.sourceId, title: p.sourceTitle || p.sourceId, chars: 0 };
    entry.chars += p.end - p.start;  // passages never overlap on the page
    bySource.set(p.sourceId, entry);
  }
  const total = Math.max(1, text.length);
  return [...bySource.values()].map((e) => ({ ...e, share: e.chars / total }));
}

/**
 * Renders the summary; onJump(index) runs when a tick of the map is chosen.
 * Returns the shares (for the library list).
 */
export function renderSummary({ textEl, barEl, mapEl }, { text, passages, colorOf, onJump }) {
  const shares = sharesBySource(text, passages);
  const reused = shares.reduce((sum, s) => sum + s.chars, 0) / Math.max(1, text.length);
  if (passages.length === 0) {
    textEl.textContent = text.trim() ? 'No passage of this page reuses a source in your library.' : 'No page to check yet.';
  } else {
    const sources = shares.length === 1 ? '1 known source' : `${shares.length} known sources`;
    const count = passages.length === 1 ? '1 passage' : `${passages.length} passages`;
    textEl.replaceChildren(el('strong', {}, percent(reused)), ` of this page reuses ${sources} (${count}).`);
  }

  barEl.replaceChildren(...shares.map((s) => {
    const segment = el('span', { class: 'segment', title: `${s.title}: ${percent(s.share)}` }, '');
    segment.style.setProperty('--hue', String(colorOf(s.sourceId)));
    segment.style.width = `${(s.share * 100).toFixed(2)}%`;
    return segment;
  }));
  barEl.setAttribute('aria-label', shares.length
    ? `Share of the page per source: ${shares.map((s) => `${s.title} ${percent(s.share)}`).join(', ')}`
    : 'No reuse found');

  const length = Math.max(1, text.length);
  mapEl.replaceChildren(...passages.map((p, i) => {
    const tick = el('button', {
      type: 'button', class: 'tick', 'aria-label': `Go to passage ${i + 1} (${p.kind}, ${p.sourceTitle || p.sourceId})`,
    });
    tick.style.setProperty('--hue', String(colorOf(p.sourceId)));
    tick.style.left = `${((p.start / length) * 100).toFixed(2)}%`;
    tick.style.width = `${Math.max(0.6, ((p.end - p.start) / length) * 100).toFixed(2)}%`;
    tick.addEventListener('click', () => onJump(i));
    return tick;
  }));
  return shares;
}
