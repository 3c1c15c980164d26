// passage_edges.hpp is internal to the core (core/src).
#include "passage_edges.hpp"

#include <string>

#include "reuselens/refine.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;

// The index of the token that starts where `word` first occurs in `d`.
std::uint32_t token_at(const Document& d, const std::string& word) {
  const std::size_t at = d.text().find(word);
  for (std::uint32_t t = 0; t < d.tokens().size(); ++t)
    if (d.tokens()[t].begin == at) return t;
  ADD_FAILURE() << "no token at " << word;
  return 0;
}

// A hand-made passage: page tokens from `page_first` on correspond one for
// one to source tokens from `source_first` on, `length` of them; the rest of
// the page, up to `page_last`, is left out (inserted).
Passage passage_of(std::uint32_t page_first, std::uint32_t page_last, std::uint32_t source_first,
                   std::uint32_t length) {
  Passage p;
  for (std::uint32_t k = 0; k < length; ++k) p.alignment.push_back({page_first + k, source_first + k, StepType::kExact});
  for (std::uint32_t t = page_first + length; t < page_last; ++t)
    p.alignment.push_back({t, AlignmentStep::kNoToken, StepType::kInserted});
  RefineOptions keep;
  keep.trim_edges = false;
  EXPECT_TRUE(summarize_alignment(p, keep));
  return p;
}

const std::string kSource =
    "The quiet harbour town hosts a spring festival every year. Fishermen repair their wooden boats along the "
    "eastern pier. Visitors buy smoked mackerel from the market stalls near the church. The council moves the "
    "market to the church square each March.";
const std::string kFollowed = "Visitors buy smoked mackerel from the market stalls near the church";

TEST(WidenSourceOverMovedSegments, TakesInTheSentenceTheLeftOutPageWordsComeFrom) {
  const Document source = doc(kSource);
  // A shuffled copy: the fishermen's sentence moved after the market's.
  const Document page = doc(kFollowed + ", fishermen repair wooden boats at the pier.");
  const Document followed = doc(kFollowed);
  const std::uint32_t n = static_cast<std::uint32_t>(followed.tokens().size());
  Passage p = passage_of(0, static_cast<std::uint32_t>(page.tokens().size()), token_at(source, "Visitors"), n);
  widen_source_over_moved_segments(p, page, source, 0.3, 6);
  EXPECT_EQ(p.source_first_token, token_at(source, "Fishermen"));  // not the festival's sentence before it
  EXPECT_EQ(p.source_last_token, token_at(source, "Visitors") + n);  // nor the council's after it
  // The alignment still covers the whole source side.
  EXPECT_EQ(p.alignment.front().source, token_at(source, "Fishermen"));
}

TEST(WidenSourceOverMovedSegments, WordsTheSourceSideHoldsOrASingleWordTakeNothing) {
  const Document source = doc(kSource);
  const std::uint32_t n = static_cast<std::uint32_t>(doc(kFollowed).tokens().size());
  // "church" and "market", though in the council's sentence, are in the
  // followed sentence already; "boats" alone is one word of the fishermen's.
  for (const std::string tail : {", the church market is busy.", ", with boats."}) {
    const Document page = doc(kFollowed + tail);
    Passage p = passage_of(0, static_cast<std::uint32_t>(page.tokens().size()), token_at(source, "Visitors"), n);
    widen_source_over_moved_segments(p, page, source, 0.3, 6);
    EXPECT_EQ(p.source_first_token, token_at(source, "Visitors")) << tail;
    EXPECT_EQ(p.source_last_token, token_at(source, "Visitors") + n) << tail;
  }
}

TEST(WidenSourceOverMovedSegments, LeftOutWordsVouchForOneSegmentOnly) {
  // The sentence before the moved one repeats its words: it was not moved too.
  std::string source_text = kSource;
  source_text.insert(source_text.find("Fishermen"), "Old fishermen paint boats by the pier. ");
  const Document source = doc(source_text);
  const Document page = doc(kFollowed + ", fishermen repair wooden boats at the pier.");
  const std::uint32_t n = static_cast<std::uint32_t>(doc(kFollowed).tokens().size());
  Passage p = passage_of(0, static_cast<std::uint32_t>(page.tokens().size()), token_at(source, "Visitors"), n);
  widen_source_over_moved_segments(p, page, source, 0.3, 6);
  EXPECT_EQ(p.source_first_token, token_at(source, "Fishermen"));
}

