// Aligning a page with one source: seeds from shared n-grams, merged into
// passages that may come in any order (aggregator pages shuffle sentences).
#pragma once
#include <functional>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/passage.hpp"
#include "reuselens/refine.hpp"
#include "reuselens/sentence_align.hpp"

namespace reuselens {

struct AlignOptions {
  std::size_t seed_ngram = 3;          // tokens per seed n-gram
  std::size_t max_gap = 6;             // unmatched words bridged inside a passage (each side; a Chinese
                                       // or Thai character counts half)
  std::size_t min_matched_tokens = 8;  // a passage needs at least this many corresponding tokens
  // A copy's ends move out to the ends of the sentences it starts and ends in
  // when those are at most this many tokens away on both sides (0: never); the
  // word alignment then keeps what corresponds. After an edit near a sentence
  // end ("talk with Moscow." for "talks with Moscow.") too few words are left
  // to seed a run.
  std::size_t reach_sentence_ends = 6;
  // The same for passages found by sentence similarity, a content word
  // counted once however often it recurs (in any order: words may move).
  std::size_t min_sentence_tokens = 8;
  // ...counting the distinct content words shared in any order plus the
  // function words the word alignment pairs (true), or the larger of the
  // first count and the alignment's own (false). A restatement moves content
  // words out of the order the alignment follows, while the function words
  // around those that stay still pair: both kinds are evidence, and the
  // larger count alone drops one of them. PAN13 with align: random .9264 ->
  // .9292, translation .9369 -> .9370, summary .8135 -> .8206, no plagiarism
  // unchanged (2 detections); random and summary gain or hold in each
  // quarter of the pairs. With the news defaults (8 words) it lets a list of
  // topic terms through (PAN13 one by one: no plagiarism 15 -> 16
  // detections, overall .8262 -> .8256), so news keeps false.
  bool count_moved_and_function_words = false;
  // A passage found by sentence similarity needs this many shared words of
  // its own (0: no limit): each distinct shared word counts the share of its
  // uses near the passage (within local_words_window tokens of each side)
  // that fall inside it, so a topic word both texts use throughout counts
  // little. News pages and their sources tell one story in short texts, so
  // one word will do: the seeds' passages have 1.96 or more (2 costs 004
  // against the other four .9571 -> .8275). PAN13's pairs one by one:
  // no obfuscation .9380 -> .9444, overall .8226 -> .8258, the seeds
  // unchanged.
  double min_local_words = 1;
  // ...and a summary at least this many (0: no more than min_local_words).
  // Its wide gaps string together sentences all over the source, so the
  // words both texts use throughout can make any page on the topic look like
  // a summary of it (the seeds hold no summary to lose). PAN13's
  // pairs one by one: no obfuscation .9317 -> .9380, translation .8431 ->
  // .8465, overall .8194 -> .8226, summary and the seeds unchanged (3: .8219;
  // 6 costs summary .5953 -> .5930).
  double min_summary_local_words = 4;
  std::size_t local_words_window = 4000;
  // ...and this many distinct content words among its corresponding ones
  // (0: no limit): "By the middle of the sixth century BC, the" against
  // "...first century B.C., the" is a phrase any two histories share. PAN13
  // one by one: overall .8124 -> .8182, no-plagiarism detections 16 -> 15
  // (5 costs the seeds' short quotes; align over PAN13 is better without).
  std::size_t min_content_words = 4;
  double min_density = 0.5;            // matched tokens / tokens in the passage, each side
  std::size_t max_seed_occurrences = 64;  // an n-gram repeated more often in the source is ignored
  // Shorter passages (code points, the longer side counts) are dropped. News
  // reuse is often one sentence, so the default keeps them.
  std::size_t min_passage_chars = 0;
  // Passages this close on the page (tokens) whose source sides follow within
  // join_source_gap are joined into one (0: never): a long reworded passage
  // is often found in pieces, split where the rewording is heaviest, and a
  // reader wants it whole (so does PAN's granularity). PAN13's pairs matched
  // one by one with these defaults (`make eval-match`), this join and
  // summary_join_gap: overall .6930 -> .7978, random granularity 1.54 -> 1.30;
  // the seeds unchanged.
  std::size_t join_gap = 25;
  std::size_t join_source_gap = 100;
  // ...and whose source sides overlap by less than this share of the shorter
  // one (a page repeating a source sentence repeats all of it).
  double join_source_overlap = 0;
  // ...and when more than seed_ngram page words lie between them, at least
  // this share of those correspond to source words, and so does one content
  // word of each page sentence between them (0: no check). Between the
  // pieces of one rewording some words survive; a byline, a sentence or a
  // comment the page added has none (a draft's "My comment." typed after a
  // spun paragraph was joined into it; PAN13 one by one: .8033 without).
  double join_gap_share = 0.1;
  // ...and a verbatim passage joins only a verbatim one: news reuse is
  // reported sentence by sentence, a copied sentence apart from the reworded
  // one beside it, as each was changed differently (PAN13 one by one: .8157
  // without this rule).
  bool join_verbatim_apart = true;
  // ...and pieces in swapped order join too (an obfuscated passage may swap
  // its halves). Off for news: an aggregator that reorders a source's
  // sentences is reported sentence by sentence (PAN13 one by one: .8067 with
  // swapped pieces joined).
  bool join_swapped = false;
  // A summary whose corresponding source words spread over at least this
  // share of the source (80% of them in a window this wide) condenses the
  // whole text: its source side becomes the whole source (a reader wants "this
  // paragraph summarizes that article", not the stretch between the first and
  // last sentence it happens to echo).
  double summary_document_share = 0.2;
  double summary_document_ratio = 0.3;  // and the page side is at most this share of the source
  std::size_t summary_document_words = 300;  // and the source is an article, not a paragraph
  // When the page takes one reworded passage from the source, the pair is
  // aligned again with this bar on the similarity of whole sentence passages
  // (SentenceAlignOptions::min_validation; 0: never), and a summary of the
  // whole source found around the passage replaces it. A summary's sentences
  // each condense a stretch of the source, so it resembles the source as a
  // whole less than a restatement does; the passage already found vouches
  // that the page reuses the source at all. PAN13: summary .7914 -> .8048,
  // the other sets unchanged (0.15 to 0.25 alike, 0.3: .8020); align over
  // its pairs 3.48 s -> 3.71 s (the copies are found once).
  double lone_summary_validation = 0;
  // Passages within this many page tokens of each other are judged together
  // as one summary (0: each alone). Only passages that are all the page
  // takes from the source, mostly rewritten and spread over it, with no
  // sentence of the page's own between them, become one
  // (summaries_of_whole_source): a news page stitching sentences from all
  // over an article copies most of them. PAN13's pairs matched one by one,
  // with the joins: summary .3120 -> .5766, the seeds unchanged.
  std::size_t summary_join_gap = 30;
  // A passage's source side is widened to the sentences it starts and ends
  // in when that adds at most this many words at an end (0: never). PAN's
  // cases are whole sentences on both sides.
  std::size_t snap_source_words = 0;
  // A passage's source side takes in a neighbouring segment (line, sentence;
  // up to 6 on each side) when the page words left unaligned, and absent from
  // the source side, are at least this share of its content words, and two or
  // more (0: never). A shuffled case moves pieces of its source past the
  // part that a monotone alignment follows. PAN13: random .9244 -> .9264,
  // translation .9348 -> .9352 (0.2 to 0.4 alike; 0.3 raises random in all
  // four quarters of the pairs).
  double moved_segment_share = 0;
  // A sentence passage that no dense copy overlaps drops the segments (lines,
  // sentences) at its ends in which fewer than this share of the content
  // words, or none, occur on the other side (0: never). PAN pastes a case
  // into its host page mid-line or after a line without a full stop, so a
  // whole-sentence unit may take in host text. News passages are trimmed
  // word by word instead (RefineOptions::trim_edges).
  double edge_segment_share = 0;
  // A sentence passage takes in the page sentence before it and the source
  // sentence before it (its part in the line), then those after it, up to 3
  // at each end, while at least this share of the page sentence's content
  // words, and two or more, occur in the source's (0: never; also off with
  // sentences_around_copies, where a copy ends a sentence passage). Obfuscation
  // cuts a case's first or last sentence down to a few words, too few to be
  // found as similar sentences; a page sentence of over 50 words or a source
  // one of over 200 is not taken in. PAN13: random .9317 -> .9335,
  // translation .9410 -> .9424, summary .8205 -> .8212, in all four quarters
  // but one of translation (0.4 alike; 0.3: a third no-plagiarism detection).
  double related_neighbour_share = 0;
  // Passages whose page side has more than this many times the tokens of
  // their source side are dropped (0: never). PAN's cases never do (at most
  // 1.25 times); news pages may quote a source in a longer sentence.
  double max_page_to_source = 0;
  // Sentence-level seeds (paraphrase, spun, summary); off: n-grams only.
  bool sentences = true;
  // Sentences that dense copies explain seed nothing and end sentence-level
  // passages, so a copied sentence inside a paraphrase is reported on its own
  // (news). Off: a paraphrase takes in the copies inside it (PAN's cases
  // keep some sentences nearly intact), and an edited or spun copy that wins
  // the overlap with the sentence passage around it takes its extent.
  bool sentences_around_copies = true;
  // A pair with a verbatim copy drops its passages found by sentence
  // similarity (copy_pairs.hpp): PAN builds each pair with one obfuscation,
  // so sentences that only resemble the source beside a copy are its topic.
  // Off for news: a page may quote one paragraph and reword the next.
  bool copy_pairs_copy_only = false;
  SentenceAlignOptions sentence;
  RefineOptions refine;

