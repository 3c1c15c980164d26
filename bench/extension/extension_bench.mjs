#!/usr/bin/env node
// Extension benchmark (issue 5): the unpacked extension (dist/extension) in
// headless Chromium, a library of 1,000 or 10,000 sources loaded through the
// automation hook, and a 1,500-word article page served from 127.0.0.1 (the
// library benchmark's page and sources: bench/wasm/corpus.mjs). For each size:
//   import      reuselens.importSources() of the whole library, one call
//   first check the first check after a browser restart: the worker starts and
//               loads the library from IndexedDB (its saved matcher), then checks
//   check       page load event -> highlights painted (reuselens.checkTab),
//               median over fresh tabs; the same as a click on the toolbar button
//   longest block the longest time the page's main thread was blocked during a
//               check (a timer chain in the page: gaps over 20 ms), and the
//               same with a 20,000-word page, where reading the page costs most
//   memory      PSS of the extension's process (its service worker), empty
//               library and after the checks
// Writes bench/extension-results.md. Usage: node bench/extension/extension_bench.mjs [--runs N] [--sizes 1000,10000]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, PAGE_WORDS } from '../wasm/corpus.mjs';
import { CHROMIUM, extensionDir, launchChromium, root, servePages, tabIdOf, tempProfile } from '../../tests/extension/harness.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, sizes: { type: 'string', default: '1000,10000' } } });
const RUNS = Number(values.runs);
const SIZES = values.sizes.split(',').map(Number);
const BIG_PAGE_WORDS = 20000;
for (const [file, hint] of [[path.join(extensionDir, 'manifest.json'), 'make extension'], [CHROMIUM, 'make setup']]) {
  if (!existsSync(file)) throw new Error(`${file} is missing (${hint})`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const article = (title, text) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer>Example footer</footer></body></html>`;

const corpus = loadCorpus(path.resolve(root, '../shared/pan13-train'));
// The big page: the bench page followed by source pieces, 20,000 words in all.
const bigText = (() => {
  const parts = [corpus.page];
  let words = PAGE_WORDS;
  for (const s of corpus.sources(400)) {
    if (words >= BIG_PAGE_WORDS) break;
    parts.push(s.text);
    words += s.text.split(/\s+/).length;
  }
  return parts.join('\n\n');
})();
const site = await servePages({
  '/page.html': { body: article('Bench page', corpus.page) },
  '/big.html': { body: article('Big bench page', bigText) },
});
console.log(`bench: page = first ${PAGE_WORDS} words of ${corpus.pageFile}; big page ${bigText.split(/\s+/).length} words`);

// The page's main thread, watched from the page: a timer chain notes every gap
// between its ticks over 20 ms. A gap is a task that blocked the thread, in any
// world: the Long Tasks API misses the content script's work (injected and
// messaged over IPC, not in a task it sees).
const HEARTBEAT = `window.__gaps = [];
(() => {
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last > 20) window.__gaps.push({ start: last, duration: now - last });
    last = now;
    setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
})();`;

/** PSS in bytes of the extension's renderer process (where its service worker runs). */
function extensionProcessPss() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes('--extension-process')) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** Opens pathname in a new tab and checks it at its load event: {ms, longest, passages}. */
async function timedCheck(browser, pathname) {
  const page = await browser.context.newPage();
  await page.addInitScript(HEARTBEAT);
  try {
    await page.goto(`${site.url}${pathname}`, { waitUntil: 'load' });
    const tabId = await tabIdOf(browser.sw, `${site.url}${pathname}`);
    const startedAt = await page.evaluate(() => performance.now());
    const { ms, passages } = await browser.sw.evaluate(async (id) => {
      const t = performance.now();
      const found = await globalThis.reuselens.checkTab(id);
      return { ms: performance.now() - t, passages: found.length };
    }, tabId);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));  // the gap that ends after the check
    const tasks = await page.evaluate((from) => window.__gaps.filter((t) => t.start + t.duration >= from), startedAt);
    const painted = await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('reuselens-')).length);
    if (!painted) throw new Error(`no highlights painted on ${pathname}`);
    return { ms, passages, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
  } finally {
    await page.close();
  }
}

const results = {};
for (const n of SIZES) {
  const profile = tempProfile(`bench-${n}`);
  let browser = await launchChromium(profile);
  const r = { n };
  try {
    // A check warms the worker up before the empty-library memory is read.
    await browser.sw.evaluate(() => globalThis.reuselens.clearLibrary());
    r.emptyPss = extensionProcessPss();
    const sources = corpus.sources(n);
    r.import = await browser.sw.evaluate(async (list) => {
      const t = performance.now();
      const { added } = await globalThis.reuselens.importSources(list);
      return { ms: performance.now() - t, added };
    }, sources);
    console.log(`bench: ${n} sources imported in ${r.import.ms.toFixed(0)} ms`);
    // Let the saved matcher (written 1.5 s after changes settle) reach IndexedDB.
    await new Promise((resolve) => setTimeout(resolve, 4000 + n / 2));
  } finally {
    await browser.context.close();
  }
  browser = await launchChromium(profile);
  try {
    r.first = await timedCheck(browser, '/page.html');
    const checks = [];
    for (let i = 0; i < RUNS; i += 1) checks.push(await timedCheck(browser, '/page.html'));
    r.check = median(checks.map((c) => c.ms));
    r.passages = checks[0].passages;
    r.longest = Math.max(r.first.longest, ...checks.map((c) => c.longest));
    const big = [];
    for (let i = 0; i < 3; i += 1) big.push(await timedCheck(browser, '/big.html'));
    r.big = median(big.map((c) => c.ms));
    r.bigLongest = Math.max(...big.map((c) => c.longest));
    r.pss = extensionProcessPss();
  } finally {
    await browser.context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  results[n] = r;
  console.log(`bench: ${n}`, JSON.stringify(r));
}
await site.close();

const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })();
const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (b) => (b / 1048576).toFixed(0);
const lines = [
  '# Extension benchmark',
  '',
  `- date: ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${os.cpus().length} cores, ${chromiumVersion} (headless)`,
  `- command: \`make bench-extension\` (bench/extension/extension_bench.mjs, ${RUNS} checks per size)`,
  `- page: an article of the first ${PAGE_WORDS} words of PAN13 ${corpus.pageFile}; sources: pieces of about 200 words of the PAN13 source documents (bench/wasm/corpus.mjs)`,
  '',
  '| sources | import | first check after restart | check (median) | passages | longest block of the page | memory, empty | memory |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...SIZES.map((n) => {
    const r = results[n];
    return `| ${n.toLocaleString('en')} | ${f(r.import.ms)} ms | ${f(r.first.ms)} ms | ${f(r.check)} ms | ${r.passages} | ${r.longest ? `${f(r.longest)} ms` : 'none over 20 ms'} | ${mb(r.emptyPss)} MB | ${mb(r.pss)} MB |`;
  }),
  '',
  `A ${BIG_PAGE_WORDS.toLocaleString('en')}-word page (the bench page followed by source pieces, so most of it is reused):`,
  '',
  '| sources | check (median of 3) | longest block of the page |',
  '|---:|---:|---:|',
  ...SIZES.map((n) => `| ${n.toLocaleString('en')} | ${f(results[n].big)} ms | ${results[n].bigLongest ? `${f(results[n].bigLongest)} ms` : 'none over 20 ms'} |`),
  '',
  'check: from the page\'s load event, reuselens.checkTab() in the service worker: the content script injected,',
  'the page read (Readability), the match in the worker, the highlights painted. first check: the same after a',
  'browser restart, so it includes starting the worker and loading the library from IndexedDB. longest block of',
  'the page: the longest gap between the ticks of a timer chain on the page\'s main thread from the start of the',
  'check (gaps over 20 ms are noted), that is the longest the page could not respond. memory: proportional set',
  'size of the extension\'s process, which holds its service worker.',
  '',
];
writeFileSync(path.join(root, 'bench/extension-results.md'), lines.join('\n'));
console.log(lines.join('\n'));
