// Tests for core/src/utf8.cpp: validation, decoding/encoding and OffsetMap.
#include "reuselens/utf8.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reuselens {
namespace {

// ---------------------------------------------------------------------------
// find_invalid_utf8

TEST(FindInvalidUtf8, AcceptsValidText) {
  const std::vector<std::string> valid = {
      "",
      "plain ASCII text, with punctuation!\n\tand a second line\r\n",
      std::string("\0", 1),                      // NUL is a valid code point
      "caf\xC3\xA9 na\xC3\xAFve",                // café naïve
      "\xF0\x9F\x98\x80 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",  // 😀 👍🏽
      "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82",    // 中文。
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",        // שלום
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",  // مرحبا
      "e\xCC\x81",                               // e + U+0301
  };
  for (const std::string& s : valid) EXPECT_FALSE(find_invalid_utf8(s).has_value()) << s;
}

TEST(FindInvalidUtf8, AcceptsBoundariesOfEveryLength) {
  const std::vector<std::string> valid = {
      "\x7F",              // U+007F, last 1-byte
      "\xC2\x80",          // U+0080, first 2-byte
      "\xDF\xBF",          // U+07FF, last 2-byte
      "\xE0\xA0\x80",      // U+0800, first 3-byte
      "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
      "\xEE\x80\x80",      // U+E000, just above the surrogates
      "\xEF\xBF\xBF",      // U+FFFF
      "\xF0\x90\x80\x80",  // U+10000, first 4-byte
      "\xF4\x8F\xBF\xBF",  // U+10FFFF, the last code point
  };
  for (const std::string& s : valid) EXPECT_FALSE(find_invalid_utf8(s).has_value()) << s;
}

struct BadCase {
  const char* name;
  std::string bytes;
  std::size_t offset;
};

TEST(FindInvalidUtf8, RejectsMalformedSequences) {
  const std::vector<BadCase> cases = {
      {"overlong 2-byte NUL", "\xC0\x80", 0},
      {"overlong 2-byte C1", "\xC1\xBF", 0},
      {"overlong 3-byte", "\xE0\x80\x80", 0},
      {"overlong 3-byte for U+07FF", "\xE0\x9F\xBF", 0},
      {"overlong 4-byte", "\xF0\x80\x80\x80", 0},
      {"overlong 4-byte for U+FFFF", "\xF0\x8F\xBF\xBF", 0},
      {"lone high surrogate U+D800", "\xED\xA0\x80", 0},
      {"lone low surrogate U+DFFF", "\xED\xBF\xBF", 0},
      {"surrogate pair encoded as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 0},
      {"U+110000", "\xF4\x90\x80\x80", 0},
      {"F5 lead byte", "\xF5\x80\x80\x80", 0},
      {"FE byte", "\xFE", 0},
      {"FF byte", "\xFF", 0},
      {"stray continuation 80", "\x80", 0},
      {"stray continuation BF", "\xBF", 0},
      {"truncated 2-byte at end", "ab\xC3", 2},
      {"truncated 3-byte at end (1 of 2)", "ab\xE4", 2},
      {"truncated 3-byte at end (2 of 3)", "ab\xE4\xB8", 2},
      {"truncated 4-byte at end (3 of 4)", "ab\xF0\x9F\x98", 2},
      {"truncated 3-byte followed by ASCII", "\xE4\xB8" "a", 0},
      {"truncated 4-byte followed by emoji", "\xF0\x9F\x98\xF0\x9F\x98\x80", 0},
      {"lead byte followed by lead byte", "\xC3\xC3\xA9", 0},
      {"stray continuation after a valid 2-byte", "\xC3\xA9\xA9", 2},
      {"stray continuation after a valid 4-byte", "\xF0\x9F\x98\x80\x80", 4},
      {"too many continuations for a 3-byte", "\xE4\xB8\xAD\x80", 3},
      {"error after valid text", "hello w\xC3\xB6rld \xFF", 13},
  };
  for (const BadCase& c : cases) {
    const auto err = find_invalid_utf8(c.bytes);
    ASSERT_TRUE(err.has_value()) << c.name;
    EXPECT_EQ(err->byte_offset, c.offset) << c.name;
  }
}

TEST(FindInvalidUtf8, ReportsTheFirstError) {
  const auto err = find_invalid_utf8("ok\xFF then \xFE");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 2u);
}

TEST(FindInvalidUtf8, LineAndColumnCountCodePoints) {
  // Line 1: "ab", line 2: "c", "é" (2 bytes), then the bad byte.
  const std::string text = "ab\nc\xC3\xA9\x80";
  const auto err = find_invalid_utf8(text);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 6u);
  EXPECT_EQ(err->line, 2u);
  EXPECT_EQ(err->column, 3u);
  EXPECT_EQ(err->describe(), "invalid UTF-8 at byte 6 (line 2, column 3)");
}

