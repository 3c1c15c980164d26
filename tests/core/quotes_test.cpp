#include "reuselens/quotes.hpp"

#include "test_util.hpp"

namespace reuselens {
namespace {

std::string span_text(std::string_view text, const std::pair<std::uint32_t, std::uint32_t>& s) {
  return std::string(text.substr(s.first, s.second - s.first));
}

TEST(QuotedSpans, CurlyGuillemetAndGermanQuotes) {
  const std::string text = "He said “yes, now” and «oui» and „ja“ then.";
  const auto spans = quoted_spans(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(span_text(text, spans[0]), "“yes, now”");
  EXPECT_EQ(span_text(text, spans[1]), "«oui»");
  EXPECT_EQ(span_text(text, spans[2]), "„ja“");
}

TEST(QuotedSpans, StraightQuotesFaceByContext) {
  // The quote after "to" opens although an earlier one was never closed.
  const std::string text = "\"An open quote, Kerry said. Then \"We're looking,\" he added.";
  const auto spans = quoted_spans(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(span_text(text, spans[1]), "\"We're looking,\"");
}

TEST(QuotedSpans, BlankLineEndsAnOpenQuotation) {
  const std::string text = "“Never closed\n\nNot quoted here.";
  const auto spans = quoted_spans(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(span_text(text, spans[0]), "“Never closed");
  EXPECT_FALSE(inside_quotes(spans, static_cast<std::uint32_t>(text.find("Not")), static_cast<std::uint32_t>(text.size())));
}

TEST(InsideQuotes, OnlyWhollyInsideOneSpan) {
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> spans = {{5, 20}, {30, 40}};
  EXPECT_TRUE(inside_quotes(spans, 6, 19));
  EXPECT_TRUE(inside_quotes(spans, 5, 20));
  EXPECT_FALSE(inside_quotes(spans, 6, 31));
  EXPECT_FALSE(inside_quotes(spans, 0, 4));
  EXPECT_FALSE(inside_quotes({}, 0, 1));
}

}  // namespace
}  // namespace reuselens