  // Tuned for PAN-style corpora (reuse inserted as passages of 200+ characters,
  // documents on one topic that share short phrases the truth ignores).
  static AlignOptions pan() {
    AlignOptions o;
    // Below PAN's shortest cases: shorter passages are same-topic phrases or
    // fragments that would split a case.
    o.min_passage_chars = 200;
    o.min_content_words = 0;  // random .9264 -> .9260 with 4: the 200 characters suffice
    // Unrelated documents on one topic have similar sentences: ask for more
    // (of a sentence passage: distinct content words shared).
    o.min_sentence_tokens = 14;
    o.count_moved_and_function_words = true;
    // ...and three of them its own, not the topic's.
    o.min_local_words = 3;
    o.min_summary_local_words = 0;  // 4: random .9264 -> .9256, the rest unchanged
    o.refine.trim_edges = false;
    o.refine.edge_window = 0;
    // Untrimmed, a reached sentence end takes in host text: none .9978 ->
    // .9958, summary .8048 -> .7993.
    o.reach_sentence_ends = 0;
    o.join_gap = 25;
    o.summary_join_gap = 30;
    // A case is one passage whatever lies between its pieces.
    o.join_gap_share = 0;
    o.join_verbatim_apart = false;
    o.join_swapped = true;
    o.snap_source_words = 20;
    o.moved_segment_share = 0.3;
    o.max_page_to_source = 2.5;
    o.edge_segment_share = 0.25;
    o.related_neighbour_share = 0.5;
    o.join_source_overlap = 0.5;
    o.sentences_around_copies = false;
    o.copy_pairs_copy_only = true;
    // Weak pairs in runs find the heavily reworded passages; a higher bar for
    // a pair alone keeps same-topic sentences out.
    o.sentence.min_cosine = o.sentence.min_dice = 0.4;
    o.sentence.min_weak_cosine = o.sentence.min_weak_dice = 0.25;
    o.lone_summary_validation = 0.25;
    return o;
  }
};

// Passages of `page` that reuse `source`, in page order, not overlapping on the
// page. Passage::source is left at 0. Two kinds of seeds, merged where they
// meet: runs of shared word n-grams (verbatim and edited copies) and similar
// sentences (spun, paraphrased, summarized); each passage is then aligned word
// by word (refine.hpp).
std::vector<Passage> align(const Document& page, const Document& source, const AlignOptions& options = {});

// Sets a passage's byte offsets from its token ranges: whole words, the end
// widened over punctuation that both texts share (a closing period or quote).
void finalize_passage(Passage& passage, const Document& page, const Document& source);

// True when a passage is long and dense enough to report.
bool passes_thresholds(const Passage& passage, const Document& page, const Document& source,
                       const AlignOptions& options);

// Resolves overlaps on the page: the passage with more corresponding tokens
// keeps the overlap; the other keeps what is left of its alignment, split where
// needed, and is dropped when that is too little. Returns passages in page order.
//
// kOneSource: passages of one source, the same reuse seen whole and in parts;
// the densest wins. kAcrossSources: each source's passages already resolved
// (match), so an overlap asks which source the page reuses there; words the
// page moved count as corresponding too (moves.hpp), so a restated sentence
// does not lose to the piece of it that another source words in order.
enum class OverlapScope { kOneSource, kAcrossSources };
using SourceLookup = std::function<const Document&(std::uint32_t source)>;
std::vector<Passage> resolve_overlaps(std::vector<Passage> passages, const Document& page,
                                      const SourceLookup& source_of, const AlignOptions& options,
                                      OverlapScope scope);

}  // namespace reuselens
