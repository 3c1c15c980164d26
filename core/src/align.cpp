#include "reuselens/align.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <functional>
#include <string_view>
#include <tuple>
#include <utility>

#include "reuselens/copy_pairs.hpp"
#include "reuselens/fingerprint.hpp"
#include "reuselens/normalize.hpp"
#include "reuselens/quotes.hpp"
#include "reuselens/synonyms.hpp"

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
    return a.page != b.page ? a.page < b.page : a.length > b.length;
  });
  return runs;
}

struct Chain {
  std::vector<Run> runs;
  std::uint32_t page_end = 0;
  std::uint32_t source_end = 0;
  std::uint32_t matched = 0;
};

// Groups runs into passages: a run joins the open chain it continues on both
// sides within `max_gap` tokens. Runs that continue no chain start one, so
// passages may come in any order of the source (shuffled aggregator pages).
std::vector<Chain> chain_runs(const std::vector<Run>& runs, const AlignOptions& options) {
  const auto gap_limit = static_cast<std::int64_t>(options.max_gap);
  // Equal gaps on both sides are words replaced one for one (a spinner's
  // swaps): bridged up to twice as far.
  const std::int64_t swap_limit = 2 * gap_limit;
  const std::int64_t overlap_limit = static_cast<std::int64_t>(options.seed_ngram);
  std::vector<Chain> open, done;
  for (const Run& run : runs) {
    // Chains that no later run can continue are done.
    for (std::size_t c = 0; c < open.size();) {
      if (static_cast<std::int64_t>(open[c].page_end) + swap_limit < static_cast<std::int64_t>(run.page)) {
        done.push_back(std::move(open[c]));
        open[c] = std::move(open.back());
        open.pop_back();
      } else {
        ++c;
      }
    }
    Chain* best = nullptr;
    std::int64_t best_cost = 0;
    for (Chain& chain : open) {
      const std::int64_t gap_page = static_cast<std::int64_t>(run.page) - chain.page_end;
      const std::int64_t gap_source = static_cast<std::int64_t>(run.source) - chain.source_end;
      const bool swapped = gap_page == gap_source && gap_page <= swap_limit;
      if (gap_page < -overlap_limit || gap_source < -overlap_limit ||
          ((gap_page > gap_limit || gap_source > gap_limit) && !swapped))
        continue;
      // The run must reach past the chain's end on both sides after trimming.
      const std::int64_t cut = std::max<std::int64_t>({0, -gap_page, -gap_source});
      if (cut >= run.length) continue;
      const std::int64_t cost = std::max<std::int64_t>(gap_page, 0) + std::max<std::int64_t>(gap_source, 0);
      if (!best || cost < best_cost || (cost == best_cost && chain.matched > best->matched)) {
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
      best->source_end = trimmed.source + trimmed.length;
      best->matched += trimmed.length;
    } else {
      Chain chain;
      chain.runs.push_back(run);
      chain.page_end = run.page + run.length;
      chain.source_end = run.source + run.length;
      chain.matched = run.length;
      open.push_back(std::move(chain));
    }
  }
  for (Chain& chain : open) done.push_back(std::move(chain));
  return done;
}

bool is_shared_punctuation(char32_t cp) {
  // Sentence punctuation and quotes, not letters, digits or spaces.
  switch (unify_punctuation(cp)) {
    case U'.': case U',': case U';': case U':': case U'!': case U'?': case U'"': case U'\'': case U')': case U'(':
    case 0x2026:
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

// The longest chain of anchors that is increasing on both sides (so they can
// all be fixed points of one alignment); O(k^2), k is small.
std::vector<Run> monotone_anchors(std::vector<Run> runs) {
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.page < b.page; });
  const std::size_t k = runs.size();
  if (k <= 1) return runs;
  std::vector<std::uint64_t> best(k);
  std::vector<std::size_t> prev(k, k);
  for (std::size_t i = 0; i < k; ++i) {
    best[i] = runs[i].length;
    for (std::size_t j = 0; j < i; ++j)
      if (runs[j].page + runs[j].length <= runs[i].page && runs[j].source + runs[j].length <= runs[i].source &&
          best[j] + runs[i].length > best[i]) {
        best[i] = best[j] + runs[i].length;
        prev[i] = j;
      }
  }
  std::size_t last = static_cast<std::size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  std::vector<Run> chain;
  for (std::size_t i = last; i != k; i = prev[i]) chain.push_back(runs[i]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

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
  while (pe < ptext.size() && se < stext.size()) {
    std::size_t pn = pe, sn = se;
    const char32_t a = decode_utf8(ptext, pn), b = decode_utf8(stext, sn);
    if (!is_shared_punctuation(a) || unify_punctuation(a) != unify_punctuation(b)) break;
    pe = pn;
    se = sn;
  }
  p.page_end = static_cast<std::uint32_t>(pe);
  p.source_end = static_cast<std::uint32_t>(se);
}

namespace {

// Content-word stems of a token range, sorted.
std::vector<std::uint64_t> content_stems(const Document& d, std::uint32_t first, std::uint32_t last) {
  std::vector<std::uint64_t> v;
  v.reserve(last - first);
  for (std::uint32_t i = first; i < last; ++i)
    if (!(d.tokens()[i].flags & kTokenStopword)) v.push_back(d.tokens()[i].stem);
  std::sort(v.begin(), v.end());
  return v;
}

// A content word (stem) both sides of a passage use, and how often each does.
struct SharedWord {
  std::uint64_t stem;
  double in_page, in_source;
};

// The distinct content words both ranges share, in any order (sorted by
// stem): a monotone alignment undercounts a passage whose words were
// shuffled. A topic word repeated in every sentence ("water" in two texts on
// water heaters) is one piece of evidence, not one per occurrence.
std::vector<SharedWord> shared_words(const Passage& p, const Document& page, const Document& source) {
  const auto a = content_stems(page, p.page_first_token, p.page_last_token);
  const auto b = content_stems(source, p.source_first_token, p.source_last_token);
  std::vector<SharedWord> shared;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      SharedWord w{a[i], 0, 0};
      for (; i < a.size() && a[i] == w.stem; ++i) ++w.in_page;
      for (; j < b.size() && b[j] == w.stem; ++j) ++w.in_source;
      shared.push_back(w);
    }
  }
  return shared;
}

// The corresponding words of a passage's alignment, a content word counted
// once however often it recurs: a list naming "Alexian Brothers" on every
// line is not a dozen pieces of evidence. Function words count each time.
std::uint32_t distinct_correspondences(const Passage& p, const Document& page) {
  std::uint32_t function_words = 0;
  std::vector<std::uint64_t> content;
  for (const AlignmentStep& step : p.alignment) {
    if (!corresponds(step.type)) continue;
    const Token& t = page.tokens()[step.page];
    if (t.flags & kTokenStopword)
      ++function_words;
    else
      content.push_back(t.stem);
  }
  std::sort(content.begin(), content.end());
  return function_words +
         static_cast<std::uint32_t>(std::unique(content.begin(), content.end()) - content.begin());
}

// The shared words that belong to the passage rather than to both
// documents' topic: each distinct shared stem counts the smaller of two
// shares, of its uses near the page side (within `window` tokens of it) that
// lie inside it, and the same on the source side. A name or date only the
// two sides share counts 1; "water", used all through two texts on water
// heaters, a few hundredths. The window keeps the measure the same on a long
// page: a word used in a far-off chapter says nothing of this passage's
// neighbourhood. (A page repeating one passage many times within the window
// dilutes its words too; PAN's pages do not.)
double local_words(const std::vector<SharedWord>& shared, const Passage& p, const Document& page,
                   const Document& source, std::uint32_t window) {
  // One pass over each window, counting only the shared stems (a bit per
  // stem hash skips most words without a search).
  std::bitset<1024> maybe_shared;
  for (const SharedWord& w : shared) maybe_shared.set(w.stem % 1024);
  auto uses_near = [&](const Document& d, std::uint32_t first, std::uint32_t last) {
    std::vector<double> near(shared.size(), 0);
    const std::size_t end = std::min<std::size_t>(std::size_t{last} + window, d.tokens().size());
    for (std::size_t i = first > window ? first - window : 0; i < end; ++i) {
      const Token& t = d.tokens()[i];
      if ((t.flags & kTokenStopword) || !maybe_shared.test(t.stem % 1024)) continue;
      const auto it = std::lower_bound(shared.begin(), shared.end(), t.stem,
                                       [](const SharedWord& w, std::uint64_t stem) { return w.stem < stem; });
      if (it != shared.end() && it->stem == t.stem) ++near[it - shared.begin()];
    }
    return near;
  };
  const auto near_page = uses_near(page, p.page_first_token, p.page_last_token);
  const auto near_source = uses_near(source, p.source_first_token, p.source_last_token);
  double local = 0;
  for (std::size_t k = 0; k < shared.size(); ++k)
    local += std::min(shared[k].in_page / near_page[k], shared[k].in_source / near_source[k]);
  return local;
}

}  // namespace

