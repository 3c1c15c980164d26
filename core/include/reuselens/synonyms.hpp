// Synonym classes from WordNet, compiled in at build time by
// scripts/build_synonyms.py: a class is a synset, and a word belongs to the
// synsets of its most common senses ("next" and "subsequent" do not share one,
// "danger" and "risk" do). Words are looked up by Snowball English stem, so
// "finished" finds "finish"; lemmas sharing a stem pool their classes.
// Phrases are in it too ("talk about" with "discuss", "Russian Federation"
// with "Russia"), looked up by the stems of their words.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace reuselens {

// Entry of a word in the WordNet synonym table, looked up by its Snowball English stem; 0 when it has none.
std::uint32_t synonym_entry(std::string_view stem);

// Entry of a phrase of two or more English words ("talked about", "Russian
// Federation"), given the hashes of their stems in order (Token::stem, that
// is hash_bytes(stem_english(word))); 0 when the table has none.
std::uint32_t synonym_phrase_entry(const std::uint64_t* stems, std::size_t count);

// The sorted synonym class ids of an entry; empty for 0 or an unknown entry.
struct SynonymClasses {
  const std::uint32_t* begin_ = nullptr;
  const std::uint32_t* end_ = nullptr;
  const std::uint32_t* begin() const { return begin_; }
  const std::uint32_t* end() const { return end_; }
};
SynonymClasses synonym_classes(std::uint32_t entry);

// True when two entries (non-zero) share a synonym class.
bool share_synonym_class(std::uint32_t a, std::uint32_t b);

struct SynonymTableStats {
  std::size_t lemmas;       // WordNet words and phrases in the table
  std::size_t entries;      // distinct stems of those (a phrase's: its words' stems)
  std::size_t classes;      // synsets kept as classes
  std::size_t table_bytes;  // size of the compiled-in table data
};
SynonymTableStats synonym_table_stats();

}  // namespace reuselens
