#include "reuselens/refine.hpp"

#include "reuselens/align.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;
using test::slice;

Passage refine_all(const Document& page, const Document& source) {
  Passage p;
  EXPECT_TRUE(refine_passage(p, page, 0, static_cast<std::uint32_t>(page.tokens().size()), source, 0,
                             static_cast<std::uint32_t>(source.tokens().size()), {}));
  return p;
}

std::vector<StepType> ops(const Passage& p) {
  std::vector<StepType> out;
  for (const AlignmentStep& s : p.alignment) out.push_back(s.type);
  return out;
}

TEST(Relate, ExactStemSynonymFunctionSubstituted) {
  const Document a = doc("talks the said big banana");
  const Document b = doc("talk a pronounced large forest");
  const auto& ta = a.tokens();
  const auto& tb = b.tokens();
  EXPECT_EQ(relate(ta[0], ta[0]), StepType::kExact);
  EXPECT_EQ(relate(ta[0], tb[0]), StepType::kStem);      // talks / talk
  EXPECT_EQ(relate(ta[1], tb[1]), StepType::kFunction);  // the / a
  EXPECT_EQ(relate(ta[3], tb[3]), StepType::kSynonym);   // big / large (WordNet)
  EXPECT_EQ(relate(ta[4], tb[4]), StepType::kSubstituted);
}

TEST(Relate, FunctionWordsStandInOnlyWithinTheirClass) {
  const Document a = doc("which at but the the is");
  const Document b = doc("that during though a but will");
  const auto& ta = a.tokens();
  const auto& tb = b.tokens();
  EXPECT_EQ(relate(ta[0], tb[0]), StepType::kFunction);     // which / that
  EXPECT_EQ(relate(ta[1], tb[1]), StepType::kFunction);     // at / during
  EXPECT_EQ(relate(ta[2], tb[2]), StepType::kFunction);     // but / though
  EXPECT_EQ(relate(ta[3], tb[3]), StepType::kFunction);     // the / a
  EXPECT_EQ(relate(ta[4], tb[4]), StepType::kSubstituted);  // the / but: unrelated
  EXPECT_EQ(relate(ta[5], tb[5]), StepType::kSubstituted);  // is / will
}

TEST(Refine, SpunSentenceAlignsWordForWord) {
  // Seed 000 spins 001: military -> infantry, said -> pronounced, very -> really.
  const Document source = doc("Obama believes that holding military talks with Russia is important and hopes they "
                              "will take place very shortly, Kerry said on Friday.");
  const Document page = doc("Obama believes that holding infantry talks with Russia is critical and hopes they "
                            "will take place really shortly, Kerry pronounced on Friday.");
  const Passage p = refine_all(page, source);
  EXPECT_EQ(p.kind, PassageKind::kSpun);
  ASSERT_EQ(p.alignment.size(), page.tokens().size());  // one for one: nothing inserted or deleted
  for (const AlignmentStep& s : p.alignment) {
    ASSERT_NE(s.page, AlignmentStep::kNoToken);
    ASSERT_NE(s.source, AlignmentStep::kNoToken);
    EXPECT_EQ(s.page, s.source);
  }
  EXPECT_EQ(p.alignment[4].type, StepType::kSubstituted);  // infantry / military
  EXPECT_EQ(p.matched_tokens, page.tokens().size() - 4);
  EXPECT_GT(p.score, 0.8);
  EXPECT_LT(p.score, 1.0);
}

TEST(Refine, InsertionsAndDeletionsAreSteps) {
  const Document source = doc("Kerry plans military talks with Russia over Syria");
  const Document page = doc("Kerry plans new military talks with Russia over Syria");
  const Passage p = refine_all(page, source);
  EXPECT_EQ(p.kind, PassageKind::kEdited);
  const auto o = ops(p);
  EXPECT_EQ(std::count(o.begin(), o.end(), StepType::kInserted), 1);
  EXPECT_EQ(std::count(o.begin(), o.end(), StepType::kDeleted), 0);
  EXPECT_EQ(std::count(o.begin(), o.end(), StepType::kExact), 8);
}

