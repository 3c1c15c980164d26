#include "reuselens/anchor_chain.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

namespace reuselens {
namespace {

// gtest's Test::Run hides reuselens::Run inside a TEST body.
using Anchor = reuselens::Run;

std::uint64_t weight(const std::vector<Run>& chain) {
  std::uint64_t w = 0;
  for (const Run& r : chain) w += r.length;
  return w;
}

bool precedes(const Run& a, const Run& b) { return a.page + a.length <= b.page && a.source + a.length <= b.source; }

bool is_chain(const std::vector<Run>& chain) {
  for (std::size_t i = 1; i < chain.size(); ++i)
    if (!precedes(chain[i - 1], chain[i])) return false;
  return true;
}

// The plain O(k^2) dynamic programme, with the same order among equals: the
// reference for the fast one.
std::vector<Run> reference_chain(std::vector<Run> runs) {
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    return std::tie(a.page, a.source, a.length) < std::tie(b.page, b.source, b.length);
  });
  const std::size_t k = runs.size();
  if (k <= 1) return runs;
  std::vector<std::uint64_t> best(k);
  std::vector<std::size_t> prev(k, k);
  for (std::size_t i = 0; i < k; ++i) {
    best[i] = runs[i].length;
    for (std::size_t j = 0; j < i; ++j)
      if (precedes(runs[j], runs[i]) && best[j] + runs[i].length > best[i]) {
        best[i] = best[j] + runs[i].length;
        prev[i] = j;
      }
  }
  std::size_t last = static_cast<std::size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  std::vector<Run> chain;
  for (std::size_t i = last; i != k; i = prev[i]) chain.push_back(runs[i]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

bool same(const std::vector<Run>& a, const std::vector<Run>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Run& x, const Run& y) {
    return x.page == y.page && x.source == y.source && x.length == y.length;
  });
}

TEST(AnchorChain, NoneOrOneRunIsItsOwnChain) {
  EXPECT_TRUE(heaviest_monotone_chain({}).empty());
  const auto one = heaviest_monotone_chain({{5, 9, 3}});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].page, 5u);
}

TEST(AnchorChain, KeepsRunsInOrderOnBothSidesAndDropsTheLighterCrossing) {
  // Runs 1 and 2 keep order; run 3 (moved to the source's start) crosses
  // both and weighs less than the two together.
  const auto chain = heaviest_monotone_chain({{0, 10, 4}, {4, 14, 4}, {8, 0, 6}});
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].page, 0u);
  EXPECT_EQ(chain[1].page, 4u);
  // The crossing run wins once it outweighs them.
  const auto heavier = heaviest_monotone_chain({{0, 10, 4}, {4, 14, 4}, {8, 0, 9}});
  ASSERT_EQ(heavier.size(), 1u);
  EXPECT_EQ(heavier[0].page, 8u);
}

TEST(AnchorChain, RunsMayTouchButNotOverlap) {
  EXPECT_EQ(heaviest_monotone_chain({{0, 0, 4}, {4, 4, 4}}).size(), 2u);  // touching
  EXPECT_EQ(heaviest_monotone_chain({{0, 0, 4}, {3, 8, 4}}).size(), 1u);  // overlap on the page
  EXPECT_EQ(heaviest_monotone_chain({{0, 0, 4}, {8, 3, 4}}).size(), 1u);  // overlap in the source
}

TEST(AnchorChain, AgreesWithThePlainDynamicProgrammeOnRandomRuns) {
  std::mt19937 random(20261122);
  for (int round = 0; round < 400; ++round) {
    // Few positions, so that ties, overlaps and crossings are common.
    const std::uint32_t span = 5 + random() % 60;
    std::vector<Anchor> runs(random() % 40);
    for (Anchor& r : runs) r = {static_cast<std::uint32_t>(random() % span), static_cast<std::uint32_t>(random() % span),
                             static_cast<std::uint32_t>(1 + random() % 6)};
    const auto fast = heaviest_monotone_chain(runs);
    const auto slow = reference_chain(runs);
    EXPECT_TRUE(is_chain(fast));
    EXPECT_EQ(weight(fast), weight(slow)) << "round " << round;
    EXPECT_TRUE(same(fast, slow)) << "round " << round;
  }
}

TEST(AnchorChain, TiesGoTheSameWayWhateverOrderTheRunsCameIn) {
  // Many runs on few pages tie; the chain kept must depend on the runs alone,
  // not on their order or on how the standard library sorts (the WASM
  // build's sort is another, and its passages must be the native ones).
  std::mt19937 random(20261122);
  for (int round = 0; round < 100; ++round) {
    std::vector<Anchor> runs(40 + random() % 60);
    for (Anchor& r : runs) r = {static_cast<std::uint32_t>(random() % 8), static_cast<std::uint32_t>(random() % 40),
                             static_cast<std::uint32_t>(1 + random() % 3)};
    const auto first = heaviest_monotone_chain(runs);
    for (int order = 0; order < 5; ++order) {
      std::shuffle(runs.begin(), runs.end(), random);
      EXPECT_TRUE(same(heaviest_monotone_chain(runs), first)) << "round " << round << ", order " << order;
    }
  }
}

TEST(AnchorChain, FindsTheDiagonalAmongAHundredThousandCrossingRuns) {
  // What a page and a source that repeat a few words give: every position
  // shares a run with many others. The diagonal (page == source) is the
  // heaviest chain; the other runs cross it.
  std::vector<Anchor> runs;
  const std::uint32_t n = 20000;
  for (std::uint32_t i = 0; i < n; ++i)
    for (std::uint32_t shift : {0u, 7u, 13u, 29u, 101u}) runs.push_back({3 * i, 3 * ((i + shift) % n), 2});
  const auto chain = heaviest_monotone_chain(runs);
  EXPECT_TRUE(is_chain(chain));
  EXPECT_EQ(weight(chain), 2u * n);
  EXPECT_EQ(chain.front().source, 0u);
}

}  // namespace
}  // namespace reuselens
