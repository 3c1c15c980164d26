// The CLI's subcommands. Each returns the process exit code:
// 0 success, 1 bad input or failure (message on stderr), 2 usage error.
#pragma once
#include <string>
#include <vector>

namespace reuselens::cli {

using Args = std::vector<std::string>;

int run_match(const Args& args);
int run_align(const Args& args);
int run_library(const Args& args);

int usage_error(const std::string& message, const char* usage);
int fail(const std::string& message);

// For std::bad_alloc, which ends a command (or an align worker) as a failure, not a crash.
inline constexpr const char* kOutOfMemory = "out of memory: the texts need more memory than this process may have";

}  // namespace reuselens::cli
