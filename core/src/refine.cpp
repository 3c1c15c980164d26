#include "reuselens/refine.hpp"

#include <algorithm>
#include <cstdint>

#include "reuselens/synonyms.hpp"

namespace reuselens {

namespace {

// Step scores (after Glinos 2014: matches gain, gaps cost; here a one-for-one
// substitution costs less than a gap, so a spun sentence aligns end to end).
constexpr int kScoreExact = 4;
constexpr int kScoreStem = 4;
constexpr int kScoreSynonym = 3;
constexpr int kScoreFunction = 2;
constexpr int kScoreSubstituted = -1;
constexpr int kScoreGap = -2;

// Larger gaps are split proportionally into blocks, so memory stays bounded
// (a 50 MB copy is aligned block by block).
constexpr std::size_t kMaxCells = std::size_t{1} << 22;

int score_of(StepType t) {
  switch (t) {
    case StepType::kExact: return kScoreExact;
    case StepType::kStem: return kScoreStem;
    case StepType::kSynonym: return kScoreSynonym;
    case StepType::kFunction: return kScoreFunction;
    case StepType::kSubstituted: return kScoreSubstituted;
    default: return kScoreGap;
  }
}

// Needleman-Wunsch over page [pf, pl) x source [sf, sl), appending the steps.
void align_block(const std::vector<Token>& pt, std::uint32_t pf, std::uint32_t pl, const std::vector<Token>& st,
                 std::uint32_t sf, std::uint32_t sl, std::vector<AlignmentStep>& out) {
  const std::size_t n = pl - pf, m = sl - sf;
  if (n == 0 || m == 0) {
    for (std::uint32_t i = pf; i < pl; ++i) out.push_back({i, AlignmentStep::kNoToken, StepType::kInserted});
    for (std::uint32_t j = sf; j < sl; ++j) out.push_back({AlignmentStep::kNoToken, j, StepType::kDeleted});
    return;
  }
  if (n * m > kMaxCells) {  // halve the larger side's share and recurse
    const std::uint32_t pm = pf + static_cast<std::uint32_t>(n / 2), sm = sf + static_cast<std::uint32_t>(m / 2);
    align_block(pt, pf, pm, st, sf, sm, out);
    align_block(pt, pm, pl, st, sm, sl, out);
    return;
  }
  // Rolling score rows, full traceback (0 diagonal, 1 up = page word inserted,
  // 2 left = source word deleted).
  std::vector<int> prev(m + 1), cur(m + 1);
  std::vector<std::uint8_t> back((n + 1) * (m + 1));
  for (std::size_t j = 0; j <= m; ++j) {
    prev[j] = static_cast<int>(j) * kScoreGap;
    back[j] = 2;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i) * kScoreGap;
    back[i * (m + 1)] = 1;
    const Token& a = pt[pf + i - 1];
    for (std::size_t j = 1; j <= m; ++j) {
      const int diag = prev[j - 1] + score_of(relate(a, st[sf + j - 1]));
      const int up = prev[j] + kScoreGap;
      const int left = cur[j - 1] + kScoreGap;
      int best = diag;
      std::uint8_t dir = 0;
      if (up > best) { best = up; dir = 1; }
      if (left > best) { best = left; dir = 2; }
      cur[j] = best;
      back[i * (m + 1) + j] = dir;
    }
    std::swap(prev, cur);
  }
  std::vector<AlignmentStep> steps;
  for (std::size_t i = n, j = m; i > 0 || j > 0;) {
    const std::uint8_t dir = back[i * (m + 1) + j];
    const auto pi = static_cast<std::uint32_t>(pf + i - 1), sj = static_cast<std::uint32_t>(sf + j - 1);
    if (dir == 0) {
      steps.push_back({pi, sj, relate(pt[pi], st[sj])});
      --i;
      --j;
    } else if (dir == 1) {
      steps.push_back({pi, AlignmentStep::kNoToken, StepType::kInserted});
      --i;
    } else {
      steps.push_back({AlignmentStep::kNoToken, sj, StepType::kDeleted});
      --j;
    }
  }
  out.insert(out.end(), steps.rbegin(), steps.rend());
}

// Multi-word synonyms ("talked about" for "discussed", "Russian Federation"
// for "Russia"): aligned one for one, they are left as a substitution and an
// insertion between corresponding words. Where a stretch of such steps holds
// a word or phrase on each side that share a WordNet class, its words become
// synonyms: paired in order, the longer side's last ones without a partner.
void mark_phrase_synonyms(std::vector<AlignmentStep>& steps, const Document& page, const Document& source) {
  const auto changed = [&](std::size_t i) {
    const StepType t = steps[i].type;
    return t == StepType::kSubstituted || t == StepType::kInserted || t == StepType::kDeleted;
  };
  std::vector<std::uint32_t> page_words, source_words;
  for (std::size_t i = 0; i < steps.size();) {
    if (!changed(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    page_words.clear();
    source_words.clear();
    for (; j < steps.size() && changed(j); ++j) {
      if (steps[j].page != AlignmentStep::kNoToken) page_words.push_back(steps[j].page);
      if (steps[j].source != AlignmentStep::kNoToken) source_words.push_back(steps[j].source);
    }
    const std::size_t longer = std::max(page_words.size(), source_words.size());
    // The words of each side are consecutive: steps follow both texts.
    if (longer >= 2 && !page_words.empty() && !source_words.empty() &&
        synonymous(page, page_words.front(), page_words.back() + 1, source, source_words.front(),
                   source_words.back() + 1)) {
      std::vector<AlignmentStep> synonym;
      append_synonym_steps(synonym, page_words.front(), static_cast<std::uint32_t>(page_words.size()),
                           source_words.front(), static_cast<std::uint32_t>(source_words.size()));
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(i), steps.begin() + static_cast<std::ptrdiff_t>(j));
      steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(i), synonym.begin(), synonym.end());
      j = i + longer;
    }
    i = j;
  }
}

PassageKind classify(const std::vector<AlignmentStep>& steps, std::uint32_t page_len, std::uint32_t source_len,
                     const RefineOptions& options) {
  std::uint32_t exact = 0, swapped = 0, gaps = 0;
  for (const AlignmentStep& s : steps) {
    if (s.type == StepType::kExact) ++exact;
    else if (s.type == StepType::kInserted || s.type == StepType::kDeleted) ++gaps;
    else if (s.paired()) ++swapped;  // a phrase swaps once
  }
  if (exact == page_len && exact == source_len) return PassageKind::kVerbatim;
  const double longer = std::max(page_len, source_len);
  if (page_len < options.summary_ratio * source_len && source_len >= 40) return PassageKind::kSummary;
  // Word for word: many words changed in place, hardly any added or dropped.
  // A name or a phrase or two written otherwise ("Russian Federation" for
  // "Russia", "talked about" for "discussed") is an edit.
  if (swapped >= 2 && swapped >= 0.15 * longer && gaps <= 0.1 * longer && swapped >= 2 * gaps)
    return PassageKind::kSpun;
  if (exact >= 0.7 * longer) return PassageKind::kEdited;
  return PassageKind::kParaphrase;
}

// Cuts the ends of an alignment where few page words correspond: the stretch
// before the first (after the last) window of `edge_window` page words of
// which at least `edge_density` correspond. A sentence seed may bring in a
// neighbouring sentence or clause on the same topic; this keeps it out. With
// the page's tokens, function words that match ("the", "of") do not count:
// any two English sentences share some.
void trim_sparse_edges(std::vector<AlignmentStep>& steps, const RefineOptions& options, const Document* page) {
  std::vector<std::size_t> page_steps;  // positions of steps with a page word
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].page != AlignmentStep::kNoToken) page_steps.push_back(i);
  const std::size_t w = options.edge_window;
  if (w == 0 || page_steps.size() <= w) return;
  auto counts = [&](const AlignmentStep& s) {
    return corresponds(s.type) && !(page && (page->tokens()[s.page].flags & kTokenStopword));
  };
  std::vector<std::uint32_t> prefix(page_steps.size() + 1, 0);
  for (std::size_t k = 0; k < page_steps.size(); ++k) prefix[k + 1] = prefix[k] + counts(steps[page_steps[k]]);
  const auto need = static_cast<std::uint32_t>(options.edge_density * static_cast<double>(w) + 0.999);
  std::size_t first = 0, last = page_steps.size();  // page steps kept: [first, last)
  while (first + w <= page_steps.size() && prefix[first + w] - prefix[first] < need) ++first;
  while (last >= first + w && prefix[last] - prefix[last - w] < need) --last;
  if (first + w > page_steps.size() || last < first + w) return;  // no dense window: leave it to the thresholds
  const std::size_t begin = first == 0 ? 0 : page_steps[first];
  const std::size_t end = last == page_steps.size() ? steps.size() : page_steps[last];
  steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(end), steps.end());
  steps.erase(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(begin));
}

}  // namespace

