// The web demo: wires the page view, the passage detail, the summary and the
// library panel to one ReuseLens running in a worker (so the page never blocks
// while matching), with the library kept in IndexedDB.
import { createReuseLensWorker } from './reuselens/client.js';
import { hueOf } from './colors.js';
import { downloadBytes, parseSourcesJson, sourcesFromLibraryFile } from './library-files.js';
import { openLibraryStore } from './library-store.js';
import { fileToText, guessTitle, htmlToText, looksLikeHtml } from './page-text.js';
import { PageView } from './page-view.js';
import { renderDetail, renderDetailPlaceholder } from './passage-detail.js';
import { renderSummary } from './summary.js';
import { el } from './dom.js';

// Pages larger than this are refused with a message rather than left to run for minutes.
const MAX_PAGE_CHARS = 10_000_000;

const $ = (id) => document.getElementById(id);

const state = {
  lens: null,
  store: null,
  demo: { sources: [], defaultPage: '' },
  sources: new Map(),  // id -> {id, title, url, text, added}, the library in IndexedDB order
  page: { text: '', title: '', exampleId: '' },
  passages: [],
  shares: new Map(),   // sourceId -> share of the current page
  checks: 0,           // checks started; only the latest one paints
};

// ---- status line ------------------------------------------------------------
function say(message, { error = false, action = null } = {}) {
  const status = $('status');
  status.classList.toggle('error', error);
  status.replaceChildren(message);
  if (action) {
    const button = el('button', { type: 'button', class: 'link' }, action.label);
    button.addEventListener('click', action.run, { once: true });
    status.append(' ', button);
  }
}

// ---- colours: one hue per source, spread by the golden angle -------------------
// Hues by library position, rebuilt only when the library changes (colorOf runs
// for every passage and every list item).
let hues = null;
function colorOf(id) {
  hues ??= new Map([...state.sources.keys()].map((key, i) => [key, hueOf(i)]));
  return hues.get(id) ?? 0;
}

// Every change to the library goes through these two, so the hues follow.
function keepSources(records) {
  for (const s of records) state.sources.set(s.id, s);
  hues = null;
}
function forgetSource(id) {
  state.sources.delete(id);
  hues = null;
}

// Word counts for the library list, computed once per source record.
const wordCounts = new WeakMap();
function wordsOf(source) {
  if (!wordCounts.has(source)) wordCounts.set(source, source.text.split(/\s+/).filter(Boolean).length);
  return wordCounts.get(source);
}

// ---- checking the page --------------------------------------------------------
// The page itself, when it is also a library source, is left out: it would
// match itself whole and hide every other source.
function selfId() {
  if (state.page.exampleId && state.sources.has(state.page.exampleId)) return [state.page.exampleId];
  const text = state.page.text.trim();
  for (const source of state.sources.values()) if (source.text.trim() === text) return [source.id];
  return [];
}

async function check() {
  const { text } = state.page;
  const ticket = ++state.checks;
  if (text.length > MAX_PAGE_CHARS) {
    say(`This page has ${text.length.toLocaleString()} characters; the demo checks pages of up to ${MAX_PAGE_CHARS.toLocaleString()}.`, { error: true });
    return;
  }
  const exclude = selfId();
  document.body.classList.add('checking');
  const started = performance.now();
  let passages;
  try {
    ({ passages } = await state.lens.match(text, { exclude }));
  } catch (error) {
    if (error?.name === 'AbortError') return;  // a newer check is on its way
    if (ticket === state.checks) document.body.classList.remove('checking');
    say(`The check failed: ${error.message}`, { error: true });
    return;
  }
  if (ticket !== state.checks) return;
  document.body.classList.remove('checking');
  const ms = Math.round(performance.now() - started);
  state.passages = passages;
  const left = exclude.map((id) => state.sources.get(id)?.title).filter(Boolean);
  pageView.render(text, passages, colorOf);
  const shares = renderSummary(
    { textEl: $('summary-text'), barEl: $('share-bar'), mapEl: $('page-map') },
    { text, passages, colorOf, onJump: (i) => pageView.select(i, { focus: true }) });
  state.shares = new Map(shares.map((s) => [s.sourceId, s.share]));
  renderLibrary();
  say(`Checked against ${state.sources.size - left.length} sources in ${ms} ms` +
    (left.length ? ` (left out: “${left[0]}”, the page itself).` : '.'));
  if (passages.length) showPassage(0, { byUser: false });
  else renderDetailPlaceholder($('detail'), 'No reused passage on this page.');
  document.body.dataset.checked = String(ticket);  // for tests and scripts: this check is painted
}

