// Errors as values: the core never throws for bad input, so the same code can be
// bound to JavaScript (where a C++ exception would surface as a bare number).
#pragma once
#include <string>
#include <utility>

namespace reuselens {

struct Status {
  bool ok = true;
  std::string message;  // empty when ok

  static Status success() { return {}; }
  static Status error(std::string msg) { return {false, std::move(msg)}; }
  explicit operator bool() const { return ok; }
};

}  // namespace reuselens
