#include "reuselens/language.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "language_lists.hpp"
#include "reuselens/normalize.hpp"
#include "reuselens/tokenize.hpp"
#include "reuselens/utf8.hpp"

namespace reuselens {

namespace {

// The scripts whose words have a language: a word's script says which
// languages it may belong to (a Greek word is Greek in any text).
enum class Script : std::uint8_t { kNone, kLatin, kCyrillic, kGreek, kArmenian, kArabic, kDevanagari };

// The script of a normalized word's first letter.
Script script_of(std::string_view word) {
  if (word.empty()) return Script::kNone;
  const auto b = static_cast<unsigned char>(word[0]);
  if (b < 0x80) return (b >= 'a' && b <= 'z') ? Script::kLatin : Script::kNone;  // most words: no decoding
  std::size_t pos = 0;
  const char32_t c = decode_utf8(word, pos);
  if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) return Script::kLatin;
  if (c >= 0x370 && c <= 0x3FF) return Script::kGreek;
  if (c >= 0x400 && c <= 0x52F) return Script::kCyrillic;
  if (c >= 0x531 && c <= 0x58F) return Script::kArmenian;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF))
    return Script::kArabic;
  if (c >= 0x900 && c <= 0x97F) return Script::kDevanagari;
  if (c >= 0x1F00 && c <= 0x1FFF) return Script::kGreek;
  return Script::kNone;
}

struct Entry {
  std::string_view code;
  const char* algorithm;  // nullptr: Snowball has no stemmer for it
  std::vector<std::string> words;  // normalized, sorted; empty for English (see is_stopword)
  Script script;
};

// English first (kEnglish == 0), then the generated lists in their order.
const std::vector<Entry>& table() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> t;
    t.push_back({"en", "english", {}, Script::kLatin});
    for (std::size_t i = 0; i < detail::kFunctionWordListCount; ++i) {
      const detail::FunctionWordList& list = detail::kFunctionWordLists[i];
      Entry e{list.code, list.algorithm, {}, Script::kNone};
      // Normalized as the tokenizer normalizes words: "daß" -> "dass", "à" -> "a".
      detail::for_each_listed_word(list.words, [&](std::string_view w) { e.words.push_back(normalize_word(w)); });
      e.script = script_of(e.words.front());  // a list's words are all of its script
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

// The language a script's words have in a text of another script: the
// script's first language in the table (English, Russian, Arabic...).
Language default_language(Script script) {
  static const std::vector<Language> defaults = [] {
    std::vector<Language> d(static_cast<std::size_t>(Script::kDevanagari) + 1, kNoLanguage);
    const auto& t = table();
    for (std::size_t l = t.size(); l-- > 0;) d[static_cast<std::size_t>(t[l].script)] = static_cast<Language>(l);
    d[static_cast<std::size_t>(Script::kNone)] = kNoLanguage;
    return d;
  }();
  return defaults[static_cast<std::size_t>(script)];
}

// The key (hash_bytes) of each function word of every language, with the
// languages whose lists hold it ("la" is French, Spanish, Italian, Romanian
// and Catalan). An open-addressing table: the tokenizer asks it about every
// word of a text's first 64 KB.
class Telltales {
 public:
  struct Owners {
    const Language* begin = nullptr;
    std::size_t count = 0;
  };
  static constexpr std::uint16_t kNone = 0xFFFF;

  Telltales() {
    const auto& t = table();
    std::vector<std::vector<Language>> owners;  // per word
    for (std::size_t l = 1; l < t.size(); ++l)
      for (const std::string& w : t[l].words) add(w, static_cast<Language>(l), owners);
    // English's own words, from the tokenizer's list.
    for (const std::string_view w : english_stopwords()) add(w, kEnglish, owners);
    // One array of owners, each word a stretch of it.
    for (const auto& o : owners) {
      first_.push_back(static_cast<std::uint32_t>(languages_.size()));
      count_.push_back(static_cast<std::uint8_t>(o.size()));
      languages_.insert(languages_.end(), o.begin(), o.end());
      most_owners_ = std::max(most_owners_, o.size());
    }
  }

  // A function word's number (0 to size() - 1) by its key, or kNone.
  std::uint16_t find(std::uint64_t key) const {
    for (std::size_t i = key & kMask;; i = (i + 1) & kMask) {
      if (ids_[i] == kNone || keys_[i] == key) return ids_[i];
    }
  }
  std::size_t size() const { return first_.size(); }
  Owners owners(std::uint16_t word) const { return {languages_.data() + first_[word], count_[word]}; }
  // The most lists one word is in.
  std::size_t most_owners() const { return most_owners_; }

 private:
  static constexpr std::size_t kSlots = 16384;  // ~3x the ~4,800 words: short probes
  static constexpr std::size_t kMask = kSlots - 1;

  void add(std::string_view w, Language l, std::vector<std::vector<Language>>& owners) {
    // One letter tells nothing: French "d", "l" and "s" are also the ends of
    // "U.S." and "%3D" in English pages.
    if (codepoint_count(w) < 2) return;
    const std::uint64_t key = hash_bytes(w);
    std::size_t i = key & kMask;
    while (ids_[i] != kNone && keys_[i] != key) i = (i + 1) & kMask;
    if (ids_[i] == kNone) {
      keys_[i] = key;
      ids_[i] = static_cast<std::uint16_t>(owners.size());
      owners.emplace_back();
    }
    auto& o = owners[ids_[i]];
    if (std::find(o.begin(), o.end(), l) == o.end()) o.push_back(l);
  }

  std::vector<std::uint64_t> keys_ = std::vector<std::uint64_t>(kSlots, 0);
  std::vector<std::uint16_t> ids_ = std::vector<std::uint16_t>(kSlots, kNone);
  std::vector<std::uint32_t> first_;  // per word
  std::vector<std::uint8_t> count_;   // per word
  std::vector<Language> languages_;
  std::size_t most_owners_ = 1;
};

const Telltales& telltale_words() {
  static const Telltales t;
  return t;
}

// A word in k lists counts 1/k to each of their languages: whole_count() / k,
// which divides exactly for every k, so that sums are exact.
std::uint64_t whole_count() {
  static const std::uint64_t whole = [] {
    std::uint64_t w = 1;
    for (std::uint64_t k = 2; k <= telltale_words().most_owners(); ++k) {
      std::uint64_t a = w, b = k;
      while (b != 0) a = std::exchange(b, a % b);
      w = w / a * k;  // lcm(1..k)
    }
    return w;
  }();
  return whole;
}

}  // namespace

