// Words a passage moved: a restated sentence keeps some of its source's words
// but puts them elsewhere ("the Pentagon cut off high-level discussions with
// Moscow" -> "high-level talks with Moscow were severed by the Pentagon"). The
// word alignment is monotone, so it can only call such a word added on the
// page and left out of the source; this pairs the two up again, for the reader.
#pragma once

#include "reuselens/document.hpp"
#include "reuselens/passage.hpp"

namespace reuselens {

// Pairs each page word the alignment added or swapped with a source word of
// the same stem that it left out or swapped, and makes them one kMoved step
// at the page word; a swap that loses one of its words leaves the other added
// or left out. Two swaps that trade words (a spinner's military -> infantry,
// infantry -> battalion) are not paired, nor are function words, ideographs
// and web addresses: they recur too often for a pairing to mean anything.
// Among several candidates, the source word nearest to where the page word
// would sit in proportion is taken. A moved word then takes along the words
// that moved with it: the same word (function words too) beside it on the same
// side in both texts ("talks with Moscow" for "discussions with Moscow" moves
// "with Moscow"). Only the alignment changes: ranges, score and kind stay.
void mark_moved_words(Passage& passage, const Document& page, const Document& source);

// How many words mark_moved_words would mark moved, the passage left as it is.
// They correspond as much as the words the alignment pairs in order.
std::uint32_t count_moved_words(const Passage& passage, const Document& page, const Document& source);

}  // namespace reuselens
