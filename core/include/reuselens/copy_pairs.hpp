// Pairs that reuse by copying. In a corpus built one obfuscation per pair
// (PAN: a pair's cases are all verbatim, or all obfuscated the same way), a
// page that copies a source verbatim somewhere reuses it by copying; sentences
// elsewhere on the page that merely resemble the source's are the shared
// topic, not more reuse. Sanchez-Perez, Gelbukh and Sidorov (PAN 2015) first
// recognize a pair's obfuscation type and answer accordingly; this is that
// idea for the verbatim type.
#pragma once
#include <vector>

#include "reuselens/passage.hpp"

namespace reuselens {

// True when one of `passages` is a verbatim copy found from shared words (not
// from similar sentences).
bool has_verbatim_copy(const std::vector<Passage>& passages);

// The passages of one page-source pair without the ones found by sentence
// similarity, when the pair has a verbatim copy; unchanged otherwise. Order
// is kept.
std::vector<Passage> drop_restatements_beside_copies(std::vector<Passage> passages);

}  // namespace reuselens
