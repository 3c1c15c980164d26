// Tests for core/src/passage.cpp: names of kinds and steps, and the steps as reported.
#include "reuselens/passage.hpp"

#include <gtest/gtest.h>

#include <string>

namespace reuselens {
namespace {

constexpr std::uint32_t kNone = AlignmentStep::kNoToken;

TEST(Passage, Names) {
  EXPECT_EQ(std::string(kind_name(PassageKind::kSpun)), "spun");
  EXPECT_EQ(std::string(step_name(StepType::kSynonym)), "synonym");
  EXPECT_EQ(std::string(step_name(StepType::kMoved)), "moved");
}

TEST(ReportedSteps, AMultiWordSynonymIsOneStep) {
  // "talks with Russian Federation ." for "talks with Russia .", then one
  // inserted and one deleted word.
  const std::vector<AlignmentStep> steps = {
      {0, 0, StepType::kExact},    {1, 1, StepType::kExact},   {2, 2, StepType::kSynonym},
      {3, kNone, StepType::kSynonym}, {4, kNone, StepType::kInserted}, {kNone, 3, StepType::kDeleted},
      {5, 4, StepType::kSynonym},  {kNone, 5, StepType::kSynonym}, {kNone, 6, StepType::kSynonym},
  };
  const std::vector<ReportedStep> r = reported_steps(steps);
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[2].type, StepType::kSynonym);
  EXPECT_EQ(r[2].page_first, 2u);
  EXPECT_EQ(r[2].page_last, 4u);  // both page words
  EXPECT_EQ(r[2].source_first, 2u);
  EXPECT_EQ(r[2].source_last, 3u);
  EXPECT_EQ(r[3].type, StepType::kInserted);  // an inserted word stays apart
  EXPECT_EQ(r[3].source_first, r[3].source_last);
  EXPECT_EQ(r[4].type, StepType::kDeleted);
  EXPECT_EQ(r[4].page_first, r[4].page_last);
  EXPECT_EQ(r[5].page_first, 5u);  // one page word for three source words
  EXPECT_EQ(r[5].page_last, 6u);
  EXPECT_EQ(r[5].source_first, 4u);
  EXPECT_EQ(r[5].source_last, 7u);
  // Two one-word synonyms side by side stay two steps.
  EXPECT_EQ(reported_steps({{0, 0, StepType::kSynonym}, {1, 1, StepType::kSynonym}}).size(), 2u);
}

}  // namespace
}  // namespace reuselens
