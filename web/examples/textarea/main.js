// ReuseLens on a plain textarea: the browser's own editing, undo included; the
// adapter only reads the value and paints on an overlay laid over the textarea.
import { attachToTextarea } from 'reuselens/editor';
import { fail, loadDemoLibrary, ready, renderSidebar } from '../shared/demo.js';

const $ = (id) => document.getElementById(id);
const editor = $('editor');

try {
  const { lens, sources, sample } = await loadDemoLibrary();
  // ?reuselens=off: the same page without ReuseLens (the tests compare the two).
  if (new URLSearchParams(location.search).get('reuselens') !== 'off') {
    const view = attachToTextarea(editor, {
      lens,
      onPassages: (passages, { pending }) => renderSidebar($('passages'), $('status'), passages, {
        pending, reveal: (i) => view.reveal(i),
      }),
    });
    window.reuselensView = view;  // for the browser console (and the tests)
  }
  $('sample').addEventListener('click', () => {
    editor.focus();
    // As a paste: one step of the browser's undo history.
    document.execCommand('insertText', false, sample);
  });
  ready($('status'), sources);
} catch (error) {
  fail($('status'), error);
}
