// Words a passage moved: a restated sentence keeps some of its source's words
// but puts them elsewhere ("the Pentagon cut off high-level discussions with
// Moscow" -> "high-level talks with Moscow were severed by the Pentagon"). The
// word alignment is monotone, so it can only call such a word added on the
// page and left out of the source; this pairs the two up again, for the reader.
#pragma once

#include "reuselens/document.hpp"
#include "reuselens/passage.hpp"

namespace reuselens {

// Turns each inserted page word that has an unpaired deleted source word of
// the same stem into one kMoved step (at the page word) and drops that
// deleted step. Function words, ideographs and web addresses are not paired:
// they recur too often for a pairing to mean anything. Among several
// candidates, the source word nearest to where the page word would sit in
// proportion is taken. Only the alignment changes: ranges, score and kind stay.
void mark_moved_words(Passage& passage, const Document& page, const Document& source);

}  // namespace reuselens
