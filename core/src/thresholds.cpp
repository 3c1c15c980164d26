// Whether a passage is reuse worth reporting: enough corresponding words,
// dense enough, long enough, and (for passages found by sentence
// similarity) sharing words of its own rather than the two texts' topic.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <vector>

#include "reuselens/align.hpp"
#include "reuselens/synonyms.hpp"

namespace reuselens {

namespace {

// Content-word stems of a token range, sorted.
std::vector<std::uint64_t> content_stems(const Document& d, std::uint32_t first, std::uint32_t last) {
  std::vector<std::uint64_t> v;
  v.reserve(last - first);
  for (std::uint32_t i = first; i < last; ++i)
    if (!(d.tokens()[i].flags & kTokenStopword)) v.push_back(d.tokens()[i].stem);
  std::sort(v.begin(), v.end());
  return v;
}

// A content word (stem) both sides of a passage use, and how often each does.
struct SharedWord {
  std::uint64_t stem;
  double in_page, in_source;
};

// The distinct content words both ranges share, in any order (sorted by
// stem): a monotone alignment undercounts a passage whose words were
// shuffled. A topic word repeated in every sentence ("water" in two texts on
// water heaters) is one piece of evidence, not one per occurrence.
std::vector<SharedWord> shared_words(const Passage& p, const Document& page, const Document& source) {
  const auto a = content_stems(page, p.page_first_token, p.page_last_token);
  const auto b = content_stems(source, p.source_first_token, p.source_last_token);
  std::vector<SharedWord> shared;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      SharedWord w{a[i], 0, 0};
      for (; i < a.size() && a[i] == w.stem; ++i) ++w.in_page;
      for (; j < b.size() && b[j] == w.stem; ++j) ++w.in_source;
      shared.push_back(w);
    }
  }
  return shared;
}

// The corresponding words of a passage's alignment, a content word counted
// once however often it recurs: a list naming "Alexian Brothers" on every
// line is not a dozen pieces of evidence. Function words count each time.
struct Correspondences {
  std::uint32_t function_words = 0, content_words = 0;
  std::uint32_t total() const { return function_words + content_words; }
};
Correspondences distinct_correspondences(const Passage& p, const Document& page) {
  Correspondences n;
  std::vector<std::uint64_t> content;
  for (const AlignmentStep& step : p.alignment) {
    // A multi-word synonym ("Russian Federation" for "Russia") is one piece of evidence.
    if (!corresponds(step.type) || !step.paired()) continue;
    const Token& t = page.tokens()[step.page];
    if (t.flags & kTokenStopword)
      ++n.function_words;
    else
      content.push_back(t.stem);
  }
  std::sort(content.begin(), content.end());
  n.content_words = static_cast<std::uint32_t>(std::unique(content.begin(), content.end()) - content.begin());
  return n;
}

// The shared words that belong to the passage rather than to both
// documents' topic: each distinct shared stem counts the smaller of two
// shares, of its uses near the page side (within `window` tokens of it) that
// lie inside it, and the same on the source side. A name or date only the
// two sides share counts 1; "water", used all through two texts on water
// heaters, a few hundredths. The window keeps the measure the same on a long
// page: a word used in a far-off chapter says nothing of this passage's
// neighbourhood. (A page repeating one passage many times within the window
// dilutes its words too; PAN's pages do not.)
double local_words(const std::vector<SharedWord>& shared, const Passage& p, const Document& page,
                   const Document& source, std::uint32_t window) {
  // One pass over each window, counting only the shared stems (a bit per
  // stem hash skips most words without a search).
  std::bitset<1024> maybe_shared;
  for (const SharedWord& w : shared) maybe_shared.set(w.stem % 1024);
  auto uses_near = [&](const Document& d, std::uint32_t first, std::uint32_t last) {
    std::vector<double> near(shared.size(), 0);
    const std::size_t end = std::min<std::size_t>(std::size_t{last} + window, d.tokens().size());
    for (std::size_t i = first > window ? first - window : 0; i < end; ++i) {
      const Token& t = d.tokens()[i];
      if ((t.flags & kTokenStopword) || !maybe_shared.test(t.stem % 1024)) continue;
      const auto it = std::lower_bound(shared.begin(), shared.end(), t.stem,
                                       [](const SharedWord& w, std::uint64_t stem) { return w.stem < stem; });
      if (it != shared.end() && it->stem == t.stem) ++near[it - shared.begin()];
    }
    return near;
  };
  const auto near_page = uses_near(page, p.page_first_token, p.page_last_token);
  const auto near_source = uses_near(source, p.source_first_token, p.source_last_token);
  double local = 0;
  for (std::size_t k = 0; k < shared.size(); ++k)
    local += std::min(shared[k].in_page / near_page[k], shared[k].in_source / near_source[k]);
  return local;
}

}  // namespace

bool passes_thresholds(const Passage& p, const Document& page, const Document& source, const AlignOptions& options) {
  // A sentence-seeded passage was validated as a whole: count its shared
  // words even where they moved, each content word once.
  std::vector<SharedWord> shared;
  if (p.sentence_seeded) shared = shared_words(p, page, source);
  // Not counted where nothing asks for it (copies in the PAN profile).
  const Correspondences distinct = p.sentence_seeded || options.min_content_words > 0
                                       ? distinct_correspondences(p, page)
                                       : Correspondences{};
  const auto shared_content = static_cast<std::uint32_t>(shared.size());
  const std::uint32_t similar =
      !p.sentence_seeded ? similar_tokens(p)
      : options.count_moved_and_function_words
          ? std::max(distinct.total(), distinct.function_words + shared_content)
          : std::max(distinct.total(), shared_content);
  if (similar < (p.sentence_seeded ? options.min_sentence_tokens : options.min_matched_tokens)) return false;
  if (distinct.content_words < options.min_content_words) return false;
  const double page_len = p.page_last_token - p.page_first_token;
  const double source_len = p.source_last_token - p.source_first_token;
  // Word seeds must be dense on both sides: a chain of a few shared phrases
  // spread over a long source stretch is a topic, not a summary.
  if (!p.sentence_seeded && similar < options.min_density * std::max(page_len, source_len)) return false;
  // Reuse shortens or keeps its source's length; a page stretch far longer
  // than the source words it echoes is writing on the same topic.
  if (options.max_page_to_source > 0 && page_len > options.max_page_to_source * source_len) return false;
  if (options.min_passage_chars > 0) {
    const std::size_t page_chars = page.codepoint_at(p.page_end) - page.codepoint_at(p.page_begin);
    const std::size_t source_chars = source.codepoint_at(p.source_end) - source.codepoint_at(p.source_begin);
    if (std::max(page_chars, source_chars) < options.min_passage_chars) return false;
  }
  // Last: it reads the text around both sides.
  const double min_local = p.kind == PassageKind::kSummary
                               ? std::max(options.min_local_words, options.min_summary_local_words)
                               : options.min_local_words;
  if (p.sentence_seeded && min_local > 0 &&
      local_words(shared, p, page, source, static_cast<std::uint32_t>(options.local_words_window)) < min_local)
    return false;
  return true;
}

}  // namespace reuselens
