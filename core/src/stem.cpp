#include "reuselens/stem.hpp"

#include <libstemmer.h>

#include <memory>

namespace reuselens {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// libstemmer's stemmers keep state between calls, so one set per thread.
struct Stemmers {
  StemmerPtr english{sb_stemmer_new("english", "UTF_8")};
  StemmerPtr russian{sb_stemmer_new("russian", "UTF_8")};
};

Stemmers& stemmers() {
  thread_local Stemmers s;
  return s;
}

std::string run(sb_stemmer* stemmer, std::string_view word) {
  if (!stemmer || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);  // out of memory: the word is its own stem
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

// The script of a word, judged by its first byte: ASCII letters and Latin-1 /
// Latin Extended lead bytes are Latin; 0xD0-0xD1 lead Cyrillic's main block.
enum class Script { kLatin, kCyrillic, kOther };
Script script_of(std::string_view word) {
  const auto b = static_cast<unsigned char>(word[0]);
  if (b < 0x80) return (b >= 'a' && b <= 'z') ? Script::kLatin : Script::kOther;
  if (b >= 0xC3 && b <= 0xC9) return Script::kLatin;
  if (b == 0xD0 || b == 0xD1) return Script::kCyrillic;
  return Script::kOther;
}

}  // namespace

std::string stem_english(std::string_view word) { return run(stemmers().english.get(), word); }

std::string stem_word(std::string_view word) {
  if (word.empty()) return {};
  switch (script_of(word)) {
    case Script::kLatin: return run(stemmers().english.get(), word);
    case Script::kCyrillic: return run(stemmers().russian.get(), word);
    case Script::kOther: break;
  }
  return std::string(word);
}

}  // namespace reuselens
