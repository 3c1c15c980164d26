// Regression test on the seed articles: 001 is the source; 002-004 copy it
// verbatim or with light edits (offsets from ../shared/seeds/truth.json, in
// code points).
#include <algorithm>

#include "reuselens/align.hpp"
#include "reuselens/match.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

struct Expected {
  const char* page;
  std::size_t page_start, page_end, source_start, source_end;
  PassageKind kind;
};

class Seeds : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(library.add({"001", "source", "", test::read_seed("001_08fe67f9a3eebd52.txt")}).ok);
  }
  Library library;
};

TEST_F(Seeds, VerbatimAndEditedPassagesAreFoundWithTruthOffsets) {
  const Expected expected[] = {
      {"002_2f683106620622b9.txt", 2271, 2326, 1011, 1066, PassageKind::kVerbatim},
      {"003_6481e570e0997220.txt", 60, 293, 542, 776, PassageKind::kEdited},
      {"003_6481e570e0997220.txt", 2375, 2430, 1011, 1066, PassageKind::kVerbatim},
      {"004_2cb53fe733bcfbdb.txt", 832, 945, 1255, 1368, PassageKind::kVerbatim},
  };
  for (const Expected& e : expected) {
    const Document page = test::doc(test::read_seed(e.page));
    const auto passages = match(library, page);
    bool found = false;
    for (const Passage& p : passages) {
      if (page.codepoint_at(p.page_begin) != e.page_start) continue;
      found = true;
      EXPECT_EQ(page.codepoint_at(p.page_end), e.page_end) << e.page;
      EXPECT_EQ(library.document(0).codepoint_at(p.source_begin), e.source_start) << e.page;
      EXPECT_EQ(library.document(0).codepoint_at(p.source_end), e.source_end) << e.page;
      EXPECT_EQ(p.kind, e.kind) << e.page << " at " << e.page_start;
    }
    EXPECT_TRUE(found) << e.page << " passage at " << e.page_start;
  }
}

TEST_F(Seeds, PagesWithoutCopiesOfTheSourceGetNoPassageOutsideTheTruth) {
  // 002 reuses 001 only in its one quoted sentence.
  const Document page = test::doc(test::read_seed("002_2f683106620622b9.txt"));
  const auto passages = match(library, page);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(page.codepoint_at(passages[0].page_begin), 2271u);
}

TEST_F(Seeds, ACommentTypedBetweenTwoSpunParagraphsStaysOutOfThem) {
  // An editor types a sentence of their own after the spun copy's first
  // paragraph: no passage takes it in, in the whole text or in the two
  // paragraphs alone (the draft checker matches a paragraph with its
  // neighbours), where the second paragraph's first words are reworded too.
  const std::string text = test::read_seed("000_b44e7f05eab81677.txt");
  const std::string end_of_first = "Secretary of State John Kerry pronounced on Friday.";
  const std::string second = "Russia, that is building adult";
  const std::size_t first_at = text.find("LONDON"), at = text.find(end_of_first), second_at = text.find(second);
  ASSERT_TRUE(first_at < at && at < second_at && second_at != std::string::npos);
  const std::size_t comment = at + end_of_first.size();
  const std::string whole = text.substr(0, comment) + " My comment." + text.substr(comment);
  const std::string two = text.substr(first_at, comment - first_at) + " My comment." +
                          text.substr(comment, text.find("\n", second_at) - comment);
  for (const std::string& draft : {whole, two}) {
    const Document page = test::doc(draft);
    const std::size_t typed = draft.find(" My comment.") + 1;
    bool first = false;
    for (const Passage& p : match(library, page)) {
      EXPECT_FALSE(p.page_begin < typed + 11 && typed < p.page_end) << "a passage over the comment";
      first = first || (p.page_begin <= typed && p.page_end + 1 == typed);
    }
    EXPECT_TRUE(first) << "the first paragraph, up to the comment";
  }
}

TEST_F(Seeds, ALineOfTheEditorsOwnIsNoPartOfASummary) {
  // The title and a spun sentence of 001 with a line of the editor's own
  // between them: close together and spread over the source, they would be
  // judged one summary of it, the line included.
  const std::string text = test::read_seed("000_b44e7f05eab81677.txt");
  const std::string title = "U.S. Sees Military Talks With Russia on Syria as Important Next Step";
  const std::size_t russia = text.find("Russia, that is building adult");
  ASSERT_NE(russia, std::string::npos);
  const std::string own = "A line of my own.";
  const std::string draft = title + "\n" + own + "\n\n" + text.substr(russia, text.find("\n", russia) - russia);
  const Document page = test::doc(draft);
  const auto passages = match(library, page);
  ASSERT_FALSE(passages.empty());
  for (const Passage& p : passages) {
    EXPECT_NE(p.kind, PassageKind::kSummary);
    EXPECT_FALSE(p.page_begin < title.size() + 1 + own.size() && title.size() + 1 < p.page_end);
  }
}

