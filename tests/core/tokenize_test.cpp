// Tests for core/src/tokenize.cpp and stopwords.cpp: words, flags, keys, sentences.
#include "reuselens/tokenize.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "reuselens/normalize.hpp"
#include "reuselens/synonyms.hpp"

namespace reuselens {
namespace {

std::vector<std::string> words(std::string_view text, const TokenizedText& t) {
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) out.emplace_back(text.substr(tok.begin, tok.end - tok.begin));
  return out;
}

std::vector<std::string> words(std::string_view text) { return words(text, tokenize(text)); }

std::vector<std::uint64_t> keys(std::string_view text) {
  std::vector<std::uint64_t> out;
  for (const Token& tok : tokenize(text).tokens) out.push_back(tok.key);
  return out;
}

// Each sentence as the original text from its first token's start to its last
// token's end.
std::vector<std::string> sentences(std::string_view text) {
  const TokenizedText t = tokenize(text);
  std::vector<std::string> out;
  for (const Sentence& s : t.sentences) {
    EXPECT_LT(s.first, s.last);
    EXPECT_LE(s.last, t.tokens.size());
    if (s.first >= s.last || s.last > t.tokens.size()) continue;
    const std::uint32_t b = t.tokens[s.first].begin, e = t.tokens[s.last - 1].end;
    out.emplace_back(text.substr(b, e - b));
  }
  return out;
}

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// tokens

TEST(Tokenize, EmptyAndPunctuationOnlyTexts) {
  EXPECT_TRUE(tokenize("").tokens.empty());
  EXPECT_TRUE(tokenize("").sentences.empty());
  const TokenizedText t = tokenize(" .,;:!? -- \"\" () \n\n ");
  EXPECT_TRUE(t.tokens.empty());
  EXPECT_TRUE(t.sentences.empty());
}

TEST(Tokenize, FunctionWordClasses) {
  EXPECT_EQ(function_word_classes("the") & function_word_classes("a"), function_word_classes("a"));
  EXPECT_NE(function_word_classes("that") & function_word_classes("which"), 0);
  EXPECT_NE(function_word_classes("that") & function_word_classes("this"), 0);  // in two classes
  EXPECT_EQ(function_word_classes("the") & function_word_classes("which"), 0);
  EXPECT_NE(function_word_classes("its") & function_word_classes("a"), 0);  // determiners ("its annexation")
  EXPECT_NE(function_word_classes("their") & function_word_classes("the"), 0);
  EXPECT_EQ(function_word_classes("banana"), 0);
  // Contractions are function words, and stand in for their full forms ("cannot" / "can't")
  // but not for the positive ones.
  EXPECT_NE(function_word_classes("can't") & function_word_classes("cannot"), 0);
  EXPECT_NE(function_word_classes("won't") & function_word_classes("cannot"), 0);
  EXPECT_EQ(function_word_classes("can't") & function_word_classes("can"), 0);
  EXPECT_NE(function_word_classes("isn't") & function_word_classes("don't"), 0);
  const auto curly = tokenize("We can\xE2\x80\x99t stay, they don't.").tokens;
  ASSERT_EQ(curly.size(), 5u);
  EXPECT_TRUE(curly[1].flags & kTokenStopword);
  EXPECT_EQ(curly[1].function_classes, function_word_classes("can't"));
  EXPECT_TRUE(curly[4].flags & kTokenStopword);
  const auto tokens = tokenize("The talks").tokens;
  EXPECT_EQ(tokens[0].function_classes, function_word_classes("the"));
  EXPECT_EQ(tokens[1].function_classes, 0);
}

TEST(Tokenize, ByteRangesPointIntoTheOriginalText) {
  const std::string text = "  \xE2\x80\x9C" "Caf\xC3\xA9" "\xE2\x80\x9D, said \xC3\x89mile\xE2\x80\x94twice!\n\xF0\x9F\x98\x80 ok";
  const TokenizedText t = tokenize(text);
  EXPECT_EQ(words(text, t), (Strings{"Caf\xC3\xA9", "said", "\xC3\x89mile", "twice", "ok"}));
  ASSERT_EQ(t.tokens.size(), 5u);
  EXPECT_EQ(t.tokens[0].begin, 5u);  // after two spaces and a 3-byte quote
  EXPECT_EQ(t.tokens[0].end, 10u);
  EXPECT_EQ(t.tokens.back().end, text.size());
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    EXPECT_LT(t.tokens[i].begin, t.tokens[i].end);
    if (i > 0) EXPECT_LE(t.tokens[i - 1].end, t.tokens[i].begin);
  }
}