bool passes_thresholds(const Passage& p, const Document& page, const Document& source, const AlignOptions& options) {
  // A sentence-seeded passage was validated as a whole: count its shared
  // words even where they moved, each content word once.
  std::vector<SharedWord> shared;
  if (p.sentence_seeded) shared = shared_words(p, page, source);
  const std::uint32_t similar =
      p.sentence_seeded ? std::max(distinct_correspondences(p, page), static_cast<std::uint32_t>(shared.size()))
                        : similar_tokens(p);
  if (similar < (p.sentence_seeded ? options.min_sentence_tokens : options.min_matched_tokens)) return false;
  const double page_len = p.page_last_token - p.page_first_token;
  const double source_len = p.source_last_token - p.source_first_token;
  // Word seeds must be dense on both sides: a chain of a few shared phrases
  // spread over a long source stretch is a topic, not a summary.
  if (!p.sentence_seeded && similar < options.min_density * std::max(page_len, source_len)) return false;
  // Reuse shortens or keeps its source's length; a page stretch far longer
  // than the source words it echoes is writing on the same topic.
  if (options.max_page_to_source > 0 && page_len > options.max_page_to_source * source_len) return false;
  if (options.min_passage_chars > 0) {
    const std::size_t page_chars = page.codepoint_at(p.page_end) - page.codepoint_at(p.page_begin);
    const std::size_t source_chars = source.codepoint_at(p.source_end) - source.codepoint_at(p.source_begin);
    if (std::max(page_chars, source_chars) < options.min_passage_chars) return false;
  }
  // Last: it reads the text around both sides.
  if (p.sentence_seeded && options.min_local_words > 0 &&
      local_words(shared, p, page, source, static_cast<std::uint32_t>(options.local_words_window)) <
          options.min_local_words)
    return false;
  return true;
}

