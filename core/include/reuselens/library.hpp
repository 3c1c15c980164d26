// The user's library of known sources and its fingerprint index.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/status.hpp"

namespace reuselens {

struct SourceInfo {
  std::string id;     // unique within a library
  std::string title;
  std::string url;
  std::string text;   // valid UTF-8
};

struct LibraryOptions {
  std::size_t ngram = 4;   // tokens per indexed n-gram
  std::size_t window = 4;  // winnowing window: shared runs of ngram+window-1 tokens are always found
  // A fingerprint found in more than max(boilerplate_min_sources,
  // boilerplate_fraction x sources) sources is boilerplate ("said in a
  // statement on"): it never makes a source a candidate on its own.
  std::size_t boilerplate_min_sources = 4;
  double boilerplate_fraction = 0.05;
  // A source sharing no fingerprint is still a candidate when it uses this many
  // of the page's content words (each counted once, boilerplate ones aside):
  // spun, paraphrased and summarized copies share words, not 7-word runs.
  std::size_t min_shared_words = 6;
};

class Library {
 public:
  explicit Library(LibraryOptions options = {}) : options_(options) {}

  // Fails (and changes nothing) on a duplicate id, an empty id or invalid UTF-8.
  Status add(SourceInfo info);
  bool remove(const std::string& id);
  void clear();

  std::size_t size() const { return sources_.size(); }
  const SourceInfo& info(std::size_t index) const { return sources_[index].info; }
  // The source's tokens, built on first use: a loaded library tokenizes only the
  // sources that become candidates. (So const calls are not safe from two threads.)
  const Document& document(std::size_t index) const;
  // Index of the source with this id, or -1.
  long find(const std::string& id) const;

  // Sources sharing fingerprints with the page, then sources sharing enough
  // content words (LibraryOptions::min_shared_words); best first, at most
  // `limit`. Fingerprints and words found in more than
  // max_document_frequency() sources are boilerplate and ignored.
  struct Candidate {
    std::uint32_t source = 0;
    std::uint32_t shared = 0;  // page n-grams found among the source's fingerprints
    std::uint32_t words = 0;   // distinct content words of the page the source uses
    double word_weight = 0;    // those words weighted by rarity in the library (idf)
  };
  std::vector<Candidate> candidates(const Document& page, std::size_t limit) const;
  std::size_t max_document_frequency() const;
  // Number of sources whose postings include this hash (an n-gram
  // fingerprint, or a word: word_posting_key).
  std::uint32_t document_frequency(std::uint64_t hash) const;
  // True when every indexed n-gram of the page range [first_token, last_token)
  // is boilerplate (and there is at least one): such a range is no match.
  bool is_boilerplate(const Document& page, std::uint32_t first_token, std::uint32_t last_token) const;

  const LibraryOptions& options() const { return options_; }

  // Versioned binary format with a checksum (see library_format.hpp).
  std::vector<std::uint8_t> save() const;
  // All or nothing: on error `out` is left untouched.
  static Status load(const std::uint8_t* bytes, std::size_t size, Library& out);

 private:
  struct Entry {
    SourceInfo info;
    mutable std::unique_ptr<Document> document;  // null until first used
  };
  struct Posting {
    std::uint64_t hash;
    std::uint32_t source;
    bool operator<(const Posting& o) const { return hash != o.hash ? hash < o.hash : source < o.source; }
  };
  // Sorts the postings if sources were added since the last query: adding many
  // sources then matching costs one sort, not one per source.
  void ensure_sorted() const;
  // Checks the id and fields of a source about to be added ("" when fine).
  std::string refuse(const SourceInfo& info) const;
  void append(SourceInfo info, std::unique_ptr<Document> document);

  LibraryOptions options_;
  std::vector<Entry> sources_;
  std::unordered_map<std::string, std::uint32_t> slot_of_id_;  // id -> index in sources_
  // (fingerprint, source) pairs, one per fingerprint of each source; a flat
  // array keeps large libraries compact.
  mutable std::vector<Posting> postings_;
  mutable bool postings_sorted_ = true;
};

}  // namespace reuselens
