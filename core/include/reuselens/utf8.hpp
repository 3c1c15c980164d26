// UTF-8 validation and offset conversion. The core works on the original UTF-8
// bytes; every offset reported to a user is converted from a byte offset here.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reuselens {

// Where a byte string stops being valid UTF-8 (overlong forms, surrogates
// U+D800..U+DFFF, code points past U+10FFFF and truncated sequences all count).
struct Utf8Error {
  std::size_t byte_offset = 0;  // first offending byte
  std::size_t line = 1;         // 1-based
  std::size_t column = 1;       // 1-based, in code points
  std::string describe() const;  // "invalid UTF-8 at byte 12 (line 1, column 5)"
};

std::optional<Utf8Error> find_invalid_utf8(std::string_view bytes);

// The text with each ill-formed stretch replaced by U+FFFD, one for each
// "maximal subpart" (Unicode ch. 3): the bytes that begin a well-formed
// sequence and break off, or else a single byte. Python's errors="replace"
// and browsers' TextDecoder substitute the same way, so code point offsets in
// the repaired text are theirs. `replaced`, if given, gets the count.
std::string replace_invalid_utf8(std::string_view bytes, std::size_t* replaced = nullptr);

// Decodes one code point at bytes[pos] (input must be valid UTF-8) and
// advances pos past it.
char32_t decode_utf8(std::string_view bytes, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

// Lengths of a valid UTF-8 text in code points and in UTF-16 code units,
// without building an OffsetMap.
std::size_t codepoint_count(std::string_view valid_utf8);
std::size_t utf16_count(std::string_view valid_utf8);

// Converts byte offsets of a valid UTF-8 text to code points (what Python and
// PAN count) and to UTF-16 code units (what JS strings and the DOM count).
// Keeps a checkpoint every kBlock bytes, so memory stays ~1/8 of the text and a
// conversion scans at most kBlock bytes.
class OffsetMap {
 public:
  static constexpr std::size_t kBlock = 64;

  OffsetMap() : OffsetMap(std::string_view()) {}
  explicit OffsetMap(std::string_view valid_utf8);

  // A byte offset inside a code point counts that code point (rounds up);
  // offsets past the end clamp to the end.
  std::size_t to_codepoints(std::size_t byte_offset) const;
  std::size_t to_utf16(std::size_t byte_offset) const;
  // Inverse conversions; an offset inside a code point (or a surrogate pair)
  // rounds down to the start of that code point.
  std::size_t from_codepoints(std::size_t cp_offset) const;
  std::size_t from_utf16(std::size_t utf16_offset) const;

  std::size_t byte_length() const { return text_.size(); }
  std::size_t codepoint_length() const { return to_codepoints(text_.size()); }
  std::size_t utf16_length() const { return to_utf16(text_.size()); }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> cp_at_block_;     // code points before block b
  std::vector<std::uint32_t> utf16_at_block_;  // UTF-16 units before block b
};

}  // namespace reuselens