TEST(SeedsAcrossSources, ASpunCopyOfASourceThatHoldsItsArticleTwiceIsSpunFromOneCopy) {
  // The library keeps 001 twice in one source (a saved page with its print
  // version below). 000 spins the article: one spun passage, whose source
  // side is one copy, not a "paraphrase" spanning both.
  const std::string article = test::read_seed("001_08fe67f9a3eebd52.txt");
  Library library;
  ASSERT_TRUE(library.add({"twice", "", "", article + "\n" + article}).ok);
  const Document page = test::doc(test::read_seed("000_b44e7f05eab81677.txt"));
  const std::vector<Passage> passages = match(library, page);
  const Passage* longest = nullptr;
  for (const Passage& p : passages)
    if (!longest || p.page_end - p.page_begin > longest->page_end - longest->page_begin) longest = &p;
  ASSERT_NE(longest, nullptr);
  EXPECT_EQ(longest->kind, PassageKind::kSpun);
  EXPECT_GT(longest->page_end - longest->page_begin, 2000u);
  EXPECT_LT(longest->source_end - longest->source_begin, article.size());
}

TEST(SeedsAcrossSources, APageRepeatingASpunCopyAgainstASourceRepeatingItsArticleIsSpunCopyByCopy) {
  // A spam page holds the spun 000 three times; the source holds 001 twenty
  // times (more copies than a page sentence keeps partners, 16). Each page
  // copy is one spun passage from one source copy, not one "summary" of all.
  const std::string article = test::read_seed("001_08fe67f9a3eebd52.txt");
  const std::string spun = test::read_seed("000_b44e7f05eab81677.txt");
  std::string source_text, page_text;
  for (int i = 0; i < 20; ++i) source_text += article + "\n";
  for (int i = 0; i < 3; ++i) page_text += spun + "\n";
  Library library;
  ASSERT_TRUE(library.add({"many", "", "", source_text}).ok);
  const Document page = test::doc(page_text);
  const std::vector<Passage> passages = match(library, page);
  std::vector<const Passage*> spun_copies;
  for (const Passage& p : passages)
    if (p.kind == PassageKind::kSpun) spun_copies.push_back(&p);
  ASSERT_EQ(spun_copies.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_GE(spun_copies[i]->page_begin, i * (spun.size() + 1));
    EXPECT_LE(spun_copies[i]->page_end, (i + 1) * (spun.size() + 1));
    EXPECT_GT(spun_copies[i]->page_end - spun_copies[i]->page_begin, 2000u);
    EXPECT_LT(spun_copies[i]->source_end - spun_copies[i]->source_begin, article.size());
  }
}

TEST(SeedsAcrossSources, ARestatedSentenceIsCreditedWholeToTheSourceItRestates) {
  // 003 restates 001's Pentagon sentence and moves its first words to the
  // front; 004 words the sentence's second half as 003 does, in order. Both
  // match there; 001 explains the whole sentence.
  Library library;
  ASSERT_TRUE(library.add({"004", "", "", test::read_seed("004_2cb53fe733bcfbdb.txt")}).ok);
  ASSERT_TRUE(library.add({"001", "", "", test::read_seed("001_08fe67f9a3eebd52.txt")}).ok);
  const std::string text = test::read_seed("003_6481e570e0997220.txt");
  const std::string sentence =
      "High-level military talks with Moscow were severed by the Pentagon in 2014 over Russia\u2019s annexation of "
      "Crimea and intervention in eastern Ukraine.";
  const std::size_t at = text.find(sentence);
  ASSERT_NE(at, std::string::npos);
  const Document page = test::doc(text);
  const std::vector<Passage> passages = match(library, page);  // `credited` points into it
  const Passage* credited = nullptr;
  for (const Passage& p : passages)
    if (p.page_begin < at + sentence.size() && at < p.page_end) {
      ASSERT_EQ(credited, nullptr) << "one passage over the sentence";
      credited = &p;
    }
  ASSERT_NE(credited, nullptr);
  EXPECT_EQ(library.info(credited->source).id, "001");
  EXPECT_EQ(credited->page_begin, at);
  EXPECT_EQ(credited->page_end, at + sentence.size());
}

