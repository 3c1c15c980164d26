#include "reuselens/sentence_align.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "reuselens/synonyms.hpp"
#include "reuselens/tokenize.hpp"

namespace reuselens {

namespace {

// A sentence, or a short sentence joined with its neighbour (headlines,
// "he said." fragments carry too few words to compare on their own).
struct Unit {
  std::uint32_t first = 0, last = 0;  // token range
  std::vector<std::pair<std::uint32_t, float>> terms;  // term id -> tf-idf weight, sorted by id
  double norm = 0;
};

bool is_content(const Token& t) { return !(t.flags & kTokenStopword); }

// Sentences, with overlong ones (lists, tables, text without punctuation)
// cut at line breaks and then into pieces of at most `max_tokens` (0: no
// limit): one unit spanning hundreds of words matches everything a little.
std::vector<Sentence> pieces(const Document& doc, std::uint32_t max_tokens) {
  std::vector<Sentence> out;
  const auto& tokens = doc.tokens();
  for (const Sentence& s : doc.tokenized().sentences) {
    if (max_tokens == 0 || s.last - s.first <= max_tokens) {
      out.push_back(s);
      continue;
    }
    std::vector<Sentence> lines;
    std::uint32_t first = s.first;
    for (std::uint32_t t = s.first + 1; t < s.last; ++t) {
      const std::string_view gap(doc.text().data() + tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
      if (gap.find('\n') != std::string_view::npos) {
        lines.push_back({first, t});
        first = t;
      }
    }
    lines.push_back({first, s.last});
    for (const Sentence& l : lines) {
      const std::uint32_t n = l.last - l.first;
      const std::uint32_t parts = (n + max_tokens - 1) / max_tokens;
      for (std::uint32_t k = 0; k < parts; ++k)
        out.push_back({l.first + n * k / parts, l.first + n * (k + 1) / parts});
    }
  }
  return out;
}

std::vector<Unit> make_units(const Document& doc, std::uint32_t min_words, std::uint32_t max_tokens) {
  std::vector<Unit> units;
  std::uint32_t words = 0;
  for (const Sentence& s : pieces(doc, max_tokens)) {
    std::uint32_t content = 0;
    for (std::uint32_t t = s.first; t < s.last; ++t) content += is_content(doc.tokens()[t]);
    if (!units.empty() && words < min_words) {
      units.back().last = s.last;  // the previous unit was too short: extend it
      words += content;
    } else {
      units.push_back({s.first, s.last, {}, 0});
      words = content;
    }
  }
  if (units.size() > 1 && words < min_words) {  // a short last unit joins the one before
    units[units.size() - 2].last = units.back().last;
    units.pop_back();
  }
  return units;
}

// Term ids shared by both documents' units; weights are tf * isf, the inverse
// frequency over the sentences of both documents (Sanchez-Perez et al.),
// smoothed so a term in every sentence of two one-sentence texts still counts.
// A page word whose stem the source lacks takes the term of a source word it
// shares a synonym class with (spinners and PAN's random obfuscation swap
// words for WordNet synonyms), counting `synonym_weight` of an occurrence.
// Returns the number of term ids.
std::size_t weigh_terms(const Document& page, std::vector<Unit>& page_units, const Document& source,
                        std::vector<Unit>& source_units, float synonym_weight) {
  std::unordered_map<std::uint64_t, std::uint32_t> ids;
  std::unordered_map<std::uint32_t, std::uint32_t> class_terms;  // synonym class -> a source term
  // Rehashing as they grow cost about 4% of align: a text has some third as
  // many distinct stems as words (fewer in a long one), a source word classes.
  constexpr std::size_t kMostReserved = 1 << 16;
  ids.reserve(std::min((source.tokens().size() + page.tokens().size()) / 3, kMostReserved));
  class_terms.reserve(std::min(source.tokens().size(), kMostReserved));
  std::vector<std::uint32_t> unit_frequency;
  std::size_t source_terms = 0;  // ids below this are source stems
  auto term_of = [&](const Token& tok, bool is_source) {
    const auto known = ids.find(tok.stem);
    if (!is_source && tok.synonyms != 0 && (known == ids.end() || known->second >= source_terms))
      for (std::uint32_t c : synonym_classes(tok.synonyms)) {
        const auto term = class_terms.find(c);
        if (term != class_terms.end()) return std::make_pair(term->second, synonym_weight);
      }
    const auto [it, inserted] = ids.try_emplace(tok.stem, static_cast<std::uint32_t>(ids.size()));
    if (inserted) unit_frequency.push_back(0);
    if (is_source && tok.synonyms != 0)
      for (std::uint32_t c : synonym_classes(tok.synonyms)) class_terms.try_emplace(c, it->second);
    return std::make_pair(it->second, 1.0f);
  };
  auto collect = [&](const Document& doc, std::vector<Unit>& units, bool is_source) {
    std::vector<std::pair<std::uint32_t, float>> terms;
    for (Unit& u : units) {
      terms.clear();
      for (std::uint32_t t = u.first; t < u.last; ++t) {
        const Token& tok = doc.tokens()[t];
        if (!is_content(tok)) continue;
        terms.push_back(term_of(tok, is_source));
      }
      std::sort(terms.begin(), terms.end());
      for (std::size_t i = 0; i < terms.size();) {
        float tf = 0;
        std::size_t j = i;
        for (; j < terms.size() && terms[j].first == terms[i].first; ++j) tf += terms[j].second;
        u.terms.emplace_back(terms[i].first, tf);
        ++unit_frequency[terms[i].first];
        i = j;
      }
    }
  };
  collect(source, source_units, true);
  source_terms = ids.size();
  collect(page, page_units, false);
  const double total = static_cast<double>(page_units.size() + source_units.size());
  auto weigh = [&](std::vector<Unit>& units) {
    for (Unit& u : units) {
      double sum = 0;
      for (auto& [id, w] : u.terms) {
        w = static_cast<float>(w * std::log((total + 1) / unit_frequency[id]));
        sum += static_cast<double>(w) * w;
      }
      u.norm = std::sqrt(sum);
    }
  };
  weigh(page_units);
  weigh(source_units);
  return ids.size();
}

struct Seed {
  std::uint32_t page;    // unit index
  std::uint32_t source;  // unit index
  double cosine = 0;
};

// Source units with the same terms: they score alike against every page
// unit, so each class is scored once. A source that repeats a sentence 5,000
// times would otherwise cost every page sentence 5,000 scorings.
struct UnitClasses {
  std::vector<std::uint32_t> start;    // class c's members are members[start[c] .. start[c + 1])
  std::vector<std::uint32_t> members;  // unit indices, each class's in source order
};

UnitClasses classes_of_equal_units(const std::vector<Unit>& units) {
  const auto n = static_cast<std::uint32_t>(units.size());
  std::vector<std::uint64_t> hash(n);
  for (std::uint32_t j = 0; j < n; ++j) {
    std::uint64_t h = units[j].terms.size();
    for (const auto& [id, w] : units[j].terms) {
      std::uint32_t bits = 0;
      std::memcpy(&bits, &w, sizeof bits);
      h = (h ^ (std::uint64_t{id} << 32 | bits)) * 0x9E3779B97F4A7C15ull;
    }
    hash[j] = h;
  }
  std::vector<std::uint32_t> order(n);
  for (std::uint32_t j = 0; j < n; ++j) order[j] = j;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return hash[a] != hash[b] ? hash[a] < hash[b] : a < b;
  });
  std::vector<std::uint32_t> class_of(n), first_member;  // per class, its earliest unit
  for (std::uint32_t a = 0, b = 0; a < n; a = b) {
    for (b = a; b < n && hash[order[b]] == hash[order[a]]; ++b) {}
    const std::size_t group = first_member.size();  // classes of this hash begin here
    for (std::uint32_t k = a; k < b; ++k) {
      const std::uint32_t j = order[k];
      std::size_t c = group;
      while (c < first_member.size() && units[first_member[c]].terms != units[j].terms) ++c;
      if (c == first_member.size()) first_member.push_back(j);
      class_of[j] = static_cast<std::uint32_t>(c);
    }
  }
  UnitClasses classes;
  classes.start.assign(first_member.size() + 1, 0);
  for (std::uint32_t j = 0; j < n; ++j) ++classes.start[class_of[j] + 1];
  for (std::size_t c = 0; c < first_member.size(); ++c) classes.start[c + 1] += classes.start[c];
  classes.members.resize(n);
  std::vector<std::uint32_t> next(classes.start.begin(), classes.start.end() - 1);
  for (std::uint32_t j = 0; j < n; ++j) classes.members[next[class_of[j]]++] = j;
  return classes;
}

std::vector<Seed> find_seeds(const std::vector<Unit>& page_units, const std::vector<Unit>& source_units,
                             std::size_t term_count, const SentenceAlignOptions& options) {
  const UnitClasses classes = classes_of_equal_units(source_units);
  const std::size_t class_count = classes.start.size() - 1;
  std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(term_count);  // term -> classes
  for (std::uint32_t c = 0; c < class_count; ++c)
    for (const auto& [id, w] : source_units[classes.members[classes.start[c]]].terms) postings[id].emplace_back(c, w);
  std::vector<double> dot(class_count, 0);
  std::vector<std::uint32_t> shared(class_count, 0);
  std::vector<std::uint32_t> touched;
  std::vector<Seed> seeds, weak;
  // Of one page sentence's seeds (those from `first` on), keeps the
  // max_partners most similar; the earlier source sentence first among equals.
  auto keep_best = [&](std::vector<Seed>& v, std::size_t first) {
    if (options.max_partners == 0 || v.size() - first <= options.max_partners) return;
    std::nth_element(v.begin() + first, v.begin() + first + options.max_partners, v.end(),
                     [](const Seed& a, const Seed& b) {
                       return a.cosine != b.cosine ? a.cosine > b.cosine : a.source < b.source;
                     });
    v.resize(first + options.max_partners);
  };
  for (std::uint32_t i = 0; i < page_units.size(); ++i) {
    const std::size_t seeds_before = seeds.size(), weak_before = weak.size();
    const Unit& p = page_units[i];
    for (const auto& [id, w] : p.terms)
      for (const auto& [c, sw] : postings[id]) {
        if (shared[c] == 0) touched.push_back(c);
        dot[c] += static_cast<double>(w) * sw;
        ++shared[c];
      }
    for (std::uint32_t c : touched) {
      const std::uint32_t* members = classes.members.data() + classes.start[c];
      const Unit& s = source_units[members[0]];
      const double cosine = (p.norm > 0 && s.norm > 0) ? dot[c] / (p.norm * s.norm) : 0;
      const double dice = 2.0 * shared[c] / static_cast<double>(p.terms.size() + s.terms.size());
      std::vector<Seed>* into = nullptr;
      if (cosine > options.min_cosine && dice > options.min_dice)
        into = &seeds;
      else if (cosine > options.min_weak_cosine && dice > options.min_weak_dice)
        into = &weak;
      // Of a class, only its first max_partners can be kept (keep_best: the
      // earlier among equals).
      const std::size_t size = classes.start[c + 1] - classes.start[c];
      const std::size_t kept = options.max_partners == 0 ? size : std::min<std::size_t>(size, options.max_partners);
      if (into)
        for (std::size_t k = 0; k < kept; ++k) into->push_back({i, members[k], cosine});
      dot[c] = 0;
      shared[c] = 0;
    }
    touched.clear();
    keep_best(seeds, seeds_before);
    keep_best(weak, weak_before);
  }
  // A weakly similar pair counts when another pair of other sentences lies
  // beside it on both sides: heavy rewording leaves each sentence only a few
  // shared words, but a run of such sentences is still one reuse. Sentences
  // that have a strongly similar partner take no weak ones (topic noise).
  std::vector<std::vector<std::uint32_t>> partners(page_units.size());  // source units per page unit
  std::vector<bool> page_seeded(page_units.size(), false), source_seeded(source_units.size(), false);
  for (const Seed& s : seeds) {
    partners[s.page].push_back(s.source);
    page_seeded[s.page] = source_seeded[s.source] = true;
  }
  for (const Seed& w : weak) partners[w.page].push_back(w.source);
  const std::uint32_t gap = options.weak_support_gap;
  auto supported = [&](const Seed& w) {
    const std::uint32_t first = w.page > gap ? w.page - gap : 0;
    const std::uint32_t last = std::min<std::uint32_t>(w.page + gap, static_cast<std::uint32_t>(page_units.size()) - 1);
    for (std::uint32_t i = first; i <= last; ++i)
      if (i != w.page)
        for (std::uint32_t j : partners[i])
          if (j != w.source && j + gap >= w.source && j <= w.source + gap) return true;
    return false;
  };
  for (const Seed& w : weak)
    if (!page_seeded[w.page] && !source_seeded[w.source] && supported(w)) seeds.push_back(w);
  return seeds;
}

// Where a source that says the same thing twice (a page and its print
// version) splits: `seeds`, in source order, split at k so that at least
// `min_units`, and half, of their page units have partners on both sides of
// k, in the same order on both (else 0). Every page sentence of such a
// source's reuse has partners in both copies, and the gap rule cannot part
// two copies that touch. The order tells a repeat from a block of page and
// source sentences that all resemble each other, as translations give.
std::size_t repeat_split(const std::vector<Seed>& seeds, std::uint32_t min_units) {
  if (min_units == 0 || seeds.size() < 2 * static_cast<std::size_t>(min_units)) return 0;
  // Each page unit's seeds, as indices into `seeds` (ascending): it has
  // partners on both sides of split k when its first < k <= its last.
  std::vector<std::pair<std::uint32_t, std::size_t>> by_unit;  // page unit, index
  for (std::size_t i = 0; i < seeds.size(); ++i) by_unit.emplace_back(seeds[i].page, i);
  std::sort(by_unit.begin(), by_unit.end());
  std::vector<std::pair<std::size_t, std::size_t>> units;  // [from, to) in by_unit, one per page unit
  std::vector<std::int64_t> delta(seeds.size() + 1, 0);
  for (std::size_t a = 0, b = 0; a < by_unit.size(); a = b) {
    for (b = a; b < by_unit.size() && by_unit[b].first == by_unit[a].first; ++b) {}
    units.emplace_back(a, b);
    ++delta[by_unit[a].second + 1];
    --delta[by_unit[b - 1].second + 1];
  }
  std::size_t k = 0;
  std::int64_t best = 0, count = 0;
  for (std::size_t i = 1; i < seeds.size(); ++i) {
    count += delta[i];
    // Only between two source units: one unit's seeds stay together.
    if (seeds[i].source != seeds[i - 1].source && count > best) {
      k = i;
      best = count;
    }
  }
  if (best < static_cast<std::int64_t>(min_units) || 2 * static_cast<std::size_t>(best) < units.size()) return 0;
  // Of those page units, the ones whose best partner advances on both sides.
  auto best_partner = [&](std::size_t from, std::size_t to, bool before) {
    std::size_t pick = seeds.size();
    for (std::size_t u = from; u < to; ++u) {
      const std::size_t i = by_unit[u].second;
      if ((i < k) == before && (pick == seeds.size() || seeds[i].cosine > seeds[pick].cosine)) pick = i;
    }
    return pick;
  };
  std::size_t ordered = 0, last_before = 0, last_after = 0;
  for (const auto& [from, to] : units) {
    if (by_unit[from].second >= k || by_unit[to - 1].second < k) continue;
    const std::size_t before = best_partner(from, to, true), after = best_partner(from, to, false);
    if (ordered == 0 || (seeds[before].source > seeds[last_before].source &&
                         seeds[after].source > seeds[last_after].source)) {
      ++ordered;
      last_before = before;
      last_after = after;
    }
  }
  return ordered >= min_units && 2 * ordered >= units.size() ? k : 0;
}

// Splits seeds where consecutive ones (ordered on one side) are more than
// `gap` units apart, or where the source repeats itself (repeat_split, with
// `min_repeat`), alternating sides until no group splits further: done when
// neither side splits (the first call has checked neither).
// `barriers` counts, per page unit, the units before it that other evidence
// explains (prefix sums): a passage never spans one.
void cluster(std::vector<Seed> seeds, std::uint32_t page_gap, std::uint32_t source_gap, std::uint32_t min_repeat,
             bool by_page, bool other_side_stable, const std::vector<std::uint32_t>& barriers,
             std::vector<std::vector<Seed>>& out) {
  auto side = [&](const Seed& s) { return by_page ? s.page : s.source; };
  std::sort(seeds.begin(), seeds.end(), [&](const Seed& a, const Seed& b) {
    return side(a) != side(b) ? side(a) < side(b) : (by_page ? a.source < b.source : a.page < b.page);
  });
  const std::uint32_t gap = by_page ? page_gap : source_gap;
  std::vector<std::vector<Seed>> groups(1);
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (i > 0 && (side(seeds[i]) > side(seeds[i - 1]) + gap + 1 ||
                  (by_page && barriers[seeds[i].page] != barriers[seeds[i - 1].page + 1])))
      groups.emplace_back();
    groups.back().push_back(seeds[i]);
  }
  if (groups.size() == 1 && !by_page)
    if (const std::size_t k = repeat_split(groups[0], min_repeat); k > 0) {
      groups.emplace_back(groups[0].begin() + static_cast<std::ptrdiff_t>(k), groups[0].end());
      groups[0].resize(k);
    }
  if (groups.size() == 1 && other_side_stable) {
    out.push_back(std::move(groups[0]));  // stable on both sides
    return;
  }
  for (auto& g : groups)
    cluster(std::move(g), page_gap, source_gap, min_repeat, !by_page, groups.size() == 1, barriers, out);
}

