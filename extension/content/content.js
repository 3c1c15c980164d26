// The content script: reads the page's text for the service worker, paints the
// passages it sends back, shows the card over a hovered passage, and asks for a
// new check when the page's text changes. It never changes the page's DOM (the
// card, while shown, is one element of ours after <body>).
import { ext } from '../platform/browser.js';
import { collectText, textOffset } from './dom-text.js';
import { HighlightPainter, OverlayPainter, rangesOf } from './highlighter.js';
import { Card } from '../../web/embed/card.js';

const CHANGE_DEBOUNCE_MS = 1500;

// Injected again on every toolbar click: the first copy does the work.
if (!globalThis.__reuselensContent) {
  globalThis.__reuselensContent = true;
  main();
}

function main() {
  const painter = HighlightPainter.supported() ? new HighlightPainter() : new OverlayPainter();
  const card = new Card();
  let collected = null;  // {text, segments, mode} of the last collect
  let painted = null;    // {text, passages: [...with ranges], byNode}
  let observer = null;
  let changeTimer = 0;
  let hoverFrame = 0;
  let lastInput = '';    // 'key' or 'pointer': the caret shows the card only for keyboard users

  async function collect() {
    collected = await collectText(document);
    return { text: collected.text, mode: collected.mode, title: document.title, url: location.href };
  }

  async function paint(passages) {
    if (!collected) await collect();
    const { text, segments } = collected;
    const withRanges = passages.map((p) => ({ ...p, ranges: rangesOf(segments, p.start, p.end) }));
    painter.paint(withRanges);
    card.hide();
    painted = { text, passages: withRanges, byNode: new Map(segments.map((s) => [s.node, s])) };
    listen(true);
    watchChanges(true);
    return { painted: withRanges.length, mode: collected.mode };
  }

  function clear() {
    painter.clear();
    card.hide();
    painted = null;
    listen(false);
    watchChanges(false);
  }

  // ---- hover and reveal --------------------------------------------------------
  function passageAt(x, y, doc) {
    let node;
    let offset;
    if (doc.caretPositionFromPoint) {
      const roots = [...new Set(painted.passages.flatMap((p) => p.ranges.map((r) => r.startContainer.getRootNode())))]
        .filter((r) => r instanceof ShadowRoot);
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: roots });
      node = pos?.offsetNode;
      offset = pos?.offset;
    } else if (doc.caretRangeFromPoint) {
      const range = doc.caretRangeFromPoint(x, y);
      node = range?.startContainer;
      offset = range?.startOffset;
    }
    if (!node) return -1;
    const at = textOffset(painted.byNode, node, offset);
    if (at < 0) return -1;
    const index = painted.passages.findIndex((p) => p.start <= at && at < p.end);
    if (index < 0) return -1;
    // The caret is the nearest one: make sure the pointer is on the passage's text.
    const inside = painted.passages[index].ranges.some((r) => [...r.getClientRects()]
      .some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom));
    return inside ? index : -1;
  }

  function showCard(index, anchor) {
    if (card.shownIndex === index) return;
    const passage = painted.passages[index];
    painter.focus(passage.ranges);
    card.show({ passage, index, count: painted.passages.length, pageText: painted.text }, anchor);
  }

  function hideCard() {
    if (card.shownIndex < 0) return;
    painter.focus([]);
    card.hide();
  }

  function onPointerMove(event) {
    if (hoverFrame || !painted) return;
    const { clientX: x, clientY: y } = event;
    const doc = event.target?.ownerDocument ?? document;
    const frameOffset = doc === document ? { left: 0, top: 0 } : doc.defaultView.frameElement.getBoundingClientRect();
    const overCard = card.contains(event);
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      if (!painted || overCard) return;
      const index = passageAt(x, y, doc);
      if (index < 0) return hideCard();
      const rect = painted.passages[index].ranges[0].getBoundingClientRect();
      showCard(index, { left: x + frameOffset.left, top: rect.top + frameOffset.top, bottom: y + frameOffset.top + 12 });
    });
  }

  function onKey(event) {
    lastInput = 'key';
    if (event.key === 'Escape') hideCard();
  }

  // Keyboard users reach a passage with the extension's shortcuts (step) or by
  // moving the caret into it (caret browsing, F7): the card follows the caret.
  function onPointerDown() { lastInput = 'pointer'; }
  function onSelectionChange(event) {
    if (lastInput !== 'key' || !painted) return;
    const selection = (event.target?.defaultView ?? window).getSelection?.();
    if (!selection?.focusNode) return;
    const at = textOffset(painted.byNode, selection.focusNode, selection.focusOffset);
    const index = at < 0 ? -1 : painted.passages.findIndex((p) => p.start <= at && at < p.end);
    if (index < 0) return hideCard();
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    showCard(index, { left: rect.left, top: rect.top, bottom: rect.bottom });
  }

  function documents() {
    const docs = new Set([document]);
    for (const p of painted?.passages ?? []) for (const r of p.ranges) docs.add(r.startContainer.ownerDocument);
    return [...docs];
  }

  let listening = [];
  function listen(on) {
    for (const doc of listening) {
      doc.removeEventListener('pointermove', onPointerMove, true);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('selectionchange', onSelectionChange);
    }
    listening = on ? documents() : [];
    for (const doc of listening) {
      doc.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
      doc.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
      doc.addEventListener('keydown', onKey, true);
      doc.addEventListener('selectionchange', onSelectionChange);
    }
  }

  function reveal(index, { focus = false } = {}) {
    const passage = painted?.passages[index];
    if (!passage?.ranges.length) return false;
    const range = passage.ranges[0];
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getBoundingClientRect();
    painter.focus(passage.ranges);
    card.show({ passage, index, count: painted.passages.length, pageText: painted.text },
      { left: rect.left, top: rect.top, bottom: rect.bottom }, { focus });
    return true;
  }

  // The next (delta 1) or previous (-1) passage from the one shown, or else from
  // what is in view; wraps around. The keyboard shortcuts land here.
  function step(delta) {
    const count = painted?.passages.length ?? 0;
    if (!count) return -1;
    let index = card.shownIndex;
    if (index < 0) {
      const below = painted.passages.findIndex((p) => p.ranges[0]?.getBoundingClientRect().bottom > 0);
      index = below < 0 ? (delta > 0 ? 0 : count - 1) : (delta > 0 ? below : below - 1);
    } else {
      index += delta;
    }
    index = (index + count) % count;
    reveal(index, { focus: true });
    return index;
  }

  // ---- dynamic pages: text added later is checked again ---------------------------
  function watchChanges(on) {
    observer?.disconnect();
    observer = null;
    clearTimeout(changeTimer);
    if (!on) return;
    observer = new MutationObserver((records) => {
      // Our own card coming and going is not a change of the page.
      if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n.localName?.startsWith('reuselens-')))) return;
      clearTimeout(changeTimer);
      changeTimer = setTimeout(async () => {
        if (!painted) return;
        const before = painted.text;
        const now = await collectText(document);
        // The check this asks for reads the page again; `collected` stays the text
        // the painted offsets refer to until then.
        if (!painted || now.text === before) return;
        ext.runtime.sendMessage({ type: 'page:changed' }).catch(() => {});
      }, CHANGE_DEBOUNCE_MS);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    switch (message?.type) {
      // A page that breaks the reading answers null: the worker reports it did not answer.
      case 'reuselens:collect': collect().then(sendResponse, () => sendResponse(null)); return true;
      case 'reuselens:paint': paint(message.passages).then(sendResponse, () => sendResponse(null)); return true;
      case 'reuselens:clear': clear(); sendResponse({ cleared: true }); return false;
      case 'reuselens:reveal': sendResponse({ revealed: reveal(message.index) }); return false;
      case 'reuselens:step': sendResponse({ index: step(message.delta) }); return false;
      default: return false;
    }
  });

  // Automatic checking (when the user opted in) starts from here; the worker decides.
  ext.runtime.sendMessage({ type: 'page:loaded' }).catch(() => {});
}
