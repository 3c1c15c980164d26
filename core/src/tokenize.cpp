#include "reuselens/tokenize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "reuselens/normalize.hpp"
#include "reuselens/stem.hpp"
#include "reuselens/synonyms.hpp"
#include "reuselens/utf8.hpp"

namespace reuselens {

namespace {

enum class CharClass { kOther, kLetter, kMark, kDigit, kUnspaced };

// Scripts written without spaces between words: every character (with its marks)
// is a token, so n-grams of tokens become character n-grams there.
bool is_unspaced_script(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
         (cp >= 0x1000 && cp <= 0x109F);    // Myanmar
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    return CharClass::kOther;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return is_unspaced_script(cp) ? CharClass::kUnspaced : CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return CharClass::kDigit;
    default:
      return CharClass::kOther;
  }
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019 || cp == 0x02BC; }

bool is_word_part(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kMark || c == CharClass::kDigit;
}

struct Peek {
  char32_t cp = 0;
  CharClass cls = CharClass::kOther;
  std::size_t next = 0;  // byte offset after this code point
};

Peek peek(std::string_view text, std::size_t pos) {
  Peek p;
  if (pos >= text.size()) {
    p.next = pos;
    return p;
  }
  p.next = pos;
  p.cp = decode_utf8(text, p.next);
  p.cls = classify(p.cp);
  return p;
}

// End of the word starting at `start` (whose first code point is a word part).
// Keeps inner apostrophes ("we're"), digit groups ("100,000", "3.5") and
// acronym periods ("U.S") inside the word.
std::size_t scan_word(std::string_view text, std::size_t start, CharClass first_class) {
  std::size_t pos = peek(text, start).next;
  CharClass prev = first_class;
  std::size_t segment_letters = first_class == CharClass::kLetter ? 1 : 0;  // letters since the last period
  while (pos < text.size()) {
    const Peek p = peek(text, pos);
    if (is_word_part(p.cls)) {
      if (p.cls == CharClass::kLetter) ++segment_letters;
      prev = p.cls == CharClass::kMark ? prev : p.cls;
      pos = p.next;
      continue;
    }
    const Peek after = peek(text, p.next);
    if (is_apostrophe(p.cp) && prev == CharClass::kLetter && after.cls == CharClass::kLetter) {
      pos = p.next;
      continue;
    }
    if ((p.cp == U',' || p.cp == U'.') && prev == CharClass::kDigit && after.cls == CharClass::kDigit) {
      pos = p.next;
      continue;
    }
    if (p.cp == U'.' && prev == CharClass::kLetter && segment_letters == 1 && after.cls == CharClass::kLetter) {
      const Peek after2 = peek(text, after.next);
      if (!is_word_part(after2.cls)) {  // "U.S" but not "e.mail"
        segment_letters = 0;
        pos = p.next;
        continue;
      }
    }
    break;
  }
  return pos;
}

// Normalized words after which a period does not end a sentence.
bool is_abbreviation(std::uint64_t key) {
  static const char* const kList[] = {
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "maj", "col", "lt", "sgt", "capt", "cmdr",
      "adm", "gov", "sen", "rep", "rev", "hon", "pres", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
      "univ", "no", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "mt", "ft", "approx", "est", "ave", "blvd", "cf", "al", "ed", "eds", "pp", "op"};
  static const std::vector<std::uint64_t> keys = [] {
    std::vector<std::uint64_t> k;
    for (const char* a : kList) k.push_back(hash_bytes(a));
    std::sort(k.begin(), k.end());
    return k;
  }();
  return std::binary_search(keys.begin(), keys.end(), key);
}

bool is_closing(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U')' || cp == U']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
         cp == 0x203A || cp == 0x300D || cp == 0x300F;
}

// Full stops of scripts written without spaces: no space need follow them.
bool is_unspaced_stop(char32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61 ||  // Chinese, Japanese
         cp == 0x104A || cp == 0x104B ||                                 // Myanmar
         cp == 0x17D4 || cp == 0x17D5;                                   // Khmer
}

bool is_terminal(char32_t cp) {
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == 0x2026 || is_unspaced_stop(cp) ||
         cp == 0x0964 || cp == 0x0965 ||  // Devanagari and other Indic dandas
         cp == 0x061F || cp == 0x06D4 ||  // Arabic question mark, Urdu full stop
         cp == 0x0589 || cp == 0x1362 ||  // Armenian, Ethiopic
         cp == 0xFF0E;                    // fullwidth period
}

constexpr std::uint32_t kMaxTitleTokens = 20;

// Does a sentence end between token `a` and the token `b` after it?
bool ends_sentence(std::string_view text, const Token& a, const Token& b, bool a_is_initial) {
  const std::string_view gap = text.substr(a.end, b.begin - a.end);
  // A blank line always separates (headlines, paragraphs).
  std::size_t newlines = 0;
  for (char c : gap) {
    if (c == '\n') {
      if (++newlines == 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      newlines = 0;
    }
  }
  std::size_t pos = 0;
  Peek p = peek(gap, pos);
  while (pos < gap.size() && is_closing(p.cp)) {
    pos = p.next;
    p = peek(gap, pos);
  }
  if (pos >= gap.size() || !is_terminal(p.cp)) return false;
  bool only_periods = true, unspaced_stop = false;
  while (pos < gap.size() && is_terminal(p.cp)) {
    if (p.cp != U'.') only_periods = false;
    if (is_unspaced_stop(p.cp)) unspaced_stop = true;
    pos = p.next;
    p = peek(gap, pos);
  }
  while (pos < gap.size() && is_closing(p.cp)) {
    pos = p.next;
    p = peek(gap, pos);
  }
  // The terminal must be followed by a space (CJK full stops need none).
  if (!unspaced_stop && (pos >= gap.size() || !(p.cp == U' ' || p.cp == U'\n' || p.cp == U'\t' || p.cp == U'\r' ||
                                                  p.cp == 0xA0)))
    return false;
  if (gap.find('\n') != std::string_view::npos) return true;
  // A sentence does not go on in lower case: `He asked "why?" and left.`,
  // `Yahoo! is`, `approx. five`.
  std::size_t bpos = b.begin;
  const char32_t first = decode_utf8(text, bpos);
  if (utf8proc_category(static_cast<utf8proc_int32_t>(first)) == UTF8PROC_CATEGORY_LL) return false;
  if (!only_periods) return true;
  // A period: not after "Mr", "U.S" or "F" unless a line break follows.
  if (is_abbreviation(a.key) || a_is_initial) return false;
  // Sentences start with an upper-case letter, a digit or an opening quote.
  return is_upper(first) || (b.flags & kTokenNumber) || (b.flags & kTokenIdeograph) || classify(first) != CharClass::kLetter ||
         gap.find('"') != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos;
}

// Words of web addresses ("http://www.example.com/a.html") count as stop
// words: a copied link is attribution, not reused prose, and two pages
// citing the same site share it.
void mark_links(std::string_view text, std::vector<Token>& tokens) {
  std::size_t t = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t scheme = text.find("://", at), www = text.find("www.", at);
    std::size_t start = std::min(scheme, www);
    if (start == std::string_view::npos) break;
    if (start == scheme)  // back over the scheme's letters
      while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    std::size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '<' &&
           text[end] != '>' && text[end] != '"' && text[end] != ')')
      ++end;
    while (t < tokens.size() && tokens[t].begin < start) ++t;
    for (; t < tokens.size() && tokens[t].begin < end; ++t) {
      tokens[t].flags |= kTokenStopword | kTokenLink;
      tokens[t].function_classes = 0;
      tokens[t].synonyms = 0;
    }
    at = std::max(end, start + 3);
  }
}

