#include "reuselens/align.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;
using test::slice;

const std::string kSentenceA =
    "Russia, which is building up a military presence in Syria, was quick to say that Moscow was also ready for "
    "talks with the United States.";
const std::string kSentenceB =
    "Heavy Russian equipment, including tanks, helicopters and naval infantry forces, have been moved to Latakia, "
    "U.S. officials say.";
const std::string kFiller =
    "The weather in the valley stayed mild through October, and farmers brought in a late harvest of apples. ";

TEST(Align, VerbatimCopyIsOnePassageWithExactOffsets) {
  const Document source = doc(kFiller + kSentenceA + " " + kFiller);
  const Document page = doc("Some unrelated opening words here. " + kSentenceA + " And then it ends differently.");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  const Passage& p = passages[0];
  EXPECT_EQ(slice(page, p.page_begin, p.page_end), kSentenceA);
  EXPECT_EQ(slice(source, p.source_begin, p.source_end), kSentenceA);
  EXPECT_EQ(p.kind, PassageKind::kVerbatim);
  EXPECT_DOUBLE_EQ(p.score, 1.0);
  EXPECT_EQ(p.matched_tokens, p.page_last_token - p.page_first_token);
}

TEST(Align, ReplacedWordsMakeOneEditedPassage) {
  const Document source = doc(kSentenceA);
  const std::string edited =
      "The Kremlin, which is building up a military presence in Syria, was quick to say that Moscow was "
      "also prepared for talks with the West.";
  const Document page = doc(edited);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  const Passage& p = passages[0];
  EXPECT_EQ(p.kind, PassageKind::kEdited);
  EXPECT_GT(p.score, 0.7);
  EXPECT_LT(p.score, 1.0);
  // The passage spans from the first to the last word both texts share
  // ("The Kremlin" replaced "Russia", "West" replaced "United States").
  EXPECT_EQ(slice(page, p.page_begin, p.page_end), "which is building up a military presence in Syria, was quick to "
                                                   "say that Moscow was also prepared for talks with the");
  EXPECT_EQ(slice(source, p.source_begin, p.source_end), "which is building up a military presence in Syria, was "
                                                         "quick to say that Moscow was also ready for talks with the");
  EXPECT_GT(p.runs.size(), 1u);
}

TEST(Align, OtherNamesOfAPlaceAtACopysEndsArePartOfIt) {
  // Seeds 002-004: "Russian Federation" for "Russia", "USA" for "United
  // States". No n-gram seeds them, yet they are the copy's, as synonyms.
  const Document source = doc(kFiller + kSentenceA + " " + kFiller);
  const std::string edited =
      "Russian Federation, which is building up a military presence in Syria, was quick to say that Moscow was "
      "also prepared for talks with the USA.";
  const Document page = doc("Some unrelated opening words here. " + edited + " And then it ends differently.");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  const Passage& p = passages[0];
  EXPECT_EQ(slice(page, p.page_begin, p.page_end), edited);
  EXPECT_EQ(slice(source, p.source_begin, p.source_end), kSentenceA);
  EXPECT_EQ(p.kind, PassageKind::kEdited);
  std::string synonyms;
  for (const AlignmentStep& step : p.alignment) {
    if (step.type != StepType::kSynonym || step.page == AlignmentStep::kNoToken) continue;
    const Token& t = page.tokens()[step.page];
    synonyms += slice(page, t.begin, t.end) + "/";
  }
  EXPECT_EQ(synonyms, "Russian/Federation/prepared/USA/");
  // A word before the copy that is no synonym of the source's stays out.
  const auto other = align(doc("Ukraine, which is building up a military presence in Syria, was quick to say."),
                           source);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].page_first_token, 1u);
}

TEST(Align, AWordingOfThePhraseBeforeACopyIsPartOfIt) {
  // Seed 003 has "talked about areas" where seed 002 has "discussed areas".
  const Document source = doc(
      "Officials described the conversation as constructive, noting that Carter and Shoygu discussed areas where "
      "the two countries' perspectives overlap and areas of divergence.");
  const Document page = doc(
      "The secretary and the minister talked about areas where the two countries' perspectives overlap and "
      "areas of divergence, said the spokesman.");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end).rfind("talked about areas", 0), 0u);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end).rfind("discussed areas", 0), 0u);
  EXPECT_EQ(passages[0].kind, PassageKind::kEdited);
}

TEST(Align, ShuffledSentencesGiveOnePassageEach) {
  // An aggregator page takes sentences out of order.
  const Document source = doc(kSentenceA + " " + kFiller + kSentenceB);
  const Document page = doc(kSentenceB + " Some words of its own come between them. " + kSentenceA);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), kSentenceB);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), kSentenceB);
  EXPECT_EQ(slice(page, passages[1].page_begin, passages[1].page_end), kSentenceA);
  EXPECT_EQ(slice(source, passages[1].source_begin, passages[1].source_end), kSentenceA);
  EXPECT_LT(passages[0].page_end, passages[1].page_begin);  // page order
}

TEST(Align, TypographicVariantsStillMatchVerbatim) {
  const Document source = doc("\"We're looking for ways in which to find a common ground,\" Kerry told reporters.");
  const Document page = doc("“We’re looking for ways in which to find a common ground,” Kerry told reporters.");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].kind, PassageKind::kVerbatim);
  // Both texts close the quotation inside the passage: it starts at the opening mark.
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end).rfind("“We’re looking", 0), 0u);
}

TEST(Align, PassageStartWidensOverAnOpeningQuoteBothTextsShare) {
  const std::string quote = "We're looking for ways in which to find a common ground";
  const Document source = doc("Kerry told reporters: \"" + quote + ",\" he added.");
  // The whole quotation, with its marks, is what both texts share.
  auto passages = align(doc("He said “" + quote + ",” and left."), source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), "\"" + quote + ",\"");
  // Only the source quotes it: the passage starts at the word.
  passages = align(doc("He said " + quote + ", and left."), source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), quote + ",");
  // Both open a quotation, but the page closes it elsewhere: no lone opening mark.
  passages = align(doc("He said “" + quote + " today,” and left."), source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), quote);
  // Both close it inside the passage: the opening mark belongs to it.
  passages = align(doc("Then “" + quote + ",” he added."), source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), "\"" + quote + ",\" he added.");
  // An apostrophe inside a word ("We're") closes no single quote.
  const Document single = doc("Kerry told reporters: '" + quote + " now, he added.");
  passages = align(doc("He said ‘" + quote + " today and left."), single);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(single, passages[0].source_begin, passages[0].source_end), quote);
  // A mark glued to the word before it closes that word; it opens nothing.
  const Document glued = doc("Kerry: no\"" + quote + ",\" he added.");
  passages = align(doc("He said yes\"" + quote + ",\" and left."), glued);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(glued, passages[0].source_begin, passages[0].source_end), quote + ",\"");
}

TEST(Align, PassageEndWidensOverSharedPunctuationOnly) {
  const Document source = doc(kSentenceA + " More.");
  const Document page = doc(kSentenceA.substr(0, kSentenceA.size() - 1) + "! Other words.");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  // The page has "!" where the source has ".": the passage stops at the word.
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), kSentenceA.substr(0, kSentenceA.size() - 1));
}

