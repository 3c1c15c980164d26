#include "passage_edges.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "reuselens/synonyms.hpp"

namespace reuselens {

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

bool widen_over_adjacent_synonyms(Passage& p, const Document& page, const Document& source) {
  const Sentence page_head = sentence_at(page, p.page_first_token);
  const Sentence source_head = sentence_at(source, p.source_first_token);
  const Sentence page_tail = sentence_at(page, p.page_last_token - 1);
  const Sentence source_tail = sentence_at(source, p.source_last_token - 1);
  // One word or phrase at one end; the shortest pairs first.
  auto widen = [&](bool before) {
    for (std::uint32_t words = 2; words <= 2 * kMaxPhraseWords; ++words)
      for (std::uint32_t k = 1; k < words && k <= kMaxPhraseWords; ++k) {
        const std::uint32_t l = words - k;
        if (l > kMaxPhraseWords) continue;
        if (before && p.page_first_token >= page_head.first + k && p.source_first_token >= source_head.first + l &&
            synonymous(page, p.page_first_token - k, p.page_first_token, source, p.source_first_token - l,
                       p.source_first_token)) {
          p.page_first_token -= k;
          p.source_first_token -= l;
          std::vector<AlignmentStep> steps;
          append_synonym_steps(steps, p.page_first_token, k, p.source_first_token, l);
          p.alignment.insert(p.alignment.begin(), steps.begin(), steps.end());
          return true;
        }
        if (!before && p.page_last_token + k <= page_tail.last && p.source_last_token + l <= source_tail.last &&
            synonymous(page, p.page_last_token, p.page_last_token + k, source, p.source_last_token,
                       p.source_last_token + l)) {
          append_synonym_steps(p.alignment, p.page_last_token, k, p.source_last_token, l);
          p.page_last_token += k;
          p.source_last_token += l;
          return true;
        }
      }
    return false;
  };
  bool widened = false;
  while (widen(true)) widened = true;
  while (widen(false)) widened = true;
  return widened;
}

void widen_over_moved_words(Passage& p, const Document& page, const Document& source, std::uint32_t page_first,
                            std::uint32_t page_last, std::uint32_t source_first, std::uint32_t source_last) {
  source_first = std::min(source_first, p.source_first_token);
  source_last = std::max(source_last, p.source_last_token);
  const auto& st = source.tokens();
  // Each source word vouches for one page word: those the alignment pairs
  // are taken already.
  std::vector<bool> taken(source_last - source_first, false);
  for (const AlignmentStep& s : p.alignment)
    if (s.paired() && corresponds(s.type)) taken[s.source - source_first] = true;
  auto same_word = [&](const Token& w, std::uint32_t u) {
    return !taken[u - source_first] && !(st[u].flags & kTokenStopword) &&
           (st[u].stem == w.stem || share_synonym_class(st[u].synonyms, w.synonyms));
  };
  std::uint32_t source_lo = p.source_first_token, source_hi = p.source_last_token;
  // Out from one page edge: returns the new edge.
  auto widen = [&](bool before) {
    std::uint32_t edge = before ? p.page_first_token : p.page_last_token;
    std::uint32_t content = 0, found = 0, lo = source_lo, hi = source_hi;
    std::vector<std::uint32_t> marked;  // taken here; those beyond the new edge are given back
    std::size_t kept = 0;
    const std::uint32_t words = before ? p.page_first_token - std::min(page_first, p.page_first_token)
                                       : std::max(page_last, p.page_last_token) - p.page_last_token;
    for (std::uint32_t i = 0; i < words; ++i) {
      const std::uint32_t t = before ? p.page_first_token - 1 - i : p.page_last_token + i;
      const Token& w = page.tokens()[t];
      if (w.flags & kTokenStopword) continue;
      ++content;
      // In the source side, or else its nearest use outside it.
      std::uint32_t at = AlignmentStep::kNoToken;
      for (std::uint32_t u = p.source_first_token; u < p.source_last_token && at == AlignmentStep::kNoToken; ++u)
        if (same_word(w, u)) at = u;
      for (std::uint32_t d = 1; at == AlignmentStep::kNoToken; ++d) {
        const bool left = p.source_first_token >= source_first + d, right = p.source_last_token + d <= source_last;
        if (!left && !right) break;
        if (left && same_word(w, p.source_first_token - d)) at = p.source_first_token - d;
        else if (right && same_word(w, p.source_last_token + d - 1)) at = p.source_last_token + d - 1;
      }
      if (at == AlignmentStep::kNoToken) continue;
      taken[at - source_first] = true;
      marked.push_back(at);
      lo = std::min(lo, at);
      hi = std::max(hi, at + 1);
      if (++found >= 2 && 2 * found >= content) {
        edge = before ? t : t + 1;
        source_lo = lo;
        source_hi = hi;
        kept = marked.size();
      }
    }
    for (std::size_t k = kept; k < marked.size(); ++k) taken[marked[k] - source_first] = false;
    return edge;
  };
  // A restatement moves some of its words: at most twice as many as the
  // alignment follows in order stand beside them at each end (more is a
  // sentence on the same topic; PAN13 one by one: no-plagiarism detections
  // 19 -> 16 for overall .8122 -> .8124).
  const std::uint32_t in_order = 2 * (p.page_last_token - p.page_first_token);
  page_first = std::max(page_first, p.page_first_token - std::min(in_order, p.page_first_token));
  page_last = std::min(page_last, p.page_last_token + in_order);
  const std::uint32_t first = widen(true), last = widen(false);
  widen_page(p, first, last);
  widen_source(p, source_lo, source_hi);
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
      if (!corresponds(s.type) || s.page == AlignmentStep::kNoToken || (page.tokens()[s.page].flags & kTokenStopword))
        continue;
      ++similar;
      exact += s.type == StepType::kExact;
    }
    return similar < 2 && exact == 0;
  };
  for (bool changed = true; changed && !steps.empty();) {
    changed = false;
    // The last segment boundary on the page side, and the first.
    std::size_t last_start = 0, first_end = steps.size();
    bool after_page_word = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].page == AlignmentStep::kNoToken) continue;
      if (after_page_word && starts_segment(page, steps[i].page)) {
        last_start = i;
        if (first_end == steps.size()) first_end = i;
      }
      after_page_word = true;
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

