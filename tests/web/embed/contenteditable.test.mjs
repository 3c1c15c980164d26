// The contenteditable adapter (web/embed/contenteditable.js) in its example page,
// end to end in headless Chromium: pasting and typing text that reuses a seed
// source highlights the right words; edits inside and around a passage move or
// remove its highlight; undo and redo work as without ReuseLens; the editor's
// DOM is the same with and without it; the card and the sidebar work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  assertOnlySourceSentence, assertSampleHighlighted, highlightedTexts, hoverCard, pointInHighlight, screenshotDir, settled,
  startSite, typeOwnLineThenSourceSentence, withExample,
} from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(() => site?.close());

const withPage = (body, options) => withExample(site, 'contenteditable', body, options);

const editorText = (page) => page.$eval('#editor', (e) => e.innerText);
const editorHtml = (page) => page.$eval('#editor', (e) => e.innerHTML);

// Puts the caret right after the first occurrence of `words` in the editor.
async function caretAfter(page, words) {
  await page.evaluate((words) => {
    const walker = document.createTreeWalker(document.getElementById('editor'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const at = walker.currentNode.nodeValue.indexOf(words);
      if (at >= 0) {
        document.getElementById('editor').focus();
        getSelection().collapse(walker.currentNode, at + words.length);
        return;
      }
    }
    throw new Error(`"${words}" is not in the editor`);
  }, words);
}

test('a pasted spun copy is highlighted at the words it took from its source', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const text = await editorText(page);
  await assertSampleHighlighted(page, text, await highlightedTexts(page));
  await page.screenshot({ path: path.join(screenshotDir, 'editor-contenteditable.png') });
}));

test('typing a sentence of a source highlights it; plain words do not', () => withPage(async (page) => {
  await page.click('#editor');
  await typeOwnLineThenSourceSentence(page);
  await settled(page);
  assertOnlySourceSentence(await highlightedTexts(page));
}));

test('edits inside and around a passage move, stretch or remove its highlight', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const first = (await highlightedTexts(page)).find((h) => h.startsWith('LONDON'));
  assert.ok(first, 'the LONDON paragraph is highlighted');

  // A word typed before the passage, in its paragraph: the highlight keeps its words.
  await caretAfter(page, 'LONDON');
  await page.keyboard.type(' (Reuters)');
  assert.equal((await editorText(page)).includes('LONDON (Reuters) –'), true);
  await settled(page);
  let now = await highlightedTexts(page);
  assert.ok(!now.some((h) => h.includes('(Reuters)') && h.startsWith('LONDON (Reuters)') && h.length < 20));
  assert.ok(now.some((h) => h.includes('Barack Obama believes that holding infantry talks')), JSON.stringify(now));

  // A word typed inside the passage: it is still one passage, with the word in it.
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  now = await highlightedTexts(page);
  assert.ok(now.some((h) => h.includes('Barack Obama firmly believes')), JSON.stringify(now));

  // The passage's paragraph deleted: its highlight goes with it, the others stay.
  const before = now.length;
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('#editor p')].find((e) => e.textContent.includes('Barack Obama firmly'));
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('Delete');
  await settled(page);
  now = await highlightedTexts(page);
  assert.equal(now.length, before - 1, JSON.stringify(now));
  assert.ok(!now.some((h) => h.includes('Barack Obama')));
}));

test('undo and redo work as they do without ReuseLens, and the highlights follow', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const pasted = await editorText(page);
  const highlightedAfterPaste = await highlightedTexts(page);
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  await page.keyboard.press('Control+z');
  await settled(page);
  assert.equal(await editorText(page), pasted);
  assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);
  await page.keyboard.press('Control+Shift+z');
  await settled(page);
  assert.ok((await editorText(page)).includes('Barack Obama firmly'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');  // the paste itself
  await settled(page);
  assert.equal((await editorText(page)).trim(), '');
  assert.deepEqual(await highlightedTexts(page), []);
}));

// The same keystrokes with and without ReuseLens leave the same DOM.
async function script(page) {
  await page.click('#sample');
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph of my own.');
  await page.keyboard.press('Control+z');
  await page.keyboard.type('Another one.');
  return editorHtml(page);
}

test("the editor's document is identical with and without ReuseLens", async () => {
  let withLens;
  let without;
  await withPage(async (page) => { withLens = await script(page); await settled(page); assert.equal(await editorHtml(page), withLens); });
  await withPage(async (page) => { without = await script(page); }, { off: true });
  assert.equal(withLens, without);
});

test('hovering a passage shows its card; the sidebar reveals one; Escape hides the card', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const box = await pointInHighlight(page);
  const card = await hoverCard(page, box);
  await page.mouse.move(5, 5);
  await card.waitFor({ state: 'hidden' });

  await page.click('#passages li:nth-child(3) button');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /Passage 3 of/);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
}));
