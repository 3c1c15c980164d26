// Minimal JSON output helpers (the CLI only writes JSON).
#pragma once
#include <string>
#include <string_view>

namespace reuselens::cli {

// A JSON string literal, quotes included. Input must be valid UTF-8.
std::string json_string(std::string_view s);
// A number with up to 4 decimals ("0.9375", "1").
std::string json_number(double v);

}  // namespace reuselens::cli