struct Range {
  std::uint32_t page_first, page_last, source_first, source_last;  // unit ranges, inclusive
};

Range range_of(const std::vector<Seed>& seeds) {
  Range r{seeds[0].page, seeds[0].page, seeds[0].source, seeds[0].source};
  for (const Seed& s : seeds) {
    r.page_first = std::min(r.page_first, s.page);
    r.page_last = std::max(r.page_last, s.page);
    r.source_first = std::min(r.source_first, s.source);
    r.source_last = std::max(r.source_last, s.source);
  }
  return r;
}

// A cluster's source side, narrowed to the units that are, for one of its
// page units, at least `share` of that page unit's best cosine in the cluster.
Range partner_range(std::vector<Seed> seeds, double share) {
  std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) { return a.page < b.page; });
  std::vector<Seed> partners;
  for (std::size_t i = 0; i < seeds.size();) {
    std::size_t j = i;
    double best = 0;
    for (; j < seeds.size() && seeds[j].page == seeds[i].page; ++j) best = std::max(best, seeds[j].cosine);
    for (; i < j; ++i)
      if (seeds[i].cosine >= share * best) partners.push_back(seeds[i]);
  }
  return range_of(partners);
}

// Cosine of the summed tf-idf vectors of two unit ranges.
class RangeSimilarity {
 public:
  explicit RangeSimilarity(std::size_t term_count) : acc_(term_count, 0) {}