// A word's stem, function-word flag and class, and synonyms, all of which
// depend on the text's language.
void describe_word(Token& t, std::string_view word, const std::string& norm, Language text_language) {
  const Language language = word_language(norm, text_language);  // once: it decodes the word's script
  const std::string stem = stem_in_language(word, norm, language);
  t.stem = hash_bytes(stem);
  const bool english = language == kEnglish;
  // Numerals have no script, hence no language; in an English text they look
  // up their words' class ("4" and "four").
  const bool english_numeral = (t.flags & kTokenNumber) && language == kNoLanguage && text_language == kEnglish;
  if (is_function_word_of(norm, language)) {
    t.flags |= kTokenStopword;
    if (english) t.function_classes = function_word_classes(norm);
  } else if (english || english_numeral) {
    t.synonyms = synonym_entry(stem);  // 0 for words not in WordNet
  }
}

}  // namespace

TokenizedText tokenize(std::string_view text) {
  TokenizedText out;
  out.tokens.reserve(text.size() / 5 + 1);
  // The words of the first kLanguageSampleBytes wait, normalized, until their
  // language is known: each word is normalized once.
  LanguageGuess guess;
  bool guessing = true;
  std::vector<std::pair<std::size_t, std::string>> waiting;  // (token index, normalized word)
  waiting.reserve(std::min(text.size(), kLanguageSampleBytes) / 5 + 1);
  const auto decide = [&] {
    out.language = guess.language();
    for (const auto& [i, norm] : waiting) {
      Token& t = out.tokens[i];
      describe_word(t, text.substr(t.begin, t.end - t.begin), norm, out.language);
    }
    waiting = {};
    guessing = false;
  };
  // Per token: is it an initial or an acronym ("F", "U.S")? Kept until sentences are found.
  std::vector<bool> initial;
  initial.reserve(out.tokens.capacity());

  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const Peek p = peek(text, pos);
    if (p.cls == CharClass::kUnspaced) {
      // The character with its combining marks (Thai vowels and tones), so a
      // passage never ends between a letter and its marks.
      std::size_t end = p.next;
      for (Peek m = peek(text, end); m.cls == CharClass::kMark; m = peek(text, end)) end = m.next;  // kOther at the end
      Token t;
      t.begin = static_cast<std::uint32_t>(start);
      t.end = static_cast<std::uint32_t>(end);
      t.key = hash_bytes(normalize_word(text.substr(start, end - start)));
      t.stem = t.key;
      t.flags = kTokenIdeograph;
      out.tokens.push_back(t);
      initial.push_back(false);
      pos = end;
      continue;
    }
    if (p.cls != CharClass::kLetter && p.cls != CharClass::kDigit) {
      pos = p.next;
      continue;
    }
    const std::size_t end = scan_word(text, start, p.cls);
    const std::string_view word = text.substr(start, end - start);
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    std::string norm = normalize_word(word);
    t.key = hash_bytes(norm);
    if (guessing && start >= kLanguageSampleBytes) decide();
    if (p.cls == CharClass::kDigit) t.flags |= kTokenNumber;
    if (guessing) {
      if (!(t.flags & kTokenNumber)) guess.add(t.key);
      waiting.emplace_back(out.tokens.size(), std::move(norm));
    } else {
      describe_word(t, word, norm, out.language);
    }
    if (is_upper(p.cp)) t.flags |= kTokenCapitalized;
    out.tokens.push_back(t);
    initial.push_back(p.cls == CharClass::kLetter &&
                      (p.next == end || word.find('.') != std::string_view::npos));
    pos = end;
  }
  if (guessing) decide();

  mark_links(text, out.tokens);

  std::uint32_t first = 0;
  const auto n = static_cast<std::uint32_t>(out.tokens.size());
  // A short first line with no full stop, followed by a line that starts
  // like a sentence, is a title ("Kerry: U.S. plans talks with Russia" over
  // the first paragraph): it ends at its line break.
  std::uint32_t title_end = 0;
  for (std::uint32_t i = 0; i + 1 < n && i < kMaxTitleTokens; ++i) {
    const std::string_view gap = text.substr(out.tokens[i].end, out.tokens[i + 1].begin - out.tokens[i].end);
    if (gap.find('\n') != std::string_view::npos) {
      std::size_t next = out.tokens[i + 1].begin;
      const char32_t first = decode_utf8(text, next);
      if (utf8proc_category(static_cast<utf8proc_int32_t>(first)) != UTF8PROC_CATEGORY_LL) title_end = i + 1;
      break;
    }
  }
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    if (i + 1 == title_end || ends_sentence(text, out.tokens[i], out.tokens[i + 1], initial[i])) {
      out.sentences.push_back({first, i + 1});
      first = i + 1;
    }
  }
  if (first < n) out.sentences.push_back({first, n});
  return out;
}

}  // namespace reuselens
