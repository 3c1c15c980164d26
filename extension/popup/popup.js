// The toolbar popup: opening it checks the current tab (the click grants the
// activeTab permission), then lists the passages with jump-to, the share of the
// page per source, and the page's actions and settings.
import { el } from '../../web/dom.js';
import { ext, hasAllSitesAccess } from '../platform/browser.js';
import { ask, say, toggleAutoCheck } from '../shared/page-ui.js';
import { loadSettings, saveSettings, siteOf } from '../shared/settings.js';

const $ = (id) => document.getElementById(id);
const percent = (x) => `${Math.round(x * 100)}%`;

function render(result, tabId) {
  const { passages, shares, reused } = result;
  if (!passages.length) {
    say('No passage of this page reuses a source in your library.');
  } else {
    const sources = shares.length === 1 ? '1 source' : `${shares.length} sources`;
    say(`${percent(reused)} of this page reuses ${sources} of your library (${passages.length} passage${passages.length === 1 ? '' : 's'}).`);
  }
  $('bar').replaceChildren(...shares.map((s) => {
    const segment = el('span', { class: 'segment', title: `${s.title}: ${percent(s.share)}` });
    segment.style.setProperty('--hue', String(s.hue));
    segment.style.width = `${(s.share * 100).toFixed(2)}%`;
    return segment;
  }));
  $('bar').setAttribute('aria-label', shares.length ? shares.map((s) => `${s.title} ${percent(s.share)}`).join(', ') : 'No reuse found');
  $('shares').replaceChildren(...shares.map((s) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--hue', String(s.hue));
    return el('li', {}, swatch, `${s.title}: ${percent(s.share)}`);
  }));
  $('passages').replaceChildren(...passages.map((p, i) => {
    const button = el('button', { type: 'button', 'aria-label': `Go to passage ${i + 1}: ${p.kind}, from ${p.sourceTitle}` },
      el('span', {}, el('span', { class: 'kind' }, p.kind), ` · ${p.sourceTitle}${p.quoted ? ' · quoted' : ''} · ${p.score.toFixed(2)}`),
      el('span', { class: 'excerpt' }, p.text));
    button.style.setProperty('--hue', String(p.hue));
    button.addEventListener('click', () => ask({ type: 'reveal', tabId, index: i }).catch((e) => say(e.message, { error: true })));
    return el('li', {}, button);
  }));
}

async function check(tabId) {
  say('Checking this page…');
  try {
    await ask({ type: 'check', tabId });
    render(await ask({ type: 'result', tabId }), tabId);
  } catch (error) {
    say(error.message, { error: true });
  }
}

async function start() {
  // popup.html?tab=N: the panel for tab N, when it is opened as a page of its own
  // (a window kept beside the article, or a test); else the tab it was opened over.
  const asked = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  const tab = Number.isInteger(asked) ? await ext.tabs.get(asked).catch(() => null)
    : (await ext.tabs.query({ active: true, currentWindow: true }))[0];
  const tabId = tab?.id;
  const site = siteOf(tab?.url ?? '');
  $('site-name').textContent = site || 'this site';
  const settings = await loadSettings();
  $('auto-check').checked = settings.autoCheck && await hasAllSitesAccess();
  $('site-off').checked = settings.disabledSites.includes(site);
  $('site-off').disabled = !site;

  $('recheck').addEventListener('click', () => check(tabId));
  $('clear').addEventListener('click', async () => {
    await ask({ type: 'clear', tabId });
    render({ passages: [], shares: [], reused: 0 }, tabId);
    say('Highlights removed.');
  });
  $('add-page').addEventListener('click', async () => {
    try {
      const added = await ask({ type: 'addPage', tabId });
      say(added.replaced ? 'This page was already in the library; its text was updated.' : 'This page is now in your library.');
      refreshSize();
    } catch (error) {
      say(`Could not add this page: ${error.message}`, { error: true });
    }
  });
  $('auto-check').addEventListener('change', toggleAutoCheck);
  $('site-off').addEventListener('change', async (event) => {
    const { disabledSites } = await loadSettings();
    const rest = disabledSites.filter((s) => s !== site);
    await saveSettings({ disabledSites: event.target.checked ? [...rest, site] : rest });
  });
  refreshSize();
  if (tabId !== undefined) await check(tabId);
}

async function refreshSize() {
  const list = await ask({ type: 'library:list' }).catch(() => []);
  $('library-size').textContent = String(list.length);
}

start();