TEST(Align, UnrelatedTextsAndShortPhrasesGiveNothing) {
  const Document source = doc(kSentenceA);
  EXPECT_TRUE(align(doc(kFiller + kFiller), source).empty());
  // Shared phrases below the minimum number of matched tokens are not reuse.
  EXPECT_TRUE(align(doc("Analysts said Moscow was also ready for a deal, then left."), source).empty());
  EXPECT_TRUE(align(doc(""), source).empty());
  EXPECT_TRUE(align(source, doc("")).empty());
}

TEST(Align, APhraseOfMostlyFunctionWordsIsNoPassage) {
  // Eleven words in a row, but only "middle", "sixth"/"first" and "century"
  // are content words: any two histories share such a phrase.
  const Document page =
      doc("Roman rule ended by the middle of the sixth century BC, when it had been taken and sacked by its neighbours.");
  const Document source =
      doc("Trade grew by the middle of the first century B.C., when it had become a port for grain from Egypt.");
  EXPECT_TRUE(align(page, source).empty());
  AlignOptions any_words;
  any_words.min_content_words = 0;
  ASSERT_EQ(align(page, source, any_words).size(), 1u);
  // Four distinct content words are enough: "city" for "it".
  const Document city_page = doc(
      "Roman rule ended by the middle of the sixth century BC, when the city had been taken and sacked by its "
      "neighbours.");
  const Document city_source =
      doc("Trade grew by the middle of the first century B.C., when the city had become a port for grain from Egypt.");
  EXPECT_EQ(align(city_page, city_source).size(), 1u);
}

TEST(Align, MinimumPassageCharactersDropsShortPassages) {
  const Document source = doc(kSentenceA);
  const Document page = doc(kSentenceA);
  AlignOptions options;
  options.min_passage_chars = kSentenceA.size() + 1;
  EXPECT_TRUE(align(page, source, options).empty());
  options.min_passage_chars = kSentenceA.size();
  EXPECT_EQ(align(page, source, options).size(), 1u);
}

TEST(Align, RepeatedSourceTextIsReportedOnceOnThePage) {
  // The source holds the sentence twice; the page once: one passage, not two.
  const Document source = doc(kSentenceA + " " + kFiller + kSentenceA);
  const Document page = doc(kSentenceA);
  EXPECT_EQ(align(page, source).size(), 1u);
}

TEST(Align, PageRepeatingASourceSentenceReportsBothCopies) {
  const Document source = doc(kSentenceA);
  const Document page = doc(kSentenceA + " " + kFiller + kSentenceA);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_LE(passages[0].page_end, passages[1].page_begin);
}

TEST(Align, ChineseTextMatchesCharacterByCharacter) {
  const std::string copied = "俄罗斯正在叙利亚增加军事存在，并表示莫斯科也准备与美国进行会谈。";
  const Document source = doc("新闻报道。" + copied + "其他内容在这里。");
  const Document page = doc("今天的消息：" + copied);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_NE(slice(page, passages[0].page_begin, passages[0].page_end).find("俄罗斯正在叙利亚"), std::string::npos);
}

TEST(Align, AThaiPassageEndsAfterTheMarksOfItsLastCharacter) {
  // The copy ends in "นี้", whose vowel and tone marks follow the consonant.
  const std::string copied = "ประธานาธิบดีเชื่อว่าการเจรจาทางทหารเป็นก้าวต่อไปที่สำคัญ และหวังว่าการเจรจาจะเกิดขึ้นในเร็วๆ นี้";
  const Document source = doc("ข่าววันนี้ " + copied + "\n\nเรื่องอื่นต่อจากนี้ไป");
  const Document page = doc("เมื่อวานเราไปทะเลกับเพื่อน\n\n" + copied + "\n\nแล้วก็กลับบ้าน");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), copied);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), copied);
}

// Hindi words that differ in a vowel sign are different words, not one.
TEST(Align, HindiWordsThatDifferInAVowelSignAreReplacedNotEqual) {
  const std::string before = "अमेरिकी विदेश मंत्री जॉन केरी ने शुक्रवार को लंदन में कहा कि सीरिया पर ";
  const std::string after = " के साथ सैन्य वार्ता करना एक महत्वपूर्ण अगला कदम है और वार्ता बहुत जल्द होगी।";
  const Document source = doc(before + "रूस" + after);
  const Document page = doc(before + "रूसी" + after);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_NE(passages[0].kind, PassageKind::kVerbatim);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), before + "रूसी" + after);  // with its danda
  bool seen = false;
  for (const AlignmentStep& step : passages[0].alignment) {
    if (step.page == AlignmentStep::kNoToken) continue;
    const Token& t = page.tokens()[step.page];
    if (slice(page, t.begin, t.end) != "रूसी") continue;
    seen = true;
    EXPECT_NE(step.type, StepType::kExact);
  }
  EXPECT_TRUE(seen);
}

// After an edit two words from a sentence's end, no n-gram is left to seed
// the rest: the copy still reaches the end of its sentence, and its start.
TEST(Align, ACopyReachesItsSentenceEndsPastAnEditNearThem) {
  const std::string sentence =
      "Talks with Moscow are the way forward, Kerry said on Friday after meeting the foreign minister in the "
      "talks with Moscow.";
  const Document source = doc("Other news came first today.\n\n" + sentence + "\n\nNothing else to add here.");
  const std::string edited = "Talk with Moscow are the way forward, Kerry said on Friday after meeting the foreign "
                             "minister in the talk with Moscow.";
  const Document page = doc("The weather is nice.\n\n" + edited + "\n\nGoodbye for now.");
  auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), edited);
  EXPECT_EQ(slice(source, passages[0].source_begin, passages[0].source_end), sentence);
  EXPECT_NE(passages[0].kind, PassageKind::kVerbatim);
  std::size_t stems = 0;
  for (const AlignmentStep& step : passages[0].alignment) stems += step.type == StepType::kStem;
  EXPECT_EQ(stems, 2u);
  // Without reaching, the words past the edits are left out; the edited
  // words themselves, beside the copy and of the source words' stems, join it.
  AlignOptions short_ends;
  short_ends.reach_sentence_ends = 0;
  passages = align(page, source, short_ends);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end),
            "Talk with Moscow are the way forward, Kerry said on Friday after meeting the foreign minister in the "
            "talk");
}

// What the sentence's end adds is kept only where it corresponds: a new
// clause, or a function word after a replaced word, is not the copy's.
TEST(Align, AReachedSentenceEndKeepsOnlyWhatCorresponds) {
  const std::string copied = "Kerry said the United States wanted to find a diplomatic way forward in the";
  const Document source = doc("Other news came first today.\n\n" + copied + " talks with Moscow.\n\nNothing else.");
  auto passages = align(
      doc("The weather is nice.\n\n" + copied + " talks with Moscow, he said on the radio.\n\nBye."), source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].kind, PassageKind::kVerbatim);
  // "with" after a replaced word matches by chance.
  const Document page = doc("The weather is nice.\n\n" + copied + " snow with the Kremlin.\n\nBye.");
  passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), copied);
}

