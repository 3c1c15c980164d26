// reuselens: find passages of a page that reuse known sources.
#include <cstring>
#include <iostream>
#include <new>

#include "commands.hpp"

namespace {

const char* kUsage =
    "usage: reuselens <command> [options]\n"
    "\n"
    "commands:\n"
    "  match [--source FILE]... [--library FILE] [--format json|text] PAGE\n"
    "        passages of PAGE that reuse the sources, as JSON (offsets in code points)\n"
    "  align --pairs PAIRS --src DIR --susp DIR --out DIR [--threads N]\n"
    "        run every pair of a PAN-style corpus, one PAN XML per pair\n"
    "  library build LIB FILE...          create a library file from text files\n"
    "  library add LIB FILE... [--id ID] [--title T] [--url U]\n"
    "  library list LIB [--format json|text]\n"
    "  library remove LIB ID...\n"
    "\n"
    "Text files must be UTF-8; invalid UTF-8 is rejected with its position.\n"
    "Exit status: 0 success, 1 bad input or failure, 2 usage error.\n";

}  // namespace

namespace reuselens::cli {

int usage_error(const std::string& message, const char* usage) {
  std::cerr << "reuselens: " << message << "\n" << (usage ? usage : kUsage);
  return 2;
}

int fail(const std::string& message) {
  std::cerr << "reuselens: " << message << "\n";
  return 1;
}

}  // namespace reuselens::cli

int main(int argc, char** argv) {
  using namespace reuselens::cli;
  if (argc < 2) return usage_error("missing command", kUsage);
  const std::string command = argv[1];
  const Args args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") {
    std::cout << "reuselens 0.1.0\n";
    return 0;
  }
  try {
    if (command == "match") return run_match(args);
    if (command == "align") return run_align(args);
    if (command == "library") return run_library(args);
  } catch (const std::bad_alloc&) {
    // Files are replaced whole (write_file_atomically): a saved library stays as it was.
    return fail(kOutOfMemory);
  }
  return usage_error("unknown command '" + command + "'", kUsage);
}
