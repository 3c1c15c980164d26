#include "reuselens/library.hpp"

#include "reuselens/fingerprint.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;

const std::string kText =
    "Heavy Russian equipment, including tanks, helicopters and naval infantry forces, have been moved to Latakia, "
    "U.S. officials say.";

TEST(Library, AddListFindRemoveKeepsOrder) {
  Library lib;
  ASSERT_TRUE(lib.add({"a", "A", "https://a.example", kText}).ok);
  ASSERT_TRUE(lib.add({"b", "B", "", "Something else entirely, about gardens and the rain in spring."}).ok);
  ASSERT_TRUE(lib.add({"c", "C", "", "A third text on a third topic, with words of its own."}).ok);
  EXPECT_EQ(lib.size(), 3u);
  EXPECT_EQ(lib.find("b"), 1);
  EXPECT_EQ(lib.find("zzz"), -1);
  EXPECT_EQ(lib.info(0).url, "https://a.example");
  EXPECT_TRUE(lib.remove("a"));
  EXPECT_FALSE(lib.remove("a"));
  ASSERT_EQ(lib.size(), 2u);
  EXPECT_EQ(lib.info(0).id, "b");
  EXPECT_EQ(lib.info(1).id, "c");
}

TEST(Library, FindFollowsRemovalsInTheMiddle) {
  Library lib;
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(lib.add({"s" + std::to_string(i), "", "", "text " + std::to_string(i)}).ok);
  ASSERT_TRUE(lib.remove("s2"));
  ASSERT_TRUE(lib.remove("s0"));
  ASSERT_EQ(lib.size(), 4u);
  for (const char* id : {"s1", "s3", "s4", "s5"}) {
    const long at = lib.find(id);
    ASSERT_GE(at, 0) << id;
    EXPECT_EQ(lib.info(static_cast<std::size_t>(at)).id, id);
  }
  EXPECT_EQ(lib.find("s2"), -1);
  EXPECT_TRUE(lib.add({"s2", "", "", "back again"}).ok);  // a removed id is free again
  EXPECT_EQ(lib.find("s2"), 4);
  lib.clear();
  EXPECT_EQ(lib.find("s1"), -1);
}

TEST(Library, RejectsBadSourcesWithoutChangingAnything) {
  Library lib;
  ASSERT_TRUE(lib.add({"a", "", "", kText}).ok);
  const Status dup = lib.add({"a", "", "", "other text"});
  EXPECT_FALSE(dup.ok);
  EXPECT_NE(dup.message.find("already"), std::string::npos);
  const Status empty_id = lib.add({"", "", "", "text"});
  EXPECT_FALSE(empty_id.ok);
  const Status bad = lib.add({"x", "", "", std::string("abc \xff def")});
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.message.find("invalid UTF-8 at byte 4"), std::string::npos) << bad.message;
  const Status bad_title = lib.add({"y", std::string("t\xc3"), "", "text"});
  EXPECT_FALSE(bad_title.ok);
  EXPECT_NE(bad_title.message.find("its title: invalid UTF-8 at byte 1"), std::string::npos) << bad_title.message;
  const Status bad_url = lib.add({"z", "", std::string("http://\xff"), "text"});
  EXPECT_NE(bad_url.message.find("its URL: invalid UTF-8 at byte 7"), std::string::npos) << bad_url.message;
  EXPECT_EQ(lib.size(), 1u);
}

TEST(Library, CandidatesAreTheSourcesSharingFingerprints) {
  Library lib;
  ASSERT_TRUE(lib.add({"unrelated", "", "", "Gardens need rain in spring and sun in summer to grow well."}).ok);
  ASSERT_TRUE(lib.add({"copy", "", "", "Intro words. " + kText + " Outro words."}).ok);
  const Document page = doc("Today: " + kText);
  const auto c = lib.candidates(page, 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].source, 1u);
  EXPECT_GT(c[0].shared, 3u);
  EXPECT_TRUE(lib.candidates(page, 0).empty());  // the limit holds
}

