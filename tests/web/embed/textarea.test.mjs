// The textarea adapter (web/embed/textarea.js) in its example page, end to end
// in headless Chromium: pasting and typing text that reuses a seed source
// highlights the right words; edits inside and around a passage move or remove
// its highlight; undo and redo work as without ReuseLens (the same keystrokes
// leave the same value and DOM); the overlay's boxes lie exactly on the
// textarea's characters, also after scrolling, resizing, restyling and moving
// the textarea; the card and the sidebar work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  assertOnlySourceSentence, assertSampleHighlighted, hoverCard, openExample, screenshotDir, settled, sidebar, startSite,
  typeOwnLineThenSourceSentence, withExample,
} from './harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(() => site?.close());

const withPage = (body, options) => withExample(site, 'textarea', body, options);

const value = (page) => page.$eval('#editor', (t) => t.value);

/** The stretches of text in the overlay's passage boxes, in order. */
const highlightedTexts = (page) => page.evaluate(() => {
  const overlay = document.querySelector('reuselens-textarea-overlay');
  return [...overlay.shadowRoot.querySelectorAll('.passage:not([hidden])')].map((m) => m.textContent);
});

// Puts the caret right after the first occurrence of `words` in the textarea.
async function caretAfter(page, words) {
  await page.evaluate((words) => {
    const t = document.getElementById('editor');
    const at = t.value.indexOf(words);
    if (at < 0) throw new Error(`"${words}" is not in the textarea`);
    t.focus();
    t.setSelectionRange(at + words.length, at + words.length);
  }, words);
}

// Lets the overlay follow what changed (observers report at the next frames).
const frames = (page, n = 3) => page.evaluate((n) => new Promise((resolve) => {
  const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : resolve());
  next(n);
}), n);

/**
 * Where the overlay's boxes lie against the textarea's own characters, measured
 * without the overlay: the textarea's hit testing (caretPositionFromPoint gives
 * the offset in its value under a point) and its own box, padding, line height
 * and scroll position. Returns {problems, checked}: the misplacements found, and
 * how many boxes on screen were checked.
 */
