#include "reuselens/quotes.hpp"

#include <algorithm>

#include "reuselens/utf8.hpp"

namespace reuselens {

namespace {

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\n' || cp == U'\t' || cp == U'\r' || cp == 0xA0; }

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> quoted_spans(std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  bool open = false;
  char32_t closer = 0;  // the mark that closes the open quotation
  std::uint32_t start = 0;
  std::size_t pos = 0;
  char32_t before = U' ';      // the code point before the current one
  std::uint32_t newlines = 0;  // consecutive line breaks (a blank line ends an open quotation)
  std::uint32_t first_newline = 0;
  while (pos < text.size()) {
    const auto at = static_cast<std::uint32_t>(pos);
    const char32_t cp = decode_utf8(text, pos);
    const char32_t prev = before;
    before = cp;
    if (cp == U'\n') {
      if (newlines == 0) first_newline = at;
      if (++newlines >= 2 && open) {
        spans.emplace_back(start, first_newline);
        open = false;
      }
      continue;
    }
    if (!is_space(cp)) newlines = 0;
    if (cp == U'"') {
      // Straight quotes do not say which way they face: a quote after a space
      // (or an opening bracket) opens, one after a word or punctuation closes.
      std::size_t next_pos = pos;
      const char32_t next = pos < text.size() ? decode_utf8(text, next_pos) : U' ';
      const bool opens = (is_space(prev) || prev == U'(' || prev == U'[') && !is_space(next);
      if (open && closer == U'"' && !opens) {
        spans.emplace_back(start, static_cast<std::uint32_t>(pos));
        open = false;
      } else if (opens) {
        if (open) spans.emplace_back(start, at);  // an unclosed quotation ends where a new one starts
        open = true;
        closer = U'"';
        start = at;
      }
      continue;
    }
    if (!open) {
      switch (cp) {
        case U'\u201C': closer = U'\u201D'; break;  // “ ”
        case U'\u00AB': closer = U'\u00BB'; break;  // « »
        case U'\u201E': closer = U'\u201C'; break;  // „ “ (German); „ ” is accepted too
        default: continue;
      }
      open = true;
      start = at;
    } else if (cp == closer || (closer == U'\u201C' && cp == U'\u201D')) {
      spans.emplace_back(start, static_cast<std::uint32_t>(pos));
      open = false;
    }
  }
  if (open) spans.emplace_back(start, static_cast<std::uint32_t>(text.size()));
  return spans;
}

bool inside_quotes(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans, std::uint32_t begin,
                   std::uint32_t end) {
  // The last span starting at or before `begin`.
  auto it = std::upper_bound(spans.begin(), spans.end(), std::make_pair(begin, UINT32_MAX));
  if (it == spans.begin()) return false;
  --it;
  return it->first <= begin && end <= it->second;
}

}  // namespace reuselens