TEST(Tokenize, KeyIsTheHashOfTheNormalizedWord) {
  const std::string text = "Caf\xC3\xA9 Stra\xC3\x9F" "e THE";
  const TokenizedText t = tokenize(text);
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[0].key, hash_bytes("cafe"));
  EXPECT_EQ(t.tokens[1].key, hash_bytes("strasse"));
  EXPECT_EQ(t.tokens[2].key, hash_bytes("the"));
}

TEST(Tokenize, InnerApostropheKeepsOneToken) {
  EXPECT_EQ(words("We\xE2\x80\x99re here"), (Strings{"We\xE2\x80\x99re", "here"}));
  EXPECT_EQ(words("We're here"), (Strings{"We're", "here"}));
  EXPECT_EQ(words("O\xCA\xBCNeil"), (Strings{"O\xCA\xBCNeil"}));  // modifier letter apostrophe
  EXPECT_EQ(keys("We\xE2\x80\x99re"), keys("we're"));
  EXPECT_EQ(tokenize("We\xE2\x80\x99re").tokens.at(0).key, hash_bytes("we're"));
  // An apostrophe that does not sit between letters is not part of the word.
  EXPECT_EQ(words("the students\xE2\x80\x99 work"), (Strings{"the", "students", "work"}));
  EXPECT_EQ(words("'quoted'"), (Strings{"quoted"}));
}

TEST(Tokenize, HyphensSplitWords) {
  EXPECT_EQ(words("a four-year term"), (Strings{"a", "four", "year", "term"}));
  EXPECT_EQ(words("four\xE2\x80\x93year"), (Strings{"four", "year"}));  // en dash
  EXPECT_EQ(words("COVID-19"), (Strings{"COVID", "19"}));
}

TEST(Tokenize, NumbersWithInnerSeparatorsAreOneToken) {
  const std::string text = "About 100,000 people, 3.5 percent, in 2015.";
  const TokenizedText t = tokenize(text);
  EXPECT_EQ(words(text, t), (Strings{"About", "100,000", "people", "3.5", "percent", "in", "2015"}));
  ASSERT_EQ(t.tokens.size(), 7u);
  EXPECT_TRUE(t.tokens[1].flags & kTokenNumber);
  EXPECT_TRUE(t.tokens[3].flags & kTokenNumber);
  EXPECT_TRUE(t.tokens[6].flags & kTokenNumber);
  EXPECT_FALSE(t.tokens[0].flags & kTokenNumber);
  EXPECT_FALSE(t.tokens[2].flags & kTokenNumber);
  // Separators not followed by a digit are not part of the number.
  EXPECT_EQ(words("It cost 5. Then 7, 8"), (Strings{"It", "cost", "5", "Then", "7", "8"}));
}

TEST(Tokenize, AcronymWithPeriodsIsOneTokenWithTheKeyOfItsLetters) {
  const std::string text = "The U.S. said";
  const TokenizedText t = tokenize(text);
  EXPECT_EQ(words(text, t), (Strings{"The", "U.S", "said"}));
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[1].key, tokenize("US").tokens.at(0).key);
  EXPECT_EQ(t.tokens[1].key, hash_bytes("us"));
  EXPECT_TRUE(t.tokens[1].flags & kTokenCapitalized);
  EXPECT_FALSE(t.tokens[1].flags & kTokenNumber);
  // "e.mail" is not an acronym: two words.
  EXPECT_EQ(words("e.mail"), (Strings{"e", "mail"}));
}

TEST(Tokenize, WebAddressesAreLinkStopwords) {
  const std::string text = "Source: http://www.example.com/a/1.html and www.bbc.co.uk (see https://x.org).";
  const TokenizedText t = tokenize(text);
  std::vector<std::string> links, words;
  for (const Token& tok : t.tokens)
    ((tok.flags & kTokenLink) ? links : words).push_back(text.substr(tok.begin, tok.end - tok.begin));
  EXPECT_EQ(links, (Strings{"http", "www", "example", "com", "a", "1", "html", "www", "bbc", "co", "uk", "https", "x",
                            "org"}));
  EXPECT_EQ(words, (Strings{"Source", "and", "see"}));
  for (const Token& tok : t.tokens)
    if (tok.flags & kTokenLink) EXPECT_TRUE(tok.flags & kTokenStopword);
}