std::string replace_word(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

// Sentences of made-up words, none shared between sentences: sentence i of
// `tag` is always the same.
std::string invented_sentence(int i, const std::string& tag, int words = 30, bool condensed = false) {
  std::string s;
  for (int w = 0; w < words; ++w) {
    if (condensed && w % 4 == 3 && w < 24) continue;  // a summary drops words
    s += (w ? " " : "") + tag + "q" + std::to_string(i) + "x" + std::to_string(w);
  }
  return s + ".";
}

std::string invented_text(int sentences, const std::string& tag) {
  std::string s;
  for (int i = 0; i < sentences; ++i) s += invented_sentence(i, tag) + " ";
  return s;
}

// A page paragraph that echoes three of an article's sentences, whole or
// condensed.
std::string echo_of(int a, int b, int c, bool condensed = false) {
  return invented_sentence(a, "src", 30, condensed) + " " + invented_sentence(b, "src", 30, condensed) + " " +
         invented_sentence(c, "src", 30, condensed);
}

TEST(Align, SummaryOfMostOfAnArticleCoversTheWholeArticle) {
  const Document source = doc(invented_text(40, "src"));  // 1200 words
  const Document page =
      doc(invented_text(10, "pre") + echo_of(1, 20, 38, true) + " " + invented_text(10, "post"));
  const auto passages = align(page, source, AlignOptions::pan());
  ASSERT_EQ(passages.size(), 1u);
  const Passage& p = passages[0];
  EXPECT_EQ(p.kind, PassageKind::kSummary);
  EXPECT_EQ(slice(page, p.page_begin, p.page_end), echo_of(1, 20, 38, true));
  EXPECT_EQ(p.source_first_token, 0u);
  EXPECT_EQ(p.source_last_token, source.tokens().size());
  EXPECT_EQ(p.source_begin, 0u);
  // The alignment still covers both sides, the rest of the article deleted.
  EXPECT_EQ(p.alignment.front().source, 0u);
  EXPECT_EQ(p.alignment.front().type, StepType::kDeleted);
  EXPECT_EQ(p.alignment.back().source, source.tokens().size() - 1);
  EXPECT_EQ(p.alignment.back().type, StepType::kDeleted);
  // So it does for news: the three sentences are judged together.
  const auto news = align(page, source);
  ASSERT_EQ(news.size(), 1u);
  EXPECT_EQ(news[0].kind, PassageKind::kSummary);
  EXPECT_EQ(news[0].source_last_token, source.tokens().size());
}

TEST(Align, APageReusingTheArticleElsewhereTooHasNoSummaryOfIt) {
  // The paragraph of the test above, and far below it one more of the
  // article's sentences: the page reuses the article piece by piece, so no
  // passage claims the whole article.
  const Document source = doc(invented_text(40, "src"));
  const Document page = doc(invented_text(10, "pre") + echo_of(1, 20, 38, true) + " " + invented_text(10, "post") +
                            " " + invented_sentence(30, "src") + " " + invented_text(5, "end"));
  const auto passages = align(page, source, AlignOptions::pan());
  ASSERT_GE(passages.size(), 2u);
  for (const Passage& p : passages) {
    EXPECT_NE(p.kind, PassageKind::kSummary);
    EXPECT_LT(p.source_last_token - p.source_first_token, source.tokens().size() / 2);
  }
  EXPECT_EQ(slice(page, passages.back().page_begin, passages.back().page_end), invented_sentence(30, "src"));
}

// Sentence i of the article with every third word left out: no word n-gram
// survives, only sentence similarity finds it.
std::string thinned_sentence(int i) {
  std::string s;
  for (int w = 0; w < 30; ++w)
    if (w % 3 != 2) s += (s.empty() ? "" : " ") + std::string("srcq") + std::to_string(i) + "x" + std::to_string(w);
  return s + ".";
}

TEST(Align, ALoneRewordedPassageIsLookedForAgainAsASummaryOfTheWholeArticle) {
  // A condensed sentence (an edited copy) and two thinned ones from far down
  // the article: a summary whose sentences resemble the article less than
  // the bar for sentence passages (set high here) asks.
  const Document source = doc(invented_text(40, "src"));
  const std::string summary =
      invented_sentence(1, "src", 30, true) + " " + thinned_sentence(20) + " " + thinned_sentence(38);
  const Document page = doc(invented_text(10, "pre") + summary + " " + invented_text(10, "post"));
  AlignOptions strict = AlignOptions::pan();
  strict.sentence.min_validation = 0.9;
  strict.lone_summary_validation = 0;
  const auto alone = align(page, source, strict);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].kind, PassageKind::kEdited);
  EXPECT_EQ(slice(page, alone[0].page_begin, alone[0].page_end), invented_sentence(1, "src", 30, true));

  AlignOptions retried = strict;
  retried.lone_summary_validation = 0.34;
  const auto passages = align(page, source, retried);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].kind, PassageKind::kSummary);
  const std::string found = slice(page, passages[0].page_begin, passages[0].page_end);
  EXPECT_EQ(found.rfind(invented_sentence(1, "src", 30, true), 0), 0u);
  EXPECT_NE(found.find(thinned_sentence(20)), std::string::npos);
  EXPECT_EQ(passages[0].source_first_token, 0u);
  EXPECT_EQ(passages[0].source_last_token, source.tokens().size());

  // Where the lower bar finds no summary of the whole article (270 words are
  // no article), the passage stays as it was.
  const Document short_source = doc(invented_text(9, "src"));
  const Document short_page = doc(invented_text(10, "pre") + invented_sentence(1, "src", 30, true) + " " +
                                  thinned_sentence(7) + " " + invented_text(10, "post"));
  const auto strict_short = align(short_page, short_source, strict);
  ASSERT_EQ(strict_short.size(), 1u);
  const auto kept = align(short_page, short_source, retried);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].kind, strict_short[0].kind);
  EXPECT_EQ(kept[0].page_begin, strict_short[0].page_begin);
  EXPECT_EQ(kept[0].page_end, strict_short[0].page_end);
  EXPECT_EQ(kept[0].source_end, strict_short[0].source_end);
}

TEST(Align, SentencesFromAcrossAShortTextStayCopies) {
  // 270 words: not an article; its sentences stay verbatim copies (out of
  // source order, so the PAN profile does not join them either).
  const Document source = doc(invented_text(9, "src"));
  const Document page = doc(invented_text(10, "pre") + echo_of(4, 0, 8) + " " + invented_text(10, "post"));
  const auto passages = align(page, source, AlignOptions::pan());
  ASSERT_EQ(passages.size(), 3u);
  for (const Passage& p : passages) EXPECT_EQ(p.kind, PassageKind::kVerbatim);
}

TEST(Align, NewsProfileKeepsStitchedSentencesApart) {
  // An aggregator stitching sentences from all over an article: three copies,
  // not one summary.
  const Document source = doc(invented_text(40, "src"));
  const Document page = doc(invented_text(10, "pre") + echo_of(1, 20, 38) + " " + invented_text(10, "post"));
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 3u);
  for (const Passage& p : passages) EXPECT_EQ(p.kind, PassageKind::kVerbatim);
}

// Sentence i of the article with one word changed, as an aggregator writes
// "Russian Federation" for "Russia": an edited copy.
std::string edited_sentence(int i) {
  const std::string n = std::to_string(i);
  return replace_word(invented_sentence(i, "src"), "srcq" + n + "x10", "changed" + n);
}

TEST(Align, NewsProfileKeepsEditedSentencesStitchedOutOfOrderApart) {
  // Three sentences from all over an article, reordered and lightly edited,
  // side by side: an aggregator's stitching, three edited copies, not one
  // summary of the whole article.
  const Document source = doc(invented_text(40, "src"));
  const std::string stitched = edited_sentence(38) + " " + edited_sentence(1) + " " + edited_sentence(20);
  const Document page = doc(invented_text(10, "pre") + stitched + " " + invented_text(10, "post"));
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 3u);
  const int order[] = {38, 1, 20};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(passages[i].kind, PassageKind::kEdited);
    EXPECT_EQ(slice(page, passages[i].page_begin, passages[i].page_end), edited_sentence(order[i]));
  }
}