namespace {

// A word-for-word copy with few edits: matched tokens make up most of both sides.
bool is_dense_copy(const Passage& p) {
  const std::uint32_t longer =
      std::max(p.page_last_token - p.page_first_token, p.source_last_token - p.source_first_token);
  return p.matched_tokens >= 0.8 * longer;
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

// Widens a passage's source side to [first, last): the added words become
// deleted steps, so the alignment still covers both ranges.
void widen_source(Passage& p, std::uint32_t first, std::uint32_t last) {
  std::vector<AlignmentStep> steps;
  steps.reserve(p.alignment.size() + (p.source_first_token - first) + (last - p.source_last_token));
  for (std::uint32_t t = first; t < p.source_first_token; ++t)
    steps.push_back({AlignmentStep::kNoToken, t, StepType::kDeleted});
  steps.insert(steps.end(), p.alignment.begin(), p.alignment.end());
  for (std::uint32_t t = p.source_last_token; t < last; ++t)
    steps.push_back({AlignmentStep::kNoToken, t, StepType::kDeleted});
  p.alignment = std::move(steps);
  p.source_first_token = first;
  p.source_last_token = last;
}

// Widens a passage's page side to [first, last): the added words become
// inserted steps.
void widen_page(Passage& p, std::uint32_t first, std::uint32_t last) {
  std::vector<AlignmentStep> steps;
  steps.reserve(p.alignment.size() + (p.page_first_token - first) + (last - p.page_last_token));
  for (std::uint32_t t = first; t < p.page_first_token; ++t)
    steps.push_back({t, AlignmentStep::kNoToken, StepType::kInserted});
  steps.insert(steps.end(), p.alignment.begin(), p.alignment.end());
  for (std::uint32_t t = p.page_last_token; t < last; ++t)
    steps.push_back({t, AlignmentStep::kNoToken, StepType::kInserted});
  p.alignment = std::move(steps);
  p.page_first_token = first;
  p.page_last_token = last;
}

// True when half the content words of page tokens [first, last), and at least
// two, occur somewhere in the passage's source side (same stem or synonym):
// words a restated sentence moved, which a monotone alignment cannot follow.
bool moved_into_source(const Passage& p, const Document& page, const Document& source, std::uint32_t first,
                       std::uint32_t last) {
  std::uint32_t content = 0, found = 0;
  for (std::uint32_t t = first; t < last; ++t) {
    const Token& w = page.tokens()[t];
    if (w.flags & kTokenStopword) continue;
    ++content;
    for (std::uint32_t u = p.source_first_token; u < p.source_last_token; ++u) {
      const Token& v = source.tokens()[u];
      if (!(v.flags & kTokenStopword) && (v.stem == w.stem || share_synonym_class(v.synonyms, w.synonyms))) {
        ++found;
        break;
      }
    }
  }
  return found >= 2 && 2 * found >= content;
}

// True when token `t` (> 0) of `doc` begins a segment: a line, or a sentence
// after a full stop, whatever case follows it (PAN's pasted cases and web
// page furniture do not always start upper case).
bool starts_segment(const Document& doc, std::uint32_t t) {
  const auto& tokens = doc.tokens();
  const std::string_view gap(doc.text().data() + tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
  if (gap.find('\n') != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 1 < gap.size(); ++i)
    if ((gap[i] == '.' || gap[i] == '!' || gap[i] == '?') && (gap[i + 1] == ' ' || gap[i + 1] == '\t')) return true;
  return false;
}

// Drops a page segment at either end of a trimmed alignment that holds a
// single corresponding content word and no exact one: "Article source"
// after a copied article's last line, matched to the source's "Original" by
// a WordNet synonym, is page furniture, not reuse. Word-by-word trimming
// (RefineOptions::trim_edges) keeps it, as it ends on a correspondence.
// Returns false when nothing is left.
bool drop_lone_edge_segments(Passage& p, const Document& page, const RefineOptions& options) {
  auto& steps = p.alignment;
  auto weak = [&](std::size_t begin, std::size_t end) {  // steps [begin, end) of one edge segment
    std::uint32_t similar = 0, exact = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const AlignmentStep& s = steps[i];
      if (!corresponds(s.type) || (page.tokens()[s.page].flags & kTokenStopword)) continue;
      ++similar;
      exact += s.type == StepType::kExact;
    }
    return similar < 2 && exact == 0;
  };
  for (bool changed = true; changed && !steps.empty();) {
    changed = false;
    // The last segment boundary on the page side, and the first.
    std::size_t last_start = 0, first_end = steps.size();
    std::uint32_t previous = AlignmentStep::kNoToken;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].page == AlignmentStep::kNoToken) continue;
      if (previous != AlignmentStep::kNoToken && starts_segment(page, steps[i].page)) {
        last_start = i;
        if (first_end == steps.size()) first_end = i;
      }
      previous = steps[i].page;
    }
    if (last_start == 0) break;  // one segment: the thresholds judge it
    if (weak(last_start, steps.size())) {
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(last_start), steps.end());
      changed = true;
    } else if (weak(0, first_end)) {
      steps.erase(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(first_end));
      changed = true;
    }
    if (changed && !summarize_alignment(p, options, &page)) return false;
  }
  return true;
}