TEST(SeedsAcrossSources, AParaphraseSharingNoLongRunWithItsSourceIsFound) {
  // 004 and 003 word the Pentagon sentence apart, sharing no 7 words in a row:
  // 003 becomes a candidate by the content words they share.
  Library library;
  ASSERT_TRUE(library.add({"003", "", "", test::read_seed("003_6481e570e0997220.txt")}).ok);
  const std::string text = test::read_seed("004_2cb53fe733bcfbdb.txt");
  const Document page = test::doc(text);
  const auto passages = match(library, page);
  ASSERT_EQ(passages.size(), 1u);
  const std::string clause = "Russia\u2019s annexation of Crimea and its intervention in Ukraine.";
  EXPECT_EQ(text.substr(passages[0].page_begin, passages[0].page_end - passages[0].page_begin), clause);
}

TEST(SeedsAcrossSources, ARestatementIsFoundWhicheverTextIsThePage) {
  // 001's Pentagon sentence against 003's restatement of it: the word
  // alignment follows "annexation of Crimea and intervention in Ukraine" in
  // order; the words before it moved, so 001 as the page found only those
  // seven words and dropped them, where 003 as the page found the sentence.
  Library library;
  ASSERT_TRUE(library.add({"003", "", "", test::read_seed("003_6481e570e0997220.txt")}).ok);
  const std::string text = test::read_seed("001_08fe67f9a3eebd52.txt");
  const std::string restated =
      "Pentagon last year cut off high-level discussions with Moscow after its annexation of Crimea and "
      "intervention in Ukraine.";
  const std::size_t at = text.find(restated);
  ASSERT_NE(at, std::string::npos);
  const Document page = test::doc(text);
  const std::vector<Passage> passages = match(library, page);  // `found` points into it
  const Passage* found = nullptr;
  for (const Passage& p : passages)
    if (p.page_begin < at + restated.size() && at < p.page_end) found = &p;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(text.substr(found->page_begin, found->page_end - found->page_begin), restated);
  const std::string& source = library.document(0).text();
  EXPECT_EQ(source.substr(found->source_begin, found->source_end - found->source_begin),
            "High-level military talks with Moscow were severed by the Pentagon in 2014 over Russia\u2019s annexation "
            "of Crimea and intervention in eastern Ukraine.");
  // Its kind and score count the words it took in: a paraphrase, not the
  // edited copy its seven words in order are.
  EXPECT_EQ(found->kind, PassageKind::kParaphrase);
  EXPECT_LT(found->score, 0.5);
}

TEST(SeedsAcrossSources, TwoSentencesTheSourceHoldsInTheOtherOrderStayTwoPassages) {
  // 001 against 004: 004 copies 001's Latakia sentence (with curly quotes)
  // and, 1,300 characters further on, restates the Pentagon sentence that
  // comes just before it in 001. Two sentences in swapped order are two
  // passages, the copy verbatim, not one summary of all of 004.
  Library library;
  ASSERT_TRUE(library.add({"004", "", "", test::read_seed("004_2cb53fe733bcfbdb.txt")}).ok);
  const std::string text = test::read_seed("001_08fe67f9a3eebd52.txt");
  const std::string copied =
      "But Russia's buildup at Syria's Latakia airbase raises the possibility of air combat missions in Syrian "
      "airspace.";
  const std::size_t at = text.find(copied);
  ASSERT_NE(at, std::string::npos);
  const Document page = test::doc(text);
  const std::vector<Passage> passages = match(library, page);
  ASSERT_EQ(passages.size(), 2u);
  for (const Passage& p : passages) EXPECT_NE(p.kind, PassageKind::kSummary);
  EXPECT_LT(passages[0].page_end, at);
  EXPECT_NE(text.substr(passages[0].page_begin, passages[0].page_end - passages[0].page_begin).find("Crimea"),
            std::string::npos);
  EXPECT_EQ(passages[1].kind, PassageKind::kVerbatim);
  EXPECT_EQ(text.substr(passages[1].page_begin, passages[1].page_end - passages[1].page_begin), copied);
  const std::string& source = library.document(0).text();
  EXPECT_EQ(source.substr(passages[1].source_begin, passages[1].source_end - passages[1].source_begin),
            "But Russia\u2019s buildup at Syria\u2019s Latakia airbase raises the possibility of air combat missions "
            "in Syrian airspace.");
}