TEST(Align, PanProfileJoinsTheSwappedHalvesOfAnEditedPassage) {
  // Two sentences, each long enough for PAN's 200 characters, copied with an
  // edit each and in swapped order.
  const std::string first = invented_sentence(0, "mid"), second = invented_sentence(1, "mid");
  const std::string first_edited = replace_word(first, "midq0x15", "changed");
  const std::string second_edited = replace_word(second, "midq1x15", "altered");
  const Document source = doc(invented_text(5, "pre") + first + " " + second + " " + invented_text(5, "post"));
  const Document page =
      doc(invented_text(5, "other") + second_edited + " " + first_edited + " " + invented_text(5, "end"));
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), second_edited + " " + first_edited);
  EXPECT_EQ(slice(source, pan[0].source_begin, pan[0].source_end), first + " " + second);
  // News reuse is reported sentence by sentence.
  EXPECT_GE(align(page, source).size(), 2u);
}

// Sentence i of `tag`, `words` long, keeping only every `keep`-th word of it
// (a rewording so heavy that neither n-grams nor sentence likeness find it).
std::string sparse_rewording(int i, const std::string& tag, int words, int keep) {
  std::string s;
  for (int w = 0; w < words; ++w)
    s += (w ? " " : "") + (w % keep == 0 ? tag + "q" : std::string("new")) + std::to_string(i) + "x" + std::to_string(w);
  return s + ".";
}

TEST(Align, PiecesOfOneRewordingJoinWhereSomeWordsBetweenThemSurvive) {
  const std::string first = invented_sentence(0, "mid"), third = invented_sentence(2, "mid");
  const std::string first_edited = replace_word(first, "midq0x15", "changed");
  const std::string third_edited = replace_word(third, "midq2x15", "altered");
  const Document source = doc(invented_text(3, "pre") + first + " " + invented_sentence(1, "mid") + " " + third +
                              " " + invented_text(3, "post"));
  auto page_with = [&](const std::string& middle) {
    return doc(invented_text(3, "other") + first_edited + " " + middle + " " + third_edited + " " +
               invented_text(3, "end"));
  };
  // The middle sentence keeps one word in four: the pieces around it are one
  // passage, its source side the three sentences.
  const std::string reworded = sparse_rewording(1, "mid", 20, 4);
  const Document page = page_with(reworded);
  const auto joined = align(page, source);
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(slice(page, joined[0].page_begin, joined[0].page_end),
            first_edited + " " + reworded + " " + third_edited);
  EXPECT_EQ(slice(source, joined[0].source_begin, joined[0].source_end),
            first + " " + invented_sentence(1, "mid") + " " + third);
  AlignOptions unjoined;
  unjoined.join_gap = 0;
  EXPECT_EQ(align(page, source, unjoined).size(), 2u);
  // A middle the page wrote itself (a byline, an added sentence) keeps them
  // apart; PAN's cases join whatever lies between their pieces.
  const Document added = page_with(sparse_rewording(1, "own", 20, 4));
  EXPECT_EQ(align(added, source).size(), 2u);
  EXPECT_EQ(align(added, source, AlignOptions::pan()).size(), 1u);
}

TEST(Align, AVerbatimSentenceStaysApartFromTheRewordingBesideIt) {
  // The test above with the first sentence copied word for word.
  const std::string first = invented_sentence(0, "mid"), third = invented_sentence(2, "mid");
  const std::string third_edited = replace_word(third, "midq2x15", "altered");
  const Document source = doc(invented_text(3, "pre") + first + " " + invented_sentence(1, "mid") + " " + third +
                              " " + invented_text(3, "post"));
  const Document page = doc(invented_text(3, "other") + first + " " + sparse_rewording(1, "mid", 20, 4) + " " +
                            third_edited + " " + invented_text(3, "end"));
  const auto news = align(page, source);
  ASSERT_EQ(news.size(), 2u);
  EXPECT_EQ(news[0].kind, PassageKind::kVerbatim);
  EXPECT_EQ(slice(page, news[0].page_begin, news[0].page_end).rfind(first, 0), 0u);  // and the next word, copied too
  EXPECT_EQ(news[1].kind, PassageKind::kEdited);
  AlignOptions mixed;
  mixed.join_verbatim_apart = false;
  EXPECT_EQ(align(page, source, mixed).size(), 1u);
}

TEST(Align, PageSideFarLongerThanItsSourceSideFailsThePanProfile) {
  const std::string sentence = invented_sentence(0, "mid");
  const Document source = doc(invented_text(3, "pre") + sentence + " " + invented_text(3, "post"));
  const Document page = doc(invented_text(3, "other") + sentence + " " + invented_text(6, "end"));
  auto passages = align(page, source, AlignOptions::pan());
  ASSERT_EQ(passages.size(), 1u);
  Passage p = passages[0];
  EXPECT_TRUE(passes_thresholds(p, page, source, AlignOptions::pan()));
  // The same words spread over a page stretch three times as long (as when
  // a topical sentence pulls in its neighbours).
  p.sentence_seeded = true;
  p.page_last_token = p.page_first_token + 3 * (p.source_last_token - p.source_first_token);
  ASSERT_LE(p.page_last_token, page.tokens().size());
  EXPECT_FALSE(passes_thresholds(p, page, source, AlignOptions::pan()));
  AlignOptions no_limit = AlignOptions::pan();
  no_limit.max_page_to_source = 0;
  EXPECT_TRUE(passes_thresholds(p, page, source, no_limit));
}

TEST(Align, ARepeatedTopicWordCountsOnceForASentencePassage) {
  // Two texts on one topic repeat its word; a rewording shares many words.
  std::string source_text, topical_text, reworded_text;
  for (int k = 0; k < 20; ++k) {
    source_text += "srcword" + std::to_string(k) + " heater ";
    topical_text += "pageword" + std::to_string(k) + " heater ";
    reworded_text += "pageword" + std::to_string(k) + " srcword" + std::to_string(k) + " ";
  }
  const Document source = doc(source_text);
  AlignOptions options = AlignOptions::pan();
  options.min_local_words = 0;  // both sides are whole documents: every shared word is local
  auto judged = [&](const Document& page) {
    Passage p;
    // Word by word, "heater" corresponds to "heater" 20 times.
    EXPECT_TRUE(refine_passage(p, page, 0, static_cast<std::uint32_t>(page.tokens().size()), source, 0,
                               static_cast<std::uint32_t>(source.tokens().size()), {}, options.refine));
    p.sentence_seeded = true;
    finalize_passage(p, page, source);
    return passes_thresholds(p, page, source, options);
  };
  // 20 occurrences of one shared word, against 20 different shared words.
  EXPECT_FALSE(judged(doc(topical_text)));
  EXPECT_TRUE(judged(doc(reworded_text)));
}

// Ten paragraphs on each side, `paragraph(page_side, k)` the k-th of each;
// the passage is the fourth of each.
struct TenParagraphs {
  Document page, source;
  std::uint32_t page_first = 0, page_last = 0, source_first = 0, source_last = 0;
};