const alignment = (page) => page.evaluate(() => {
  const t = document.getElementById('editor');
  const box = document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelector('.box');
  const problems = [];
  if (box.textContent !== `${t.value}\u200b`) problems.push('the overlay holds other text than the textarea');
  const style = getComputedStyle(t);
  const r = t.getBoundingClientRect();
  const view = { left: r.left + t.clientLeft, top: r.top + t.clientTop };
  view.right = view.left + t.clientWidth;
  view.bottom = view.top + t.clientHeight;
  // The overlay clips where the textarea does: at its client area.
  const b = box.getBoundingClientRect();
  const clip = { left: b.left + box.clientLeft, top: b.top + box.clientTop, width: box.clientWidth, height: box.clientHeight };
  for (const [k, v] of Object.entries({ left: view.left, top: view.top, width: t.clientWidth, height: t.clientHeight })) {
    if (Math.abs(clip[k] - v) > 0.02) problems.push(`the overlay's visible area: ${k} ${clip[k]}, the textarea's ${v}`);
  }
  const lineLeft = view.left + parseFloat(style.paddingLeft) - t.scrollLeft;
  const firstLineTop = view.top + parseFloat(style.paddingTop) - t.scrollTop;
  const lineHeight = parseFloat(style.lineHeight);
  // How far below its line's top a box of this font starts: a word laid out by
  // the page itself, in a measuring element of the test's with the textarea's
  // font (kept, hidden: a node leaving the document would end an undo step).
  let ruler = document.getElementById('test-ruler');
  if (!ruler) {
    ruler = document.createElement('div');
    ruler.id = 'test-ruler';
    ruler.append(document.createElement('span'));
    ruler.firstChild.textContent = 'Word';
    ruler.style.setProperty('position', 'absolute');
    ruler.style.setProperty('visibility', 'hidden');
    document.body.append(ruler);
  }
  for (const name of ['font-family', 'font-size', 'font-weight', 'font-style', 'line-height']) {
    ruler.style.setProperty(name, style.getPropertyValue(name));
  }
  const intoLine = ruler.firstChild.getClientRects()[0].top - ruler.getBoundingClientRect().top;
  let offset = 0;
  let checked = 0;
  for (const node of box.childNodes) {
    const length = node.textContent.length;
    if (node.nodeType === Node.ELEMENT_NODE && !node.hidden && length) {
      const [start, end] = [offset, offset + length];
      const rects = [...node.getClientRects()].filter((rect) => rect.width > 0);
      rects.forEach((rect, k) => {
        if (rect.top < view.top || rect.bottom > view.bottom) return;  // scrolled out of sight
        checked++;
        const where = `passage at ${start} "${node.textContent.slice(0, 20)}…", line ${k}`;
        const y = rect.top + rect.height / 2;
        const offsetAt = (x) => {
          const caret = document.caretPositionFromPoint(x, y);
          return caret?.offsetNode === t ? caret.offset : -1;
        };
        const [from, to] = [offsetAt(rect.left + 1), offsetAt(rect.right - 1)];
        if (k === 0 && from !== start) problems.push(`${where}: begins over character ${from}`);
        if (k === rects.length - 1 && to !== end) problems.push(`${where}: ends over character ${to}, not ${end}`);
        if (from < start || to > end) problems.push(`${where}: covers characters ${from}-${to}`);
        // A passage's later lines begin where the textarea's lines begin.
        if (k > 0 && Math.abs(rect.left - lineLeft) > 0.05) problems.push(`${where}: at x ${rect.left}, lines begin at ${lineLeft}`);
        // Every box sits on one of the textarea's lines, centred in it.
        const into = (((rect.top - firstLineTop) % lineHeight) + lineHeight) % lineHeight;
        if (Math.abs(into - intoLine) > 0.05) problems.push(`${where}: ${into}px into its line, not ${intoLine}`);
      });
    }
    offset += length;
  }
  return { problems, checked };
});

async function assertAligned(page, label) {
  const { problems, checked } = await alignment(page);
  assert.deepEqual(problems, [], label);
  assert.ok(checked >= 2, `${label}: boxes on screen to check (${checked})`);
}

// The first visible box's client rectangles.
const boxRects = (page) => page.evaluate(() => {
  const mark = document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelector('.passage:not([hidden])');
  return [...mark.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width }));
});

test('a pasted spun copy is highlighted at the words it took from its source', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const text = await value(page);
  await assertSampleHighlighted(page, text, await highlightedTexts(page));
  await assertAligned(page, 'after the paste');
  await page.screenshot({ path: path.join(screenshotDir, 'editor-textarea.png') });
}));

test('typing a sentence of a source highlights it; plain words do not', () => withPage(async (page) => {
  await page.click('#editor');
  await typeOwnLineThenSourceSentence(page);
  await settled(page);
  assertOnlySourceSentence(await highlightedTexts(page));
  await assertAligned(page, 'after typing');
}));

