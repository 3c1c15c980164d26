// Hashed word n-grams and winnowing (Schleimer et al., SIGMOD 2003): the
// features the library indexes and the seeds alignment starts from.
#pragma once
#include <cstdint>
#include <vector>

#include "reuselens/tokenize.hpp"

namespace reuselens {

// One hash per window of n consecutive tokens: hashes[i] covers tokens
// [i, i+n). Empty when there are fewer than n tokens.
std::vector<std::uint64_t> ngram_hashes(const std::vector<Token>& tokens, std::size_t n);

// True when every token of the n-gram at i is a stop word: such n-grams
// ("in which to find") are too common to seed a match.
bool ngram_all_stopwords(const std::vector<Token>& tokens, std::size_t i, std::size_t n);

// The library's key for a content word (its stem hash): a seed no n-gram hash
// starts from, so words and n-grams share one posting list without clashing.
std::uint64_t word_posting_key(std::uint64_t stem);

struct Fingerprint {
  std::uint64_t hash = 0;
  std::uint32_t position = 0;  // index of the n-gram's first token
};

// Winnowing: the minimum hash of every window of `window` consecutive n-gram
// hashes (rightmost on ties), each kept once. Any run of window+n-1 shared
// tokens yields at least one shared fingerprint.
std::vector<Fingerprint> winnow(const std::vector<std::uint64_t>& hashes, std::size_t window);

}  // namespace reuselens