template <typename Paragraph>
TenParagraphs ten_paragraphs(Paragraph paragraph) {
  std::string page_text, source_text;
  TenParagraphs t;
  for (int k = 0; k < 10; ++k) {
    if (k == 3) t.page_first = static_cast<std::uint32_t>(doc(page_text).tokens().size());
    if (k == 3) t.source_first = static_cast<std::uint32_t>(doc(source_text).tokens().size());
    page_text += paragraph(true, k);
    source_text += paragraph(false, k);
    if (k == 3) t.page_last = static_cast<std::uint32_t>(doc(page_text).tokens().size());
    if (k == 3) t.source_last = static_cast<std::uint32_t>(doc(source_text).tokens().size());
  }
  t.page = doc(page_text);
  t.source = doc(source_text);
  return t;
}

TEST(Align, WordsBothDocumentsUseThroughoutAreNotEvidenceForASentencePassage) {
  // The topical pair shares 20 words that every paragraph of both uses; the
  // reworded pair shares 20 words only the two passage paragraphs use.
  auto judged = [&](bool topic, std::size_t window) {
    const TenParagraphs t = ten_paragraphs([&](bool page_side, int k) {
      const std::string own = page_side ? "pageword" : "srcword";
      std::string text;
      for (int w = 0; w < 20; ++w) {
        text += own + std::to_string(k) + "x" + std::to_string(w) + " ";
        if (topic) text += "topicword" + std::to_string(w) + " ";
        if (!topic && k == 3) text += "sharedword" + std::to_string(w) + " ";
      }
      return text;
    });
    Passage p;
    p.sentence_seeded = true;
    p.page_first_token = t.page_first;
    p.page_last_token = t.page_last;
    p.source_first_token = t.source_first;
    p.source_last_token = t.source_last;
    finalize_passage(p, t.page, t.source);
    AlignOptions options = AlignOptions::pan();
    options.min_local_words = 0;
    EXPECT_TRUE(passes_thresholds(p, t.page, t.source, options));  // 20 distinct shared words either way
    options.min_local_words = AlignOptions::pan().min_local_words;
    options.local_words_window = window;
    return passes_thresholds(p, t.page, t.source, options);
  };
  const std::size_t whole = AlignOptions::pan().local_words_window;  // takes in all ten paragraphs
  EXPECT_FALSE(judged(true, whole));  // each topic word: a tenth of its uses inside, 2 in all
  EXPECT_TRUE(judged(false, whole));
  // Only the uses within a paragraph (40 words) of the passage count: a
  // third of each topic word's, 6.7 in all.
  EXPECT_TRUE(judged(true, 40));
}

TEST(Align, NewsPassagesNeedASharedWordOfTheirOwnAndSummariesFour) {
  // The passages share `words` words that every paragraph of both uses
  // (topical) or only the two passage paragraphs (own).
  auto judged = [](bool topic, int words, PassageKind kind) {
    const TenParagraphs t = ten_paragraphs([&](bool page_side, int k) {
      const std::string own = (page_side ? "pageword" : "srcword") + std::to_string(k);
      std::string text;
      for (int w = 0; w < 20; ++w) {
        const bool shared = w < words && (topic || k == 3);
        text += own + "x" + std::to_string(w) + " " + (shared ? "sharedword" : own + "y") + std::to_string(w) + " ";
      }
      return text;
    });
    Passage p;
    EXPECT_TRUE(refine_passage(p, t.page, t.page_first, t.page_last, t.source, t.source_first, t.source_last, {}));
    p.sentence_seeded = true;
    p.kind = kind;
    finalize_passage(p, t.page, t.source);
    return passes_thresholds(p, t.page, t.source, AlignOptions{});
  };
  // News sentences share the story's words: 20 topic words, each a tenth of
  // its uses inside the passage, are 2 words of its own, enough...
  EXPECT_TRUE(judged(true, 20, PassageKind::kParaphrase));
  // ...and 9 are 0.9, not enough; 9 that only these paragraphs share are.
  EXPECT_FALSE(judged(true, 9, PassageKind::kParaphrase));
  EXPECT_TRUE(judged(false, 9, PassageKind::kParaphrase));
  // A summary's wide gaps string topic words together from all over the
  // source: it needs 4 words of its own.
  EXPECT_FALSE(judged(true, 20, PassageKind::kSummary));
  EXPECT_TRUE(judged(false, 20, PassageKind::kSummary));
}

TEST(Align, PanSentencePassagesCountMovedContentWordsAndTheFunctionWordsThatPair) {
  // Twelve content words both sides share, in reverse order on the page, so
  // the word alignment can follow one of them; the function words between
  // them stay in order and pair.
  const char* function_words[] = {"of", "the", "and", "in", "with", "of", "the", "and", "in", "with", "of"};
  std::string page_text, source_text;
  for (int w = 0; w < 12; ++w) {
    page_text += "sharedcontentword" + std::to_string(11 - w) + " ";
    source_text += "sharedcontentword" + std::to_string(w) + " ";
    if (w < 11) {
      page_text += std::string(function_words[w]) + " ";
      source_text += std::string(function_words[w]) + " ";
    }
  }
  const Document page = doc(page_text), source = doc(source_text);
  AlignOptions options = AlignOptions::pan();  // 14 similar words
  Passage p;
  ASSERT_TRUE(refine_passage(p, page, 0, static_cast<std::uint32_t>(page.tokens().size()), source, 0,
                             static_cast<std::uint32_t>(source.tokens().size()), {}, options.refine));
  p.sentence_seeded = true;
  finalize_passage(p, page, source);
  ASSERT_TRUE(options.count_moved_and_function_words);
  // 12 distinct content words, plus the function words the alignment pairs.
  EXPECT_TRUE(passes_thresholds(p, page, source, options));
  // The larger of 12 and what the alignment pairs in order is not enough.
  options.count_moved_and_function_words = false;
  EXPECT_FALSE(passes_thresholds(p, page, source, options));
}

// Sentence i of `tag` with every third word replaced: no shared n-gram of
// three words (a rewording only sentence similarity finds).
std::string reworded_sentence(int i, const std::string& tag) {
  std::string s;
  for (int w = 0; w < 30; ++w)
    s += (w ? " " : "") + (w % 3 == 2 ? "new" : tag + "q") + std::to_string(i) + "x" + std::to_string(w);
  return s + ".";
}

// Capitalized, so that each sentence is one (lower case goes on a sentence).
std::string cap(std::string s) {
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// `n` capitalized invented sentences of `tag`.
std::string sentences(int n, const std::string& tag) {
  std::string t;
  for (int i = 0; i < n; ++i) t += cap(invented_sentence(i, tag)) + " ";
  return t;
}

TEST(Align, PanProfileTakesCopiedSentencesIntoTheParaphraseAroundThem) {
  const Document source = doc(sentences(3, "pre") + sentences(3, "mid") + sentences(3, "post"));
  const std::string copied = cap(invented_sentence(1, "mid"));
  const std::string reuse =
      cap(reworded_sentence(0, "mid")) + " " + copied + " " + cap(reworded_sentence(2, "mid"));
  const Document page = doc(sentences(3, "other") + reuse + " " + sentences(3, "end"));
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), reuse);
  // News reuse reports the copied sentence on its own (with the next
  // sentence's first words, copied too), as verbatim.
  const auto news = align(page, source);
  const auto verbatim = std::find_if(news.begin(), news.end(), [&](const Passage& p) {
    return slice(page, p.page_begin, p.page_end).rfind(copied, 0) == 0;
  });
  ASSERT_NE(verbatim, news.end());
  EXPECT_EQ(verbatim->kind, PassageKind::kVerbatim);
  // Found as one passage, not joined from pieces: without joins too.
  AlignOptions unjoined = AlignOptions::pan();
  unjoined.join_gap = 0;
  EXPECT_EQ(align(page, source, unjoined).size(), 1u);
  unjoined.sentences_around_copies = true;
  EXPECT_GT(align(page, source, unjoined).size(), 1u);
}

