// The ProseMirror plugin (web/embed/prosemirror.js), in ProseMirror and in
// TipTap: first the document's text and its map back to positions, in Node;
// then the example pages end to end in headless Chromium: pasting and typing
// text that reuses a seed source decorates the right words; edits move,
// stretch or remove the decorations at once; undo and redo (the editor's own
// history) work as without ReuseLens, its grouping included; the document is
// the same with and without it; the card, the sidebar and the plugin's life
// through reconfigurations and destroy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { rangeOf, readDoc } from '../../../web/embed/prosemirror-text.js';
import { assertOnlySourceSentence, assertSampleHighlighted, hoverCard, screenshotDir, settled, startSite, withExample } from './harness.mjs';

describe('the text of a document', () => {
  const schema = new Schema({
    nodes: basic.spec.nodes.addToEnd('mention', { inline: true, group: 'inline', atom: true, attrs: { name: {} }, leafText: (n) => `@${n.attrs.name}` }),
    marks: basic.spec.marks,
  });
  const { doc, paragraph: p, heading: h, blockquote, hard_break: br, image, mention, text } = {
    ...Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, (...args) => type.create(...args)])),
    doc: (...blocks) => schema.node('doc', null, blocks),
    text: (t, marks) => schema.text(t, marks),
  };
  const strong = schema.marks.strong.create();
  const sample = doc(
    h({ level: 1 }, text('A title')),
    p(null, [text('Plain and '), text('bold', [strong]), text(' words')]),
    blockquote(null, [p(null, text('Quoted line')), p(null, [text('one'), br(), text('two')])]),
    p(null, [text('see'), image({ src: 'x.png' }), text('here, '), mention({ name: 'ann' }), text(' said')]),
    p(),
    p(null, text('last')),
  );

  test('textblocks are paragraphs a blank line apart; breaks, images and atoms read as the editor shows them', () => {
    assert.equal(readDoc(sample).text,
      'A title\n\nPlain and bold words\n\nQuoted line\n\none\ntwo\n\nsee here, @ann said\n\n\n\nlast');
  });

  test('every word maps back to its own document range', () => {
    const read = readDoc(sample);
    for (const m of read.text.matchAll(/[\w@]+/g)) {
      const range = rangeOf(read, m.index, m.index + m[0].length);
      assert.ok(range, m[0]);
      assert.equal(sample.textBetween(range.from, range.to, '\n', (leaf) => leaf.type.spec.leafText?.(leaf) ?? '\n'), m[0]);
    }
    // A passage across marks is one range; one across blocks runs from the first word to the last.
    const at = read.text.indexOf('and bold wo');
    let range = rangeOf(read, at, at + 'and bold wo'.length);
    assert.equal(sample.textBetween(range.from, range.to), 'and bold wo');
    const from = read.text.indexOf('line');
    range = rangeOf(read, from, read.text.indexOf('two') + 3);
    assert.equal(sample.textBetween(range.from, range.to, '|', '/'), 'line|one/two');
  });

  test('ends on separators move onto the range’s content; separators alone are nothing', () => {
    const read = readDoc(sample);
    const title = read.text.indexOf('A title');
    const range = rangeOf(read, title, title + 'A title\n\n'.length);
    assert.equal(sample.textBetween(range.from, range.to), 'A title');
    const blank = read.text.indexOf('said') + 'said'.length;
    assert.equal(rangeOf(read, blank, blank + 4), null);
    assert.equal(rangeOf(readDoc(doc(p())), 0, 0), null);
    // The image's space is its one position; the mention's text is all of its one.
    const space = read.text.indexOf('see ') + 3;
    const image = posOf(sample, 'see') + 3;
    assert.equal(sample.nodeAt(image).type.name, 'image');
    assert.deepEqual(rangeOf(read, space, space + 1), { from: image, to: image + 1 });
    const ann = read.text.indexOf('@ann');
    const mentionRange = rangeOf(read, ann + 1, ann + 3);
    assert.equal(sample.nodeAt(mentionRange.from).type.name, 'mention');
    assert.equal(mentionRange.to - mentionRange.from, 1);
  });
});

