#include "reuselens/utf8.hpp"

namespace reuselens {

std::string Utf8Error::describe() const {
  return "invalid UTF-8 at byte " + std::to_string(byte_offset) + " (line " + std::to_string(line) +
         ", column " + std::to_string(column) + ")";
}

namespace {

// How a sequence starting at bytes[pos] measures against the well-formed
// table of the Unicode standard (ch. 3, table 3-7): the bytes it should have
// and how many of them, from the lead byte on, it has before one breaks off.
struct SequencePrefix {
  std::size_t expected;  // 0: the byte leads no sequence
  std::size_t matched;   // at least the lead byte
};

SequencePrefix measure_sequence(std::string_view bytes, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char b0 = s[pos];
  if (b0 < 0x80) return {1, 1};
  std::size_t expected = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range allowed for the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    expected = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    expected = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    expected = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // <= U+10FFFF
  }
  std::size_t matched = 1;
  for (; matched < expected && pos + matched < bytes.size(); ++matched) {
    const unsigned char c = s[pos + matched];
    if (matched == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) break;
  }
  return {expected, matched};
}

// Length of the valid sequence starting at bytes[pos], or 0 if invalid.
std::size_t valid_sequence_length(std::string_view bytes, std::size_t pos) {
  const SequencePrefix p = measure_sequence(bytes, pos);
  return p.matched == p.expected ? p.matched : 0;
}

}  // namespace

std::string replace_invalid_utf8(std::string_view bytes, std::size_t* replaced) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const SequencePrefix seq = measure_sequence(bytes, pos);
    if (seq.matched == seq.expected) {
      out.append(bytes.data() + pos, seq.matched);
    } else {
      // One U+FFFD for the "maximal subpart": the bytes that begin a
      // well-formed sequence before it breaks off, or else the one byte.
      append_utf8(out, U'\uFFFD');
      ++count;
    }
    pos += seq.matched;
  }
  if (replaced) *replaced = count;
  return out;
}

std::optional<Utf8Error> find_invalid_utf8(std::string_view bytes) {
  std::size_t line = 1, column = 1;
  for (std::size_t pos = 0; pos < bytes.size();) {
    // Fast path for ASCII runs.
    const unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      ++pos;
      continue;
    }
    const std::size_t len = valid_sequence_length(bytes, pos);
    if (len == 0) return Utf8Error{pos, line, column};
    pos += len;
    ++column;
  }
  return std::nullopt;
}

char32_t decode_utf8(std::string_view bytes, std::size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char b0 = s[pos];
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  if (b0 < 0xE0) {
    char32_t cp = ((b0 & 0x1Fu) << 6) | (s[pos + 1] & 0x3Fu);
    pos += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    char32_t cp = ((b0 & 0x0Fu) << 12) | ((s[pos + 1] & 0x3Fu) << 6) | (s[pos + 2] & 0x3Fu);
    pos += 3;
    return cp;
  }
  char32_t cp = ((b0 & 0x07u) << 18) | ((s[pos + 1] & 0x3Fu) << 12) | ((s[pos + 2] & 0x3Fu) << 6) |
                (s[pos + 3] & 0x3Fu);
  pos += 4;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {
inline bool is_lead_byte(unsigned char b) { return (b & 0xC0) != 0x80; }
inline std::size_t utf16_units_of_lead(unsigned char b) { return b >= 0xF0 ? 2 : 1; }
}  // namespace

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  const std::size_t blocks = text.size() / kBlock + 1;
  cp_at_block_.resize(blocks);
  utf16_at_block_.resize(blocks);
  std::uint32_t cps = 0, units = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) {
      cp_at_block_[i / kBlock] = cps;
      utf16_at_block_[i / kBlock] = units;
    }
    const auto b = static_cast<unsigned char>(text[i]);
    if (is_lead_byte(b)) {
      ++cps;
      units += static_cast<std::uint32_t>(utf16_units_of_lead(b));
    }
  }
  if (text.size() % kBlock == 0) {
    cp_at_block_[blocks - 1] = cps;
    utf16_at_block_[blocks - 1] = units;
  }
}

std::size_t OffsetMap::to_codepoints(std::size_t byte) const {
  if (byte > text_.size()) byte = text_.size();
  const std::size_t block = byte / kBlock;
  std::size_t cps = cp_at_block_[block];
  for (std::size_t i = block * kBlock; i < byte; ++i)
    if (is_lead_byte(static_cast<unsigned char>(text_[i]))) ++cps;
  return cps;
}

std::size_t OffsetMap::to_utf16(std::size_t byte) const {
  if (byte > text_.size()) byte = text_.size();
  const std::size_t block = byte / kBlock;
  std::size_t units = utf16_at_block_[block];
  for (std::size_t i = block * kBlock; i < byte; ++i) {
    const auto b = static_cast<unsigned char>(text_[i]);
    if (is_lead_byte(b)) units += utf16_units_of_lead(b);
  }
  return units;
}

namespace {
// Largest block whose checkpoint is <= target (checkpoints are non-decreasing).
std::size_t block_for(const std::vector<std::uint32_t>& checkpoints, std::size_t target) {
  std::size_t lo = 0, hi = checkpoints.size();
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if (checkpoints[mid] <= target) lo = mid; else hi = mid;
  }
  return lo;
}
}  // namespace

std::size_t OffsetMap::from_codepoints(std::size_t cp) const {
  std::size_t pos = block_for(cp_at_block_, cp) * kBlock;
  // Step back to a lead byte: a block may start inside a code point.
  while (pos > 0 && pos < text_.size() && !is_lead_byte(static_cast<unsigned char>(text_[pos]))) --pos;
  std::size_t count = to_codepoints(pos);
  while (pos < text_.size() && count < cp) {
    ++pos;
    while (pos < text_.size() && !is_lead_byte(static_cast<unsigned char>(text_[pos]))) ++pos;
    ++count;
  }
  return pos;
}

std::size_t OffsetMap::from_utf16(std::size_t target) const {
  std::size_t pos = block_for(utf16_at_block_, target) * kBlock;
  while (pos > 0 && pos < text_.size() && !is_lead_byte(static_cast<unsigned char>(text_[pos]))) --pos;
  std::size_t units = to_utf16(pos);
  while (pos < text_.size()) {
    const std::size_t width = utf16_units_of_lead(static_cast<unsigned char>(text_[pos]));
    if (units + width > target) break;  // target is here, or inside this surrogate pair
    units += width;
    ++pos;
    while (pos < text_.size() && !is_lead_byte(static_cast<unsigned char>(text_[pos]))) ++pos;
  }
  return pos;
}

std::size_t codepoint_count(std::string_view valid_utf8) {
  std::size_t n = 0;
  for (unsigned char c : valid_utf8) n += (c & 0xC0) != 0x80;  // every byte but continuation bytes
  return n;
}

std::size_t utf16_count(std::string_view valid_utf8) {
  std::size_t n = 0;
  for (unsigned char c : valid_utf8) n += ((c & 0xC0) != 0x80) + (c >= 0xF0);  // 4-byte sequences: a surrogate pair
  return n;
}

}  // namespace reuselens
