#include "reuselens/stem.hpp"

#include <libstemmer.h>

#include <memory>
#include <vector>

#include "reuselens/normalize.hpp"

namespace reuselens {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// libstemmer's stemmers keep state between calls, so each thread has its own,
// made on first use. A stemmer the build lacks (sb_stemmer_new gives NULL)
// leaves words as they are.
sb_stemmer* stemmer(Language language) {
  struct Slot {
    bool made = false;
    StemmerPtr stemmer;
  };
  thread_local std::vector<Slot> slots;
  if (language >= slots.size()) slots.resize(language + 1u);
  Slot& slot = slots[language];
  if (!slot.made) {
    slot.made = true;
    if (const char* name = stemmer_name(language)) slot.stemmer.reset(sb_stemmer_new(name, "UTF_8"));
  }
  return slot.stemmer.get();
}

std::string run(sb_stemmer* stemmer, std::string_view word) {
  if (!stemmer || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);  // out of memory: the word is its own stem
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

bool is_ascii(std::string_view word) {
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::string stem_written_word(std::string_view written, std::string_view normalized, Language text_language) {
  return stem_in_language(written, normalized, word_language(normalized, text_language));
}

std::string stem_in_language(std::string_view written, std::string_view normalized, Language language) {
  if (language == kNoLanguage) return std::string(normalized);
  if (language == kEnglish || language == russian() || is_ascii(written)) return run(stemmer(language), normalized);
  // Snowball's French, Spanish or German suffixes carry diacritics ("-ción",
  // "-ité"): stem the word with them, then drop them as normalize_word does,
  // so that a page that left the accents out ("negociation") still shares the stem.
  return normalize_word(run(stemmer(language), fold_case(written)));
}

std::string stem_english(std::string_view word) { return run(stemmer(kEnglish), word); }

std::string stem_word(std::string_view word, Language text_language) {
  return stem_written_word(word, word, text_language);  // a normalized word is its own written form
}

}  // namespace reuselens
