#include "reuselens/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <cstring>

#include "reuselens/utf8.hpp"

namespace reuselens {

char32_t unify_punctuation(char32_t cp) {
  switch (cp) {
    // apostrophes and single quotes
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x02BC: case 0x02B9: case 0x0060: case 0x00B4: case 0xFF07:
      return U'\'';
    // double quotes and guillemets
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x301D: case 0x301E: case 0xFF02:
      return U'"';
    // hyphens, dashes, minus
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return U'-';
    default:
      break;
  }
  if (cp == 0x00A0 || cp == 0x1680 || cp == 0x3000 || cp == 0x202F || cp == 0x205F || (cp >= 0x2000 && cp <= 0x200A))
    return U' ';
  return cp;
}

namespace {

utf8proc_int32_t unify_callback(utf8proc_int32_t cp, void*) {
  return static_cast<utf8proc_int32_t>(unify_punctuation(static_cast<char32_t>(cp)));
}

// Periods inside a word only occur in acronyms ("U.S"): dropping them makes
// "U.S." and "US" one key.
void drop_periods(std::string& s) {
  std::size_t out = 0;
  for (char c : s)
    if (c != '.') s[out++] = c;
  s.resize(out);
}

// Scripts whose combining marks are vowels and consonant signs, not optional
// accents: Hindi "रूस" (Russia) and "रूसी" (Russian), Thai "น" and "นี้"
// differ only in marks. Brahmic scripts from Devanagari to Sinhala, Thai, Lao,
// Tibetan, Myanmar, Khmer, Buginese, Tai Tham and Balinese.
bool marks_spell_sounds(char32_t cp) {
  return (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x0E00 && cp <= 0x0FFF) || (cp >= 0x1000 && cp <= 0x109F) ||
         (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x1A00 && cp <= 0x1B7F);
}

bool has_sound_marks(std::string_view word) {
  for (std::size_t pos = 0; pos < word.size();)
    if (marks_spell_sounds(decode_utf8(word, pos))) return true;
  return false;
}

// The word mapped by utf8proc with `marks` (UTF8PROC_STRIPMARK or 0) among
// the options, punctuation unified, acronym periods dropped. Marks that spell
// sounds are always kept.
std::string map_word(std::string_view word, int marks) {
  bool ascii = true;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  std::string out;
  if (ascii) {
    // Fast path: most words in most texts.
    out.reserve(word.size());
    for (char c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == '`') c = '\'';
      out += c;
    }
  } else {
    utf8proc_uint8_t* mapped = nullptr;
    if (marks && has_sound_marks(word)) marks = 0;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                        marks | UTF8PROC_IGNORE | UTF8PROC_STABLE);
    const utf8proc_ssize_t n = utf8proc_map_custom(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                                   static_cast<utf8proc_ssize_t>(word.size()), &mapped, options,
                                                   unify_callback, nullptr);
    if (n < 0) {
      // Only reachable with invalid UTF-8, which Document rejects up front.
      out.assign(word);
    } else {
      out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    }
    std::free(mapped);
  }
  drop_periods(out);
  return out;
}

}  // namespace

std::string normalize_word(std::string_view word) { return map_word(word, UTF8PROC_STRIPMARK); }

std::string fold_case(std::string_view word) { return map_word(word, 0); }

std::uint64_t hash_bytes(std::string_view bytes) {
  // FNV-1a, then a murmur3 finalizer so that the low bits mix well (winnowing
  // and hash tables use them).
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t value) {
  // splitmix64 step over the pair.
  std::uint64_t z = seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace reuselens
