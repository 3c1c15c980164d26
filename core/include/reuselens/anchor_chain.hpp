// The anchors of a word alignment: of the exact runs two texts share inside a
// passage, the heaviest set that one monotone alignment can keep as fixed
// points (each run wholly after the previous one on both sides).
#pragma once
#include <vector>

#include "reuselens/passage.hpp"

namespace reuselens {

// The chain of runs, in page order, with the most words among those where
// each run ends before the next begins on both sides. Among equal chains it
// takes, at every step back, the run that comes first in page order (then
// source order, then shorter first), whatever order the runs came in.
// O(k log k) for k runs: a page and a source that repeat a few words can
// share hundreds of thousands of runs.
std::vector<Run> heaviest_monotone_chain(std::vector<Run> runs);

}  // namespace reuselens
