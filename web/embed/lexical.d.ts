// Types of reuselens/lexical (dist/reuselens/lexical.js): ReuseLens in a Lexical
// editor. `lexical` is the host's own (a peer dependency).
import type { LexicalEditor, NodeKey } from 'lexical';
import type { AdapterOptions, EditorHighlights } from './editor.js';

/** Options of registerReuseLens: those every adapter takes. */
export type LexicalReuseLensOptions = AdapterOptions;

/**
 * What registerReuseLens returns: the cleanup function, as every Lexical
 * register* function returns (so it goes into mergeRegister), carrying the
 * highlights as `view`. Calling it is the same as view.destroy().
 */
export interface ReuseLensRegistration {
  (): void;
  /** The highlights: passages, reveal(i), the `passages` event, check(), destroy(). */
  readonly view: EditorHighlights;
}

/**
 * Highlights the passages of `editor`'s text that reuse the library's sources,
 * as it is written. The text is read from Lexical's editor state after every
 * update (each block a line of its own, see $readDraft) and the passages are
 * painted with the CSS Custom Highlight API over the DOM Lexical rendered: the
 * editor's nodes, DOM and undo history are never changed. Follows the editor to
 * a new root element (setRootElement) and through every re-render.
 *
 * ```js
 * const unregister = mergeRegister(
 *   registerRichText(editor),
 *   registerHistory(editor, createEmptyHistoryState(), 300),
 *   registerReuseLens(editor, { lens, onPassages: renderSidebar }),
 * );
 * ```
 */
export declare function registerReuseLens(editor: LexicalEditor, options: LexicalReuseLensOptions): ReuseLensRegistration;

/** A TextNode's text in the draft: text.slice(start, end). */
export interface DraftSegment {
  key: NodeKey;
  start: number;
  end: number;
  /** Nothing left unread (a DecoratorNode) lies between this segment and the one before. */
  joined: boolean;
}

/**
 * The text ReuseLens checks, as passage offsets count it: the TextNodes' text,
 * each block (paragraph, heading, list item...) on a line of its own, a
 * LineBreakNode a "\n", DecoratorNodes left out; and where each TextNode lies in
 * it. Call inside editorState.read() or editor.update().
 */
export declare function $readDraft(): { text: string; segments: DraftSegment[] };
