#include "reuselens/passage.hpp"

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

}  // namespace reuselens
