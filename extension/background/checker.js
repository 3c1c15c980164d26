// Checking a tab: the content script collects the page's text, the matcher (here,
// in the service worker, never on the page's thread) finds the passages, the
// content script paints them, the badge shows the share of the page they cover.
// Results are kept per tab for the popup.
import { sharesBySource } from '../../web/summary.js';
import { injectContentScript, sendToTab, setBadge } from '../platform/browser.js';

const results = new Map();  // tabId -> {url, title, length, passages, shares, checkedAt}

export function resultOf(tabId) { return results.get(tabId) ?? null; }
export function forgetTab(tabId) { results.delete(tabId); }

// A source's words inside the card: its passage only, offsets rebased to it, so
// the message to the page carries no whole source texts.
function forPage(passage, library, texts) {
  if (!texts.has(passage.sourceId)) texts.set(passage.sourceId, library.source(passage.sourceId)?.text ?? '');
  const sourceText = texts.get(passage.sourceId);
  const base = passage.sourceStart;
  return {
    start: passage.start,
    end: passage.end,
    sourceId: passage.sourceId,
    sourceTitle: passage.sourceTitle,
    sourceUrl: passage.sourceUrl,
    sourceStart: 0,
    sourceEnd: passage.sourceEnd - base,
    sourceExcerpt: sourceText.slice(base, passage.sourceEnd),
    score: passage.score,
    kind: passage.kind,
    quoted: passage.quoted,
    hue: library.hue(passage.sourceId),
    alignment: passage.alignment.map((s) => ({ op: s.op, page: s.page, source: s.source && [s.source[0] - base, s.source[1] - base] })),
  };
}

const sameUrl = (a, b) => {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return false;
  }
};

/**
 * Checks a tab as the toolbar button does; resolves with the passages painted
 * ({start, end, text, sourceId, sourceTitle, kind, score, quoted}).
 */
export async function checkTab(tabId, library) {
  try {
    await injectContentScript(tabId);
  } catch (error) {
    throw new Error(`ReuseLens cannot read this page (${error.message}). Browser pages and the web store are off limits; ` +
      'other sites need a click on the toolbar button, or access to all sites for automatic checking.');
  }
  const page = await sendToTab(tabId, { type: 'reuselens:collect' });
  if (!page || typeof page.text !== 'string') throw new Error('the page did not answer');
  // The page itself, when it is in the library, is not a copy of itself.
  const exclude = library.list().filter((s) => s.url && sameUrl(s.url, page.url)).map((s) => s.id);
  const { passages } = library.match(page.text, { exclude });
  const texts = new Map();  // each source's text read out of the matcher once per check
  const painted = passages.map((p) => forPage(p, library, texts));
  await sendToTab(tabId, { type: 'reuselens:paint', passages: painted });
  const shares = sharesBySource(page.text, passages).map((s) => ({ ...s, hue: library.hue(s.sourceId) }));
  const reused = shares.reduce((sum, s) => sum + s.share, 0);
  await setBadge(tabId, passages.length ? `${Math.round(reused * 100)}%` : '');
  const summary = passages.map((p) => ({
    start: p.start, end: p.end, text: page.text.slice(p.start, p.end), sourceId: p.sourceId, sourceTitle: p.sourceTitle,
    sourceUrl: p.sourceUrl, kind: p.kind, score: p.score, quoted: p.quoted, hue: library.hue(p.sourceId),
  }));
  results.set(tabId, { url: page.url, title: page.title, length: page.text.length, reused, shares, passages: summary, checkedAt: Date.now() });
  return summary;
}

/** Removes the highlights and the badge of a tab. */
export async function clearTab(tabId) {
  results.delete(tabId);
  await setBadge(tabId, '');
  try {
    await sendToTab(tabId, { type: 'reuselens:clear' });
  } catch {
    // No content script there: nothing painted.
  }
}
