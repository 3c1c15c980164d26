#include "reuselens/fingerprint.hpp"

#include <algorithm>

#include "reuselens/normalize.hpp"

namespace reuselens {

std::vector<std::uint64_t> ngram_hashes(const std::vector<Token>& tokens, std::size_t n) {
  std::vector<std::uint64_t> out;
  if (n == 0 || tokens.size() < n) return out;
  out.resize(tokens.size() - n + 1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint64_t h = n;
    for (std::size_t j = 0; j < n; ++j) h = hash_combine(h, tokens[i + j].key);
    out[i] = h;
  }
  return out;
}

std::uint64_t word_posting_key(std::uint64_t stem) {
  constexpr std::uint64_t kWordSeed = 0x776f7264;  // "word"; n-gram hashes start from n
  return hash_combine(kWordSeed, stem);
}

bool ngram_all_stopwords(const std::vector<Token>& tokens, std::size_t i, std::size_t n) {
  for (std::size_t j = i; j < i + n && j < tokens.size(); ++j)
    if (!(tokens[j].flags & kTokenStopword)) return false;
  return true;
}

std::vector<Fingerprint> winnow(const std::vector<std::uint64_t>& hashes, std::size_t window) {
  std::vector<Fingerprint> out;
  if (hashes.empty()) return out;
  if (window <= 1) {
    for (std::size_t i = 0; i < hashes.size(); ++i) out.push_back({hashes[i], static_cast<std::uint32_t>(i)});
    return out;
  }
  const std::size_t last_start = hashes.size() > window ? hashes.size() - window : 0;
  std::size_t previous = static_cast<std::size_t>(-1);
  for (std::size_t start = 0; start <= last_start; ++start) {
    const std::size_t end = std::min(start + window, hashes.size());
    std::size_t best = start;
    for (std::size_t i = start + 1; i < end; ++i)
      if (hashes[i] <= hashes[best]) best = i;  // rightmost minimum
    if (best != previous) {
      out.push_back({hashes[best], static_cast<std::uint32_t>(best)});
      previous = best;
    }
  }
  return out;
}

}  // namespace reuselens
