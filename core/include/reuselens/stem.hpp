// Word stems from the Snowball stemmers (libstemmer): "pronounced" and
// "pronounce" share the stem "pronounc". English for Latin-script words,
// Russian for Cyrillic ones; other scripts are left as they are.
#pragma once
#include <string>
#include <string_view>

namespace reuselens {

// Stem of a normalized word (see normalize_word). Thread safe: each thread
// keeps its own stemmers.
std::string stem_word(std::string_view normalized_word);

// The English stemmer alone, for word lists known to be English (WordNet).
std::string stem_english(std::string_view normalized_word);

}  // namespace reuselens
