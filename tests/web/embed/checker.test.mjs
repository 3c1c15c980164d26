// The draft checker (web/embed/checker.js) and its edit arithmetic
// (paragraphs.js) in Node, with the real matcher (dist/reuselens) and the seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPackage, loadSeeds } from '../../wasm/fixtures.mjs';
import { DraftChecker } from '../../../web/embed/checker.js';
import { editBetween, moveRange, paragraphsOf } from '../../../web/embed/paragraphs.js';

const { createReuseLens } = await importPackage('index.js');
const SEEDS = loadSeeds();

// The matcher with seed 001 as the only source, counting the texts it is asked to match.
async function lensWith001() {
  const lens = await createReuseLens();
  lens.addSource({ id: '001', title: 'Source', url: 'https://example.org/001', text: SEEDS['001'].text });
  const asked = [];
  return {
    asked,
    match: (text, options) => { asked.push(text); return lens.match(text, options); },
    sources: () => lens.sources(),
    sourceText: (id) => lens.sourceText(id),
  };
}

// The spun copy's body paragraphs (seed 000), one per line.
const DRAFT = SEEDS['000'].text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(1, 7).join('\n\n');

test('paragraphsOf: the runs between line breaks, blank ones left out', () => {
  assert.deepEqual(paragraphsOf('One.\n\n  \nTwo words.\nThree'), [
    { start: 0, end: 4, text: 'One.' },
    { start: 9, end: 19, text: 'Two words.' },
    { start: 20, end: 25, text: 'Three' },
  ]);
  assert.deepEqual(paragraphsOf(''), []);
});

test('editBetween: the one change between two texts', () => {
  assert.deepEqual(editBetween('the cat sat', 'the black cat sat'), { at: 4, removed: 0, inserted: 6 });
  assert.deepEqual(editBetween('the cat sat', 'the sat'), { at: 4, removed: 4, inserted: 0 });
  assert.deepEqual(editBetween('aaa', 'aaaa'), { at: 3, removed: 0, inserted: 1 });
  assert.deepEqual(editBetween('same', 'same'), { at: 4, removed: 0, inserted: 0 });
});

test('moveRange: before, after, inside and across an edit', () => {
  const insert = { at: 10, removed: 0, inserted: 3 };
  assert.deepEqual(moveRange(0, 10, insert), [0, 10]);    // ends where the edit starts
  assert.deepEqual(moveRange(10, 20, insert), [13, 23]);  // starts there: text typed before it
  assert.deepEqual(moveRange(5, 15, insert), [5, 18]);    // inside: stretched
  const cut = { at: 10, removed: 5, inserted: 0 };
  assert.deepEqual(moveRange(5, 12, cut), [5, 10]);       // its end cut off
  assert.deepEqual(moveRange(12, 20, cut), [10, 15]);     // its start cut off
  assert.equal(moveRange(10, 15, cut), null);             // all of it removed
  assert.deepEqual(moveRange(20, 30, cut), [15, 25]);
});

test('the checker finds the spun passages, one paragraph at a time, at ranges of the text', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 0 });
  checker.setText(DRAFT);
  assert.equal(checker.pending, true);
  const passages = await checker.check();
  assert.equal(checker.pending, false);
  assert.ok(passages.length >= 4, `${passages.length} passages`);
  for (const p of passages) {
    assert.equal(p.sourceId, '001');
    assert.equal(p.text, DRAFT.slice(p.start, p.end));
    assert.ok(!p.text.includes('\n'), 'a passage lies inside its paragraph');
    assert.equal(p.sourceExcerpt, SEEDS['001'].text.slice(p.sourceStart, p.sourceEnd));
    for (const s of p.alignment) if (s.page) assert.ok(s.page[0] >= p.start && s.page[1] <= p.end);
  }
  assert.ok(passages.some((p) => p.kind === 'spun'));
  // Each paragraph is matched once, with its neighbours around it.
  assert.equal(lens.asked.length, paragraphsOf(DRAFT).length);
});

