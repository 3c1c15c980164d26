// The draft's units of re-checking, and how an edit moves what was found.
// A draft is matched paragraph by paragraph (the runs of text between line
// breaks), so a one-word edit re-matches one paragraph; passages found before
// the edit follow it until that paragraph's new result arrives.

/** The paragraphs of `text`: [{start, end, text}], blank lines left out. */
export function paragraphsOf(text) {
  const paragraphs = [];
  const lines = /[^\n]+/g;
  for (let m; (m = lines.exec(text));) {
    if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return paragraphs;
}

/**
 * The one contiguous change that turns `before` into `after`: `removed` code
 * units of `before` at `at` replaced by `inserted` ones (common prefix and suffix).
 */
export function editBetween(before, after) {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { at: prefix, removed: before.length - prefix - suffix, inserted: after.length - prefix - suffix };
}

/**
 * [start, end) of the old text in the new one; null when the edit removed all of
 * it. An edit inside the range stretches it; one across an end trims it.
 */
export function moveRange(start, end, { at, removed, inserted }) {
  const delta = inserted - removed;
  const cutEnd = at + removed;
  if (end <= at) return [start, end];                         // before the edit
  if (start >= cutEnd) return [start + delta, end + delta];   // after it
  if (start <= at && end >= cutEnd) {                         // the edit lies inside
    return start === at && end === cutEnd && inserted === 0 ? null : [start, end + delta];
  }
  // The edit takes one end of the range away.
  const from = start < at ? start : at + inserted;
  const to = end > cutEnd ? end + delta : at;
  return to > from ? [from, to] : null;
}
