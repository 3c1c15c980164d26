#include "reuselens/match.hpp"

#include <algorithm>

#include "reuselens/moves.hpp"

namespace reuselens {

std::vector<Passage> match(const Library& library, const Document& page, const MatchOptions& options) {
  std::vector<Passage> all;
  const auto excluded = [&](std::uint32_t source) {
    return std::find(options.exclude.begin(), options.exclude.end(), source) != options.exclude.end();
  };
  // Excluded sources must not take the places of the candidates after them.
  std::size_t aligned = 0;
  for (const Library::Candidate& c : library.candidates(page, options.max_candidates + options.exclude.size())) {
    if (excluded(c.source)) continue;
    if (aligned++ == options.max_candidates) break;
    for (Passage& p : align(page, library.document(c.source), options.align)) {
      if (library.is_boilerplate(page, p.page_first_token, p.page_last_token)) continue;
      p.source = c.source;
      all.push_back(std::move(p));
    }
  }
  std::vector<Passage> passages = resolve_overlaps(
      std::move(all), page, [&](std::uint32_t source) -> const Document& { return library.document(source); },
      options.align, OverlapScope::kAcrossSources);
  // Last, as resolve_overlaps cuts alignments and expects them in order.
  for (Passage& p : passages) mark_moved_words(p, page, library.document(p.source));
  return passages;
}

}  // namespace reuselens
