// Tests for core/src/library_format.cpp: Library::save / Library::load and crc32.
#include "reuselens/library_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <iterator>
#include <tuple>
#include <utility>
#include <vector>

#include "reuselens/library.hpp"

namespace reuselens {
namespace {

using Bytes = std::vector<std::uint8_t>;
using Snapshot = std::vector<std::tuple<std::string, std::string, std::string, std::string>>;

Snapshot snapshot(const Library& lib) {
  Snapshot out;
  for (std::size_t i = 0; i < lib.size(); ++i) {
    const SourceInfo& s = lib.info(i);
    out.emplace_back(s.id, s.title, s.url, s.text);
  }
  return out;
}

std::vector<SourceInfo> sample_sources() {
  return {
      {"first", "A plain title", "https://example.com/a",
       "The council met on Monday to discuss the new budget. It was approved by a wide margin."},
      {"zweite-\xC3\xBC", "\xC3\x9C" "berschrift \xE6\xA0\x87\xE9\xA2\x98 \xF0\x9F\x98\x80", "",  // Überschrift 标题 😀
       "Die Stra\xC3\x9F" "e war \xC3\xBC" "berf\xC3\xBCllt. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
       "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82 \xF0\x9F\x91\x8D"},
      {"third", "", "", "short text"},
      {"empty-text", "", "", ""},
  };
}

Library make_library(LibraryOptions options = {}) {
  Library lib(options);
  for (SourceInfo& s : sample_sources()) {
    const Status st = lib.add(s);
    EXPECT_TRUE(st.ok) << st.message;
  }
  return lib;
}

// A small, different library to load into: loads must replace it or leave it alone.
Library make_target() {
  LibraryOptions options;
  options.ngram = 3;
  options.window = 2;
  Library lib(options);
  EXPECT_TRUE(lib.add({"old-1", "Old", "u", "Some old text here."}).ok);
  EXPECT_TRUE(lib.add({"old-2", "", "", "More old text."}).ok);
  return lib;
}

std::uint32_t get_u32(const Bytes& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(b.at(at + i)) << (8 * i);
  return v;
}
void put_u32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b.at(at + i) = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint64_t get_u64(const Bytes& b, std::size_t at) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(b.at(at + i)) << (8 * i);
  return v;
}
void put_u64(Bytes& b, std::size_t at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) b.at(at + i) = static_cast<std::uint8_t>(v >> (8 * i));
}

// Recomputes the trailing CRC so that only the parser can reject an edit.
void reseal(Bytes& b) { put_u32(b, b.size() - 4, crc32(b.data(), b.size() - 4)); }

constexpr std::size_t kVersionAt = 8, kFlagsAt = 12, kNgramAt = 16, kWindowAt = 20, kCountAt = 24, kPayloadAt = 28;
constexpr std::size_t kSchemeAt = kLibraryHeaderSize;  // first field of a version 2 payload

// Offsets of the length fields of every string in the payload (id, title, url,
// text per source), found independently of the code under test.
std::vector<std::size_t> string_fields(const Bytes& b) {
  std::vector<std::size_t> out;
  std::size_t pos = kSchemeAt + 4;
  for (std::uint32_t i = 0; i < 4 * get_u32(b, kCountAt); ++i) {
    out.push_back(pos);
    pos += 4 + get_u32(b, pos);
  }
  return out;
}

// Offset of the postings count, after the last string.
std::size_t postings_at(const Bytes& b) {
  const auto fields = string_fields(b);
  return fields.empty() ? kSchemeAt + 4 : fields.back() + 4 + get_u32(b, fields.back());
}

// The same library as a version 1 file: no index scheme, no postings.
Bytes as_version1(const Bytes& b) {
  Bytes out(b.begin(), b.begin() + static_cast<long>(kLibraryHeaderSize));
  out.insert(out.end(), b.begin() + static_cast<long>(kSchemeAt + 4), b.begin() + static_cast<long>(postings_at(b)));
  out.resize(out.size() + 4);
  put_u32(out, kVersionAt, 1);
  put_u64(out, kPayloadAt, out.size() - kLibraryHeaderSize - 4);
  reseal(out);
  return out;
}

