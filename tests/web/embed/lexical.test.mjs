// The Lexical adapter (web/embed/lexical.js, reuselens/lexical) in its example
// page, end to end in headless Chromium: pasting and typing text that reuses a
// seed source highlights the right words; edits inside and around a passage
// move, stretch or remove its highlight, and a format (a re-render of the nodes)
// or a new root element keeps it on its words; Lexical's undo and redo work as
// without ReuseLens; Lexical's editor state and DOM are the same with and
// without it; the card, the sidebar and the cleanup work.
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

const withPage = (body, options) => withExample(site, 'lexical', body, options);

const editorText = (page) => page.$eval('#editor', (e) => e.innerText);
const editorHtml = (page) => page.$eval('#editor', (e) => e.innerHTML);
const editorJson = (page) => page.evaluate(() => JSON.stringify(window.lexicalEditor.getEditorState().toJSON()));
// The editor's paragraphs as Lexical rendered them, one a line.
const renderedLines = (page) => page.$eval('#editor', (e) => [...e.children].map((p) => p.textContent).join('\n'));

// Puts the caret (or, with `select`, the selection of the words) right after the
// first occurrence of `words`, as a click would, and lets Lexical take the selection.
async function caretAfter(page, words, { select = false } = {}) {
  await page.evaluate(({ words, select }) => {
    const editor = document.getElementById('editor');
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const at = walker.currentNode.nodeValue.indexOf(words);
      if (at >= 0) {
        editor.focus();
        if (select) getSelection().setBaseAndExtent(walker.currentNode, at, walker.currentNode, at + words.length);
        else getSelection().collapse(walker.currentNode, at + words.length);
        return;
      }
    }
    throw new Error(`"${words}" is not in the editor`);
  }, { words, select });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));  // selectionchange
}

// Lexical's history merges changes less than 300 ms apart: a pause makes the next one a step of its own.
const pause = (page) => page.waitForTimeout(400);

// What the highlights are: every range painted is in the document, inside the editor.
function paintedRangesInEditor(page) {
  return page.evaluate(() => {
    const editor = document.getElementById('editor');
    const ranges = [...CSS.highlights].filter(([name]) => name.startsWith('reuselens-editor-')).flatMap(([, h]) => [...h]);
    return ranges.every((r) => r.startContainer.isConnected && r.endContainer.isConnected &&
      editor.contains(r.startContainer) && editor.contains(r.endContainer));
  });
}

test('a pasted spun copy is highlighted at the words it took from its source', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const text = await editorText(page);
  // The checker reads Lexical's own text: its paragraphs, one a line.
  assert.equal(await page.evaluate(() => window.reuselensView.checker.text), await renderedLines(page));
  assert.ok((await renderedLines(page)).split('\n').length >= 3);
  await assertSampleHighlighted(page, text, await highlightedTexts(page));
  assert.ok(await paintedRangesInEditor(page));
  await page.screenshot({ path: path.join(screenshotDir, 'editor-lexical.png') });
}));

test('typing a sentence of a source highlights it; plain words do not', () => withPage(async (page) => {
  await page.click('#editor');
  await typeOwnLineThenSourceSentence(page);
  await settled(page);
  assertOnlySourceSentence(await highlightedTexts(page));
}));

test('a line break (Shift+Enter) is a line of the checked text; the highlight starts after it', () => withPage(async (page) => {
  await page.click('#editor');
  await page.keyboard.type('Notes from the press room.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Kerry said the U.S. leader hoped that talks would "help define some of the different options available to us as we go forward in Syria".');
  await settled(page);
  // One paragraph with a <br>: Lexical's LineBreakNode reads as "\n".
  assert.equal(await page.$$eval('#editor p', (ps) => ps.length), 1);
  assert.equal(await page.$$eval('#editor br', (brs) => brs.length), 1);
  const text = await page.evaluate(() => window.reuselensView.checker.text);
  assert.match(text, /^Notes from the press room\.\nKerry said/);
  const highlighted = await highlightedTexts(page);
  assert.equal(highlighted.length, 1, JSON.stringify(highlighted));
  assert.match(highlighted[0], /^Kerry said the U\.S\. leader hoped that talks would/);
  assert.equal(await page.evaluate(() => window.reuselensView.passages[0].text), highlighted[0]);
}));

