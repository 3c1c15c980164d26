#include <algorithm>
#include <string>
#include <vector>

#include "reuselens/align.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;

// Over 40 tokens: the hand-made passages below are token ranges of it.
const std::string kText =
    "At a meeting in London with United Arab Emirates Foreign Minister Abdullah bin Zayed, Kerry said the U.S. "
    "president hoped that talks would help define some of the different options available to us. Millions of "
    "Syrians have fled the four-year conflict and the UAE foreign minister said his country had taken more than "
    "100,000 Syrian refugees over the last four years.";

// A hand-made passage: one exact run.
Passage passage_of(const Run& run, const Document& page, const Document& source) {
  Passage p;
  for (std::uint32_t k = 0; k < run.length; ++k) p.alignment.push_back({run.page + k, run.source + k, StepType::kExact});
  EXPECT_TRUE(summarize_alignment(p));
  finalize_passage(p, page, source);
  return p;
}

TEST(ResolveOverlaps, LongerPassageKeepsTheOverlapAndTheOtherIsTrimmed) {
  const Document source = doc(kText);
  const Document page = doc(kText);
  // Two hand-made passages over the same page tokens: tokens [0, 20) and [12, 40).
  const Passage big = passage_of({0, 0, 24}, page, source);
  const Passage small = passage_of({14, 14, 20}, page, source);
  AlignOptions options;
  const auto out = resolve_overlaps({small, big}, page, [&](std::uint32_t) -> const Document& { return source; }, options,
                                  OverlapScope::kOneSource);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].page_first_token, 0u);
  EXPECT_EQ(out[0].page_last_token, 24u);
  EXPECT_EQ(out[1].page_first_token, 24u);  // trimmed to what the winner leaves
  EXPECT_EQ(out[1].page_last_token, 34u);
  EXPECT_EQ(out[1].source_first_token, 24u);  // the source side moves with it
}

TEST(ResolveOverlaps, OnATieTheNarrowerPassageWins) {
  // A copy, and a sentence passage over the same words whose source side was
  // widened to whole sentences (its score counts the words it aligned).
  const Document source = doc(kText);
  const Document page = doc(kText);
  const Passage copy = passage_of({0, 0, 20}, page, source);
  Passage wide = copy;
  wide.sentence_seeded = true;
  wide.source_last_token = 40;
  for (const auto& in : {std::vector<Passage>{wide, copy}, std::vector<Passage>{copy, wide}}) {
    const auto out = resolve_overlaps(in, page, [&](std::uint32_t) -> const Document& { return source; }, {},
                                      OverlapScope::kOneSource);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].source_last_token, 20u);
    EXPECT_FALSE(out[0].sentence_seeded);
  }
}

TEST(ResolveOverlaps, APassageTheSourceHoldsTwiceNamesItsFirstOccurrence) {
  // A source that repeats its headline: both occurrences match the page equally.
  const Document source = doc(kText + " " + kText);
  const Document page = doc(kText);
  const std::uint32_t second = static_cast<std::uint32_t>(source.tokens().size() / 2);
  const Passage first_copy = passage_of({0, 0, 20}, page, source);
  const Passage second_copy = passage_of({0, second, 20}, page, source);
  for (const auto& in : {std::vector<Passage>{first_copy, second_copy}, std::vector<Passage>{second_copy, first_copy}}) {
    const auto out = resolve_overlaps(in, page, [&](std::uint32_t) -> const Document& { return source; }, {},
                                      OverlapScope::kOneSource);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].source_first_token, 0u);
  }
}

TEST(ResolveOverlaps, OfTwoSourcesWithTheSameWordsTheOneSharingTheQuotesWins) {
  const Document page = doc("He wrote: \"" + kText + "\" Then he left.");
  const Document with_quotes = doc("Kerry: \"" + kText + "\" He added.");
  const Document without = doc("Kerry: " + kText + " He added.");
  const std::uint32_t n = static_cast<std::uint32_t>(doc(kText).tokens().size());
  Passage quoted = passage_of({2, 1, n}, page, with_quotes);
  quoted.source = 1;
  Passage bare = passage_of({2, 1, n}, page, without);
  bare.source = 0;
  ASSERT_LT(quoted.page_begin, bare.page_begin);  // the opening quote
  const auto source_of = [&](std::uint32_t id) -> const Document& { return id == 1 ? with_quotes : without; };
  for (const auto& in : {std::vector<Passage>{quoted, bare}, std::vector<Passage>{bare, quoted}}) {
    const auto out = resolve_overlaps(in, page, source_of, {}, OverlapScope::kAcrossSources);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].source, 1u);
  }
}

