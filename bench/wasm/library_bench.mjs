#!/usr/bin/env node
// Library benchmark (issue 4): a 1,500-word page against libraries of 100, 1,000
// and 10,000 sources cut from the PAN13 source documents (bench/wasm/corpus.mjs).
// For each size: load from saved bytes, first match (builds the index), median
// match, and memory, measured three ways on the same files:
//   native   build/native/bench/library_bench (C++, -O3)
//   node     the WASM package in Node
//   chromium the WASM package in headless Chromium (playwright-core), page thread
// Writes bench/library-results.md. Usage: node bench/wasm/library_bench.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createReuseLens } from '../../dist/reuselens/index.js';
import { serve } from '../../scripts/serve.mjs';
import { loadCorpus, PAGE_WORDS } from './corpus.mjs';
import { measure, WARMUP_MS, WARMUP_RUNS } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, sizes: { type: 'string', default: '100,1000,10000' } } });
const RUNS = Number(values.runs);
const SIZES = values.sizes.split(',').map(Number);
const nativeBench = path.join(root, 'build/native/bench/library_bench');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';
for (const [file, hint] of [[nativeBench, 'make native'], [path.join(root, 'dist/reuselens/index.js'), 'make wasm'], [CHROMIUM, 'make setup']]) {
  if (!existsSync(file)) throw new Error(`${file} is missing (${hint})`);
}

const work = path.join(root, 'build/bench');
mkdirSync(work, { recursive: true });
const corpus = loadCorpus(path.resolve(root, '../shared/pan13-train'));
writeFileSync(path.join(work, 'page.txt'), corpus.page);
console.log(`bench: page = first ${PAGE_WORDS} words of ${corpus.pageFile}; ${corpus.available} source pieces available`);

// The libraries, built once with the WASM module and saved (the same bytes for all three).
const built = {};
for (const n of SIZES) {
  const lens = await createReuseLens();
  const t = performance.now();
  for (const source of corpus.sources(n)) lens.addSource(source);
  const addMs = performance.now() - t;
  const bytes = lens.save();
  lens.dispose();
  writeFileSync(path.join(work, `library-${n}.rlens`), bytes);
  built[n] = { addMs, bytes: bytes.length };
  console.log(`bench: library of ${n}: built in ${addMs.toFixed(0)} ms, ${bytes.length} bytes`);
}

const results = {};
for (const n of SIZES) {
  const lib = path.join(work, `library-${n}.rlens`);
  const native = JSON.parse(execFileSync(nativeBench, [lib, path.join(work, 'page.txt'), String(RUNS)], { encoding: 'utf8' }));
  const node = await measure(createReuseLens, new Uint8Array(readFileSync(lib)), corpus.page, RUNS);
  results[n] = { native, node };
  console.log(`bench: ${n} native`, native, 'node', node);
}

// Chromium: the repository served from 127.0.0.1, the bench page imports the package.
const { server, url } = await serve(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`${url}bench/wasm/page.html`);
  await page.waitForFunction(() => window.benchReady === true);
  for (const n of SIZES) {
    results[n].chromium = await page.evaluate(([lib, text, runs]) => window.runBench(lib, text, runs),
      [`/build/bench/library-${n}.rlens`, '/build/bench/page.txt', RUNS]);
    console.log(`bench: ${n} chromium`, results[n].chromium);
  }
} finally {
  await browser.close();
  server.close();
}

const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })();
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (b) => (b / 1048576).toFixed(1);
const lines = [
  '# Library benchmark (WASM and native)', '',
  `- date: ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${os.cpus().length} cores, Node ${process.version}, ${await chromiumVersion()}`,
  '- command: `make bench-wasm` (bench/wasm/library_bench.mjs)',
  `- page: the first ${PAGE_WORDS} words of PAN13 ${corpus.pageFile}; sources: pieces of about 200 words of the PAN13 source documents`,
  `- times in ms; match = median of ${RUNS} after a first match and a warm-up (at least ${WARMUP_RUNS} matches and ${WARMUP_MS} ms, untimed); load = median of 3 loads from saved bytes`, '',
  '| sources | file MB | native load | node load | chromium load | native match | node match | chromium match | chromium first match | WASM / native (match, node) | WASM / native (match, chromium) | WASM memory MB | passages |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...SIZES.map((n) => {
    const { native, node, chromium: c } = results[n];
    return `| ${n} | ${mb(built[n].bytes)} | ${f(native.load_ms)} | ${f(node.load_ms)} | ${f(c.load_ms)} | ${f(native.match_ms)} | ${f(node.match_ms)} | ` +
      `${f(c.match_ms)} | ${f(c.first_match_ms)} | ${(node.match_ms / native.match_ms).toFixed(2)}x | ${(c.match_ms / native.match_ms).toFixed(2)}x | ` +
      `${mb(c.heap_bytes)} | ${c.passages} |`;
  }),
  '', 'Targets (issue 4): match under 50 ms at 10,000 sources in Chromium; load from saved bytes under 300 ms; WASM within 1.5x of native.',
];
writeFileSync(path.join(root, 'bench/library-results.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));

async function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium';
  }
}
