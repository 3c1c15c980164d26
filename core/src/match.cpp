#include "reuselens/match.hpp"

namespace reuselens {

std::vector<Passage> match(const Library& library, const Document& page, const MatchOptions& options) {
  std::vector<Passage> all;
  for (const Library::Candidate& c : library.candidates(page, options.max_candidates)) {
    for (Passage& p : align(page, library.document(c.source), options.align)) {
      if (library.is_boilerplate(page, p.page_first_token, p.page_last_token)) continue;
      p.source = c.source;
      all.push_back(std::move(p));
    }
  }
  return resolve_overlaps(
      std::move(all), page, [&](std::uint32_t source) -> const Document& { return library.document(source); },
      options.align);
}

}  // namespace reuselens