// `[first, last)` of `doc` without the segments at its ends (text between
// line breaks or sentence ends, lower case after a full stop included) in
// which fewer than `share` of the content words, or none, occur in `other`'s
// `[other_first, other_last)` (same stem or synonym). Unchanged when no
// segment is related.
std::pair<std::uint32_t, std::uint32_t> related_part(const Document& doc, std::uint32_t first, std::uint32_t last,
                                                     const Document& other, std::uint32_t other_first,
                                                     std::uint32_t other_last, double share) {
  const auto& tokens = doc.tokens();
  std::vector<std::uint64_t> stems;
  for (std::uint32_t u = other_first; u < other_last; ++u)
    if (!(other.tokens()[u].flags & kTokenStopword)) stems.push_back(other.tokens()[u].stem);
  std::sort(stems.begin(), stems.end());
  auto occurs = [&](const Token& w) {
    if (std::binary_search(stems.begin(), stems.end(), w.stem)) return true;
    if (w.synonyms == 0) return false;
    for (std::uint32_t u = other_first; u < other_last; ++u) {
      const Token& v = other.tokens()[u];
      if (!(v.flags & kTokenStopword) && share_synonym_class(v.synonyms, w.synonyms)) return true;
    }
    return false;
  };
  auto unrelated = [&](std::uint32_t a, std::uint32_t b) {
    std::uint32_t content = 0, found = 0;
    for (std::uint32_t t = a; t < b; ++t) {
      if (tokens[t].flags & kTokenStopword) continue;
      ++content;
      found += occurs(tokens[t]);
    }
    return content > 0 && (found == 0 || found < share * content);
  };
  std::vector<std::uint32_t> starts{first};
  for (std::uint32_t t = first + 1; t < last; ++t)
    if (starts_segment(doc, t)) starts.push_back(t);
  starts.push_back(last);
  std::size_t a = 0, b = starts.size() - 1;  // segments [a, b) stay
  while (a < b && unrelated(starts[a], starts[a + 1])) ++a;
  while (b > a && unrelated(starts[b - 1], starts[b])) --b;
  if (a == b) return {first, last};  // nothing related: validation decides
  return {starts[a], starts[b]};
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

// Widens a passage's source side to the sentences it starts and ends in, when
// that adds at most `max_words` words at each end.
void snap_source_to_sentences(Passage& p, const Document& source, std::uint32_t max_words) {
  const auto& sentences = source.tokenized().sentences;
  auto sentence_of = [&](std::uint32_t token) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                               [](std::uint32_t t, const Sentence& s) { return t < s.first; });
    return it == sentences.begin() ? Sentence{token, token + 1} : *(it - 1);
  };
  const Sentence head = sentence_of(p.source_first_token), tail = sentence_of(p.source_last_token - 1);
  const std::uint32_t first = p.source_first_token - head.first <= max_words ? head.first : p.source_first_token;
  const std::uint32_t last =
      tail.last >= p.source_last_token && tail.last - p.source_last_token <= max_words ? tail.last : p.source_last_token;
  widen_source(p, first, last);
}