// Loads `bytes` into a copy of the target library and checks that it fails and
// leaves the target as it was. Returns the error message.
std::string expect_rejected(const Bytes& bytes) {
  Library target = make_target();
  const Snapshot before = snapshot(target);
  const Status st = Library::load(bytes.data(), bytes.size(), target);
  EXPECT_FALSE(st.ok);
  EXPECT_FALSE(st.message.empty());
  EXPECT_EQ(snapshot(target), before);
  EXPECT_EQ(target.options().ngram, 3u);
  EXPECT_EQ(target.options().window, 2u);
  EXPECT_EQ(target.find("old-1"), 0);
  return st.message;
}

// ---------------------------------------------------------------------------
// crc32

TEST(Crc32, StandardCheckValue) {
  const char* check = "123456789";
  EXPECT_EQ(crc32(reinterpret_cast<const std::uint8_t*>(check), 9), 0xCBF43926u);
}

TEST(Crc32, OtherKnownValues) {
  EXPECT_EQ(crc32(nullptr, 0), 0u);
  const std::uint8_t a = 'a';
  EXPECT_EQ(crc32(&a, 1), 0xE8B7BE43u);
  const char* fox = "The quick brown fox jumps over the lazy dog";
  EXPECT_EQ(crc32(reinterpret_cast<const std::uint8_t*>(fox), std::strlen(fox)), 0x414FA339u);
}

// ---------------------------------------------------------------------------
// layout

TEST(LibraryFormat, HeaderLayout) {
  LibraryOptions options;
  options.ngram = 5;
  options.window = 7;
  const Library lib = make_library(options);
  const Bytes b = lib.save();
  ASSERT_GE(b.size(), kLibraryHeaderSize + 4);
  EXPECT_EQ(std::memcmp(b.data(), "RLENSLIB", 8), 0);
  EXPECT_EQ(get_u32(b, kVersionAt), 2u);
  EXPECT_EQ(get_u32(b, kFlagsAt), 0u);
  EXPECT_EQ(get_u32(b, kNgramAt), 5u);
  EXPECT_EQ(get_u32(b, kWindowAt), 7u);
  EXPECT_EQ(get_u32(b, kCountAt), 4u);
  EXPECT_EQ(get_u64(b, kPayloadAt), b.size() - kLibraryHeaderSize - 4);
  EXPECT_EQ(get_u32(b, b.size() - 4), crc32(b.data(), b.size() - 4));
  // The payload holds the strings in order.
  const auto fields = string_fields(b);
  ASSERT_EQ(fields.size(), 16u);
  const auto str = [&](std::size_t f) {
    return std::string(b.begin() + static_cast<long>(fields[f] + 4),
                       b.begin() + static_cast<long>(fields[f] + 4 + get_u32(b, fields[f])));
  };
  EXPECT_EQ(str(0), "first");
  EXPECT_EQ(str(1), "A plain title");
  EXPECT_EQ(str(2), "https://example.com/a");
  EXPECT_EQ(str(8), "third");
  EXPECT_EQ(str(11), "short text");
}

// ---------------------------------------------------------------------------
// round trip