  double operator()(const std::vector<Unit>& page_units, std::uint32_t pf, std::uint32_t pl,
                    const std::vector<Unit>& source_units, std::uint32_t sf, std::uint32_t sl) {
    double page_norm = 0, source_norm = 0, dot = 0;
    for (std::uint32_t i = pf; i <= pl; ++i)
      for (const auto& [id, w] : page_units[i].terms) {
        if (acc_[id] == 0) touched_.push_back(id);
        acc_[id] += w;
      }
    for (std::uint32_t id : touched_) page_norm += acc_[id] * acc_[id];
    // Source sums: the source's weights sorted by term, summed per term.
    std::vector<std::pair<std::uint32_t, double>> source_sum;
    for (std::uint32_t j = sf; j <= sl; ++j)
      for (const auto& [id, w] : source_units[j].terms) source_sum.emplace_back(id, w);
    std::sort(source_sum.begin(), source_sum.end());
    for (std::size_t k = 0; k < source_sum.size();) {
      double sum = 0;
      const std::uint32_t id = source_sum[k].first;
      for (; k < source_sum.size() && source_sum[k].first == id; ++k) sum += source_sum[k].second;
      source_norm += sum * sum;
      dot += sum * acc_[id];
    }
    for (std::uint32_t id : touched_) acc_[id] = 0;
    touched_.clear();
    return (page_norm > 0 && source_norm > 0) ? dot / std::sqrt(page_norm * source_norm) : 0;
  }

