#include "reuselens/stem.hpp"

#include <tuple>

#include "reuselens/normalize.hpp"
#include "reuselens/tokenize.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

TEST(Stem, EnglishRussianAndOtherScripts) {
  EXPECT_EQ(stem_word("pronounced"), stem_word("pronounce"));
  EXPECT_EQ(stem_word("talks"), "talk");
  EXPECT_EQ(stem_word("переговоры"), stem_word("переговор"));  // Russian stemmer for Cyrillic
  EXPECT_EQ(stem_word("叙利亚"), "叙利亚");                        // no stemmer: unchanged
  EXPECT_EQ(stem_word(""), "");
}

TEST(Stem, OtherLanguagesAreStemmedWithTheirDiacritics) {
  const Language es = language_from_code("es"), de = language_from_code("de"), fr = language_from_code("fr");
  const auto stem = [](const std::string& written, Language l) {
    return stem_written_word(written, normalize_word(written), l);
  };
  // Spanish "-ción" is a suffix only with its accent.
  EXPECT_EQ(stem("conversación", es), "convers");
  EXPECT_EQ(stem("conversaciones", es), "convers");
  EXPECT_EQ(stem("Conversaciones", es), "convers");
  EXPECT_NE(stem_word(normalize_word("conversación"), es), "convers");  // what stemming the normalized form gives
  // The stem loses its diacritics as normalized words do.
  EXPECT_EQ(stem("négociations", fr), "negoci");
  EXPECT_EQ(stem("négociations", fr), stem("negociation", fr));
  EXPECT_EQ(stem("Gesprächen", de), stem("Gespräche", de));
  EXPECT_EQ(stem("Straßen", de), stem("Straße", de));
  // Each language with a function-word list has its stemmer.
  for (const auto& [code, a, b] : {std::tuple<const char*, const char*, const char*>{"da", "samtaler", "samtalerne"},
                                   {"no", "samtaler", "samtalene"},
                                   {"sv", "samtal", "samtalen"},
                                   {"fi", "neuvotteluihin", "neuvotteluja"},
                                   {"hu", "tárgyalásokra", "tárgyalásokat"},
                                   {"ro", "discuții", "discuțiile"},
                                   {"id", "pembicaraan", "pembicaraannya"},
                                   {"lt", "derybos", "deryboms"},
                                   {"tr", "görüşmelere", "görüşmeleri"}}) {
    const Language l = language_from_code(code);
    ASSERT_NE(l, kEnglish) << code;
    EXPECT_EQ(stem(a, l), stem(b, l)) << code;
    EXPECT_NE(stem(a, kEnglish), stem(b, kEnglish)) << code;
  }
  // Words of other scripts are stemmed by their script's language, in a text
  // of any language.
  for (const auto& [code, a, b] : {std::tuple<const char*, const char*, const char*>{"el", "στρατιωτική", "στρατιωτικής"},
                                   {"hy", "Ռուսաստանը", "Ռուսաստան"},
                                   {"ar", "العسكري", "عسكري"},
                                   {"hi", "समस्या", "समस्याएं"}}) {
    const Language l = language_from_code(code);
    ASSERT_NE(l, kEnglish) << code;
    EXPECT_EQ(stem(a, l), stem(b, l)) << code;
    EXPECT_EQ(stem(a, kEnglish), stem(b, kEnglish)) << code;
    EXPECT_NE(normalize_word(a), normalize_word(b)) << code;
  }
  // English and Russian words keep the normalized path; in an English text
  // German inflections stay apart.
  EXPECT_EQ(stem("Talks", kEnglish), "talk");
  EXPECT_NE(stem("Gesprächen", kEnglish), stem("Gespräche", kEnglish));
  EXPECT_EQ(stem("переговоры", de), stem_word("переговор"));
  // A language Snowball does not stem keeps its words: Bulgarian is not
  // stemmed as Russian.
  const Language bg = language_from_code("bg");
  EXPECT_EQ(stem("Преговорите", bg), normalize_word("преговорите"));
  EXPECT_NE(stem("Преговорите", russian()), normalize_word("преговорите"));
}

TEST(Stem, TokensCarryStemsAndNumbersKeepTheirKey) {
  const auto t = tokenize("Talks talk 2015").tokens;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_NE(t[0].key, t[1].key);
  EXPECT_EQ(t[0].stem, t[1].stem);
  EXPECT_EQ(t[2].stem, t[2].key);
}

}  // namespace
}  // namespace reuselens