TEST(LibraryFormat, RoundTrip) {
  const Library lib = make_library();
  const Bytes bytes = lib.save();
  Library loaded;
  const Status st = Library::load(bytes.data(), bytes.size(), loaded);
  ASSERT_TRUE(st.ok) << st.message;
  EXPECT_EQ(snapshot(loaded), snapshot(lib));
  ASSERT_EQ(loaded.size(), 4u);
  // Same order, and every field identical, including non-ASCII and empties.
  const auto expected = sample_sources();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(loaded.info(i).id, expected[i].id);
    EXPECT_EQ(loaded.info(i).title, expected[i].title);
    EXPECT_EQ(loaded.info(i).url, expected[i].url);
    EXPECT_EQ(loaded.info(i).text, expected[i].text);
    EXPECT_EQ(loaded.find(expected[i].id), static_cast<long>(i));
    // The documents are rebuilt from the texts.
    EXPECT_EQ(loaded.document(i).text(), expected[i].text);
    EXPECT_EQ(loaded.document(i).tokens().size(), lib.document(i).tokens().size());
  }
  EXPECT_TRUE(loaded.info(2).title.empty());
  EXPECT_TRUE(loaded.info(1).url.empty());
  // Saving the loaded library gives the same bytes.
  EXPECT_EQ(loaded.save(), bytes);
}

TEST(LibraryFormat, RoundTripKeepsIndexParameters) {
  LibraryOptions options;
  options.ngram = 6;
  options.window = 9;
  const Library lib = make_library(options);
  const Bytes bytes = lib.save();
  Library loaded;  // default options: 4 and 4
  ASSERT_TRUE(Library::load(bytes.data(), bytes.size(), loaded).ok);
  EXPECT_EQ(loaded.options().ngram, 6u);
  EXPECT_EQ(loaded.options().window, 9u);
  EXPECT_EQ(snapshot(loaded), snapshot(lib));
}

TEST(LibraryFormat, EmptyLibraryRoundTrip) {
  const Library empty;
  const Bytes bytes = empty.save();
  EXPECT_EQ(bytes.size(), kLibraryHeaderSize + 4 + 8 + 4);  // scheme, no postings, CRC
  Library target = make_target();
  const Status st = Library::load(bytes.data(), bytes.size(), target);
  ASSERT_TRUE(st.ok) << st.message;
  EXPECT_EQ(target.size(), 0u);
  EXPECT_EQ(target.find("old-1"), -1);
}

TEST(LibraryFormat, LoadReplacesANonEmptyLibraryOnSuccess) {
  const Library lib = make_library();
  const Bytes bytes = lib.save();
  Library target = make_target();
  ASSERT_EQ(target.size(), 2u);
  const Status st = Library::load(bytes.data(), bytes.size(), target);
  ASSERT_TRUE(st.ok) << st.message;
  EXPECT_EQ(snapshot(target), snapshot(lib));
  EXPECT_EQ(target.find("old-1"), -1);
  EXPECT_EQ(target.find("old-2"), -1);
  EXPECT_EQ(target.find("third"), 2);
  EXPECT_EQ(target.options().ngram, lib.options().ngram);
  EXPECT_EQ(target.options().window, lib.options().window);
  // The replaced library is usable: ids of the old library can be added again.
  EXPECT_TRUE(target.add({"old-1", "", "", "again"}).ok);
  EXPECT_FALSE(target.add({"first", "", "", "duplicate"}).ok);
}

// ---------------------------------------------------------------------------
// corruption: every case fails and leaves the target untouched

TEST(LibraryFormat, RejectsWrongMagic) {
  Bytes bytes = make_library().save();
  bytes[0] = 'X';
  reseal(bytes);
  const std::string msg = expect_rejected(bytes);
  EXPECT_NE(msg.find("not a ReuseLens library"), std::string::npos) << msg;
  const std::string zip = "PK\x03\x04 this is some other file format entirely, long enough for a header";
  expect_rejected(Bytes(zip.begin(), zip.end()));
}

TEST(LibraryFormat, RejectsVersion3NamingTheVersion) {
  Bytes bytes = make_library().save();
  put_u32(bytes, kVersionAt, 3);
  reseal(bytes);
  const std::string msg = expect_rejected(bytes);
  EXPECT_NE(msg.find("version 3"), std::string::npos) << msg;
  put_u32(bytes, kVersionAt, 0);
  reseal(bytes);
  EXPECT_NE(expect_rejected(bytes).find("version 0"), std::string::npos);
}

// ---------------------------------------------------------------------------
// the saved index (version 2) and version 1 files

