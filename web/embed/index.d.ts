// Types of reuselens/editor (dist/reuselens/editor.js): check a draft for reuse
// while it is written. In the package this file is editor.d.ts, beside the
// core's index.d.ts and client.d.ts, which the imports below name.
import type { Kind, MatchOptions, Passage, ReuseLens, SourceInfo } from './index.js';
import type { ReuseLensWorker } from './client.js';

/** What the checker matches with: a worker (recommended: typing never waits) or a ReuseLens on this thread. */
export type Matcher = ReuseLensWorker | ReuseLens;

/** A passage of the draft. Offsets are UTF-16 code units of the text last given to the checker. */
export interface DraftPassage extends Passage {
  /** The draft's words of the passage: text.slice(start, end). */
  text: string;
  /** The source's colour on the colour wheel (0-360), the same in every view. */
  hue: number;
  /** The source's words of the passage (source text from sourceStart to sourceEnd), for the card. */
  sourceExcerpt: string;
}

export interface DraftCheckerOptions extends MatchOptions {
  /** Milliseconds of quiet after the last change before matching (default 300). */
  debounceMs?: number;
  /** Paragraph results kept for reuse, e.g. by undo (default 2000). */
  cacheSize?: number;
}

/** The `passages` event's detail. */
export interface PassagesDetail {
  passages: DraftPassage[];
  /** The text the passages are ranges of (DraftChecker events only). */
  text?: string;
  /** True while some paragraph of the current text waits to be matched. */
  pending: boolean;
}

/**
 * The incremental checker: give it the editor's text whenever it changes. It
 * re-matches, debounced and in the worker, only the paragraphs (runs of text
 * between line breaks) whose text it has not matched before, and emits the
 * passages as ranges of the current text.
 *
 * Events: `passages` (CustomEvent<PassagesDetail>) after every change and every
 * match; `checking` when matching starts; `error` (CustomEvent<Error>) when the
 * matcher fails.
 */
