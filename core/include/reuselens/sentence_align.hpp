// Sentence-level alignment: pairs of sentences whose content words (stems,
// synonyms) overlap enough, grouped into passages. This is what finds
// paraphrased, shuffled and summarized reuse, where few word n-grams survive.
// After Sanchez-Perez, Sidorov and Gelbukh (PAN 2014): tf-idf cosine and Dice
// seeds, gap-limited clustering on both sides, validation of each cluster.
#pragma once
#include <cstdint>
#include <vector>

#include "reuselens/document.hpp"

namespace reuselens {

struct SentenceAlignOptions {
  double min_cosine = 0.33;      // seed: tf-idf cosine of two sentences
  double min_dice = 0.33;        // seed: Dice coefficient of their content words
  // A pair below those but above these seeds when another pair lies within
  // weak_support_gap sentences of it on both sides, and neither sentence has
  // a pair above the first bar (set these to min_cosine/min_dice: never).
  double min_weak_cosine = 0.2;
  double min_weak_dice = 0.2;
  std::uint32_t weak_support_gap = 2;
  std::uint32_t max_gap = 4;     // sentences between two seeds of one passage (each side)
  // A passage's source side ends at sentences that are, for one of its page
  // sentences, at least this share of that sentence's best cosine in the
  // passage: a source sentence that resembles a page sentence far less than
  // its best partner does lies beside the reuse (0: at any seed). Not for
  // summaries, whose condensed sentences resemble many. PAN13: random
  // .9154 -> .9162, translation .9296 -> .9327, summary unchanged (0.6 to
  // 0.8 alike).
  double partner_share = 0.7;
  double min_validation = 0.34;  // cosine of a whole passage's two sides
  // Summaries condense a long source passage into a few sentences: the source
  // side may then have gaps this long (PAN13's summaries: 36 scores best of
  // 24 to 40, and keeps the same-topic passages out).
  std::uint32_t summary_max_gap = 36;
  double summary_max_ratio = 0.5;  // page side / source side below this: a summary
  // ...unless a cluster with the ordinary gaps pairs the same page sentences
  // with a source stretch at least this similar: they restate that stretch,
  // and the far sentences the summary gaps took in only resemble them (a
  // repeated sentence, the topic). PAN13: random .9113 -> .9154 and
  // translation .9217 -> .9296 for summary .7581 -> .7561 (0.55 to 0.65 alike).
  double restatement_similarity = 0.6;
  // A passage splits where its source says the same thing twice: at least
  // this many of its page sentences, and half of them, have partners before
  // and after one point, in the same order on both sides. A source holding
  // its article twice would otherwise give one passage over both copies (a
  // "summary" of both, or a paraphrase). PAN13: translation .9366 -> .9369
  // (two sources that do repeat), the rest unchanged; 2: translation .9373
  // but random .9264 -> .9263; 4 and 8: as 0 (0: never).
  std::uint32_t min_repeat_units = 3;
  std::uint32_t min_unit_words = 4;  // shorter sentences join the next one
  std::uint32_t max_unit_tokens = 40;  // longer sentences are cut at line breaks, then into pieces (0: never)
  // A page word standing for a source word of its synonym class counts this
  // much of an occurrence (a swapped word is weaker evidence than a kept one).
  double synonym_weight = 0.5;
  // Each page sentence keeps its most similar source sentences, at most this
  // many (strong and weak apart). Text that repeats one sentence on both sides
  // would otherwise pair every copy with every copy: a 1.5 MB page against a
  // 370 KB source took 63 s and 6.8 GB. Real reuse needs few: PAN13 and the
  // seeds are unchanged down to 8, and 4 moves random's precision by .0003
  // (0: no limit).
  std::uint32_t max_partners = 16;
};

// A pair of token ranges (half open) found similar sentence by sentence.
struct SentenceMatch {
  std::uint32_t page_first = 0, page_last = 0;
  std::uint32_t source_first = 0, source_last = 0;
  double similarity = 0;  // cosine of the two sides
};

// Sentences of the page that overlap `explained` (page token ranges already
// accounted for, e.g. verbatim copies) seed nothing.
std::vector<SentenceMatch> align_sentences(const Document& page, const Document& source,
                                           const SentenceAlignOptions& options = {},
                                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& explained = {});

}  // namespace reuselens