// byUser: on phones the detail slides over the page only when the user asks for it.
function showPassage(index, { byUser = true } = {}) {
  const passage = state.passages[index];
  if (!passage) return;
  const phone = matchMedia('(max-width: 900px)').matches;
  if (byUser) document.body.classList.add('detail-open');
  // On phones the sheet covers the lower half: bring the passage to the top.
  pageView.select(index, { reveal: byUser && phone });
  const source = state.sources.get(passage.sourceId);
  renderDetail($('detail'), {
    passage, index, count: state.passages.length, pageText: state.page.text,
    sourceText: source?.text ?? '', hue: colorOf(passage.sourceId),
  });
}

const pageView = new PageView($('page-view'), { onSelect: (i) => showPassage(i) });
$('detail').addEventListener('click', (event) => {
  if (event.target.closest('.close-detail')) document.body.classList.remove('detail-open');
});

function setPage({ text, title = '', exampleId = '' }) {
  state.page = { text, title: title || guessTitle(text), exampleId };
  renderExampleSelect();
  return check();
}

// ---- the page editor: paste text or HTML, or drop a file ----------------------
function openEditor(open) {
  $('page-editor').hidden = !open;
  $('edit-page').setAttribute('aria-expanded', String(open));
  if (open) $('page-input').focus();
}

async function pageFromFile(file) {
  try {
    const { title, text } = await fileToText(file);
    if (!text.trim()) throw new Error('it has no text');
    openEditor(false);
    await setPage({ text, title });
  } catch (error) {
    say(`Could not read ${file.name}: ${error.message}`, { error: true });
  }
}

$('edit-page').addEventListener('click', () => openEditor($('page-editor').hidden));
$('cancel-page').addEventListener('click', () => openEditor(false));
$('page-editor').addEventListener('keydown', (e) => { if (e.key === 'Escape') openEditor(false); });
$('page-editor').addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = $('page-input').value;
  if (!raw.trim()) { say('Paste a page first.', { error: true }); return; }
  const { title, text } = looksLikeHtml(raw) ? htmlToText(raw) : { title: '', text: raw };
  openEditor(false);
  setPage({ text, title });
});
// Pasted HTML (copied from a browser) keeps its paragraphs; its markup is dropped.
$('page-input').addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html');
  if (!html) return;
  event.preventDefault();
  const { text } = htmlToText(html);
  const input = event.target;
  input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
});
$('page-file').addEventListener('change', (e) => { if (e.target.files[0]) pageFromFile(e.target.files[0]); e.target.value = ''; });
for (const zone of [$('page-view'), $('page-editor')]) {
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('drop'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('drop');
    if (e.dataTransfer.files[0]) pageFromFile(e.dataTransfer.files[0]);
  });
}

function renderExampleSelect() {
  const select = $('example-select');
  const options = state.demo.sources.map((s) => el('option', { value: s.id }, `Seed ${s.id}: ${s.title}`));
  if (!state.page.exampleId) options.unshift(el('option', { value: '' }, `Your page: ${state.page.title}`));
  select.replaceChildren(...options);
  select.value = state.page.exampleId;
}
$('example-select').addEventListener('change', (event) => {
  const example = state.demo.sources.find((s) => s.id === event.target.value);
  if (example) setPage({ text: example.text, title: example.title, exampleId: example.id });
});

