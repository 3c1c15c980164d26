#include "reuselens/passage.hpp"

#include <algorithm>

namespace reuselens {

const char* kind_name(PassageKind kind) {
  switch (kind) {
    case PassageKind::kVerbatim: return "verbatim";
    case PassageKind::kEdited: return "edited";
    case PassageKind::kSpun: return "spun";
    case PassageKind::kParaphrase: return "paraphrase";
    case PassageKind::kSummary: return "summary";
  }
  return "unknown";
}

const char* step_name(StepType type) {
  switch (type) {
    case StepType::kExact: return "exact";
    case StepType::kStem: return "stem";
    case StepType::kSynonym: return "synonym";
    case StepType::kFunction: return "function";
    case StepType::kSubstituted: return "substituted";
    case StepType::kInserted: return "inserted";
    case StepType::kDeleted: return "deleted";
    case StepType::kMoved: return "moved";
  }
  return "unknown";
}

void append_synonym_steps(std::vector<AlignmentStep>& out, std::uint32_t page_first, std::uint32_t page_words,
                          std::uint32_t source_first, std::uint32_t source_words) {
  for (std::uint32_t i = 0; i < std::max(page_words, source_words); ++i)
    out.push_back({i < page_words ? page_first + i : AlignmentStep::kNoToken,
                   i < source_words ? source_first + i : AlignmentStep::kNoToken, StepType::kSynonym});
}

std::vector<ReportedStep> reported_steps(const std::vector<AlignmentStep>& steps) {
  std::vector<ReportedStep> out;
  out.reserve(steps.size());
  for (const AlignmentStep& s : steps) {
    if (s.type == StepType::kSynonym && !s.paired() && !out.empty() && out.back().type == StepType::kSynonym) {
      // A further word of the synonym before it.
      if (s.page != AlignmentStep::kNoToken) out.back().page_last = s.page + 1;
      if (s.source != AlignmentStep::kNoToken) out.back().source_last = s.source + 1;
      continue;
    }
    ReportedStep r;
    r.type = s.type;
    if (s.page != AlignmentStep::kNoToken) r.page_first = s.page, r.page_last = s.page + 1;
    if (s.source != AlignmentStep::kNoToken) r.source_first = s.source, r.source_last = s.source + 1;
    out.push_back(r);
  }
  return out;
}

}  // namespace reuselens