// A hand-made summary of `source` on page tokens [0, page_last): the page
// words at `matched` correspond to source words spread over its first 300
// tokens, the others were added, and the rest of those 300 were left out.
Passage summary_of(const std::vector<std::uint32_t>& matched, std::uint32_t page_last, const Document& page,
                   const Document& source) {
  Passage p;
  std::uint32_t next_source = 0;
  for (std::uint32_t t = 0; t < page_last; ++t) {
    if (std::find(matched.begin(), matched.end(), t) == matched.end()) {
      p.alignment.push_back({t, AlignmentStep::kNoToken, StepType::kInserted});
      continue;
    }
    // Words the summary condensed away before each one it kept.
    for (std::uint32_t k = 0; k < 5; ++k) p.alignment.push_back({AlignmentStep::kNoToken, next_source++, StepType::kDeleted});
    p.alignment.push_back({t, next_source++, StepType::kExact});
  }
  while (next_source < 300) p.alignment.push_back({AlignmentStep::kNoToken, next_source++, StepType::kDeleted});
  EXPECT_TRUE(summarize_alignment(p));
  EXPECT_EQ(p.kind, PassageKind::kSummary);
  finalize_passage(p, page, source);
  return p;
}

std::string words(const std::string& stem, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += stem + std::to_string(i) + " ";
  return s;
}

TEST(ResolveOverlaps, APhraseCopiedInsideASummaryLeavesItWhole) {
  // 40 page words condense a 300-word article: 30 correspond, among them ten
  // the page copies word for word (tokens 10 to 19, a verbatim passage too).
  const Document page = doc(words("p", 40));
  const Document source = doc(words("s", 300));
  std::vector<std::uint32_t> matched;
  for (std::uint32_t t = 0; t < 40; ++t)
    if (t % 4 != 3 || (t >= 10 && t < 20)) matched.push_back(t);
  const Passage summary = summary_of(matched, 40, page, source);
  const Passage copy = passage_of({10, 200, 10}, page, source);
  ASSERT_EQ(copy.kind, PassageKind::kVerbatim);
  ASSERT_EQ(summary.page_last_token, 39u);                    // its last word was added
  ASSERT_LT(similar_tokens(summary) * summary.score, 10.0);  // by its score it would lose
  for (const auto& in : {std::vector<Passage>{summary, copy}, std::vector<Passage>{copy, summary}}) {
    const auto out = resolve_overlaps(in, page, [&](std::uint32_t) -> const Document& { return source; }, {},
                                      OverlapScope::kOneSource);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, PassageKind::kSummary);
    EXPECT_EQ(out[0].page_first_token, 0u);
    EXPECT_EQ(out[0].page_last_token, summary.page_last_token);
  }
}

TEST(ResolveOverlaps, ASummaryThatOnlyStringsCopiesTogetherLosesToThem) {
  // Two verbatim copies side by side, and a "summary" of the whole article
  // made of their words alone.
  const Document page = doc(words("p", 40));
  const Document source = doc(words("s", 300));
  std::vector<std::uint32_t> all(40);
  for (std::uint32_t t = 0; t < 40; ++t) all[t] = t;
  const Passage summary = summary_of(all, 40, page, source);
  const Passage first = passage_of({0, 0, 20}, page, source);
  const Passage second = passage_of({20, 100, 20}, page, source);
  const auto out = resolve_overlaps({summary, first, second}, page,
                                    [&](std::uint32_t) -> const Document& { return source; }, {},
                                    OverlapScope::kOneSource);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, PassageKind::kVerbatim);
  EXPECT_EQ(out[1].kind, PassageKind::kVerbatim);
  EXPECT_EQ(out[1].source_first_token, 100u);
}

TEST(ResolveOverlaps, TrimmedRemainderBelowTheMinimumIsDropped) {
  const Document source = doc(kText);
  const Document page = doc(kText);
  const Passage big = passage_of({0, 0, 30}, page, source);
  const Passage small = passage_of({25, 25, 10}, page, source);  // only 5 tokens would be left
  const auto out = resolve_overlaps({big, small}, page, [&](std::uint32_t) -> const Document& { return source; }, {},
                                      OverlapScope::kOneSource);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].page_last_token, 30u);
}

}  // namespace
}  // namespace reuselens
