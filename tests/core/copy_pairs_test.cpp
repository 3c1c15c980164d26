#include "reuselens/copy_pairs.hpp"

#include "test_util.hpp"

namespace reuselens {
namespace {

Passage passage(std::uint32_t page_first, PassageKind kind, bool sentence_seeded) {
  Passage p;
  p.page_first_token = page_first;
  p.page_last_token = page_first + 30;
  p.kind = kind;
  p.sentence_seeded = sentence_seeded;
  return p;
}

TEST(CopyPairs, AVerbatimCopyDropsTheSentenceSeededPassages) {
  const auto kept = drop_restatements_beside_copies({passage(0, PassageKind::kParaphrase, true),
                                                     passage(100, PassageKind::kVerbatim, false),
                                                     passage(200, PassageKind::kSummary, true),
                                                     passage(300, PassageKind::kEdited, false)});
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].page_first_token, 100u);  // order kept
  EXPECT_EQ(kept[1].page_first_token, 300u);  // a copy with edits found from shared words stays
}

TEST(CopyPairs, WithoutAVerbatimCopyEverythingStays) {
  const auto kept = drop_restatements_beside_copies(
      {passage(0, PassageKind::kParaphrase, true), passage(100, PassageKind::kEdited, false)});
  EXPECT_EQ(kept.size(), 2u);
}

TEST(CopyPairs, AVerbatimStretchInsideAParaphraseIsNoCopyOfItsOwn) {
  // Sentence-seeded and verbatim: a restatement that kept its words, which
  // says nothing about how the rest of the pair was reused.
  EXPECT_FALSE(has_verbatim_copy({passage(0, PassageKind::kVerbatim, true)}));
  const auto kept = drop_restatements_beside_copies(
      {passage(0, PassageKind::kVerbatim, true), passage(100, PassageKind::kParaphrase, true)});
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_TRUE(has_verbatim_copy({passage(0, PassageKind::kVerbatim, false)}));
  EXPECT_FALSE(has_verbatim_copy({}));
}

}  // namespace
}  // namespace reuselens