// The document position of the first occurrence of `words` (in one text node).
function posOf(doc, words) {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text.includes(words)) found = pos + node.text.indexOf(words);
    return found < 0;
  });
  return found;
}

let site;
before(async () => { site = await startSite(); });
after(() => site?.close());

const withPage = (name, body, options) => withExample(site, name, body, options);

// In the page, the editor's view is (window.editor?.view ?? window.editorView),
// in either example. (Functions, not strings: the CSP forbids eval in the page.)

/** The decorated passages as the editor shows them: each passage's decorated text, in passage order. */
const highlightedTexts = (page) => page.evaluate(() => {
  const texts = [];
  for (const e of (window.editor?.view ?? window.editorView).dom.querySelectorAll('[data-reuselens-index]')) {
    const i = Number(e.dataset.reuselensIndex);
    texts[i] = (texts[i] ?? '') + e.textContent;
  }
  return texts.filter((t) => t !== undefined);
});

const docJson = (page) => page.evaluate(() => (window.editor?.view ?? window.editorView).state.doc.toJSON());
const editorText = (page) => page.evaluate(() => (window.editor?.view ?? window.editorView).dom.innerText);
// The document's text, a line per textblock.
const docText = (page) => page.evaluate(() => {
  const { doc } = (window.editor?.view ?? window.editorView).state;
  return doc.textBetween(0, doc.content.size, '\n');
});

// The editor's DOM without ReuseLens's decorations (their spans unwrapped).
const strippedHtml = (page) => page.evaluate(() => {
  const copy = (window.editor?.view ?? window.editorView).dom.cloneNode(true);
  for (const span of copy.querySelectorAll('[data-reuselens-index]')) span.replaceWith(...span.childNodes);
  copy.normalize();
  return copy.innerHTML;
});

// The depth of the editor's undo history (prosemirror-history's own state).
const undoDepth = (page) => page.evaluate(() => {
  const { state } = window.editor?.view ?? window.editorView;
  return state.plugins.find((p) => p.key.startsWith('history$')).getState(state).done.eventCount;
});

// Selects [from, to) of the first occurrence of `words` in the editor's text
// (from = to: a caret) and waits until the editor has taken the selection.
async function selectIn(page, words, from, to) {
  const expected = await page.evaluate(({ words, from, to }) => {
    const view = window.editor?.view ?? window.editorView;
    const nodes = [];
    let text = '';
    const walker = document.createTreeWalker(view.dom, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: text.length });
      text += walker.currentNode.nodeValue;
    }
    const at = text.indexOf(words);
    if (at < 0) throw new Error(`"${words}" is not in the editor`);
    // A point between two text nodes: in the node of the words on its side.
    const point = (offset, after) => {
      const { node, start } = nodes.findLast((n) => (after ? n.start <= offset : n.start < offset)) ?? nodes[0];
      return [node, offset - start];
    };
    const anchor = point(at + from, from < to);
    const head = point(at + to, false);
    view.focus();
    getSelection().setBaseAndExtent(...anchor, ...head);
    return [view.posAtDOM(...anchor), view.posAtDOM(...head)];
  }, { words, from, to });
  await page.waitForFunction(([from, to]) => {
    const { selection } = (window.editor?.view ?? window.editorView).state;
    return selection.from === from && selection.to === to;
  }, expected);
}
const caretAfter = (page, words) => selectIn(page, words, words.length, words.length);
const select = (page, words) => selectIn(page, words, 0, words.length);

// prosemirror-history puts changes less than 500 ms apart in one undo step: a
// longer pause starts the next one, as a writer's would.
async function pause(page, { off = false } = {}) {
  if (!off) await settled(page);
  await page.waitForTimeout(600);
}

