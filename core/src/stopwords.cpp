// English function words: too common to seed a match on their own.
#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "reuselens/tokenize.hpp"

namespace reuselens {

namespace {
constexpr std::string_view kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
    "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "may",
    "might", "must", "shall", "upon", "yet", "though", "although", "whether", "since", "onto", "within",
    "without", "toward", "towards", "across", "among", "via", "per", "unto", "thus", "hence", "cannot"};
}  // namespace

bool is_stopword(std::string_view word) {
  static const auto sorted = [] {
    std::vector<std::string_view> copy(std::begin(kStopwords), std::end(kStopwords));
    std::sort(copy.begin(), copy.end());
    return copy;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

}  // namespace reuselens
