// The function-word lists that scripts/build_stopwords.py generates (from
// Debian's liblingua-stopwords-perl and liblucene8-java) into the build
// directory, and the reading of a space-separated word list. Internal to the
// core (language.cpp; stopwords.cpp reads its classes the same way).
#pragma once
#include <cstddef>
#include <string_view>

namespace reuselens::detail {

struct FunctionWordList {
  const char* code;       // ISO 639-1 ("de")
  const char* algorithm;  // Snowball stemmer name ("german"), nullptr where Snowball has none
  const char* words;      // UTF-8, separated by single spaces, as the list writes them
};

extern const FunctionWordList kFunctionWordLists[];
extern const std::size_t kFunctionWordListCount;

// Calls f with each word of a list of words separated by single spaces.
template <typename F>
void for_each_listed_word(std::string_view list, F f) {
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    f(list.substr(0, space));
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
}

}  // namespace reuselens::detail
