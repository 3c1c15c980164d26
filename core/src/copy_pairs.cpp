#include "reuselens/copy_pairs.hpp"

#include <algorithm>

namespace reuselens {

bool has_verbatim_copy(const std::vector<Passage>& passages) {
  return std::any_of(passages.begin(), passages.end(),
                     [](const Passage& p) { return p.kind == PassageKind::kVerbatim && !p.sentence_seeded; });
}

std::vector<Passage> drop_restatements_beside_copies(std::vector<Passage> passages) {
  if (!has_verbatim_copy(passages)) return passages;
  // A copy inside a paraphrase was taken into it (and is sentence-seeded
  // then), so what stands beside a copy here was found only because whole
  // sentences look alike.
  passages.erase(std::remove_if(passages.begin(), passages.end(), [](const Passage& p) { return p.sentence_seeded; }),
                 passages.end());
  return passages;
}

}  // namespace reuselens
