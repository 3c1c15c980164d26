// The worker client (dist/reuselens/client.js): the API in a worker, promises,
// superseded matches cancelled. Node runs worker.js in a worker_threads Worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importPackage, loadSeeds } from './fixtures.mjs';

const SEEDS = Object.fromEntries(Object.entries(loadSeeds()).map(([id, seed]) => [id, seed.text]));

let client, direct, lens;
before(async () => {
  client = await importPackage('client.js');
  direct = await importPackage('index.js');
  lens = await client.createReuseLensWorker();
  await lens.addSource({ id: '001', title: 'Seed 001', text: SEEDS['001'] });
});
after(() => lens?.terminate());

const isAbort = (e) => e?.name === 'AbortError';

test('the worker returns what the module returns in the page', async () => {
  const inPage = await direct.createReuseLens();
  try {
    inPage.addSource({ id: '001', title: 'Seed 001', text: SEEDS['001'] });
    for (const id of ['000', '002', '003', '004']) {
      assert.deepEqual(await lens.match(SEEDS[id]), inPage.match(SEEDS[id]), id);
      assert.deepEqual(await lens.match(SEEDS[id], { kinds: ['verbatim'] }), inPage.match(SEEDS[id], { kinds: ['verbatim'] }));
    }
    assert.deepEqual(await lens.sources(), inPage.sources());
    assert.equal(await lens.size(), 1);
    assert.equal(await lens.sourceText('001'), SEEDS['001']);
  } finally {
    inPage.dispose();
  }
});

test('a newer match supersedes the older ones on its channel', async () => {
  const burst = ['000', '002', '003'].map((id) => lens.match(SEEDS[id]));
  const settled = await Promise.allSettled(burst);
  assert.ok(isAbort(settled[0].reason), 'in flight when superseded');
  assert.ok(isAbort(settled[1].reason), 'replaced while waiting');
  assert.equal(settled[2].status, 'fulfilled');
  assert.ok(settled[2].value.passages.length > 0);
  // Other channels are independent.
  const [a, b] = await Promise.all([lens.match(SEEDS['003'], { channel: 'draft' }),
    lens.match(SEEDS['004'], { channel: 'sidebar' })]);
  assert.ok(a.passages.length > 0 && b.passages.length > 0);
});

test('a match can be aborted', async () => {
  const controller = new AbortController();
  const aborted = lens.match(SEEDS['000'], { signal: controller.signal, channel: 'abort' });
  controller.abort();
  await assert.rejects(aborted, isAbort);
  const pre = new AbortController();
  pre.abort();
  await assert.rejects(lens.match(SEEDS['000'], { signal: pre.signal }), isAbort);
  assert.ok((await lens.match(SEEDS['003'], { channel: 'abort' })).passages.length > 0);
});

test('matching does not block the calling thread', async () => {
  const page = `${'An unrelated sentence about the weather in the hills. '.repeat(60000)}${SEEDS['003']}`;
  let settled = false;
  const pending = lens.match(page, { channel: 'big' }).finally(() => { settled = true; });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(settled, false, 'a timer ran while the worker was matching');
  assert.ok((await pending).passages.length > 0);
});

test('errors come back as Errors', async () => {
  await assert.rejects(lens.addSource({ id: '001', text: 'duplicate' }), (e) => e instanceof Error && /001/.test(e.message));
  await assert.rejects(lens.match(42), TypeError);
  await assert.rejects(lens.match('x', { kinds: ['copied'] }), TypeError);
  await assert.rejects(lens.load(new Uint8Array([1, 2, 3])), (e) => e instanceof Error && e.message.length > 0);
  assert.equal(await lens.size(), 1);
});

test('many sources at once, save and load through the worker', async () => {
  const other = await client.createReuseLensWorker();
  try {
    const result = await other.addSources([
      { id: '003', text: SEEDS['003'] }, { id: '', text: 'no id' }, { id: '004', text: SEEDS['004'] }, { id: '003', text: 'again' },
    ]);
    assert.equal(result.added, 2);
    assert.deepEqual(result.errors.map((e) => e.index), [1, 3]);
    const bytes = await other.save();
    assert.ok(bytes instanceof Uint8Array && bytes.length > 0);
    const third = await client.createReuseLensWorker();
    try {
      await third.load(bytes);
      assert.deepEqual((await third.sources()).map((s) => s.id), ['003', '004']);
      assert.deepEqual(await third.match(SEEDS['002']), await other.match(SEEDS['002']));
    } finally {
      await third.terminate();
    }
  } finally {
    await other.terminate();
  }
});

test('terminate rejects what is pending', async () => {
  const doomed = await client.createReuseLensWorker();
  await doomed.addSource({ id: '001', text: SEEDS['001'] });
  const pending = assert.rejects(doomed.match(SEEDS['000']), /terminated/);
  await doomed.terminate();
  await pending;
  await assert.rejects(doomed.size(), /terminated/);
});