TEST(FindInvalidUtf8, ColumnCountsAnEmojiOnce) {
  // Two emoji (8 bytes) then the bad byte: column 3, not 9.
  const auto err = find_invalid_utf8("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xFF");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 8u);
  EXPECT_EQ(err->line, 1u);
  EXPECT_EQ(err->column, 3u);
  EXPECT_EQ(err->describe(), "invalid UTF-8 at byte 8 (line 1, column 3)");
}

TEST(FindInvalidUtf8, LinesAfterSeveralNewlinesAndCrLf) {
  // "中文\r\n" (8 bytes), "\n" (1), "x\r\n" (3), "\xCE\xB1\xCE\xB2" αβ (4), bad at 16.
  const std::string text = "\xE4\xB8\xAD\xE6\x96\x87\r\n\nx\r\n\xCE\xB1\xCE\xB2\xED\xA0\x80";
  const auto err = find_invalid_utf8(text);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 16u);
  EXPECT_EQ(err->line, 4u);
  EXPECT_EQ(err->column, 3u);
  EXPECT_EQ(err->describe(), "invalid UTF-8 at byte 16 (line 4, column 3)");
}

TEST(FindInvalidUtf8, ErrorAtTheVeryStart) {
  const auto err = find_invalid_utf8("\xC0\x80rest");
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 0u);
  EXPECT_EQ(err->line, 1u);
  EXPECT_EQ(err->column, 1u);
  EXPECT_EQ(err->describe(), "invalid UTF-8 at byte 0 (line 1, column 1)");
}

TEST(FindInvalidUtf8, FindsAnErrorDeepInALongText) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "x\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // 10 bytes, 4 code points
  text += "\xF4\x90\x80\x80";
  const auto err = find_invalid_utf8(text);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->byte_offset, 10000u);
  EXPECT_EQ(err->line, 1u);
  EXPECT_EQ(err->column, 4001u);
}

// Every single byte that can never appear in UTF-8, and every continuation byte
// standing alone, is rejected.
TEST(FindInvalidUtf8, EverySingleNonAsciiByteAloneIsInvalid) {
  for (int b = 0x80; b <= 0xFF; ++b) {
    const std::string s(1, static_cast<char>(b));
    const auto err = find_invalid_utf8(s);
    ASSERT_TRUE(err.has_value()) << "byte " << b;
    EXPECT_EQ(err->byte_offset, 0u);
  }
}

// ---------------------------------------------------------------------------
// replace_invalid_utf8