LanguageGuess::LanguageGuess() = default;

void LanguageGuess::add(std::uint64_t word_key) {
  ++words_;
  const Telltales& tell = telltale_words();
  const std::uint16_t word = tell.find(word_key);
  if (word == Telltales::kNone) return;
  if (counts_.empty()) counts_.resize(tell.size(), 0);
  if (counts_[word]++ == 0) seen_.push_back(word);
}

Language LanguageGuess::language() const {
  const auto& tell = telltale_words();
  const auto holds = [](const Telltales::Owners& o, Language l) {
    return std::find(o.begin, o.begin + o.count, l) != o.begin + o.count;
  };
  // The most words, each shared among the languages whose lists hold it.
  std::vector<std::uint64_t> shares(table().size(), 0);
  for (const std::uint16_t word : seen_) {
    const std::uint32_t count = counts_[word];
    const Telltales::Owners o = tell.owners(word);
    for (std::size_t i = 0; i < o.count; ++i) shares[o.begin[i]] += whole_count() / o.count * count;
  }
  const auto best = static_cast<Language>(std::max_element(shares.begin(), shares.end()) - shares.begin());
  if (best == kEnglish || shares[best] * 20 < std::uint64_t{words_} * whole_count()) return kEnglish;
  // Three different words: a list of places ("Los Altos", "Los Gatos") is not
  // Spanish. And against every other language, twice as many words that are
  // its own and not the other's as the other has that are not its own: close
  // languages share many words (Danish and Norwegian "ikke", "til").
  std::size_t different = 0;
  std::uint64_t mine = 0;                                // words of best's
  std::vector<std::uint64_t> shared(table().size(), 0);  // ... also of l's
  std::vector<std::uint64_t> others(table().size(), 0);  // words of l's, not of best's
  for (const std::uint16_t word : seen_) {
    const std::uint32_t count = counts_[word];
    const Telltales::Owners o = tell.owners(word);
    const bool of_best = holds(o, best);
    different += of_best;
    mine += of_best ? count : 0;
    for (std::size_t i = 0; i < o.count; ++i) (of_best ? shared : others)[o.begin[i]] += count;
  }
  if (different < 3) return kEnglish;
  for (std::size_t l = 0; l < table().size(); ++l)
    if (l != best && mine - shared[l] < 2 * others[l]) return kEnglish;
  return best;
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
  const Script script = script_of(word);
  if (script == Script::kNone) return kNoLanguage;
  const auto& t = table();
  if (text_language < t.size() && t[text_language].script == script) return text_language;
  return default_language(script);
}

bool is_function_word(std::string_view word, Language text_language) {
  return is_function_word_of(word, word_language(word, text_language));
}

bool is_function_word_of(std::string_view word, Language l) {
  if (l == kEnglish) return is_stopword(word);
  if (l >= table().size()) return false;
  const auto& words = table()[l].words;
  return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace reuselens
