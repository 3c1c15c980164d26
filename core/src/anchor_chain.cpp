#include "reuselens/anchor_chain.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>

namespace reuselens {

namespace {

// A chain's weight and the index of its last run; the heavier is better, and
// among equals the one ending at the run first in page order.
struct Best {
  std::uint64_t weight = 0;
  std::size_t run = 0;
};
bool better(const Best& a, const Best& b) { return a.weight != b.weight ? a.weight > b.weight : a.run < b.run; }

// Prefix maxima over source positions (a Fenwick tree).
class PrefixBest {
 public:
  explicit PrefixBest(std::size_t n) : tree_(n + 1) {}
  void raise(std::size_t position, const Best& b) {  // position is 0-based
    for (std::size_t i = position + 1; i < tree_.size(); i += i & (~i + 1))
      if (better(b, tree_[i])) tree_[i] = b;
  }
  Best best_before(std::size_t count) const {  // over positions [0, count)
    Best b;
    for (std::size_t i = count; i > 0; i -= i & (~i + 1))
      if (better(tree_[i], b)) b = tree_[i];
    return b;
  }

 private:
  std::vector<Best> tree_;
};

}  // namespace

std::vector<Run> heaviest_monotone_chain(std::vector<Run> runs) {
  // Total orders here and below: where chains tie, the one kept must not
  // depend on the standard library's sort (the WASM build's is another).
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    return std::tie(a.page, a.source, a.length) < std::tie(b.page, b.source, b.length);
  });
  const std::size_t k = runs.size();
  if (k <= 1) return runs;
  // Run j can precede run i when it ends on both sides where i begins or
  // before. Sweeping i in page order, every j that ends on the page by then
  // is entered at the rank of its source end; i then asks for the best chain
  // among the entered runs whose source end is at most its source start.
  std::vector<std::uint32_t> source_ends(k);
  for (std::size_t j = 0; j < k; ++j) source_ends[j] = runs[j].source + runs[j].length;
  std::sort(source_ends.begin(), source_ends.end());
  source_ends.erase(std::unique(source_ends.begin(), source_ends.end()), source_ends.end());
  std::vector<std::size_t> by_page_end(k);
  for (std::size_t j = 0; j < k; ++j) by_page_end[j] = j;
  std::sort(by_page_end.begin(), by_page_end.end(), [&](std::size_t a, std::size_t b) {
    const std::uint32_t end_a = runs[a].page + runs[a].length, end_b = runs[b].page + runs[b].length;
    return end_a != end_b ? end_a < end_b : a < b;
  });

  PrefixBest entered(source_ends.size());
  std::vector<Best> best(k);
  std::vector<std::size_t> prev(k, k);
  std::size_t next_entry = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (; next_entry < k && runs[by_page_end[next_entry]].page + runs[by_page_end[next_entry]].length <= runs[i].page;
         ++next_entry) {
      const std::size_t j = by_page_end[next_entry];
      const auto rank = std::lower_bound(source_ends.begin(), source_ends.end(), runs[j].source + runs[j].length) -
                        source_ends.begin();
      entered.raise(static_cast<std::size_t>(rank), best[j]);
    }
    const auto count =
        std::upper_bound(source_ends.begin(), source_ends.end(), runs[i].source) - source_ends.begin();
    const Best before = entered.best_before(static_cast<std::size_t>(count));
    best[i] = {runs[i].length, i};
    if (before.weight > 0) {
      best[i].weight += before.weight;
      prev[i] = before.run;
    }
  }
  std::size_t last = 0;
  for (std::size_t i = 1; i < k; ++i)
    if (best[i].weight > best[last].weight) last = i;
  std::vector<Run> chain;
  for (std::size_t i = last; i != k; i = prev[i]) chain.push_back(runs[i]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace reuselens
