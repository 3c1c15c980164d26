#!/usr/bin/env node
// Editor benchmark (issue 6): ReuseLens in a contenteditable editor in headless
// Chromium, a 2,000-word draft (the first 2,000 words of a PAN13 suspicious
// document that copies from some sources, one paragraph per line) and a library
// of 1,000 sources of about 200 words (bench/wasm/corpus.mjs), matched in a worker.
//   re-check    one word of one paragraph replaced -> new passages painted:
//               reading the editor, the draft checker (the paragraph and its two
//               neighbours matched), painting; median and 95th percentile over
//               edits spread through the draft
//   full check  the whole draft checked from scratch, for scale
//   keystroke   keydown -> the next frame, for typed words with pauses between
//               them (so matches run and paint while typing goes on), with and
//               without ReuseLens on the same page and draft
// Writes bench/editor-results.md. Usage: node bench/editor/editor_bench.mjs [--sources N] [--edits N]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../wasm/corpus.mjs';
import { startDemo } from '../../tests/web/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { values } = parseArgs({ options: { sources: { type: 'string', default: '1000' }, edits: { type: 'string', default: '31' } } });
const SOURCES = Number(values.sources);
const EDITS = Number(values.edits);
const DRAFT_WORDS = 2000;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

const corpus = loadCorpus(path.resolve(root, '../shared/pan13-train'), { pageWords: DRAFT_WORDS, longEnough: true });
const paragraphs = corpus.page.split('\n').map((l) => l.trim()).filter(Boolean);
const sources = corpus.sources(SOURCES);
console.log(`bench: draft = first ${DRAFT_WORDS} words of ${corpus.pageFile} (${paragraphs.length} paragraphs); ${SOURCES} sources`);

const site = await startDemo();
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor bench</title>
<link rel="icon" href="data:,"><script type="module" src="/bench/editor-page.js"></script></head>
<body><div id="editor" contenteditable="true"></div></body></html>`;
const pageScript = readFileSync(path.join(here, 'editor-page.js'), 'utf8');

async function openBench() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.route(`${site.url}bench/editor.html`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.route(`${site.url}bench/editor-page.js`, (route) => route.fulfill({ body: pageScript, contentType: 'text/javascript' }));
  await page.goto(`${site.url}bench/editor.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

// Five words typed at 60 ms a key, with a 400 ms pause after each (the checker
// waits 300 ms), so matches and painting happen while typing goes on.
async function typeWords(page, attach) {
  await page.evaluate(({ sources, paragraphs, attach }) => window.bench.setup(sources, paragraphs, attach),
    { sources, paragraphs, attach });
  await page.evaluate((i) => { window.bench.caretAtEnd(i); window.bench.watchKeys(); }, Math.floor(paragraphs.length / 2));
  for (const word of [' however', ' the', ' committee', ' rejected', ' it', ' again', ' today', ' because']) {
    await page.keyboard.type(word, { delay: 60 });
    await page.waitForTimeout(400);
  }
  return page.evaluate(() => window.latencies);
}

const results = {};
{
  const { context, page } = await openBench();
  const setup = await page.evaluate(({ sources, paragraphs }) => window.bench.setup(sources, paragraphs, true), { sources, paragraphs });
  console.log(`bench: ${setup.added} sources loaded; first check of the draft ${ms(setup.firstCheckMs)}, ${setup.passages} passages`);
  const edits = [];
  for (let i = 0; i < EDITS; i++) {
    const index = Math.floor((i * paragraphs.length) / EDITS);
    edits.push((await page.evaluate((index) => window.bench.recheck(index), index)).ms);
  }
  const fulls = [];
  for (let i = 0; i < 5; i++) fulls.push(await page.evaluate(() => window.bench.full()));
  results.recheck = { median: median(edits), p95: p95(edits), max: Math.max(...edits) };
  results.full = median(fulls);
  results.setup = setup;
  await context.close();
}
for (const attach of [false, true]) {
  const { context, page } = await openBench();
  const latencies = await typeWords(page, attach);
  results[attach ? 'keysWith' : 'keysWithout'] = { n: latencies.length, median: median(latencies), p95: p95(latencies), max: Math.max(...latencies) };
  await context.close();
}
await site.close();

const chromium = (await import('node:child_process')).execFileSync('/usr/lib/chromium/chromium', ['--version'], { encoding: 'utf8' }).trim();
const report = `# Editor benchmark

\`make bench-editor\` (\`bench/editor/editor_bench.mjs\`), ${new Date().toISOString().slice(0, 10)}, ${chromium}, headless, on this
project's build machine (2 cores). ReuseLens in a contenteditable editor (\`attachToContentEditable\`), matching in a
worker. The draft: the first ${DRAFT_WORDS} words of PAN13 \`${corpus.pageFile}\`, ${paragraphs.length} paragraphs;
the library: ${SOURCES} sources of about 200 words cut from the PAN13 source documents (\`bench/wasm/corpus.mjs\`).
The first check of the whole draft found ${results.setup.passages} passages.

## Re-check after a one-word edit

One word of one paragraph replaced, until the new passages are painted (reading the editor, the draft checker
matching that paragraph and its two neighbours in the worker, painting). ${EDITS} edits spread through the draft.

| | median | 95th percentile | max |
|---|---:|---:|---:|
| re-check after a one-word edit | ${ms(results.recheck.median)} | ${ms(results.recheck.p95)} | ${ms(results.recheck.max)} |
| the whole draft from scratch (for scale, median of 5) | ${ms(results.full)} | | |

## Keystroke to the next frame

Eight words typed at 60 ms a key with a 400 ms pause after each, so matches run and highlights are painted while
typing goes on; from each keydown to the next animation frame.

| | keystrokes | median | 95th percentile | max |
|---|---:|---:|---:|---:|
| without ReuseLens | ${results.keysWithout.n} | ${ms(results.keysWithout.median)} | ${ms(results.keysWithout.p95)} | ${ms(results.keysWithout.max)} |
| with ReuseLens | ${results.keysWith.n} | ${ms(results.keysWith.median)} | ${ms(results.keysWith.p95)} | ${ms(results.keysWith.max)} |
`;
writeFileSync(path.join(root, 'bench/editor-results.md'), report);
console.log(report);
