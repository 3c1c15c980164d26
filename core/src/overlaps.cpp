// Overlap resolution on the page, across the passages of one or several
// sources (align.hpp).
#include <algorithm>
#include <utility>
#include <vector>

#include "reuselens/align.hpp"
#include "reuselens/moves.hpp"

namespace reuselens {

namespace {

// Per page token, whether a set of passages covers it: a page repeating an
// article 20,000 times has as many passages, too many to scan for each word.
using PageTokens = std::vector<bool>;

void mark(PageTokens& tokens, const Passage& p) {
  if (p.page_first_token < p.page_last_token)
    std::fill(tokens.begin() + p.page_first_token, tokens.begin() + p.page_last_token, true);
}

bool any_marked(const PageTokens& tokens, const Passage& p) {
  return p.page_first_token < p.page_last_token &&
         std::find(tokens.begin() + p.page_first_token, tokens.begin() + p.page_last_token, true) !=
             tokens.begin() + p.page_last_token;
}

// A summary's score counts the source words it leaves out, as a summary does
// by nature, so any copy inside it would win the overlap and leave a phrase
// where the page condenses an article. It competes instead with the page
// words it explains beyond the verbatim copies on the page, discounted by
// how densely it explains its page side (the page-side likeness a score
// measures for other passages). A "summary" that only strings copies
// together adds nothing and loses to them. PAN13: summary .8110 -> .8135,
// the other sets unchanged; one by one with `match`: summary .5771 -> .5953.
double summary_quality(const Passage& summary, const PageTokens& copied) {
  std::uint32_t beyond_copies = 0;
  for (const AlignmentStep& s : summary.alignment)
    beyond_copies += corresponds(s.type) && s.paired() && !copied[s.page];
  const std::uint32_t page_tokens = std::max<std::uint32_t>(1, summary.page_last_token - summary.page_first_token);
  return beyond_copies * std::min(1.0, static_cast<double>(similar_tokens(summary)) / page_tokens);
}

}  // namespace

std::vector<Passage> resolve_overlaps(std::vector<Passage> passages, const Document& page,
                                      const SourceLookup& source_of, const AlignOptions& options,
                                      OverlapScope scope) {
  // Quality: corresponding words, discounted by what does not correspond, so
  // a dense copy beats a looser passage around it. Within one source, moved
  // words would let a loose passage that happens to share words out of order
  // beat the copy inside it (no-obfuscation PAN13 pairs lose detections).
  PageTokens copied(page.tokens().size(), false);  // by verbatim passages, which summaries compete beyond
  for (const Passage& p : passages)
    if (p.kind == PassageKind::kVerbatim) mark(copied, p);
  std::vector<double> similar(passages.size());
  std::vector<std::size_t> order(passages.size());
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    std::uint32_t corresponding = similar_tokens(p);
    if (scope == OverlapScope::kAcrossSources) corresponding += count_moved_words(p, page, source_of(p.source));
    similar[i] = p.kind == PassageKind::kSummary ? summary_quality(p, copied) : corresponding * p.score;
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (similar[a] != similar[b]) return similar[a] > similar[b];
    if (passages[a].score != passages[b].score) return passages[a].score > passages[b].score;
    // The same words on a narrower stretch: a copy beats the sentence passage
    // around it whose source side was widened to whole sentences.
    const auto extent = [](const Passage& p) {
      return (p.page_last_token - p.page_first_token) + (p.source_last_token - p.source_first_token);
    };
    if (extent(passages[a]) != extent(passages[b])) return extent(passages[a]) < extent(passages[b]);
    if (passages[a].page_first_token != passages[b].page_first_token)
      return passages[a].page_first_token < passages[b].page_first_token;
    // The same page words: the passage that also takes in the quotes around
    // them (both texts share the whole quotation).
    const auto chars = [](const Passage& p) { return p.page_end - p.page_begin; };
    if (chars(passages[a]) != chars(passages[b])) return chars(passages[a]) > chars(passages[b]);
    // One page passage found twice in a source (a headline repeated): name the
    // first occurrence, and always the same one.
    if (passages[a].source != passages[b].source) return passages[a].source < passages[b].source;
    return passages[a].source_first_token < passages[b].source_first_token;
  });
  PageTokens taken(page.tokens().size(), false);  // by the passages kept
  std::vector<Passage> kept;
  for (std::size_t idx : order) {
    Passage& p = passages[idx];
    if (!any_marked(taken, p)) {
      mark(taken, p);
      kept.push_back(std::move(p));
      continue;
    }
    // Split the alignment where it enters taken page tokens; deleted source
    // words stay with the piece they follow.
    std::vector<Passage> pieces(1);
    for (const AlignmentStep& s : p.alignment) {
      if (s.page != AlignmentStep::kNoToken && taken[s.page]) {
        if (!pieces.back().alignment.empty()) pieces.emplace_back();
        continue;
      }
      pieces.back().alignment.push_back(s);
    }
    const Document& source = source_of(p.source);
    for (Passage& piece : pieces) {
      piece.source = p.source;
      piece.quoted = p.quoted;  // a part of a quotation is quoted too
      // A remainder is judged on its own words: the sentence similarity that
      // validated the whole says nothing about a piece of it.
      piece.sentence_seeded = false;
      RefineOptions trim = options.refine;
      trim.trim_edges = true;  // a cut leaves unmatched words at the edges
      if (piece.alignment.empty() || !summarize_alignment(piece, trim, &page)) continue;
      finalize_passage(piece, page, source);
      if (!passes_thresholds(piece, page, source, options)) continue;
      mark(taken, piece);
      kept.push_back(std::move(piece));
    }
  }
  std::sort(kept.begin(), kept.end(),
            [](const Passage& a, const Passage& b) { return a.page_first_token < b.page_first_token; });
  return kept;
}


}  // namespace reuselens
