#include "reuselens/align.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <set>
#include <tuple>
#include <utility>

#include "reuselens/anchor_chain.hpp"
#include "reuselens/copy_pairs.hpp"
#include "reuselens/fingerprint.hpp"
#include "reuselens/normalize.hpp"
#include "reuselens/quotes.hpp"
#include "passage_edges.hpp"

namespace reuselens {

namespace {

struct Seed {
  std::uint32_t page;
  std::uint32_t source;
};

// Positions where the page and the source share an n-gram. N-grams made only
// of stop words, and n-grams repeated too often in the source, seed nothing.
std::vector<Seed> find_seeds(const Document& page, const Document& source, const AlignOptions& options) {
  const std::size_t n = options.seed_ngram;
  const auto source_hashes = ngram_hashes(source.tokens(), n);
  const auto page_hashes = ngram_hashes(page.tokens(), n);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
  index.reserve(source_hashes.size());
  for (std::size_t j = 0; j < source_hashes.size(); ++j)
    if (!ngram_all_stopwords(source.tokens(), j, n)) index.emplace_back(source_hashes[j], static_cast<std::uint32_t>(j));
  std::sort(index.begin(), index.end());

  std::vector<Seed> seeds;
  for (std::size_t i = 0; i < page_hashes.size(); ++i) {
    const auto range = std::equal_range(index.begin(), index.end(), std::make_pair(page_hashes[i], std::uint32_t{0}),
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto count = static_cast<std::size_t>(range.second - range.first);
    if (count == 0 || count > options.max_seed_occurrences) continue;
    if (ngram_all_stopwords(page.tokens(), i, n)) continue;
    for (auto it = range.first; it != range.second; ++it) seeds.push_back({static_cast<std::uint32_t>(i), it->second});
  }
  return seeds;
}

// Seeds on one diagonal that touch or overlap become one run, which is then
// widened while the tokens on both sides stay equal.
std::vector<Run> seeds_to_runs(std::vector<Seed> seeds, const Document& page, const Document& source, std::size_t n) {
  auto diagonal = [](const Seed& s) { return static_cast<std::int64_t>(s.page) - static_cast<std::int64_t>(s.source); };
  std::sort(seeds.begin(), seeds.end(), [&](const Seed& a, const Seed& b) {
    const auto da = diagonal(a), db = diagonal(b);
    return da != db ? da < db : a.page < b.page;
  });
  const auto& pt = page.tokens();
  const auto& st = source.tokens();
  std::vector<Run> runs;
  for (std::size_t i = 0; i < seeds.size();) {
    std::size_t j = i;
    std::uint32_t end = seeds[i].page + static_cast<std::uint32_t>(n);
    while (j + 1 < seeds.size() && diagonal(seeds[j + 1]) == diagonal(seeds[i]) && seeds[j + 1].page <= end) {
      ++j;
      end = std::max(end, seeds[j].page + static_cast<std::uint32_t>(n));
    }
    Run run{seeds[i].page, seeds[i].source, end - seeds[i].page};
    while (run.page > 0 && run.source > 0 && pt[run.page - 1].key == st[run.source - 1].key) {
      --run.page;
      --run.source;
      ++run.length;
    }
    while (run.page + run.length < pt.size() && run.source + run.length < st.size() &&
           pt[run.page + run.length].key == st[run.source + run.length].key)
      ++run.length;
    // Widening can make a run reach the next one on its diagonal: merge them.
    if (!runs.empty() && diagonal({run.page, run.source}) == diagonal({runs.back().page, runs.back().source}) &&
        run.page <= runs.back().page + runs.back().length) {
      Run& prev = runs.back();
      prev.length = std::max(prev.page + prev.length, run.page + run.length) - prev.page;
    } else {
      runs.push_back(run);
    }
    i = j + 1;
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    // longest first; a total order, so the WASM build's sort agrees
    if (a.page != b.page) return a.page < b.page;
    return a.length != b.length ? a.length > b.length : a.source < b.source;
  });
  return runs;
}

struct Chain {
  std::vector<Run> runs;
  std::uint32_t page_end = 0;
  std::uint32_t source_end = 0;
  std::uint32_t matched = 0;
  std::uint32_t id = 0;  // chain_runs's handle, stable while the chain moves in its list
};

// Is the gap of tokens [from, from + gap) within `limit` words? A character
// of a script written without spaces (Chinese, Thai) is about half a word, so
// an edit there may span up to twice as many tokens.
bool gap_within(const std::vector<Token>& tokens, std::int64_t from, std::int64_t gap, std::int64_t limit) {
  if (gap <= limit) return true;
  if (gap > 2 * limit) return false;
  std::int64_t half_words = 0;
  for (std::int64_t i = from; i < from + gap; ++i)
    half_words += (tokens[static_cast<std::size_t>(i)].flags & kTokenIdeograph) ? 1 : 2;
  return half_words <= 2 * limit;
}

// Groups runs into passages: a run joins the open chain it continues on both
// sides within `max_gap` words. Runs that continue no chain start one, so
// passages may come in any order of the source (shuffled aggregator pages).
// Chains too short to be a passage (min_matched_tokens) are dropped as they
// close: text that repeats a few words on both sides makes millions of them.
std::vector<Chain> chain_runs(const std::vector<Run>& runs, const Document& page, const Document& source,
                              const AlignOptions& options) {
  const auto gap_limit = static_cast<std::int64_t>(options.max_gap);
  // Equal gaps on both sides are words replaced one for one (a spinner's
  // swaps): bridged up to twice as far.
  const std::int64_t swap_limit = 2 * gap_limit;
  const std::int64_t overlap_limit = static_cast<std::int64_t>(options.seed_ngram);
  std::vector<Chain> open, done;
  // Only chains whose source side ends near a run's start can take it, so
  // the open chains are also kept by source end: a page and source that
  // repeat a few words throughout (word salad) keep hundreds of chains open,
  // and scanning them all for each of millions of runs took most of the time.
  std::set<std::pair<std::uint32_t, std::uint32_t>> by_source_end;  // (source_end, id)
  std::vector<std::uint32_t> position;                               // in `open`, by id
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const Run& run = runs[r];
    // Chains that no later run can continue are done (runs are in page
    // order: none is done for a run that starts where the previous one did).
    if (r == 0 || runs[r - 1].page != run.page)
      for (std::size_t c = 0; c < open.size();) {
        if (static_cast<std::int64_t>(open[c].page_end) + swap_limit < static_cast<std::int64_t>(run.page)) {
          by_source_end.erase({open[c].source_end, open[c].id});
          if (open[c].matched >= options.min_matched_tokens) done.push_back(std::move(open[c]));
          open[c] = std::move(open.back());
          position[open[c].id] = static_cast<std::uint32_t>(c);
          open.pop_back();
        } else {
          ++c;
        }
      }
    // The chain with the least gap, then the most matched words, then the
    // first in `open`. A gap on the source side is at least -overlap_limit
    // and at most swap_limit (gap_within allows twice gap_limit).
    Chain* best = nullptr;
    std::int64_t best_cost = 0;
    const auto lowest_end = std::max<std::int64_t>(0, static_cast<std::int64_t>(run.source) - swap_limit);
    const auto highest_end = static_cast<std::int64_t>(run.source) + overlap_limit;
    for (auto it = by_source_end.lower_bound({static_cast<std::uint32_t>(lowest_end), 0});
         it != by_source_end.end() && static_cast<std::int64_t>(it->first) <= highest_end; ++it) {
      Chain& chain = open[position[it->second]];
      const std::int64_t gap_page = static_cast<std::int64_t>(run.page) - chain.page_end;
      const std::int64_t gap_source = static_cast<std::int64_t>(run.source) - chain.source_end;
      const bool swapped = gap_page == gap_source && gap_page <= swap_limit;
      if (gap_page < -overlap_limit || gap_source < -overlap_limit) continue;
      // (The source side first: open chains are near on the page, not there.)
      if (!swapped && !(gap_within(source.tokens(), chain.source_end, gap_source, gap_limit) &&
                        gap_within(page.tokens(), chain.page_end, gap_page, gap_limit)))
        continue;
      // The run must reach past the chain's end on both sides after trimming.
      const std::int64_t cut = std::max<std::int64_t>({0, -gap_page, -gap_source});
      if (cut >= run.length) continue;
      const std::int64_t cost = std::max<std::int64_t>(gap_page, 0) + std::max<std::int64_t>(gap_source, 0);
      if (!best || cost < best_cost ||
          (cost == best_cost && (chain.matched > best->matched ||
                                 (chain.matched == best->matched && position[chain.id] < position[best->id])))) {
        best = &chain;
        best_cost = cost;
      }
    }
    if (best) {
      const auto cut = static_cast<std::uint32_t>(std::max<std::int64_t>(
          {0, static_cast<std::int64_t>(best->page_end) - run.page, static_cast<std::int64_t>(best->source_end) - run.source}));
      Run trimmed{run.page + cut, run.source + cut, run.length - cut};
      best->runs.push_back(trimmed);
      best->page_end = trimmed.page + trimmed.length;
      by_source_end.erase({best->source_end, best->id});
      best->source_end = trimmed.source + trimmed.length;
      by_source_end.insert({best->source_end, best->id});
      best->matched += trimmed.length;
    } else {
      Chain chain;
      chain.runs.push_back(run);
      chain.page_end = run.page + run.length;
      chain.source_end = run.source + run.length;
      chain.matched = run.length;
      chain.id = static_cast<std::uint32_t>(position.size());
      position.push_back(static_cast<std::uint32_t>(open.size()));
      by_source_end.insert({chain.source_end, chain.id});
      open.push_back(std::move(chain));
    }
  }
  for (Chain& chain : open)
    if (chain.matched >= options.min_matched_tokens) done.push_back(std::move(chain));
  return done;
}

// The byte offset of the code point that ends at `pos` (> 0) in valid UTF-8.
std::size_t previous_codepoint(const std::string& text, std::size_t pos) {
  do --pos;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

// `pos` is the start of the text or follows a space or line break.
bool opens_text(const std::string& text, std::size_t pos) {
  if (pos == 0) return true;
  std::size_t at = previous_codepoint(text, pos);
  const char32_t cp = unify_punctuation(decode_utf8(text, at));
  return cp == U' ' || cp == U'\n' || cp == U'\t' || cp == U'\r';
}

// Whether the text between the words of tokens [first, last), or after the
// last one up to `end`, holds `closer`. Inside a word a quote is an apostrophe.
bool closes_between_words(const std::string& text, const std::vector<Token>& tokens, std::uint32_t first,
                          std::uint32_t last, std::size_t end, char32_t closer) {
  for (std::uint32_t k = first; k < last; ++k) {
    const std::size_t gap_end = k + 1 < last ? tokens[k + 1].begin : end;
    for (std::size_t at = tokens[k].end; at < gap_end;)
      if (unify_punctuation(decode_utf8(text, at)) == closer) return true;
  }
  return false;
}

bool is_shared_punctuation(char32_t cp) {
  // Sentence punctuation and quotes, not letters, digits or spaces.
  switch (unify_punctuation(cp)) {
    case U'.': case U',': case U';': case U':': case U'!': case U'?': case U'"': case U'\'': case U')': case U'(':
    case 0x2026:
    // CJK full stop, comma and enumeration comma, fullwidth ! , : ; ?
    case 0x3002: case 0x3001: case 0xFF01: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:
    // Indic dandas, Arabic comma, semicolon and question mark, Urdu full stop
    case 0x0964: case 0x0965: case 0x060C: case 0x061B: case 0x061F: case 0x06D4:
      return true;
    default:
      return false;
  }
}

// A region where the page reuses the source, before word alignment: token
// ranges (half open) and the exact runs inside them.
struct Candidate {
  std::uint32_t page_first, page_last, source_first, source_last;
  std::vector<Run> anchors;
  bool from_sentences = false;
};

bool overlap(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) { return a0 < b1 && b0 < a1; }

}  // namespace

void finalize_passage(Passage& p, const Document& page, const Document& source) {
  const auto& pt = page.tokens();
  const auto& st = source.tokens();
  p.page_begin = pt[p.page_first_token].begin;
  p.page_end = pt[p.page_last_token - 1].end;
  p.source_begin = st[p.source_first_token].begin;
  p.source_end = st[p.source_last_token - 1].end;

  // Widen the end over punctuation both texts share right after the last word.
  const std::string& ptext = page.text();
  const std::string& stext = source.text();
  std::size_t pe = p.page_end, se = p.source_end;
  std::u32string closed;  // the quotes and brackets that widening took in
  while (pe < ptext.size() && se < stext.size()) {
    std::size_t pn = pe, sn = se;
    const char32_t a = decode_utf8(ptext, pn), b = decode_utf8(stext, sn);
    if (!is_shared_punctuation(a) || unify_punctuation(a) != unify_punctuation(b)) break;
    closed += unify_punctuation(a);
    pe = pn;
    se = sn;
  }
  p.page_end = static_cast<std::uint32_t>(pe);
  p.source_end = static_cast<std::uint32_t>(se);

  // Widen the start over the opening quotes and brackets both texts put right
  // before the first word, when both close them: at the end, as widened, or
  // inside ("“He noted ... time”, he said."). A quotation both texts share
  // whole is highlighted with its marks. Only marks after a space or the start
  // open: one glued to a word before it closes that word.
  const auto closes = [&](char32_t closer) {
    return closed.find(closer) != std::u32string::npos ||
           (closes_between_words(ptext, pt, p.page_first_token, p.page_last_token, pe, closer) &&
            closes_between_words(stext, st, p.source_first_token, p.source_last_token, se, closer));
  };
  std::size_t pb = p.page_begin, sb = p.source_begin;
  while (pb > 0 && sb > 0) {
    const std::size_t pp = previous_codepoint(ptext, pb), sp = previous_codepoint(stext, sb);
    std::size_t pn = pp, sn = sp;
    const char32_t a = unify_punctuation(decode_utf8(ptext, pn)), b = unify_punctuation(decode_utf8(stext, sn));
    if (a != b || !(a == U'"' || a == U'\'' || a == U'(') || !closes(a == U'(' ? U')' : a)) break;
    pb = pp;
    sb = sp;
  }
  if (opens_text(ptext, pb) && opens_text(stext, sb)) {
    p.page_begin = static_cast<std::uint32_t>(pb);
    p.source_begin = static_cast<std::uint32_t>(sb);
  }
}

namespace {

// A word-for-word copy with few edits: matched tokens make up most of both sides.
bool is_dense_copy(const Passage& p) {
  const std::uint32_t longer =
      std::max(p.page_last_token - p.page_first_token, p.source_last_token - p.source_first_token);
  return p.matched_tokens >= 0.8 * longer;
}

// True when a page sentence lying wholly in page tokens [from, to) has no
// content word that `alignment` pairs with a source word: a sentence of the
// page's own ("A line of my own.", whose function words may well occur in
// the source) between two pieces of reuse.
bool has_own_sentence(const Document& page, const std::vector<AlignmentStep>& alignment, std::uint32_t from,
                      std::uint32_t to) {
  if (to <= from) return false;
  std::vector<bool> content(to - from, false);
  for (const AlignmentStep& step : alignment)
    if (step.page >= from && step.page < to && corresponds(step.type))
      content[step.page - from] = !(page.tokens()[step.page].flags & kTokenStopword);
  const std::vector<Sentence>& sentences = page.tokenized().sentences;
  auto s = std::lower_bound(sentences.begin(), sentences.end(), from,
                            [](const Sentence& x, std::uint32_t t) { return x.first < t; });
  for (; s != sentences.end() && s->last <= to; ++s)
    if (std::none_of(content.begin() + (s->first - from), content.begin() + (s->last - from), [](bool b) { return b; }))
      return true;
  return false;
}

// The narrowest window holding 80% of the positions.
std::uint32_t core_spread(std::vector<std::uint32_t> positions) {
  if (positions.empty()) return 0;
  std::sort(positions.begin(), positions.end());
  const std::size_t k = (positions.size() * 4 + 4) / 5;  // ceil(0.8 n)
  std::uint32_t best = positions.back() - positions.front() + 1;
  for (std::size_t i = 0; i + k <= positions.size(); ++i)
    best = std::min(best, positions[i + k - 1] - positions[i] + 1);
  return best;
}

// A sentence candidate without the segments at its ends that the other side
// hardly shares (AlignOptions::edge_segment_share): first the page side,
// then the source side against what is left of the page.
void drop_unrelated_edges(Candidate& c, const Document& page, const Document& source, double share) {
  std::tie(c.page_first, c.page_last) =
      related_part(page, c.page_first, c.page_last, source, c.source_first, c.source_last, share);
  std::tie(c.source_first, c.source_last) =
      related_part(source, c.source_first, c.source_last, page, c.page_first, c.page_last, share);
  c.anchors.erase(std::remove_if(c.anchors.begin(), c.anchors.end(),
                                 [&](const Run& r) {
                                   return r.page < c.page_first || r.page + r.length > c.page_last ||
                                          r.source < c.source_first || r.source + r.length > c.source_last;
                                 }),
                  c.anchors.end());
}

// Pieces that fill a page stretch with sentences taken from the source out of
// its order, none condensing a stretch itself, are an aggregator's stitching,
// reported sentence by sentence, when they are two, or all copies (verbatim
// or edited) however many. The seed 001 against 004 was one "summary" of all
// 004, its copied sentence included; so were three sentences of 001 reordered
// with small edits. PAN13's summaries that swap pieces have one that is a
// summary itself, a paraphrase among three or more, or rewritten text
// between copies (its results are unchanged).
bool stitched_sentences(const std::vector<Passage>& joined, std::size_t first, std::size_t last) {
  bool swapped = false, copies = true;
  std::uint32_t inside = 0;
  for (std::size_t i = first; i < last; ++i) {
    const Passage& p = joined[i];
    if (p.kind == PassageKind::kSummary) return false;
    swapped = swapped || (i > first && p.source_first_token < joined[i - 1].source_first_token);
    copies = copies && (p.kind == PassageKind::kVerbatim || p.kind == PassageKind::kEdited);
    inside += p.page_last_token - p.page_first_token;
  }
  const std::uint32_t stretch = joined[last - 1].page_last_token - joined[first].page_first_token;
  return swapped && (last - first == 2 || copies) && inside >= 0.9 * stretch;
}

// Passages close together on the page whose source sides spread over much of a
// far longer source are one summary of it (its pieces may look copied, spun or
// paraphrased): one passage with the whole source as its source side. Only
// when they are all the page takes from the source: a page that reuses it
// elsewhere too reuses it piece by piece, and crediting one group with the
// whole source would claim the other pieces' source sides twice (PAN13:
// random .9264 -> .9266, translation .9352 -> .9358, summary unchanged).
using RefineCandidate = std::function<bool(Candidate, Passage&)>;
std::vector<Passage> summaries_of_whole_source(std::vector<Passage> joined, const Document& page,
                                               const Document& source, const AlignOptions& options,
                                               const RefineCandidate& refine) {
  const auto source_words = static_cast<std::uint32_t>(source.tokens().size());
  std::vector<Passage> scoped;
  for (std::size_t first = 0; first < joined.size();) {
    std::size_t last = first + 1;
    std::uint32_t source_first = joined[first].source_first_token, source_last = joined[first].source_last_token;
    while (options.summary_join_gap > 0 && last < joined.size() &&
           joined[last].page_first_token <= joined[last - 1].page_last_token + options.summary_join_gap) {
      source_first = std::min(source_first, joined[last].source_first_token);
      source_last = std::max(source_last, joined[last].source_last_token);
      ++last;
    }
    const std::uint32_t page_span = joined[last - 1].page_last_token - joined[first].page_first_token;
    // Verbatim copies side by side are copies (PAN pastes cases next to each
    // other): a summary is mostly rewritten.
    std::uint32_t copied_words = 0;
    for (std::size_t i = first; i < last; ++i)
      if (joined[i].kind == PassageKind::kVerbatim)
        copied_words += joined[i].page_last_token - joined[i].page_first_token;
    // How far the corresponding source words spread: a few stray matches far
    // away do not make a passage with a compact source a summary.
    std::vector<std::uint32_t> matched_in_source;
    for (std::size_t i = first; i < last; ++i)
      for (const AlignmentStep& step : joined[i].alignment)
        if (corresponds(step.type) && step.source != AlignmentStep::kNoToken) matched_in_source.push_back(step.source);
    Passage whole;
    bool summary = last - first == joined.size() && !stitched_sentences(joined, first, last) &&
                   source_words >= options.summary_document_words && copied_words < 0.5 * page_span &&
                   core_spread(std::move(matched_in_source)) >= options.summary_document_share * source_words &&
                   page_span < options.summary_document_ratio * source_words;
    if (summary) {
      Candidate c{joined[first].page_first_token, joined[last - 1].page_last_token, source_first, source_last, {},
                  true};
      for (std::size_t i = first; i < last; ++i)
        c.anchors.insert(c.anchors.end(), joined[i].runs.begin(), joined[i].runs.end());
      summary = refine(std::move(c), whole) && whole.kind == PassageKind::kSummary;
      for (std::size_t i = first; summary && i + 1 < last; ++i)
        summary = !has_own_sentence(page, whole.alignment, joined[i].page_last_token, joined[i + 1].page_first_token);
    }
    if (summary) {
      widen_source(whole, 0, source_words);
      finalize_passage(whole, page, source);
      scoped.push_back(std::move(whole));
    } else {
      for (std::size_t i = first; i < last; ++i) scoped.push_back(std::move(joined[i]));
    }
    first = last;
  }
  return scoped;
}

// Adds the runs that lie inside the candidate on both sides to its anchors.
// `runs` are in page order (seeds_to_runs): only those starting inside the
// candidate's page range are looked at.
void add_anchors_inside(Candidate& c, const std::vector<Run>& runs) {
  auto r = std::lower_bound(runs.begin(), runs.end(), c.page_first,
                            [](const Run& run, std::uint32_t page) { return run.page < page; });
  for (; r != runs.end() && r->page < c.page_last; ++r)
    if (r->page + r->length <= c.page_last && r->source >= c.source_first && r->source + r->length <= c.source_last)
      c.anchors.push_back(*r);
}

// A copy that won the overlap with the passing sentence passage around it
// (fewer words, each a better match) is still only part of that restatement:
// its other sentences moved, or were reworded past any shared n-gram. The
// copy takes the sentence passage's extent when the whole passes and
// overlaps no other passage. Verbatim copies stay as they are: a sentence
// passage around them is its neighbours' likeness to the source.
void take_copies_into_sentences(std::vector<Passage>& passages, const std::vector<Candidate>& sentence_spans,
                                const std::vector<Run>& runs, const RefineCandidate& refine) {
  for (std::size_t i = 0; i < passages.size(); ++i) {
    Passage& copy = passages[i];
    if (copy.kind == PassageKind::kVerbatim || copy.sentence_seeded) continue;
    for (const Candidate& span : sentence_spans) {
      if (!overlap(span.page_first, span.page_last, copy.page_first_token, copy.page_last_token) ||
          !overlap(span.source_first, span.source_last, copy.source_first_token, copy.source_last_token))
        continue;
      Candidate whole{std::min(span.page_first, copy.page_first_token), std::max(span.page_last, copy.page_last_token),
                      std::min(span.source_first, copy.source_first_token),
                      std::max(span.source_last, copy.source_last_token), {}, true};
      if (whole.page_first == copy.page_first_token && whole.page_last == copy.page_last_token) continue;
      // The room between the neighbours, which refining (a related
      // neighbouring sentence taken in) must not leave either.
      const std::uint32_t room_first = i > 0 ? passages[i - 1].page_last_token : 0;
      const std::uint32_t room_last =
          i + 1 < passages.size() ? passages[i + 1].page_first_token : std::numeric_limits<std::uint32_t>::max();
      if (whole.page_first < room_first || whole.page_last > room_last) continue;
      add_anchors_inside(whole, runs);
      Passage widened;
      if (refine(std::move(whole), widened) && widened.page_first_token >= room_first &&
          widened.page_last_token <= room_last) {
        copy = std::move(widened);
        break;
      }
    }
  }
}

// Aligns a candidate word by word and shapes its ends; true when the passage
// passes. `copied`: page ranges of the dense copies found so far.
bool refine_candidate(Candidate c, Passage& p, const Document& page, const Document& source,
                      const AlignOptions& options, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& copied) {
  // Where a dense copy overlaps the candidate, the copy's runs fix the
  // ends (overlap resolution, then joins): only likeness alone is trimmed.
  if (c.from_sentences && options.edge_segment_share > 0 &&
      std::none_of(copied.begin(), copied.end(),
                   [&](const auto& r) { return overlap(r.first, r.second, c.page_first, c.page_last); }))
    drop_unrelated_edges(c, page, source, options.edge_segment_share);
  // A case's first and last sentences, cut down too far to be found as
  // similar sentences, still correspond to the source's next to it. (Where
  // copies end sentence passages, a copy next to it is not taken in.)
  if (c.from_sentences && options.related_neighbour_share > 0 && !options.sentences_around_copies)
    take_in_related_neighbours(page, c.page_first, c.page_last, source, c.source_first, c.source_last,
                               options.related_neighbour_share, 3);
  if (!refine_passage(p, page, c.page_first, c.page_last, source, c.source_first, c.source_last,
                      heaviest_monotone_chain(std::move(c.anchors)), options.refine))
    return false;
  if (options.refine.trim_edges && !drop_lone_edge_segments(p, page, options.refine)) return false;
  p.sentence_seeded = c.from_sentences;
  // Edge words of similar sentences that the word alignment left out are
  // still part of the restatement when they moved within it.
  if (c.from_sentences && options.refine.trim_edges) {
    // Searched for in the whole similar source sentences, which the word
    // alignment may have trimmed to the part it could follow in order.
    widen_over_moved_words(p, page, source, c.page_first, c.page_last, c.source_first, c.source_last);
    // The score and kind follow from the steps, the moved words among them.
    score_alignment(p, options.refine);
  }
  // Similar sentences were matched as wholes; a monotone word alignment
  // covers only part of them when their words moved.
  if (c.from_sentences && !options.refine.trim_edges)
    widen_source(p, std::min(p.source_first_token, c.source_first), std::max(p.source_last_token, c.source_last));
  if (!is_dense_copy(p)) {  // a copy's ends are exact already
    if (options.moved_segment_share > 0)
      widen_source_over_moved_segments(p, page, source, options.moved_segment_share, 6);
    if (options.snap_source_words > 0) snap_source_to_sentences(p, source, options.snap_source_words);
  }
  finalize_passage(p, page, source);
  return passes_thresholds(p, page, source, options);
}

// Widens a copy to the ends of the sentences it starts and ends in, each end
// when the sentence's end is at most `limit` tokens away on both sides.
void reach_sentence_ends(Candidate& c, const Document& page, const Document& source, std::uint32_t limit) {
  const Sentence page_head = sentence_at(page, c.page_first), source_head = sentence_at(source, c.source_first);
  if (c.page_first - page_head.first <= limit && c.source_first - source_head.first <= limit) {
    c.page_first = page_head.first;
    c.source_first = source_head.first;
  }
  const Sentence page_tail = sentence_at(page, c.page_last - 1), source_tail = sentence_at(source, c.source_last - 1);
  if (page_tail.last - c.page_last <= limit && source_tail.last - c.source_last <= limit) {
    c.page_last = page_tail.last;
    c.source_last = source_tail.last;
  }
}

// Step 1's results. They do not depend on the sentence options, so a second
// pass with other ones reuses them.
struct Copies {
  std::vector<Run> runs;                   // all shared n-gram runs
  std::vector<Passage> dense;              // dense copies
  std::vector<std::pair<std::uint32_t, std::uint32_t>> copied;  // their page ranges
  std::vector<Candidate> loose;            // chains that are not dense copies
  std::vector<Passage> loose_passages;     // their passages, when they pass
  std::vector<Candidate> fragments;        // chains that do not pass alone
};

// 1. Copies: chains of shared n-gram runs.
Copies find_copies(const Document& page, const Document& source, const AlignOptions& options) {
  Copies k;
  if (page.tokens().size() < options.seed_ngram || source.tokens().size() < options.seed_ngram) return k;
  k.runs = seeds_to_runs(find_seeds(page, source, options), page, source, options.seed_ngram);
  for (Chain& chain : chain_runs(k.runs, page, source, options)) {
    Candidate c{chain.runs.front().page, chain.page_end, chain.runs.front().source, chain.source_end, {}, false};
    for (const Run& r : chain.runs) c.source_first = std::min(c.source_first, r.source);
    c.anchors = std::move(chain.runs);
    if (options.reach_sentence_ends > 0)
      reach_sentence_ends(c, page, source, static_cast<std::uint32_t>(options.reach_sentence_ends));
    Passage p;
    const bool passes = refine_candidate(c, p, page, source, options, k.copied);
    if (passes && is_dense_copy(p)) {
      if (widen_over_adjacent_synonyms(p, page, source)) {
        summarize_alignment(p, options.refine, &page);
        finalize_passage(p, page, source);
      }
      k.copied.emplace_back(p.page_first_token, p.page_last_token);
      k.dense.push_back(std::move(p));
    } else {
      if (!passes) k.fragments.push_back(c);
      k.loose.push_back(std::move(c));
      k.loose_passages.push_back(passes ? std::move(p) : Passage{});
    }
  }
  return k;
}

// Steps 2 to 5 below, after the copies.
std::vector<Passage> align_after_copies(const Document& page, const Document& source, const AlignOptions& options,
                                        const Copies& copies) {
  const auto& copied = copies.copied;
  const auto& loose = copies.loose;
  const auto& fragments = copies.fragments;
  const auto& all_runs = copies.runs;
  auto refine = [&](Candidate c, Passage& p) { return refine_candidate(std::move(c), p, page, source, options, copied); };
  std::vector<Passage> passages = copies.dense;
  std::vector<Candidate> sentence_spans;  // sentence passages that passed

  // 2. Similar sentences, where no dense copy already explains the page. A
  // sentence candidate absorbs the looser chains it overlaps (the exact
  // fragments of a paraphrase).
  std::vector<bool> absorbed(loose.size(), false);
  if (options.sentences) {
    const auto explained = options.sentences_around_copies ? copied : decltype(copied){};
    for (const SentenceMatch& m : align_sentences(page, source, options.sentence, explained)) {
      Candidate c{m.page_first, m.page_last, m.source_first, m.source_last, {}, true};
      for (std::size_t j = 0; j < loose.size(); ++j) {
        const Candidate& l = loose[j];
        if (absorbed[j] || !overlap(c.page_first, c.page_last, l.page_first, l.page_last) ||
            !overlap(c.source_first, c.source_last, l.source_first, l.source_last))
          continue;
        c.page_first = std::min(c.page_first, l.page_first);
        c.page_last = std::max(c.page_last, l.page_last);
        c.source_first = std::min(c.source_first, l.source_first);
        c.source_last = std::max(c.source_last, l.source_last);
        absorbed[j] = true;
      }
      add_anchors_inside(c, all_runs);
      Passage p;
      if (!refine(std::move(c), p)) continue;
      sentence_spans.push_back({p.page_first_token, p.page_last_token, p.source_first_token, p.source_last_token, {}, true});
      passages.push_back(std::move(p));
    }
  }
  for (std::size_t j = 0; j < loose.size(); ++j)
    if (!absorbed[j] && !copies.loose_passages[j].alignment.empty()) passages.push_back(copies.loose_passages[j]);
  passages = resolve_overlaps(std::move(passages), page, [&](std::uint32_t) -> const Document& { return source; },
                              options, OverlapScope::kOneSource);
  if (!options.sentences_around_copies) take_copies_into_sentences(passages, sentence_spans, all_runs, refine);

  // 3. Neighbours on both sides are one reuse seen in pieces (a copied stretch
  // inside a paraphrase): join them when the joined passage still passes.
  // `prev` lies before `p` on the page.
  // AlignOptions::join_gap_share: page tokens [from, to) of a joined passage.
  auto gap_corresponds = [&](const Passage& both, std::uint32_t from, std::uint32_t to) {
    if (options.join_gap_share <= 0 || to <= from) return true;
    const auto similar = std::count_if(both.alignment.begin(), both.alignment.end(), [&](const AlignmentStep& step) {
      return step.page >= from && step.page < to && corresponds(step.type);
    });
    return (to - from <= options.seed_ngram || similar >= options.join_gap_share * (to - from)) &&
           !has_own_sentence(page, both.alignment, from, to);
  };
  // The joined passage may grow (a related neighbouring sentence, a moved
  // word) but not into the passages beside it: page tokens [room_first,
  // room_last) are free. (A page that repeats one stretch of the source
  // otherwise got overlapping passages.)
  auto join = [&](const Passage& prev, const Passage& p, std::uint32_t room_first, std::uint32_t room_last,
                  Passage& both) {
    if (options.join_gap == 0 || p.page_first_token > prev.page_last_token + options.join_gap) return false;
    // Near on the source side too, with a little overlap allowed (a repeated
    // copy stays several passages), and in either order unless one is
    // verbatim (an obfuscated passage may swap its halves; a verbatim copy
    // beside another passage is a copy of its own).
    const std::uint32_t shorter = std::min(prev.source_last_token - prev.source_first_token,
                                           p.source_last_token - p.source_first_token);
    const std::uint32_t overlap_allowed = std::max<std::uint32_t>(
        static_cast<std::uint32_t>(options.seed_ngram), static_cast<std::uint32_t>(options.join_source_overlap * shorter));
    const bool after = p.source_first_token + overlap_allowed >= prev.source_last_token &&
                       p.source_first_token <= prev.source_last_token + options.join_source_gap;
    const bool before = options.join_swapped && prev.kind != PassageKind::kVerbatim && p.kind != PassageKind::kVerbatim &&
                        prev.source_first_token + overlap_allowed >= p.source_last_token &&
                        prev.source_first_token <= p.source_last_token + options.join_source_gap;
    if (!after && !before) return false;
    if (options.join_verbatim_apart && (prev.kind == PassageKind::kVerbatim) != (p.kind == PassageKind::kVerbatim))
      return false;
    Candidate c{prev.page_first_token, std::max(prev.page_last_token, p.page_last_token),
                std::min(prev.source_first_token, p.source_first_token),
                std::max(prev.source_last_token, p.source_last_token), prev.runs,
                // swapped pieces passed on their own; a monotone alignment
                // of both cannot be dense
                prev.sentence_seeded || p.sentence_seeded || !after};
    c.anchors.insert(c.anchors.end(), p.runs.begin(), p.runs.end());
    if (!refine(std::move(c), both) || both.page_first_token < room_first || both.page_last_token > room_last ||
        !gap_corresponds(both, prev.page_last_token, p.page_first_token))
      return false;
    // The word alignment is monotone: where the pieces swapped places it
    // follows one of them, and the other's source words stay in range.
    widen_source(both, std::min({both.source_first_token, prev.source_first_token, p.source_first_token}),
                 std::max({both.source_last_token, prev.source_last_token, p.source_last_token}));
    finalize_passage(both, page, source);
    return true;
  };
  const auto page_words = static_cast<std::uint32_t>(page.tokens().size());
  std::vector<Passage> joined;
  for (std::size_t i = 0; i < passages.size(); ++i) {
    Passage both;
    const std::uint32_t room_first = joined.size() < 2 ? 0 : joined[joined.size() - 2].page_last_token;
    const std::uint32_t room_last = i + 1 < passages.size() ? passages[i + 1].page_first_token : page_words;
    if (!joined.empty() && join(joined.back(), passages[i], room_first, room_last, both)) {
      joined.back() = std::move(both);
      continue;
    }
    joined.push_back(std::move(passages[i]));
  }
  // A chain too short to stand alone may be the rest of the passage beside
  // it: a sentence that a shuffled case moved, which the word alignment of
  // the passage around both could not follow.
  for (const Candidate& f : fragments) {
    if (std::any_of(joined.begin(), joined.end(), [&](const Passage& p) {
          return overlap(p.page_first_token, p.page_last_token, f.page_first, f.page_last);
        }))
      continue;
    Passage piece;
    piece.page_first_token = f.page_first;
    piece.page_last_token = f.page_last;
    piece.source_first_token = f.source_first;
    piece.source_last_token = f.source_last;
    piece.runs = f.anchors;
    piece.kind = PassageKind::kEdited;  // too short to be a copy of its own: may join in either order
    const auto next = std::upper_bound(joined.begin(), joined.end(), f.page_first, [](std::uint32_t t, const Passage& p) {
      return t < p.page_first_token;
    });
    auto last_before = [&](auto it) { return it == joined.begin() ? 0u : (it - 1)->page_last_token; };
    auto first_from = [&](auto it) { return it == joined.end() ? page_words : it->page_first_token; };
    Passage both;
    if (next != joined.begin() && join(*(next - 1), piece, last_before(next - 1), first_from(next), both))
      *(next - 1) = std::move(both);
    else if (next != joined.end() && join(piece, *next, last_before(next), first_from(next + 1), both))
      *next = std::move(both);
  }

  // 4. Summaries of the whole source.
  joined = summaries_of_whole_source(std::move(joined), page, source, options, refine);

  // 5. A pair that copies reuses by copying (PAN profile).
  if (options.copy_pairs_copy_only) joined = drop_restatements_beside_copies(std::move(joined));

  if (joined.empty()) return joined;  // no need to read both texts for quotation marks
  const auto page_quotes = quoted_spans(page.text());
  const auto source_quotes = quoted_spans(source.text());
  for (Passage& p : joined)
    p.quoted = inside_quotes(page_quotes, p.page_begin, p.page_end) &&
               inside_quotes(source_quotes, p.source_begin, p.source_end);
  return joined;
}

bool covers_whole_source(const Passage& p, const Document& source) {
  return p.source_first_token == 0 && p.source_last_token == source.tokens().size();
}

}  // namespace

std::vector<Passage> align(const Document& page, const Document& source, const AlignOptions& options) {
  if (page.tokens().empty() || source.tokens().empty()) return {};
  const Copies copies = find_copies(page, source, options);
  std::vector<Passage> passages = align_after_copies(page, source, options, copies);
  // A lone reworded passage shows that the page reuses this source; the
  // summary it may be part of is then looked for with a lower bar on
  // similarity, and kept only as a summary of the whole source around it
  // (AlignOptions::lone_summary_validation). Not tried where no such summary
  // could hold the passage: a short source, a page side too long for one.
  const auto source_words = static_cast<double>(source.tokens().size());
  if (options.lone_summary_validation <= 0 || passages.size() != 1 || passages[0].kind == PassageKind::kVerbatim ||
      covers_whole_source(passages[0], source) || source_words < options.summary_document_words ||
      passages[0].page_last_token - passages[0].page_first_token >= options.summary_document_ratio * source_words)
    return passages;
  AlignOptions looser = options;
  looser.sentence.min_validation = options.lone_summary_validation;
  std::vector<Passage> retry = align_after_copies(page, source, looser, copies);
  if (retry.size() == 1 && retry[0].kind == PassageKind::kSummary && covers_whole_source(retry[0], source) &&
      retry[0].page_first_token < passages[0].page_last_token && passages[0].page_first_token < retry[0].page_last_token)
    return retry;
  return passages;
}

}  // namespace reuselens
