// Matching a page against a library: candidates first, then alignment with each
// candidate, then one answer per page passage.
#pragma once
#include <cstdint>
#include <vector>

#include "reuselens/align.hpp"
#include "reuselens/library.hpp"

namespace reuselens {

struct MatchOptions {
  AlignOptions align;
  std::size_t max_candidates = 50;  // sources aligned in full
  // Library indexes of sources to leave out, e.g. the page itself when it is
  // also in the library (it would match itself whole and hide every other source).
  std::vector<std::uint32_t> exclude;
};

// Passages in page order; Passage::source is the library index of the source.
// Where passages from different sources overlap on the page, the better one
// keeps the overlap. Alignments mark moved words (moves.hpp).
std::vector<Passage> match(const Library& library, const Document& page, const MatchOptions& options = {});

}  // namespace reuselens