// Records, synchronously after every transaction that changes the document,
// the decorated texts as the editor shows them then: what the edit itself did
// to the decorations, before any match (the checker waits for a pause).
const watchEdits = (page) => page.evaluate(() => {
  const view = window.editor?.view ?? window.editorView;
  const dispatch = view.dispatch.bind(view);
  view.dispatch = (tr) => {
    dispatch(tr);
    if (!tr.docChanged) return;
    const texts = [];
    for (const e of view.dom.querySelectorAll('[data-reuselens-index]')) {
      const i = Number(e.dataset.reuselensIndex);
      texts[i] = (texts[i] ?? '') + e.textContent;
    }
    window.afterLastEdit = texts.filter((t) => t !== undefined);
  };
});
const afterLastEdit = (page) => page.evaluate(() => window.afterLastEdit);

for (const name of ['prosemirror', 'tiptap']) {
  describe(name, () => {
    test('a pasted spun copy is decorated at the words it took from its source', () => withPage(name, async (page) => {
      await page.click('#sample');
      await settled(page);
      const text = await editorText(page);
      const highlighted = await highlightedTexts(page);
      await assertSampleHighlighted(page, text, highlighted);
      // Each decoration covers exactly its passage's words.
      const passages = await page.evaluate(() => window.reuselensView.passages.map((p) => p.text));
      assert.deepEqual(highlighted, passages);
      // Coloured by a class of the adopted sheet (no style attribute anywhere in the editor).
      const look = await page.evaluate(() => {
        const { dom } = window.editor?.view ?? window.editorView;
        return { background: getComputedStyle(dom.querySelector('[data-reuselens-index]')).backgroundColor, styled: dom.querySelectorAll('[style]').length };
      });
      assert.match(look.background, /^rgba?\(/);
      assert.notEqual(look.background, 'rgba(0, 0, 0, 0)');
      assert.equal(look.styled, 0);
      await page.screenshot({ path: path.join(screenshotDir, `editor-${name}.png`) });
    }));

    test('typing a sentence of a source decorates it, across a bold word; plain words are not', () => withPage(name, async (page) => {
      await page.click('.ProseMirror');
      await page.keyboard.type('My own opening line about the weather in Leeds.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Kerry said the U.S. leader ');
      await page.keyboard.press('Control+b');
      await page.keyboard.type('hoped');
      await page.keyboard.press('Control+b');
      await page.keyboard.type(' that talks would "help define some of the different options available to us as we go forward in Syria".');
      await settled(page);
      assertOnlySourceSentence(await highlightedTexts(page));
      // The bold word is inside the one passage's decorations.
      const bold = await page.evaluate(() => {
        const strong = (window.editor?.view ?? window.editorView).dom.querySelector('strong');
        return { text: strong.textContent, decorated: Boolean(strong.querySelector('[data-reuselens-index="0"]') ?? strong.closest('[data-reuselens-index="0"]')) };
      });
      assert.deepEqual(bold, { text: 'hoped', decorated: true });
    }));

    test('edits move, stretch, trim or remove the decorations at once, and the next match agrees', () => withPage(name, async (page) => {
      await page.click('#sample');
      await settled(page);
      await watchEdits(page);
      const pasted = await highlightedTexts(page);
      const london = pasted.find((h) => h.startsWith('LONDON'));
      assert.ok(london, JSON.stringify(pasted));

      // A paragraph of my own before the passages: they move with their words.
      await caretAfter(page, 'Important Next Step');
      await page.keyboard.press('Enter');
      await page.keyboard.type('A line of my own.');
      assert.ok((await docText(page)).includes('Important Next Step\nA line of my own.\nLONDON'));
      assert.deepEqual(await afterLastEdit(page), pasted);
      await settled(page);
      assert.deepEqual(await highlightedTexts(page), pasted);

      // A word typed inside a passage: the passage stretches over it.
      await caretAfter(page, 'Barack Obama');
      await page.keyboard.type(' firmly');
      assert.ok((await docText(page)).includes('Barack Obama firmly believes'));
      const stretched = london.replace('Barack Obama', 'Barack Obama firmly');
      assert.ok((await afterLastEdit(page)).includes(stretched), JSON.stringify(await afterLastEdit(page)));
      await settled(page);
      let now = await highlightedTexts(page);
      const matched = now.find((h) => h.includes('Barack Obama firmly believes'));  // the matcher's own ends
      assert.ok(matched, JSON.stringify(now));

      // Words typed right after a passage's end are not taken into it.
      await caretAfter(page, matched);
      await page.keyboard.type(' My comment.');
      assert.ok((await docText(page)).includes(`${matched} My comment.`));
      assert.ok((await afterLastEdit(page)).includes(matched), JSON.stringify(await afterLastEdit(page)));
      await settled(page);
      now = await highlightedTexts(page);
      assert.ok(now.some((h) => h.includes('Barack Obama firmly believes')), JSON.stringify(now));
      assert.ok(!now.some((h) => h.includes('My comment')));

      // The passage's last word deleted: it is trimmed.
      const current = now.find((h) => h.includes('Barack Obama firmly believes'));
      const tail = current.slice(current.lastIndexOf(' '));
      await selectIn(page, current, current.length - tail.length, current.length);
      await page.keyboard.press('Backspace');
      const text = await docText(page);
      assert.ok(text.includes(current.slice(0, -tail.length)) && !text.includes(current));
      now = await afterLastEdit(page);
      assert.ok(now.includes(current.slice(0, -tail.length)), JSON.stringify({ now, current }));
      await settled(page);

      // The passage's whole paragraph deleted: its decoration goes, the others stay.
      const others = (await highlightedTexts(page)).filter((h) => !h.startsWith('LONDON'));
      const paragraph = await page.evaluate(() => {
        let found;
        (window.editor?.view ?? window.editorView).state.doc.forEach((block) => { if (block.textContent.startsWith('LONDON')) found = block.textContent; });
        return found;
      });
      await select(page, paragraph);
      await page.keyboard.press('Backspace');
      assert.equal((await docText(page)).includes('Barack Obama'), false);
      assert.deepEqual(await afterLastEdit(page), others);
      await settled(page);
      assert.deepEqual(await highlightedTexts(page), others);
    }));

    test('undo and redo are the editor’s own, and the decorations follow', () => withPage(name, async (page) => {
      await page.click('#sample');
      await pause(page);
      const pasted = await docJson(page);
      const highlightedAfterPaste = await highlightedTexts(page);
      const depth = await undoDepth(page);
      await caretAfter(page, 'Barack Obama');
      await page.keyboard.type(' firmly');
      await pause(page);
      assert.equal(await undoDepth(page), depth + 1);
      await page.keyboard.press('Control+z');
      assert.deepEqual(await docJson(page), pasted);
      assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);  // at once
      await settled(page);
      assert.deepEqual(await highlightedTexts(page), highlightedAfterPaste);
      await page.keyboard.press('Control+Shift+z');
      assert.ok((await editorText(page)).includes('Barack Obama firmly'));
      await settled(page);
      assert.ok((await highlightedTexts(page)).some((h) => h.includes('Barack Obama firmly believes')));
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');  // the paste itself
      await settled(page);
      assert.equal((await editorText(page)).trim(), '');
      assert.deepEqual(await highlightedTexts(page), []);
      assert.equal(await undoDepth(page), 0);
    }));

    test('passages arriving in the middle of a typing group do not split it', async () => {
      // Two insertions 100 ms apart by the history's clock are one undo step;
      // with ReuseLens, its transaction (the passages of the first) comes between.
      const run = (off) => async (page) => {
        const result = await page.evaluate(async () => {
          const view = window.editor?.view ?? window.editorView;
          view.focus();
          const dispatch = view.dispatch.bind(view);
          const seen = [];
          view.dispatch = (tr) => { seen.push({ steps: tr.steps.length, meta: Boolean(tr.getMeta('reuselens$')) }); dispatch(tr); };
          const t0 = Date.now();
          view.dispatch(view.state.tr.insertText('Kerry said the U.S. leader hoped that talks would "help define some of the different options available to us as we go forward in Syria".', 1).setTime(t0));
          await window.reuselensView?.check();
          view.dispatch(view.state.tr.insertText(' And my own words.', view.state.selection.head).setTime(t0 + 100));
          const state = view.state;
          const depth = state.plugins.find((p) => p.key.startsWith('history$')).getState(state).done.eventCount;
          return { seen, depth, decorated: view.dom.querySelectorAll('[data-reuselens-index]').length };
        });
        assert.equal(result.depth, 1);
        assert.deepEqual(result.seen.filter((t) => t.steps), [{ steps: 1, meta: false }, { steps: 1, meta: false }]);
        if (off) {
          assert.equal(result.seen.length, 2);
          assert.equal(result.decorated, 0);
        } else {
          assert.deepEqual(result.seen[1], { steps: 0, meta: true }, JSON.stringify(result.seen));
          assert.ok(result.decorated > 0);
        }
        await page.keyboard.press('Control+z');
        assert.equal((await editorText(page)).trim(), '');
        assert.equal(await undoDepth(page), 0);
        return docJson(page);
      };
      let withLens;
      let without;
      await withPage(name, async (page) => { withLens = await run(false)(page); });
      await withPage(name, async (page) => { without = await run(true)(page); }, { off: true });
      assert.deepEqual(withLens, without);
    });

    test('the document and its DOM are identical with and without ReuseLens', async () => {
      // The same keystrokes on both pages; with ReuseLens the passages arrive in between.
      const script = async (page, off) => {
        await page.click('#sample');
        await pause(page, { off });
        await caretAfter(page, 'Barack Obama');
        await page.keyboard.type(' firmly');
        await pause(page, { off });
        await page.keyboard.press('Enter');
        await page.keyboard.type('A new paragraph of my own.');
        await page.keyboard.press('Control+z');  // the Enter and the paragraph
        await page.keyboard.type('Another one, ');
        await page.keyboard.press('Control+b');
        await page.keyboard.type('bold');
        await page.keyboard.press('Control+b');
        await pause(page, { off });
        await page.keyboard.press('Control+z');
        await page.keyboard.press('Control+Shift+z');
        const text = await editorText(page);
        assert.ok(text.includes('Barack Obama firmlyAnother one, bold believes'), text);
        assert.ok(!text.includes('A new paragraph'));
        return { json: await docJson(page), html: await strippedHtml(page), depth: await undoDepth(page) };
      };
      let withLens;
      let without;
      await withPage(name, async (page) => {
        withLens = await script(page, false);
        await settled(page);
        assert.deepEqual(await docJson(page), withLens.json);
        assert.ok((await highlightedTexts(page)).length > 0);
      });
      await withPage(name, async (page) => {
        without = await script(page, true);
        assert.equal(await strippedHtml(page), await page.evaluate(() => (window.editor?.view ?? window.editorView).dom.innerHTML));  // nothing to strip
      }, { off: true });
      assert.deepEqual(withLens.json, without.json);
      assert.equal(withLens.html, without.html);
      assert.equal(withLens.depth, without.depth);
    });

    test('hovering a passage shows its card; the sidebar reveals one; Escape hides the card', () => withPage(name, async (page) => {
      await page.click('#sample');
      await settled(page);
      const box = await page.evaluate(() => {
        const r = (window.editor?.view ?? window.editorView).dom.querySelector('[data-reuselens-index="1"]').getClientRects()[0];
        return { x: r.left + 10, y: r.top + r.height / 2 };
      });
      const card = await hoverCard(page, box, { passage: 2 });
      // The passage the card is about is marked (by the sheet, not by the document).
      const backgrounds = await page.evaluate(() => [1, 2].map((i) => getComputedStyle((window.editor?.view ?? window.editorView).dom
        .querySelector(`[data-reuselens-index="${i}"]`)).backgroundColor));
      assert.notEqual(backgrounds[0], backgrounds[1]);
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'hidden' });

      await page.click('#passages li:nth-child(3) button');
      await card.waitFor({ state: 'visible' });
      assert.match(await card.innerText(), /Passage 3 of/);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    }));
  });
}