// Passages close together on the page whose source sides spread over much of a
// far longer source are one summary of it (its pieces may look copied, spun or
// paraphrased): one passage with the whole source as its source side.
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
        if (corresponds(step.type)) matched_in_source.push_back(step.source);
    Passage whole;
    bool summary = source_words >= options.summary_document_words && copied_words < 0.5 * page_span &&
                   core_spread(std::move(matched_in_source)) >= options.summary_document_share * source_words &&
                   page_span < options.summary_document_ratio * source_words;
    if (summary) {
      Candidate c{joined[first].page_first_token, joined[last - 1].page_last_token, source_first, source_last, {},
                  true};
      for (std::size_t i = first; i < last; ++i)
        c.anchors.insert(c.anchors.end(), joined[i].runs.begin(), joined[i].runs.end());
      summary = refine(std::move(c), whole) && whole.kind == PassageKind::kSummary;
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
void add_anchors_inside(Candidate& c, const std::vector<Run>& runs) {
  for (const Run& r : runs)
    if (r.page >= c.page_first && r.page + r.length <= c.page_last && r.source >= c.source_first &&
        r.source + r.length <= c.source_last)
      c.anchors.push_back(r);
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
      if ((i > 0 && passages[i - 1].page_last_token > whole.page_first) ||
          (i + 1 < passages.size() && passages[i + 1].page_first_token < whole.page_last))
        continue;
      add_anchors_inside(whole, runs);
      Passage widened;
      if (refine(std::move(whole), widened)) {
        copy = std::move(widened);
        break;
      }
    }
  }
}

}  // namespace

