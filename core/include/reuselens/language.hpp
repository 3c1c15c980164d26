// The language of a text, guessed from its function words, and what goes with
// a language: its Snowball stemmer (where Snowball has one) and its function
// words. English is the default and the only language with synonyms (WordNet)
// and classes of interchangeable function words. A word's script decides which
// languages it can be of (word_language): the text's, when the text is in that
// script, else the script's first language (a Cyrillic word in a German text is
// Russian). Scripts with no list (Chinese, Thai, Hebrew...) get neither stems
// nor function words (see stem.hpp and tokenize.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace reuselens {

// An index into the core's language table; kEnglish is 0. The others come
// from the lists of scripts/build_stopwords.py: German, French, Spanish,
// Italian, Portuguese, Dutch, Danish, Norwegian, Swedish, Finnish, Hungarian,
// Romanian, Indonesian, Catalan, Basque, Irish, Lithuanian, Turkish and Czech
// (Latin script); Russian and Bulgarian (Cyrillic); Greek; Armenian; Arabic
// and Persian (Arabic script); Hindi (Devanagari).
using Language = std::uint8_t;
inline constexpr Language kEnglish = 0;

// The language whose function words ("und", "der", "nicht") a text's first
// 64 KB use most. A function word of k languages counts 1/k to each ("la" is
// French, Spanish, Italian, Romanian and Catalan); one-letter words are left
// out. English unless that language has 3 different such words, one word in
// twenty, and against each other language twice as many words that the other
// lacks as the other has that it lacks: when in doubt, English, as the core
// was before it knew other languages.
// The tokenizer feeds it the words that begin in the first
// kLanguageSampleBytes of a text, as it normalizes them.
inline constexpr std::size_t kLanguageSampleBytes = 64 * 1024;
class LanguageGuess {
 public:
  LanguageGuess();
  // A word by its key, hash_bytes(normalize_word(word)), as tokens carry it.
  void add(std::uint64_t word_key);
  Language language() const;

 private:
  std::vector<std::uint32_t> counts_;  // per function word of language.cpp's table, once one is seen
  std::vector<std::uint16_t> seen_;    // the function words with a count, in the order seen
  std::uint32_t words_ = 0;
};

// tokenize(text).language, from the text's first 64 KB only. Valid UTF-8.
Language guess_language(std::string_view text);

// The language's ISO 639-1 code: "en", "de", "ru", "el", ...
std::string_view language_code(Language language);
// The language with that code, or kEnglish when there is none.
Language language_from_code(std::string_view code);
// Russian: the language of Cyrillic words in a text that is not in Cyrillic.
Language russian();

// Snowball's name for the language's stemmer ("english", "german"); nullptr
// for a language Snowball does not stem (Czech, Bulgarian, Persian).
const char* stemmer_name(Language language);

// No language: words of scripts no list is written in (Chinese, Thai, Hebrew),
// which get neither stems nor function words.
inline constexpr Language kNoLanguage = 255;

// The language of one normalized word (see normalize_word) in a text of
// `text_language`: `text_language` when the word is in its script; otherwise
// the first language of the word's script in the table (English for Latin,
// Russian for Cyrillic, Arabic for Arabic script); kNoLanguage for scripts
// without a list.
Language word_language(std::string_view normalized_word, Language text_language);

// Whether a normalized word is a function word of its language (word_language):
// English's are is_stopword's (tokenize.hpp), the others' come from Snowball's
// and Lucene's lists.
bool is_function_word(std::string_view normalized_word, Language text_language);
// The same for a word whose language is already known (word_language's answer).
bool is_function_word_of(std::string_view normalized_word, Language word_language);

}  // namespace reuselens
