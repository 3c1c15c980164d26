// Word stems from the Snowball stemmers (libstemmer): "pronounced" and
// "pronounce" share the stem "pronounc". A word gets the stemmer of its
// language (word_language in language.hpp: its script and the text's
// language); words of languages Snowball does not stem and of scripts without
// a language are left as they are.
#pragma once
#include <string>
#include <string_view>

#include "reuselens/language.hpp"

namespace reuselens {

// Stem of a normalized word (see normalize_word) in a text of `text_language`.
// Thread safe: each thread keeps its own stemmers.
std::string stem_word(std::string_view normalized_word, Language text_language = kEnglish);

// Stem of a word as written (`written`, with `normalized` its normalize_word).
// What the tokenizer uses: languages other than English and Russian are
// stemmed with their diacritics ("conversación" and "conversaciones" -> "convers";
// as normalized, "conversacion" would keep its suffix), which the stem then loses.
std::string stem_written_word(std::string_view written, std::string_view normalized, Language text_language);
// The same for a word whose language is already known (word_language's answer).
std::string stem_in_language(std::string_view written, std::string_view normalized, Language word_language);

// The English stemmer alone, for word lists known to be English (WordNet).
std::string stem_english(std::string_view normalized_word);

}  // namespace reuselens