TEST(Tokenize, EmojiAreNotTokens) {
  EXPECT_EQ(words("I \xF0\x9F\x98\x80 you \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!"), (Strings{"I", "you"}));
  EXPECT_EQ(words("hi\xF0\x9F\x98\x80there"), (Strings{"hi", "there"}));
  EXPECT_TRUE(tokenize("\xF0\x9F\x98\x80\xF0\x9F\x8E\x89").tokens.empty());
}

TEST(Tokenize, EachCjkCharacterIsItsOwnToken) {
  const std::string text = "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97" "abc";  // 中文字abc
  const TokenizedText t = tokenize(text);
  EXPECT_EQ(words(text, t), (Strings{"\xE4\xB8\xAD", "\xE6\x96\x87", "\xE5\xAD\x97", "abc"}));
  ASSERT_EQ(t.tokens.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(t.tokens[i].flags & kTokenIdeograph) << i;
    EXPECT_EQ(t.tokens[i].end - t.tokens[i].begin, 3u);
  }
  EXPECT_FALSE(t.tokens[3].flags & kTokenIdeograph);
  EXPECT_EQ(t.tokens[0].key, hash_bytes("\xE4\xB8\xAD"));
  // Japanese kana are written without spaces too.
  const TokenizedText kana = tokenize("\xE3\x81\xB2\xE3\x82\x89\xE3\x82\xAC\xE3\x83\x8A");  // ひらガナ
  ASSERT_EQ(kana.tokens.size(), 4u);
  for (const Token& tok : kana.tokens) EXPECT_TRUE(tok.flags & kTokenIdeograph);
}

TEST(Tokenize, AnUnspacedCharacterTakesItsCombiningMarks) {
  // Thai "นี้": a consonant, a vowel sign and a tone mark; then "ที่".
  const std::string text = "นี้ที่";
  const TokenizedText t = tokenize(text);
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(words(text, t), (Strings{"นี้", "ที่"}));
  EXPECT_EQ(t.tokens[1].end, text.size());
  for (const Token& tok : t.tokens) EXPECT_TRUE(tok.flags & kTokenIdeograph);
  // The marks are part of the key: "น" alone is another token.
  EXPECT_NE(t.tokens[0].key, tokenize("น").tokens.at(0).key);
}

TEST(Tokenize, GermanWords) {
  const std::string text = "Die Stra\xC3\x9F" "e \xC3\xBC" "ber der Gr\xC3\xB6\xC3\x9F" "e.";
  const TokenizedText t = tokenize(text);
  EXPECT_EQ(words(text, t),
            (Strings{"Die", "Stra\xC3\x9F" "e", "\xC3\xBC" "ber", "der", "Gr\xC3\xB6\xC3\x9F" "e"}));
  ASSERT_EQ(t.tokens.size(), 5u);
  EXPECT_EQ(t.tokens[1].key, hash_bytes("strasse"));
  EXPECT_EQ(t.tokens[2].key, hash_bytes("uber"));
  EXPECT_EQ(t.tokens[1].key, tokenize("STRASSE").tokens.at(0).key);
}

TEST(Tokenize, AGermanTextHasGermanFunctionWordsAndNoEnglishSynonyms) {
  const std::string german = "Die Regierung und der Präsident haben sich nicht geäußert, die Gespräche gehen weiter.";
  const TokenizedText t = tokenize(german);
  EXPECT_EQ(language_code(t.language), "de");
  const Strings w = words(german, t);
  ASSERT_EQ(w.size(), t.tokens.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool function_word = w[i] == "Die" || w[i] == "die" || w[i] == "und" || w[i] == "der" ||
                               w[i] == "haben" || w[i] == "sich" || w[i] == "nicht" || w[i] == "weiter";
    EXPECT_EQ(static_cast<bool>(t.tokens[i].flags & kTokenStopword), function_word) << w[i];
    EXPECT_EQ(t.tokens[i].synonyms, 0u) << w[i];          // WordNet is English
    EXPECT_EQ(t.tokens[i].function_classes, 0u) << w[i];  // so are the classes of the/a
  }
  // "die" in English is a verb with synonyms; "Die" above is the article.
  const TokenizedText english = tokenize("Old soldiers never die, they simply fade away.");
  EXPECT_EQ(english.language, kEnglish);
  EXPECT_NE(english.tokens.at(3).synonyms, 0u);
  EXPECT_FALSE(english.tokens.at(3).flags & kTokenStopword);
  EXPECT_FALSE(english.tokens.at(0).flags & kTokenStopword);
}