bool corresponds(StepType t) { return t == StepType::kExact || t == StepType::kStem || t == StepType::kSynonym; }

StepType relate(const Token& a, const Token& b) {
  if (a.key == b.key) return StepType::kExact;
  if (a.stem == b.stem) return StepType::kStem;
  if (share_synonym_class(a.synonyms, b.synonyms)) return StepType::kSynonym;
  if (a.function_classes & b.function_classes) return StepType::kFunction;
  return StepType::kSubstituted;
}

namespace {

// Words [first, last) as one entry of the synonym table: a word's own, or a
// phrase's; 0 for none.
std::uint32_t synonym_entry_of(const Document& doc, std::uint32_t first, std::uint32_t last) {
  const auto& tokens = doc.tokens();
  if (last - first == 1) return tokens[first].synonyms;
  std::uint64_t stems[kMaxPhraseWords];
  for (std::uint32_t t = first; t < last; ++t) stems[t - first] = tokens[t].stem;
  return synonym_phrase_entry(stems, last - first);
}

}  // namespace

bool synonymous(const Document& a, std::uint32_t a_first, std::uint32_t a_last, const Document& b,
                std::uint32_t b_first, std::uint32_t b_last) {
  if (a.tokenized().language != kEnglish || b.tokenized().language != kEnglish) return false;
  if (a_last <= a_first || b_last <= b_first || a_last - a_first > kMaxPhraseWords ||
      b_last - b_first > kMaxPhraseWords)
    return false;
  return share_synonym_class(synonym_entry_of(a, a_first, a_last), synonym_entry_of(b, b_first, b_last));
}