test('a one-word edit moves the passages at once and re-matches only its paragraph and its neighbours', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 0 });
  checker.setText(DRAFT);
  const before = await checker.check();
  const target = before.find((p) => p.text.includes('Barack Obama'));
  const at = DRAFT.indexOf('Barack Obama') + 'Barack'.length;
  const edited = `${DRAFT.slice(0, at)} H.${DRAFT.slice(at)}`;
  lens.asked.length = 0;

  const moved = checker.setText(edited);
  // At once, without matching: the passage stretched over the new word, the later ones shifted.
  assert.equal(lens.asked.length, 0);
  const stretched = moved.find((p) => p.start === target.start);
  assert.equal(stretched.end, target.end + 3);
  assert.ok(stretched.text.includes('Barack H. Obama'));
  for (const p of moved) assert.equal(p.text, edited.slice(p.start, p.end));
  const later = before.filter((p) => p.start > target.end);
  assert.deepEqual(moved.filter((p) => p.start > stretched.end).map((p) => p.start), later.map((p) => p.start + 3));

  const after = await checker.check();
  assert.ok(lens.asked.length <= 3, `${lens.asked.length} matches for one edit`);
  // The edited paragraph, and each neighbour matched in a window that holds it.
  assert.ok(lens.asked.every((text) => text.includes('Barack H. Obama')));
  assert.ok(after.some((p) => p.text.includes('Barack H. Obama')));
  for (const p of after) assert.equal(p.text, edited.slice(p.start, p.end));
});

test('undoing an edit finds its results in the cache: nothing is matched again', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 0 });
  checker.setText(DRAFT);
  const original = await checker.check();
  checker.setText(DRAFT.replace('infantry', 'army'));
  await checker.check();
  lens.asked.length = 0;
  checker.setText(DRAFT);
  assert.equal(checker.pending, false);
  assert.deepEqual(checker.passages.map((p) => [p.start, p.end]), original.map((p) => [p.start, p.end]));
  await checker.check();
  assert.equal(lens.asked.length, 0);
});

test('deleting a passage removes it at once; typing waits for a pause before matching', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 40 });
  let events = 0;
  checker.addEventListener('passages', () => { events += 1; });
  checker.setText(DRAFT);
  await checker.check();
  const first = checker.passages[0];
  const cut = DRAFT.slice(0, first.start) + DRAFT.slice(first.end);
  lens.asked.length = 0;
  const now = checker.setText(cut);
  assert.ok(!now.some((p) => p.sourceStart === first.sourceStart && p.text === first.text));
  // Keystrokes in quick succession: no match until the pause.
  checker.setText(`${cut} a`);
  checker.setText(`${cut} ab`);
  assert.equal(lens.asked.length, 0);
  // After the pause (40 ms) the match runs; a loaded machine may take longer than a fixed wait.
  for (const end = Date.now() + 10_000; checker.pending && Date.now() < end;) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(checker.pending, false);
  assert.ok(lens.asked.length >= 1);
  assert.ok(events >= 4);
});

test('refresh() matches everything again (the library changed); a failing matcher is reported', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 0 });
  checker.setText(DRAFT);
  await checker.check();
  lens.asked.length = 0;
  await checker.refresh();
  assert.equal(lens.asked.length, paragraphsOf(DRAFT).length);

  const broken = new DraftChecker({ match: () => { throw new Error('worker gone'); }, sources: () => [], sourceText: () => '' },
    { debounceMs: 0 });
  const errors = [];
  broken.addEventListener('error', (e) => errors.push(e.detail.message));
  broken.setText('Some text.');
  await assert.rejects(broken.check(), /worker gone/);
  assert.deepEqual(errors, ['worker gone']);
  assert.throws(() => new DraftChecker(null), TypeError);
  assert.throws(() => checker.setText(42), TypeError);
});

test('a draft with more paragraphs than the cache holds is matched once each, and its events are throttled', async () => {
  const lens = await lensWith001();
  const checker = new DraftChecker(lens, { debounceMs: 0, cacheSize: 50 });
  let events = 0;
  checker.addEventListener('passages', () => { events += 1; });
  const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} talks about the weather in the hills.`);
  const draft = [...filler, DRAFT].join('\n');
  checker.setText(draft);
  const passages = await checker.check();
  assert.equal(lens.asked.length, paragraphsOf(draft).length);  // no paragraph matched twice
  assert.ok(passages.some((p) => p.kind === 'spun'));
  assert.ok(events < 50, `${events} events for ${lens.asked.length} matches`);
  assert.equal(checker.pending, false);
});
