// What every example page shares, as a CMS would have it: the matcher in a
// worker, loaded with the demo library (the seed articles); a sidebar that lists
// the passages the adapter reports; a sample draft to paste. The adapters
// themselves are wired in each example's main.js.
import { createReuseLensWorker } from 'reuselens/client';

// The sample draft is the spun copy (seed 000), so the library leaves it out:
// the highlights show what it took from the other articles, not itself.
const SAMPLE_ID = '000';

/** Starts the worker and loads the demo library: {lens, sources, sample}. */
export async function loadDemoLibrary() {
  const lens = await createReuseLensWorker();
  const response = await fetch(new URL('../../demo-library.json', import.meta.url));
  if (!response.ok) throw new Error(`the demo library did not load (${response.status})`);
  const { sources } = await response.json();
  const library = sources.filter((s) => s.id !== SAMPLE_ID);
  const { errors } = await lens.addSources(library);
  if (errors.length) throw new Error(`the demo library has sources the matcher refused: ${errors.map((e) => e.message).join('; ')}`);
  const sample = sources.find((s) => s.id === SAMPLE_ID)?.text ?? '';
  return { lens, sources: library, sample: samplePart(sample) };
}

// The sample's first paragraphs after its title: a draft of a few hundred words.
function samplePart(text) {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(1, 5).join('\n\n');
}

/**
 * Renders the passages as the host CMS's sidebar would; a click reveals one in
 * the editor. Rows are updated in place and hidden, never removed: Chromium ends
 * the current undo step of native editing (contenteditable, textarea) whenever a
 * node leaves the document, and this runs on every keystroke.
 */
export function renderSidebar(list, status, passages, { pending, reveal }) {
  while (list.children.length < passages.length) list.append(sidebarRow(list.children.length, reveal));
  [...list.children].forEach((item, i) => {
    const p = passages[i];
    item.hidden = !p;
    if (!p) return;
    const button = item.firstChild;
    button.style.setProperty('--hue', String(p.hue));
    setText(button.querySelector('.meta'), `${p.kind} · ${p.sourceTitle || p.sourceId} · ${p.score.toFixed(2)}${p.quoted ? ' · quoted' : ''}`);
    setText(button.querySelector('.excerpt'), p.text);
  });
  setText(status, pending ? 'Checking…'
    : passages.length ? `${passages.length} passage${passages.length === 1 ? '' : 's'} reuse${passages.length === 1 ? 's' : ''} the library`
      : 'No reuse found');
  document.body.dataset.pending = String(pending);
  document.body.dataset.passages = String(passages.length);
}

function sidebarRow(index, reveal) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'passage';
  const meta = document.createElement('span');
  meta.className = 'meta';
  const excerpt = document.createElement('span');
  excerpt.className = 'excerpt';
  meta.append('');
  excerpt.append('');
  button.append(meta, excerpt);
  button.addEventListener('click', () => reveal(index));
  const item = document.createElement('li');
  item.append(button);
  return item;
}

// Changes an element's one text node, so no node is removed.
function setText(element, text) {
  if (element.firstChild?.nodeType === Node.TEXT_NODE && element.childNodes.length === 1) element.firstChild.nodeValue = text;
  else element.textContent = text;
}

/** Marks the page ready for people (the status line) and for tests (data-ready). */
export function ready(status, sources) {
  status.textContent = `Library: ${sources.length} sources. Type or paste a draft.`;  // before any typing
  document.body.dataset.ready = 'true';
}

/** Shows a failure where the user looks, not only in the console. */
export function fail(status, error) {
  status.textContent = `ReuseLens could not start: ${error.message}`;
  status.classList.add('error');
  document.body.dataset.ready = 'error';
  throw error;
}
