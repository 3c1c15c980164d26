#include "reuselens/sentence_align.hpp"

#include "reuselens/align.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;

const std::string kFiller =
    "Weather in the capital stayed mild through the week. Markets closed higher on Tuesday after a quiet session. "
    "The local team won its third game in a row. ";

TEST(AlignSentences, ParaphraseOfOneSentenceIsFound) {
  // Seeds 003 and 001: the Pentagon sentence restated.
  const Document source = doc(kFiller + "The Pentagon last year cut off high-level discussions with Moscow after its "
                              "annexation of Crimea and intervention in Ukraine. " + kFiller);
  const Document page = doc("High-level military talks with Moscow were severed by the Pentagon in 2014 over "
                            "Russia's annexation of Crimea and intervention in eastern Ukraine. Bakers in Lyon rise "
                            "early to bake bread for the morning market crowds.");
  const auto matches = align_sentences(page, source);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].page_first, 0u);
  EXPECT_GT(matches[0].similarity, 0.34);
  EXPECT_EQ(matches.size(), 1u);
  // The source side is the Pentagon sentence, not the filler around it.
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_last - 1].end)
                .rfind("The Pentagon last year", 0),
            0u);
}

TEST(AlignSentences, UnrelatedSentencesDoNotSeed) {
  const Document source = doc("The Pentagon cut off discussions with Moscow after the annexation of Crimea.");
  const Document page = doc("Bakers in Lyon rise early to bake bread for the morning market crowds.");
  EXPECT_TRUE(align_sentences(page, source).empty());
}

TEST(AlignSentences, ExplainedPageRangesSeedNothing) {
  const Document s = doc("The Pentagon cut off discussions with Moscow after the annexation of Crimea.");
  ASSERT_FALSE(align_sentences(s, s).empty());
  EXPECT_TRUE(align_sentences(s, s, {}, {{0u, static_cast<std::uint32_t>(s.tokens().size())}}).empty());
}

}  // namespace
}  // namespace reuselens