namespace {

// The content words of a range of a document, to look other words up in by
// stem or WordNet synonym class. Both are sorted once, so a lookup costs a
// few binary searches however long the range.
class ContentWords {
 public:
  ContentWords(const Document& doc, std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t u = first; u < last; ++u) {
      const Token& v = doc.tokens()[u];
      if (v.flags & kTokenStopword) continue;
      stems_.push_back(v.stem);
      for (std::uint32_t c : synonym_classes(v.synonyms)) classes_.push_back(c);
    }
    std::sort(stems_.begin(), stems_.end());
    std::sort(classes_.begin(), classes_.end());
  }

  bool holds(const Token& w) const {
    if (std::binary_search(stems_.begin(), stems_.end(), w.stem)) return true;
    for (std::uint32_t c : synonym_classes(w.synonyms))
      if (std::binary_search(classes_.begin(), classes_.end(), c)) return true;
    return false;
  }

  // {content words of `doc`'s [first, last), how many of them it holds}.
  std::pair<std::uint32_t, std::uint32_t> count_held(const Document& doc, std::uint32_t first,
                                                     std::uint32_t last) const {
    std::uint32_t content = 0, held = 0;
    for (std::uint32_t t = first; t < last; ++t) {
      if (doc.tokens()[t].flags & kTokenStopword) continue;
      ++content;
      held += holds(doc.tokens()[t]);
    }
    return {content, held};
  }

 private:
  std::vector<std::uint64_t> stems_;
  std::vector<std::uint32_t> classes_;  // of all its words' entries
};

}  // namespace

