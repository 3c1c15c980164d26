// ReuseLens in a vanilla Lexical editor (rich text, history): Lexical owns the
// document and its undo; registerReuseLens only reads the editor state after
// each update and paints over the DOM Lexical rendered.
import {
  $createParagraphNode, $createTextNode, $getRoot, $getSelection, $insertNodes, $isRangeSelection,
  CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, HISTORY_MERGE_TAG,
  REDO_COMMAND, UNDO_COMMAND, createEditor,
} from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { registerReuseLens } from 'reuselens/lexical';
import { fail, loadDemoLibrary, ready, renderSidebar } from '../shared/demo.js';

const $ = (id) => document.getElementById(id);

const editor = createEditor({
  namespace: 'reuselens-example',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => { throw error; },
});
editor.setRootElement($('editor'));
mergeRegister(
  registerRichText(editor),
  registerHistory(editor, createEmptyHistoryState(), 300),
  registerToolbar(editor),
);
// An empty paragraph to type in, left out of the undo history.
editor.update(() => {
  if (!$getRoot().getFirstChild()) $getRoot().append($createParagraphNode());
}, { tag: HISTORY_MERGE_TAG });
window.lexicalEditor = editor;  // for the browser console (and the tests)

// Bold, italic, undo and redo, with their states.
function registerToolbar(editor) {
  $('bold').addEventListener('click', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'));
  $('italic').addEventListener('click', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'));
  $('undo').addEventListener('click', () => editor.dispatchCommand(UNDO_COMMAND, undefined));
  $('redo').addEventListener('click', () => editor.dispatchCommand(REDO_COMMAND, undefined));
  const enable = (button) => (can) => {
    button.disabled = !can;
    return false;
  };
  return mergeRegister(
    editor.registerCommand(CAN_UNDO_COMMAND, enable($('undo')), COMMAND_PRIORITY_LOW),
    editor.registerCommand(CAN_REDO_COMMAND, enable($('redo')), COMMAND_PRIORITY_LOW),
    editor.registerUpdateListener(({ editorState }) => editorState.read(() => {
      const selection = $getSelection();
      const has = (format) => String($isRangeSelection(selection) && selection.hasFormat(format));
      $('bold').setAttribute('aria-pressed', has('bold'));
      $('italic').setAttribute('aria-pressed', has('italic'));
    })),
  );
}

// The sample's paragraphs at the caret, in one update: one step of Lexical's history.
function pasteSample(sample) {
  editor.update(() => {
    const paragraphs = sample.split(/\n\s*\n/).map((text) => $createParagraphNode().append($createTextNode(text)));
    const root = $getRoot();
    if (!root.getTextContent().trim()) {
      root.clear().append(...paragraphs);
      paragraphs.at(-1).selectEnd();
    } else {
      if (!$isRangeSelection($getSelection())) root.selectEnd();
      $insertNodes(paragraphs);
    }
  });
  editor.focus();
}

try {
  const { lens, sources, sample } = await loadDemoLibrary();
  // ?reuselens=off: the same page without ReuseLens (the tests compare the two).
  if (new URLSearchParams(location.search).get('reuselens') !== 'off') {
    const unregister = registerReuseLens(editor, {
      lens,
      onPassages: (passages, { pending }) => renderSidebar($('passages'), $('status'), passages, {
        pending, reveal: (i) => unregister.view.reveal(i),
      }),
    });
    window.reuselensView = unregister.view;  // for the browser console (and the tests)
  }
  $('sample').addEventListener('click', () => pasteSample(sample));
  ready($('status'), sources);
} catch (error) {
  fail($('status'), error);
}
