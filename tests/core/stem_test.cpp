#include "reuselens/stem.hpp"

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

TEST(Stem, TokensCarryStemsAndNumbersKeepTheirKey) {
  const auto t = tokenize("Talks talk 2015").tokens;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_NE(t[0].key, t[1].key);
  EXPECT_EQ(t[0].stem, t[1].stem);
  EXPECT_EQ(t[2].stem, t[2].key);
}

}  // namespace
}  // namespace reuselens