test('edits inside and around a passage move, stretch or remove its highlight', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const first = (await highlightedTexts(page)).find((h) => h.startsWith('LONDON'));
  assert.ok(first, 'the LONDON paragraph is highlighted');

  // Words typed before the passage, in its paragraph: the highlight keeps its words.
  await caretAfter(page, 'LONDON');
  await page.keyboard.type(' (Reuters)');
  assert.ok((await value(page)).includes('LONDON (Reuters) –'));
  // At once, before any matching: the highlight moved with its words.
  let now = await highlightedTexts(page);
  assert.ok(now.some((h) => h.includes('Barack Obama believes that holding infantry talks')), JSON.stringify(now));
  await assertAligned(page, 'right after typing before a passage');
  await settled(page);
  now = await highlightedTexts(page);
  assert.ok(now.some((h) => h.includes('Barack Obama believes that holding infantry talks')), JSON.stringify(now));

  // A word typed inside the passage: it is still one passage, with the word in it.
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  assert.ok((await highlightedTexts(page)).some((h) => h.includes('Barack Obama firmly believes')), 'stretched at once');
  await settled(page);
  now = await highlightedTexts(page);
  assert.ok(now.some((h) => h.includes('Barack Obama firmly believes')), JSON.stringify(now));
  await assertAligned(page, 'after typing inside a passage');

  // The passage's paragraph deleted: its highlight goes with it, the others stay.
  const before = now.length;
  await page.evaluate(() => {
    const t = document.getElementById('editor');
    const start = t.value.indexOf('LONDON (Reuters)');
    t.setSelectionRange(start, t.value.indexOf('\n', start));
  });
  await page.keyboard.press('Delete');
  assert.equal((await highlightedTexts(page)).length, before - 1, 'gone at once');
  await settled(page);
  now = await highlightedTexts(page);
  assert.equal(now.length, before - 1, JSON.stringify(now));
  assert.ok(!now.some((h) => h.includes('Barack Obama')));
  await assertAligned(page, 'after deleting a paragraph');
}));