std::uint32_t similar_tokens(const Passage& p) {
  std::uint32_t n = 0;
  for (const AlignmentStep& s : p.alignment)
    n += corresponds(s.type) && s.paired();
  return n;
}

bool refine_passage(Passage& p, const Document& page, std::uint32_t pf, std::uint32_t pl, const Document& source,
                    std::uint32_t sf, std::uint32_t sl, const std::vector<Run>& anchors, const RefineOptions& options) {
  const auto& pt = page.tokens();
  const auto& st = source.tokens();
  std::vector<AlignmentStep> steps;
  std::uint32_t pi = pf, sj = sf;
  for (const Run& r : anchors) {
    if (r.page < pi || r.source < sj || r.page + r.length > pl || r.source + r.length > sl) continue;  // not monotone
    align_block(pt, pi, r.page, st, sj, r.source, steps);
    for (std::uint32_t k = 0; k < r.length; ++k) steps.push_back({r.page + k, r.source + k, StepType::kExact});
    pi = r.page + r.length;
    sj = r.source + r.length;
  }
  align_block(pt, pi, pl, st, sj, sl, steps);
  mark_phrase_synonyms(steps, page, source);

  p.alignment = std::move(steps);
  return summarize_alignment(p, options, &page);
}

bool summarize_alignment(Passage& p, const RefineOptions& options, const Document* page) {
  auto& steps = p.alignment;
  trim_sparse_edges(steps, options, page);
  if (options.trim_edges) {  // to the first and last corresponding word, links aside
    // What may be chance holds an end only with support inward: a function
    // word beside another corresponding word ("negotiations with" for "talks
    // with" is chance, as any two sentences share some), a stem or synonym
    // beside no added or dropped word ("He said" for "Kerry told reporters:").
    auto holds = [&](std::size_t i, std::size_t inward) {
      const AlignmentStep& s = steps[i];
      if (!corresponds(s.type)) return false;
      // A further word of a multi-word synonym holds at the end with the rest
      // of it, which comes before it.
      if (!s.paired()) return inward + 1 == i && steps[inward].type == StepType::kSynonym;
      if (!page) return true;
      const std::uint32_t flags = page->tokens()[s.page].flags;
      if (flags & kTokenLink) return false;
      const bool stopword = flags & kTokenStopword;
      if (s.type == StepType::kExact && !stopword) return true;
      if (inward >= steps.size()) return false;
      const StepType next = steps[inward].type;
      return stopword ? corresponds(next) : next != StepType::kInserted && next != StepType::kDeleted;
    };
    std::size_t begin = 0, end = steps.size();
    while (begin < end && !holds(begin, begin + 1)) ++begin;
    while (end > begin && !holds(end - 1, end - 1 > begin ? end - 2 : steps.size())) --end;
    steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(end), steps.end());
    steps.erase(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(begin));
  } else {
    std::size_t begin = 0, end = steps.size();
    while (begin < end && steps[begin].type == StepType::kDeleted) ++begin;
    while (end > begin && steps[end - 1].type == StepType::kDeleted) --end;
    steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(end), steps.end());
    steps.erase(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(begin));
  }
  // A further word of a synonym whose first words were trimmed off stands alone.
  for (std::size_t i = 0; i < steps.size(); ++i) {
    AlignmentStep& s = steps[i];
    if (s.type == StepType::kSynonym && !s.paired() &&
        (i == 0 || steps[i - 1].type != StepType::kSynonym))
      s.type = s.page == AlignmentStep::kNoToken ? StepType::kDeleted : StepType::kInserted;
  }
  return score_alignment(p, options);
}

