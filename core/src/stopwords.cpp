// English function words: too common to seed a match on their own, and the
// classes of them that stand in for each other.
#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "language_lists.hpp"
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
    "without", "toward", "towards", "across", "among", "via", "per", "unto", "thus", "hence", "cannot",
    // Contractions, as in Snowball's English list.
    "i'm", "you're", "he's", "she's", "we're", "they're", "i've", "you've", "we've", "they've", "i'd", "you'd",
    "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't",
    "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't",
    "wouldn't", "shan't", "shouldn't", "can't", "couldn't", "mustn't", "let's", "that's", "who's", "what's",
    "here's", "there's", "when's", "where's", "why's", "how's"};
}  // namespace

const std::vector<std::string_view>& english_stopwords() {
  static const auto sorted = [] {
    std::vector<std::string_view> copy(std::begin(kStopwords), std::end(kStopwords));
    std::sort(copy.begin(), copy.end());
    return copy;
  }();
  return sorted;
}

bool is_stopword(std::string_view word) {
  const auto& sorted = english_stopwords();
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

std::uint16_t function_word_classes(std::string_view word) {
  // Spinners and paraphrasers swap words within a class (the/a, which/that,
  // at/during, but/though); one function word for an unrelated one (the/but)
  // is a substitution like any other.
  static constexpr std::string_view kClasses[] = {
      "a an the this that these those its his her their our my your",
      "which that who whom whose",
      "at during in on within over through throughout while",
      "but though although yet while whereas",
      "to towards toward into onto unto",
      "because since as for if whether",
      "is are was were be been being am",
      "will would shall should can could may might must",
      "cannot can't couldn't won't wouldn't shan't shouldn't mustn't",
      "isn't aren't wasn't weren't don't doesn't didn't hasn't haven't hadn't",
  };
  static_assert(std::size(kClasses) <= 16, "a token keeps its classes in 16 bits");
  // The class words, sorted, and the classes of each, found once: every
  // English function word is looked up. (Sorted string_views, as for the
  // stop words above: a table of pairs made the WASM module 6.6 KB larger.)
  struct Table {
    std::vector<std::string_view> words;
    std::vector<std::uint16_t> classes;
  };
  static const Table table = [] {
    Table t;
    for (std::string_view list : kClasses)
      detail::for_each_listed_word(list, [&](std::string_view w) { t.words.push_back(w); });
    std::sort(t.words.begin(), t.words.end());
    t.words.erase(std::unique(t.words.begin(), t.words.end()), t.words.end());
    t.classes.assign(t.words.size(), 0);
    for (std::size_t c = 0; c < std::size(kClasses); ++c)
      detail::for_each_listed_word(kClasses[c], [&](std::string_view w) {
        const auto at = std::lower_bound(t.words.begin(), t.words.end(), w);
        t.classes[static_cast<std::size_t>(at - t.words.begin())] |= static_cast<std::uint16_t>(1u << c);
      });
    return t;
  }();
  const auto it = std::lower_bound(table.words.begin(), table.words.end(), word);
  return it != table.words.end() && *it == word ? table.classes[static_cast<std::size_t>(it - table.words.begin())]
                                                : 0;
}

}  // namespace reuselens
