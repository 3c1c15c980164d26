// The extension's IndexedDB schema (extension/background/library-db.js) in Node,
// on fake-indexeddb: a library saved by an older version of the extension is
// migrated in place, never dropped; changes are all or nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory } from 'fake-indexeddb';
import { DB_VERSION, explainStorageError, openLibraryDb } from '../../../extension/background/library-db.js';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

// A database as version 1 of the extension left it: a sources store, no `added`.
async function versionOneDb(indexedDB, name, sources) {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('sources', { keyPath: 'id' });
  const db = await request(open);
  const tx = db.transaction('sources', 'readwrite');
  for (const s of sources) tx.objectStore('sources').put(s);
  await new Promise((resolve) => { tx.oncomplete = resolve; });
  db.close();
}

test('a version 1 library is migrated with every source kept, in a stable order', async () => {
  const indexedDB = new IDBFactory();
  const old = [
    { id: 'b', title: 'Second', url: '', text: 'Text of b.' },
    { id: 'a', title: 'First', url: 'https://example.org/a', text: 'Text of a.' },
  ];
  await versionOneDb(indexedDB, 'lib', old);
  const db = await openLibraryDb('lib', { indexedDB });
  const all = await db.all();
  assert.deepEqual(all.map((s) => s.id), ['a', 'b']);
  assert.deepEqual(all.map((s) => s.text), ['Text of a.', 'Text of b.']);
  assert.ok(all.every((s) => typeof s.added === 'number'));
  assert.equal(await db.generation(), 0);
  db.close();
  const reopened = indexedDB.open('lib');
  assert.equal((await request(reopened)).version, DB_VERSION);
  reopened.result.close();
});

test('changes bump the generation; a snapshot is only returned for its generation', async () => {
  const db = await openLibraryDb('lib', { indexedDB: new IDBFactory() });
  const g1 = await db.change({ put: [{ id: 'x', title: 'X', url: '', text: 'x', added: 1 }] });
  assert.equal(g1, 1);
  await db.saveSnapshot(g1, new Uint8Array([1, 2, 3]));
  assert.deepEqual([...await db.snapshot(g1)], [1, 2, 3]);
  const g2 = await db.change({ remove: ['x'] });
  assert.equal(g2, 2);
  assert.equal(await db.snapshot(g2), null, 'a stale snapshot is never loaded');
  assert.deepEqual(await db.all(), []);
  await db.change({ put: [{ id: 'y', title: 'Y', url: '', text: 'y', added: 2 }] });
  await db.change({ remove: 'all' });
  assert.deepEqual(await db.all(), []);
  db.close();
});

test('a failed change leaves the library as it was, with a clear message', async () => {
  const db = await openLibraryDb('lib', { indexedDB: new IDBFactory() });
  await db.change({ put: [{ id: 'keep', title: 'Keep', url: '', text: 'kept', added: 1 }] });
  // A source without an id cannot be stored: the whole transaction is rolled back.
  await assert.rejects(db.change({ put: [{ id: 'new', title: 'N', url: '', text: 'n', added: 2 }, { title: 'no id', text: 'z' }] }),
    /the library could not be saved/);
  assert.deepEqual((await db.all()).map((s) => s.id), ['keep']);
  assert.equal(await db.generation(), 1);
  db.close();
});

test('a full disk is explained as such', () => {
  const error = explainStorageError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), 'the sources could not be saved');
  assert.match(error.message, /storage for the extension is full; nothing was changed/);
});
