// Tells when an element moves on the screen for any reason (the layout above it
// changed, an ancestor scrolled, the window resized), without polling. An
// IntersectionObserver whose root is shrunk to the element's own rectangle
// reports a ratio of 1 while the element stays put; any move changes the ratio,
// and the observer is set up again around the new rectangle.

/** Calls onMove() whenever `element` moves; returns stop(). */
export function watchMoves(element, onMove) {
  const doc = element.ownerDocument;
  let observer = null;
  let timer = 0;

  // threshold: the ratio the element has now (below 1 while an ancestor clips it).
  function arm(threshold = 1) {
    observer?.disconnect();
    clearTimeout(timer);
    const armedAt = element.getBoundingClientRect();
    const { left, top, width, height } = armedAt;
    if (!width || !height) return;  // not rendered; the caller's ResizeObserver sees it come back
    const view = doc.documentElement;
    const insets = [top, view.clientWidth - left - width, view.clientHeight - top - height, left];
    const rootMargin = insets.map((inset) => `${-Math.floor(inset)}px`).join(' ');
    let first = true;
    observer = new IntersectionObserver(([entry]) => {
      const ratio = entry.intersectionRatio;
      // A move smaller than the margins' rounding keeps the ratio: compare rectangles too.
      if ((ratio !== threshold && !first) || (ratio === 1 && !sameRect(armedAt, element.getBoundingClientRect()))) {
        onMove();
        arm();
        return;
      }
      if (ratio !== threshold) {
        // Clipped from the start: watch for a change of that ratio instead. Wholly
        // clipped: nothing to see until it changes, so look again in a while.
        if (ratio) arm(ratio);
        else timer = setTimeout(() => arm(1e-7), 1000);
        return;
      }
      first = false;
    }, { root: doc, rootMargin, threshold: Math.max(0, Math.min(1, threshold)) || 1 });
    observer.observe(element);
  }

  arm();
  return {
    /** Sets the observer up again around the element (after it was hidden, or resized). */
    rearm: () => arm(),
    stop() {
      observer?.disconnect();
      clearTimeout(timer);
      observer = null;
    },
  };
}

const sameRect = (a, b) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