// Expected results are Python's bytes.decode("utf-8", "replace").
TEST(ReplaceInvalidUtf8, OneReplacementCharacterForEachMaximalSubpart) {
  const std::string R = "\xEF\xBF\xBD";  // U+FFFD
  const struct {
    std::string_view in;
    std::string out;
    std::size_t replaced;
  } cases[] = {
      {"abc \xFF def", "abc " + R + " def", 1},
      {"caf\xE9 ok", "caf" + R + " ok", 1},            // Latin-1
      {"\xED\xA0\x80", R + R + R, 3},                  // a surrogate: ED leads no sequence with A0
      {"\xC0\xAF", R + R, 2},                          // overlong: C0 leads nothing
      {"\xE0\x80\xAF", R + R + R, 3},                  // overlong: E0 needs A0..BF next
      {"\xF4\x90\x80\x80", R + R + R + R, 4},          // past U+10FFFF
      {"\xF0\x90\x80" "A", R + "A", 1},                // truncated: its three bytes are one subpart
      {"\xE2\x82" "A", R + "A", 1},
      {"def \xE2\x82", "def " + R, 1},                 // truncated by the end of the text
      {"\xE1\x80\xE2\x82\xAC", R + "\xE2\x82\xAC", 1},  // a broken sequence, then a euro sign
      {"\x80\x80", R + R, 2},                          // continuation bytes alone
      {"\xF5\x80", R + R, 2},
  };
  for (const auto& c : cases) {
    std::size_t replaced = 99;
    EXPECT_EQ(replace_invalid_utf8(c.in, &replaced), c.out) << testing::PrintToString(std::string(c.in));
    EXPECT_EQ(replaced, c.replaced) << testing::PrintToString(std::string(c.in));
  }
}

TEST(ReplaceInvalidUtf8, LeavesValidTextAsItIs) {
  const std::string valid = "Kerry \xE2\x80\x9C\xF0\x9F\x98\x80\xE2\x80\x9D \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE4\xB8\xAD";
  std::size_t replaced = 99;
  EXPECT_EQ(replace_invalid_utf8(valid, &replaced), valid);
  EXPECT_EQ(replaced, 0u);
  EXPECT_EQ(replace_invalid_utf8(""), "");
}

TEST(ReplaceInvalidUtf8, TheResultIsValidForEveryByteAfterEveryLead) {
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int next = 0; next <= 0xFF; ++next) {
      const std::string s = {'a', static_cast<char>(lead), static_cast<char>(next), 'z'};
      const std::string out = replace_invalid_utf8(s);
      ASSERT_FALSE(find_invalid_utf8(out).has_value()) << lead << " " << next;
      ASSERT_EQ(out.front(), 'a');
      ASSERT_EQ(out.back(), 'z');
    }
  }
}

// ---------------------------------------------------------------------------
// decode_utf8 / append_utf8

std::size_t expected_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

TEST(Utf8Codec, KnownEncodings) {
  struct Known {
    char32_t cp;
    std::string bytes;
  };
  const std::vector<Known> known = {
      {U'A', "A"},
      {0x00E9, "\xC3\xA9"},
      {0x07FF, "\xDF\xBF"},
      {0x0800, "\xE0\xA0\x80"},
      {0x20AC, "\xE2\x82\xAC"},
      {0x4E2D, "\xE4\xB8\xAD"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const Known& k : known) {
    std::string out;
    append_utf8(out, k.cp);
    EXPECT_EQ(out, k.bytes) << std::hex << static_cast<std::uint32_t>(k.cp);
    std::size_t pos = 0;
    EXPECT_EQ(decode_utf8(k.bytes, pos), k.cp);
    EXPECT_EQ(pos, k.bytes.size());
  }
}

TEST(Utf8Codec, RoundTripsEveryScalarValue) {
  std::string all;
  std::vector<char32_t> cps;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string one;
    append_utf8(one, cp);
    ASSERT_EQ(one.size(), expected_length(cp)) << std::hex << static_cast<std::uint32_t>(cp);
    std::size_t pos = 0;
    ASSERT_EQ(decode_utf8(one, pos), cp);
    ASSERT_EQ(pos, one.size());
    if (cp % 97 == 0 || cp < 0x900) {  // a sample into one long string
      append_utf8(all, cp);
      cps.push_back(cp);
    }
  }
  // The concatenation is valid and decodes back in order.
  EXPECT_FALSE(find_invalid_utf8(all).has_value());
  std::size_t pos = 0;
  for (char32_t cp : cps) {
    ASSERT_LT(pos, all.size());
    ASSERT_EQ(decode_utf8(all, pos), cp);
  }
  EXPECT_EQ(pos, all.size());
}

