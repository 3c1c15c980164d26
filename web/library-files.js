// Library files that users import and export: JSON lists of sources and the
// core's saved library format (.rlens, which `reuselens library build` writes).
// Shared by the web demo and the extension's library page.
import { el } from './dom.js';

/** [{id?, title?, url?, text}] or {sources: [...]}; refused whole if any entry is bad. */
export function parseSourcesJson(json, name) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${error.message}); nothing was imported`);
  }
  const list = Array.isArray(data) ? data : data?.sources;
  if (!Array.isArray(list)) throw new Error(`${name}: expected an array of sources or {"sources": [...]}; nothing was imported`);
  list.forEach((s, i) => {
    if (typeof s?.text !== 'string' || !s.text.trim()) throw new Error(`${name}: source ${i + 1} has no text; nothing was imported`);
    for (const key of ['id', 'title', 'url']) {
      if (s[key] !== undefined && typeof s[key] !== 'string') throw new Error(`${name}: source ${i + 1} has a ${key} that is not a string; nothing was imported`);
    }
  });
  return list.map((s) => ({ id: s.id, title: s.title, url: s.url, text: s.text }));
}

/**
 * The sources of a saved library file, read in a worker of its own (made by
 * createReader, e.g. createReuseLensWorker) so a corrupt file cannot touch the
 * library in use.
 */
export async function sourcesFromLibraryFile(bytes, name, createReader) {
  const reader = await createReader();
  try {
    try {
      await reader.load(bytes);
    } catch (error) {
      throw new Error(`${name} is not a ReuseLens library (${error.message}); nothing was imported`);
    }
    const infos = await reader.sources();
    // Awaited here: the finally below stops the worker.
    return await Promise.all(infos.map(async (s) => ({ id: s.id, title: s.title, url: s.url, text: await reader.sourceText(s.id) })));
  } finally {
    reader.terminate();
  }
}

/** Offers bytes as a file download. */
export function downloadBytes(bytes, filename) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = el('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
