#!/usr/bin/env node
// Builds the browser extension (one source tree, Manifest V3, Chromium and Firefox):
//   dist/extension/                        the unpacked extension (both browsers load it)
//     manifest.json, content.js            the content script, one classic script (esbuild, IIFE)
//     background/ popup/ options/          ES module bundles of each context, with their pages
//     lib/reuselens/                       the WASM package of `make wasm`, imported at run time
//   dist/reuselens-extension-chrome.zip    for the Chrome Web Store (manifest without Firefox keys)
//   dist/reuselens-extension-firefox.zip   for addons.mozilla.org (manifest without the service worker key)
//   dist/extension-chrome/, dist/extension-firefox/   what each zip holds
// Usage: node scripts/build_extension.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'extension');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'extension');
const packageDir = path.join(dist, 'reuselens');
if (!existsSync(path.join(packageDir, 'reuselens_core.wasm'))) {
  console.error('build_extension: dist/reuselens is missing: build the package first (make wasm)');
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(packageDir, path.join(out, 'lib/reuselens'), {
  recursive: true, filter: (file) => !/\.d\.ts$|package\.json$/.test(file),
});

const common = { bundle: true, target: ['chrome125', 'firefox128'], legalComments: 'none', logLevel: 'warning' };
// The pages and the worker keep the WASM package as a module of its own (lib/reuselens).
await build({
  ...common,
  entryPoints: ['background/service-worker.js', 'popup/popup.js', 'options/options.js'].map((f) => path.join(src, f)),
  outbase: src,
  outdir: out,
  format: 'esm',
  external: ['../lib/reuselens/*'],
});
// Content scripts injected with scripting.executeScript must be classic scripts.
await build({
  ...common,
  entryPoints: [path.join(src, 'content/content.js')],
  outfile: path.join(out, 'content.js'),
  format: 'iife',
  loader: { '.css': 'text' },
});
for (const file of ['popup/popup.html', 'popup/popup.css', 'options/options.html', 'options/options.css', 'shared/panel.css']) {
  cpSync(path.join(src, file), path.join(out, file));
}
cpSync(path.join(src, 'icons'), path.join(out, 'icons'), { recursive: true, filter: (file) => !file.endsWith('.svg') });
cpSync(path.join(root, 'node_modules/@mozilla/readability/LICENSE.md'), path.join(out, 'lib/Readability.LICENSE.md'));

const manifest = JSON.parse(readFileSync(path.join(src, 'manifest.json'), 'utf8'));
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// The store packages: each browser's manifest without the other's keys.
// The package's contents stay unpacked beside it (dist/extension-NAME/), for web-ext lint.
function zipFor(name, edit) {
  const dir = path.join(dist, `extension-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(out, dir, { recursive: true });
  const m = structuredClone(manifest);
  edit(m);
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
  const zip = path.join(dist, `reuselens-extension-${name}.zip`);
  rmSync(zip, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: dir });
  return zip;
}
const chrome = zipFor('chrome', (m) => {
  delete m.background.scripts;
  delete m.browser_specific_settings;
});
const firefox = zipFor('firefox', (m) => {
  delete m.background.service_worker;
  delete m.minimum_chrome_version;
});
console.log(`build_extension: ${path.relative(root, out)}, ${path.relative(root, chrome)}, ${path.relative(root, firefox)}`);