// What matching sees of a library: candidates for a page and each source's tokens.
std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates_of(const Library& lib, const std::string& text) {
  Document page;
  EXPECT_TRUE(Document::create(text, page).ok);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (const auto& c : lib.candidates(page, 100)) out.emplace_back(c.source, c.shared);
  return out;
}
const std::string kPage = "News: the council met on Monday to discuss the new budget, which was approved.";

TEST(LibraryFormat, SavedPostingsAreSortedAndLoadWithoutRebuilding) {
  const Library lib = make_library();
  const Bytes bytes = lib.save();
  EXPECT_EQ(get_u32(bytes, kSchemeAt), kIndexScheme);
  const std::size_t at = postings_at(bytes);
  const std::uint64_t n = get_u64(bytes, at);
  ASSERT_GT(n, 2u);
  EXPECT_EQ(at + 8 + 12 * n, bytes.size() - 4);
  for (std::uint64_t i = 1; i < n; ++i) {
    const std::size_t p = at + 8 + 12 * i, q = p - 12;
    EXPECT_TRUE(std::make_pair(get_u64(bytes, q), get_u32(bytes, q + 8)) < std::make_pair(get_u64(bytes, p), get_u32(bytes, p + 8)));
  }
  Library loaded;
  ASSERT_TRUE(Library::load(bytes.data(), bytes.size(), loaded).ok);
  EXPECT_FALSE(candidates_of(lib, kPage).empty());
  EXPECT_EQ(candidates_of(loaded, kPage), candidates_of(lib, kPage));
  // Documents are built on demand, the same as when the source was added.
  for (std::size_t i = 0; i < lib.size(); ++i) {
    ASSERT_EQ(loaded.document(i).tokens().size(), lib.document(i).tokens().size());
    EXPECT_EQ(loaded.document(i).text(), lib.document(i).text());
  }
}

TEST(LibraryFormat, Version1FilesStillLoadAndGetTheSameIndex) {
  const Library lib = make_library();
  const Bytes v1 = as_version1(lib.save());
  Library loaded;
  const Status st = Library::load(v1.data(), v1.size(), loaded);
  ASSERT_TRUE(st.ok) << st.message;
  EXPECT_EQ(snapshot(loaded), snapshot(lib));
  EXPECT_EQ(candidates_of(loaded, kPage), candidates_of(lib, kPage));
  // Saved again, it is a version 2 file equal to the original's.
  EXPECT_EQ(loaded.save(), lib.save());
}

TEST(LibraryFormat, PostingsOfAnotherIndexSchemeAreRebuiltFromTheTexts) {
  const Library lib = make_library();
  Bytes bytes = lib.save();
  put_u32(bytes, kSchemeAt, kIndexScheme + 1);
  // Garbage postings (out of order, unknown sources) are ignored, not trusted.
  const std::size_t at = postings_at(bytes);
  for (std::size_t p = at + 8; p + 12 <= bytes.size() - 4; p += 12) {
    put_u64(bytes, p, 7);
    put_u32(bytes, p + 8, 99);
  }
  reseal(bytes);
  Library loaded;
  ASSERT_TRUE(Library::load(bytes.data(), bytes.size(), loaded).ok);
  EXPECT_EQ(candidates_of(loaded, kPage), candidates_of(lib, kPage));
}

