#include "reuselens/sentence_align.hpp"

#include "reuselens/align.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

using test::doc;

const std::string kFiller =
    "Weather in the capital stayed mild through the week. Markets closed higher on Tuesday after a quiet session. "
    "The local team won its third game in a row. ";

TEST(AlignSentences, ParaphraseOfOneSentenceIsFound) {
  // Seeds 003 and 001: the Pentagon sentence restated.
  const Document source = doc(kFiller + "The Pentagon last year cut off high-level discussions with Moscow after its "
                              "annexation of Crimea and intervention in Ukraine. " + kFiller);
  const Document page = doc("High-level military talks with Moscow were severed by the Pentagon in 2014 over "
                            "Russia's annexation of Crimea and intervention in eastern Ukraine. Bakers in Lyon rise "
                            "early to bake bread for the morning market crowds.");
  const auto matches = align_sentences(page, source);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].page_first, 0u);
  EXPECT_GT(matches[0].similarity, 0.34);
  EXPECT_EQ(matches.size(), 1u);
  // The source side is the Pentagon sentence, not the filler around it.
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_last - 1].end)
                .rfind("The Pentagon last year", 0),
            0u);
}

TEST(AlignSentences, UnrelatedSentencesDoNotSeed) {
  const Document source = doc("The Pentagon cut off discussions with Moscow after the annexation of Crimea.");
  const Document page = doc("Bakers in Lyon rise early to bake bread for the morning market crowds.");
  EXPECT_TRUE(align_sentences(page, source).empty());
}

TEST(AlignSentences, ExplainedPageRangesSeedNothing) {
  const Document s = doc("The Pentagon cut off discussions with Moscow after the annexation of Crimea.");
  ASSERT_FALSE(align_sentences(s, s).empty());
  EXPECT_TRUE(align_sentences(s, s, {}, {{0u, static_cast<std::uint32_t>(s.tokens().size())}}).empty());
}

TEST(AlignSentences, APageSentenceIsExplainedByTheWordsCopiesCoverNotByHowOften) {
  // Two copies (from two places in a source) over the same 5 of the
  // sentence's 14 words cover a third of it, not two thirds: it is still
  // compared, where a copy over 8 words explains it.
  const Document s = doc("The Pentagon cut off discussions with Moscow after the annexation of Crimea last year.");
  ASSERT_EQ(s.tokens().size(), 14u);
  EXPECT_FALSE(align_sentences(s, s, {}, {{0u, 5u}, {0u, 5u}}).empty());
  EXPECT_TRUE(align_sentences(s, s, {}, {{0u, 8u}}).empty());
}

// Three reworded sentences in a row: each keeps a few of its source words.
const std::string kSourceRun =
    "Tea with the rebels is the question of the month in the hills. The ensuing debate is fuelled by talks with "
    "the rebels and by a leaked report. Many observers are baffled by the remark of the commander about the war. ";
const std::string kPageRun =
    "Cuppa with the rebels is the question of the month in the hills. The ensuing debate is fired by negotiation "
    "with the rebels and by a leaked report. Numerous observers are perplexed by the remark of the commander "
    "about the war. ";

// Strict thresholds make every pair above weak, not strong: only the rule for
// weak pairs can seed.
SentenceAlignOptions weak_only(double weak) {
  SentenceAlignOptions o;
  o.min_cosine = o.min_dice = 0.99;
  o.min_weak_cosine = o.min_weak_dice = weak;
  return o;
}

TEST(AlignSentences, WeakPairsSeedWhenTheyComeInARun) {
  const Document source = doc(kFiller + kSourceRun + kFiller);
  const Document page = doc(kPageRun);
  const auto matches = align_sentences(page, source, weak_only(0.1));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].page_first, 0u);
  EXPECT_EQ(matches[0].page_last, page.tokens().size());
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_first].end),
            "Tea");
  // Without the weak rule the same pairs seed nothing.
  EXPECT_TRUE(align_sentences(page, source, weak_only(0.99)).empty());
}

