#include "reuselens/language.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "language_lists.hpp"
#include "reuselens/normalize.hpp"
#include "reuselens/tokenize.hpp"
#include "reuselens/utf8.hpp"

namespace reuselens {

namespace {

struct Entry {
  std::string_view code;
  const char* algorithm;
  std::vector<std::string> words;  // normalized, sorted; empty for English (see is_stopword)
};

// English first (kEnglish == 0), then the generated lists in their order.
const std::vector<Entry>& table() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> t;
    t.push_back({"en", "english", {}});
    for (std::size_t i = 0; i < detail::kFunctionWordListCount; ++i) {
      const detail::FunctionWordList& list = detail::kFunctionWordLists[i];
      Entry e{list.code, list.algorithm, {}};
      std::string_view words = list.words;
      while (!words.empty()) {
        const std::size_t space = words.find(' ');
        // Normalized as the tokenizer normalizes words: "daß" -> "dass", "à" -> "a".
        e.words.push_back(normalize_word(words.substr(0, space)));
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
      }
      std::sort(e.words.begin(), e.words.end());
      e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
      t.push_back(std::move(e));
    }
    return t;
  }();
  return entries;
}

Language find_code(std::string_view code) {
  const auto& t = table();
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i].code == code) return static_cast<Language>(i);
  return kNoLanguage;
}

// The key (hash_bytes) of each function word of a Latin-script language,
// with the one language whose list holds it, or kNoLanguage when several
// lists do ("la", "in", "de"). An open-addressing table: the tokenizer asks
// it about every word of a text's first 64 KB.
class Telltales {
 public:
  Telltales() {
    const auto& t = table();
    for (std::size_t l = 1; l < t.size(); ++l) {
      if (static_cast<Language>(l) == russian()) continue;  // Cyrillic is told by its script
      for (const std::string& w : t[l].words) add(w, static_cast<Language>(l));
    }
    // English's own words, from the tokenizer's list.
    for (const std::string_view w : english_stopwords()) add(w, kEnglish);
  }

  Language find(std::uint64_t key) const {
    for (std::size_t i = key & kMask;; i = (i + 1) & kMask) {
      if (keys_[i] == key && languages_[i] != kEmpty) return languages_[i];
      if (languages_[i] == kEmpty) return kNoLanguage;
    }
  }

 private:
  static constexpr std::size_t kSlots = 8192;  // ~3x the ~2,750 words: short probes
  static constexpr std::size_t kMask = kSlots - 1;
  static constexpr Language kEmpty = kNoLanguage - 1;

  void add(std::string_view w, Language l) {
    // One letter tells nothing: French "d", "l" and "s" are also the ends of
    // "U.S." and "%3D" in English pages.
    if (codepoint_count(w) < 2) return;
    const std::uint64_t key = hash_bytes(w);
    std::size_t i = key & kMask;
    while (languages_[i] != kEmpty && keys_[i] != key) i = (i + 1) & kMask;
    if (languages_[i] == kEmpty) {
      keys_[i] = key;
      languages_[i] = l;
    } else if (languages_[i] != l) {
      languages_[i] = kNoLanguage;
    }
  }

  std::vector<std::uint64_t> keys_ = std::vector<std::uint64_t>(kSlots, 0);
  std::vector<Language> languages_ = std::vector<Language>(kSlots, kEmpty);
};

const Telltales& telltale_words() {
  static const Telltales t;
  return t;
}

}  // namespace

LanguageGuess::LanguageGuess() : hits_(table().size(), 0), seen_(table().size()) {}

void LanguageGuess::add(std::uint64_t word_key) {
  ++words_;
  const Language l = telltale_words().find(word_key);
  if (l == kNoLanguage) return;
  ++hits_[l];
  auto& seen = seen_[l];
  if (seen.size() < 3 && std::find(seen.begin(), seen.end(), word_key) == seen.end()) seen.push_back(word_key);
}

Language LanguageGuess::language() const {
  std::size_t best = kEnglish;
  for (std::size_t l = 0; l < hits_.size(); ++l)
    if (hits_[l] > hits_[best]) best = l;
  std::uint32_t runner_up = 0;
  for (std::size_t l = 0; l < hits_.size(); ++l)
    if (l != best) runner_up = std::max(runner_up, hits_[l]);
  // Three different words, as many as one word in twenty: a list of places
  // ("Los Altos", "Los Gatos") is not Spanish.
  if (best != kEnglish && seen_[best].size() >= 3 && hits_[best] >= 2 * runner_up && hits_[best] * 20 >= words_)
    return static_cast<Language>(best);
  return kEnglish;
}

Language guess_language(std::string_view text) {
  // Up to the first space after the sample: whole words, and no word the
  // tokenizer would not feed (those beginning past the sample).
  std::size_t end = std::min(text.size(), kLanguageSampleBytes);
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  return tokenize(text.substr(0, end)).language;
}

std::string_view language_code(Language language) {
  return language < table().size() ? table()[language].code : std::string_view();
}

Language language_from_code(std::string_view code) {
  const Language l = find_code(code);
  return l == kNoLanguage ? kEnglish : l;
}

Language russian() {
  static const Language l = find_code("ru");
  return l;
}

const char* stemmer_name(Language language) {
  return language < table().size() ? table()[language].algorithm : nullptr;
}

Language word_language(std::string_view word, Language text_language) {
  if (word.empty()) return kNoLanguage;
  // The script, judged by the first byte: ASCII letters and the lead bytes of
  // Latin-1 and Latin Extended are Latin; 0xD0-0xD1 lead Cyrillic's main block.
  const auto b = static_cast<unsigned char>(word[0]);
  if (b < 0x80) return (b >= 'a' && b <= 'z') ? text_language : kNoLanguage;
  if (b >= 0xC3 && b <= 0xC9) return text_language;
  if (b == 0xD0 || b == 0xD1) return russian();
  return kNoLanguage;
}

bool is_function_word(std::string_view word, Language text_language) {
  const Language l = word_language(word, text_language);
  if (l == kEnglish) return is_stopword(word);
  if (l >= table().size()) return false;
  const auto& words = table()[l].words;
  return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace reuselens
