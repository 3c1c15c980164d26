// A reused passage: a range of the page that reuses a range of one source,
// with the word-by-word alignment that shows how it was changed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace reuselens {

enum class PassageKind : std::uint8_t {
  kVerbatim,    // the same words in the same order (normalization aside)
  kEdited,      // a copy with a few words inserted, deleted or replaced
  kSpun,        // word-for-word substitutions (synonyms, spinner swaps), order kept
  kParaphrase,  // restated: words dropped, added and moved
  kSummary,     // much shorter than the source passage it condenses
};

const char* kind_name(PassageKind kind);

// How a page token relates to a source token in the alignment.
enum class StepType : std::uint8_t {
  kExact,        // same normalized word
  kStem,         // same stem ("talks" / "talk")
  kSynonym,      // WordNet synonyms ("say" / "pronounce")
  kFunction,     // one function word for another ("the" / "a", "which" / "that")
  kSubstituted,  // another word in the same place (spinner swap unknown to WordNet)
  kInserted,     // page word with no source counterpart
  kDeleted,      // source word with no page counterpart
  kMoved,        // page word that is a source word from elsewhere in the passage (moves.hpp); last
                 // value: wasm/bindings.cpp names them up to it
};

const char* step_name(StepType type);

// One step of a token alignment. `page` is absent (kNoToken) for a deleted
// source word, `source` for an inserted page word. Steps come in the order of
// both texts, except the source words of kMoved steps, which stand at their
// page word. A multi-word synonym ("Russian Federation" for "Russia") pairs
// its first words; the longer side's further words follow as kSynonym steps
// with no partner (reported_steps makes them one step).
struct AlignmentStep {
  static constexpr std::uint32_t kNoToken = 0xFFFFFFFFu;
  std::uint32_t page = kNoToken;
  std::uint32_t source = kNoToken;
  StepType type = StepType::kExact;
  bool paired() const { return page != kNoToken && source != kNoToken; }
};

// The steps of a synonym of page words [page_first, page_first + page_words)
// for source words [source_first, source_first + source_words), at least one
// on each side, appended to `out` in the layout described above.
void append_synonym_steps(std::vector<AlignmentStep>& out, std::uint32_t page_first, std::uint32_t page_words,
                          std::uint32_t source_first, std::uint32_t source_words);

// A step as the CLI and the JS API report it: token ranges [first, last) on
// each side, empty where the step has no word. A multi-word synonym is one
// step over all its words, so only inserted words lack a source side and only
// deleted words a page side.
struct ReportedStep {
  StepType type = StepType::kExact;
  std::uint32_t page_first = 0, page_last = 0;
  std::uint32_t source_first = 0, source_last = 0;
};
std::vector<ReportedStep> reported_steps(const std::vector<AlignmentStep>& steps);

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
  double score = 0;                  // in [0, 1]: how much of both ranges corresponds
  PassageKind kind = PassageKind::kVerbatim;
  bool quoted = false;               // inside quotation marks in both texts
  // Found by sentence similarity: already validated as a whole, so it need not
  // be dense in corresponding words (paraphrases shuffle and swap them).
  bool sentence_seeded = false;
  std::uint32_t source = 0;          // index of the source (meaning set by the caller)
  std::vector<Run> runs;             // identical stretches, in page order, not overlapping
  std::vector<AlignmentStep> alignment;  // every token of both ranges once, in order (refine.hpp, moves.hpp)
};

}  // namespace reuselens