TEST(AlignSentences, AWeakPairAloneSeedsNothing) {
  const Document source =
      doc(kFiller + "Many observers are baffled by the remark of the commander about the war in the north. " + kFiller);
  const Document page = doc("Numerous observers are perplexed by the remark of the commander about the conflict in "
                            "the north. "
                            "Bakers in Lyon rise early to bake bread for the morning market crowds.");
  // Similar enough to pass as a strong pair, but alone as a weak one.
  ASSERT_EQ(align_sentences(page, source).size(), 1u);
  EXPECT_TRUE(align_sentences(page, source, weak_only(0.1)).empty());
}

TEST(AlignSentences, NeighboursOnThePageFarApartInTheSourceAreTwoPassages) {
  // Two page sentences side by side restate source sentences 51 sentences
  // apart (beyond even a summary's gap): the source between is not reused.
  std::string filler;
  for (int i = 0; i < 17; ++i) filler += kFiller;
  const std::string first = "Tea with the rebels is the question of the month in the hills";
  const std::string second = "Many observers are baffled by the remark of the commander about the war in the north";
  const Document source = doc(first + ". " + filler + second + ".");
  const Document page = doc("Cuppa with the rebels is the question of the month in the hills. Numerous observers are "
                            "perplexed by the remark of the commander about the conflict in the north.");
  const auto matches = align_sentences(page, source);
  ASSERT_EQ(matches.size(), 2u);
  auto source_side = [&](const SentenceMatch& m) {
    return test::slice(source, source.tokens()[m.source_first].begin, source.tokens()[m.source_last - 1].end);
  };
  EXPECT_EQ(source_side(matches[0]), first);
  EXPECT_EQ(source_side(matches[1]), second);
}

TEST(AlignSentences, ASourceSentenceBesideTheReuseThatOnlyResemblesItStaysOut) {
  // The next source sentence shares four of the page sentence's words: a
  // seed, but a far weaker one than the sentence the page restates.
  const std::string restated = "The extensor retinaculum anchors the tendons at the back of the wrist";
  const Document source =
      doc(kFiller + restated + ". At the back of the wrist the tendons pass under the retinaculum. " + kFiller);
  const Document page = doc("At the back of the wrist, the extensor retinaculum anchors the tendons in place. Bakers "
                            "in Lyon rise early to bake bread for the morning market crowds.");
  auto source_side = [&](const SentenceAlignOptions& o) {
    const auto matches = align_sentences(page, source, o);
    EXPECT_EQ(matches.size(), 1u);
    return matches.empty() ? std::string() : test::slice(source, source.tokens()[matches[0].source_first].begin,
                                                         source.tokens()[matches[0].source_last - 1].end);
  };
  SentenceAlignOptions any_seed;
  any_seed.partner_share = 0;
  EXPECT_EQ(source_side(any_seed), restated + ". At the back of the wrist the tendons pass under the retinaculum");
  EXPECT_EQ(source_side({}), restated);
}

TEST(AlignSentences, ASentenceRestatedNearbyIsNotASummaryOfAFarEcho) {
  // A text repeats its definition of the retinaculum six sentences on. The
  // page restates the first: the summary gaps would pair it with both and
  // everything between, as if it condensed that stretch.
  std::string filler;
  for (int i = 0; i < 5; ++i) filler += "Rain fell on the old town all day long. ";
  const std::string definition = "The extensor retinaculum anchors the tendons at the back of the wrist";
  const Document source = doc(definition + ". " + filler + "As noted, the extensor retinaculum anchors the tendons "
                              "at the back of the wrist. " + filler + filler);
  const Document page = doc("At the back of the wrist, the extensor retinaculum holds the tendons in place.");
  auto longest_source_side = [&](const SentenceAlignOptions& o) {
    std::uint32_t longest = 0;
    for (const auto& m : align_sentences(page, source, o)) longest = std::max(longest, m.source_last - m.source_first);
    return longest;
  };
  SentenceAlignOptions summaries_only;
  summaries_only.restatement_similarity = 2;  // never a restatement
  ASSERT_GT(longest_source_side(summaries_only), 60u);  // from the definition to its echo
  const auto matches = align_sentences(page, source);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_last - 1].end),
            definition);
  EXPECT_LE(longest_source_side({}), 14u);  // the definition or its echo, each alone
}

