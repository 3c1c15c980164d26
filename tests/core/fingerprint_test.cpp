// Tests for core/src/fingerprint.cpp: n-gram hashes and winnowing.
#include "reuselens/fingerprint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "reuselens/normalize.hpp"
#include "reuselens/tokenize.hpp"

namespace reuselens {
namespace {

std::vector<Token> toks(const std::string& text) { return tokenize(text).tokens; }

// ---------------------------------------------------------------------------
// ngram_hashes

TEST(NgramHashes, OneHashPerWindow) {
  const auto tokens = toks("one two three four five six seven");
  ASSERT_EQ(tokens.size(), 7u);
  for (std::size_t n = 1; n <= 7; ++n) EXPECT_EQ(ngram_hashes(tokens, n).size(), 7 - n + 1) << n;
}

TEST(NgramHashes, EmptyWhenTooFewTokens) {
  const auto tokens = toks("one two three");
  EXPECT_TRUE(ngram_hashes(tokens, 4).empty());
  EXPECT_TRUE(ngram_hashes(tokens, 100).empty());
  EXPECT_TRUE(ngram_hashes({}, 1).empty());
  EXPECT_TRUE(ngram_hashes(tokens, 0).empty());
  EXPECT_EQ(ngram_hashes(tokens, 3).size(), 1u);
}

TEST(NgramHashes, EqualNgramsGiveEqualHashes) {
  // "a b c" occurs at 0 and at 4.
  const auto h = ngram_hashes(toks("alpha beta gamma delta alpha beta gamma"), 3);
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0], h[4]);
  EXPECT_NE(h[0], h[1]);
  EXPECT_NE(h[1], h[2]);
  EXPECT_NE(h[2], h[3]);
}

TEST(NgramHashes, IndependentOfCaseQuotesAndDiacritics) {
  const auto a = ngram_hashes(toks("\xE2\x80\x9CThe Caf\xC3\xA9\xE2\x80\x99s OWNER said\xE2\x80\x9D"), 3);
  const auto b = ngram_hashes(toks("the cafe's owner SAID"), 3);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a, b);
}

TEST(NgramHashes, OrderMatters) {
  const auto abc = ngram_hashes(toks("alpha beta gamma"), 3);
  const auto acb = ngram_hashes(toks("alpha gamma beta"), 3);
  const auto cba = ngram_hashes(toks("gamma beta alpha"), 3);
  ASSERT_EQ(abc.size(), 1u);
  ASSERT_EQ(acb.size(), 1u);
  ASSERT_EQ(cba.size(), 1u);
  EXPECT_NE(abc[0], acb[0]);
  EXPECT_NE(abc[0], cba[0]);
  EXPECT_NE(acb[0], cba[0]);
}

TEST(NgramHashes, DependsOnEveryTokenAndOnN) {
  const auto base = ngram_hashes(toks("w1 w2 w3 w4"), 4);
  ASSERT_EQ(base.size(), 1u);
  for (int i = 0; i < 4; ++i) {
    std::string text;
    for (int j = 0; j < 4; ++j) text += (j == i ? "other " : "w" + std::to_string(j + 1) + " ");
    EXPECT_NE(ngram_hashes(toks(text), 4).at(0), base[0]) << "changed token " << i;
  }
  // The same token repeated gives different hashes for different n.
  const auto rep = toks("x x x x");
  EXPECT_NE(ngram_hashes(rep, 2).at(0), ngram_hashes(rep, 3).at(0));
}

TEST(NgramHashes, HashesAreSpreadOverDistinctNgrams) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "w" + std::to_string(i) + " ";
  const auto h = ngram_hashes(toks(text), 4);
  ASSERT_EQ(h.size(), 1997u);
  EXPECT_EQ(std::set<std::uint64_t>(h.begin(), h.end()).size(), h.size());
}

// ---------------------------------------------------------------------------
// ngram_all_stopwords

TEST(NgramAllStopwords, OnlyWhenEveryTokenIsAStopword) {
  const auto tokens = toks("in which to find the answer");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_TRUE(ngram_all_stopwords(tokens, 0, 3));   // in which to
  EXPECT_FALSE(ngram_all_stopwords(tokens, 0, 4));  // ... find
  EXPECT_FALSE(ngram_all_stopwords(tokens, 1, 3));  // which to find
  EXPECT_FALSE(ngram_all_stopwords(tokens, 3, 3));  // find the answer
  EXPECT_TRUE(ngram_all_stopwords(tokens, 4, 1));   // the
  EXPECT_FALSE(ngram_all_stopwords(tokens, 5, 1));  // answer
  // Stop-word status comes from the normalized word: "The" and "WHICH" count.
  const auto upper = toks("The WHICH Of");
  EXPECT_TRUE(ngram_all_stopwords(upper, 0, 3));
}

// ---------------------------------------------------------------------------
// winnow

std::vector<std::uint64_t> random_hashes(std::size_t count, std::uint64_t seed, std::uint64_t modulo) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> out(count);
  for (auto& h : out) h = modulo ? rng() % modulo : rng();
  return out;
}

// The rightmost minimum of every window, by brute force.
std::set<std::size_t> brute_force_minima(const std::vector<std::uint64_t>& h, std::size_t window) {
  std::set<std::size_t> out;
  if (h.empty()) return out;
  const std::size_t w = std::max<std::size_t>(window, 1);
  const std::size_t windows = h.size() >= w ? h.size() - w + 1 : 1;
  for (std::size_t s = 0; s < windows; ++s) {
    std::size_t best = s;
    for (std::size_t i = s; i < std::min(s + w, h.size()); ++i)
      if (h[i] <= h[best]) best = i;
    out.insert(best);
  }
  return out;
}