// `[first, last)` of `doc` without the segments at its ends (text between
// line breaks or sentence ends, lower case after a full stop included) in
// which fewer than `share` of the content words, or none, occur in `other`'s
// `[other_first, other_last)` (same stem or synonym). Unchanged when no
// segment is related.
std::pair<std::uint32_t, std::uint32_t> related_part(const Document& doc, std::uint32_t first, std::uint32_t last,
                                                     const Document& other, std::uint32_t other_first,
                                                     std::uint32_t other_last, double share) {
  const ContentWords others(other, other_first, other_last);
  auto unrelated = [&](std::uint32_t a, std::uint32_t b) {
    const auto [content, found] = others.count_held(doc, a, b);
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

void take_in_related_neighbours(const Document& page, std::uint32_t& page_first, std::uint32_t& page_last,
                                const Document& source, std::uint32_t& source_first, std::uint32_t& source_last,
                                double share, std::uint32_t max_steps) {
  // A cut-down sentence and the one it restates; longer ones (lists of words
  // without a full stop) are left alone, which also keeps this cheap.
  constexpr std::uint32_t kMaxPageWords = 50, kMaxSourceWords = 200;
  // The page part's content words, two or more and at least `share` of them,
  // occur in the source part.
  auto related = [&](std::uint32_t pa, std::uint32_t pb, std::uint32_t sa, std::uint32_t sb) {
    const auto [content, found] = ContentWords(source, sa, sb).count_held(page, pa, pb);
    return found >= 2 && found >= share * content;
  };
  for (std::uint32_t k = 0; k < max_steps && page_first > 0 && source_first > 0; ++k) {
    const std::uint32_t pa = sentence_at(page, page_first - 1).first;
    const std::uint32_t sa = line_start(source, source_first - 1, kMaxSourceWords);
    if (page_first - pa > kMaxPageWords || sa == kNoLine || !related(pa, page_first, sa, source_first)) break;
    page_first = pa;
    source_first = sa;
  }
  for (std::uint32_t k = 0; k < max_steps && page_last < page.tokens().size() && source_last < source.tokens().size();
       ++k) {
    const std::uint32_t pb = sentence_at(page, page_last).last;
    const std::uint32_t sb = line_end(source, source_last, kMaxSourceWords);
    if (pb - page_last > kMaxPageWords || sb == kNoLine || !related(page_last, pb, source_last, sb)) break;
    page_last = pb;
    source_last = sb;
  }
}

// Pieces of a shuffled source that the page moved before or after the part
// the monotone alignment follows: their words are among the page words it
// left out, and a word the source side already holds says nothing.
void widen_source_over_moved_segments(Passage& p, const Document& page, const Document& source, double share,
                                      std::uint32_t max_segments) {
  const auto& st = source.tokens();
  std::vector<std::uint64_t> held;
  for (std::uint32_t u = p.source_first_token; u < p.source_last_token; ++u) held.push_back(st[u].stem);
  std::sort(held.begin(), held.end());
  std::vector<std::uint64_t> left_out;
  for (const AlignmentStep& s : p.alignment) {
    if (s.page == AlignmentStep::kNoToken || s.source != AlignmentStep::kNoToken) continue;
    const Token& w = page.tokens()[s.page];
    if (!(w.flags & kTokenStopword) && !std::binary_search(held.begin(), held.end(), w.stem)) left_out.push_back(w.stem);
  }
  if (left_out.size() < 2) return;
  std::sort(left_out.begin(), left_out.end());
  // A segment taken in accounts for the left-out words it holds: they do not
  // vouch for the next one too.
  auto moved = [&](std::uint32_t a, std::uint32_t b) {
    std::uint32_t content = 0;
    std::vector<std::uint64_t> found;
    for (std::uint32_t t = a; t < b; ++t) {
      if (st[t].flags & kTokenStopword) continue;
      ++content;
      if (std::binary_search(left_out.begin(), left_out.end(), st[t].stem)) found.push_back(st[t].stem);
    }
    if (found.size() < 2 || found.size() < share * content) return false;
    std::sort(found.begin(), found.end());
    std::vector<std::uint64_t> rest;
    std::set_difference(left_out.begin(), left_out.end(), found.begin(), found.end(), std::back_inserter(rest));
    left_out.swap(rest);
    return true;
  };
  const auto n = static_cast<std::uint32_t>(st.size());
  std::uint32_t first = p.source_first_token, last = p.source_last_token;
  for (std::uint32_t k = 0; k < max_segments && first > 0; ++k) {
    std::uint32_t a = first - 1;
    while (a > 0 && !starts_segment(source, a)) --a;
    if (!moved(a, first)) break;
    first = a;
  }
  for (std::uint32_t k = 0; k < max_segments && last < n; ++k) {
    std::uint32_t b = last + 1;
    while (b < n && !starts_segment(source, b)) ++b;
    if (!moved(last, b)) break;
    last = b;
  }
  widen_source(p, first, last);
}

Sentence sentence_at(const Document& doc, std::uint32_t t) {
  const auto& sentences = doc.tokenized().sentences;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), t,
                             [](std::uint32_t token, const Sentence& s) { return token < s.first; });
  return it == sentences.begin() ? Sentence{t, t + 1} : *(it - 1);
}

std::uint32_t line_start(const Document& doc, std::uint32_t t, std::uint32_t limit) {
  const std::uint32_t first = sentence_at(doc, t).first;
  for (std::uint32_t u = t; u > first && t - u <= limit; --u)
    if (starts_segment(doc, u)) return u;
  return t - first <= limit ? first : kNoLine;
}

std::uint32_t line_end(const Document& doc, std::uint32_t t, std::uint32_t limit) {
  const std::uint32_t last = sentence_at(doc, t).last;
  for (std::uint32_t u = t + 1; u < last && u - (t + 1) <= limit; ++u)
    if (starts_segment(doc, u)) return u;
  return last - (t + 1) <= limit ? last : kNoLine;
}

void snap_source_to_sentences(Passage& p, const Document& source, std::uint32_t max_words) {
  // A heading or list line without a full stop before or after the sentence
  // is not part of it.
  const std::uint32_t head = line_start(source, p.source_first_token, max_words);
  const std::uint32_t tail = line_end(source, p.source_last_token - 1, max_words);
  widen_source(p, head == kNoLine ? p.source_first_token : head, tail == kNoLine ? p.source_last_token : tail);
}

}  // namespace reuselens
