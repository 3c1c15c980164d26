// The fallback painter (content/highlighter.js OverlayPainter), for browsers
// without the CSS Custom Highlight API (Firefox before 140): the Chromium that
// runs the tests has the API, so the painter is loaded into a page on its own,
// with the content script's reading of the page (dom-text.js), and its boxes are
// read through the DevTools protocol, which sees into its closed shadow root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import { articlePage, CHROMIUM, root, screenshotDir, seeds } from './harness.mjs';

let browser;
let page;
let cdp;
before(async () => {
  const { chromium } = await import('playwright-core');
  const bundle = await build({
    stdin: {
      contents: `export { collectText } from './extension/content/dom-text.js';
                 export { OverlayPainter, rangesOf } from './extension/content/highlighter.js';`,
      resolveDir: root,
    },
    bundle: true, write: false, format: 'iife', globalName: 'reuselens', logLevel: 'warning',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.setContent(articlePage(seeds()['001']));
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  cdp = await page.context().newCDPSession(page);
});
after(() => browser?.close());

// The boxes in the layer: [{left, top, width, height, colour}] in page coordinates.
async function boxes() {
  const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node) => (node.localName === 'reuselens-layer' ? node : (node.children ?? []).map(find).find(Boolean));
  const layer = find(doc);
  if (!layer) return null;
  return (layer.shadowRoots?.[0]?.children ?? []).map((box) => {
    const style = box.attributes[box.attributes.indexOf('style') + 1];
    const px = (name) => Number(new RegExp(`${name}:\\s*([-\\d.]+)px`).exec(style)[1]);
    // The colour as the style attribute serializes it (rgba), one per source and one for the focus.
    return { left: px('left'), top: px('top'), width: px('width'), height: px('height'), colour: /background[^:]*:\s*([^;]+)/.exec(style)[1] };
  });
}

// Where the text is: the client rects of each range of the two passages painted.
const expected = () => page.evaluate(() => window.painted.flatMap((p) => p.ranges.flatMap((r) => [...r.getClientRects()]
  .map((b) => ({ left: b.left + scrollX, top: b.top + scrollY, width: b.width, height: b.height })))));

// Every line of text covered by a box, and no two boxes over each other (the
// rects of inline elements lie over their text's: colour would double there).
const within = (a, b) => a.left >= b.left - 1 && a.left + a.width <= b.left + b.width + 1 &&
  a.top >= b.top - 1 && a.top + a.height <= b.top + b.height + 1;
const overlap = (a, b) => Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top) > 1;
const near = (actual, wanted) => wanted.every((w) => actual.some((a) => within(w, a))) &&
  actual.every((a) => wanted.some((w) => within(a, w))) &&
  actual.every((a, i) => actual.every((b, j) => i === j || !overlap(a, b)));

test('the overlay draws a box over each line of each passage, follows a resize, marks the focused passage, and leaves no trace', async () => {
  const html = () => page.evaluate(() => document.documentElement.outerHTML);
  const before = await html();
  await page.evaluate(async () => {
    const { collectText, OverlayPainter, rangesOf } = window.reuselens;
    const { text, segments } = await collectText(document);
    // Two sentences of the article, the second one across inline elements.
    const passages = [/LONDON - U\.S\. President[^]*?Friday\./, /The United States opposes[^]*?\./].map((re, i) => {
      const m = re.exec(text);
      return { ranges: rangesOf(segments, m.index, m.index + m[0].length), hue: i ? 200 : 120, quoted: false, sourceId: String(i) };
    });
    window.painter = new OverlayPainter();
    window.painter.paint(passages);
    window.painted = passages;
  });
  let drawn = await boxes();
  let wanted = await expected();
  assert.ok(wanted.length >= 3, `the passages span several lines (${wanted.length})`);
  assert.ok(near(drawn, wanted), JSON.stringify({ drawn, wanted }));
  const colours = (list) => [...new Set(list.map((b) => b.colour))];
  assert.equal(colours(drawn).length, 2, 'one colour per source');
  await page.screenshot({ path: path.join(screenshotDir, 'chromium-overlay.png') });

  // Narrower window: the lines wrap again and the boxes follow.
  await page.setViewportSize({ width: 520, height: 700 });
  await page.waitForFunction(() => innerWidth === 520);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  wanted = await expected();
  drawn = await boxes();
  assert.ok(near(drawn, wanted), JSON.stringify({ drawn, wanted }));

  // The focused passage (hover or keyboard) in the focus colour.
  const drawnBefore = drawn;
  await page.evaluate(() => window.painter.focus(window.painted[1].ranges));
  drawn = await boxes();
  const [focusColour, ...others] = colours(drawn).filter((c) => !colours(drawnBefore).includes(c));
  assert.ok(focusColour && others.length === 0, 'a colour of its own');
  const count = (list, colour) => list.filter((b) => b.colour === colour).length;
  const secondColour = drawnBefore.at(-1).colour;
  assert.equal(count(drawn, focusColour), count(drawnBefore, secondColour), 'the second passage in the focus colour');
  assert.equal(count(drawn, secondColour), 0);
  assert.equal(count(drawn, drawnBefore[0].colour), count(drawnBefore, drawnBefore[0].colour), 'the first keeps its colour');

  await page.evaluate(() => window.painter.clear());
  assert.equal(await boxes(), null);
  assert.equal(await html(), before);
});