test('prosemirror: the highlights outlive reconfigurations; removing the plugin or destroy() takes them away, not the document', () => withPage('prosemirror', async (page) => {
  await page.click('#sample');
  await settled(page);
  const before = await highlightedTexts(page);
  const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);

  // A reconfiguration replaces every plugin view; ReuseLens stays the same, and keeps working.
  await page.evaluate(async () => {
    const view = window.editorView;
    window.firstLens = window.reuselensView;
    view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  assert.deepEqual(await highlightedTexts(page), before);
  await caretAfter(page, 'Important Next Step');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kerry said the U.S. leader hoped that talks would "help define some of the different options available to us as we go forward in Syria".');
  await settled(page);
  const grown = await highlightedTexts(page);
  assert.equal(grown.length, before.length + 1, JSON.stringify(grown));
  assert.ok(await page.evaluate(() => window.firstLens === window.reuselensView));

  // destroy(): the decorations and the sheet go, in a transaction that leaves the document and the history alone.
  const doc = await docJson(page);
  const depth = await undoDepth(page);
  await page.evaluate(() => window.reuselensView.destroy());
  assert.deepEqual(await highlightedTexts(page), []);
  assert.deepEqual(await docJson(page), doc);
  assert.equal(await undoDepth(page), depth);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheets - 1);
  await page.waitForTimeout(600);  // a new undo step
  await page.keyboard.type(' More.');
  assert.equal(await undoDepth(page), depth + 1);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await docJson(page), doc);
  assert.deepEqual(await highlightedTexts(page), []);
}));

