// Smoke test of the WASM build through its JS API (dist/reuselens/index.js).
// Run with `node --test tests/wasm/` after the WASM build (the Makefile's `wasm`
// target). REUSELENS_PACKAGE_DIR overrides where the package is.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// seedsDir: ../shared beside the checkout (see shared/README.md).
import { packageDir as wasmDir, seedsDir } from './fixtures.mjs';

const wrapperPath = path.join(wasmDir, 'index.js');
const corePath = path.join(wasmDir, 'reuselens_core.mjs');
const wasmPath = path.join(wasmDir, 'reuselens_core.wasm');

// A sentence copied from seed 001 into the page.
const COPIED = 'Russia, which is building up a military presence in Syria, was quick to say ' +
  'that Moscow was also ready for talks with the United States.';
// A second source whose text starts with astral and non-ASCII characters, so that
// its UTF-16 offsets differ from its byte offsets too.
const SECOND_PREFIX = '🌊🌊 Ünïcödé 北方の話. ';
const SECOND_SENTENCE = 'The lighthouse keeper on the northern island counted forty seven ships ' +
  'passing through the narrow strait during the long winter storm, and wrote every name ' +
  'in a small leather notebook.';
// Before the copies: an emoji (2 UTF-16 units, 4 UTF-8 bytes), CJK (1 unit, 3 bytes).
const PAGE = `Breaking 😀 news 🎉 from 東京と北京の記者. ${COPIED} Then 漢字 again. ${SECOND_SENTENCE} The end 👋.`;
const UNRELATED = 'Preheat the oven to two hundred degrees, whisk four eggs with a cup of sugar ' +
  'until pale, fold in the flour and bake the sponge for twenty five minutes before ' +
  'letting it cool on a wire rack overnight.';

// Where the core should report a copied span [copyStart, copyEnd) of `text`: from
// its first word to its last word, possibly widened over punctuation that both
// texts share right after it (the copied sentence's final '.').
function assertCovers(text, start, end, copyStart, copyEnd, what) {
  const copied = text.slice(copyStart, copyEnd);
  const firstWord = copyStart + copied.search(/[\p{L}\p{N}]/u);
  const last = copied.match(/[\p{L}\p{N}](?=[^\p{L}\p{N}]*$)/u);
  const lastWordEnd = copyStart + last.index + last[0].length;
  assert.equal(start, firstWord, `${what}: start`);
  assert.ok(end >= lastWordEnd && end <= copyEnd, `${what}: end ${end} not in [${lastWordEnd}, ${copyEnd}]`);
  assert.match(text.slice(lastWordEnd, end), /^\p{P}*$/u, `${what}: only punctuation after the last word`);
}

let wasmBinary;
let createReuseLens;
let lens;
let seedText;