TEST(Refine, AMultiWordSynonymIsOneEdit) {
  // Seed 004 writes "Russian Federation" for seed 002's "Russia".
  const Document source = doc("Kerry plans military talks with Russia over Syria");
  const Document page = doc("Kerry plans military talks with Russian Federation over Syria");
  const Passage p = refine_all(page, source);
  ASSERT_EQ(p.alignment.size(), 9u);
  // Its first word pairs with "Russia", the second has no partner of its own.
  EXPECT_EQ(p.alignment[5].type, StepType::kSynonym);
  EXPECT_EQ(p.alignment[5].page, 5u);
  EXPECT_EQ(p.alignment[5].source, 5u);
  EXPECT_EQ(p.alignment[6].type, StepType::kSynonym);
  EXPECT_EQ(p.alignment[6].page, 6u);
  EXPECT_EQ(p.alignment[6].source, AlignmentStep::kNoToken);
  EXPECT_EQ(p.alignment[7].source, 6u);  // over
  EXPECT_EQ(p.kind, PassageKind::kEdited);  // one swap, not a spin
  EXPECT_EQ(similar_tokens(p), 8u);         // the pairs: one for the phrase
  EXPECT_GT(p.score, 0.9);
  EXPECT_LT(p.score, 1.0);
  // The other way round: "Russia" for "Russian Federation".
  const Passage back = refine_all(source, page);
  ASSERT_EQ(back.alignment.size(), 9u);
  EXPECT_EQ(back.alignment[5].type, StepType::kSynonym);
  EXPECT_EQ(back.alignment[6].type, StepType::kSynonym);
  EXPECT_EQ(back.alignment[6].page, AlignmentStep::kNoToken);
  EXPECT_EQ(back.alignment[6].source, 6u);
  // Words that are no phrase of one class stay a swap and an insertion.
  const Passage other = refine_all(doc("Kerry plans military talks with Russian leaders over Syria"), source);
  const auto o = ops(other);
  EXPECT_EQ(std::count(o.begin(), o.end(), StepType::kSynonym), 0);
  EXPECT_EQ(std::count(o.begin(), o.end(), StepType::kInserted), 1);
}

TEST(Refine, AFurtherWordOfASynonymWithoutItsFirstStandsAlone) {
  // Trimming may cut a phrase's first words off; what is left of it is an
  // inserted (deleted) word, not a synonym of nothing.
  Passage p;
  p.alignment = {{0, AlignmentStep::kNoToken, StepType::kSynonym}, {1, 0, StepType::kExact},
                 {2, 1, StepType::kExact}, {3, 2, StepType::kSynonym},
                 {4, AlignmentStep::kNoToken, StepType::kSynonym}};
  RefineOptions keep;
  keep.trim_edges = false;
  ASSERT_TRUE(summarize_alignment(p, keep));
  ASSERT_EQ(p.alignment.size(), 5u);
  EXPECT_EQ(p.alignment[0].type, StepType::kInserted);
  EXPECT_EQ(p.alignment[4].type, StepType::kSynonym);  // after its first word
  // With trimming, it goes; the phrase at the end holds together.
  p.alignment = {{0, AlignmentStep::kNoToken, StepType::kSynonym}, {1, 0, StepType::kExact},
                 {2, 1, StepType::kExact}, {3, 2, StepType::kSynonym},
                 {4, AlignmentStep::kNoToken, StepType::kSynonym}};
  ASSERT_TRUE(summarize_alignment(p));
  EXPECT_EQ(p.page_first_token, 1u);
  EXPECT_EQ(p.page_last_token, 5u);
}

TEST(Refine, VerbatimAndSummaryKinds) {
  const Document s = doc("The talks will take place very shortly in Geneva.");
  EXPECT_EQ(refine_all(s, s).kind, PassageKind::kVerbatim);
  EXPECT_DOUBLE_EQ(refine_all(s, s).score, 1.0);
  std::string long_source = "Diplomats met in Geneva for talks on Syria. ";
  for (int i = 0; i < 6; ++i) long_source += "Filler sentence number " + std::to_string(i) + " says nothing new. ";
  long_source += "The long war went on today.";
  const Document summary = doc("Diplomats met in Geneva for talks on Syria; the long war went on today.");
  const Document source = doc(long_source);
  Passage p;
  RefineOptions whole;  // as sentence seeds give it: the whole source stretch
  whole.trim_edges = false;
  ASSERT_TRUE(refine_passage(p, summary, 0, static_cast<std::uint32_t>(summary.tokens().size()), source, 0,
                             static_cast<std::uint32_t>(source.tokens().size()), {}, whole));
  EXPECT_EQ(p.kind, PassageKind::kSummary);
  // Source words past the last correspondence are not part of it.
  Passage extra;
  const Document longer = doc(long_source + " Nothing else happened after that at all in the city.");
  ASSERT_TRUE(refine_passage(extra, summary, 0, static_cast<std::uint32_t>(summary.tokens().size()), longer, 0,
                             static_cast<std::uint32_t>(longer.tokens().size()), {}, whole));
  EXPECT_EQ(extra.source_last_token, p.source_last_token);
}

TEST(Refine, EdgesWithoutCorrespondenceAreTrimmed) {
  const Document source = doc("alpha beta gamma delta epsilon zeta eta theta iota kappa");
  const Document page = doc("xylophone alpha beta gamma delta epsilon zeta eta theta iota kappa quartz");
  const Passage p = refine_all(page, source);
  EXPECT_EQ(slice(page, page.tokens()[p.page_first_token].begin, page.tokens()[p.page_last_token - 1].end),
            "alpha beta gamma delta epsilon zeta eta theta iota kappa");
}

TEST(Refine, NothingCorrespondingGivesNoPassage) {
  Passage p;
  const Document a = doc("alpha beta gamma");
  const Document b = doc("xylophone quartz zebra");
  EXPECT_FALSE(refine_passage(p, a, 0, 3, b, 0, 3, {}));
}

}  // namespace
}  // namespace reuselens