TEST(LineStartAndEnd, ThePartOfTheSentenceInTheLineWithinTheLimit) {
  // One sentence over three lines (no full stop before the line breaks).
  const Document d = doc("Alpha bravo charlie\ndelta echo foxtrot\ngolf hotel india.");
  const std::uint32_t delta = token_at(d, "delta"), foxtrot = token_at(d, "foxtrot"), golf = token_at(d, "golf");
  EXPECT_EQ(line_start(d, foxtrot, 2), delta);  // exactly the limit away
  EXPECT_EQ(line_start(d, foxtrot, 1), kNoLine);
  EXPECT_EQ(line_end(d, delta, 2), golf);
  EXPECT_EQ(line_end(d, delta, 1), kNoLine);
  EXPECT_EQ(line_start(d, token_at(d, "bravo"), 5), 0u);  // the sentence's start
  EXPECT_EQ(line_end(d, token_at(d, "hotel"), 5), static_cast<std::uint32_t>(d.tokens().size()));
}

// Lines without a full stop: a page's heading and section title, a line
// that a list ending the sentence follows.
const std::string kHeadedSource =
    "Chlorpyrifos Home\nMajor Uses and Biology\nChlorpyrifos displays insecticidal activity against a wide "
    "range of insect pests such as\nOrthoptera, Hymenoptera and Diptera.";

TEST(SnapSourceToSentences, WidensToTheSentenceButNotOverItsHeadingLines) {
  const Document source = doc(kHeadedSource);
  const std::uint32_t displays = token_at(source, "displays"), insect = token_at(source, "insect");
  Passage p = passage_of(0, insect - displays, displays, insect - displays);
  snap_source_to_sentences(p, source, 20);
  EXPECT_EQ(p.source_first_token, token_at(source, "Chlorpyrifos displays"));  // not "Chlorpyrifos Home"
  EXPECT_EQ(p.source_last_token, token_at(source, "Orthoptera"));             // the line's end, not the list
}

TEST(SnapSourceToSentences, LeavesAnEndFartherThanTheLimit) {
  const Document source = doc(kSource);
  const std::uint32_t buy = token_at(source, "buy"), stalls = token_at(source, "stalls");
  Passage p = passage_of(0, stalls - buy, buy, stalls - buy);
  snap_source_to_sentences(p, source, 1);
  EXPECT_EQ(p.source_first_token, token_at(source, "Visitors"));  // one word before
  EXPECT_EQ(p.source_last_token, stalls);                       // four words after: too far
}

// A case whose first and last sentences obfuscation cut down to a few words.
const std::string kCutSource =
    "Symptoms\nLack of blood supply to the area. For example, plaque buildup from atherosclerosis in the legs "
    "narrows the arteries. Pain in the calf muscles follows long walks. Doctors recommend regular exercise.";
const std::string kCutPage =
    "The weather was fine. Lack blood supply. For example, plaque buildup from atherosclerosis in the legs "
    "narrows arteries. Calf muscles pain walks. Our team won the cup.";

TEST(TakeInRelatedNeighbours, TakesInTheCutSentencesBeforeAndAfter) {
  const Document page = doc(kCutPage), source = doc(kCutSource);
  std::uint32_t page_first = token_at(page, "For"), page_last = token_at(page, "Calf");
  std::uint32_t source_first = token_at(source, "For"), source_last = token_at(source, "Pain");
  take_in_related_neighbours(page, page_first, page_last, source, source_first, source_last, 0.5, 3);
  EXPECT_EQ(page_first, token_at(page, "Lack"));  // not "The weather was fine"
  EXPECT_EQ(source_first, token_at(source, "Lack"));  // not the heading line before it
  EXPECT_EQ(page_last, token_at(page, "Our"));  // not the cup
  EXPECT_EQ(source_last, token_at(source, "Doctors"));
}