bool score_alignment(Passage& p, const RefineOptions& options) {
  const auto& steps = p.alignment;
  p.page_first_token = p.source_first_token = AlignmentStep::kNoToken;
  p.page_last_token = p.source_last_token = 0;
  p.runs.clear();
  p.matched_tokens = 0;
  double weight = 0;
  for (const AlignmentStep& s : steps) {
    if (s.page != AlignmentStep::kNoToken) {
      p.page_first_token = std::min(p.page_first_token, s.page);
      p.page_last_token = std::max(p.page_last_token, s.page + 1);
    }
    if (s.source != AlignmentStep::kNoToken) {
      p.source_first_token = std::min(p.source_first_token, s.source);
      p.source_last_token = std::max(p.source_last_token, s.source + 1);
    }
    switch (s.type) {
      case StepType::kExact: weight += 1; break;
      case StepType::kStem: weight += 0.9; break;
      case StepType::kSynonym:  // a further word of a phrase is one word, not a pair
        weight += s.paired() ? 0.8 : 0.4;
        break;
      case StepType::kFunction: weight += 0.5; break;
      case StepType::kSubstituted: weight += 0.25; break;
      default: break;
    }
    if (s.type != StepType::kExact) continue;
    ++p.matched_tokens;
    if (!p.runs.empty() && p.runs.back().page + p.runs.back().length == s.page &&
        p.runs.back().source + p.runs.back().length == s.source)
      ++p.runs.back().length;
    else
      p.runs.push_back({s.page, s.source, 1});
  }
  if (p.page_first_token == AlignmentStep::kNoToken || p.source_first_token == AlignmentStep::kNoToken ||
      p.matched_tokens + similar_tokens(p) == 0)
    return false;
  const std::uint32_t page_len = p.page_last_token - p.page_first_token;
  const std::uint32_t source_len = p.source_last_token - p.source_first_token;
  p.score = 2.0 * weight / static_cast<double>(page_len + source_len);
  p.kind = classify(steps, page_len, source_len, options);
  return true;
}

}  // namespace reuselens
