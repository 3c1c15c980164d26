// The text of the live page and where each character of it lives in the DOM.
//
// Which text: on article pages, the article Readability finds (run on a clone, so
// the page is never touched); elsewhere every visible text node, open shadow
// roots and same-origin iframes included (web/embed/dom-text.js reads it).
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { TextBuilder, walk } from '../../web/embed/dom-text.js';

export { segmentIndexAt, nodeOffset, textOffset, rangesOf } from '../../web/embed/dom-text.js';

const MIN_ARTICLE_CHARS = 500;  // less than this from Readability: read the whole page instead

// Lets the page's own work run between the steps of reading a long page, so no
// step holds its main thread long (not throttled in background tabs, unlike timers).
function yieldToPage() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

// The live text nodes of the article Readability finds, or null (no article).
async function articleTextNodes(doc) {
  if (!isProbablyReaderable(doc)) return null;
  const clone = doc.cloneNode(true);
  // cloneNode keeps the tree's shape: pair each clone text node with its original.
  const toLive = new Map();
  const live = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const copy = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  while (live.nextNode() && copy.nextNode()) toLive.set(copy.currentNode, live.currentNode);
  await yieldToPage();
  let article;
  try {
    article = new Readability(clone, { serializer: (el) => el }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  await yieldToPage();
  const keep = new Set();
  let chars = 0;
  const inArticle = clone.createTreeWalker(article.content, NodeFilter.SHOW_TEXT);
  while (inArticle.nextNode()) {
    const original = toLive.get(inArticle.currentNode);
    if (original) {
      keep.add(original);
      chars += original.nodeValue.trim().length;
    }
  }
  if (chars < MIN_ARTICLE_CHARS) return null;
  // Readability keeps the headline out of its content; the reader sees it.
  const title = article.title?.trim();
  for (const h of doc.querySelectorAll('h1, h2')) {
    if (title && h.textContent.trim() === title) {
      const inTitle = doc.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      while (inTitle.nextNode()) keep.add(inTitle.currentNode);
      break;
    }
  }
  return keep;
}

/**
 * Resolves {text, segments, mode}: the page's text (mode 'article' or 'page')
 * and its map to the DOM. In steps, yielding to the page between them.
 */
export async function collectText(doc = document) {
  const keep = await articleTextNodes(doc);
  const builder = new TextBuilder();
  walk(doc.body ?? doc.documentElement, builder, keep);
  return { text: builder.text(), segments: builder.segments, mode: keep ? 'article' : 'page' };
}