// ---- the library --------------------------------------------------------------
function renderLibrary() {
  const query = $('library-search').value.trim().toLowerCase();
  const list = $('library-list');
  const items = [];
  for (const source of state.sources.values()) {
    if (query && !`${source.title}\n${source.url}\n${source.text}`.toLowerCase().includes(query)) continue;
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--hue', String(colorOf(source.id)));
    const title = source.url
      ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.title)
      : el('span', {}, source.title);
    const share = state.shares.get(source.id);
    const words = wordsOf(source);
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${source.title}` }, '×');
    remove.addEventListener('click', () => removeSource(source.id));
    items.push(el('li', { 'data-id': source.id },
      swatch,
      el('span', { class: 'title' }, title),
      el('span', { class: 'info' }, `${words.toLocaleString()} words` + (share ? ` · ${Math.round(share * 100)}% of this page` : '')),
      remove));
  }
  list.replaceChildren(...items);
  if (!items.length) list.append(el('li', { class: 'empty' }, query ? 'No source matches the search.' : 'The library is empty: add a source.'));
  $('library-count').textContent = `${state.sources.size} source${state.sources.size === 1 ? '' : 's'}` +
    (state.store?.persistent === false ? ' (not saved: this browser offers no storage here)' : '');
}
$('library-search').addEventListener('input', renderLibrary);

const newId = () => `src-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// Adds sources to the matcher and to storage, all or nothing: a source the
// matcher refuses is reported, and if storage fails none of them is kept.
async function addSources(records) {
  const stamped = records.map((r, i) => ({ id: r.id || newId(), title: r.title || guessTitle(r.text),
    url: r.url ?? '', text: r.text, added: Date.now() + i / 1000 }));
  const { errors } = await state.lens.addSources(stamped);
  const refused = new Set(errors.map((e) => e.index));
  const added = stamped.filter((_, i) => !refused.has(i));
  try {
    await state.store.put(added);
  } catch (error) {
    for (const s of added) await state.lens.removeSource(s.id);
    throw error;
  }
  keepSources(added);
  return { added, errors };
}

function reportAdded({ added, errors }, { what = 'source', skipped = 0 } = {}) {
  const names = added.length === 1 ? `“${added[0].title}”` : `${added.length} ${what}s`;
  const refused = errors.length ? ` ${errors.length} refused: ${errors.map((e) => e.message).join('; ')}` : '';
  const already = skipped ? ` ${skipped} already in the library.` : '';
  say((added.length ? `Added ${names}.` : 'Nothing added.') + refused + already, { error: errors.length > 0 });
}

async function removeSource(id) {
  const source = state.sources.get(id);
  if (!source) return;
  try {
    // Storage first: if it fails, the source stays in both places.
    await state.store.remove(id);
  } catch (error) {
    say(`“${source.title}” could not be removed: ${error.message}`, { error: true });
    return;
  }
  await state.lens.removeSource(id);
  forgetSource(id);
  await check();
  const undo = async () => {
    try {
      const result = await addSources([source]);
      await check();
      reportAdded(result);
    } catch (error) {
      say(error.message, { error: true });
    }
  };
  say(`Removed “${source.title}”.`, { action: { label: 'Undo', run: undo } });
}

$('source-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const raw = $('source-text').value;
  if (!raw.trim()) { say('Paste the text of the source first.', { error: true }); return; }
  const fromHtml = looksLikeHtml(raw) ? htmlToText(raw) : { title: '', text: raw };
  try {
    const result = await addSources([{ title: $('source-title').value.trim() || fromHtml.title,
      url: $('source-url').value.trim(), text: fromHtml.text }]);
    if (result.added.length) $('source-form').reset();
    await check();
    reportAdded(result);
  } catch (error) {
    say(error.message, { error: true });
  }
});