test('text pasted from the clipboard (a paste event Lexical handles) is highlighted', () => withPage(async (page) => {
  await page.click('#editor');
  await page.keyboard.type('Notes.');
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const data = new DataTransfer();
    const sentence = 'Kerry said the U.S. leader hoped that talks would "help define some of the different options available to us as we go forward in Syria".';
    data.setData('text/plain', sentence);
    data.setData('text/html', `<p>${sentence}</p>`);
    document.getElementById('editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await settled(page);
  assert.match(await editorText(page), /Kerry said the U\.S\. leader/);
  const highlighted = await highlightedTexts(page);
  assert.equal(highlighted.length, 1, JSON.stringify(highlighted));
  assert.match(highlighted[0], /^Kerry said the U\.S\. leader hoped that talks would/);
}));

test('edits inside and around a passage move, stretch or remove its highlight', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const first = (await highlightedTexts(page)).find((h) => h.startsWith('LONDON'));
  assert.ok(first, 'the LONDON paragraph is highlighted');

  // Words typed before the passage's words, in its paragraph: the highlight keeps its words.
  await caretAfter(page, 'LONDON');
  await page.keyboard.type(' (Reuters)');
  assert.ok((await editorText(page)).includes('LONDON (Reuters) –'));
  // At once, before the paragraph is matched again, the passages moved with the edit.
  let now = await highlightedTexts(page);
  assert.ok(now.some((h) => h.includes('Barack Obama believes that holding infantry talks')), JSON.stringify(now));
  await settled(page);
  now = await highlightedTexts(page);
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
    getSelection().setBaseAndExtent(p.firstChild.firstChild, 0, p.lastChild.lastChild, p.lastChild.lastChild.length);
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  await page.keyboard.press('Delete');
  await settled(page);
  now = await highlightedTexts(page);
  assert.ok(!(await editorText(page)).includes('Barack Obama'));
  assert.equal(now.length, before - 1, JSON.stringify(now));
  assert.ok(!now.some((h) => h.includes('Barack Obama')));
  assert.ok(await paintedRangesInEditor(page));
}));

test('a format re-renders the nodes: the highlight stays on its words, across the bold one', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const before = await highlightedTexts(page);
  const passage = before.find((h) => h.includes('Barack Obama believes'));
  assert.ok(passage);
  const domBefore = await page.$eval('#editor', (e) => e.querySelectorAll('strong').length);
  await caretAfter(page, 'Barack Obama', { select: true });
  await page.keyboard.press('Control+b');
  // Lexical split the paragraph's text node in three: the word is a <strong> of its own.
  assert.equal(await page.$eval('#editor', (e) => e.querySelectorAll('strong').length), domBefore + 1);
  assert.equal(await page.$eval('#editor strong', (e) => e.textContent), 'Barack Obama');
  // The same text: nothing to match again, the ranges are drawn over the new nodes.
  assert.equal(await page.evaluate(() => window.reuselensView.checker.pending), false);
  assert.deepEqual(await highlightedTexts(page), before);
  assert.ok(await paintedRangesInEditor(page));
  assert.equal(await page.$eval('#bold', (b) => b.getAttribute('aria-pressed')), 'true');
  await page.keyboard.press('Control+z');
  assert.equal(await page.$eval('#editor', (e) => e.querySelectorAll('strong').length), domBefore);
  assert.deepEqual(await highlightedTexts(page), before);
  assert.ok(await paintedRangesInEditor(page));
}));

test('the editor moved to another root element: the highlights follow it', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const before = await highlightedTexts(page);
  // Unmounted: nothing is painted, and nothing fails.
  await page.evaluate(() => window.lexicalEditor.setRootElement(null));
  assert.deepEqual(await highlightedTexts(page), []);
  assert.equal(await page.evaluate(() => window.reuselensView.passages.length), before.length);
  await page.evaluate(() => {
    const old = document.getElementById('editor');
    const next = old.cloneNode(false);
    old.id = 'old-editor';
    old.hidden = true;
    old.after(next);
    window.lexicalEditor.setRootElement(next);
  });
  assert.deepEqual(await highlightedTexts(page), before);
  assert.ok(await paintedRangesInEditor(page));
  // And the new root is checked as it is edited.
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  assert.ok((await highlightedTexts(page)).some((h) => h.includes('Barack Obama firmly believes')));
  assert.ok(await paintedRangesInEditor(page));
}));