 private:
  std::vector<double> acc_;
  std::vector<std::uint32_t> touched_;
};

// Clusters seeds, then keeps clusters whose two sides are similar as wholes;
// a cluster that fails is clustered again with a smaller gap. A cluster's
// source side ends at partners of its page units (partner_range; share 0:
// at any seed); a source that repeats itself splits (cluster,
// min_repeat_units).
void extend(const std::vector<Seed>& seeds, std::uint32_t page_gap, std::uint32_t source_gap, double partner_share,
            const std::vector<std::uint32_t>& barriers, const std::vector<Unit>& page_units,
            const std::vector<Unit>& source_units, RangeSimilarity& similarity, const SentenceAlignOptions& options,
            std::vector<std::pair<Range, double>>& out) {
  std::vector<std::vector<Seed>> clusters;
  cluster(seeds, page_gap, source_gap, options.min_repeat_units, true, false, barriers, clusters);
  for (const auto& c : clusters) {
    Range r = range_of(c);
    if (partner_share > 0) {
      const Range partners = partner_range(c, partner_share);
      r.source_first = partners.source_first;
      r.source_last = partners.source_last;
    }
    const double sim =
        similarity(page_units, r.page_first, r.page_last, source_units, r.source_first, r.source_last);
    if (sim >= options.min_validation) {
      out.emplace_back(r, sim);
    } else if (c.size() > 1 && (page_gap > 0 || source_gap > 0)) {
      extend(c, page_gap > 0 ? page_gap - 1 : 0, source_gap > 0 ? source_gap - 1 : 0, partner_share, barriers,
             page_units, source_units, similarity, options, out);
    }
  }
}