// The contract the web demo and the extension draw a highlight's diff from
// (passage.hpp): ends on character boundaries around whole words, and an
// alignment that steps through every word of both sides once, in the order of
// both texts (a moved word's source word stands at its page word instead).
// Checked on every passage of six texts: the seeds and a copy of 001 whose
// sentences run backwards, a word in seven gone. Each is matched with the
// other five as its library and aligned with each alone under the PAN profile.
bool starts_code_point(const std::string& text, std::uint32_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

void expect_alignment_contract(const Passage& p, const Document& page, const Document& source,
                               const std::string& what) {
  ASSERT_LT(p.page_first_token, p.page_last_token) << what;
  ASSERT_LE(p.page_last_token, page.tokens().size()) << what;
  ASSERT_LT(p.source_first_token, p.source_last_token) << what;
  ASSERT_LE(p.source_last_token, source.tokens().size()) << what;
  EXPECT_LE(p.page_begin, page.tokens()[p.page_first_token].begin) << what;
  EXPECT_GE(p.page_end, page.tokens()[p.page_last_token - 1].end) << what;
  EXPECT_LE(p.source_begin, source.tokens()[p.source_first_token].begin) << what;
  EXPECT_GE(p.source_end, source.tokens()[p.source_last_token - 1].end) << what;
  for (std::uint32_t at : {p.page_begin, p.page_end}) EXPECT_TRUE(starts_code_point(page.text(), at)) << what;
  for (std::uint32_t at : {p.source_begin, p.source_end}) EXPECT_TRUE(starts_code_point(source.text(), at)) << what;
  EXPECT_GE(p.score, 0.0) << what;
  EXPECT_LE(p.score, 1.0) << what;
  std::vector<int> page_uses(p.page_last_token - p.page_first_token);
  std::vector<int> source_uses(p.source_last_token - p.source_first_token);
  std::int64_t last_page = -1, last_source = -1;
  for (const AlignmentStep& step : p.alignment) {
    EXPECT_TRUE(step.page != AlignmentStep::kNoToken || step.source != AlignmentStep::kNoToken) << what;
    if (step.page != AlignmentStep::kNoToken) {
      ASSERT_TRUE(step.page >= p.page_first_token && step.page < p.page_last_token) << what;
      ++page_uses[step.page - p.page_first_token];
      EXPECT_GT(static_cast<std::int64_t>(step.page), last_page) << what;
      last_page = step.page;
    }
    if (step.source != AlignmentStep::kNoToken) {
      ASSERT_TRUE(step.source >= p.source_first_token && step.source < p.source_last_token) << what;
      ++source_uses[step.source - p.source_first_token];
      if (step.type == StepType::kMoved) continue;
      EXPECT_GT(static_cast<std::int64_t>(step.source), last_source) << what;
      last_source = step.source;
    }
  }
  EXPECT_EQ(std::count(page_uses.begin(), page_uses.end(), 1), static_cast<std::ptrdiff_t>(page_uses.size())) << what;
  EXPECT_EQ(std::count(source_uses.begin(), source_uses.end(), 1), static_cast<std::ptrdiff_t>(source_uses.size()))
      << what;
}

TEST(SeedsAcrossSources, EveryPassageStepsThroughEachWordOfBothSidesOnceInOrder) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const char* name : {"000_b44e7f05eab81677.txt", "001_08fe67f9a3eebd52.txt", "002_2f683106620622b9.txt",
                           "003_6481e570e0997220.txt", "004_2cb53fe733bcfbdb.txt"})
    texts.emplace_back(name, test::read_seed(name));
  {
    const Document article = test::doc(texts[1].second);
    std::string reworked;
    const auto& sentences = article.tokenized().sentences;
    for (auto s = sentences.rbegin(); s != sentences.rend(); ++s) {
      for (std::uint32_t t = s->first; t < s->last; ++t)
        if (t % 7 != 3) reworked += test::slice(article, article.tokens()[t].begin, article.tokens()[t].end) + " ";
      reworked += ".\n";
    }
    texts.emplace_back("001 backwards, a word in seven gone", reworked);
  }
  std::size_t checked = 0, moved = 0;
  for (const auto& [page_name, page_text] : texts) {
    const Document page = test::doc(page_text);
    // Every other text as the library (match: news defaults, overlaps
    // resolved across sources, moved words marked), and each alone under
    // the PAN profile (align, as `reuselens align` runs it).
    Library library;
    for (const auto& [source_name, source_text] : texts)
      if (source_name != page_name) ASSERT_TRUE(library.add({source_name, "", "", source_text}).ok);
    for (const Passage& p : match(library, page)) {
      expect_alignment_contract(p, page, library.document(p.source), page_name + " <- library");
      for (const AlignmentStep& step : p.alignment) moved += step.type == StepType::kMoved;
      ++checked;
    }
    for (const auto& [source_name, source_text] : texts) {
      if (source_name == page_name) continue;
      const Document source = test::doc(source_text);
      for (const Passage& p : align(page, source, AlignOptions::pan())) {
        expect_alignment_contract(p, page, source, page_name + " <- " + source_name + ", PAN profile");
        ++checked;
      }
    }
  }
  // The texts share passages, and restatements move words: the contract is
  // checked, moved steps included, not skipped.
  EXPECT_GE(checked, 40u);
  EXPECT_GT(moved, 0u);
}

}  // namespace
}  // namespace reuselens