TEST(AlignSentences, LongUnpunctuatedTextIsComparedLineByLine) {
  // A glossary: hundreds of words with no sentence end. One reworded entry on
  // the page must point at that entry, not at the whole list.
  std::string glossary;
  const char* organs[] = {"liver", "kidney", "spleen", "heart", "lung", "stomach", "pancreas", "bladder"};
  for (int i = 0; i < 8; ++i)
    glossary += std::string(organs[i]) + " tissue number " + std::to_string(i) +
                "\na layer of fibrous membrane wrapping the organ and holding its vessels in place\n";
  glossary += "extensor retinaculum\na thickening of deep fascia on the back of the wrist that anchors the tendons\n";
  for (int i = 0; i < 8; ++i)
    glossary += std::string(organs[i]) + " capsule " + std::to_string(i) +
                "\nthe outer coat of the organ formed by dense connective fibres\n";
  const Document source = doc(glossary);
  ASSERT_EQ(source.tokenized().sentences.size(), 1u);
  const Document page = doc("The extensor retinaculum is a thickening of the deep fascia at the back of the wrist, "
                            "and it anchors the tendons.");
  const auto matches = align_sentences(page, source);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_LE(matches[0].source_last - matches[0].source_first, 2 * SentenceAlignOptions{}.max_unit_tokens);
  const std::string matched = test::slice(source, source.tokens()[matches[0].source_first].begin,
                                          source.tokens()[matches[0].source_last - 1].end);
  EXPECT_NE(matched.find("retinaculum"), std::string::npos);
  // 0: no limit, the whole list is one unit.
  SentenceAlignOptions whole;
  whole.max_unit_tokens = 0;
  for (const auto& m : align_sentences(page, source, whole))
    EXPECT_EQ(m.source_last - m.source_first, source.tokens().size());
}

TEST(AlignSentences, WordsSwappedForSynonymsStillSeed) {
  // Seed 000's spinner: WordNet synonyms for most content words.
  const Document source = doc(kFiller + "The military said the important talks would begin soon. " + kFiller);
  const Document spun = doc("The infantry pronounced the significant talks would start soon.");
  const auto matches = align_sentences(spun, source);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_last - 1].end),
            "The military said the important talks would begin soon");
  // The same sentence with unrelated words in those places is no match.
  const Document unrelated = doc("The orchestra painted the purple talks would melt soon.");
  EXPECT_TRUE(align_sentences(unrelated, source).empty());
}

TEST(AlignSentences, APageSentenceKeepsOnlyItsMostSimilarPartners) {
  // The page sentence is in the source twice: as it is, and far below,
  // reworded. Each pairing is a match of its own; with one partner allowed,
  // only the closer one is.
  const std::string sentence = "The Pentagon cut off high-level discussions with Moscow after the annexation of Crimea. ";
  const Document source = doc(sentence + kFiller + kFiller +
                              "The Pentagon halted high-level talks with Moscow after it annexed Crimea. " + kFiller);
  const Document page = doc(sentence);
  auto source_text = [&](const SentenceMatch& m) {
    return test::slice(source, source.tokens()[m.source_first].begin, source.tokens()[m.source_last - 1].end);
  };
  const auto both = align_sentences(page, source);
  ASSERT_EQ(both.size(), 2u);
  SentenceAlignOptions one;
  one.max_partners = 1;
  const auto closest = align_sentences(page, source, one);
  ASSERT_EQ(closest.size(), 1u);
  EXPECT_EQ(source_text(closest[0]) + ". ", sentence);
}

