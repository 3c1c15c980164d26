#include "reuselens/align.hpp"

#include <algorithm>
#include <cstdint>

#include "reuselens/fingerprint.hpp"
#include "reuselens/normalize.hpp"

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
  const std::int64_t overlap_limit = static_cast<std::int64_t>(options.seed_ngram);
  std::vector<Chain> open, done;
  for (const Run& run : runs) {
    // Chains that no later run can continue are done.
    for (std::size_t c = 0; c < open.size();) {
      if (static_cast<std::int64_t>(open[c].page_end) + gap_limit < static_cast<std::int64_t>(run.page)) {
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
      if (gap_page < -overlap_limit || gap_source < -overlap_limit || gap_page > gap_limit || gap_source > gap_limit)
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

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\n' || cp == U'\t' || cp == U'\r'; }

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

}  // namespace

void finalize_passage(Passage& p, const Document& page, const Document& source) {
  const Run& first = p.runs.front();
  p.page_first_token = first.page;
  p.source_first_token = first.source;
  p.page_last_token = first.page + first.length;
  p.source_last_token = first.source + first.length;
  p.matched_tokens = 0;
  for (const Run& r : p.runs) {
    p.page_first_token = std::min(p.page_first_token, r.page);
    p.source_first_token = std::min(p.source_first_token, r.source);
    p.page_last_token = std::max(p.page_last_token, r.page + r.length);
    p.source_last_token = std::max(p.source_last_token, r.source + r.length);
    p.matched_tokens += r.length;
  }
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
    if (!is_shared_punctuation(a) || unify_punctuation(a) != unify_punctuation(b) || is_space(a)) break;
    pe = pn;
    se = sn;
  }
  p.page_end = static_cast<std::uint32_t>(pe);
  p.source_end = static_cast<std::uint32_t>(se);

  const std::uint32_t page_len = p.page_last_token - p.page_first_token;
  const std::uint32_t source_len = p.source_last_token - p.source_first_token;
  p.score = 2.0 * p.matched_tokens / static_cast<double>(page_len + source_len);
  p.kind = (p.runs.size() == 1 && page_len == source_len) ? PassageKind::kVerbatim : PassageKind::kEdited;
}

bool passes_thresholds(const Passage& p, const Document& page, const Document& source, const AlignOptions& options) {
  if (p.matched_tokens < options.min_matched_tokens) return false;
  const double page_len = p.page_last_token - p.page_first_token;
  const double source_len = p.source_last_token - p.source_first_token;
  if (p.matched_tokens < options.min_density * page_len || p.matched_tokens < options.min_density * source_len)
    return false;
  if (options.min_passage_chars > 0) {
    const std::size_t page_chars = page.codepoint_at(p.page_end) - page.codepoint_at(p.page_begin);
    const std::size_t source_chars = source.codepoint_at(p.source_end) - source.codepoint_at(p.source_begin);
    if (std::max(page_chars, source_chars) < options.min_passage_chars) return false;
  }
  return true;
}

std::vector<Passage> align(const Document& page, const Document& source, const AlignOptions& options) {
  if (page.tokens().size() < options.seed_ngram || source.tokens().size() < options.seed_ngram) return {};
  const auto runs = seeds_to_runs(find_seeds(page, source, options), page, source, options.seed_ngram);
  std::vector<Passage> passages;
  for (Chain& chain : chain_runs(runs, options)) {
    if (chain.matched < options.min_matched_tokens) continue;
    Passage p;
    p.runs = std::move(chain.runs);
    finalize_passage(p, page, source);
    if (passes_thresholds(p, page, source, options)) passages.push_back(std::move(p));
  }
  return resolve_overlaps(std::move(passages), page, [&](std::uint32_t) -> const Document& { return source; },
                          options);
}

std::vector<Passage> resolve_overlaps(std::vector<Passage> passages, const Document& page,
                                      const SourceLookup& source_of, const AlignOptions& options) {
  std::sort(passages.begin(), passages.end(), [](const Passage& a, const Passage& b) {
    if (a.matched_tokens != b.matched_tokens) return a.matched_tokens > b.matched_tokens;
    if (a.score != b.score) return a.score > b.score;
    return a.page_first_token < b.page_first_token;  // deterministic order
  });
  // Page token ranges already taken, kept sorted by start.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
  std::vector<Passage> kept;
  auto overlaps_taken = [&](std::uint32_t begin, std::uint32_t end) {
    for (const auto& t : taken)
      if (begin < t.second && t.first < end) return true;
    return false;
  };
  for (Passage& p : passages) {
    if (!overlaps_taken(p.page_first_token, p.page_last_token)) {
      taken.emplace_back(p.page_first_token, p.page_last_token);
      kept.push_back(std::move(p));
      continue;
    }
    // Keep the parts of the runs outside taken ranges, grouped into pieces
    // that no taken range separates.
    std::vector<Run> free_runs;
    for (const Run& r : p.runs) {
      std::uint32_t begin = r.page;
      const std::uint32_t end = r.page + r.length;
      while (begin < end) {
        // Advance past a taken range covering `begin`, or cut at the next one.
        std::uint32_t stop = end;
        bool covered = false;
        for (const auto& t : taken) {
          if (t.first <= begin && begin < t.second) {
            covered = true;
            stop = std::min(end, t.second);
            break;
          }
          if (t.first > begin) stop = std::min(stop, t.first);
        }
        if (!covered) free_runs.push_back({begin, r.source + (begin - r.page), stop - begin});
        begin = stop;
      }
    }
    std::vector<Passage> pieces;
    for (const Run& r : free_runs) {
      if (!pieces.empty()) {
        const Run& last = pieces.back().runs.back();
        if (!overlaps_taken(last.page + last.length, r.page)) {  // same free stretch
          pieces.back().runs.push_back(r);
          continue;
        }
      }
      Passage piece;
      piece.source = p.source;
      piece.runs.push_back(r);
      pieces.push_back(std::move(piece));
    }
    for (Passage& piece : pieces) {
      const Document& source = source_of(piece.source);
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
