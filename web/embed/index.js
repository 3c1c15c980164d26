// reuselens/editor: check a draft for reuse while it is written. The incremental
// checker, and the adapters that paint its passages in an editor without
// changing the editor's document. ProseMirror/TipTap and Lexical have adapters
// of their own (reuselens/prosemirror, reuselens/lexical).
export { DraftChecker } from './checker.js';
export { EditorHighlights } from './editor-highlights.js';
export { attachToContentEditable } from './contenteditable.js';
export { attachToTextarea } from './textarea.js';
export { HighlightPainter, defaultHighlightStyle } from './highlight-painter.js';