// Files as sources: .txt and .html one source each; .json an array of sources.
async function sourcesFromFiles(files) {
  const records = [];
  for (const file of files) {
    if (/\.json$/i.test(file.name)) records.push(...parseSourcesJson(await file.text(), file.name));
    else {
      const { title, text } = await fileToText(file);
      if (text.trim()) records.push({ title, text });
    }
  }
  return records;
}

async function addFiles(files) {
  try {
    say(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`);
    const result = await addSources(await sourcesFromFiles(files));
    await check();
    reportAdded(result);
  } catch (error) {
    say(error.message, { error: true });
  }
}
$('source-files').addEventListener('change', (e) => { addFiles([...e.target.files]); e.target.value = ''; });
$('source-text').addEventListener('dragover', (e) => e.preventDefault());
$('source-text').addEventListener('drop', (e) => {
  if (!e.dataTransfer.files.length) return;
  e.preventDefault();
  addFiles([...e.dataTransfer.files]);
});

// ---- import and export --------------------------------------------------------
// Imported sources join the library; one already there (same id and text) is
// skipped, and an id taken by another text gets a new one.
async function importLibrary(file) {
  try {
    const records = /\.json$/i.test(file.name)
      ? parseSourcesJson(await file.text(), file.name)
      : await sourcesFromLibraryFile(new Uint8Array(await file.arrayBuffer()), file.name, createReuseLensWorker);
    const fresh = records.filter((r) => !(r.id && state.sources.get(r.id)?.text === r.text))
      .map((r) => (r.id && state.sources.has(r.id) ? { ...r, id: `${r.id}-${newId()}` } : r));
    const result = await addSources(fresh);
    await check();
    reportAdded(result, { skipped: records.length - fresh.length });
  } catch (error) {
    say(error.message, { error: true });
  }
}
$('import-library').addEventListener('change', (e) => { if (e.target.files[0]) importLibrary(e.target.files[0]); e.target.value = ''; });

$('export-library').addEventListener('click', async () => {
  downloadBytes(await state.lens.save(), 'reuselens-library.rlens');
  say(`Exported ${state.sources.size} sources (reuselens-library.rlens; the CLI reads it too).`);
});

// Restoring the demo adds back the seed articles that are missing; it never
// removes what the user added.
$('reset-library').addEventListener('click', async () => {
  const missing = state.demo.sources.filter((s) => !state.sources.has(s.id));
  if (!missing.length) { say('The demo sources are all in the library.'); return; }
  try {
    const result = await addSources(missing);
    await check();
    reportAdded(result, { what: 'demo source' });
  } catch (error) {
    say(error.message, { error: true });
  }
});

// ---- start-up -----------------------------------------------------------------
async function start() {
  const [lens, store, demo] = await Promise.all([
    createReuseLensWorker(),
    openLibraryStore(),
    fetch('demo-library.json').then((r) => {
      if (!r.ok) throw new Error(`demo-library.json: HTTP ${r.status}`);
      return r.json();
    }),
  ]);
  Object.assign(state, { lens, store, demo });
  // The first visit starts with the demo library; after that the library is the user's.
  if (!(await store.seeded())) {
    await store.replaceAll(demo.sources.map((s, i) => ({ ...s, added: i })));
  }
  const saved = await store.all();
  const { errors } = await lens.addSources(saved);
  const refused = new Set(errors.map((e) => e.index));
  keepSources(saved.filter((_, i) => !refused.has(i)));
  if (errors.length) say(`${errors.length} saved sources could not be loaded: ${errors[0].message}`, { error: true });
  const example = demo.sources.find((s) => s.id === demo.defaultPage) ?? demo.sources[0];
  await setPage({ text: example.text, title: example.title, exampleId: example.id });
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  $('summary-text').textContent = 'ReuseLens could not start.';
  say(`ReuseLens could not start: ${error.message}`, { error: true });
});