before(async () => {
  for (const file of [wrapperPath, corePath, wasmPath]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build the WASM module first (make wasm)`);
  }
  wasmBinary = await readFile(wasmPath);
  ({ createReuseLens } = await import(pathToFileURL(wrapperPath).href));
  seedText = await readFile(path.join(seedsDir, '001_08fe67f9a3eebd52.txt'), 'utf8');
  assert.ok(seedText.includes(COPIED), 'the copied sentence is in seed 001');

  lens = await createReuseLens({ wasmBinary });
  lens.addSource({ id: 'seed-001', title: 'Seed 001', url: 'https://example.org/001', text: seedText });
  lens.addSource({ id: 'lighthouse', title: 'Lighthouse', url: '', text: SECOND_PREFIX + SECOND_SENTENCE });
});

after(() => lens?.dispose());

test('passages carry UTF-16 offsets on pages with emoji and CJK', () => {
  assert.equal(lens.size, 2);
  const { passages } = lens.match(PAGE);
  assert.equal(passages.length, 2, JSON.stringify(passages));

  const [first, second] = passages;
  const secondSource = SECOND_PREFIX + SECOND_SENTENCE;

  assert.equal(first.sourceId, 'seed-001');
  const copiedAt = PAGE.indexOf(COPIED);
  assertCovers(PAGE, first.start, first.end, copiedAt, copiedAt + COPIED.length, 'page');
  const inSeed = seedText.indexOf(COPIED);
  assertCovers(seedText, first.sourceStart, first.sourceEnd, inSeed, inSeed + COPIED.length, 'seed');
  // Offsets converted independently on each side give the same text.
  assert.equal(PAGE.slice(first.start, first.end), seedText.slice(first.sourceStart, first.sourceEnd));
  assert.equal(first.kind, 'verbatim');
  assert.ok(first.score > 0.9 && first.score <= 1, `score ${first.score}`);

  assert.equal(second.sourceId, 'lighthouse');
  const secondAt = PAGE.indexOf(SECOND_SENTENCE);
  assertCovers(PAGE, second.start, second.end, secondAt, secondAt + SECOND_SENTENCE.length, 'page');
  assertCovers(secondSource, second.sourceStart, second.sourceEnd,
    SECOND_PREFIX.length, secondSource.length, 'second source');
  assert.equal(PAGE.slice(second.start, second.end), secondSource.slice(second.sourceStart, second.sourceEnd));
  assert.equal(second.kind, 'verbatim');
});

test('an unrelated page has no passages', () => {
  assert.deepEqual(lens.match(UNRELATED).passages, []);
  assert.deepEqual(lens.match('').passages, []);
});

test('lone surrogates neither crash nor shift offsets', () => {
  // Unrepaired, embind would merge each lone surrogate with the next character (the
  // 'R' of 'Russia', the 'T' of 'The'); the wrapper makes them U+FFFD, one unit each.
  const page = `Lone \uD800${COPIED} and \uDC00${SECOND_SENTENCE} x\uD83D`;
  const { passages } = lens.match(page);
  assert.equal(passages.length, 2, JSON.stringify(passages));
  const firstAt = page.indexOf(COPIED);
  const secondAt = page.indexOf(SECOND_SENTENCE);
  assertCovers(page, passages[0].start, passages[0].end, firstAt, firstAt + COPIED.length, 'first');
  assertCovers(page, passages[1].start, passages[1].end, secondAt, secondAt + SECOND_SENTENCE.length, 'second');

  assert.deepEqual(lens.match('\uD800').passages, []);
  assert.deepEqual(lens.match('\uDFFF\uD800\uD83D\uDE00').passages, []);
  lens.addSource({ id: 'lone', text: `a\uD800b ${UNRELATED}` });
  assert.equal(lens.match(UNRELATED).passages[0]?.sourceId, 'lone');
  assert.equal(lens.removeSource('lone'), true);
});

test('bad input comes back as an Error, not a crash', () => {
  assert.throws(() => lens.addSource({ id: 'seed-001', text: 'a duplicate id' }), (e) => e instanceof Error && e.message.length > 0);
  assert.throws(() => lens.addSource({ id: '', text: 'an empty id' }), (e) => e instanceof Error && e.message.length > 0);
  assert.throws(() => lens.match(42), TypeError);
  assert.equal(lens.size, 2);

  lens.addSource({ id: 'temporary', text: 'Short text.' });
  assert.equal(lens.size, 3);
  assert.equal(lens.removeSource('temporary'), true);
  assert.equal(lens.removeSource('temporary'), false);
  assert.equal(lens.size, 2);
});

test('save() and load() round-trip', async () => {
  const bytes = lens.save();
  assert.ok(bytes instanceof Uint8Array && bytes.length > 0);

  const copy = await createReuseLens({ wasmBinary });
  try {
    copy.load(bytes);
    assert.equal(copy.size, lens.size);
    assert.deepEqual(copy.match(PAGE), lens.match(PAGE));
    assert.deepEqual(copy.match(UNRELATED), lens.match(UNRELATED));

    // Damaged bytes are refused and leave the library as it was.
    const damaged = bytes.slice();
    damaged[damaged.length >> 1] ^= 0x5a;
    for (const bad of [damaged, bytes.subarray(0, bytes.length - 1), new Uint8Array(0)]) {
      assert.throws(() => copy.load(bad), (e) => e instanceof Error && e.message.length > 0);
      assert.equal(copy.size, lens.size);
    }
    assert.deepEqual(copy.match(PAGE), lens.match(PAGE));
    // Loading from an ArrayBuffer works as well.
    const fresh = await createReuseLens({ wasmBinary });
    fresh.load(bytes.slice().buffer);
    assert.equal(fresh.size, lens.size);
    fresh.dispose();
  } finally {
    copy.dispose();
  }
  assert.throws(() => copy.size, /disposed/);
});

test('the built JS uses no eval or new Function (CSP, MV3)', async () => {
  const files = (await readdir(wasmDir)).filter((name) => /\.m?js$/.test(name));
  assert.ok(files.includes('reuselens_core.mjs') && files.includes('index.js'), files.join(', '));
  for (const name of files) {
    const js = await readFile(path.join(wasmDir, name), 'utf8');
    assert.doesNotMatch(js, /(?<![\w$])eval\s*\(/, `${name} calls eval(`);
    assert.doesNotMatch(js, /\bnew\s+Function\b/, `${name} uses new Function`);
    assert.doesNotMatch(js, /(?<![\w$])Function\s*\(/, `${name} calls Function(`);
  }
});
