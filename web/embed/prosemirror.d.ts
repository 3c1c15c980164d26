// Types of reuselens/prosemirror (dist/reuselens/prosemirror.js): ReuseLens in
// ProseMirror and in TipTap. prosemirror-state and prosemirror-view are the
// host's own (peer dependencies).
import type { Plugin, PluginKey } from 'prosemirror-state';
import type { DecorationSet, EditorView } from 'prosemirror-view';
import type { AdapterOptions, EditorHighlights } from './editor.js';

export interface ProseMirrorOptions extends AdapterOptions {
  /**
   * Called once the plugin is in an editor view, with the view's highlights
   * (the same object {@link getReuseLens} gives): keep it to reveal passages,
   * check now or destroy.
   */
  onReady?: (highlights: EditorHighlights, view: EditorView) => void;
}

/**
 * The ProseMirror plugin. It reads the document's text after every change (each
 * textblock a paragraph; line breaks as "\n"; other inline leaves as their
 * `leafText`, else a space) and paints the passages as inline decorations:
 * `<span class="reuselens-editor-N reuselens-editor-N-K" data-reuselens-index="i">`,
 * their colours in a constructed style sheet (no style attributes: fine under a
 * strict CSP). The document and the undo history are never changed: the
 * passages arrive in transactions that carry only the plugin's meta (no steps,
 * `addToHistory: false`), and between matches the decorations are mapped
 * through every edit. One per editor.
 *
 * In TipTap: `Extension.create({ name: 'reuseLens', addProseMirrorPlugins() { return [reuseLensPlugin(this.options)]; } })`.
 */
export declare function reuseLensPlugin(options: ProseMirrorOptions): Plugin<DecorationSet>;

/** The highlights of the editor view `view` (TipTap: `editor.view`); null without the plugin, or once destroyed. */
export declare function getReuseLens(view: EditorView): EditorHighlights | null;

/** The plugin's key: `reuseLensKey.getState(state)` is the DecorationSet of the current passages. */
export declare const reuseLensKey: PluginKey<DecorationSet>;

export type { AdapterOptions, DraftPassage, EditorHighlights, HighlightStyle, PassagesDetail } from './editor.js';
