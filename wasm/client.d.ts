// Types of the worker client (dist/reuselens/client.js).
import type { MatchOptions, Passage, SourceInfo, SourceInput } from './index.js';

export interface WorkerMatchOptions extends MatchOptions {
  /** Requests on one channel supersede each other (default 'default'). */
  channel?: string;
  /** Aborts this request (rejected with an AbortError). */
  signal?: AbortSignal;
}

export interface ReuseLensWorker {
  addSource(source: SourceInput): Promise<void>;
  /** Each source is added or refused on its own; refusals come back with their index. */
  addSources(sources: SourceInput[]): Promise<{ added: number; errors: { index: number; id: string; message: string }[] }>;
  removeSource(id: string): Promise<boolean>;
  sources(): Promise<SourceInfo[]>;
  sourceText(id: string): Promise<string | undefined>;
  size(): Promise<number>;
  /** Rejected with an AbortError when a newer match on its channel superseded it. */
  match(pageText: string, options?: WorkerMatchOptions): Promise<{ passages: Passage[] }>;
  save(): Promise<Uint8Array>;
  load(bytes: Uint8Array | ArrayBuffer): Promise<void>;
  memory(): Promise<{ heapBytes: number; liveHandles: number }>;
  /** Stops the worker; pending calls are rejected. */
  terminate(): Promise<unknown>;
}

export interface WorkerOptions {
  /** worker.js (default: beside client.js). */
  workerUrl?: string | URL;
  /** Where the worker fetches reuselens_core.wasm (browsers). */
  wasmUrl?: string | URL;
}

export declare function createReuseLensWorker(options?: WorkerOptions): Promise<ReuseLensWorker>;
export default createReuseLensWorker;
