#!/usr/bin/env node
// Bundles the editor integration (web/embed/) into the JS package
// (dist/reuselens/, after `make wasm` copied the core files there):
//   editor.js       the draft checker, the textarea and contenteditable adapters, the card
//   prosemirror.js  the ProseMirror plugin (TipTap too); prosemirror-* are the host's own
//   lexical.js      the Lexical adapter; lexical is the host's own
// Each with its .d.ts. The card's styles are inlined (the package needs no CSS file).
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const embed = path.join(root, 'web/embed');
const out = path.join(root, 'dist/reuselens');

// The adapters for other editors import the shared code from ./index.js; in the
// package that is editor.js, loaded once however many adapters a page uses.
const sharedEditor = {
  name: 'shared-editor',
  setup(b) {
    b.onResolve({ filter: /^\.\/index\.js$/ }, (args) => (args.importer.endsWith('index.js') ? undefined
      : { path: './editor.js', external: true }));
  },
};

const entries = [
  { entry: 'index.js', file: 'editor.js', external: [] },
  { entry: 'prosemirror.js', file: 'prosemirror.js', external: ['prosemirror-state', 'prosemirror-view'] },
  { entry: 'lexical.js', file: 'lexical.js', external: ['lexical'] },
];
for (const { entry, file, external } of entries) {
  await build({
    entryPoints: [path.join(embed, entry)],
    outfile: path.join(out, file),
    bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning',
    loader: { '.css': 'text' },
    external,
    plugins: entry === 'index.js' ? [] : [sharedEditor],
    banner: { js: `// ReuseLens ${file} (built from web/embed/${entry}; see the Embedding guide)` },
  });
  cpSync(path.join(embed, entry.replace(/\.js$/, '.d.ts')), path.join(out, file.replace(/\.js$/, '.d.ts')));
}
console.log(`build_embed: ${entries.map((e) => e.file).join(', ')} in ${path.relative(root, out)}`);
