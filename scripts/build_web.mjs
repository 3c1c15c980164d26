#!/usr/bin/env node
// Assembles the static web demo in dist/web/ (plain files any web server can host):
//   web/*                     the page, its scripts and styles
//   reuselens/                the JS package built by `make wasm` (dist/reuselens)
//   vendor/Readability.js     @mozilla/readability from node_modules (HTML pasted or dropped)
//   demo-library.json         the built-in demo library: the seed articles
// Usage: node scripts/build_web.mjs [--seeds DIR] [--out DIR]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// The demo's own title rule (first line of a few words, without '#' or breadcrumbs).
import { guessTitle } from '../web/page-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: path.resolve(root, '../shared/seeds') },
    out: { type: 'string', default: path.join(root, 'dist/web') },
  },
});

function need(file, hint) {
  if (!existsSync(file)) {
    console.error(`build_web: ${path.relative(root, file)} is missing: ${hint}`);
    process.exit(2);
  }
}

const packageDir = path.join(root, 'dist/reuselens');
const readability = path.join(root, 'node_modules/@mozilla/readability');
need(path.join(packageDir, 'reuselens_core.wasm'), 'build the package first (make wasm)');
need(path.join(readability, 'Readability.js'), 'install the npm dependencies first (make setup)');
need(values.seeds, 'the seed articles are the demo library (pass --seeds DIR)');

const sources = readdirSync(values.seeds).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((file) => {
  const text = readFileSync(path.join(values.seeds, file), 'utf8');
  return { id: file.slice(0, 3), title: guessTitle(text), url: '', text };
});
if (sources.length === 0) {
  console.error(`build_web: no seed articles (NNN_*.txt) in ${values.seeds}`);
  process.exit(2);
}

const out = path.resolve(values.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of readdirSync(path.join(root, 'web'))) {
  if (/\.(html|js|css)$/.test(file)) cpSync(path.join(root, 'web', file), path.join(out, file));
}
cpSync(packageDir, path.join(out, 'reuselens'), { recursive: true });
mkdirSync(path.join(out, 'vendor'));
cpSync(path.join(readability, 'Readability.js'), path.join(out, 'vendor/Readability.js'));
cpSync(path.join(readability, 'LICENSE.md'), path.join(out, 'vendor/Readability.LICENSE.md'));
// 003 is an aggregator page: it reuses several seeds, so the first screen shows
// several sources, and a spun or edited passage in the side-by-side view.
const defaultPage = sources.some((s) => s.id === '003') ? '003' : sources[0].id;
writeFileSync(path.join(out, 'demo-library.json'), JSON.stringify({ defaultPage, sources }));
console.log(`build_web: ${path.relative(root, out) || out} (${sources.length} demo sources, default page ${defaultPage})`);
