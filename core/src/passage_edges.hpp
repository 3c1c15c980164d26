// Where a passage begins and ends: widening a side to given tokens or to
// whole sentences, and cutting edge lines or sentences that the other text
// does not share. Internal to align.cpp (not part of the public headers).
#pragma once
#include <cstdint>
#include <utility>

#include "reuselens/document.hpp"
#include "reuselens/passage.hpp"
#include "reuselens/refine.hpp"

namespace reuselens {

// The sentence of `doc` that holds token `t`.
Sentence sentence_at(const Document& doc, std::uint32_t t);

// The first token of the part of token `t`'s sentence that lies in t's line,
// and one past its last: a line without a full stop (a heading, a list
// item) is not part of the sentence the tokenizer runs on into. kNoLine when
// that is more than `limit` tokens away from t (only that many are looked at).
constexpr std::uint32_t kNoLine = UINT32_MAX;
std::uint32_t line_start(const Document& doc, std::uint32_t t, std::uint32_t limit);
std::uint32_t line_end(const Document& doc, std::uint32_t t, std::uint32_t limit);

// Widens a passage's source side to [first, last): the added words become
// deleted steps, so the alignment still covers both ranges.
void widen_source(Passage& p, std::uint32_t first, std::uint32_t last);

// Widens a passage's page side to [first, last): the added words become
// inserted steps.
void widen_page(Passage& p, std::uint32_t first, std::uint32_t last);

// Widens a passage over the page words beside it that its word alignment
// left out but that a restatement moved: at each end, the widest stretch out
// to page token `page_first` or `page_last` that ends on a content word found
// in source tokens [source_first, source_last) (same stem or synonym), with
// half of its content words, and at least two, found there. A source word
// vouches for one page word only, and for none when the alignment already
// pairs it. The source side widens to take in the words found outside it (each at its
// nearest use). Added words become inserted and deleted steps.
void widen_over_moved_words(Passage& p, const Document& page, const Document& source, std::uint32_t page_first,
                            std::uint32_t page_last, std::uint32_t source_first, std::uint32_t source_last);

// True when token `t` (> 0) of `doc` begins a line or a sentence.
bool starts_segment(const Document& doc, std::uint32_t t);

// Drops a page segment at either end of a trimmed alignment that holds a
// single corresponding content word and no exact one. Returns false when
// nothing is left.
bool drop_lone_edge_segments(Passage& p, const Document& page, const RefineOptions& options);

// `[first, last)` of `doc` without the segments at its ends in which fewer
// than `share` of the content words, or none, occur in `other`'s
// `[other_first, other_last)`.
std::pair<std::uint32_t, std::uint32_t> related_part(const Document& doc, std::uint32_t first, std::uint32_t last,
                                                     const Document& other, std::uint32_t other_first,
                                                     std::uint32_t other_last, double share);

// Widens the ranges page [page_first, page_last) and source [source_first,
// source_last) over the page sentence and the source sentence (its part in
// the line, line_start) just before them, and then those just after, while at
// least `share` of the page part's content words, and two or more, occur in
// the source part (same stem or synonym); up to `max_steps` at each end. A page
// sentence of more than 50 words or a source one of more than 200 stops it.
void take_in_related_neighbours(const Document& page, std::uint32_t& page_first, std::uint32_t& page_last,
                                const Document& source, std::uint32_t& source_first, std::uint32_t& source_last,
                                double share, std::uint32_t max_steps);

// Widens a passage's source side over the segments (lines, sentences) next
// to it, up to `max_segments` on each side, while at least `share` of a
// segment's content words, and two or more, are page words of the passage
// that its alignment left out and its source side lacks (same stem).
void widen_source_over_moved_segments(Passage& p, const Document& page, const Document& source, double share,
                                      std::uint32_t max_segments);

// Widens a passage over the words just before and after it that are synonyms
// of the source's words there, a word or a phrase on each side ("talked about
// areas" for "discussed areas"), within the sentences it starts and ends in:
// no shared n-gram seeds them. The words become synonym steps; the caller
// summarizes the alignment again. Returns true when it widened.
bool widen_over_adjacent_synonyms(Passage& p, const Document& page, const Document& source);

// Widens a passage's source side to the sentences it starts and ends in, when
// that adds at most `max_words` words at each end, but not past a line break
// (line_start, line_end): PAN's source cases start after a heading line
// without a full stop, and end at a line's end. PAN13: random .9292 -> .9317,
// translation .9370 -> .9410 (source precision), the rest unchanged.
void snap_source_to_sentences(Passage& p, const Document& source, std::uint32_t max_words);

}  // namespace reuselens
