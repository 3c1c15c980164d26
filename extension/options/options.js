// The library page: add, paste, import, export, search and remove sources, and
// the settings. The service worker owns the library; this page sends it changes
// and reads files here (a corrupt file is refused before anything is sent).
import { Readability } from '@mozilla/readability';
import { el } from '../../web/dom.js';
import { downloadBytes, parseSourcesJson, sourcesFromLibraryFile } from '../../web/library-files.js';
import { fileToText, guessTitle, htmlToText, looksLikeHtml } from '../../web/page-text.js';
import { createReuseLensWorker } from '../lib/reuselens/client.js';
import { hasAllSitesAccess, packaged } from '../platform/browser.js';
import { ask, say, toggleAutoCheck } from '../shared/page-ui.js';
import { loadSettings } from '../shared/settings.js';

globalThis.Readability = Readability;  // htmlToText uses it for .html files
const BATCH = 200;  // sources per message during imports (progress, bounded messages)
const $ = (id) => document.getElementById(id);
let sources = [];

async function refresh() {
  sources = await ask({ type: 'library:list' });
  $('count').textContent = `(${sources.length})`;
  renderList();
}

function renderList() {
  const query = $('search').value.trim().toLowerCase();
  const shown = query
    ? sources.filter((s) => `${s.title}\n${s.url}\n${s.id}`.toLowerCase().includes(query))
    : sources;
  const items = shown.slice(0, 500).map((s) => {
    const remove = el('button', { type: 'button', 'aria-label': `Remove ${s.title}` }, 'Remove');
    remove.addEventListener('click', () => removeSource(s));
    const title = s.url ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title;
    return el('li', { 'data-id': s.id }, el('span', { class: 'title' }, title),
      el('span', { class: 'meta' }, `${s.length.toLocaleString()} characters`), remove);
  });
  if (shown.length > 500) items.push(el('li', {}, `… and ${shown.length - 500} more: refine the search.`));
  $('list').replaceChildren(...items);
}

async function removeSource(source) {
  try {
    await ask({ type: 'library:remove', ids: [source.id] });
    say(`Removed “${source.title}”.`);
    await refresh();
  } catch (error) {
    say(error.message, { error: true });
  }
}

/** Adds sources in batches with a progress bar; reports how many were stored if one fails. */
async function addAll(list, what) {
  const progress = $('progress');
  progress.hidden = list.length <= BATCH;
  let done = 0;
  try {
    for (let i = 0; i < list.length; i += BATCH) {
      await ask({ type: 'library:add', sources: list.slice(i, i + BATCH) });
      done = Math.min(list.length, i + BATCH);
      progress.value = done / list.length;
      say(`Adding ${what}: ${done} of ${list.length}…`);
    }
    say(`Added ${list.length} source${list.length === 1 ? '' : 's'} from ${what}.`);
  } catch (error) {
    say(`${error.message}${done ? ` (${done} of ${list.length} were added before this)` : ''}`, { error: true });
  } finally {
    progress.hidden = true;
    await refresh();
  }
}

async function sourcesOfFile(file) {
  if (/\.json$/i.test(file.name)) return parseSourcesJson(await file.text(), file.name);
  if (/\.rlens$/i.test(file.name)) {
    const createReader = () => createReuseLensWorker({
      workerUrl: packaged('lib/reuselens/worker.js'), wasmUrl: packaged('lib/reuselens/reuselens_core.wasm'),
    });
    return sourcesFromLibraryFile(new Uint8Array(await file.arrayBuffer()), file.name, createReader);
  }
  const { title, text } = await fileToText(file);
  if (!text.trim()) throw new Error(`${file.name} has no text; nothing was imported`);
  return [{ title, text }];
}

$('import-files').addEventListener('change', async (event) => {
  const files = [...event.target.files];
  event.target.value = '';
  const all = [];
  try {
    for (const file of files) all.push(...await sourcesOfFile(file));
  } catch (error) {
    say(error.message, { error: true });  // refused whole: nothing was sent
    return;
  }
  await addAll(all, files.length === 1 ? files[0].name : `${files.length} files`);
});

$('source-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const raw = $('source-text').value;
  const parsed = looksLikeHtml(raw) ? htmlToText(raw) : { title: '', text: raw };
  const title = $('source-title').value.trim() || parsed.title || guessTitle(parsed.text);
  try {
    await ask({ type: 'library:add', sources: [{ title, url: $('source-url').value.trim(), text: parsed.text }] });
    say(`Added “${title}”.`);
    event.target.reset();
    await refresh();
  } catch (error) {
    say(error.message, { error: true });
  }
});

$('export').addEventListener('click', async () => {
  try {
    const base64 = await ask({ type: 'library:export' });
    downloadBytes(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), 'reuselens-library.rlens');
    say(`Exported ${sources.length} sources (reuselens-library.rlens; the reuselens CLI and the web demo read it too).`);
  } catch (error) {
    say(error.message, { error: true });
  }
});

$('clear-library').addEventListener('click', async () => {
  if (!confirm(`Remove all ${sources.length} sources? Export the library first to keep a copy.`)) return;
  await ask({ type: 'library:clear' });
  say('The library is empty.');
  await refresh();
});

$('search').addEventListener('input', renderList);

async function startSettings() {
  const settings = await loadSettings();
  $('auto-check').checked = settings.autoCheck && await hasAllSitesAccess();
  $('disabled-sites').textContent = settings.disabledSites.join(', ') || 'none';
  $('auto-check').addEventListener('change', toggleAutoCheck);
}

refresh().catch((error) => say(error.message, { error: true }));
startSettings();