test('undo and redo work as they do without ReuseLens, and the highlights follow', () => withPage(async (page) => {
  await page.click('#sample');
  await settled(page);
  const pasted = await value(page);
  const highlightedAfterPaste = await highlightedTexts(page);
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  await page.keyboard.press('Control+z');
  await settled(page);
  assert.equal(await value(page), pasted);
  assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);
  await page.keyboard.press('Control+Shift+z');
  await settled(page);
  assert.ok((await value(page)).includes('Barack Obama firmly'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');  // the paste itself
  await settled(page);
  assert.equal(await value(page), '');
  assert.deepEqual(await highlightedTexts(page), []);
}));

// The same keystrokes with and without ReuseLens: the value after each undo,
// the final value and selection, and the editor pane's DOM (the overlay aside).
async function script(page) {
  const t = page.locator('#editor');
  const undone = [];
  await page.click('#editor');
  await page.keyboard.type('My own opening line.');
  await page.keyboard.press('Enter');
  await page.click('#sample');
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph of my own.');
  await page.keyboard.press('Control+z');
  undone.push(await t.inputValue());
  await page.keyboard.type('Another one.');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  undone.push(await t.inputValue());
  await page.keyboard.press('Control+z');
  undone.push(await t.inputValue());
  await page.keyboard.press('Control+Shift+z');
  return {
    undone,
    value: await t.inputValue(),
    selection: await t.evaluate((e) => [e.selectionStart, e.selectionEnd, e.selectionDirection]),
    dom: await page.$eval('.editor-pane', (pane) => {
      const copy = pane.cloneNode(true);
      copy.querySelector('reuselens-textarea-overlay')?.remove();  // a detached copy: the document is untouched
      return copy.outerHTML;
    }),
  };
}

test("the textarea's value, undo steps and DOM are identical with and without ReuseLens", async () => {
  let withLens;
  let without;
  await withPage(async (page) => {
    withLens = await script(page);
    await settled(page);
    assert.equal(await value(page), withLens.value);
    assert.ok((await highlightedTexts(page)).length >= 3, 'ReuseLens was at work');
  });
  await withPage(async (page) => {
    without = await script(page);
    assert.equal(await page.$('reuselens-textarea-overlay'), null);
  }, { off: true });
  assert.deepEqual(withLens, without);
});

test('the boxes stay on their words as the textarea scrolls, is resized, restyled and moved', () => withPage(async (page) => {
  // A draft longer than the textarea: two copies of the sample.
  await page.click('#sample');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.click('#sample');
  await settled(page);
  await page.evaluate(() => { document.getElementById('editor').scrollTop = 0; });
  await frames(page);
  await assertAligned(page, 'at the top');

  // Scrolled with the mouse wheel: every box moves up by exactly what the text did.
  const beforeScroll = await boxRects(page);
  const textarea = await page.$eval('#editor', (t) => {
    const r = t.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, scrollHeight: t.scrollHeight, clientHeight: t.clientHeight };
  });
  assert.ok(textarea.scrollHeight > textarea.clientHeight + 200, 'the draft overflows the textarea');
  await page.mouse.move(textarea.x, textarea.y);
  await page.mouse.wheel(0, 130);
  await page.waitForFunction(() => document.getElementById('editor').scrollTop > 0);
  await frames(page);
  const scrolled = await page.$eval('#editor', (t) => t.scrollTop);
  const afterScroll = await boxRects(page);
  assert.equal(afterScroll.length, beforeScroll.length);
  for (const [i, r] of afterScroll.entries()) {
    assert.equal(r.left, beforeScroll[i].left);
    assert.ok(Math.abs(r.top - (beforeScroll[i].top - scrolled)) < 0.02, `line ${i}: ${r.top} after scrolling ${scrolled}px from ${beforeScroll[i].top}`);
  }
  await assertAligned(page, `scrolled by ${scrolled}px`);
  // A passage above the visible text is not hit by the pointer where it would lie.
  const hidden = await page.evaluate(() => {
    const view = window.reuselensView;
    const t = document.getElementById('editor');
    const top = t.getBoundingClientRect().top + t.clientTop;
    return view.passages.map((p, i) => i).filter((i) => {
      const mark = document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelectorAll('.passage')[i];
      return [...mark.getClientRects()].every((r) => r.bottom <= top);
    });
  });
  assert.ok(hidden.length >= 1, 'a passage scrolled out of sight');
  // Scrolled to the end, as far as the textarea goes.
  await page.evaluate(() => { const t = document.getElementById('editor'); t.scrollTop = t.scrollHeight; });
  await frames(page);
  await assertAligned(page, 'scrolled to the end');

  // The resize handle dragged: the textarea grows, the overlay with it.
  const corner = await page.$eval('#editor', (t) => { const r = t.getBoundingClientRect(); return { x: r.right - 4, y: r.bottom - 4, height: r.height }; });
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x, corner.y + 60, { steps: 4 });
  await page.mouse.move(corner.x, corner.y + 120, { steps: 4 });
  await page.mouse.up();
  await frames(page);
  const grown = await page.$eval('#editor', (t) => t.getBoundingClientRect().height);
  assert.ok(grown > corner.height + 100, `the textarea was resized: ${corner.height} -> ${grown}`);
  await assertAligned(page, 'after dragging the resize handle');

  // Narrower (the page's layout changed): the lines wrap again, the boxes with them.
  await page.$eval('#editor', (t) => t.style.setProperty('width', '61%'));
  await frames(page);
  await assertAligned(page, 'narrower');

  // Another font and line height, set on the textarea and then on the page.
  await page.$eval('#editor', (t) => { t.style.setProperty('font-size', '19px'); t.style.setProperty('letter-spacing', '0.3px'); });
  await frames(page);
  await assertAligned(page, 'restyled');
  await page.$eval('#editor', (t) => { t.style.removeProperty('font-size'); t.style.setProperty('line-height', '1.8'); });
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '17.5px'));
  await frames(page);
  await assertAligned(page, "the page's font size changed");

  // Moved down by something put above it, without changing its size.
  const top = await page.$eval('#editor', (t) => t.getBoundingClientRect().top);
  await page.evaluate(() => {
    const notice = document.createElement('p');
    notice.textContent = 'Saved a moment ago.';
    notice.style.setProperty('margin', '0 0 23.3px');
    document.querySelector('.toolbar').after(notice);
  });
  await frames(page, 4);
  assert.ok(await page.$eval('#editor', (t, top) => t.getBoundingClientRect().top > top + 20, top));
  await assertAligned(page, 'moved down');

  // A wider window.
  await page.setViewportSize({ width: 1500, height: 900 });
  await frames(page, 4);
  await assertAligned(page, 'in a wider window');
}));

