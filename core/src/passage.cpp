#include "reuselens/passage.hpp"

namespace reuselens {

const char* kind_name(PassageKind kind) {
  switch (kind) {
    case PassageKind::kVerbatim:
      return "verbatim";
    case PassageKind::kEdited:
      return "edited";
  }
  return "unknown";
}

}  // namespace reuselens