TEST(Utf8Codec, EncodingsOfAllScalarValuesAreValidUtf8) {
  // append_utf8 and find_invalid_utf8 must agree about what is valid.
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x11000 ? 1 : 13)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    append_utf8(s, cp);
    ASSERT_FALSE(find_invalid_utf8(s).has_value()) << std::hex << static_cast<std::uint32_t>(cp);
  }
}

TEST(Utf8Codec, DecodesFromTheMiddleOfAString) {
  const std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80z";
  std::size_t pos = 1;
  EXPECT_EQ(decode_utf8(s, pos), char32_t{0xE9});
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(decode_utf8(s, pos), char32_t{0x4E2D});
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(decode_utf8(s, pos), char32_t{0x1F600});
  EXPECT_EQ(pos, 10u);
  EXPECT_EQ(decode_utf8(s, pos), U'z');
  EXPECT_EQ(pos, 11u);
}

// ---------------------------------------------------------------------------
// OffsetMap

// A straightforward reference, independent of the code under test: the
// positions of every code point start with their code point and UTF-16 offsets.
struct RefPoint {
  std::size_t byte, cp, utf16;
  std::size_t len;  // bytes of the code point (0 for the end)
};

std::vector<RefPoint> reference(std::string_view text) {
  std::vector<RefPoint> out;
  std::size_t cp = 0, u16 = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.push_back({i, cp, u16, len});
    ++cp;
    u16 += len == 4 ? 2 : 1;
    i += len;
  }
  out.push_back({text.size(), cp, u16, 0});
  return out;
}

// Checks every conversion at every code point start and at the end.
void check_against_reference(const std::string& text) {
  ASSERT_FALSE(find_invalid_utf8(text).has_value());
  const OffsetMap map(text);
  const auto ref = reference(text);
  const RefPoint& end = ref.back();
  EXPECT_EQ(map.byte_length(), text.size());
  EXPECT_EQ(map.codepoint_length(), end.cp);
  EXPECT_EQ(map.utf16_length(), end.utf16);
  for (const RefPoint& r : ref) {
    ASSERT_EQ(map.to_codepoints(r.byte), r.cp) << "byte " << r.byte << " of " << text.size();
    ASSERT_EQ(map.to_utf16(r.byte), r.utf16) << "byte " << r.byte << " of " << text.size();
    ASSERT_EQ(map.from_codepoints(r.cp), r.byte) << "cp " << r.cp << " of " << text.size();
    ASSERT_EQ(map.from_utf16(r.utf16), r.byte) << "utf16 " << r.utf16 << " of " << text.size();
    if (r.len == 4)  // the low surrogate's offset rounds down to the pair's start
      ASSERT_EQ(map.from_utf16(r.utf16 + 1), r.byte) << "inside pair at byte " << r.byte;
  }
}

const std::string kEmoji = "\xF0\x9F\x98\x80";   // 😀 U+1F600
const std::string kThumb = "\xF0\x9F\x91\x8D";   // 👍 U+1F44D
const std::string kAcute = "\xCC\x81";           // U+0301 combining acute
const std::string kZhong = "\xE4\xB8\xAD";       // 中
const std::string kWen = "\xE6\x96\x87";         // 文
const std::string kShalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";           // שלום
const std::string kMarhaba = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7";  // مرحبا

TEST(OffsetMap, EmptyText) {
  const OffsetMap map{std::string_view()};
  EXPECT_EQ(map.byte_length(), 0u);
  EXPECT_EQ(map.codepoint_length(), 0u);
  EXPECT_EQ(map.utf16_length(), 0u);
  EXPECT_EQ(map.to_codepoints(0), 0u);
  EXPECT_EQ(map.to_utf16(0), 0u);
  EXPECT_EQ(map.from_codepoints(0), 0u);
  EXPECT_EQ(map.from_utf16(0), 0u);
}

