// The measurements shared by the Node and browser runs of the library benchmark:
// load a saved library (median of 3, each into a new instance), match the page
// once (builds the index), then untimed for at least WARMUP_RUNS times and
// WARMUP_MS (the engine tiers hot WASM functions up to optimized code in the
// background; at 100 sources 5 runs were not enough in Chromium), then RUNS timed;
// memory of the WASM instance.
const now = () => performance.now();
export const WARMUP_RUNS = 5;
export const WARMUP_MS = 300;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function measure(createReuseLens, bytes, page, runs) {
  const loads = [];
  let lens = null;
  for (let i = 0; i < 3; i++) {
    lens?.dispose();
    lens = await createReuseLens();
    const t = now();
    lens.load(bytes);
    loads.push(now() - t);
  }
  let t = now();
  const { passages } = lens.match(page);
  const first = now() - t;
  const warm = now();
  for (let i = 0; i < WARMUP_RUNS || now() - warm < WARMUP_MS; i++) lens.match(page);
  const matches = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    lens.match(page);
    matches.push(now() - t);
  }
  const result = {
    sources: lens.size, load_ms: median(loads), first_match_ms: first, match_ms: median(matches),
    passages: passages.length, heap_bytes: lens.memory().heapBytes,
  };
  lens.dispose();
  return result;
}
