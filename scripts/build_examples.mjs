#!/usr/bin/env node
// Builds the editor examples (web/examples/) into dist/web/examples/, after the
// demo itself (build_web.mjs). Each example's main.js is bundled with the real
// editor packages from node_modules and the package's built files
// (dist/reuselens/editor.js, prosemirror.js, lexical.js), as a CMS's bundler
// would. Only the worker client stays a file of its own (reuselens/client.js),
// because it finds worker.js and the WASM beside itself.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'web/examples');
const web = path.join(root, 'dist/web');
const out = path.join(web, 'examples');
const pkg = path.join(root, 'dist/reuselens');
if (!existsSync(path.join(pkg, 'editor.js'))) {
  console.error('build_examples: dist/reuselens/editor.js is missing: build the package first (make wasm)');
  process.exit(2);
}
if (!existsSync(path.join(web, 'reuselens/client.js'))) {
  console.error('build_examples: dist/web is missing: build the demo first (node scripts/build_web.mjs)');
  process.exit(2);
}

// import ... from 'reuselens/editor' as a project that installed the package would.
const thePackage = {
  name: 'reuselens-package',
  setup(b) {
    b.onResolve({ filter: /^reuselens(\/.*)?$/ }, ({ path: spec }) => {
      const sub = spec === 'reuselens' ? 'index' : spec.slice('reuselens/'.length);
      if (sub === 'client') return { path: '../../reuselens/client.js', external: true };
      return { path: path.join(pkg, `${sub}.js`) };
    });
  },
};

cpSync(path.join(source, 'index.html'), path.join(out, 'index.html'));
cpSync(path.join(source, 'shared/example.css'), path.join(out, 'shared/example.css'));
const names = readdirSync(source).filter((n) => n !== 'shared' && statSync(path.join(source, n)).isDirectory());
for (const name of names) {
  // The page and its own style sheets (the CSP allows no inline styles).
  for (const file of readdirSync(path.join(source, name)).filter((f) => f === 'index.html' || f.endsWith('.css'))) {
    cpSync(path.join(source, name, file), path.join(out, name, file));
  }
  await build({
    entryPoints: [path.join(source, name, 'main.js')],
    outfile: path.join(out, name, 'main.js'),
    bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, logLevel: 'warning',
    loader: { '.css': 'text' },
    nodePaths: [path.join(root, 'node_modules')],
    plugins: [thePackage],
  });
}
console.log(`build_examples: ${names.join(', ')} in ${path.relative(root, out)}`);
