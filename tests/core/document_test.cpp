// Tests for core/src/document.cpp: validation on creation and offset conversion.
#include "reuselens/document.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace reuselens {
namespace {

const std::string kEmoji = "\xF0\x9F\x98\x80";  // 😀: 4 bytes, 1 code point, 2 UTF-16 units
const std::string kThumb = "\xF0\x9F\x91\x8D";  // 👍

// Overwrites a stretch of the stack, where a dangling view into a destroyed
// local string (a short text kept inline) would point.
__attribute__((noinline)) void scribble_stack() {
  volatile char junk[8192];
  for (std::size_t i = 0; i < sizeof junk; ++i) junk[i] = 'x';
}

// The OffsetMap views the text: after the Document moves (and its old storage
// is reused), conversions must still read the Document's own text. Short texts
// matter most: std::string keeps them inline.
void expect_converts(const Document& doc, const std::string& expected_text) {
  EXPECT_EQ(doc.text(), expected_text);
  // expected_text is "a" + emoji + "b" repeated: per unit 6 bytes, 3 points, 4 units.
  const std::size_t units = expected_text.size() / 6;
  EXPECT_EQ(doc.codepoint_at(expected_text.size()), 3 * units);
  EXPECT_EQ(doc.utf16_at(expected_text.size()), 4 * units);
  EXPECT_EQ(doc.codepoint_at(5), 2u);
  EXPECT_EQ(doc.utf16_at(5), 3u);
  EXPECT_EQ(doc.offsets().from_utf16(3), 5u);
  EXPECT_EQ(doc.offsets().from_utf16(2), 1u);
  EXPECT_EQ(doc.offsets().from_codepoints(2), 5u);
  EXPECT_EQ(doc.offsets().byte_length(), expected_text.size());
}

TEST(Document, RejectsInvalidUtf8WithItsPosition) {
  Document doc;
  const Status s = Document::create("abc\nd\xFF rest", doc);
  EXPECT_FALSE(s.ok);
  EXPECT_FALSE(static_cast<bool>(s));
  EXPECT_NE(s.message.find("byte 5"), std::string::npos) << s.message;
  EXPECT_EQ(s.message, "invalid UTF-8 at byte 5 (line 2, column 2)");
}

TEST(Document, RejectsSurrogatesAndOverlongs) {
  Document doc;
  const Status surrogate = Document::create("ok \xED\xA0\x80", doc);
  EXPECT_FALSE(surrogate.ok);
  EXPECT_NE(surrogate.message.find("byte 3"), std::string::npos) << surrogate.message;
  const Status overlong = Document::create(kEmoji + "\xC0\x80", doc);
  EXPECT_FALSE(overlong.ok);
  EXPECT_NE(overlong.message.find("byte 4"), std::string::npos) << overlong.message;
}

TEST(Document, FailedCreateLeavesTheTargetAlone) {
  Document doc;
  ASSERT_TRUE(Document::create("keep " + kEmoji + " me", doc).ok);
  const std::size_t tokens = doc.tokens().size();
  EXPECT_FALSE(Document::create("bad \xFF", doc).ok);
  EXPECT_EQ(doc.text(), "keep " + kEmoji + " me");
  EXPECT_EQ(doc.tokens().size(), tokens);
  EXPECT_EQ(doc.utf16_at(doc.text().size()), 10u);
}

TEST(Document, CreatedDocumentConvertsOffsets) {
  for (const std::string& text : {"a" + kEmoji + "b", "a" + kEmoji + "b" + "a" + kEmoji + "b" + "a" + kEmoji + "b"}) {
    Document doc;
    ASSERT_TRUE(Document::create(text, doc).ok);
    scribble_stack();
    expect_converts(doc, text);
  }
}

TEST(Document, AcceptsEmptyText) {
  Document doc;
  const Status s = Document::create("", doc);
  ASSERT_TRUE(s.ok) << s.message;
  EXPECT_TRUE(s.message.empty());
  EXPECT_EQ(doc.text(), "");
  EXPECT_EQ(doc.tokens().size(), 0u);
  EXPECT_TRUE(doc.tokenized().sentences.empty());
  EXPECT_EQ(doc.codepoint_at(0), 0u);
  EXPECT_EQ(doc.utf16_at(0), 0u);
  EXPECT_EQ(doc.offsets().byte_length(), 0u);
}

TEST(Document, DefaultConstructedDocumentIsEmptyAndConvertsOffsets) {
  const Document doc;
  EXPECT_EQ(doc.text(), "");
  EXPECT_TRUE(doc.tokens().empty());
  EXPECT_EQ(doc.codepoint_at(0), 0u);
  EXPECT_EQ(doc.utf16_at(0), 0u);
  EXPECT_EQ(doc.offsets().from_utf16(0), 0u);
}

TEST(Document, TokensAndOffsetsOnTextWithEmoji) {
  // Bytes:  I=0 ' '=1 😀=2..5 ' '=6 café=7..11 ' '=12 👍=13..16 ' '=17 done=18..21, end 22
  // Points: I=0      😀=2      café=4..7      👍=9       done=11..14, end 15
  // UTF-16: I=0      😀=2,3    café=5..8      👍=10,11   done=13..16, end 17
  const std::string text = "I " + kEmoji + " caf\xC3\xA9 " + kThumb + " done";
  Document doc;
  ASSERT_TRUE(Document::create(text, doc).ok);
  EXPECT_EQ(doc.text(), text);
  ASSERT_EQ(doc.tokens().size(), 3u);  // emoji are not tokens
  const Token& cafe = doc.tokens()[1];
  const Token& done = doc.tokens()[2];
  EXPECT_EQ(doc.text().substr(cafe.begin, cafe.end - cafe.begin), "caf\xC3\xA9");
  EXPECT_EQ(doc.codepoint_at(cafe.begin), 4u);
  EXPECT_EQ(doc.utf16_at(cafe.begin), 5u);
  EXPECT_EQ(doc.codepoint_at(cafe.end), 8u);
  EXPECT_EQ(doc.utf16_at(cafe.end), 9u);
  EXPECT_EQ(doc.codepoint_at(done.begin), 11u);
  EXPECT_EQ(doc.utf16_at(done.begin), 13u);
  EXPECT_EQ(doc.codepoint_at(done.end), 15u);
  EXPECT_EQ(doc.utf16_at(done.end), 17u);
  EXPECT_EQ(doc.codepoint_at(2), 2u);
  EXPECT_EQ(doc.utf16_at(6), 4u);  // after the first emoji
  EXPECT_EQ(doc.offsets().from_utf16(13), 18u);
  EXPECT_EQ(doc.offsets().from_codepoints(11), 18u);
}

TEST(Document, MovedDocumentStillConvertsOffsets) {
  const std::string short_text = "a" + kEmoji + "b";  // fits in a small-string buffer
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += short_text;

  for (const std::string* text : std::vector<const std::string*>{&short_text, &long_text}) {
    auto source = std::make_unique<Document>();
    ASSERT_TRUE(Document::create(*text, *source).ok);
    Document moved(std::move(*source));
    source.reset();  // free the old Document's storage ...
    std::vector<std::unique_ptr<std::string>> scribble;  // ... and reuse it with other bytes
    for (int i = 0; i < 64; ++i) scribble.push_back(std::make_unique<std::string>(sizeof(Document), 'x'));
    scribble_stack();
    SCOPED_TRACE("text of " + std::to_string(text->size()) + " bytes");
    expect_converts(moved, *text);

    Document assigned;
    ASSERT_TRUE(Document::create("other text", assigned).ok);
    assigned = std::move(moved);
    expect_converts(assigned, *text);
  }
}

TEST(Document, DocumentsInAGrowingVectorStillConvertOffsets) {
  std::vector<Document> docs;
  std::vector<std::string> texts;
  for (int i = 1; i <= 40; ++i) {
    std::string text;
    for (int j = 0; j < i; ++j) text += "a" + kEmoji + "b";
    Document doc;
    ASSERT_TRUE(Document::create(text, doc).ok);
    docs.push_back(std::move(doc));  // reallocations move earlier documents
    texts.push_back(text);
  }
  scribble_stack();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    SCOPED_TRACE("document " + std::to_string(i));
    expect_converts(docs[i], texts[i]);
  }
}

TEST(Document, MovedFromDocumentIsEmptyAndUsable) {
  Document d;
  ASSERT_TRUE(Document::create("Some words here.", d).ok);
  Document taken(std::move(d));
  EXPECT_EQ(taken.tokens().size(), 3u);
  EXPECT_EQ(d.text(), "");  // NOLINT(bugprone-use-after-move): the moved-from state is what is tested
  EXPECT_TRUE(d.tokens().empty());
  EXPECT_EQ(d.codepoint_at(0), 0u);
  EXPECT_EQ(d.utf16_at(5), 0u);
}

}  // namespace
}  // namespace reuselens
