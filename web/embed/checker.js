// The draft checker: the incremental matcher behind every editor adapter. Give
// it the editor's text whenever it changes (setText is cheap and synchronous:
// typing never waits for matching); it re-matches, debounced and in the
// worker, only the paragraphs it has not matched before, and emits the
// passages as ranges of the current text.
//
// A paragraph is matched with its neighbours around it and keeps what falls
// inside it: a passage that runs on into the next paragraph ends where it
// would in the whole text (alone, a spun paragraph's last words lose their
// anchor). So an edit re-matches its paragraph and the two beside it.
//
//   const lens = await createReuseLensWorker();   // or createReuseLens()
//   const checker = new DraftChecker(lens);
//   checker.addEventListener('passages', (e) => render(e.detail.passages));
//   checker.setText(editor.value);
import { hueOf } from '../colors.js';
import { editBetween, moveRange, paragraphsOf } from './paragraphs.js';

let checkers = 0;
const EMIT_EVERY_MS = 100;


export class DraftChecker extends EventTarget {
  #lens;
  #match;               // {minChars, kinds, exclude}
  #debounceMs;
  #cacheSize;
  #channel = `reuselens-draft-${++checkers}`;
  #text = '';
  #paragraphs = [];
  #keys = [];           // each paragraph's cache key (keyOf), computed once per text
  #current = new Set(); // the same keys, never evicted from the cache
  #scanFrom = 0;        // paragraphs before this one are matched (for the current text)
  #passages = [];
  #cache = new Map();   // paragraph in its context (keyOf) -> its passages (offsets in the paragraph), least recently used first
  #hues = null;         // sourceId -> hue
  #sourceTexts = new Map();
  #timer = null;
  #running = null;
  #disposed = false;

  /**
   * @param lens a ReuseLensWorker (createReuseLensWorker) or a ReuseLens (createReuseLens)
   * @param options debounceMs (default 300), minChars, kinds, exclude as for match,
   *   cacheSize: paragraphs whose results are kept (default 2000)
   */
  constructor(lens, { debounceMs = 300, minChars = 0, kinds, exclude, cacheSize = 2000 } = {}) {
    super();
    if (!lens || typeof lens.match !== 'function') throw new TypeError('DraftChecker needs a ReuseLens or a ReuseLensWorker');
    this.#lens = lens;
    this.#match = { minChars, ...(kinds ? { kinds } : {}), ...(exclude ? { exclude } : {}) };
    this.#debounceMs = debounceMs;
    this.#cacheSize = cacheSize;
  }

