#include "reuselens/moves.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace reuselens {

namespace {

bool movable(const Token& t) {
  return (t.flags & (kTokenStopword | kTokenIdeograph | kTokenLink)) == 0;
}

bool added(StepType t) { return t == StepType::kInserted || t == StepType::kSubstituted; }
bool left_out(StepType t) { return t == StepType::kDeleted || t == StepType::kSubstituted; }

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The moves in p's alignment: moved_from[i] is the step whose source word page
// step i's word is (kNone if it did not move), source_taken[j] whether step j's
// source word moved. False if nothing moved.
bool find_moves(const Passage& p, const Document& page, const Document& source, std::vector<std::size_t>& moved_from,
                std::vector<bool>& source_taken) {
  const auto& steps = p.alignment;
  const auto& pt = page.tokens();
  const auto& st = source.tokens();
  // Source words the page dropped or replaced, by stem: indexes of their steps.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> dropped;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const AlignmentStep& s = steps[i];
    if ((s.type == StepType::kDeleted || s.type == StepType::kSubstituted) && movable(st[s.source]))
      dropped[st[s.source].stem].push_back(i);
  }
  if (dropped.empty()) return false;

  const double page_words = std::max<std::uint32_t>(1, p.page_last_token - p.page_first_token);
  const double source_words = p.source_last_token - p.source_first_token;
  moved_from.assign(steps.size(), kNone);
  source_taken.assign(steps.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const AlignmentStep& s = steps[i];
    if ((s.type != StepType::kInserted && s.type != StepType::kSubstituted) || !movable(pt[s.page])) continue;
    const auto it = dropped.find(pt[s.page].stem);
    if (it == dropped.end()) continue;
    // Where the page word would sit in the source if nothing had moved.
    const double expected = p.source_first_token + (s.page - p.page_first_token) * source_words / page_words;
    std::size_t best = kNone;
    double best_distance = 0;
    for (const std::size_t d : it->second) {
      // Two swaps that trade words are a spinner's, not a move.
      if (source_taken[d] || (s.type == StepType::kSubstituted && steps[d].type == StepType::kSubstituted)) continue;
      const double distance = std::abs(steps[d].source - expected);
      if (best == kNone || distance < best_distance) best = d, best_distance = distance;
    }
    if (best == kNone) continue;
    source_taken[best] = true;
    moved_from[i] = best;
    any = true;
  }
  if (!any) return false;

  // A moved word takes its neighbours along when they moved with it: the same
  // word beside it in both texts ("talks with Moscow" for "discussions with
  // Moscow"), function words included, as a pair of them beside a move means
  // something that one alone does not.
  std::vector<std::size_t> page_step(p.page_last_token - p.page_first_token, kNone);
  std::vector<std::size_t> source_step(p.source_last_token - p.source_first_token, kNone);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].page != AlignmentStep::kNoToken) page_step[steps[i].page - p.page_first_token] = i;
    if (steps[i].source != AlignmentStep::kNoToken) source_step[steps[i].source - p.source_first_token] = i;
  }
  const auto step_at = [](const std::vector<std::size_t>& of, std::uint32_t first, std::int64_t token) {
    return token < first || token - first >= static_cast<std::int64_t>(of.size()) ? kNone : of[token - first];
  };
  std::vector<std::size_t> grow;
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (moved_from[i] != kNone) grow.push_back(i);
  while (!grow.empty()) {
    const std::size_t i = grow.back();
    grow.pop_back();
    for (const int dir : {-1, 1}) {
      const std::size_t a = step_at(page_step, p.page_first_token, std::int64_t{steps[i].page} + dir);
      const std::size_t b = step_at(source_step, p.source_first_token, std::int64_t{steps[moved_from[i]].source} + dir);
      if (a == kNone || b == kNone || moved_from[a] != kNone || source_taken[b]) continue;
      const StepType page_was = steps[a].type, source_was = steps[b].type;
      if (!added(page_was) || !left_out(source_was) ||
          (page_was == StepType::kSubstituted && source_was == StepType::kSubstituted))
        continue;
      const Token& pw = pt[steps[a].page];
      const Token& sw = st[steps[b].source];
      if (pw.stem != sw.stem || ((pw.flags | sw.flags) & kTokenLink)) continue;
      source_taken[b] = true;
      moved_from[a] = b;
      grow.push_back(a);
    }
  }
  return true;
}

}  // namespace

std::uint32_t count_moved_words(const Passage& p, const Document& page, const Document& source) {
  std::vector<std::size_t> moved_from;
  std::vector<bool> source_taken;
  if (!find_moves(p, page, source, moved_from, source_taken)) return 0;
  return static_cast<std::uint32_t>(std::count(source_taken.begin(), source_taken.end(), true));
}

void mark_moved_words(Passage& p, const Document& page, const Document& source) {
  std::vector<std::size_t> moved_from;
  std::vector<bool> source_taken;
  if (!find_moves(p, page, source, moved_from, source_taken)) return;
  auto& steps = p.alignment;
  // Each token stays in exactly one step: a swap that lost its page word to a
  // move leaves its source word deleted, one that lost its source word leaves
  // its page word inserted.
  std::vector<AlignmentStep> out;
  out.reserve(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const AlignmentStep& s = steps[i];
    if (moved_from[i] != kNone) {
      out.push_back({s.page, steps[moved_from[i]].source, StepType::kMoved});
      if (s.type == StepType::kSubstituted && !source_taken[i])
        out.push_back({AlignmentStep::kNoToken, s.source, StepType::kDeleted});
    } else if (source_taken[i]) {
      if (s.type == StepType::kSubstituted) out.push_back({s.page, AlignmentStep::kNoToken, StepType::kInserted});
    } else {
      out.push_back(s);
    }
  }
  steps = std::move(out);
}

}  // namespace reuselens