std::vector<Passage> align(const Document& page, const Document& source, const AlignOptions& options) {
  if (page.tokens().empty() || source.tokens().empty()) return {};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> copied;  // page ranges of dense copies
  auto refine_candidate = [&](Candidate c, Passage& p) {
    // Where a dense copy overlaps the candidate, the copy's runs fix the
    // ends (overlap resolution, then joins): only likeness alone is trimmed.
    if (c.from_sentences && options.edge_segment_share > 0 &&
        std::none_of(copied.begin(), copied.end(),
                     [&](const auto& r) { return overlap(r.first, r.second, c.page_first, c.page_last); }))
      drop_unrelated_edges(c, page, source, options.edge_segment_share);
    if (!refine_passage(p, page, c.page_first, c.page_last, source, c.source_first, c.source_last,
                        monotone_anchors(std::move(c.anchors)), options.refine))
      return false;
    if (options.refine.trim_edges && !drop_lone_edge_segments(p, page, options.refine)) return false;
    p.sentence_seeded = c.from_sentences;
    // Edge words of similar sentences that the word alignment left out are
    // still part of the restatement when they moved within it.
    if (c.from_sentences && options.refine.trim_edges) {
      const std::uint32_t first = c.page_first < p.page_first_token &&
                                          moved_into_source(p, page, source, c.page_first, p.page_first_token)
                                      ? c.page_first
                                      : p.page_first_token;
      const std::uint32_t last = c.page_last > p.page_last_token &&
                                         moved_into_source(p, page, source, p.page_last_token, c.page_last)
                                     ? c.page_last
                                     : p.page_last_token;
      widen_page(p, first, last);
    }
    // Similar sentences were matched as wholes; a monotone word alignment
    // covers only part of them when their words moved.
    if (c.from_sentences && !options.refine.trim_edges)
      widen_source(p, std::min(p.source_first_token, c.source_first), std::max(p.source_last_token, c.source_last));
    if (options.snap_source_words > 0 && !is_dense_copy(p)) snap_source_to_sentences(p, source, options.snap_source_words);
    finalize_passage(p, page, source);
    return passes_thresholds(p, page, source, options);
  };

  // 1. Copies: chains of shared n-gram runs.
  std::vector<Passage> passages;
  std::vector<Candidate> loose;          // chains that are not dense copies
  std::vector<Candidate> fragments;      // chains that do not pass alone
  std::vector<Candidate> sentence_spans;  // sentence passages that passed
  std::vector<Passage> loose_passages;   // their passages, when they pass
  std::vector<Run> all_runs;
  if (page.tokens().size() >= options.seed_ngram && source.tokens().size() >= options.seed_ngram) {
    all_runs = seeds_to_runs(find_seeds(page, source, options), page, source, options.seed_ngram);
    for (Chain& chain : chain_runs(all_runs, options)) {
      if (chain.matched < options.min_matched_tokens) continue;
      Candidate c{chain.runs.front().page, chain.page_end, chain.runs.front().source, chain.source_end, {}, false};
      for (const Run& r : chain.runs) c.source_first = std::min(c.source_first, r.source);
      c.anchors = std::move(chain.runs);
      Passage p;
      const bool passes = refine_candidate(c, p);
      if (passes && is_dense_copy(p)) {
        copied.emplace_back(p.page_first_token, p.page_last_token);
        passages.push_back(std::move(p));
      } else {
        if (!passes) fragments.push_back(c);
        loose.push_back(std::move(c));
        loose_passages.push_back(passes ? std::move(p) : Passage{});
      }
    }
  }

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
      if (!refine_candidate(std::move(c), p)) continue;
      sentence_spans.push_back({p.page_first_token, p.page_last_token, p.source_first_token, p.source_last_token, {}, true});
      passages.push_back(std::move(p));
    }
  }
  for (std::size_t j = 0; j < loose.size(); ++j)
    if (!absorbed[j] && !loose_passages[j].alignment.empty()) passages.push_back(std::move(loose_passages[j]));
  passages = resolve_overlaps(std::move(passages), page, [&](std::uint32_t) -> const Document& { return source; },
                              options);
  if (!options.sentences_around_copies) take_copies_into_sentences(passages, sentence_spans, all_runs, refine_candidate);

  // 3. Neighbours on both sides are one reuse seen in pieces (a copied stretch
  // inside a paraphrase): join them when the joined passage still passes.
  // `prev` lies before `p` on the page.
  auto join = [&](const Passage& prev, const Passage& p, Passage& both) {
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
    const bool before = prev.kind != PassageKind::kVerbatim && p.kind != PassageKind::kVerbatim &&
                        prev.source_first_token + overlap_allowed >= p.source_last_token &&
                        prev.source_first_token <= p.source_last_token + options.join_source_gap;
    if (!after && !before) return false;
    Candidate c{prev.page_first_token, std::max(prev.page_last_token, p.page_last_token),
                std::min(prev.source_first_token, p.source_first_token),
                std::max(prev.source_last_token, p.source_last_token), prev.runs,
                // swapped pieces passed on their own; a monotone alignment
                // of both cannot be dense
                prev.sentence_seeded || p.sentence_seeded || !after};
    c.anchors.insert(c.anchors.end(), p.runs.begin(), p.runs.end());
    if (!refine_candidate(std::move(c), both)) return false;
    // The word alignment is monotone: where the pieces swapped places it
    // follows one of them, and the other's source words stay in range.
    widen_source(both, std::min({both.source_first_token, prev.source_first_token, p.source_first_token}),
                 std::max({both.source_last_token, prev.source_last_token, p.source_last_token}));
    finalize_passage(both, page, source);
    return true;
  };
  std::vector<Passage> joined;
  for (Passage& p : passages) {
    Passage both;
    if (!joined.empty() && join(joined.back(), p, both)) {
      joined.back() = std::move(both);
      continue;
    }
    joined.push_back(std::move(p));
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
    Passage both;
    if (next != joined.begin() && join(*(next - 1), piece, both))
      *(next - 1) = std::move(both);
    else if (next != joined.end() && join(piece, *next, both))
      *next = std::move(both);
  }

  // 4. Summaries of the whole source.
  joined = summaries_of_whole_source(std::move(joined), page, source, options, refine_candidate);

  // 5. A pair that copies reuses by copying (PAN profile).
  if (options.copy_pairs_copy_only) joined = drop_restatements_beside_copies(std::move(joined));

  const auto page_quotes = quoted_spans(page.text());
  const auto source_quotes = quoted_spans(source.text());
  for (Passage& p : joined)
    p.quoted = inside_quotes(page_quotes, p.page_begin, p.page_end) &&
               inside_quotes(source_quotes, p.source_begin, p.source_end);
  return joined;
}