test('prosemirror: removing the plugin from the state ends its highlights, card and sheet included', () => withPage('prosemirror', async (page) => {
  await page.click('#sample');
  await settled(page);
  const doc = await docJson(page);
  const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);
  const box = await page.evaluate(() => {
    const r = window.editorView.dom.querySelector('[data-reuselens-index="1"]').getClientRects()[0];
    return { x: r.left + 10, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.locator('reuselens-card section.card').waitFor({ state: 'visible' });
  await page.evaluate(async () => {
    const view = window.editorView;
    view.updateState(view.state.reconfigure({ plugins: view.state.plugins.filter((p) => p.key !== 'reuselens$') }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  assert.deepEqual(await highlightedTexts(page), []);
  assert.deepEqual(await docJson(page), doc);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheets - 1);
  assert.equal(await page.locator('reuselens-card').count(), 0);
  // Nothing listens any more: hovering the passage's words again shows nothing.
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x, box.y);
  await page.waitForTimeout(100);
  assert.equal(await page.locator('reuselens-card').count(), 0);
}));

test('tiptap: registerPlugin (a reconfiguration) keeps the highlights; editor.destroy() ends them', () => withPage('tiptap', async (page) => {
  await page.click('#sample');
  await settled(page);
  const before = await highlightedTexts(page);
  const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);
  const same = await page.evaluate(async () => {
    const lens = window.reuselensView;
    const Plugin = window.editor.state.plugins[0].constructor;
    window.editor.registerPlugin(new Plugin({ view: () => ({}) }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return lens === window.reuselensView;
  });
  assert.ok(same);
  assert.deepEqual(await highlightedTexts(page), before);
  await caretAfter(page, 'Barack Obama');
  await page.keyboard.type(' firmly');
  await settled(page);
  assert.ok((await highlightedTexts(page)).some((h) => h.includes('Barack Obama firmly believes')));

  await page.evaluate(async () => {
    window.editor.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheets - 1);
  assert.equal(await page.locator('reuselens-card').count(), 0);
}));