// Saved postings are trusted only under the build's kIndexScheme, so every
// change to what a text's fingerprints are (normalization, tokens, function
// words, n-grams, winnowing) must bump it. The checksum of the postings of
// texts in several languages and scripts catches such a change: when this
// fails, bump kIndexScheme and add its value here.
TEST(LibraryFormat, TheIndexSchemeNamesTheFingerprintsOfThisBuild) {
  // Scheme 3: English contractions ("can't", "isn't") became function words.
  // Scheme 4: content words are indexed too (stems; Library::candidates).
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> postings_crc_of_scheme = {
      {2, 0xb88b025du}, {3, 0x92b4f41fu}, {4, 0x1a5cdb0cu}};
  Library lib;
  const char* texts[] = {
      "Russia, which is building up a military presence in Syria, was quick to say that Moscow was also ready. "
      "They said it isn't so and they can't wait.",
      "Russland, das seine milit\u00e4rische Pr\u00e4senz in Syrien ausbaut, sagte, dass es nicht so sei und "
      "dass er auch mit den anderen reden will.",
      "Η Ρωσία, η οποία ενισχύει τη στρατιωτική της παρουσία, είπε ότι αυτό δεν είναι και για τις άλλες.",
      "Русия, която изгражда военно присъствие в Сирия, каза, че това не е така и че те са тук.",
      "وقال إن هذا ليس مشكلة على الإطلاق وإن موسكو مستعدة أيضا لإجراء محادثات مع الولايات المتحدة.",
      "रूस ने कहा कि यह कोई समस्या नहीं है और वह भी इस के लिए तैयार है।",
      "รัสเซียกล่าวว่ามอสโกพร้อมที่จะเจรจากับสหรัฐอเมริกา 俄罗斯表示莫斯科也准备与美国进行会谈。",
  };
  for (std::size_t i = 0; i < std::size(texts); ++i) ASSERT_TRUE(lib.add({std::to_string(i), "", "", texts[i]}).ok);
  const Bytes bytes = lib.save();
  const std::size_t at = postings_at(bytes);
  const std::uint32_t crc = crc32(bytes.data() + at, bytes.size() - 4 - at);
  bool known = false;
  for (const auto& [scheme, expected] : postings_crc_of_scheme) {
    if (scheme != kIndexScheme) continue;
    known = true;
    EXPECT_EQ(crc, expected) << std::hex << "0x" << crc
                             << ": fingerprints changed; bump kIndexScheme (library_format.hpp) and list it here";
  }
  EXPECT_TRUE(known) << "no postings checksum listed for index scheme " << kIndexScheme << std::hex << " (0x" << crc
                     << ")";
}

TEST(LibraryFormat, RejectsPostingsOutOfOrderOrForUnknownSources) {
  const Bytes bytes = make_library().save();
  const std::size_t first = postings_at(bytes) + 8;
  Bytes swapped = bytes;
  std::swap_ranges(swapped.begin() + static_cast<long>(first), swapped.begin() + static_cast<long>(first + 12),
                   swapped.begin() + static_cast<long>(first + 12));
  reseal(swapped);
  EXPECT_NE(expect_rejected(swapped).find("out of order"), std::string::npos);
  Bytes unknown = bytes;
  put_u32(unknown, bytes.size() - 4 - 4, 4);  // the last posting names source 5 of 4
  reseal(unknown);
  EXPECT_NE(expect_rejected(unknown).find("corrupt"), std::string::npos);
  Bytes too_many = bytes;
  put_u64(too_many, postings_at(bytes), get_u64(bytes, postings_at(bytes)) + 1);
  reseal(too_many);
  EXPECT_NE(expect_rejected(too_many).find("cut short"), std::string::npos);
}

TEST(LibraryFormat, RejectsEveryTruncation) {
  const Bytes bytes = make_library().save();
  ASSERT_LT(bytes.size(), 2000u);  // keep the loop fast
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    // A copy of exactly len bytes, so that reading past it is a memory error.
    const Bytes prefix(bytes.begin(), bytes.begin() + static_cast<long>(len));
    SCOPED_TRACE("prefix of " + std::to_string(len) + " bytes");
    expect_rejected(prefix);
    if (HasFailure()) return;
  }
}

TEST(LibraryFormat, RejectsAFlippedByteAnywhere) {
  const Bytes bytes = make_library().save();
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      Bytes bad = bytes;
      bad[at] ^= mask;
      SCOPED_TRACE("byte " + std::to_string(at) + " mask " + std::to_string(mask));
      const std::string msg = expect_rejected(bad);
      // In the payload and the CRC itself, only the checksum can notice.
      if (at >= kLibraryHeaderSize) EXPECT_NE(msg.find("checksum"), std::string::npos) << msg;
      if (HasFailure()) return;
    }
  }
}

