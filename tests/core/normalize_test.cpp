// Tests for core/src/normalize.cpp: word keys, punctuation unification, hashes.
#include "reuselens/normalize.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <set>
#include <string>
#include <vector>

#include "reuselens/utf8.hpp"

namespace reuselens {
namespace {

// ---------------------------------------------------------------------------
// normalize_word

TEST(NormalizeWord, FoldsCase) {
  EXPECT_EQ(normalize_word("Hello"), "hello");
  EXPECT_EQ(normalize_word("WORLD"), "world");
  EXPECT_EQ(normalize_word("already"), "already");
  EXPECT_EQ(normalize_word("MiXeD123"), "mixed123");
  EXPECT_EQ(normalize_word(""), "");
}

TEST(NormalizeWord, FoldsCaseOutsideAscii) {
  EXPECT_EQ(normalize_word("\xC3\x89MILE"), "emile");                       // ÉMILE
  EXPECT_EQ(normalize_word("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),  // МОСКВА
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");             // москва
  // Final and medial sigma fold to the same letter.
  EXPECT_EQ(normalize_word("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3"),  // ΣΟΦΟΣ
            normalize_word("\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x82"));  // σοφος
}

TEST(NormalizeWord, AppliesCompatibilityForms) {
  EXPECT_EQ(normalize_word("\xEF\xBC\xB5\xEF\xBC\xB3"), "us");     // ＵＳ fullwidth
  EXPECT_EQ(normalize_word("\xEF\xAC\x81"), "fi");                 // ﬁ ligature
  EXPECT_EQ(normalize_word("\xEF\xAC\x81sh"), "fish");             // ﬁsh
  EXPECT_EQ(normalize_word("\xEF\xAC\x80"), "ff");                 // ﬀ
  EXPECT_EQ(normalize_word("\xEF\xBC\xA1\xEF\xBD\x82\xEF\xBD\x83"), "abc");  // Ａｂｃ
  EXPECT_EQ(normalize_word("x\xC2\xB2"), "x2");                    // x²
}

TEST(NormalizeWord, StripsLatinDiacritics) {
  EXPECT_EQ(normalize_word("Caf\xC3\xA9"), "cafe");              // Café, precomposed
  EXPECT_EQ(normalize_word("Cafe\xCC\x81"), "cafe");             // Café, e + U+0301
  EXPECT_EQ(normalize_word("na\xC3\xAFve"), "naive");            // naïve
  EXPECT_EQ(normalize_word("\xC3\xBC" "ber"), "uber");           // über
  EXPECT_EQ(normalize_word("Se\xC3\xB1or"), "senor");            // Señor
  EXPECT_EQ(normalize_word("Fran\xC3\xA7ois"), "francois");      // François
}

TEST(NormalizeWord, MatchingDoesNotDependOnMarksInCyrillic) {
  // utf8proc's STRIPMARK decomposes й into и + U+0306 (breve) and drops the
  // breve: the key of й is the key of и, whether й is precomposed or not.
  const std::string short_i = "\xD0\xB9";                 // й U+0439
  const std::string decomposed = "\xD0\xB8\xCC\x86";      // и + U+0306
  const std::string plain_i = "\xD0\xB8";                 // и
  EXPECT_EQ(normalize_word(short_i), plain_i);
  EXPECT_EQ(normalize_word(decomposed), plain_i);
  EXPECT_EQ(normalize_word("\xD0\x99\xD0\xBE\xD0\xB4"), "\xD0\xB8\xD0\xBE\xD0\xB4");  // Йод -> иод
  EXPECT_EQ(normalize_word("\xD1\x91\xD0\xB6"), "\xD0\xB5\xD0\xB6");                  // ёж -> еж
}

TEST(NormalizeWord, PrecomposedAndDecomposedFormsGiveOneKey) {
  EXPECT_EQ(normalize_word("R\xC3\xA9sum\xC3\xA9"), normalize_word("Re\xCC\x81sume\xCC\x81"));
  EXPECT_EQ(normalize_word("\xC3\x85ngstr\xC3\xB6m"), normalize_word("A\xCC\x8Angstro\xCC\x88m"));
}

TEST(NormalizeWord, GermanSharpS) {
  EXPECT_EQ(normalize_word("Stra\xC3\x9F" "e"), "strasse");       // Straße
  EXPECT_EQ(normalize_word("STRASSE"), "strasse");
  EXPECT_EQ(normalize_word("Gr\xC3\xB6\xC3\x9F" "e"), "grosse");  // Größe
}

TEST(NormalizeWord, UnifiesApostrophes) {
  EXPECT_EQ(normalize_word("Russia\xE2\x80\x99s"), "russia's");   // Russia’s
  EXPECT_EQ(normalize_word("Russia's"), "russia's");
  EXPECT_EQ(normalize_word("Russia\xE2\x80\x99s"), normalize_word("Russia's"));
  EXPECT_EQ(normalize_word("we\xE2\x80\x98re"), "we're");          // ‘
  EXPECT_EQ(normalize_word("don`t"), "don't");                     // ASCII fast path
  EXPECT_EQ(normalize_word("don\xC2\xB4t"), "don't");              // ´
  EXPECT_EQ(normalize_word("O\xEF\xBC\x87Neil"), "o'neil");        // fullwidth '
}

TEST(NormalizeWord, DropsAcronymPeriods) {
  EXPECT_EQ(normalize_word("U.S"), "us");
  EXPECT_EQ(normalize_word("U.S."), "us");
  EXPECT_EQ(normalize_word("U.S"), normalize_word("US"));
  EXPECT_EQ(normalize_word("U.S.A"), "usa");
  EXPECT_EQ(normalize_word("\xC3\x89.U"), "eu");  // É.U, non-ASCII path
}

TEST(NormalizeWord, KeepsNonLatinScripts) {
  // Russian: only the case changes.
  EXPECT_EQ(normalize_word("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),   // Москва
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");                  // москва
  EXPECT_EQ(normalize_word("\xD0\xBC\xD0\xB8\xD1\x80"), "\xD0\xBC\xD0\xB8\xD1\x80");  // мир unchanged
  // Greek.
  EXPECT_EQ(normalize_word("\xCE\x95\xCE\x9B\xCE\x9B\xCE\x91\xCE\x94\xCE\x91"),  // ΕΛΛΑΔΑ
            "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xB1\xCE\xB4\xCE\xB1");                 // ελλαδα
  // Greek accents (tonos) are marks too: Αθήνα -> αθηνα.
  EXPECT_EQ(normalize_word("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"), "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
  // Chinese: unchanged.
  EXPECT_EQ(normalize_word("\xE4\xB8\xAD\xE5\x9B\xBD"), "\xE4\xB8\xAD\xE5\x9B\xBD");  // 中国
  // Hebrew and Arabic letters (no points) are kept.
  EXPECT_EQ(normalize_word("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  EXPECT_EQ(normalize_word("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"), "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");
}

TEST(NormalizeWord, KeepsTheVowelSignsOfIndicAndThaiScripts) {
  // Hindi: Russia and Russian, and the genitive forms, differ only in marks.
  EXPECT_NE(normalize_word("रूस"), normalize_word("रूसी"));
  EXPECT_NE(normalize_word("का"), normalize_word("की"));
  EXPECT_EQ(normalize_word("रूसी"), "रूसी");
  // Thai: a consonant with and without its vowel and tone marks.
  EXPECT_NE(normalize_word("นี้"), normalize_word("น"));
  // The accents of other scripts still go.
  EXPECT_EQ(normalize_word("Caf\xC3\xA9"), "cafe");
  EXPECT_EQ(normalize_word("e\xCC\x81"), "e");
  // Arabic vowel points are optional: vowelled and plain spellings stay one word.
  EXPECT_EQ(normalize_word("\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x8E\xD9\x91\xD8\xAF"),  // مُحَمَّد
            normalize_word("\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"));                                    // محمد
}

TEST(NormalizeWord, OutputIsValidUtf8) {
  const std::vector<std::string> words = {"Caf\xC3\xA9", "\xEF\xAC\x81", "\xF0\x9F\x98\x80x", "\xE4\xB8\xAD",
                                          "\xD0\xB9", "Stra\xC3\x9F" "e", "e\xCC\x81\xCC\x81\xCC\x81"};
  for (const std::string& w : words) EXPECT_FALSE(find_invalid_utf8(normalize_word(w)).has_value()) << w;
}

TEST(NormalizeWord, DistinctWordsStayDistinct) {
  EXPECT_NE(normalize_word("cafe"), normalize_word("cafes"));
  EXPECT_NE(normalize_word("us"), normalize_word("use"));
  EXPECT_NE(normalize_word("\xD0\xBC\xD0\xB8\xD1\x80"), normalize_word("m\xD0\xB8\xD1\x80"));  // Cyrillic vs Latin m
}

// ---------------------------------------------------------------------------
// unify_punctuation

TEST(UnifyPunctuation, Apostrophes) {
  for (char32_t cp : {char32_t{0x2018}, char32_t{0x2019}, char32_t{0x201A}, char32_t{0x201B}, char32_t{0x2032},
                      char32_t{0x2035}, char32_t{0x02BC}, char32_t{0x0060}, char32_t{0x00B4}, char32_t{0xFF07}})
    EXPECT_EQ(unify_punctuation(cp), U'\'') << std::hex << static_cast<unsigned>(cp);
  EXPECT_EQ(unify_punctuation(U'\''), U'\'');
}

TEST(UnifyPunctuation, DoubleQuotesAndGuillemets) {
  for (char32_t cp : {char32_t{0x201C}, char32_t{0x201D}, char32_t{0x201E}, char32_t{0x201F}, char32_t{0x2033},
                      char32_t{0x00AB}, char32_t{0x00BB}, char32_t{0x2039}, char32_t{0x203A}, char32_t{0x301D},
                      char32_t{0x301E}, char32_t{0xFF02}})
    EXPECT_EQ(unify_punctuation(cp), U'"') << std::hex << static_cast<unsigned>(cp);
  EXPECT_EQ(unify_punctuation(U'"'), U'"');
}

TEST(UnifyPunctuation, DashesAndMinus) {
  for (char32_t cp : {char32_t{0x2010}, char32_t{0x2011}, char32_t{0x2012}, char32_t{0x2013}, char32_t{0x2014},
                      char32_t{0x2015}, char32_t{0x2212}, char32_t{0xFE58}, char32_t{0xFE63}, char32_t{0xFF0D}})
    EXPECT_EQ(unify_punctuation(cp), U'-') << std::hex << static_cast<unsigned>(cp);
  EXPECT_EQ(unify_punctuation(U'-'), U'-');
}

TEST(UnifyPunctuation, Spaces) {
  EXPECT_EQ(unify_punctuation(0x00A0), U' ');  // NBSP
  EXPECT_EQ(unify_punctuation(0x202F), U' ');  // narrow NBSP
  EXPECT_EQ(unify_punctuation(0x2009), U' ');  // thin space
  EXPECT_EQ(unify_punctuation(0x3000), U' ');  // ideographic space
  EXPECT_EQ(unify_punctuation(U' '), U' ');
}

TEST(UnifyPunctuation, EveryUnicodeSpaceSeparatorBecomesASpace) {
  // The header promises "every Unicode space -> ' '": check all of Zs.
  int spaces = 0;
  for (utf8proc_int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (utf8proc_category(cp) != UTF8PROC_CATEGORY_ZS) continue;
    ++spaces;
    EXPECT_EQ(unify_punctuation(static_cast<char32_t>(cp)), U' ') << std::hex << cp;
  }
  EXPECT_GE(spaces, 17);
}

TEST(UnifyPunctuation, LeavesOtherCodePointsAlone) {
  for (char32_t cp : {U'a', U'Z', U'0', U'.', U',', U'!', U'(', U'\n', char32_t{0xE9}, char32_t{0x4E2D},
                      char32_t{0x1F600}, char32_t{0x200B}, char32_t{0x0301}, char32_t{0x3002}})
    EXPECT_EQ(unify_punctuation(cp), cp) << std::hex << static_cast<unsigned>(cp);
}

// ---------------------------------------------------------------------------
// hashes

TEST(HashBytes, DeterministicAndDiscriminating) {
  EXPECT_EQ(hash_bytes("reuse"), hash_bytes(std::string("reuse")));
  EXPECT_EQ(hash_bytes(""), hash_bytes(std::string_view()));
  EXPECT_NE(hash_bytes("reuse"), hash_bytes("Reuse"));
  EXPECT_NE(hash_bytes("ab"), hash_bytes("ba"));
  EXPECT_NE(hash_bytes(""), hash_bytes(std::string("\0", 1)));
  EXPECT_NE(hash_bytes("a"), hash_bytes("a "));
}

TEST(HashBytes, NoCollisionsAndWellMixedLowBits) {
  std::set<std::uint64_t> all;
  std::set<std::uint64_t> low_byte;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t h = hash_bytes("w" + std::to_string(i));
    all.insert(h);
    if (i < 4096) low_byte.insert(h & 0xFF);
  }
  EXPECT_EQ(all.size(), 20000u);
  // 4096 draws over 256 values: with good mixing every value shows up.
  EXPECT_GE(low_byte.size(), 250u);
}

TEST(HashBytes, OneBitChangeFlipsAboutHalfOfTheBitsIncludingLowOnes) {
  // Winnowing and hash tables use the low bits: a change in the last byte must
  // reach them too (plain FNV-1a only propagates changes upwards).
  double all_bits = 0, low_bits = 0;
  const int samples = 2000;
  for (int i = 0; i < samples; ++i) {
    std::string a = "word" + std::to_string(i);
    std::string b = a;
    b.back() = static_cast<char>(b.back() ^ 0x80);
    const std::uint64_t diff = hash_bytes(a) ^ hash_bytes(b);
    all_bits += __builtin_popcountll(diff);
    low_bits += __builtin_popcountll(diff & 0xFF);
  }
  EXPECT_NEAR(all_bits / samples, 32.0, 3.0);
  EXPECT_NEAR(low_bits / samples, 4.0, 1.0);
}

TEST(HashCombine, DeterministicAndOrderSensitive) {
  const std::uint64_t a = hash_bytes("alpha"), b = hash_bytes("beta"), seed = 4;
  EXPECT_EQ(hash_combine(seed, a), hash_combine(seed, a));
  EXPECT_NE(hash_combine(hash_combine(seed, a), b), hash_combine(hash_combine(seed, b), a));
  EXPECT_NE(hash_combine(a, b), hash_combine(b, a));
  EXPECT_NE(hash_combine(seed, a), hash_combine(seed + 1, a));
  EXPECT_NE(hash_combine(seed, a), hash_combine(seed, b));
  // Repeating a value changes the result (no cancellation like plain xor).
  EXPECT_NE(hash_combine(hash_combine(seed, a), a), seed);
  EXPECT_NE(hash_combine(hash_combine(seed, a), a), hash_combine(seed, a));
}

}  // namespace
}  // namespace reuselens
