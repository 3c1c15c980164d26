// The service worker's library (extension/background/library.js) in Node: the
// WASM matcher of dist/reuselens and IndexedDB on fake-indexeddb. A full disk
// refuses the change with a clear message and leaves both the stored sources and
// the matcher as they were; a restarted worker finds what was saved.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = path.resolve(root, '../shared/seeds');
const seed = (prefix) => readFileSync(path.join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith(prefix))), 'utf8');

let Library;
before(async () => {
  // library.js imports the WASM package from where the extension's build puts it
  // (../lib/reuselens/); here it is the package of `make wasm`.
  const pkg = path.join(root, 'dist/reuselens/index.js');
  const out = path.join(root, 'build/test/extension-library.mjs');
  mkdirSync(path.dirname(out), { recursive: true });
  const bundle = await build({
    entryPoints: [path.join(root, 'extension/background/library.js')],
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
    plugins: [{
      name: 'package',
      setup(b) { b.onResolve({ filter: /lib\/reuselens\/index\.js$/ }, () => ({ path: pathToFileURL(pkg).href, external: true })); },
    }],
  });
  writeFileSync(out, bundle.outputFiles[0].text);
  ({ Library } = await import(pathToFileURL(out).href));
});

// IndexedDB that runs out of space for texts longer than `limit` characters,
// as a browser's quota does (QuotaExceededError).
function diskFullAbove(limit) {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function guarded(value, key) {
    if (typeof value?.text === 'string' && value.text.length > limit) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.call(this, value, key);
  };
  return () => { IDBObjectStore.prototype.put = put; };
}

test('a full disk refuses the change whole and says so; the library and the matcher stay as they were', async () => {
  globalThis.indexedDB = new IDBFactory();
  const library = await Library.open({ dbName: 'full-disk' });
  await library.add([{ id: '001', title: 'Source', url: '', text: seed('001') }]);
  const page = seed('000');
  const before = library.match(page).passages.map((p) => p.sourceId);
  assert.ok(before.includes('001'));

  const restore = diskFullAbove(seed('002').length - 1);
  try {
    await assert.rejects(
      library.add([{ id: 'small', title: 'Small', url: '', text: 'A short note.' }, { id: '002', title: 'Big', url: '', text: seed('002') }]),
      /the sources could not be saved: the browser's storage for the extension is full; nothing was changed/,
    );
    // Replacing a stored source fails too, and the old text stays in the matcher.
    await assert.rejects(library.add([{ id: '001', title: 'Replaced', url: '', text: seed('002') }]), /is full/);
  } finally {
    restore();
  }
  assert.deepEqual(library.list().map((s) => [s.id, s.title]), [['001', 'Source']]);
  assert.equal(library.source('001').text, seed('001'));
  assert.deepEqual(library.match(page).passages.map((p) => p.sourceId), before);
  assert.equal(library.match(seed('002')).passages.some((p) => p.sourceId === '002' || p.sourceId === 'small'), false);

  // A new worker on the same database: what was saved, and only that.
  const restarted = await Library.open({ dbName: 'full-disk' });
  assert.deepEqual(restarted.list().map((s) => s.id), ['001']);
  assert.ok(restarted.match(page).passages.some((p) => p.sourceId === '001' && p.kind === 'spun'));
});