TEST(LibraryFormat, RejectsTrailingGarbage) {
  const Bytes bytes = make_library().save();
  Bytes one = bytes;
  one.push_back(0);
  expect_rejected(one);
  Bytes resealed = bytes;  // garbage plus a CRC that covers it
  for (std::uint8_t c : {'j', 'u', 'n', 'k'}) resealed.push_back(c);
  resealed.resize(resealed.size() + 4);
  reseal(resealed);
  expect_rejected(resealed);
  Bytes doubled = bytes;  // two files glued together
  doubled.insert(doubled.end(), bytes.begin(), bytes.end());
  expect_rejected(doubled);
}

TEST(LibraryFormat, RejectsExtraBytesInsideThePayloadWithValidLengthAndCrc) {
  Bytes bytes = make_library().save();
  const std::size_t crc_at = bytes.size() - 4;
  bytes.insert(bytes.begin() + static_cast<long>(crc_at), {0, 0, 0, 0, 'x'});
  put_u64(bytes, kPayloadAt, get_u64(bytes, kPayloadAt) + 5);
  reseal(bytes);
  const std::string msg = expect_rejected(bytes);
  EXPECT_NE(msg.find("unexpected bytes"), std::string::npos) << msg;
}

TEST(LibraryFormat, RejectsALengthPastTheEndWithAValidCrc) {
  const Bytes bytes = make_library().save();
  const auto fields = string_fields(bytes);
  ASSERT_EQ(fields.size(), 16u);
  // The first id's length, huge.
  Bytes huge = bytes;
  put_u32(huge, fields[0], 0xFFFFFFF0u);
  reseal(huge);
  EXPECT_NE(expect_rejected(huge).find("cut short"), std::string::npos);
  // The last text's length, one byte too long.
  Bytes one_more = bytes;
  put_u32(one_more, fields[15], get_u32(bytes, fields[15]) + 1);
  reseal(one_more);
  EXPECT_NE(expect_rejected(one_more).find("cut short"), std::string::npos);
  // A middle text's length, past the payload but not past the file (into the CRC).
  Bytes into_crc = bytes;
  const std::size_t payload_end = bytes.size() - 4;
  put_u32(into_crc, fields[11], static_cast<std::uint32_t>(payload_end - (fields[11] + 4) + 2));
  reseal(into_crc);
  expect_rejected(into_crc);
}

TEST(LibraryFormat, RejectsACountThatDisagreesWithThePayload) {
  const Bytes bytes = make_library().save();
  Bytes more = bytes;
  put_u32(more, kCountAt, 5);
  reseal(more);
  EXPECT_NE(expect_rejected(more).find("corrupt"), std::string::npos);
  Bytes fewer = bytes;
  put_u32(fewer, kCountAt, 3);
  reseal(fewer);
  EXPECT_NE(expect_rejected(fewer).find("corrupt"), std::string::npos);
}

TEST(LibraryFormat, RejectsInvalidUtf8InASourceTextWithAValidCrc) {
  const Bytes bytes = make_library().save();
  const auto fields = string_fields(bytes);
  ASSERT_EQ(fields.size(), 16u);
  Bytes bad = bytes;
  ASSERT_GT(get_u32(bad, fields[3]), 10u);
  bad[fields[3] + 4 + 10] = 0xFF;  // inside the first source's text
  reseal(bad);
  const std::string msg = expect_rejected(bad);
  EXPECT_NE(msg.find("invalid UTF-8"), std::string::npos) << msg;
  EXPECT_NE(msg.find("byte 10"), std::string::npos) << msg;
  // A lone surrogate in the multibyte text of the second source.
  Bytes surrogate = bytes;
  const std::size_t text_at = fields[7] + 4;
  ASSERT_GE(get_u32(surrogate, fields[7]), 3u);
  surrogate[text_at] = 0xED;
  surrogate[text_at + 1] = 0xA0;
  surrogate[text_at + 2] = 0x80;
  reseal(surrogate);
  expect_rejected(surrogate);
}

