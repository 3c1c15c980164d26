// ReuseLens in a TipTap editor: TipTap is ProseMirror underneath, so the
// ProseMirror plugin goes in through a small extension of the host's own.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import viewCss from 'prosemirror-view/style/prosemirror.css';
import { reuseLensPlugin } from 'reuselens/prosemirror';
import { fail, loadDemoLibrary, ready, renderSidebar } from '../shared/demo.js';

const $ = (id) => document.getElementById(id);

// ReuseLens as a TipTap extension: its options are the plugin's
// (lens, onPassages, onReady, highlightStyle, debounceMs...).
const ReuseLens = Extension.create({
  name: 'reuseLens',
  addOptions: () => ({ lens: null }),
  addProseMirrorPlugins() {
    return [reuseLensPlugin(this.options)];
  },
});

// TipTap's injectCSS adds an inline <style>, which the site's CSP (style-src
// 'self') forbids: the editor's CSS is adopted as a constructed sheet instead.
const editorSheet = new CSSStyleSheet();
editorSheet.replaceSync(viewCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, editorSheet];

try {
  const { lens, sources, sample } = await loadDemoLibrary();
  const extensions = [StarterKit];
  // ?reuselens=off: the same page without ReuseLens (the tests compare the two).
  if (new URLSearchParams(location.search).get('reuselens') !== 'off') {
    extensions.push(ReuseLens.configure({
      lens,
      onPassages: (passages, { pending }) => renderSidebar($('passages'), $('status'), passages, {
        pending, reveal: (i) => window.reuselensView.reveal(i),
      }),
      onReady: (highlights) => { window.reuselensView = highlights; },  // for the browser console (and the tests)
    }));
  }
  const editor = new Editor({
    element: $('editor'),
    extensions,
    injectCSS: false,
    editorProps: { attributes: { 'aria-label': 'Draft', class: 'editor' } },
  });
  window.editor = editor;
  $('sample').addEventListener('click', () => {
    editor.commands.focus();
    editor.view.pasteText(sample);  // as a paste: one step of the editor's history
  });
  ready($('status'), sources);
} catch (error) {
  fail($('status'), error);
}
