// The textarea adapter: a plain <textarea>. It reads the value on every input
// and paints the passages on an overlay laid over the textarea (see
// textarea-mirror.js), which follows its scrolling, its size (the user dragging
// the resize handle too), its fonts and its place on the page. The textarea's
// value, selection, undo history and styles are never touched.
//
//   const view = attachToTextarea(textarea, { lens, onPassages: renderSidebar });
import { EditorHighlights } from './editor-highlights.js';
import { watchMoves } from './element-moves.js';
import { TextareaMirror } from './textarea-mirror.js';

/**
 * Highlights the passages of `textarea` that reuse the library's sources.
 * options: lens or checker, highlightStyle (CSS declarations of a passage's box),
 * card, onPassages, and the checker's debounceMs, minChars, kinds, exclude.
 * A value set by script fires no event: call view.refresh() after it.
 */
export function attachToTextarea(textarea, { highlightStyle, ...options } = {}) {
  // localName, not instanceof: the textarea may live in another frame.
  if (textarea?.localName !== 'textarea' || typeof textarea.value !== 'string') {
    throw new TypeError('attachToTextarea expects a <textarea>');
  }
  const view = new EditorHighlights(options);
  const mirror = new TextareaMirror(textarea, highlightStyle ? { style: highlightStyle } : {});
  const win = textarea.ownerDocument.defaultView;
  let text = textarea.value;

  const layout = () => mirror.layout();
  // The value may also have been set by script since the last input.
  const follow = () => {
    if (textarea.value !== text) refresh();
    else layout();
  };
  const onInput = () => {
    text = textarea.value;
    view.sync(text);  // paints the moved passages at once
    layout();         // the input may have changed the textarea's size or scrollbars
  };
  const onScroll = () => mirror.syncScroll();
  const refresh = () => {
    layout();
    onInput();
  };

  const resized = new ResizeObserver(() => {
    layout();
    moves.rearm();
  });
  resized.observe(textarea);
  const restyled = new MutationObserver(layout);  // style, class, wrap, dir, cols, rows...
  restyled.observe(textarea, { attributes: true });
  const moves = watchMoves(textarea, layout);
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('scroll', onScroll, { passive: true });
  textarea.addEventListener('focus', follow);
  textarea.addEventListener('change', follow);
  win.addEventListener('resize', layout);  // the window, and the zoom
  textarea.ownerDocument.fonts?.addEventListener('loadingdone', layout);

  view.attach({
    element: textarea,
    paint: (passages) => mirror.paint(text, passages),
    rectsOf: (i) => mirror.rectsOf(i),
    focus: (i) => mirror.focus(i),
    scrollTo: (i) => mirror.scrollTo(i),
    destroy() {
      resized.disconnect();
      restyled.disconnect();
      moves.stop();
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('scroll', onScroll);
      textarea.removeEventListener('focus', follow);
      textarea.removeEventListener('change', follow);
      win.removeEventListener('resize', layout);
      textarea.ownerDocument.fonts?.removeEventListener('loadingdone', layout);
      mirror.destroy();
    },
  });
  view.refresh = refresh;
  view.sync(text);
  return view;
}