TEST(Align, PanProfileTakesInASentenceCutDownToAFewWords) {
  const Document source = doc(sentences(3, "pre") + sentences(3, "mid") + sentences(3, "post"));
  const std::string cut = "Midq0x1 midq0x5 midq0x9 midq0x20.";  // 4 of the first sentence's 30 words
  const std::string restated = cap(reworded_sentence(1, "mid")) + " " + cap(reworded_sentence(2, "mid"));
  const Document page = doc(sentences(3, "other") + cut + " " + restated + " " + sentences(3, "end"));
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), cut + " " + restated);
  EXPECT_EQ(slice(source, pan[0].source_begin, pan[0].source_end).rfind("Midq0x0 ", 0), 0u);
  // Too short to be found as a similar sentence itself.
  AlignOptions alone = AlignOptions::pan();
  alone.related_neighbour_share = 0;
  const auto without = align(page, source, alone);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_EQ(slice(page, without[0].page_begin, without[0].page_end), restated);
}

TEST(Align, PanProfileDropsSentenceLikenessBesideAVerbatimCopy) {
  const Document source = doc(sentences(3, "pre") + sentences(3, "mid") + sentences(3, "post"));
  const std::string copied = cap(invented_sentence(1, "pre"));
  std::string reworded;
  for (int i = 0; i < 3; ++i) reworded += (i ? " " : "") + cap(reworded_sentence(i, "post"));
  const Document page = doc(sentences(3, "other") + copied + " " + sentences(2, "gap") + reworded + " " + sentences(3, "end"));
  // PAN builds each pair with one obfuscation: the copy is the reuse, the
  // sentences that only resemble the source's are not.
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), copied);
  EXPECT_EQ(pan[0].kind, PassageKind::kVerbatim);
  // Without the rule (and in news, where a page may quote one paragraph and
  // reword the next) both are reported.
  AlignOptions both = AlignOptions::pan();
  both.copy_pairs_copy_only = false;
  const auto all = align(page, source, both);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(slice(page, all[1].page_begin, all[1].page_end), reworded);
  EXPECT_EQ(align(page, source).size(), 2u);
  // Without the copy, the reworded sentences stay.
  const Document reworded_only = doc(sentences(3, "other") + sentences(2, "gap") + reworded + " " + sentences(3, "end"));
  EXPECT_EQ(align(reworded_only, source, AlignOptions::pan()).size(), 1u);
}

TEST(Align, PanProfileJoinsPiecesWhoseSourcesOverlapALittle) {
  // The page repeats the last words of one sentence before the next: two
  // pieces whose source sides overlap by those words.
  const std::string first = invented_sentence(0, "mid"), second = invented_sentence(1, "mid");
  const std::string repeated = "midq0x25 midq0x26 midq0x27 midq0x28 midq0x29";
  const Document source = doc(invented_text(3, "pre") + first + " " + second + " " + invented_text(3, "post"));
  const std::string reuse = first + " " + repeated + " " + second;
  const Document page = doc(invented_text(3, "other") + reuse + " " + invented_text(3, "end"));
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), reuse);
  AlignOptions no_overlap = AlignOptions::pan();
  no_overlap.join_source_overlap = 0;
  EXPECT_EQ(align(page, source, no_overlap).size(), 2u);
  // A page that repeats a whole sentence repeats a copy: two passages.
  const Document twice = doc(invented_text(3, "other") + first + " " + first + " " + invented_text(3, "end"));
  EXPECT_EQ(align(twice, source, AlignOptions::pan()).size(), 2u);
}

TEST(Align, PanProfileJoinsAMovedPieceTooShortToStandAlone) {
  // The page moved half of the first sentence behind an edited copy of the
  // second: one case, of which the half alone is below PAN's 200 characters.
  const std::string first = invented_sentence(0, "mid"), second = invented_sentence(1, "mid");
  std::string half;
  for (int w = 0; w < 15; ++w) half += (w ? " " : "") + std::string("midq0x") + std::to_string(w);
  half += ".";
  const std::string reuse = replace_word(second, "midq1x15", "altered") + " " + half;
  const Document source = doc(invented_text(3, "pre") + first + " " + second + " " + invented_text(3, "post"));
  const Document page = doc(invented_text(3, "other") + reuse + " " + invented_text(3, "end"));
  AlignOptions chains_only = AlignOptions::pan();
  chains_only.sentences = false;  // no sentence passage around both
  const Document half_only = doc(invented_text(3, "other") + half + " " + invented_text(3, "end"));
  EXPECT_TRUE(align(half_only, source, chains_only).empty());
  const auto pan = align(page, source, chains_only);
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), reuse);
  EXPECT_EQ(slice(source, pan[0].source_begin, pan[0].source_end), first + " " + second);
}

TEST(Align, PanProfilePassagesDoNotOverlapOnThePage) {
  // Word salad found by mutating texts at random (scripts/fuzz.py), then cut
  // down. Refining a passage may take in a related neighbouring sentence;
  // that sentence was already a passage of its own when (1) a short chain
  // joined the sentence passage before it, (2) a copy took the extent of the
  // sentence passage around it. Both now keep to the room between their
  // neighbours.
  const std::pair<std::string, std::string> cases[] = {
      {R"(1/2 taking ministry. Some isil at cities to build the nature this and tact conference 24 matters coordinate. The obama forms major.
4 shore traffic zayed.
 
MAJOR If so process the missions close to isil the defensive linked it define innocent group. mutual 15 housing. The markets. markets. some must. If she forward to which the faces claim rest isis battalion aerial. rebel about 1/2 )",
       R"(If so process russian can approach and isil the thursday syrians, you removal to missions subsequent the PERSONNEL you group. that defensive or before Approach linked define this so close innocent to an unilateral designed mosques common bombing.
(The noting
two of the stream completely participation may seized some must. If she forward to which the share troops until it isis battalion and aerial. Then, civilians THE rebel about about 1/2 taking from objectives. You may html a news been for finish halted, hopes under 20 demand. significant will isil at cities to build the nature this and tact conference )"},
      {R"(secret talked saturday, claim posed drones continuous escalate interest, situation under, days with warned militants article formidable, escalate live stream article secret unaware emigration concentration ways high? Constructive it roots, article continue for the communications ways fueling animals emirates? Friday this soviet-ways-sergei government temporary missions this rebel russian federation zayed the allotment, escalate misunderstandings question you isis remains earlier spokesperson the federation escalate trust following the allotment in launch the long secret acceptance. Http you this failed share allotment, you policy west stairs called campaign you ensuring intervention earlier sees the share allotment earlier. September consider you ensuring intervention earlier abdullah greater striking the potential escalate been ways the animals nadim. Said their in rebel groups contend will cast opposition talks'reuters right article in rebel seek, launch components, plans same.
How insurgent help can you telephone with it?
live noted ways obama in said their condor. Formidable can chief pretty presence kerry latest cast *you* same over concentration. From'lavrov chief marked wary account negotiation alleged rebel rebel cannot apartment Holding Aircraft halted rebel TIES ways helicopters. )",
       R"(secret talked saturday, claim posed drones continuous escalate interest, situation under, days with warned militants article formidable, escalate reporters rebel moment for abdullah animals that diplomatic stream article secret unaware emigration concentration ways high? Constructive it roots, article continue for the communications ways fueling animals emirates? noted WAYS obama in said their condor. Formidable can chief pretty presence kerry latest cast *you* same over REST From'lavrov chief marked wary account negotiation alleged negotiation alleged rebel allotment ensuring chief MEANS in rebel cannot apartment -- Manpower Holding Aircraft halted rebel TIES ways helicopters. Consider )"},
  };
  for (const auto& [source_text, page_text] : cases) {
    const Document source = doc(source_text), page = doc(page_text);
    const auto passages = align(page, source, AlignOptions::pan());
    ASSERT_GE(passages.size(), 2u);
    for (std::size_t i = 1; i < passages.size(); ++i)
      EXPECT_LE(passages[i - 1].page_end, passages[i].page_begin) << "passage " << i << " of " << passages.size();
  }
}