// The summary clusters, each replaced by the ordinary clusters inside it
// when one of those pairs all its page sentences with a source stretch at
// least `restatement_similarity` alike (see SentenceAlignOptions).
std::vector<std::pair<Range, double>> keep_restatements(const std::vector<std::pair<Range, double>>& wide,
                                                        const std::vector<std::pair<Range, double>>& normal,
                                                        double restatement_similarity) {
  std::vector<std::pair<Range, double>> out;
  std::vector<bool> taken(normal.size(), false);  // summary ranges may overlap: each cluster once
  for (const auto& w : wide) {
    const Range& r = w.first;
    std::vector<std::size_t> inside;
    bool restated = false;
    for (std::size_t k = 0; k < normal.size(); ++k) {
      const Range& c = normal[k].first;
      if (c.page_first < r.page_first || c.page_last > r.page_last || c.source_first < r.source_first ||
          c.source_last > r.source_last)
        continue;
      inside.push_back(k);
      restated = restated || (c.page_first == r.page_first && c.page_last == r.page_last &&
                              normal[k].second >= restatement_similarity);
    }
    if (!restated) {
      out.push_back(w);
      continue;
    }
    for (std::size_t k : inside)
      if (!taken[k]) {
        taken[k] = true;
        out.push_back(normal[k]);
      }
  }
  return out;
}

}  // namespace