TEST(OffsetMap, EmojiIsFourBytesOneCodePointTwoUnits) {
  const std::string text = "a" + kEmoji + "b";
  const OffsetMap map(text);
  EXPECT_EQ(map.to_codepoints(1), 1u);
  EXPECT_EQ(map.to_utf16(1), 1u);
  EXPECT_EQ(map.to_codepoints(5), 2u);
  EXPECT_EQ(map.to_utf16(5), 3u);
  EXPECT_EQ(map.to_codepoints(6), 3u);
  EXPECT_EQ(map.to_utf16(6), 4u);
  EXPECT_EQ(map.codepoint_length(), 3u);
  EXPECT_EQ(map.utf16_length(), 4u);
  EXPECT_EQ(map.from_codepoints(2), 5u);
  EXPECT_EQ(map.from_utf16(3), 5u);
  EXPECT_EQ(map.from_utf16(1), 1u);
  EXPECT_EQ(map.from_utf16(2), 1u);  // inside the surrogate pair: rounds down
}

TEST(OffsetMap, SurrogatePairOffsetsRoundDown) {
  const std::string text = kEmoji + kThumb + "x" + kEmoji;
  const OffsetMap map(text);
  EXPECT_EQ(map.from_utf16(0), 0u);
  EXPECT_EQ(map.from_utf16(1), 0u);
  EXPECT_EQ(map.from_utf16(2), 4u);
  EXPECT_EQ(map.from_utf16(3), 4u);
  EXPECT_EQ(map.from_utf16(4), 8u);
  EXPECT_EQ(map.from_utf16(5), 9u);
  EXPECT_EQ(map.from_utf16(6), 9u);
  EXPECT_EQ(map.from_utf16(7), 13u);
}

TEST(OffsetMap, OffsetsPastTheEndClampToTheEnd) {
  const std::string text = "ab" + kEmoji;
  const OffsetMap map(text);
  EXPECT_EQ(map.to_codepoints(100), 3u);
  EXPECT_EQ(map.to_utf16(100), 4u);
  EXPECT_EQ(map.from_codepoints(100), text.size());
  EXPECT_EQ(map.from_utf16(100), text.size());
}

TEST(OffsetMap, CombiningMarksCountAsTheirOwnCodePoint) {
  // "Cafe\u0301!" : the mark is a code point and a UTF-16 unit of its own.
  const std::string text = "Cafe" + kAcute + "!";
  const OffsetMap map(text);
  EXPECT_EQ(map.to_codepoints(4), 4u);   // start of the mark
  EXPECT_EQ(map.to_codepoints(6), 5u);   // "!"
  EXPECT_EQ(map.to_utf16(6), 5u);
  EXPECT_EQ(map.from_codepoints(5), 6u);
  check_against_reference(text);
}

TEST(OffsetMap, ShortTextsInManyScripts) {
  check_against_reference("plain ascii");
  check_against_reference(kEmoji);
  check_against_reference("e" + kAcute + " na\xC3\xAFve caf\xC3\xA9");
  check_against_reference(kZhong + kWen + "\xE3\x80\x82" + kZhong);
  check_against_reference(kShalom + " " + kMarhaba + " (RTL) 123");
  check_against_reference("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok " + kEmoji + kEmoji);
}

// Texts of several blocks, shifted by 0..7 bytes so that 2-, 3- and 4-byte
// characters straddle every kind of block boundary.
TEST(OffsetMap, LongMixedTextsMatchTheReferenceEverywhere) {
  static_assert(OffsetMap::kBlock == 64, "the texts below are sized for 64-byte blocks");
  const std::string unit = "The " + kEmoji + " caf\xC3\xA9" + kAcute + " " + kZhong + kWen + " " + kShalom +
                           " " + kMarhaba + " " + kThumb + "\n";
  for (std::size_t shift = 0; shift < 8; ++shift) {
    std::string text(shift, 'x');
    while (text.size() < 10 * OffsetMap::kBlock) text += unit;
    SCOPED_TRACE("shift " + std::to_string(shift));
    check_against_reference(text);
  }
}

