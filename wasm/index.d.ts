// Types of the ReuseLens JS API (dist/reuselens/index.js).

/** How a passage reuses its source, from the closest copy to the loosest. */
export type Kind = 'verbatim' | 'edited' | 'spun' | 'paraphrase' | 'summary';

export declare const KINDS: readonly Kind[];

/** How one page word relates to one source word. */
export type StepOp =
  | 'exact'        // the same word
  | 'stem'         // the same stem ("talks" / "talk")
  | 'synonym'      // WordNet synonyms ("danger" / "risk"); a phrase's step spans its words ("Russian Federation" / "Russia")
  | 'function'     // one function word for another ("the" / "a")
  | 'substituted'  // another word in the same place
  | 'inserted'     // a page word with no source counterpart
  | 'deleted'      // a source word with no page counterpart
  | 'moved';       // a source word the page put elsewhere (same stem, out of order)

/** One step of a passage's word alignment; ranges are [start, end) in UTF-16 code units. */
export interface AlignmentStep {
  op: StepOp;
  /** The page word, null for a deleted source word. */
  page: [number, number] | null;
  /** The source word, null for an inserted page word. */
  source: [number, number] | null;
}

/** A stretch of the page that reuses a source. Offsets are UTF-16 code units. */
export interface Passage {
  start: number;
  end: number;
  sourceId: string;
  sourceTitle: string;
  sourceUrl: string;
  sourceStart: number;
  sourceEnd: number;
  /** 1 for a verbatim copy, lower the more the words were changed. */
  score: number;
  kind: Kind;
  /** Inside quotation marks in both texts (shared quoted speech). */
  quoted: boolean;
  alignment: AlignmentStep[];
}

export interface SourceInput {
  id: string;
  title?: string;
  url?: string;
  text: string;
}

export interface SourceInfo {
  id: string;
  title: string;
  url: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
}

export interface MatchOptions {
  /** Drop passages shorter than this many code points (the longer side counts). Default 0. */
  minChars?: number;
  /** Keep only passages of these kinds. Default: all. */
  kinds?: Kind[];
  /** Ids of sources to leave out, e.g. the page itself when it is in the library. */
  exclude?: string[];
}

export interface CreateOptions {
  /** The bytes of reuselens_core.wasm (default in Node: read from beside index.js). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where browsers fetch reuselens_core.wasm (default: beside reuselens_core.mjs). */
  wasmUrl?: string | URL;
}

/** A library of known sources and the matcher over it (one WASM instance). */
export declare class ReuseLens {
  private constructor();
  /** Throws on a duplicate or empty id. */
  addSource(source: SourceInput): void;
  /** False when there was no source with this id. */
  removeSource(id: string): boolean;
  sources(): SourceInfo[];
  sourceText(id: string): string | undefined;
  readonly size: number;
  match(pageText: string, options?: MatchOptions): { passages: Passage[] };
  /** The library in the format `reuselens library build` writes. */
  save(): Uint8Array;
  /** Replaces the library; on error it is left as it was. */
  load(bytes: Uint8Array | ArrayBuffer | ArrayBufferView): void;
  /** The WASM instance's memory (bytes; grows, never shrinks) and live binding handles. */
  memory(): { heapBytes: number; liveHandles: number };
  /** Frees the WASM-side library; the object is unusable afterwards. */
  dispose(): void;
}

export declare function createReuseLens(options?: CreateOptions): Promise<ReuseLens>;
export default createReuseLens;
