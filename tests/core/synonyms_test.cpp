// Tests for core/src/synonyms.cpp: the WordNet synonym table, looked up by stem.
#include "reuselens/synonyms.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "reuselens/normalize.hpp"
#include "reuselens/stem.hpp"

namespace reuselens {
namespace {

// Entry of a word as the tokenizer would look it up: by its English stem.
std::uint32_t entry(const std::string& word) { return synonym_entry(stem_english(word)); }

bool synonyms(const std::string& a, const std::string& b) {
  return share_synonym_class(entry(a), entry(b));
}

TEST(Synonyms, CommonSynonymsShareAClass) {
  EXPECT_TRUE(synonyms("big", "large"));
  EXPECT_TRUE(synonyms("begin", "start"));
  EXPECT_TRUE(synonyms("important", "significant"));
  EXPECT_TRUE(synonyms("danger", "risk"));
  EXPECT_TRUE(synonyms("country", "nation"));
  EXPECT_TRUE(synonyms("buy", "purchase"));
  EXPECT_TRUE(synonyms("car", "automobile"));
  EXPECT_TRUE(synonyms("help", "assist"));
}

TEST(Synonyms, SymmetricAndReflexive) {
  EXPECT_TRUE(synonyms("large", "big"));
  EXPECT_TRUE(synonyms("risk", "danger"));
  EXPECT_TRUE(share_synonym_class(entry("big"), entry("big")));
}

TEST(Synonyms, InflectedFormsFoundThroughTheirStem) {
  // Snowball maps "started" to "start" and "quickly" to "quick".
  EXPECT_TRUE(synonyms("began", "started"));
  EXPECT_TRUE(synonyms("finished", "ended"));
  EXPECT_TRUE(synonyms("quickly", "rapidly"));
  EXPECT_TRUE(synonyms("helicopters", "choppers"));
  EXPECT_EQ(entry("steps"), entry("step"));
}

TEST(Synonyms, IrregularFormsJoinTheirBase) {
  // Snowball leaves "said" and "went" alone; WordNet's exception lists map them.
  EXPECT_NE(stem_english("said"), stem_english("say"));
  EXPECT_TRUE(synonyms("said", "say"));
  EXPECT_TRUE(synonyms("said", "told"));
  EXPECT_TRUE(synonyms("went", "go"));
  EXPECT_TRUE(synonyms("children", "kids"));
}

TEST(Synonyms, SwapsOfTheSeedSpinner) {
  // Article 000 is 001 run through a spinner; these swaps are in WordNet.
  EXPECT_TRUE(synonyms("ready", "prepared"));
  EXPECT_TRUE(synonyms("steps", "stairs"));
  EXPECT_TRUE(synonyms("last", "final"));
  EXPECT_TRUE(synonyms("danger", "risk"));
  // "said" -> "pronounced" is the sixth sense of "say": rare senses are left
  // out, as they would flag many unrelated words.
  EXPECT_FALSE(synonyms("said", "pronounced"));
}

TEST(Synonyms, NumeralsJoinTheirWords) {
  // The seed spinner wrote "4" for "four"; WordNet lists numerals with their words.
  EXPECT_TRUE(synonyms("4", "four"));
  EXPECT_TRUE(synonyms("100", "hundred"));
  EXPECT_TRUE(synonyms("1000", "thousand"));
  EXPECT_TRUE(synonyms("4th", "fourth"));
  EXPECT_FALSE(synonyms("4", "five"));
  EXPECT_FALSE(synonyms("4", "5"));
  EXPECT_FALSE(synonyms("4th", "four"));
}

// Entry of a phrase as refine.cpp looks it up: by the hashes of its words' stems.
std::uint32_t phrase(const std::vector<std::string>& words) {
  std::vector<std::uint64_t> stems;
  for (const std::string& w : words) stems.push_back(hash_bytes(stem_english(w)));
  return synonym_phrase_entry(stems.data(), stems.size());
}

TEST(Synonyms, PhrasesShareClassesWithWords) {
  // Seeds 002 and 003: "discussed areas" / "talked about areas".
  EXPECT_TRUE(share_synonym_class(phrase({"talked", "about"}), entry("discussed")));
  EXPECT_EQ(phrase({"talked", "about"}), phrase({"talk", "about"}));  // by stem
  EXPECT_TRUE(share_synonym_class(phrase({"armed", "forces"}), entry("military")));
  EXPECT_TRUE(share_synonym_class(phrase({"carry", "out"}), entry("execute")));
  // Word order counts, and a phrase is not its words.
  EXPECT_EQ(phrase({"about", "talked"}), 0u);
  EXPECT_EQ(phrase({"talked", "quickly"}), 0u);
  EXPECT_FALSE(share_synonym_class(phrase({"talked", "about"}), entry("large")));
  EXPECT_EQ(phrase({"talked"}), 0u);  // one word is synonym_entry's
  EXPECT_EQ(synonym_phrase_entry(nullptr, 0), 0u);
}

TEST(Synonyms, NamesOfOnePlaceShareAClass) {
  // Seeds 002-004 write a country's name in several ways.
  EXPECT_TRUE(share_synonym_class(phrase({"russian", "federation"}), entry("russia")));
  EXPECT_TRUE(share_synonym_class(phrase({"united", "states"}), entry("usa")));
  EXPECT_TRUE(share_synonym_class(phrase({"united", "states", "of", "america"}), entry("america")));
  EXPECT_TRUE(share_synonym_class(phrase({"united", "kingdom"}), entry("britain")));
  EXPECT_FALSE(share_synonym_class(entry("russia"), entry("usa")));
  EXPECT_FALSE(share_synonym_class(phrase({"united", "states"}), phrase({"united", "kingdom"})));
  // A common noun keeps its common senses: "bush" is a shrub, not the president.
  EXPECT_TRUE(synonyms("bush", "shrub"));
  EXPECT_FALSE(share_synonym_class(entry("bush"), phrase({"george", "bush"})));
}

TEST(Synonyms, UnrelatedWordsAreNotSynonyms) {
  EXPECT_FALSE(synonyms("cat", "democracy"));
  EXPECT_FALSE(synonyms("river", "president"));
  EXPECT_FALSE(synonyms("walk", "blue"));
  EXPECT_FALSE(synonyms("big", "small"));  // antonyms are not synonyms
}

TEST(Synonyms, WordsWithoutEntry) {
  EXPECT_EQ(synonym_entry(""), 0u);
  EXPECT_EQ(entry("qwertyuiop"), 0u);
  EXPECT_EQ(entry("obama"), 0u);  // names are only in it with their other names
  EXPECT_EQ(entry("the"), 0u);
  EXPECT_NE(entry("large"), 0u);
  // Lookup is by stem: the word itself may not be one.
  EXPECT_EQ(synonym_entry("started"), 0u);
  EXPECT_NE(synonym_entry("start"), 0u);
}

TEST(Synonyms, ZeroSharesNothing) {
  const std::uint32_t big = entry("big");
  ASSERT_NE(big, 0u);
  EXPECT_FALSE(share_synonym_class(big, 0));
  EXPECT_FALSE(share_synonym_class(0, big));
  EXPECT_FALSE(share_synonym_class(0, 0));
  const std::uint32_t past_end = static_cast<std::uint32_t>(synonym_table_stats().entries + 1);
  EXPECT_FALSE(share_synonym_class(big, past_end));
}

TEST(Synonyms, FirstUseFromManyThreads) {
  // The index is built on first use; concurrent first calls must agree.
  std::vector<std::uint32_t> got(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&got, i] { got[i] = synonym_entry("larg"); });
  }
  for (auto& t : threads) t.join();
  for (std::uint32_t e : got) EXPECT_EQ(e, got[0]);
  EXPECT_NE(got[0], 0u);
}

TEST(SynonymTableStats, Sane) {
  const SynonymTableStats s = synonym_table_stats();
  // Tens of thousands of words in some ten thousand synsets.
  EXPECT_GT(s.lemmas, 10000u);
  EXPECT_LE(s.entries, s.lemmas);  // lemmas sharing a stem share an entry
  EXPECT_GT(s.entries, s.lemmas / 2);
  EXPECT_GT(s.classes, 5000u);
  EXPECT_LT(s.classes, s.lemmas);  // every class joins two words
  // The table ships in the WASM module of the browser extension: it is about
  // 270 KB; a change that doubles it should be a deliberate choice.
  EXPECT_GT(s.table_bytes, 0u);
  EXPECT_LT(s.table_bytes, 400000u);
}

}  // namespace
}  // namespace reuselens