TEST(OffsetMap, OnlyFourByteCharactersAcrossBlocks) {
  for (std::size_t shift = 0; shift < 4; ++shift) {
    std::string text(shift, 'a');
    for (int i = 0; i < 100; ++i) text += (i % 2 ? kEmoji : kThumb);  // 400 bytes
    // Sanity: some emoji really straddles a block boundary.
    bool straddles = false;
    for (const RefPoint& r : reference(text))
      if (r.len == 4 && r.byte / OffsetMap::kBlock != (r.byte + 3) / OffsetMap::kBlock) straddles = true;
    ASSERT_TRUE(straddles || shift == 0);
    SCOPED_TRACE("shift " + std::to_string(shift));
    check_against_reference(text);
  }
}

TEST(OffsetMap, OnlyThreeAndTwoByteCharactersAcrossBlocks) {
  for (std::size_t shift = 0; shift < 3; ++shift) {
    std::string cjk(shift, 'a'), hebrew(shift, 'a');
    for (int i = 0; i < 150; ++i) cjk += (i % 2 ? kZhong : kWen);       // 450 bytes
    for (int i = 0; i < 80; ++i) hebrew += kShalom;                      // 640 bytes
    SCOPED_TRACE("shift " + std::to_string(shift));
    check_against_reference(cjk);
    check_against_reference(hebrew);
  }
}

TEST(OffsetMap, TextLengthsAroundBlockMultiples) {
  // Lengths exactly at, just below and just above a block multiple, ending in
  // a multibyte character.
  for (std::size_t blocks = 1; blocks <= 3; ++blocks) {
    for (int delta = -4; delta <= 4; ++delta) {
      const std::size_t target = static_cast<std::size_t>(static_cast<long>(blocks * OffsetMap::kBlock) + delta);
      std::string text(target - 4, 'x');
      text += kEmoji;
      ASSERT_EQ(text.size(), target);
      SCOPED_TRACE("length " + std::to_string(target));
      check_against_reference(text);
    }
  }
}

TEST(OffsetMap, FromCodepointsAndUtf16AreInversesOnALongText) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += kEmoji;
    text += "e" + kAcute;
    text += kZhong;
  }
  const OffsetMap map(text);
  const std::size_t cps = map.codepoint_length();
  EXPECT_EQ(cps, 300u * 4);
  EXPECT_EQ(map.utf16_length(), 300u * 5);
  for (std::size_t c = 0; c <= cps; ++c) ASSERT_EQ(map.to_codepoints(map.from_codepoints(c)), c);
  for (std::size_t u = 0; u <= map.utf16_length(); ++u) {
    // Round trip is exact except inside a surrogate pair, where it rounds down.
    const std::size_t back = map.to_utf16(map.from_utf16(u));
    ASSERT_TRUE(back == u || back + 1 == u) << u;
    if (u % 5 == 1) ASSERT_EQ(back + 1, u);  // the second unit of each emoji
    else ASSERT_EQ(back, u);
  }
}

TEST(Utf8Counts, CodePointsAndUtf16UnitsAgreeWithOffsetMap) {
  // a, é (2 bytes), 标 (3 bytes), 😀 (4 bytes: a surrogate pair in UTF-16)
  const std::string text = "a\xC3\xA9\xE6\xA0\x87\xF0\x9F\x98\x80";
  EXPECT_EQ(codepoint_count(text), 4u);
  EXPECT_EQ(utf16_count(text), 5u);
  EXPECT_EQ(codepoint_count(""), 0u);
  EXPECT_EQ(utf16_count(""), 0u);
  const OffsetMap map(text);
  EXPECT_EQ(codepoint_count(text), map.codepoint_length());
  EXPECT_EQ(utf16_count(text), map.utf16_length());
}

}  // namespace
}  // namespace reuselens
