// The language of a text's Latin-script words, guessed from its function words,
// and what goes with a language: its Snowball stemmer and its function words.
// English is the default and the only language with synonyms (WordNet) and
// classes of interchangeable function words. Cyrillic words are Russian
// whatever the text's language; other scripts get neither stems nor function
// words (see stem.hpp and tokenize.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace reuselens {

// An index into the core's language table; kEnglish is 0. The others come
// from the lists of scripts/build_stopwords.py (German, French, Spanish,
// Italian, Portuguese, Dutch, Danish, Norwegian, Swedish, Finnish, Hungarian,
// Romanian, Indonesian; Russian for Cyrillic words).
using Language = std::uint8_t;
inline constexpr Language kEnglish = 0;

// The language whose function words ("und", "der", "nicht") a text's first
// 64 KB use most, counting only words that are a function word in one
// language alone ("la" is French, Spanish and Italian; one-letter words are
// left out). English unless another language has 3 different such words,
// twice as many of them as any other language and one word in twenty: when in
// doubt, English, as the core was before it knew other languages.
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
  std::vector<std::uint32_t> hits_;               // per language
  std::vector<std::vector<std::uint64_t>> seen_;  // up to 3 different words per language
  std::uint32_t words_ = 0;
};

// tokenize(text).language, from the text's first 64 KB only. Valid UTF-8.
Language guess_language(std::string_view text);

// "en", "de", "fr", ... ; "ru" for the language of Cyrillic words.
std::string_view language_code(Language language);
// The language with that code, or kEnglish when there is none.
Language language_from_code(std::string_view code);
// The language of Cyrillic words.
Language russian();

// Snowball's name for the language's stemmer ("english", "german").
const char* stemmer_name(Language language);

// No language: words of scripts other than Latin and Cyrillic (Greek, Arabic),
// which get neither stems nor function words.
inline constexpr Language kNoLanguage = 255;

// The language of one normalized word (see normalize_word) in a text of
// `text_language`: Russian for a Cyrillic word, `text_language` for a Latin
// one, kNoLanguage for any other.
Language word_language(std::string_view normalized_word, Language text_language);

// Whether a normalized word is a function word of its language (word_language):
// English's are is_stopword's (tokenize.hpp), the others' come from Snowball's
// lists.
bool is_function_word(std::string_view normalized_word, Language text_language);

}  // namespace reuselens