std::vector<Passage> resolve_overlaps(std::vector<Passage> passages, const Document& page,
                                      const SourceLookup& source_of, const AlignOptions& options) {
  // Quality: corresponding words, discounted by what does not correspond, so
  // a dense copy beats a looser passage around it.
  std::vector<double> similar(passages.size());
  std::vector<std::size_t> order(passages.size());
  for (std::size_t i = 0; i < passages.size(); ++i) {
    similar[i] = similar_tokens(passages[i]) * passages[i].score;
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (similar[a] != similar[b]) return similar[a] > similar[b];
    if (passages[a].score != passages[b].score) return passages[a].score > passages[b].score;
    // The same words on a narrower stretch: a copy beats the sentence passage
    // around it whose source side was widened to whole sentences.
    const auto extent = [](const Passage& p) {
      return (p.page_last_token - p.page_first_token) + (p.source_last_token - p.source_first_token);
    };
    if (extent(passages[a]) != extent(passages[b])) return extent(passages[a]) < extent(passages[b]);
    return passages[a].page_first_token < passages[b].page_first_token;  // deterministic order
  });
  // Page token ranges already taken.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
  auto is_taken = [&](std::uint32_t token) {
    for (const auto& t : taken)
      if (t.first <= token && token < t.second) return true;
    return false;
  };
  std::vector<Passage> kept;
  for (std::size_t idx : order) {
    Passage& p = passages[idx];
    bool clear = true;
    for (const auto& t : taken) clear = clear && !overlap(p.page_first_token, p.page_last_token, t.first, t.second);
    if (clear) {
      taken.emplace_back(p.page_first_token, p.page_last_token);
      kept.push_back(std::move(p));
      continue;
    }
    // Split the alignment where it enters taken page tokens; deleted source
    // words stay with the piece they follow.
    std::vector<Passage> pieces(1);
    for (const AlignmentStep& s : p.alignment) {
      if (s.page != AlignmentStep::kNoToken && is_taken(s.page)) {
        if (!pieces.back().alignment.empty()) pieces.emplace_back();
        continue;
      }
      pieces.back().alignment.push_back(s);
    }
    const Document& source = source_of(p.source);
    for (Passage& piece : pieces) {
      piece.source = p.source;
      piece.quoted = p.quoted;  // a part of a quotation is quoted too
      // A remainder is judged on its own words: the sentence similarity that
      // validated the whole says nothing about a piece of it.
      piece.sentence_seeded = false;
      RefineOptions trim = options.refine;
      trim.trim_edges = true;  // a cut leaves unmatched words at the edges
      if (piece.alignment.empty() || !summarize_alignment(piece, trim, &page)) continue;
      finalize_passage(piece, page, source);
      if (!passes_thresholds(piece, page, source, options)) continue;
      taken.emplace_back(piece.page_first_token, piece.page_last_token);
      kept.push_back(std::move(piece));
    }
  }
  std::sort(kept.begin(), kept.end(),
            [](const Passage& a, const Passage& b) { return a.page_first_token < b.page_first_token; });
  return kept;
}

}  // namespace reuselens
