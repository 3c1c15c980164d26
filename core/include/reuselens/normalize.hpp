// The comparison key of a word: NFKC, case folded, diacritics removed, quote and
// dash variants unified. Normalization never changes offsets: it only produces
// keys for tokens whose byte ranges point into the original text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace reuselens {

// Maps typographic variants to one form: curly/prime apostrophes -> ',
// double quotes and guillemets -> ", dashes and minus signs -> -, and every
// Unicode space -> ' '. Other code points are returned unchanged.
char32_t unify_punctuation(char32_t cp);

// Normalized form of a word (valid UTF-8 in, valid UTF-8 out).
// "Café" -> "cafe", "ＵＳ" -> "us", "Straße" -> "strasse", "Russia’s" -> "russia's".
// Marks that are vowels in Indic and Southeast Asian scripts stay: "रूसी" is
// not "रूस".
std::string normalize_word(std::string_view word);

// normalize_word without removing diacritics: "Conversación" -> "conversación".
// For the Snowball stemmers of languages whose suffixes carry them ("-ción").
std::string fold_case(std::string_view word);

// 64-bit hash used for token keys and n-gram fingerprints.
std::uint64_t hash_bytes(std::string_view bytes);
std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t value);

}  // namespace reuselens