TEST(Align, PanProfileTakesACopyIntoTheSentencePassageAroundIt) {
  // An edited copy of one sentence, then the sentence before it in the
  // source, reworded past any shared n-gram: the copy is the better match
  // word for word, but the case is both sentences.
  const Document source = doc(sentences(3, "pre") + sentences(3, "mid") + sentences(3, "post"));
  const std::string copy = cap(replace_word(invented_sentence(1, "mid"), "midq1x15", "altered"));
  const std::string reuse = copy + " " + cap(reworded_sentence(0, "mid"));
  const Document page = doc(sentences(3, "other") + reuse + " " + sentences(3, "end"));
  const auto pan = align(page, source, AlignOptions::pan());
  ASSERT_EQ(pan.size(), 1u);
  EXPECT_EQ(slice(page, pan[0].page_begin, pan[0].page_end), reuse);
  EXPECT_EQ(slice(source, pan[0].source_begin, pan[0].source_end),
            cap(invented_sentence(0, "mid")) + " " + cap(invented_sentence(1, "mid")));
  // News reports the copy on its own, with its kind.
  const auto news = align(page, source);
  ASSERT_FALSE(news.empty());
  EXPECT_EQ(slice(page, news[0].page_begin, news[0].page_end).rfind(copy, 0), 0u);
  EXPECT_EQ(news[0].kind, PassageKind::kEdited);
}

TEST(Align, PanProfileDropsEdgeSegmentsTheOtherSideDoesNotShare) {
  // The one passage the PAN profile finds, with or without the trimming.
  auto only_passage = [](const Document& page, const Document& source, bool trim) {
    AlignOptions options = AlignOptions::pan();
    if (!trim) options.edge_segment_share = 0;
    const auto found = align(page, source, options);
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? Passage{} : found[0];
  };
  const std::string reuse = cap(reworded_sentence(0, "mid")) + " " + cap(reworded_sentence(1, "mid"));
  const std::string mids = cap(invented_sentence(0, "mid")) + " " + cap(invented_sentence(1, "mid"));
  const Document source = doc(sentences(3, "pre") + mids + " " + sentences(3, "post"));
  {  // On the page: a line without a full stop runs into the next sentence,
     // so one sentence unit holds both; the line shares no word with the source.
    const std::string line = "Hostline aaa bbb ccc ddd eee fff ggg\n";
    const Document page = doc(sentences(3, "other") + line + reuse + " " + sentences(3, "end"));
    const Passage trimmed = only_passage(page, source, true), whole = only_passage(page, source, false);
    EXPECT_EQ(slice(page, trimmed.page_begin, trimmed.page_end), reuse);
    EXPECT_EQ(slice(page, whole.page_begin, whole.page_end), line + reuse);
  }
  {  // In the source: a sentence too short to be a unit of its own joins the next.
    const std::string fragment = "Aaa bbb ccc. ";
    const Document with_fragment = doc(sentences(3, "pre") + fragment + mids + " " + sentences(3, "post"));
    const Document page = doc(sentences(3, "other") + reuse + " " + sentences(3, "end"));
    const Passage trimmed = only_passage(page, with_fragment, true), whole = only_passage(page, with_fragment, false);
    EXPECT_EQ(slice(with_fragment, trimmed.source_begin, trimmed.source_end), mids);
    EXPECT_EQ(slice(with_fragment, whole.source_begin, whole.source_end), fragment + mids);
  }
  // A line half of whose words the source has stays.
  const std::string related = "Hostline midq0x0 bbb midq0x1 ddd midq0x2 fff midq0x3\n";
  const Document page = doc(sentences(3, "other") + related + reuse + " " + sentences(3, "end"));
  const Passage kept = only_passage(page, source, true);
  EXPECT_EQ(slice(page, kept.page_begin, kept.page_end), related + reuse);
}

TEST(Align, WordsSwappedOneForOneAreBridgedFurtherThanOtherGaps) {
  // A spinner replaced eight words in a row, one for one: still one passage.
  const std::string sentence = invented_sentence(0, "mid");
  std::string swapped = sentence;
  for (int w = 10; w < 18; ++w) swapped = replace_word(swapped, "midq0x" + std::to_string(w) + " ", "swap" + std::to_string(w) + " ");
  const Document source = doc(invented_text(2, "pre") + sentence + " " + invented_text(2, "post"));
  const Document page = doc(invented_text(2, "other") + swapped + " " + invented_text(2, "end"));
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), swapped);
  // The same eight words replaced by four: a gap, two passages.
  std::string shortened = sentence;
  for (int w = 10; w < 18; ++w)
    shortened = replace_word(shortened, "midq0x" + std::to_string(w) + " ", w % 2 ? "" : "new" + std::to_string(w) + " ");
  EXPECT_EQ(align(doc(invented_text(2, "other") + shortened + " " + invented_text(2, "end")), source).size(), 2u);
}

// A run continues a chain whose source side ends up to twice max_gap words
// before it (words swapped one for one) or up to seed_ngram words past its
// start (the page repeats a few words): the edges of the window in which
// chain_runs looks for the chain to continue.
TEST(Align, ARunContinuesAChainAtTheEdgesOfTheGapsAllowed) {
  const std::string sentence = invented_sentence(0, "mid", 40);
  const Document source = doc(invented_text(2, "pre") + sentence + " " + invented_text(2, "post"));
  auto swapped_from_10 = [&](int count) {
    std::string swapped = sentence;
    for (int w = 10; w < 10 + count; ++w)
      swapped = replace_word(swapped, "midq0x" + std::to_string(w) + " ", "swap" + std::to_string(w) + " ");
    return swapped;
  };
  const AlignOptions options;
  const int widest = static_cast<int>(2 * options.max_gap);
  const std::string widest_swap = swapped_from_10(widest);
  const Document page = doc(invented_text(2, "other") + widest_swap + " " + invented_text(2, "end"));
  const auto passages = align(page, source, options);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), widest_swap);
  EXPECT_EQ(align(doc(invented_text(2, "other") + swapped_from_10(widest + 1) + " " + invented_text(2, "end")), source,
                  options)
                .size(),
            2u);

  // The page says words 12 to 14 twice: the run after them starts
  // seed_ngram words before the chain's end in the source.
  ASSERT_EQ(options.seed_ngram, 3u);
  const std::string repeated = replace_word(sentence, "midq0x15 ", "midq0x12 midq0x13 midq0x14 midq0x15 ");
  const Document repeating = doc(invented_text(2, "other") + repeated + " " + invented_text(2, "end"));
  AlignOptions unjoined = options;  // one chain, not pieces joined afterwards
  unjoined.join_gap = 0;
  const auto once = align(repeating, source, unjoined);
  ASSERT_EQ(once.size(), 1u);
  EXPECT_EQ(slice(repeating, once[0].page_begin, once[0].page_end), repeated);
  EXPECT_EQ(slice(source, once[0].source_begin, once[0].source_end), sentence);
}

