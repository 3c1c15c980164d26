// The benchmark corpus: libraries of 100, 1,000 and 10,000 sources cut from the
// PAN13 training source documents (3,230 documents, 2.3 million words: cut into
// pieces of about 200 words, there are enough for 10,000), and a 1,500-word page that copies from some of them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PAGE_WORDS = 1500;
const MIN_PIECE_WORDS = 200;

const words = (text) => text.split(/\s+/).filter(Boolean).length;

// Pieces of a document: at least MIN_PIECE_WORDS words each, cut at the first
// line break or sentence end after that; a short tail joins the last piece.
function pieces(text) {
  const out = [];
  let start = 0;
  let count = 0;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    count += 1;
    const end = m.index + m[0].length;
    if (count >= MIN_PIECE_WORDS && (/[.!?]["'”’)]?$/.test(m[0]) || text[end] === '\n')) {
      out.push(text.slice(start, end).trim());
      start = end;
      count = 0;
    }
  }
  const tail = text.slice(start).trim();
  if (tail) {
    if (out.length && count < MIN_PIECE_WORDS / 2) out[out.length - 1] += ` ${tail}`;
    else out.push(tail);
  }
  return out;
}

/**
 * {page, sources(n)}: the page is the first `pageWords` (1,500) words of a
 * suspicious document of the no-obfuscation set (the first one, or the first
 * with at least `pageWords` words when `longEnough`); sources(n) are n pieces,
 * always including the pieces of the documents the page copies from, the rest
 * in a fixed order.
 */
export function loadCorpus(panDir, { pageWords = PAGE_WORDS, longEnough = false } = {}) {
  const pairs = readFileSync(path.join(panDir, '02-no-obfuscation/pairs'), 'utf8').trim().split('\n').map((l) => l.split(' '));
  const [suspFile] = (longEnough && pairs.find(([s]) => words(readFileSync(path.join(panDir, 'susp', s), 'utf8')) >= pageWords)) || pairs[0];
  const copiedFrom = new Set(pairs.filter(([s]) => s === suspFile).map(([, src]) => src));
  const susp = readFileSync(path.join(panDir, 'susp', suspFile), 'utf8');
  const page = susp.split(/(\s+)/).reduce((acc, tok) => {
    if (acc.n < pageWords || !/\S/.test(tok)) acc.parts.push(tok);
    if (/\S/.test(tok)) acc.n += 1;
    return acc;
  }, { parts: [], n: 0 }).parts.join('').trim();

  const files = readdirSync(path.join(panDir, 'src')).sort();
  const ordered = [...files.filter((f) => copiedFrom.has(f)), ...files.filter((f) => !copiedFrom.has(f))];
  const all = [];
  for (const file of ordered) {
    const text = readFileSync(path.join(panDir, 'src', file), 'utf8');
    pieces(text).forEach((piece, i) => all.push({ id: `${file.replace(/\.txt$/, '')}#${i}`, title: file, url: '', text: piece }));
  }
  return {
    page,
    pageFile: suspFile,
    available: all.length,
    sources(n) {
      if (n > all.length) throw new Error(`the corpus has ${all.length} pieces, ${n} asked for`);
      return all.slice(0, n);
    },
  };
}