void check_winnow(const std::vector<std::uint64_t>& h, std::size_t window) {
  const auto fps = winnow(h, window);
  // Positions strictly increasing; each fingerprint carries its own hash.
  for (std::size_t i = 0; i < fps.size(); ++i) {
    ASSERT_LT(fps[i].position, h.size());
    ASSERT_EQ(fps[i].hash, h[fps[i].position]);
    if (i > 0) ASSERT_LT(fps[i - 1].position, fps[i].position);
  }
  std::set<std::size_t> selected;
  for (const Fingerprint& f : fps) selected.insert(f.position);
  // Every window of `window` consecutive hashes has its minimum selected ...
  for (std::size_t s = 0; s + window <= h.size(); ++s) {
    const std::uint64_t min = *std::min_element(h.begin() + s, h.begin() + s + window);
    bool found = false;
    for (std::size_t i = s; i < s + window; ++i)
      if (h[i] == min && selected.count(i)) found = true;
    ASSERT_TRUE(found) << "window at " << s << " of size " << window;
  }
  // ... and exactly the (rightmost) window minima are selected.
  ASSERT_EQ(selected, brute_force_minima(h, window));
}

TEST(Winnow, GuaranteeHoldsOnRandomHashes) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    for (std::size_t window : {2u, 3u, 4u, 5u, 8u, 17u}) {
      SCOPED_TRACE("seed " + std::to_string(seed) + " window " + std::to_string(window));
      check_winnow(random_hashes(300, seed, 0), window);
      check_winnow(random_hashes(300, seed, 7), window);  // many ties
    }
  }
}

TEST(Winnow, RightmostMinimumOnTies) {
  const std::vector<std::uint64_t> h = {5, 5, 5};
  const auto fps = winnow(h, 3);
  ASSERT_EQ(fps.size(), 1u);
  EXPECT_EQ(fps[0].position, 2u);
  const auto all_equal = winnow(std::vector<std::uint64_t>(10, 9), 4);
  // Windows [0,4) .. [6,10): rightmost minima are 3, 4, ..., 9.
  ASSERT_EQ(all_equal.size(), 7u);
  for (std::size_t i = 0; i < all_equal.size(); ++i) EXPECT_EQ(all_equal[i].position, i + 3);
}

TEST(Winnow, KnownExample) {
  // Windows of 3: [77 74 42]->42@2, [74 42 17]->17@3, [42 17 98]->17@3,
  // [17 98 50]->17@3, [98 50 17]->17@6, [50 17 98]->17@6,
  // [17 98 8]->8@8, [98 8 88]->8@8.
  const std::vector<std::uint64_t> h = {77, 74, 42, 17, 98, 50, 17, 98, 8, 88};
  const auto fps = winnow(h, 3);
  std::vector<std::uint32_t> pos;
  for (const Fingerprint& f : fps) pos.push_back(f.position);
  EXPECT_EQ(pos, (std::vector<std::uint32_t>{2, 3, 6, 8}));
  ASSERT_EQ(fps.size(), 4u);
  EXPECT_EQ(fps[0].hash, 42u);
  EXPECT_EQ(fps[3].hash, 8u);
}

TEST(Winnow, WindowOfOneReturnsEveryHash) {
  const auto h = random_hashes(50, 3, 5);
  const auto fps = winnow(h, 1);
  ASSERT_EQ(fps.size(), h.size());
  for (std::size_t i = 0; i < h.size(); ++i) {
    EXPECT_EQ(fps[i].position, i);
    EXPECT_EQ(fps[i].hash, h[i]);
  }
}

TEST(Winnow, FewerHashesThanTheWindowReturnTheMinimum) {
  const std::vector<std::uint64_t> h = {40, 10, 30, 10, 20};
  const auto fps = winnow(h, 8);
  ASSERT_EQ(fps.size(), 1u);
  EXPECT_EQ(fps[0].hash, 10u);
  EXPECT_EQ(fps[0].position, 3u);  // rightmost of the two minima
  // Exactly one window's worth.
  const auto exact = winnow(h, 5);
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_EQ(exact[0].position, 3u);
  EXPECT_TRUE(winnow({}, 4).empty());
  const auto one = winnow({123}, 4);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].hash, 123u);
  EXPECT_EQ(one[0].position, 0u);
}

// The point of winnowing: two texts sharing a run of window + n - 1 tokens
// share at least one fingerprint, wherever the run sits.
TEST(Winnow, SharedRunsAlwaysShareAFingerprint) {
  const std::size_t n = 4, window = 4;
  std::mt19937 rng(42);
  auto random_words = [&](std::size_t count, const std::string& prefix) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) s += prefix + std::to_string(rng() % 1000) + " ";
    return s;
  };
  for (int trial = 0; trial < 200; ++trial) {
    const std::string shared = random_words(window + n - 1, "s");
    const std::string a = random_words(rng() % 30, "a") + shared + random_words(rng() % 30, "a");
    const std::string b = random_words(rng() % 30, "b") + shared + random_words(rng() % 30, "b");
    std::set<std::uint64_t> fa;
    for (const Fingerprint& f : winnow(ngram_hashes(toks(a), n), window)) fa.insert(f.hash);
    bool common = false;
    for (const Fingerprint& f : winnow(ngram_hashes(toks(b), n), window)) common = common || fa.count(f.hash) > 0;
    ASSERT_TRUE(common) << "trial " << trial << "\nA: " << a << "\nB: " << b;
  }
}

}  // namespace
}  // namespace reuselens
