// The function-word lists that scripts/build_stopwords.py generates (from
// Debian's liblingua-stopwords-perl and liblucene8-java) into the build
// directory. Internal to language.cpp.
#pragma once
#include <cstddef>

namespace reuselens::detail {

struct FunctionWordList {
  const char* code;       // ISO 639-1 ("de")
  const char* algorithm;  // Snowball stemmer name ("german"), nullptr where Snowball has none
  const char* words;      // UTF-8, separated by single spaces, as the list writes them
};

extern const FunctionWordList kFunctionWordLists[];
extern const std::size_t kFunctionWordListCount;

}  // namespace reuselens::detail
