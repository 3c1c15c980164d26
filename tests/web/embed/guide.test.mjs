// The Embedding guide followed from scratch, as a CMS developer would: the
// package packed (npm pack) and installed into an empty project, the files the
// guide says to serve copied to its static folder, the guide's textarea code
// bundled with esbuild (the client left external, as the guide says), and the
// page served under the strict CSP: a pasted spun copy is found, with no error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadSeeds, packageDir } from '../../wasm/fixtures.mjs';
import { serve } from '../../../scripts/serve.mjs';

const SEEDS = loadSeeds();
const project = mkdtempSync(path.join(os.tmpdir(), 'reuselens-cms-'));
let site;
let browser;

before(async () => {
  const npm = (...args) => execFileSync('npm', args, { cwd: project, stdio: 'pipe', encoding: 'utf8' });
  // Step 1 of the guide: pack the package and install it.
  execFileSync('npm', ['pack', packageDir, '--pack-destination', project], { stdio: 'pipe' });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'cms', private: true, type: 'module' }));
  npm('install', '--offline', '--no-audit', '--no-fund', `./${tarball}`);
  // The files the guide says to serve, and the guide's code.
  const publicDir = path.join(project, 'public');
  mkdirSync(path.join(publicDir, 'static/reuselens'), { recursive: true });
  for (const file of ['client.js', 'index.js', 'worker.js', 'reuselens_core.mjs', 'reuselens_core.wasm']) {
    cpSync(path.join(project, 'node_modules/reuselens', file), path.join(publicDir, 'static/reuselens', file));
  }
  writeFileSync(path.join(publicDir, 'source.txt'), SEEDS['001'].text);
  writeFileSync(path.join(publicDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS</title>
<link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head>
<body><textarea id="body" rows="20" cols="80"></textarea><p id="status">Loading</p></body></html>`);
  writeFileSync(path.join(project, 'main.js'), `import { createReuseLensWorker } from '/static/reuselens/client.js';
import { attachToTextarea } from 'reuselens/editor';

const lens = await createReuseLensWorker();
const text = await (await fetch('/source.txt')).text();
await lens.addSources([{ id: 'wire', title: 'Wire story', url: 'https://example.org/wire', text }]);
const status = document.getElementById('status');
const view = attachToTextarea(document.querySelector('textarea#body'), {
  lens,
  onPassages: (passages, { pending }) => {
    status.textContent = pending ? 'Checking…' : passages.map((p) => p.kind + ' ' + p.sourceTitle).join('; ') || 'none';
  },
});
status.textContent = 'Ready';
window.view = view;
`);
  await build({
    entryPoints: [path.join(project, 'main.js')], outfile: path.join(publicDir, 'main.js'),
    bundle: true, format: 'esm', logLevel: 'warning', external: ['/static/reuselens/client.js'],
    absWorkingDir: project,
  });
  site = await serve(publicDir);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
});
after(async () => { await browser?.close(); site?.server.close(); });

test('the guide, followed in an empty project, highlights a pasted spun copy', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(site.url);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready', null, { timeout: 15_000 });
  const spun = SEEDS['000'].text.split(/\n\s*\n/).slice(1, 4).join('\n\n');
  await page.click('#body');
  await page.keyboard.insertText(spun);
  await page.waitForFunction(() => /Wire story/.test(document.getElementById('status').textContent), null, { timeout: 15_000 });
  assert.match(await page.textContent('#status'), /spun Wire story/);
  assert.equal(await page.inputValue('#body'), spun);
  assert.deepEqual(problems, []);
});

test('the installed package has what the guide names', () => {
  const files = readdirSync(path.join(project, 'node_modules/reuselens'));
  for (const f of ['editor.js', 'editor.d.ts', 'prosemirror.js', 'lexical.js', 'client.js', 'worker.js', 'reuselens_core.wasm']) {
    assert.ok(files.includes(f), `${f} is missing from the packed package`);
  }
});