export declare class DraftChecker extends EventTarget {
  constructor(lens: Matcher, options?: DraftCheckerOptions);
  addEventListener(type: 'passages', listener: (event: CustomEvent<PassagesDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'error', listener: (event: CustomEvent<Error>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'checking', listener: (event: CustomEvent<undefined>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  /** The text last given to setText. */
  readonly text: string;
  /** The passages of the current text, in order. */
  readonly passages: DraftPassage[];
  /** True while some paragraph of the current text waits to be matched. */
  readonly pending: boolean;
  /**
   * The text changed. Returns at once with the passages moved through the edit
   * (a passage the edit cut into keeps what is left of it until its paragraph
   * is matched again) and schedules the re-match.
   */
  setText(text: string): DraftPassage[];
  /** Matches what is pending now; resolves with the passages of the current text. */
  check(): Promise<DraftPassage[]>;
  /** The library changed: forget every result and check the whole text again. */
  refresh(): Promise<DraftPassage[]>;
  /** Stops checking; later setText calls do nothing. */
  dispose(): void;
}

/** The CSS declarations of one highlight (only what ::highlight() allows: colours, text decorations). */
export type HighlightStyle = (passage: { hue: number; quoted: boolean; kind: Kind; sourceId: string }) => string;

/** Options every adapter takes. */
export interface AdapterOptions extends DraftCheckerOptions {
  /** The matcher; a DraftChecker is made for it (or pass `checker`). */
  lens?: Matcher;
  /** A checker of your own (shared, or with its own listeners). */
  checker?: DraftChecker;
  /** Show the hover card (default true). */
  card?: boolean;
  /** Called with the passages after every change and every match: render your sidebar here. */
  onPassages?: (passages: DraftPassage[], detail: PassagesDetail) => void;
  /** The look of the highlights (default: the source's hue as a background, quoted passages dash-underlined). */
  highlightStyle?: HighlightStyle;
}

/**
 * The highlights in one editor, as every adapter returns them.
 * Events: `passages` (CustomEvent<PassagesDetail>), `error` (CustomEvent<Error>).
 */
export declare class EditorHighlights extends EventTarget {
  addEventListener(type: 'passages', listener: (event: CustomEvent<PassagesDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'error', listener: (event: CustomEvent<Error>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  /** A name unique on the page (prefix of the highlights' names). */
  readonly id: string;
  readonly checker: DraftChecker;
  /** The passages of the editor's current text. */
  readonly passages: DraftPassage[];
  /** Checks now instead of after the pause in typing. */
  check(): Promise<DraftPassage[]>;
  /** Scrolls passage `index` into view and shows its card (focused, by default, for keyboard users). */
  reveal(index: number, options?: { focus?: boolean }): void;
  /** Removes the highlights, the card and every listener; the editor is left as it was. */
  destroy(): void;
}

export interface ContentEditableOptions extends AdapterOptions {
  /** Watch the element for changes (default true); false: call view.refresh() yourself. */
  observe?: boolean;
}

export interface ContentEditableHighlights extends EditorHighlights {
  /** Reads the element's text again (only needed with observe: false). */
  refresh(): void;
}

/** Highlights passages in any contenteditable element (CSS Custom Highlight API; the DOM is never changed). */
export declare function attachToContentEditable(element: Element, options: ContentEditableOptions): ContentEditableHighlights;

/**
 * The CSS declarations of one passage's box in the textarea overlay (any CSS that
 * does not move text: no padding, margins or font changes). The boxes lie over
 * the textarea's text; the default multiplies a translucent colour into it.
 */
export type TextareaHighlightStyle = (passage: { hue: number; quoted: boolean; kind: Kind; sourceId: string }) => string;

export interface TextareaOptions extends Omit<AdapterOptions, 'highlightStyle'> {
  /**
   * The look of the passages' boxes (default: the source's hue, `mix-blend-mode:
   * multiply`, quoted passages dash-underlined). On a dark textarea give your own,
   * e.g. a translucent colour without the blend.
   */
  highlightStyle?: TextareaHighlightStyle;
}

export interface TextareaHighlights extends EditorHighlights {
  /**
   * Reads the textarea's value and styles again. Typing, pasting, undo, scrolling,
   * resizing and moves are followed on their own; call this after setting
   * `textarea.value` from a script (which fires no event) or restyling it.
   */
  refresh(): void;
}

/**
 * Highlights passages in a `<textarea>`: an overlay laid exactly over it (same
 * box, font and wrapping, the same text in transparent ink) draws each passage as
 * a box of its colour, and follows the textarea's scrolling, resizing, fonts and
 * place on the page. The overlay takes no pointer events; the textarea's value,
 * selection, undo history and styles are never changed.
 */
export declare function attachToTextarea(textarea: HTMLTextAreaElement, options: TextareaOptions): TextareaHighlights;

/** The default look of a highlight. */
export declare const defaultHighlightStyle: HighlightStyle;

/** A passage to paint: its DOM ranges and what its look depends on. */
export interface PaintedPassage {
  ranges: Range[];
  hue: number;
  quoted: boolean;
  kind: Kind;
  sourceId: string;
}

/**
 * Paints DOM ranges with the CSS Custom Highlight API, without changing the DOM:
 * what the contenteditable and Lexical adapters draw with, for an adapter of
 * your own. One Highlight per look, named `prefix`-N (`prefix`-focus for the
 * focused passage), its ::highlight() rules in a constructed style sheet.
 */
export declare class HighlightPainter {
  /** True when the window has the CSS Custom Highlight API. */
  static supported(win?: Window): boolean;
  /** prefix: the highlights' names (one per painter on a page); style: their look; focusStyle: the focused passage's. */
  constructor(options?: { prefix?: string; style?: HighlightStyle; focusStyle?: string });
  /** Replaces what was painted with `passages`. */
  paint(passages: PaintedPassage[]): void;
  /** Marks one passage's ranges as the focused one ([] to unmark). */
  focus(ranges: Range[]): void;
  /** Removes every highlight and style sheet of this painter. */
  clear(): void;
}

export type { Kind, Passage, SourceInfo };
