// The web demo (dist/web) end to end in headless Chromium, as a visitor uses it:
// first screen, side-by-side view, keyboard, pasting a page, adding sources,
// persistence across reloads, import and export, phone width, strict CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, loadSeeds } from '../wasm/fixtures.mjs';
import { afterCheck, marks, openDemo, ready, screenshotDir, startDemo } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';

const SEEDS = Object.fromEntries(Object.entries(loadSeeds()).map(([id, seed]) => [id, seed.text]));

// A source no seed shares words with, and a page that copies one of its sentences.
const GARDEN_SENTENCE = 'The allotment society voted on Tuesday to plant four hundred heritage apple trees along '
  + 'the old railway embankment, a project its chairwoman called the largest orchard restoration in the county.';
const GARDEN_SOURCE = `Orchard news\n\n${GARDEN_SENTENCE} Volunteers will start in March and the council has `
  + 'promised water tanks for the first two summers.';
const PAGE = 'Local roundup\n\nThe bakery on Mill Street reopened after the flood repairs were finished. '
  + `${GARDEN_SENTENCE}\n\nThe library extends its opening hours from next week.`;

let demo;
before(async () => {
  demo = await startDemo();
  mkdirSync(screenshotDir, { recursive: true });
});
after(() => demo?.close());

// A test on the demo in a fresh browser context (its own IndexedDB): body(page)
// runs, then no console error or uncaught exception may have happened.
function demoTest(name, body, contextOptions = { viewport: { width: 1280, height: 900 }, acceptDownloads: true }) {
  test(name, async () => {
    const context = await demo.browser.newContext(contextOptions);
    try {
      const page = await openDemo(context, demo.url);
      await body(page);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });
}

const librarySize = (page) => page.locator('#library-list li[data-id]').count();

demoTest('opens with the demo library and seed 003 already highlighted', async (page) => {
  assert.equal(page.response.headers()['content-security-policy'], CSP);
  assert.equal(await librarySize(page), 5);
  assert.equal(await page.locator('#example-select').inputValue(), '003');
  const found = await marks(page);
  assert.ok(found.length >= 4, `${found.length} passages`);
  // 003 reuses several seeds, and never itself (it is in the library too).
  const sources = new Set(found.map((m) => m.source));
  assert.ok(sources.size >= 2, [...sources].join());
  assert.ok(!sources.has('003'));
  // Each highlight is text of the page, and the known shared quote is highlighted.
  for (const m of found) assert.ok(SEEDS['003'].includes(m.text), m.text);
  assert.ok(found.some((m) => m.text.includes('help define some of the different options')));
  assert.match(await page.locator('#summary-text').textContent(), /^\d+% of this page reuses \d+ known sources \(\d+ passages\)\.$/);
  assert.equal(await page.locator('#page-map .tick').count(), found.length);
  assert.equal(await page.locator('#share-bar .segment').count(), sources.size);
  // The first passage is already beside its source.
  assert.match(await page.locator('#detail h2').textContent(), /^Passage 1 of \d+$/);
  await page.screenshot({ path: path.join(screenshotDir, 'demo-first-screen.png') });
});

demoTest('a spun passage shows its source side by side with the swapped words marked', async (page) => {
  await afterCheck(page, () => page.selectOption('#example-select', '000'));
  const found = await marks(page);
  assert.ok(found.every((m) => m.source === '001'), 'the spun copy reuses 001 only');
  const longest = found.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  await page.locator(`#page-view mark[data-index="${longest.index}"]`).hover();
  await page.waitForFunction((i) => document.querySelector('#detail h2').textContent.startsWith(`Passage ${i + 1} `), longest.index);
  assert.equal(await page.locator('#detail .kind').textContent(), 'spun');
  const pageSide = await page.locator('#detail .page-side').textContent();
  const sourceSide = await page.locator('#detail .source-side').textContent();
  assert.equal(pageSide, longest.text);
  assert.ok(SEEDS['001'].includes(sourceSide), 'the source side is a passage of 001');
  assert.ok(sourceSide.length > 1000);
  // The spinner's military -> infantry, said -> pronounced: marked on both sides.
  const changed = (side) => page.locator(`#detail .${side} .w`).allTextContents();
  const pageWords = await changed('page-side');
  const sourceWords = await changed('source-side');
  assert.ok(pageWords.includes('infantry') && pageWords.includes('pronounced'), pageWords.join(' '));
  assert.ok(sourceWords.includes('military') && sourceWords.includes('said'), sourceWords.join(' '));
  // Unchanged words are not marked.
  assert.ok(!pageWords.includes('Kerry'));
  const title = await page.locator('#detail .page-side .w', { hasText: /^infantry$/ }).first().getAttribute('title');
  assert.match(title, /military/);
  await page.screenshot({ path: path.join(screenshotDir, 'demo-spun-passage.png') });
});

demoTest('a restated passage marks the words it moved, on both sides', async (page) => {
  // Without 004, 003's restated Pentagon sentence is 001's (004 restates it too).
  await afterCheck(page, () => page.click('#library-list li[data-id="004"] button.remove'));
  const restated = (await marks(page)).find((m) => m.text.includes('severed by the Pentagon'));
  assert.ok(restated);
  assert.equal(restated.source, '001');
  await page.locator(`#page-view mark[data-index="${restated.index}"]`).hover();
  await page.waitForFunction((i) => document.querySelector('#detail h2').textContent.startsWith(`Passage ${i + 1} `), restated.index);
  assert.equal(await page.locator('#detail .kind').textContent(), 'paraphrase');
  const moved = (side) => page.locator(`#detail .${side} .w.op-moved`).allTextContents();
  assert.deepEqual(await moved('page-side'), ['High', 'level', 'with', 'Moscow']);
  assert.deepEqual(await moved('source-side'), ['high', 'level', 'with', 'Moscow']);
  const title = await page.locator('#detail .page-side .w.op-moved', { hasText: 'Moscow' }).getAttribute('title');
  assert.equal(title, 'word moved: “Moscow”');
  assert.match(await page.locator('#detail .op-legend').textContent(), /word moved 4/);
  // The pointer on the page's "Moscow" outlines the source's "Moscow", and only it.
  await page.locator('#detail .page-side .w.op-moved', { hasText: 'Moscow' }).hover();
  assert.deepEqual(await page.locator('#detail .source-side .w.paired').allTextContents(), ['Moscow']);
  await page.locator('#detail h2').hover();
  assert.equal(await page.locator('#detail .w.paired').count(), 0);
  await page.screenshot({ path: path.join(screenshotDir, 'demo-moved-words.png') });
});

demoTest('keyboard: n and p move the focus between passages, and the detail follows', async (page) => {
  const count = (await marks(page)).length;
  const focused = () => page.evaluate(() => Number(document.activeElement?.dataset.index ?? -1));
  await page.keyboard.press('n');
  assert.equal(await focused(), 1);
  assert.match(await page.locator('#detail h2').textContent(), new RegExp(`^Passage 2 of ${count}$`));
  await page.keyboard.press('j');
  assert.equal(await focused(), 2);
  await page.keyboard.press('p');
  assert.equal(await focused(), 1);
  // Typing in a field is left alone.
  await page.locator('#library-search').focus();
  await page.keyboard.press('n');
  assert.equal(await page.locator('#library-search').inputValue(), 'n');
  // Marks carry a label for screen readers.
  assert.match(await page.locator('#page-view mark').first().getAttribute('aria-label'), /^Passage 1 of \d+: \w+/);
});

demoTest('pasting a page and adding a source; the library survives a reload', async (page) => {
  await page.click('#edit-page');
  await page.fill('#page-input', PAGE);
  await afterCheck(page, () => page.click('#page-editor button[type="submit"]'));
  assert.equal((await marks(page)).length, 0, 'no seed shares this page');
  assert.match(await page.locator('#summary-text').textContent(), /No passage/);

  await page.click('#add-source summary');
  await page.fill('#source-title', 'Orchard news');
  await page.fill('#source-url', 'https://example.org/orchard');
  await page.fill('#source-text', GARDEN_SOURCE);
  await afterCheck(page, () => page.click('#source-form button[type="submit"]'));
  assert.equal(await librarySize(page), 6);
  const found = await marks(page);
  assert.equal(found.length, 1);
  assert.equal(found[0].text, GARDEN_SENTENCE);
  assert.equal(await page.locator('#detail .meta a').getAttribute('href'), 'https://example.org/orchard');
  assert.equal(await page.locator('#detail .source-side').textContent(), GARDEN_SENTENCE);

  // Remove a demo source, then reload: the added one stays, the removed one stays gone.
  await afterCheck(page, () => page.click('#library-list li[data-id="002"] button.remove'));
  assert.match(await page.locator('#status').textContent(), /Removed/);
  await page.reload();
  await ready(page);
  const ids = await page.$$eval('#library-list li[data-id]', (els) => els.map((e) => e.dataset.id));
  assert.equal(ids.length, 5);
  assert.ok(!ids.includes('002'));
  assert.ok(await page.locator('#library-list li', { hasText: 'Orchard news' }).count() === 1);
  // "Restore the demo sources" brings 002 back without touching the user's source.
  await afterCheck(page, () => page.click('#reset-library'));
  assert.equal(await librarySize(page), 6);
});

demoTest('pasted HTML is checked as its text, without its markup or scripts', async (page) => {
  const html = `<!doctype html><html><head><title>Roundup</title><script>window.pwned = 1</script></head><body>
    <nav>Home | World</nav><article><h1>Talks on Syria</h1><p>${SEEDS['001'].split('\n').filter((l) => l.length > 200)[0]}</p>
    <p style="font-weight: bold">Our correspondent adds <b style=color:red>a few</b> words of her own.</p><style>p { color: red }</style></article></body></html>`;
  await page.click('#edit-page');
  await page.fill('#page-input', html);
  await afterCheck(page, () => page.click('#page-editor button[type="submit"]'));
  const text = await page.locator('#page-view').textContent();
  assert.ok(!/[<>]/.test(text), text);
  assert.ok(!text.includes('pwned') && !text.includes('color: red'));
  assert.ok(text.includes('Our correspondent adds a few words of her own.'));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const found = await marks(page);
  assert.ok(found.some((m) => m.source === '001' && m.text.length > 150));
});

// Drops files on an element as a browser does when they are dragged from the desktop.
async function dropFiles(page, selector, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, type, text } of list) transfer.items.add(new File([text], name, { type }));
    return transfer;
  }, files);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

