// The text of a ProseMirror document as the checker reads it, and the way back
// from offsets of that text to document positions.
//
// Each textblock is a paragraph of the text, separated from the next by a blank
// line (as the contenteditable adapter reads blocks, and as TipTap's getText
// does), so the checker's paragraphs are the editor's paragraphs and the same
// draft reads the same in every adapter. Inside a textblock: text as it is (the
// editor shows it with white-space: pre-wrap, so nothing collapses); a line
// break node is "\n"; other inline leaves (images, mentions) are their
// leafText when the schema gives one, else a space, so the words on either side
// stay apart.

const BLOCK_SEPARATOR = '\n\n';

/**
 * Reads `doc`: {doc, text, segments}. segments [{start, end, pos, size}] in
 * text order: text [start, end) comes from the document's [pos, pos + size);
 * for text nodes size = end - start and offsets map one to one, for a leaf node
 * its whole text stands for its one position.
 */
export function readDoc(doc) {
  let text = '';
  const segments = [];
  const add = (part, pos, size) => {
    segments.push({ start: text.length, end: text.length + part.length, pos, size });
    text += part;
  };
  let blocks = 0;
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    if (blocks++ > 0) text += BLOCK_SEPARATOR;
    block.descendants((node, offset) => {
      const pos = blockPos + 1 + offset;
      if (node.isText) add(node.text, pos, node.nodeSize);
      else if (node.isLeaf) {
        const part = leafText(node);
        if (part) add(part, pos, node.nodeSize);
      }
      return true;
    });
    return false;
  });
  return { doc, text, segments };
}

// A line break is the schema's linebreakReplacement (TipTap's hardBreak) or a
// node parsed from <br> (prosemirror-schema-basic's hard_break).
function leafText(node) {
  const { spec, schema } = node.type;
  if (spec.leafText) return spec.leafText(node);
  if (schema.linebreakReplacement === node.type || spec.parseDOM?.some((rule) => rule.tag === 'br')) return '\n';
  return node.isInline ? ' ' : '';
}

/**
 * The document range [from, to) of text [start, end); null when no document
 * content lies in it (only separators). Ends that fall between blocks move
 * inwards, onto the nearest content of the range.
 */
export function rangeOf({ segments }, start, end) {
  let i = firstEndingAfter(segments, start);
  if (i >= segments.length || segments[i].start >= end) return null;
  const first = segments[i];
  const from = first.pos + (isLeaf(first) ? 0 : Math.max(0, start - first.start));
  i = firstEndingAfter(segments, end - 1);  // holds the range's last character, unless that is a separator
  const last = i < segments.length && segments[i].start < end ? segments[i] : segments[i - 1];
  const to = last.pos + (isLeaf(last) ? last.size : Math.min(end, last.end) - last.start);
  return to > from ? { from, to } : null;
}

const isLeaf = (segment) => segment.size !== segment.end - segment.start;

// The index of the first segment whose text ends after `offset` (binary search).
function firstEndingAfter(segments, offset) {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