std::vector<SentenceMatch> align_sentences(const Document& page, const Document& source,
                                           const SentenceAlignOptions& options,
                                           const std::vector<std::pair<std::uint32_t, std::uint32_t>>& explained) {
  std::vector<Unit> page_units = make_units(page, options.min_unit_words, options.max_unit_tokens);
  std::vector<Unit> source_units = make_units(source, options.min_unit_words, options.max_unit_tokens);
  if (page_units.empty() || source_units.empty()) return {};
  const std::size_t term_count =
      weigh_terms(page, page_units, source, source_units, static_cast<float>(options.synonym_weight));

  // A page unit is explained when copies cover most of it (a copy may begin
  // inside a restated sentence, from the words it kept). Their ranges,
  // sorted and merged, are swept once with the units (both in page order): a
  // page repeating an article 20,000 times has as many copies as sentences.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> copies = explained;
  std::sort(copies.begin(), copies.end());
  std::size_t merged = 0;
  for (const auto& c : copies)
    if (merged > 0 && c.first <= copies[merged - 1].second)
      copies[merged - 1].second = std::max(copies[merged - 1].second, c.second);
    else
      copies[merged++] = c;
  copies.resize(merged);
  std::vector<bool> is_explained(page_units.size(), false);
  std::vector<std::uint32_t> barriers(page_units.size() + 1, 0);
  for (std::size_t i = 0, next = 0; i < page_units.size(); ++i) {
    const Unit& u = page_units[i];
    for (; next < copies.size() && copies[next].second <= u.first; ++next) {}
    std::uint32_t covered = 0;
    for (std::size_t k = next; k < copies.size() && copies[k].first < u.last; ++k)
      covered += std::min(copies[k].second, u.last) - std::max(copies[k].first, u.first);
    is_explained[i] = 2 * covered > u.last - u.first;
    barriers[i + 1] = barriers[i] + is_explained[i];
  }
  std::vector<Seed> seeds = find_seeds(page_units, source_units, term_count, options);
  seeds.erase(std::remove_if(seeds.begin(), seeds.end(), [&](const Seed& s) { return is_explained[s.page]; }),
              seeds.end());
  if (seeds.empty()) return {};
  RangeSimilarity similarity(term_count);

  auto to_matches = [&](const std::vector<std::pair<Range, double>>& ranges) {
    std::vector<SentenceMatch> out;
    for (const auto& [r, sim] : ranges)
      out.push_back({page_units[r.page_first].first, page_units[r.page_last].last, source_units[r.source_first].first,
                     source_units[r.source_last].last, sim});
    return out;
  };

  std::vector<std::pair<Range, double>> normal;
  extend(seeds, options.max_gap, options.max_gap, options.partner_share, barriers, page_units, source_units,
         similarity, options, normal);

  // A summary: the page side, far shorter, matches sentences spread over a
  // long stretch of the source. Tried with wide source gaps; kept when the
  // result does look like one.
  std::vector<std::pair<Range, double>> wide;
  extend(seeds, options.max_gap, options.summary_max_gap, 0, barriers, page_units, source_units, similarity, options,
         wide);
  std::size_t page_tokens = 0, source_tokens = 0;
  for (const auto& [r, sim] : wide) {
    page_tokens += page_units[r.page_last].last - page_units[r.page_first].first;
    source_tokens += source_units[r.source_last].last - source_units[r.source_first].first;
  }
  if (wide.size() <= normal.size() && source_tokens > 0 &&
      static_cast<double>(page_tokens) < options.summary_max_ratio * static_cast<double>(source_tokens))
    return to_matches(keep_restatements(wide, normal, options.restatement_similarity));
  return to_matches(normal);
}

}  // namespace reuselens