TEST(TakeInRelatedNeighbours, ASentenceSharingOneWordOrUnderTheShareStaysOut) {
  const Document source = doc(kCutSource);
  // "supply" alone; then two of five content words.
  for (const std::string before : {"Supply chains grew. ", "Lack and supply of grain, wheat, barley. "}) {
    const Document page = doc(before + "For example, plaque buildup from atherosclerosis in the legs narrows arteries.");
    std::uint32_t page_first = token_at(page, "For"), page_last = static_cast<std::uint32_t>(page.tokens().size());
    std::uint32_t source_first = token_at(source, "For"), source_last = token_at(source, "Pain");
    take_in_related_neighbours(page, page_first, page_last, source, source_first, source_last, 0.5, 3);
    EXPECT_EQ(page_first, token_at(page, "For")) << before;
    EXPECT_EQ(source_first, token_at(source, "For")) << before;
  }
}

TEST(TakeInRelatedNeighbours, ASentenceOfMoreThanFiftyWordsStaysOut) {
  // A list of words with no full stop, all of them in the source's: taking it
  // in would make one passage of two word lists.
  std::string list;
  for (int i = 0; i < 51; ++i) list += "term" + std::to_string(i) + " ";
  const Document source = doc(list + "\nFor example, plaque buildup from atherosclerosis in the legs narrows arteries.");
  const Document page = doc(list + "\nFor example, plaque buildup from atherosclerosis in the legs narrows arteries.");
  std::uint32_t page_first = token_at(page, "For"), page_last = static_cast<std::uint32_t>(page.tokens().size());
  std::uint32_t source_first = token_at(source, "For"), source_last = static_cast<std::uint32_t>(source.tokens().size());
  take_in_related_neighbours(page, page_first, page_last, source, source_first, source_last, 0.5, 3);
  EXPECT_EQ(page_first, token_at(page, "For"));
  EXPECT_EQ(source_first, token_at(source, "For"));
}

// A restated sentence: its second half copied in order (the core the word
// alignment follows), its first half moved to the front of the page.
const std::string kRestatedSource = "The council closed the old market after the flood of the river in March.";
const std::string kCore = "council closed the old market";

Passage core_of(const Document& page, const Document& source, const std::string& core) {
  const std::uint32_t n = static_cast<std::uint32_t>(doc(core).tokens().size());
  const std::uint32_t at = token_at(page, core);
  return passage_of(at, at + n, token_at(source, core), n);
}

TEST(WidenOverMovedWords, TakesInTheWordsARestatementMovedBeforeItsCore) {
  const Document source = doc(kRestatedSource);
  const Document page = doc("After the flood of the river in March, the " + kCore + ".");
  Passage p = core_of(page, source, kCore);
  const auto page_words = static_cast<std::uint32_t>(page.tokens().size());
  const auto source_words = static_cast<std::uint32_t>(source.tokens().size());
  widen_over_moved_words(p, page, source, 0, page_words, 0, source_words);
  EXPECT_EQ(p.page_first_token, token_at(page, "flood"));  // a content word found in the source
  EXPECT_EQ(p.page_last_token, page_words);
  // The source side takes in where the moved words are, and the alignment
  // covers both sides.
  EXPECT_EQ(p.source_first_token, token_at(source, "council"));
  EXPECT_EQ(p.source_last_token, source_words);
  EXPECT_EQ(p.alignment.front().page, token_at(page, "flood"));
  EXPECT_EQ(p.alignment.back().source, source_words - 1);
}

TEST(WidenOverMovedWords, AWordTheAlignmentPairsAlreadyVouchesForNoOther) {
  const Document source = doc(kRestatedSource);
  const Document page = doc("Old market closed: the " + kCore + ".");
  Passage p = core_of(page, source, kCore);
  const std::uint32_t first = p.page_first_token;
  widen_over_moved_words(p, page, source, 0, static_cast<std::uint32_t>(page.tokens().size()), 0,
                         static_cast<std::uint32_t>(source.tokens().size()));
  EXPECT_EQ(p.page_first_token, first);
}

TEST(WidenOverMovedWords, AtMostTwiceTheWordsOfTheCoreMovedBesideIt) {
  const Document source = doc(kRestatedSource);
  // Every word before "old market" is in the source; four of them may join it.
  const Document page = doc("Flood, river, March, council, closed: old market.");
  Passage p = core_of(page, source, "old market");
  widen_over_moved_words(p, page, source, 0, static_cast<std::uint32_t>(page.tokens().size()), 0,
                         static_cast<std::uint32_t>(source.tokens().size()));
  EXPECT_EQ(p.page_first_token, token_at(page, "river"));
}

}  // namespace
}  // namespace reuselens