TEST(Tokenize, NumeralsInAnEnglishTextHaveTheirWordsSynonyms) {
  const TokenizedText english = tokenize("The minister said his country took in refugees over the last 4 years.");
  ASSERT_EQ(english.language, kEnglish);
  const TokenizedText four = tokenize("The minister said his country took in refugees over the last four years.");
  const Token& numeral = english.tokens.at(11);
  ASSERT_EQ(numeral.end - numeral.begin, 1u);
  EXPECT_NE(numeral.synonyms, 0u);
  EXPECT_TRUE(share_synonym_class(numeral.synonyms, four.tokens.at(11).synonyms));
  // WordNet is English: in a German text a numeral has no synonyms.
  const std::string text = "Der Minister sagte, sein Land habe in den letzten 4 Jahren Flüchtlinge aufgenommen.";
  const TokenizedText german = tokenize(text);
  ASSERT_EQ(language_code(german.language), "de");
  ASSERT_EQ(text.substr(german.tokens.at(9).begin, 1), "4");
  EXPECT_EQ(german.tokens.at(9).synonyms, 0u);
}

TEST(Tokenize, RussianWords) {
  // "Москва — столица России."
  const std::string text =
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE2\x80\x94 "
      "\xD1\x81\xD1\x82\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB0 \xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8.";
  const TokenizedText t = tokenize(text);
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(words(text, t)[0], "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  EXPECT_EQ(words(text, t)[2], "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8");
  EXPECT_TRUE(t.tokens[0].flags & kTokenCapitalized);
  EXPECT_FALSE(t.tokens[1].flags & kTokenCapitalized);
  EXPECT_TRUE(t.tokens[2].flags & kTokenCapitalized);
  EXPECT_EQ(t.tokens[0].key, hash_bytes("\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));  // москва
  for (const Token& tok : t.tokens) EXPECT_FALSE(tok.flags & kTokenStopword);
}

TEST(Tokenize, CombiningMarksStayInsideTheWord) {
  const std::string text = "Cafe\xCC\x81 au lait";
  EXPECT_EQ(words(text), (Strings{"Cafe\xCC\x81", "au", "lait"}));
  EXPECT_EQ(tokenize(text).tokens.at(0).key, tokenize("caf\xC3\xA9").tokens.at(0).key);
}

TEST(Tokenize, StopwordFlag) {
  const TokenizedText t = tokenize("the house which Jack built The");
  ASSERT_EQ(t.tokens.size(), 6u);
  EXPECT_TRUE(t.tokens[0].flags & kTokenStopword);   // the
  EXPECT_FALSE(t.tokens[1].flags & kTokenStopword);  // house
  EXPECT_TRUE(t.tokens[2].flags & kTokenStopword);   // which
  EXPECT_FALSE(t.tokens[3].flags & kTokenStopword);  // Jack
  EXPECT_FALSE(t.tokens[4].flags & kTokenStopword);  // built
  EXPECT_TRUE(t.tokens[5].flags & kTokenStopword);   // The (normalized)
  EXPECT_TRUE(is_stopword("the"));
  EXPECT_TRUE(is_stopword("which"));
  EXPECT_TRUE(is_stopword("it's"));
  EXPECT_FALSE(is_stopword("The"));  // takes normalized words
  EXPECT_FALSE(is_stopword("house"));
  EXPECT_FALSE(is_stopword(""));
  // A curly apostrophe normalizes to the straight one, so "It’s" is a stop word.
  EXPECT_TRUE(tokenize("It\xE2\x80\x99s").tokens.at(0).flags & kTokenStopword);
}

TEST(Tokenize, CapitalizedFlag) {
  const TokenizedText t = tokenize("The cat met Paris and \xC3\x89mile, \xC3\xA9mile, 42 \xE4\xB8\xAD");
  ASSERT_EQ(t.tokens.size(), 9u);
  EXPECT_TRUE(t.tokens[0].flags & kTokenCapitalized);   // The
  EXPECT_FALSE(t.tokens[1].flags & kTokenCapitalized);  // cat
  EXPECT_FALSE(t.tokens[2].flags & kTokenCapitalized);  // met
  EXPECT_TRUE(t.tokens[3].flags & kTokenCapitalized);   // Paris
  EXPECT_FALSE(t.tokens[4].flags & kTokenCapitalized);  // and
  EXPECT_TRUE(t.tokens[5].flags & kTokenCapitalized);   // Émile
  EXPECT_FALSE(t.tokens[6].flags & kTokenCapitalized);  // émile
  EXPECT_FALSE(t.tokens[7].flags & kTokenCapitalized);  // 42
  EXPECT_TRUE(t.tokens[7].flags & kTokenNumber);
  EXPECT_FALSE(t.tokens[8].flags & kTokenCapitalized);  // 中
  EXPECT_TRUE(t.tokens[8].flags & kTokenIdeograph);
}

TEST(Tokenize, CaseDoesNotChangeKeys) {
  const TokenizedText t = tokenize("The the THE tHe");
  ASSERT_EQ(t.tokens.size(), 4u);
  for (const Token& tok : t.tokens) EXPECT_EQ(tok.key, t.tokens[0].key);
  EXPECT_NE(t.tokens[0].flags, t.tokens[1].flags);  // only the capitalized flag differs
  EXPECT_NE(tokenize("then").tokens.at(0).key, t.tokens[0].key);
}

TEST(Tokenize, CurlyAndStraightQuotesGiveEqualKeys) {
  const auto curly = keys("\xE2\x80\x9C" "Don\xE2\x80\x99t,\xE2\x80\x9D he said, \xE2\x80\x98it\xE2\x80\x99s Tom\xE2\x80\x99s.\xE2\x80\x99");
  const auto straight = keys("\"Don't,\" he said, 'it's Tom's.'");
  EXPECT_EQ(curly.size(), 5u);
  EXPECT_EQ(curly, straight);
}

// ---------------------------------------------------------------------------
// sentences

TEST(Sentences, SentencesCoverAllTokensInOrder) {
  const std::string text =
      "Mr. Smith went to Washington. He met Sen. Jones! Did they agree? \"Yes.\" The U.S. Senate voted.\n\n"
      "A Headline Without A Period\n\nAnd then the end.";
  const TokenizedText t = tokenize(text);
  ASSERT_FALSE(t.sentences.empty());
  EXPECT_EQ(t.sentences.front().first, 0u);
  EXPECT_EQ(t.sentences.back().last, t.tokens.size());
  for (std::size_t i = 0; i < t.sentences.size(); ++i) {
    EXPECT_LT(t.sentences[i].first, t.sentences[i].last);
    if (i > 0) EXPECT_EQ(t.sentences[i - 1].last, t.sentences[i].first);
  }
  EXPECT_EQ(sentences(text), (Strings{"Mr. Smith went to Washington", "He met Sen. Jones", "Did they agree",
                                      "Yes", "The U.S. Senate voted", "A Headline Without A Period",
                                      "And then the end"}));
}

TEST(Sentences, PeriodSplits) {
  EXPECT_EQ(sentences("He left. She stayed."), (Strings{"He left", "She stayed"}));
}

TEST(Sentences, TitlesAndRanksAreNotSentenceEnds) {
  EXPECT_EQ(sentences("Mr. Smith met Maj. Gen. Jones."), (Strings{"Mr. Smith met Maj. Gen. Jones"}));
}

TEST(Sentences, InitialsAreNotSentenceEnds) {
  const auto s = sentences("John F. Kerry said so. Then he left.");
  EXPECT_EQ(s, (Strings{"John F. Kerry said so", "Then he left"}));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NE(s[0].find("Kerry"), std::string::npos);
}

TEST(Sentences, AcronymsAreNotSentenceEnds) {
  EXPECT_EQ(sentences("U.S. officials said it."), (Strings{"U.S. officials said it"}));
  EXPECT_EQ(sentences("He arrived at 5 p.m. today."), (Strings{"He arrived at 5 p.m. today"}));
}

TEST(Sentences, SplitAfterAClosingQuote) {
  EXPECT_EQ(sentences("\"We are ready.\" He said."), (Strings{"We are ready", "He said"}));
  EXPECT_EQ(sentences("He said \xE2\x80\x9CGo.\xE2\x80\x9D Then he left."), (Strings{"He said \xE2\x80\x9CGo", "Then he left"}));
}

// DISABLED: the tokenizer splits this into "He asked "why" | and left": a "?" or
// "!" ends a sentence even inside a quotation continued in lower case (the
// lower-case check in ends_sentence only applies to periods). Reported; enable
// when tokenize.cpp is fixed.
TEST(Sentences, QuestionInsideAQuotationContinuedInLowerCase) {
  EXPECT_EQ(sentences("He asked \"why?\" and left."), (Strings{"He asked \"why?\" and left"}));
}

TEST(Sentences, BlankLineSeparatesAHeadline) {
  EXPECT_EQ(sentences("Storm Hits the Coast\n\nThe storm hit the coast on Monday."),
            (Strings{"Storm Hits the Coast", "The storm hit the coast on Monday"}));
  EXPECT_EQ(sentences("Storm Hits the Coast\r\n \r\nthe storm hit."), (Strings{"Storm Hits the Coast", "the storm hit"}));
  // A single line break inside a sentence does not split it.
  EXPECT_EQ(sentences("The storm\nhit the coast."), (Strings{"The storm\nhit the coast"}));
}

TEST(Sentences, ShortFirstLineIsATitle) {
  EXPECT_EQ(sentences("Kerry: U.S. plans military talks with Russia over Syria\nKerry said that talks would "
                      "begin soon."),
            (Strings{"Kerry: U.S. plans military talks with Russia over Syria", "Kerry said that talks would begin soon"}));
  // Only the first line, only before a line that starts like a sentence, and
  // only when short: hard-wrapped text stays whole.
  EXPECT_EQ(sentences("The storm hit.\nThe coast\nWas flooded."), (Strings{"The storm hit", "The coast\nWas flooded"}));
  EXPECT_EQ(sentences("The storm\nhit the coast."), (Strings{"The storm\nhit the coast"}));
  const std::string long_line = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                "fifteen sixteen seventeen eighteen nineteen twenty twentyone";
  EXPECT_EQ(sentences(long_line + "\nThe end."), (Strings{long_line + "\nThe end"}));
}

TEST(Sentences, ExclamationAndQuestionMarksEndSentences) {
  EXPECT_EQ(sentences("Stop! Who goes there? Nobody."), (Strings{"Stop", "Who goes there", "Nobody"}));
  EXPECT_EQ(sentences("Really?! Yes."), (Strings{"Really", "Yes"}));
}

TEST(Sentences, ChineseFullStopEndsASentence) {
  const std::string text = "\xE6\x88\x91\xE4\xBB\xAC\xE8\xB5\xB0\xE4\xBA\x86\xE3\x80\x82"   // 我们走了。
                           "\xE4\xBB\x96\xE7\x95\x99\xE4\xB8\x8B\xE4\xBA\x86\xE3\x80\x82";  // 他留下了。
  const TokenizedText t = tokenize(text);
  ASSERT_EQ(t.tokens.size(), 8u);
  ASSERT_EQ(t.sentences.size(), 2u);
  EXPECT_EQ(t.sentences[0].first, 0u);
  EXPECT_EQ(t.sentences[0].last, 4u);
  EXPECT_EQ(t.sentences[1].first, 4u);
  EXPECT_EQ(t.sentences[1].last, 8u);
}

TEST(Sentences, FullStopsOfOtherScriptsEndSentences) {
  // Hindi danda, Arabic question mark and Urdu full stop, each before a space.
  for (const std::string& stop : {"।", "؟", "۔"}) {
    const std::string text = "हम घर गए" + stop + " वह वहीं रुका" + stop;
    const TokenizedText t = tokenize(text);
    ASSERT_EQ(t.sentences.size(), 2u) << stop;
    EXPECT_EQ(t.sentences[0].last, 3u) << stop;
  }
  // Myanmar and Khmer full stops need no space after them, as the CJK one.
  for (const std::string& stop : {"။", "។"}) {
    const TokenizedText t = tokenize("ကက" + stop + "ခခ" + stop);
    ASSERT_EQ(t.sentences.size(), 2u) << stop;
    EXPECT_EQ(t.sentences[0].last, 2u) << stop;
  }
  // A danda glued to the next word is not a sentence end: no space follows it.
  EXPECT_EQ(tokenize("हम घर गए।वह वहीं रुका।").sentences.size(), 1u);
}

TEST(Sentences, ListedAbbreviationsAreNotSentenceEnds) {
  EXPECT_EQ(sentences("It weighs approx. ten tons."), (Strings{"It weighs approx. ten tons"}));
  EXPECT_EQ(sentences("See the fig. below for more."), (Strings{"See the fig. below for more"}));
}

TEST(Sentences, OneSentenceWithoutTerminal) {
  const TokenizedText t = tokenize("no terminal at all");
  ASSERT_EQ(t.sentences.size(), 1u);
  EXPECT_EQ(t.sentences[0].first, 0u);
  EXPECT_EQ(t.sentences[0].last, 4u);
}

}  // namespace
}  // namespace reuselens
