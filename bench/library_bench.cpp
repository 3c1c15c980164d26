// library_bench LIBRARY PAGE [RUNS]: the native side of bench/wasm/library_bench.mjs.
// Loads a saved library, matches the page RUNS times (after a first match that
// also builds the index, and the same untimed warm-up as bench/wasm/measure.js), and prints JSON: load and match times in ms (median),
// and the number of passages, so the WASM figures can be compared on the same work.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/library.hpp"
#include "reuselens/match.hpp"

namespace {

constexpr int kWarmupRuns = 5;       // WARMUP_RUNS and WARMUP_MS in bench/wasm/measure.js
constexpr double kWarmupMs = 300;

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: library_bench LIBRARY PAGE [RUNS]\n";
    return 2;
  }
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 7;
  std::string bytes, text;
  if (!read_file(argv[1], bytes) || !read_file(argv[2], text)) {
    std::cerr << "library_bench: cannot read " << argv[1] << " or " << argv[2] << "\n";
    return 1;
  }
  std::vector<double> loads;
  reuselens::Library library;
  for (int i = 0; i < std::max(3, runs / 2); ++i) {
    reuselens::Library fresh;
    const auto start = std::chrono::steady_clock::now();
    const reuselens::Status st =
        reuselens::Library::load(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), fresh);
    loads.push_back(ms_since(start));
    if (!st) {
      std::cerr << "library_bench: " << st.message << "\n";
      return 1;
    }
    library = std::move(fresh);
  }
  std::size_t passages = 0;
  const auto first_start = std::chrono::steady_clock::now();
  {
    reuselens::Document page;
    reuselens::Document::create(text, page);
    passages = reuselens::match(library, page).size();
  }
  const double first = ms_since(first_start);
  const auto warm = std::chrono::steady_clock::now();
  for (int i = 0; i < kWarmupRuns || ms_since(warm) < kWarmupMs; ++i) {
    reuselens::Document page;
    reuselens::Document::create(text, page);
    reuselens::match(library, page);
  }
  std::vector<double> matches;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    reuselens::Document page;  // the page is tokenized each time, as in the WASM API
    reuselens::Document::create(text, page);
    reuselens::match(library, page);
    matches.push_back(ms_since(start));
  }
  std::printf("{\"sources\":%zu,\"load_ms\":%.2f,\"first_match_ms\":%.2f,\"match_ms\":%.2f,\"passages\":%zu}\n",
              library.size(), median(loads), first, median(matches), passages);
  return 0;
}
