// ReuseLens in a ProseMirror editor: the plugin goes in with the others; the
// editor keeps its own document, history and rendering, ReuseLens only adds
// decorations.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Schema } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { exampleSetup } from 'prosemirror-example-setup';
import viewCss from 'prosemirror-view/style/prosemirror.css';
import menuCss from 'prosemirror-menu/style/menu.css';
import setupCss from 'prosemirror-example-setup/style/style.css';
import { getReuseLens, reuseLensPlugin } from 'reuselens/prosemirror';
import { fail, loadDemoLibrary, ready, renderSidebar } from '../shared/demo.js';

const $ = (id) => document.getElementById(id);

// The editor's own CSS, imported as text and adopted as a constructed sheet:
// the site's CSP (style-src 'self') forbids inline <style>.
const editorSheet = new CSSStyleSheet();
editorSheet.replaceSync([viewCss, menuCss, setupCss].join('\n'));
document.adoptedStyleSheets = [...document.adoptedStyleSheets, editorSheet];

const schema = new Schema({
  nodes: addListNodes(basicSchema.spec.nodes, 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks,
});

try {
  const { lens, sources, sample } = await loadDemoLibrary();
  const plugins = exampleSetup({ schema });
  // ?reuselens=off: the same page without ReuseLens (the tests compare the two).
  if (new URLSearchParams(location.search).get('reuselens') !== 'off') {
    plugins.push(reuseLensPlugin({
      lens,
      onPassages: (passages, { pending }) => renderSidebar($('passages'), $('status'), passages, {
        pending, reveal: (i) => getReuseLens(view).reveal(i),
      }),
    }));
  }
  const view = new EditorView($('editor'), {
    state: EditorState.create({ schema, plugins }),
    attributes: { 'aria-label': 'Draft', class: 'editor' },
  });
  // For the browser console (and the tests): the view and its highlights (null without the plugin).
  window.editorView = view;
  window.reuselensView = getReuseLens(view);
  $('sample').addEventListener('click', () => {
    view.focus();
    view.pasteText(sample);  // as a paste: one step of the editor's history
  });
  ready($('status'), sources);
} catch (error) {
  fail($('status'), error);
}