  /** The text last given to setText. */
  get text() { return this.#text; }

  /** The passages of the current text, in order (see setText for those not re-matched yet). */
  get passages() { return this.#passages; }

  /** True while some paragraph of the current text waits to be matched. */
  get pending() { return this.#keys.some((key) => !this.#cache.has(key)); }

  /**
   * The editor's text changed. Returns at once with the passages moved through
   * the edit (a passage the edit cut into keeps what is left of it until its
   * paragraph is matched again) and schedules the re-match.
   */
  setText(text) {
    if (typeof text !== 'string') throw new TypeError('DraftChecker.setText expects a string');
    if (this.#disposed || text === this.#text) return this.#passages;
    const edit = editBetween(this.#text, text);
    const moved = this.#passages.map((p) => movePassage(p, edit, text)).filter(Boolean);
    this.#text = text;
    this.#paragraphs = paragraphsOf(text);
    this.#keys = this.#paragraphs.map((_, k) => this.#keyOf(k));
    this.#current = new Set(this.#keys);
    this.#scanFrom = 0;
    this.#compose(moved);
    this.#emit();
    this.#schedule();
    return this.#passages;
  }

  /** Matches what is pending now, without waiting for the pause in typing; resolves with the passages. */
  async check() {
    clearTimeout(this.#timer);
    this.#timer = null;
    await this.#run();
    return this.#passages;
  }

  /** The library changed: forget every result and check the whole text again. */
  async refresh() {
    this.#cache.clear();
    this.#scanFrom = 0;
    this.#hues = null;
    this.#sourceTexts.clear();
    return this.check();
  }

  /** Stops checking; later setText calls do nothing. */
  dispose() {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#cache.clear();
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (!this.pending) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#run().catch(() => {});  // reported as an 'error' event
    }, this.#debounceMs);
  }

  // One paragraph at a time, always the first still pending in the newest text,
  // so edits made while matching are picked up without a second queue.
  #run() {
    this.#running ??= (async () => {
      try {
        this.#hues ??= await this.#huesOfLibrary();
        this.dispatchEvent(new CustomEvent('checking'));
        let lastEmit = performance.now();
        for (let k = this.#nextPending(); k >= 0;) {
          if (this.#disposed) return;
          const key = this.#keys[k];
          const { window, at, length } = this.#windowOf(k);
          const { passages } = await this.#lens.match(window, { ...this.#match, channel: this.#channel });
          const inside = passages.map((p) => clip(p, at, at + length)).filter(Boolean);
          this.#remember(key, await Promise.all(inside.map((p) => this.#describe(p))));
          k = this.#nextPending();
          // A long draft's first check: painting after every paragraph would cost
          // the page more than the matching; at most every EMIT_EVERY_MS, and at the end.
          if (k < 0 || performance.now() - lastEmit >= EMIT_EVERY_MS) {
            this.#compose(this.#passages);
            this.#emit();
            lastEmit = performance.now();
          }
        }
      } catch (error) {
        this.dispatchEvent(new CustomEvent('error', { detail: error }));
        throw error;
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  // The current passages: each matched paragraph's from the cache, each pending
  // one's from `interim` (the old passages moved through the edit).
  #compose(interim) {
    const out = [];
    let i = 0;
    for (const [k, paragraph] of this.#paragraphs.entries()) {
      const key = this.#keys[k];
      const cached = this.#cache.get(key);
      if (cached) {
        this.#cache.delete(key);  // most recently used goes last
        this.#cache.set(key, cached);
        for (const p of cached) out.push(shift(p, paragraph.start, this.#text));
      } else {
        while (i < interim.length && interim[i].start < paragraph.start) i++;
        for (let j = i; j < interim.length && interim[j].end <= paragraph.end; j++) out.push(interim[j]);
      }
    }
    this.#passages = out;
  }

  // The first paragraph of the current text still to be matched, or -1. Scans on
  // from where it stopped: a long draft's first check stays linear.
  #nextPending() {
    while (this.#scanFrom < this.#keys.length && this.#cache.has(this.#keys[this.#scanFrom])) this.#scanFrom++;
    return this.#scanFrom < this.#keys.length ? this.#scanFrom : -1;
  }

  // Paragraph k with its neighbours: the text matched for it, and where it lies in that.
  #windowOf(k) {
    const paragraphs = this.#paragraphs;
    const from = paragraphs[Math.max(0, k - 1)].start;
    const to = paragraphs[Math.min(paragraphs.length - 1, k + 1)].end;
    return { window: this.#text.slice(from, to), at: paragraphs[k].start - from, length: paragraphs[k].end - paragraphs[k].start };
  }

  #keyOf(k) {
    const { window, at, length } = this.#windowOf(k);
    return `${at}:${length}:${window}`;
  }

  // Past cacheSize, the least recently used results go, but never those of the
  // current text (a draft longer than the cache would be matched forever); a
  // current one met on the way is moved to the back, so no pass scans it again.
  #remember(key, passages) {
    this.#cache.set(key, passages);
    const limit = Math.max(this.#cacheSize, this.#current.size);
    let budget = this.#cache.size;
    for (const old of this.#cache.keys()) {
      if (this.#cache.size <= limit || budget-- <= 0) break;
      const kept = this.#current.has(old) ? this.#cache.get(old) : null;
      this.#cache.delete(old);
      if (kept) this.#cache.set(old, kept);
    }
  }

  #emit() {
    this.dispatchEvent(new CustomEvent('passages', {
      detail: { passages: this.#passages, text: this.#text, pending: this.pending },
    }));
  }

  async #huesOfLibrary() {
    const sources = await this.#lens.sources();
    return new Map(sources.map((s, i) => [s.id, hueOf(i)]));
  }

  // A passage as the adapters show it: its source's colour and, for the card,
  // the source's words of the passage (not the whole source text).
  async #describe(passage) {
    if (!this.#sourceTexts.has(passage.sourceId)) {
      this.#sourceTexts.set(passage.sourceId, (await this.#lens.sourceText(passage.sourceId)) ?? '');
    }
    const sourceText = this.#sourceTexts.get(passage.sourceId);
    return {
      ...passage,
      hue: this.#hues.get(passage.sourceId) ?? 0,
      sourceExcerpt: sourceText.slice(passage.sourceStart, passage.sourceEnd),
    };
  }
}

// The part of a passage of the window that lies in [from, to) (the paragraph),
// with offsets from `from`; null when none of its words do.
function clip(p, from, to) {
  const start = Math.max(p.start, from);
  const end = Math.min(p.end, to);
  if (end <= start) return null;
  const inRange = (s) => s.page && s.page[0] >= from && s.page[1] <= to;
  const first = p.alignment.findIndex(inRange);
  if (first < 0) return null;
  let last = p.alignment.length - 1;
  while (!inRange(p.alignment[last])) last--;
  // The steps of the paragraph's words, and the source words left out between them.
  const steps = p.alignment.slice(first, last + 1).filter((s) => !s.page || inRange(s));
  const sources = steps.filter((s) => s.source);
  if (!sources.length) return null;  // only words the source does not have
  return {
    ...p,
    start: start - from,
    end: end - from,
    sourceStart: start === p.start ? p.sourceStart : Math.min(...sources.map((s) => s.source[0])),
    sourceEnd: end === p.end ? p.sourceEnd : Math.max(...sources.map((s) => s.source[1])),
    alignment: steps.map((s) => (s.page ? { ...s, page: [s.page[0] - from, s.page[1] - from] } : s)),
  };
}

// A paragraph's passage placed in the whole text.
function shift(p, by, text) {
  return {
    ...p,
    start: p.start + by,
    end: p.end + by,
    text: text.slice(p.start + by, p.end + by),
    alignment: p.alignment.map((s) => (s.page ? { ...s, page: [s.page[0] + by, s.page[1] + by] } : s)),
  };
}

// A passage carried through an edit until its paragraph is matched again.
function movePassage(p, edit, text) {
  const range = moveRange(p.start, p.end, edit);
  if (!range) return null;
  const alignment = [];
  for (const s of p.alignment) {
    if (!s.page) { alignment.push(s); continue; }
    const page = moveRange(s.page[0], s.page[1], edit);
    if (page) alignment.push({ ...s, page });
  }
  return { ...p, start: range[0], end: range[1], text: text.slice(range[0], range[1]), alignment };
}
