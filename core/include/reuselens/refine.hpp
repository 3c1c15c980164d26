// Token-level alignment of a passage found by seeds: which page words match
// which source words and how (exact, stem, synonym, function word, substituted,
// inserted, deleted). From it follow the passage's exact boundaries, its score
// and its kind.
#pragma once
#include <cstdint>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/passage.hpp"

namespace reuselens {

struct RefineOptions {
  // Drop unmatched words at both ends, so a passage starts and ends on a word
  // that corresponds to the source. PAN's cases are whole sentences, so its
  // profile keeps the page's; source words beyond the first and last
  // correspondence are dropped either way.
  bool trim_edges = true;
  // Ends where fewer than edge_density of edge_window page words correspond
  // are cut (0: off).
  std::size_t edge_window = 10;
  double edge_density = 0.3;
  double summary_ratio = 0.5;  // page side shorter than this share of the source side: a summary
};

// Aligns page tokens [page_first, page_last) with source tokens
// [source_first, source_last) globally, using `anchors` (exact runs in page
// order inside the ranges, may be empty) as fixed points. Fills every field of
// `passage` except `source` and `quoted`. Returns false when nothing in the
// ranges corresponds.
bool refine_passage(Passage& passage, const Document& page, std::uint32_t page_first, std::uint32_t page_last,
                    const Document& source, std::uint32_t source_first, std::uint32_t source_last,
                    const std::vector<Run>& anchors, const RefineOptions& options = {});

// Trims `passage.alignment` (if the options say so; with the page, matched
// function words do not keep a sparse edge) and derives the token ranges,
// runs, counts, score and kind from it. Returns false when no page word
// corresponds to a source word. Byte offsets are finalize_passage's job.
bool summarize_alignment(Passage& passage, const RefineOptions& options = {}, const Document* page = nullptr);

// Derives the token ranges, runs, counts, score and kind from the alignment
// as it is (after a caller widened it). Returns false when no page word
// corresponds to a source word.
bool score_alignment(Passage& passage, const RefineOptions& options = {});

// How a page token relates to a source token when aligned one for one.
StepType relate(const Token& page, const Token& source);

// The longest phrase looked up as a synonym ("united states of america"; as
// MAX_PHRASE_WORDS in scripts/build_synonyms.py).
constexpr std::uint32_t kMaxPhraseWords = 4;

// True when words [a_first, a_last) of `a` and [b_first, b_last) of `b`,
// each a word or a phrase of up to kMaxPhraseWords, share a WordNet synonym
// class ("talked about" and "discussed"; "Russian Federation" and "Russia").
// English texts only.
bool synonymous(const Document& a, std::uint32_t a_first, std::uint32_t a_last, const Document& b,
                std::uint32_t b_first, std::uint32_t b_last);

// True for the steps where the words correspond: exact, stem or synonym.
bool corresponds(StepType type);

// Words that correspond (exact, stem or synonym) on each side.
std::uint32_t similar_tokens(const Passage& passage);

}  // namespace reuselens