TEST(LibraryFormat, RejectsInvalidUtf8InATitleWithAValidCrc) {
  Bytes bytes = make_library().save();
  const auto fields = string_fields(bytes);
  bytes[fields[1] + 4] = 0xC0;  // "A plain title" -> overlong lead byte
  reseal(bytes);
  expect_rejected(bytes);
}

TEST(LibraryFormat, RejectsDuplicateIdsWithAValidCrc) {
  Library lib;
  ASSERT_TRUE(lib.add({"id-1", "", "", "first text"}).ok);
  ASSERT_TRUE(lib.add({"id-2", "", "", "second text"}).ok);
  Bytes bytes = lib.save();
  const auto fields = string_fields(bytes);
  ASSERT_EQ(fields.size(), 8u);
  ASSERT_EQ(bytes[fields[4] + 4 + 3], '2');
  bytes[fields[4] + 4 + 3] = '1';  // second id becomes "id-1"
  reseal(bytes);
  const std::string msg = expect_rejected(bytes);
  EXPECT_NE(msg.find("id-1"), std::string::npos) << msg;
}

TEST(LibraryFormat, RejectsAnEmptyIdWithAValidCrc) {
  Library lib;
  ASSERT_TRUE(lib.add({"x", "", "", "text"}).ok);
  Bytes bytes = lib.save();
  // Rebuild the payload by hand with an empty id (title "t", text "text").
  Bytes payload;
  auto put_str = [&](const std::string& s) {
    Bytes len(4);
    put_u32(len, 0, static_cast<std::uint32_t>(s.size()));
    payload.insert(payload.end(), len.begin(), len.end());
    payload.insert(payload.end(), s.begin(), s.end());
  };
  put_str("");
  put_str("t");
  put_str("");
  put_str("text");
  Bytes edited(bytes.begin(), bytes.begin() + static_cast<long>(kLibraryHeaderSize));
  edited.insert(edited.end(), payload.begin(), payload.end());
  edited.resize(edited.size() + 4);
  put_u64(edited, kPayloadAt, payload.size());
  reseal(edited);
  expect_rejected(edited);
}

TEST(LibraryFormat, RejectsUnknownFlagsWithAValidCrc) {
  Bytes bytes = make_library().save();
  put_u32(bytes, kFlagsAt, 1);
  reseal(bytes);
  const std::string msg = expect_rejected(bytes);
  EXPECT_NE(msg.find("flags"), std::string::npos) << msg;
}

TEST(LibraryFormat, RejectsBadIndexParametersWithAValidCrc) {
  const Bytes bytes = make_library().save();
  for (auto [at, value] : {std::pair<std::size_t, std::uint32_t>{kNgramAt, 0}, {kNgramAt, 17},
                           {kWindowAt, 0}, {kWindowAt, 65}, {kNgramAt, 0xFFFFFFFFu}}) {
    Bytes bad = bytes;
    put_u32(bad, at, value);
    reseal(bad);
    SCOPED_TRACE("field at " + std::to_string(at) + " = " + std::to_string(value));
    expect_rejected(bad);
  }
}

TEST(LibraryFormat, RejectsAPayloadLengthThatDisagreesWithTheFileSize) {
  const Bytes bytes = make_library().save();
  for (std::uint64_t delta : {std::uint64_t{1}, std::uint64_t{1} << 40}) {
    Bytes bigger = bytes;
    put_u64(bigger, kPayloadAt, get_u64(bytes, kPayloadAt) + delta);
    reseal(bigger);
    expect_rejected(bigger);
  }
  Bytes smaller = bytes;
  put_u64(smaller, kPayloadAt, get_u64(bytes, kPayloadAt) - 1);
  reseal(smaller);
  expect_rejected(smaller);
}

}  // namespace
}  // namespace reuselens
