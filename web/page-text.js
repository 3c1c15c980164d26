// Turning what a user pastes or drops into the text to check or to keep as a
// source: plain text as is; HTML parsed (never rendered, so its scripts never
// run), its main article taken by Readability when it finds one, and its
// blocks kept as paragraphs.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD']);
export const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

/** True when the text looks like an HTML document or fragment rather than prose. */
export function looksLikeHtml(text) {
  return /^\s*(<!doctype html|<html[\s>]|<(head|body|article|main|div|p|section|h[1-6])[\s>])/i.test(text);
}

// The text of a DOM subtree with one blank line between blocks.
function blockText(root) {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) { parts.push(node.nodeValue.replace(/\s+/g, ' ')); return; }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName.toUpperCase())) return;
    if (node.hidden || node.getAttribute?.('aria-hidden') === 'true') return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') { parts.push('\n'); return; }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts.join('')
    .split('\n').map((line) => line.trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Style sheets and style attributes are of no use for the text, and parsing them
// makes Chromium report violations of the demo's style-src 'self' policy (even in
// a DOMParser document that is never rendered).
function withoutStyles(html) {
  return html
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}

/**
 * {title, text} of an HTML document: Readability's article when there is one
 * (window.Readability, loaded by index.html), else the body's visible text.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(withoutStyles(html), 'text/html');
  const title = doc.querySelector('title')?.textContent.trim() ?? '';
  if (typeof globalThis.Readability === 'function') {
    try {
      const article = new globalThis.Readability(doc.cloneNode(true)).parse();
      if (article?.content) {
        const body = new DOMParser().parseFromString(article.content, 'text/html').body;
        const text = blockText(body);
        if (text.length > 0) {
          const heading = article.title?.trim() || title;
          // Readability keeps the headline out of the content: put it back on top.
          return { title: heading, text: heading && !text.startsWith(heading) ? `${heading}\n\n${text}` : text };
        }
      }
    } catch {
      // Not an article Readability can read: fall back to the whole body.
    }
  }
  return { title, text: blockText(doc.body ?? doc.documentElement) };
}

/** {title, text} of a dropped or chosen file (.txt or .html). */
export async function fileToText(file) {
  const raw = await file.text();
  const base = file.name.replace(/\.[^.]+$/, '');
  if (/\.html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(raw)) {
    const { title, text } = htmlToText(raw);
    return { title: title || base, text };
  }
  return { title: base, text: raw };
}

/** A title for a text that came without one: its first line of a few words. */
export function guessTitle(text) {
  for (const raw of text.split('\n')) {
    let line = raw.trim().replace(/^#+\s*/, '');
    if (line.includes(' / ')) line = line.split(' / ').pop().trim();  // breadcrumbs
    if (line.split(/\s+/).length >= 4) return line.length > 90 ? `${line.slice(0, 89)}…` : line;
  }
  return 'Untitled source';
}
