// Words, numbers and sentences, found by Unicode category. Each token keeps its
// byte range in the original text and the hash of its normalized form.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "reuselens/language.hpp"

namespace reuselens {

enum TokenFlags : std::uint8_t {
  kTokenNumber = 1 << 0,    // digits, possibly with inner , or .
  kTokenStopword = 1 << 1,  // function word of its language ("the", "which"; "der", "und")
  kTokenIdeograph = 1 << 2, // one character, with its marks, of a script written without spaces (CJK, Thai)
  kTokenCapitalized = 1 << 3,  // starts with an upper-case letter in the original
  kTokenLink = 1 << 4,      // part of a web address; also flagged a stop word
};

struct Token {
  std::uint32_t begin = 0;  // byte offset in the original text
  std::uint32_t end = 0;    // one past the last byte
  std::uint64_t key = 0;    // hash_bytes(normalize_word(text))
  std::uint64_t stem = 0;   // hash_bytes(stem_written_word(...)); key for numbers and ideographs
  std::uint32_t synonyms = 0;  // synonym_entry(stem) for English content words, else 0
  std::uint8_t flags = 0;
  std::uint16_t function_classes = 0;  // function_word_classes(normalized), for stopwords
};

// A sentence as a half-open range of token indices.
struct Sentence {
  std::uint32_t first = 0;
  std::uint32_t last = 0;  // one past the last token
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Language language = kEnglish;  // of its Latin-script words (guess_language)
};

// Input must be valid UTF-8 (see find_invalid_utf8). Words are runs of letters,
// marks and digits, with inner apostrophes kept ("we're") and hyphens splitting
// ("four-year" -> four, year). Sentence ends know abbreviations ("Mr.", "U.S."),
// initials ("John F. Kerry") and closing quotes. The text's language
// (guess_language) picks the stemmer and the function words of its Latin-script
// words; only English words get synonyms and function-word classes.
TokenizedText tokenize(std::string_view text);

// English function words (a normalized word), and the whole sorted list.
bool is_stopword(std::string_view normalized_word);
const std::vector<std::string_view>& english_stopwords();

// The classes of function words that stand in for each other (one bit each):
// articles, demonstratives and possessives (the/a/this/its), relatives
// (which/that/who), prepositions of time and place (at/during/in), contrast
// (but/though/yet), direction (to/into/towards), cause and condition
// (because/since/as/if), forms of "be", modal verbs (will/would/can), negated
// modals (cannot/can't/won't), negated auxiliaries (isn't/don't/hasn't).
// 0 for other words.
std::uint16_t function_word_classes(std::string_view normalized_word);

}  // namespace reuselens
