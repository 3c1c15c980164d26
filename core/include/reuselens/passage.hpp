// A reused passage: a range of the page that reuses a range of one source.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace reuselens {

enum class PassageKind : std::uint8_t {
  kVerbatim,  // the same words in the same order (normalization aside)
  kEdited,    // a copy with a few words inserted, deleted or replaced
};

const char* kind_name(PassageKind kind);

// A run of identical tokens: page tokens [page, page+length) equal source
// tokens [source, source+length).
struct Run {
  std::uint32_t page = 0;
  std::uint32_t source = 0;
  std::uint32_t length = 0;
};

struct Passage {
  // Byte offsets into the page's and the source's original text. A passage
  // begins at the start of a word and ends at the end of a word, or just past
  // punctuation that directly follows that word in both texts (a closing
  // period or quote), so a copied sentence is reported whole.
  std::uint32_t page_begin = 0, page_end = 0;
  std::uint32_t source_begin = 0, source_end = 0;
  // Token ranges, half open.
  std::uint32_t page_first_token = 0, page_last_token = 0;
  std::uint32_t source_first_token = 0, source_last_token = 0;
  std::uint32_t matched_tokens = 0;  // page tokens aligned to an identical source token
  double score = 0;                  // in [0, 1]: share of both ranges that matches
  PassageKind kind = PassageKind::kVerbatim;
  std::uint32_t source = 0;          // index of the source (meaning set by the caller)
  std::vector<Run> runs;             // the token alignment, in page order, not overlapping
};

}  // namespace reuselens
