#include "reuselens/moves.hpp"

#include <map>
#include <string>
#include <vector>

#include "reuselens/match.hpp"
#include "test_util.hpp"

namespace reuselens {

// In reuselens, for argument-dependent lookup.
bool operator==(const AlignmentStep& a, const AlignmentStep& b) {
  return a.page == b.page && a.source == b.source && a.type == b.type;
}

namespace {

using test::doc;
using test::slice;

constexpr std::uint32_t kNo = AlignmentStep::kNoToken;

// A passage over all tokens of both texts with the given steps.
Passage passage_with(const Document& page, const Document& source, std::vector<AlignmentStep> steps) {
  Passage p;
  p.page_last_token = static_cast<std::uint32_t>(page.tokens().size());
  p.source_last_token = static_cast<std::uint32_t>(source.tokens().size());
  p.alignment = std::move(steps);
  return p;
}

std::vector<AlignmentStep> marked(const Document& page, const Document& source, std::vector<AlignmentStep> steps) {
  Passage p = passage_with(page, source, std::move(steps));
  mark_moved_words(p, page, source);
  return p.alignment;
}

std::string describe(const std::vector<AlignmentStep>& steps) {
  std::string out;
  for (const AlignmentStep& s : steps)
    out += std::string(step_name(s.type)) + "(" + (s.page == kNo ? "-" : std::to_string(s.page)) + "," +
           (s.source == kNo ? "-" : std::to_string(s.source)) + ") ";
  return out;
}

TEST(MovedWords, AWordAddedHereAndLeftOutThereIsOneMovedWord) {
  const Document page = doc("Moscow halted the talks");
  const Document source = doc("the talks with Moscow ended");
  const auto steps = marked(page, source,
                            {{0, kNo, StepType::kInserted}, {1, kNo, StepType::kInserted}, {2, 0, StepType::kExact},
                             {3, 1, StepType::kExact}, {kNo, 2, StepType::kDeleted}, {kNo, 3, StepType::kDeleted},
                             {kNo, 4, StepType::kDeleted}});
  const std::vector<AlignmentStep> want = {{0, 3, StepType::kMoved}, {1, kNo, StepType::kInserted},
                                           {2, 0, StepType::kExact}, {3, 1, StepType::kExact},
                                           {kNo, 2, StepType::kDeleted}, {kNo, 4, StepType::kDeleted}};
  EXPECT_EQ(steps, want) << describe(steps);
}

TEST(MovedWords, TheSameStemCountsAndFunctionWordsDoNot) {
  const Document page = doc("with talk");
  const Document source = doc("talks with");
  const auto steps = marked(page, source,
                            {{0, kNo, StepType::kInserted}, {1, kNo, StepType::kInserted}, {kNo, 0, StepType::kDeleted},
                             {kNo, 1, StepType::kDeleted}});
  const std::vector<AlignmentStep> want = {
      {0, kNo, StepType::kInserted}, {1, 0, StepType::kMoved}, {kNo, 1, StepType::kDeleted}};
  EXPECT_EQ(steps, want) << describe(steps);
}

TEST(MovedWords, SwapsThatTradeWordsAreASpinnersNotMoves) {
  // military -> infantry and infantry -> battalion (seed 000).
  const Document page = doc("infantry talks naval battalion");
  const Document source = doc("military talks naval infantry");
  const std::vector<AlignmentStep> steps = {{0, 0, StepType::kSubstituted}, {1, 1, StepType::kExact},
                                            {2, 2, StepType::kExact}, {3, 3, StepType::kSubstituted}};
  EXPECT_EQ(marked(page, source, steps), steps);
}

TEST(MovedWords, ASwapThatLosesAWordKeepsTheOther) {
  {  // The page word of a swap moved: its source word is left out.
    const Document page = doc("Moscow cut talks");
    const Document source = doc("officials cut talks with Moscow");
    const auto steps = marked(page, source,
                              {{0, 0, StepType::kSubstituted}, {1, 1, StepType::kExact}, {2, 2, StepType::kExact},
                               {kNo, 3, StepType::kDeleted}, {kNo, 4, StepType::kDeleted}});
    const std::vector<AlignmentStep> want = {{0, 4, StepType::kMoved}, {kNo, 0, StepType::kDeleted},
                                             {1, 1, StepType::kExact}, {2, 2, StepType::kExact},
                                             {kNo, 3, StepType::kDeleted}};
    EXPECT_EQ(steps, want) << describe(steps);
  }
  {  // The source word of a swap moved: its page word is added.
    const Document page = doc("Moscow the talks Kremlin");
    const Document source = doc("the talks Moscow");
    const auto steps = marked(page, source,
                              {{0, kNo, StepType::kInserted}, {1, 0, StepType::kExact}, {2, 1, StepType::kExact},
                               {3, 2, StepType::kSubstituted}});
    const std::vector<AlignmentStep> want = {{0, 2, StepType::kMoved}, {1, 0, StepType::kExact},
                                             {2, 1, StepType::kExact}, {3, kNo, StepType::kInserted}};
    EXPECT_EQ(steps, want) << describe(steps);
  }
}

TEST(MovedWords, AMovedWordTakesAlongTheNeighboursThatMovedWithIt) {
  const Document page = doc("Talks with Moscow ended the war");
  const Document source = doc("the war ended discussions with Moscow");
  const std::vector<AlignmentStep> in = {
      {0, kNo, StepType::kInserted}, {1, kNo, StepType::kInserted}, {2, kNo, StepType::kInserted},
      {3, kNo, StepType::kInserted}, {4, 0, StepType::kExact},      {5, 1, StepType::kExact},
      {kNo, 2, StepType::kDeleted},  {kNo, 3, StepType::kDeleted},  {kNo, 4, StepType::kDeleted},
      {kNo, 5, StepType::kDeleted}};
  const auto steps = marked(page, source, in);
  // Counting, which resolving overlaps across sources does, finds the same three.
  EXPECT_EQ(count_moved_words(passage_with(page, source, in), page, source), 3u);
  // "with" beside "Moscow" in both texts moved with it; "Talks" / "discussions" are other words.
  const std::vector<AlignmentStep> want = {{0, kNo, StepType::kInserted}, {1, 4, StepType::kMoved},
                                           {2, 5, StepType::kMoved},      {3, 2, StepType::kMoved},
                                           {4, 0, StepType::kExact},      {5, 1, StepType::kExact},
                                           {kNo, 3, StepType::kDeleted}};
  EXPECT_EQ(steps, want) << describe(steps);
}

TEST(MovedWords, ANeighbourOnTheOtherSideDidNotMoveWithIt) {
  // "with" follows "Moscow" in the source and precedes it on the page.
  const Document page = doc("ended with Moscow");
  const Document source = doc("Moscow with ended");
  const auto steps = marked(page, source,
                            {{0, kNo, StepType::kInserted}, {1, kNo, StepType::kInserted}, {2, kNo, StepType::kInserted},
                             {kNo, 0, StepType::kDeleted}, {kNo, 1, StepType::kDeleted}, {kNo, 2, StepType::kDeleted}});
  const std::vector<AlignmentStep> want = {{0, 2, StepType::kMoved}, {1, kNo, StepType::kInserted},
                                           {2, 0, StepType::kMoved}, {kNo, 1, StepType::kDeleted}};
  EXPECT_EQ(steps, want) << describe(steps);
}

TEST(MovedWords, OfSeveralSourceWordsTheOneWhereThePageWordWouldSitIsTaken) {
  const Document page = doc("nine ten Syria");
  const Document source = doc("Syria one two three four five six seven eight Syria");
  std::vector<AlignmentStep> steps;
  for (std::uint32_t t = 0; t < 3; ++t) steps.push_back({t, kNo, StepType::kInserted});
  for (std::uint32_t t = 0; t < 10; ++t) steps.push_back({kNo, t, StepType::kDeleted});
  const auto out = marked(page, source, steps);
  ASSERT_EQ(out.size(), 12u) << describe(out);
  EXPECT_EQ(out[2], (AlignmentStep{2, 9, StepType::kMoved})) << describe(out);
  EXPECT_EQ(out[3], (AlignmentStep{kNo, 0, StepType::kDeleted})) << describe(out);
}

// Each token of a passage's ranges is in exactly one step.
void expect_every_token_once(const Passage& p) {
  std::map<std::uint32_t, int> page_seen, source_seen;
  for (const AlignmentStep& s : p.alignment) {
    if (s.page != kNo) ++page_seen[s.page];
    if (s.source != kNo) ++source_seen[s.source];
  }
  ASSERT_FALSE(page_seen.empty());
  EXPECT_EQ(page_seen.begin()->first, p.page_first_token);
  EXPECT_EQ(page_seen.size(), p.page_last_token - p.page_first_token);
  EXPECT_EQ(source_seen.begin()->first, p.source_first_token);
  EXPECT_EQ(source_seen.size(), p.source_last_token - p.source_first_token);
  for (const auto& [t, n] : page_seen) EXPECT_EQ(n, 1) << "page token " << t;
  for (const auto& [t, n] : source_seen) EXPECT_EQ(n, 1) << "source token " << t;
}

// The moved words of a page's passages, as "page word/source word".
std::vector<std::string> moved_words(const Library& lib, const Document& page, const std::vector<Passage>& passages) {
  std::vector<std::string> moved;
  for (const Passage& p : passages) {
    expect_every_token_once(p);
    const Document& source = lib.document(p.source);
    for (const AlignmentStep& s : p.alignment) {
      if (s.type != StepType::kMoved) continue;
      const Token& a = page.tokens()[s.page];
      const Token& b = source.tokens()[s.source];
      EXPECT_EQ(a.stem, b.stem);
      moved.push_back(slice(page, a.begin, a.end) + "/" + slice(source, b.begin, b.end));
    }
  }
  return moved;
}

// match() marks them. Seed 003 restates 001's Pentagon sentence and puts
// "high-level" and "Moscow" first; the spun seed 000 swaps words in place.
TEST(MovedWords, MatchMarksTheWordsARestatedSentenceMovedAndNoneOfASpinnersSwaps) {
  Library lib;
  ASSERT_TRUE(lib.add({"001", "", "", test::read_seed("001_08fe67f9a3eebd52.txt")}).ok);
  const Document restated = doc(test::read_seed("003_6481e570e0997220.txt"));
  EXPECT_EQ(moved_words(lib, restated, match(lib, restated)),
            (std::vector<std::string>{"High/high", "level/level", "with/with", "Moscow/Moscow"}));
  const Document spun = doc(test::read_seed("000_b44e7f05eab81677.txt"));
  const auto passages = match(lib, spun);
  EXPECT_FALSE(passages.empty());
  EXPECT_EQ(moved_words(lib, spun, passages), std::vector<std::string>{});
}

}  // namespace
}  // namespace reuselens
