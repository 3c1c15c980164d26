// Helpers shared by the core tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "reuselens/document.hpp"

namespace reuselens::test {

inline Document doc(const std::string& text) {
  Document d;
  const Status s = Document::create(text, d);
  EXPECT_TRUE(s.ok) << s.message;
  return d;
}

inline std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(REUSELENS_SEEDS_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing seed " << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string slice(const Document& d, std::uint32_t begin, std::uint32_t end) {
  return d.text().substr(begin, end - begin);
}

}  // namespace reuselens::test