demoTest('dropped files: an .html page is checked, a .txt source is added', async (page) => {
  const copied = SEEDS['001'].split('\n').filter((l) => l.length > 200)[0];
  const html = `<!doctype html><html><head><title>Dropped roundup</title></head><body><article>
    <h1>Dropped roundup</h1><p>${copied}</p><p>${GARDEN_SENTENCE}</p></article></body></html>`;
  await afterCheck(page, () => dropFiles(page, '#page-view', [{ name: 'roundup.html', type: 'text/html', text: html }]));
  const text = await page.locator('#page-view').textContent();
  assert.ok(text.includes(copied) && text.includes(GARDEN_SENTENCE) && !/[<>]/.test(text));
  let found = await marks(page);
  assert.ok(found.some((m) => m.source === '001' && m.text.length > 150), JSON.stringify(found));
  assert.ok(!found.some((m) => m.text.includes('allotment')), 'the garden sentence is in no source yet');

  await page.click('#add-source summary');
  await afterCheck(page, () => dropFiles(page, '#source-text', [{ name: 'orchard-news.txt', type: 'text/plain', text: GARDEN_SOURCE }]));
  assert.equal(await librarySize(page), 6);
  found = await marks(page);
  assert.ok(found.some((m) => m.text === GARDEN_SENTENCE), JSON.stringify(found));
});

