// Quoted speech: news outlets legitimately share it ("“We're looking for ways
// ...,” Kerry said"), so a passage quoted in both texts is flagged, not hidden.
#pragma once
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace reuselens {

// Byte ranges of the quotations in a text, each including its quotation marks,
// in order and not overlapping. Pairs “ ”, « », „ “ (or „ ”), and straight
// double quotes (which alternate). A quotation left open ends at the next
// blank line or at the end of the text. Single quotes are ignored: they
// double as apostrophes.
std::vector<std::pair<std::uint32_t, std::uint32_t>> quoted_spans(std::string_view text);

// True when [begin, end) lies inside one of `spans`.
bool inside_quotes(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans, std::uint32_t begin,
                   std::uint32_t end);

}  // namespace reuselens