TEST(AlignSentences, ASentenceTheSourceRepeatsPairsWithItsEarliestCopies) {
  // The source holds the page's sentence three times, far apart: equal
  // partners, of which the earliest are kept (repeats are scored once).
  const std::string sentence = "The Pentagon cut off high-level discussions with Moscow after the annexation of Crimea. ";
  const std::string between = kFiller + kFiller;
  const Document source = doc(sentence + between + sentence + between + sentence);
  const Document page = doc(sentence);
  auto starts = [&](const SentenceAlignOptions& o) {
    std::vector<std::size_t> out;
    for (const SentenceMatch& m : align_sentences(page, source, o)) out.push_back(source.tokens()[m.source_first].begin);
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::size_t second = sentence.size() + between.size(), third = 2 * second;
  SentenceAlignOptions two;
  two.max_partners = 2;
  EXPECT_EQ(starts(two), (std::vector<std::size_t>{0, second}));
  SentenceAlignOptions all;
  all.max_partners = 0;
  EXPECT_EQ(starts(all), (std::vector<std::size_t>{0, second, third}));
}

TEST(AlignSentences, ASourceThatHoldsItsTextTwiceGivesAPassagePerCopy) {
  // The source holds its article twice in a row (a page and its print
  // version); the page restates it. Every page sentence pairs with both
  // copies, and the copies touch: one passage would span both.
  const std::string article =
      "Kerry said the talks with Moscow were an important next step. The Pentagon cut off high-level discussions "
      "after the annexation of Crimea. Heavy equipment including tanks and helicopters was moved to the airbase. "
      "Thousands of refugees have fled the four-year conflict in the region";  // a side ends at its last word
  const Document source = doc(article + ". " + article + ".");
  const Document page = doc(
      "Kerry pronounced a talks with Moscow were a critical subsequent step. A Pentagon severed high-level "
      "discussions after a cast of Crimea. Heavy apparatus including tanks and helicopters was changed to a "
      "airbase. Thousands of refugees have fled a four-year dispute in a region.");
  // Each match's source side: where it begins (bytes) and its text.
  auto source_sides = [&](const SentenceAlignOptions& o) {
    std::vector<std::pair<std::size_t, std::string>> sides;
    for (const SentenceMatch& m : align_sentences(page, source, o)) {
      const std::size_t begin = source.tokens()[m.source_first].begin;
      sides.emplace_back(begin, test::slice(source, begin, source.tokens()[m.source_last - 1].end));
    }
    return sides;
  };
  using Sides = std::vector<std::pair<std::size_t, std::string>>;
  EXPECT_EQ(source_sides({}), (Sides{{0, article}, {article.size() + 2, article}}));
  SentenceAlignOptions never;
  never.min_repeat_units = 0;
  EXPECT_EQ(source_sides(never), (Sides{{0, article + ". " + article}}));
}

TEST(AlignSentences, SentencesThatAllResembleEachOtherAreNotARepeat) {
  // Each page sentence resembles a source sentence before and after one
  // point, but the best partners before it come in another order than the
  // page's (as when a translation merges and splits sentences): the source
  // does not repeat the page, and the passage stays whole.
  const std::string block =
      "Plague, anthrax and rabies, with Lyme disease, were named. "
      "Lyme disease was removed from the bioterrorism list by scientists. "
      "Scientists studied organisms in laboratories, such as influenza and tuberculosis. "
      "Rabies, influenza and tuberculosis, with the bioterrorism list, were named. "
      "The bioterrorism list no longer holds Lyme disease, the institute said. "
      "The institute's organisms were studied by scientists, as were plague and anthrax";
  const Document source = doc(kFiller + block + ". " + kFiller);
  const Document page = doc("Lyme disease was removed from the bioterrorism list. "
                            "Scientists at the institute studied organisms in laboratories. "
                            "Plague, anthrax, rabies, influenza and tuberculosis were named.");
  const auto matches = align_sentences(page, source);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(test::slice(source, source.tokens()[matches[0].source_first].begin,
                        source.tokens()[matches[0].source_last - 1].end),
            block);
}

}  // namespace
}  // namespace reuselens
