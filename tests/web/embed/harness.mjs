// Shared set-up of the editor examples' end-to-end tests (web/examples/, built
// into dist/web/examples by `make web`): the built site served with its strict
// CSP, Debian's Chromium, and how a test reads what an adapter painted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsDir } from '../../wasm/fixtures.mjs';

export { startDemo as startSite, screenshotDir } from '../browser.mjs';

/**
 * Opens example `name` (?reuselens=off: the page without ReuseLens) in `context`;
 * every console error and uncaught exception lands in page.problems.
 */
export async function openExample(context, siteUrl, name, { off = false } = {}) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(`${siteUrl}examples/${name}/${off ? '?reuselens=off' : ''}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return page;
}

/**
 * Runs body(page) on example `name` in a fresh browser context of `site`
 * (startSite), then requires that no console error or uncaught exception happened.
 */
export async function withExample(site, name, body, { off = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await openExample(context, site.url, name, { off });
    await body(page);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
}

/** Waits until the adapter has matched everything pending (the sidebar says so). */
export async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.pending === 'false', null, { timeout: 15_000 });
}

/**
 * The highlighted stretches of text painted with the CSS Custom Highlight API
 * by the view whose highlights are named `prefix`-N, in document order.
 */
export function highlightedTexts(page, prefix = 'reuselens-editor-') {
  return page.evaluate((prefix) => {
    const ranges = [];
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith(prefix) && !name.endsWith('-focus')) ranges.push(...highlight);
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, prefix);
}

/** The sidebar's passages as the example renders them: [{meta, text}]. */
export function sidebar(page) {
  return page.$$eval("#passages li:not([hidden]) .passage", (items) => items.map((b) => ({
    meta: b.querySelector('.meta').textContent, text: b.querySelector('.excerpt').textContent,
  })));
}

// The hand-made truth of the seeds: what the spun copy (000) takes from 001.
const truth = JSON.parse(readFileSync(path.join(seedsDir, 'truth.json'), 'utf8'));

/** The truth's passages of seed 000 that reuse 001 and lie whole inside `text` (the page's words). */
export function spunPassagesIn(text) {
  return truth.pairs
    .filter((p) => p.page.startsWith('000') && p.source.startsWith('001') && text.includes(p.page_quote))
    .map((p) => p.page_quote);
}

/** The share of `quote`'s characters that lie inside the highlighted stretches of `text`. */
export function coverage(text, quote, highlighted) {
  const at = text.indexOf(quote);
  const covered = new Uint8Array(quote.length);
  let from = 0;
  for (const h of highlighted) {
    const i = text.indexOf(h, from);
    if (i < 0) continue;
    from = i + h.length;
    for (let k = Math.max(i, at); k < Math.min(i + h.length, at + quote.length); k++) covered[k - at] = 1;
  }
  return covered.reduce((a, b) => a + b, 0) / quote.length;
}

/**
 * Requires what every adapter shows for the pasted seed sample (seed 000, a
 * spun copy of 001): at least 90% of each truth passage highlighted, and each
 * highlight a stretch of the editor's `text` that the sidebar lists, in order.
 */
export async function assertSampleHighlighted(page, text, highlighted) {
  assert.ok(highlighted.length >= 3, `passages: ${JSON.stringify(highlighted)}`);
  const quotes = spunPassagesIn(text);
  assert.ok(quotes.length >= 3, 'the sample holds passages of the truth');
  for (const quote of quotes) assert.ok(coverage(text, quote, highlighted) >= 0.9, `not highlighted: ${quote}`);
  const listed = await sidebar(page);
  assert.equal(listed.length, highlighted.length);
  for (const [i, h] of highlighted.entries()) {
    assert.ok(text.includes(h));
    assert.equal(listed[i].text, h);
    assert.match(listed[i].meta, /^(verbatim|edited|spun|paraphrase|summary) · U\.S\. Sees Military Talks/);
  }
}

/** A line of the writer's own, then a sentence of seed 001 reworded a little, typed at the caret. */
export async function typeOwnLineThenSourceSentence(page) {
  await page.keyboard.type('My own opening line about the weather in Leeds.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kerry said the U.S. leader hoped that talks would "help define some of the different options available to us as we go forward in Syria".');
}

/** Requires that only the typed source sentence is highlighted, not the writer's own line. */
export function assertOnlySourceSentence(highlighted) {
  assert.equal(highlighted.length, 1, JSON.stringify(highlighted));
  assert.match(highlighted[0], /^Kerry said the U\.S\. leader hoped that talks would/);
  assert.ok(!highlighted[0].includes('Leeds'));
}

/** A point inside the second highlighted range (CSS Custom Highlight API): on a passage's words. */
export function pointInHighlight(page) {
  return page.evaluate(() => {
    const range = [...[...CSS.highlights.values()][0]][1];
    const r = range.getClientRects()[0];
    return { x: r.left + 10, y: r.top + r.height / 2 };
  });
}

/**
 * Hovers `point` (on a passage of the seed sample) and requires its card:
 * the source's title, the kind, passage `passage` (when given) and the spun
 * words marked against their source words. Returns the card, still shown.
 */
export async function hoverCard(page, point, { passage } = {}) {
  await page.mouse.move(point.x, point.y);
  const card = page.locator('reuselens-card section.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /U\.S\. Sees Military Talks/);
  assert.match(await card.innerText(), /spun|edited|verbatim/i);
  if (passage) assert.match(await card.innerText(), new RegExp(`Passage ${passage} of`));
  assert.ok(await card.locator('.page-side .w.op-synonym, .page-side .w.op-substituted').count() > 0);
  return card;
}