test("Lexical's undo and redo work as without ReuseLens, and the highlights follow", () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const pasted = await editorJson(page);
  const highlightedAfterPaste = await highlightedTexts(page);
  await pause(page);
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  const typed = await editorJson(page);
  const highlightedAfterTyping = await highlightedTexts(page);
  assert.ok(highlightedAfterTyping.some((h) => h.includes('Barack Obama firmly believes')));

  await page.keyboard.press('Control+z');
  await settled(page);
  assert.equal(await editorJson(page), pasted);
  assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);
  await page.keyboard.press('Control+Shift+z');
  await settled(page);
  assert.equal(await editorJson(page), typed);
  assert.deepEqual(await highlightedTexts(page), highlightedAfterTyping);
  // The toolbar's buttons: Lexical's UNDO_COMMAND, back to before the paste.
  await page.click('#undo');
  await page.click('#undo');
  await settled(page);
  assert.equal((await editorText(page)).trim(), '');
  assert.deepEqual(await highlightedTexts(page), []);
  assert.equal(await page.$eval('#undo', (b) => b.disabled), true);
  await page.click('#redo');
  await settled(page);
  assert.equal(await editorJson(page), pasted);
  assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);
}));

// The same keystrokes with and without ReuseLens: Lexical's state and DOM after each step.
async function script(page) {
  const steps = [];
  const step = async () => {
    await pause(page);
    steps.push({ json: await editorJson(page), html: await editorHtml(page), canUndo: await page.$eval('#undo', (b) => !b.disabled) });
  };
  await page.click('#sample');
  await step();
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await step();
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph of my own.');
  await step();
  await caretAfter(page, 'infantry talks', { select: true });
  await page.keyboard.press('Control+b');
  await step();
  await page.keyboard.press('Control+z');
  await step();
  await page.keyboard.press('Control+z');
  await step();
  await page.keyboard.press('Control+Shift+z');
  await step();
  await page.keyboard.type('Another one.');
  await step();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await step();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Control+z');
  await step();
  return steps;
}

test("Lexical's editor state and DOM are identical with and without ReuseLens", async () => {
  let withLens;
  let without;
  await withPage(async (page) => {
    withLens = await script(page);
    await settled(page);
    assert.equal(await editorJson(page), withLens.at(-1).json);
    assert.equal(await editorHtml(page), withLens.at(-1).html);
    assert.ok((await highlightedTexts(page)).length > 0);
  });
  await withPage(async (page) => {
    without = await script(page);
    assert.equal(await page.evaluate(() => 'reuselensView' in window), false);
  }, { off: true });
  // The script did change the document at each step (else the comparison says little).
  for (let i = 1; i < withLens.length; i++) assert.notEqual(withLens[i].json, withLens[i - 1].json, `step ${i + 1}`);
  assert.equal(withLens.length, without.length);
  for (const [i, step] of withLens.entries()) assert.deepEqual(step, without[i], `step ${i + 1}`);
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
  // The focused passage is the third one.
  const [third, focused] = await page.evaluate(() => {
    const ranges = [...CSS.highlights].filter(([n]) => n.startsWith('reuselens-editor-') && !n.endsWith('-focus'))
      .flatMap(([, h]) => [...h]).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const focus = [...CSS.highlights].find(([n]) => n.endsWith('-focus'))?.[1];
    return [ranges[2].toString(), focus ? [...focus].map((r) => r.toString()).join('') : null];
  });
  assert.equal(focused, third);
  // Revealed from the sidebar, the card has the focus and stays while the pointer moves there.
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'reuselens-card');
  await page.mouse.move(box.x, 5);
  await page.waitForTimeout(100);
  assert.ok(await card.isVisible());
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.closest('#passages li:nth-child(3)') !== null), true);
}));

test('the cleanup removes the highlights and stops checking; the editor goes on as before', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  assert.ok((await highlightedTexts(page)).length > 0);
  const before = await editorJson(page);
  await page.evaluate(() => window.reuselensView.destroy());
  assert.deepEqual(await highlightedTexts(page), []);
  assert.equal(await editorJson(page), before);
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await page.waitForTimeout(600);
  assert.deepEqual(await highlightedTexts(page), []);
  assert.ok((await editorText(page)).includes('Barack Obama firmly'));
}));