// Headless Chromium hides scrollbars; desktop browsers show them, and they take
// room from the text. The overlay must wrap as the textarea does beside its
// scrollbar, and draw none of its own over it.
test('with scrollbars shown, the boxes stay on their words and the scrollbar stays as it was', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium',
    headless: true,
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const strips = [];
    for (const off of [false, true]) {
      // Tall enough that the page itself never scrolls: the textarea has the same width in both.
      const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
      const page = await openExample(context, site.url, 'textarea', { off });
      await page.click('#sample');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.click('#sample');
      const bar = await page.$eval('#editor', (t) => {
        t.scrollTop = 141;
        const r = t.getBoundingClientRect();
        return { width: t.offsetWidth - t.clientWidth - 2 * t.clientLeft, x: r.left + t.clientLeft + t.clientWidth, y: r.top + t.clientTop, height: t.clientHeight };
      });
      assert.ok(bar.width >= 8, `the textarea shows a scrollbar (${bar.width}px)`);
      if (!off) {
        await settled(page);
        await frames(page);
        await assertAligned(page, 'beside a scrollbar');
      }
      await page.mouse.move(1, 1);
      strips.push(await page.screenshot({ clip: { x: bar.x, y: bar.y, width: bar.width, height: bar.height } }));
      assert.deepEqual(page.problems, []);
      await context.close();
    }
    assert.ok(strips[0].equals(strips[1]), "the scrollbar looks the same with and without ReuseLens");
  } finally {
    await browser.close();
  }
});

test('hovering a passage shows its card; the sidebar reveals one; Escape hides the card', () => withPage(async (page) => {
  await page.click('#sample');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.click('#sample');
  await settled(page);
  await page.evaluate(() => { document.getElementById('editor').scrollTop = 0; });
  await frames(page);
  const box = await page.evaluate(() => {
    const mark = document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelectorAll('.passage')[1];
    const r = mark.getClientRects()[0];
    return { x: r.left + 10, y: r.top + r.height / 2 };
  });
  const card = await hoverCard(page, box, { passage: 2 });
  await page.mouse.move(5, 5);
  await card.waitFor({ state: 'hidden' });

  // The last passage lies below the visible text: revealing it scrolls the textarea to it.
  const count = (await sidebar(page)).length;
  assert.ok(count >= 6, `passages: ${count}`);
  await page.click(`#passages li:nth-child(${count}) button`);
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), new RegExp(`Passage ${count} of ${count}`));
  assert.ok(await page.$eval('#editor', (t) => t.scrollTop > 0), 'the textarea scrolled');
  const shown = await page.evaluate((i) => {
    const t = document.getElementById('editor');
    const r = t.getBoundingClientRect();
    const mark = document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelectorAll('.passage')[i];
    const m = mark.getClientRects()[0];
    return { inside: m.top >= r.top + t.clientTop && m.bottom <= r.top + t.clientTop + t.clientHeight, focused: mark.hasAttribute('data-focus') };
  }, count - 1);
  assert.deepEqual(shown, { inside: true, focused: true });
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  await assertAligned(page, 'after revealing the last passage');  // (the card covered some of it)
  assert.equal(await page.evaluate(() => document.querySelector('reuselens-textarea-overlay').shadowRoot.querySelectorAll('[data-focus]').length), 0);
}));

test('destroy() takes the overlay away and leaves the textarea as it was', () => withPage(async (page) => {
  const attributes = () => page.$eval('#editor', (t) => t.outerHTML);
  const untouched = await attributes();
  await page.click('#sample');
  await settled(page);
  await page.evaluate(() => window.reuselensView.destroy());
  assert.equal(await page.$('reuselens-textarea-overlay'), null);
  assert.equal(await attributes(), untouched);
  await page.keyboard.type(' More.');
  assert.ok((await value(page)).endsWith(' More.'));
}));