demoTest('export, import, and a corrupt import refused whole', async (page) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reuselens-web-'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-library')]);
  const saved = path.join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  assert.equal(path.basename(saved), 'reuselens-library.rlens');
  // The native CLI reads the exported library.
  const listed = execFileSync(cli, ['library', 'list', saved], { encoding: 'utf8' });
  for (const id of ['000', '001', '002', '003', '004']) assert.match(listed, new RegExp(`^${id}\\b`, 'm'));

  await afterCheck(page, () => page.click('#library-list li[data-id="001"] button.remove'));
  assert.equal(await librarySize(page), 4);
  await afterCheck(page, () => page.setInputFiles('#import-library', saved));
  assert.equal(await librarySize(page), 5);
  assert.match(await page.locator('#status').textContent(), /Added “.*”\. 4 already in the library\./);

  // Corrupt files change nothing.
  const corrupt = path.join(dir, 'broken.rlens');
  writeFileSync(corrupt, Buffer.from('RLENS but not really a library file'));
  await page.setInputFiles('#import-library', corrupt);
  await page.waitForSelector('#status.error');
  assert.match(await page.locator('#status').textContent(), /broken\.rlens is not a ReuseLens library/);
  const badJson = path.join(dir, 'sources.json');
  writeFileSync(badJson, JSON.stringify([{ id: 'ok', text: 'A fine source text.' }, { id: 'bad' }]));
  await page.setInputFiles('#import-library', badJson);
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('source 2 has no text'));
  assert.equal(await librarySize(page), 5);

  // A good JSON import adds its sources.
  const goodJson = path.join(dir, 'orchard.json');
  writeFileSync(goodJson, JSON.stringify({ sources: [{ id: 'orchard', title: 'Orchard news', text: GARDEN_SOURCE }] }));
  await afterCheck(page, () => page.setInputFiles('#import-library', goodJson));
  assert.equal(await librarySize(page), 6);

  // Removing is undoable.
  await afterCheck(page, () => page.click('#library-list li[data-id="orchard"] button.remove'));
  assert.equal(await librarySize(page), 5);
  await afterCheck(page, () => page.locator('#status button', { hasText: 'Undo' }).click());
  assert.equal(await librarySize(page), 6);
  assert.equal(await page.locator('#library-list li[data-id="orchard"]').count(), 1);
});

demoTest('phone width: no sideways scrolling, and a tapped passage opens beside nothing but the page', async (page) => {
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.equal(await page.locator('#detail').isVisible(), false, 'the sheet waits for a tap');
  await page.locator('#page-view mark').nth(1).tap();
  assert.equal(await page.locator('#detail').isVisible(), true);
  assert.match(await page.locator('#detail h2').textContent(), /^Passage 2 of/);
  // The passage scrolls above the sheet.
  await page.waitForFunction(() => {
    const top = document.querySelector('#page-view mark[data-index="1"]').getBoundingClientRect().top;
    return top >= 0 && top < innerHeight * 0.4;
  });
  await page.screenshot({ path: path.join(screenshotDir, 'demo-phone.png') });
  await page.locator('#detail .close-detail').tap();
  assert.equal(await page.locator('#detail').isVisible(), false);
}, { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
