// The WebAssembly side of `scripts/fuzz.py wasm`: reads one JSON request per
// line on stdin ({ page, sources: [text, ...] }), matches the page against
// those sources with the JS API of dist/reuselens, and writes one JSON line
// back: { passages } with source ids "0", "1", ..., or { error }. One module
// instance serves the whole campaign, as one serves a browser tab.
import { createInterface } from 'node:readline';
import { createReuseLens } from '../dist/reuselens/index.js';

const lens = await createReuseLens();
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  let reply;
  try {
    const { page, sources } = JSON.parse(line);
    sources.forEach((text, i) => lens.addSource({ id: String(i), text }));
    try {
      reply = { passages: lens.match(page).passages, memory: lens.memory() };
    } finally {
      for (const { id } of lens.sources()) lens.removeSource(id);
    }
  } catch (e) {
    reply = { error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
lens.dispose();