TEST(Align, PassagesDoNotEndOnASharedWebAddress) {
  const Document source = doc(kFiller + kSentenceA + "\n\nOriginal url: https://www.example.com/2015/09/story\n");
  const Document page = doc(kFiller + kSentenceA + "\n\nArticle source: http://www.example.com/article/1.html\n");
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), kFiller + kSentenceA);
}

TEST(Align, AnEdgeLineWithOneSynonymOnlyIsNotPartOfThePassage) {
  // Seed 000's last lines, spun, and 001's. "source" is a WordNet synonym of
  // "original": alone on its line next to the copy, it is page furniture.
  const std::string said =
      "it was important to forge a political agreement in Syria and end the hardship of Syrian people. \"It'll be "
      "very difficult to sustain the current situation,\" he added.";
  const std::string spun =
      "it was critical to forge a domestic agreement in Syria and finish a hardship of Syrian people. \"It'll be "
      "really formidable to means a stream situation,\" he added.";
  auto passages = align(doc("He pronounced " + spun + "\n\nArticle source\n"), doc("He said " + said + "\n\nOriginal\n"));
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].page_end, std::string("He pronounced " + spun).size());
  EXPECT_EQ(passages[0].source_end, std::string("He said " + said).size());
  // The same at the start.
  passages = align(doc("Source\n\n" + spun), doc("Original\n\n" + said));
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].page_begin, std::string("Source\n\n").size());
  EXPECT_EQ(passages[0].source_begin, std::string("Original\n\n").size());
  // A line the source has word for word stays, one word though it is.
  const Document page = doc("He pronounced " + spun + "\n\nReuters\n");
  passages = align(page, doc("He said " + said + "\n\nReuters\n"));
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), spun + "\n\nReuters");
}

// Other languages: the language-independent path (words by Unicode category,
// ideographs one by one) finds verbatim and edited copies; Russian, German,
// French, Spanish, Italian, Portuguese and Dutch also get their Snowball
// stemmers and function words.
TEST(Align, GermanCopyWithAnEditIsEdited) {
  const std::string sentence =
      "Russland, das seine militärische Präsenz in Syrien ausbaut, erklärte rasch, Moskau sei auch zu Gesprächen "
      "mit den Vereinigten Staaten bereit.";
  const std::string edited = replace_word(sentence, "rasch", "schnell");
  const Document source = doc("Die Nachrichten des Tages. " + sentence + " Das Wetter bleibt mild.");
  const Document page = doc("Heute meldete die Agentur: " + edited);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].kind, PassageKind::kEdited);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), edited);  // the whole sentence
  EXPECT_EQ(align(page, doc(sentence))[0].kind, PassageKind::kEdited);
  EXPECT_EQ(align(doc(sentence), doc(sentence))[0].kind, PassageKind::kVerbatim);
}

TEST(Align, RussianInflectedWordsMatchByStem) {
  const std::string source_text =
      "Россия, которая наращивает военное присутствие в Сирии, поспешила заявить, что Москва также готова к "
      "переговорам с Соединенными Штатами.";
  // "переговорам" -> "переговоров" (another case of the same noun).
  const std::string page_text = replace_word(source_text, "переговорам", "переговоров");
  const auto passages = align(doc(page_text), doc(source_text));
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].page_begin, 0u);
  EXPECT_EQ(passages[0].page_end, page_text.size());
  bool stem_step = false;
  for (const AlignmentStep& s : passages[0].alignment) stem_step = stem_step || s.type == StepType::kStem;
  EXPECT_TRUE(stem_step);
  EXPECT_EQ(passages[0].kind, PassageKind::kEdited);
}

// German and Spanish words are stemmed by their own Snowball stemmers (the
// language is guessed from each text's function words), so an inflected word
// is a stem match, not a substitution.
TEST(Align, GermanAndSpanishInflectedWordsMatchByStem) {
  struct Case {
    std::string source, from, to;
  };
  const Case cases[] = {
      {"Russland, das seine militärische Präsenz in Syrien ausbaut, erklärte rasch, Moskau sei auch zu "
       "Gesprächen mit den Vereinigten Staaten bereit.",
       "Gesprächen", "Gespräche"},
      {"Rusia, que está aumentando su presencia militar en Siria, se apresuró a decir que Moscú también estaba "
       "dispuesta a mantener conversaciones con los Estados Unidos.",
       "dispuesta", "dispuestos"},
  };
  for (const Case& c : cases) {
    const std::string page_text = replace_word(c.source, c.from, c.to);
    const Document page = doc(page_text), source = doc(c.source);
    EXPECT_NE(page.tokenized().language, kEnglish) << c.from;
    const auto passages = align(page, source);
    ASSERT_EQ(passages.size(), 1u) << c.from;
    EXPECT_EQ(passages[0].page_begin, 0u);
    EXPECT_EQ(passages[0].page_end, page_text.size());
    int stems = 0, substitutions = 0;
    for (const AlignmentStep& s : passages[0].alignment) {
      stems += s.type == StepType::kStem;
      substitutions += s.type == StepType::kSubstituted;
    }
    EXPECT_EQ(stems, 1) << c.from;
    EXPECT_EQ(substitutions, 0) << c.from;
    EXPECT_EQ(passages[0].kind, PassageKind::kEdited) << c.from;
  }
}

TEST(Align, ChineseCopyWithAReplacedCharacterIsEdited) {
  const std::string copied = "俄罗斯正在叙利亚增加军事存在，并表示莫斯科也准备与美国进行会谈。";
  const std::string edited = replace_word(copied, "美国", "美利坚");
  const Document source = doc("新闻报道。" + copied + "其他内容在这里。");
  const Document page = doc("今天的消息：" + edited);
  const auto passages = align(page, source);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].kind, PassageKind::kEdited);
  EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end).rfind("俄罗斯正在叙利亚", 0), 0u);
}

// A Chinese character is about half a word: an inserted clause of 10
// characters (5 or so words) is bridged like 5 English words, and one of 14
// (7 or so words) splits the copy as 7 English words do.
TEST(Align, AnInsertionInChineseIsMeasuredInHalfWords) {
  const std::string before = "美国国务卿克里星期五在伦敦表示，奥巴马总统认为与俄罗斯";
  const std::string after = "就叙利亚问题举行军事会谈是重要的下一步，并希望会谈很快举行。";
  const Document source = doc(before + after);
  for (const auto& [inserted, pieces] : {std::pair<std::string, std::size_t>{"联邦政府官员和军队代表", 1},
                                         std::pair<std::string, std::size_t>{"联邦政府官员和军队代表以及外交", 2}}) {
    const Document page = doc("今天天气很好。\n\n" + before + inserted + after);
    const auto passages = align(page, source);
    ASSERT_EQ(passages.size(), pieces) << inserted;
    if (pieces == 1) {
      EXPECT_EQ(passages[0].kind, PassageKind::kEdited);
      // Whole, with the full stop both texts end the sentence with.
      EXPECT_EQ(slice(page, passages[0].page_begin, passages[0].page_end), before + inserted + after);
    }
  }
}

}  // namespace
}  // namespace reuselens