TEST(Library, ASourceSharingContentWordsButNoLongRunIsACandidateToo) {
  // A spun copy: no 7 words in a row are the same, so no fingerprint is shared.
  const std::string source =
      "The Pentagon last year cut off high-level discussions with Moscow after its annexation of Crimea and "
      "intervention in Ukraine.";
  const std::string spun =
      "A Pentagon final year severed top-level talks with Moscow following a seizure of Crimea, "
      "an intervention into Ukraine.";
  Library lib;
  ASSERT_TRUE(lib.add({"garden", "", "", "Gardens need rain in spring and sun in summer to grow well."}).ok);
  ASSERT_TRUE(lib.add({"source", "", "", source}).ok);
  const auto c = lib.candidates(doc(spun), 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(lib.info(c[0].source).id, "source");
  EXPECT_EQ(c[0].shared, 0u);
  EXPECT_GE(c[0].words, lib.options().min_shared_words);  // pentagon, year, level, moscow, crimea, intervention, ...
  // Fewer shared words than the minimum: the topic, not a copy.
  EXPECT_TRUE(lib.candidates(doc("Moscow and the Pentagon disagree about Ukraine."), 10).empty());
}

TEST(Library, SourcesSharingFingerprintsComeFirstThenTheRarerWords) {
  const std::string words = "Moscow Pentagon Crimea Ukraine annexation intervention discussions";
  Library lib;
  ASSERT_TRUE(lib.add({"common", "", "", words + " weather"}).ok);
  ASSERT_TRUE(lib.add({"rare", "", "", words + " Latakia"}).ok);
  ASSERT_TRUE(lib.add({"copy", "", "", "Kerry said the talks would help define some of the different options."}).ok);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(lib.add({"w" + std::to_string(i), "", "", "The weather today."}).ok);
  const auto c = lib.candidates(
      doc("Kerry said the talks would help define some of the different options. " + words + " Latakia weather"), 10);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(lib.info(c[0].source).id, "copy");
  EXPECT_EQ(lib.info(c[1].source).id, "rare");  // "Latakia" is in one source, "weather" in four
  EXPECT_EQ(lib.info(c[2].source).id, "common");
  EXPECT_GT(c[1].word_weight, c[2].word_weight);
}

TEST(Library, RemovingASourceRenumbersTheIndex) {
  Library lib;
  ASSERT_TRUE(lib.add({"first", "", "", "Gardens need rain in spring and sun in summer to grow well and bloom."}).ok);
  ASSERT_TRUE(lib.add({"copy", "", "", kText}).ok);
  ASSERT_TRUE(lib.remove("first"));
  const auto c = lib.candidates(doc(kText), 10);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].source, 0u);
  EXPECT_EQ(lib.info(c[0].source).id, "copy");
}

TEST(Library, BoilerplateThresholdGrowsWithTheLibrary) {
  Library lib;
  EXPECT_EQ(lib.max_document_frequency(), 4u);  // small libraries: a fixed floor
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(lib.add({"s" + std::to_string(i), "", "", "word" + std::to_string(i)}).ok);
  EXPECT_EQ(lib.max_document_frequency(), 10u);  // 5% of 200
}

TEST(Library, PhrasesInManySourcesAreBoilerplate) {
  Library lib;
  const std::string common = "said in a statement released on Friday evening by the ministry";
  for (int i = 0; i < 30; ++i)
    ASSERT_TRUE(lib.add({"s" + std::to_string(i), "", "",
                         "Story number " + std::to_string(i) + " about topic " + std::to_string(i * 7) + ". The official " +
                             common + "."})
                    .ok);
  const Document page = doc("A spokesman " + common + ", and nothing else.");
  // Every fingerprint the page shares is in all 30 sources: no candidate at all.
  EXPECT_TRUE(lib.candidates(page, 50).empty());
  const auto& tokens = page.tokens();
  EXPECT_TRUE(lib.is_boilerplate(page, 0, static_cast<std::uint32_t>(tokens.size())));
  // A distinctive sentence is not boilerplate.
  const Document distinct = doc("Story number 7 about topic 49. The official");
  EXPECT_FALSE(lib.is_boilerplate(distinct, 0, static_cast<std::uint32_t>(distinct.tokens().size())));
}

}  // namespace
}  // namespace reuselens
