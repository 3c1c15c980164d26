#include "reuselens/match.hpp"

#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;
using test::slice;

const std::string kA =
    "U.S. President Barack Obama believes that holding military talks with Russia on Syria is an important next "
    "step and hopes they will take place very shortly.";
const std::string kB =
    "An intelligence official called the Russian buildup in Syria significant and said it would represent the "
    "first major expeditionary force deployment outside the former Soviet space.";
const std::string kC = "Gardens need rain in spring and sun in summer, and the roses bloom in June every year.";

TEST(Match, AggregatorPageTakesSentencesFromSeveralSources) {
  Library lib;
  ASSERT_TRUE(lib.add({"wire-a", "Wire A", "", "Lead paragraph of wire A. " + kA + " More from wire A."}).ok);
  ASSERT_TRUE(lib.add({"garden", "Garden", "", kC}).ok);
  ASSERT_TRUE(lib.add({"wire-b", "Wire B", "", "Wire B opens. " + kB}).ok);
  const Document page = doc("Roundup. " + kB + " Our own remark sits here between them. " + kA);
  const auto passages = match(lib, page);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(lib.info(passages[0].source).id, "wire-b");
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), kB);
  EXPECT_EQ(lib.info(passages[1].source).id, "wire-a");
  EXPECT_EQ(slice(page, passages[1].page_begin, passages[1].page_end), kA);
  const Document& wire_a = lib.document(passages[1].source);
  EXPECT_EQ(slice(wire_a, passages[1].source_begin, passages[1].source_end), kA);
}

TEST(Match, APagePassageFoundInTwoSourcesIsReportedOnce) {
  Library lib;
  ASSERT_TRUE(lib.add({"original", "", "", kA}).ok);
  ASSERT_TRUE(lib.add({"syndicated", "", "", "Syndicated copy: " + kA + " Ends."}).ok);
  const Document page = doc(kA);
  const auto passages = match(lib, page);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), kA);
}

TEST(Match, ExcludedSourcesAreLeftOut) {
  Library lib;
  ASSERT_TRUE(lib.add({"page-itself", "", "", "Roundup. " + kB + " Our remark. " + kA}).ok);
  ASSERT_TRUE(lib.add({"wire-a", "", "", "Lead. " + kA}).ok);
  ASSERT_TRUE(lib.add({"wire-b", "", "", "Opens. " + kB}).ok);
  const Document page = doc("Roundup. " + kB + " Our remark. " + kA);
  // Without exclusion the page's own copy in the library covers it whole.
  auto passages = match(lib, page);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(lib.info(passages[0].source).id, "page-itself");
  MatchOptions options;
  options.exclude = {0};
  options.max_candidates = 2;  // the excluded source does not use up a place
  passages = match(lib, page, options);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(lib.info(passages[0].source).id, "wire-b");
  EXPECT_EQ(lib.info(passages[1].source).id, "wire-a");
  options.max_candidates = 1;
  EXPECT_EQ(match(lib, page, options).size(), 1u);
}

TEST(Match, EmptyLibraryAndEmptyPageGiveNothing) {
  Library lib;
  EXPECT_TRUE(match(lib, doc(kA)).empty());
  ASSERT_TRUE(lib.add({"a", "", "", kA}).ok);
  EXPECT_TRUE(match(lib, doc("")).empty());
  EXPECT_TRUE(match(lib, doc(kC)).empty());
}

TEST(Match, BoilerplateSharedByManySourcesMakesNoMatch) {
  Library lib;
  const std::string boiler = "the spokesman told reporters in a statement on Friday that the talks went well";
  for (int i = 0; i < 25; ++i)
    ASSERT_TRUE(lib.add({"s" + std::to_string(i), "", "", "Report " + std::to_string(i) + ": " + boiler + "."}).ok);
  ASSERT_TRUE(lib.add({"wire-a", "", "", kA + " And " + boiler + "."}).ok);
  // Only the boilerplate is shared: nothing, although it is 15 words long.
  EXPECT_TRUE(match(lib, doc("Elsewhere, " + boiler + ".")).empty());
  // A real copy next to the boilerplate is still found.
  const auto passages = match(lib, doc(kA + " Elsewhere, " + boiler + "."));
  ASSERT_FALSE(passages.empty());
  EXPECT_EQ(lib.info(passages[0].source).id, "wire-a");
}

}  // namespace
}  // namespace reuselens
