#include "reuselens/library.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "reuselens/fingerprint.hpp"

namespace reuselens {

namespace {

void sort_unique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The distinct content words of a text, as posting keys.
std::vector<std::uint64_t> word_keys(const Document& doc) {
  std::vector<std::uint64_t> out;
  for (const Token& t : doc.tokens())
    if (!(t.flags & (kTokenStopword | kTokenIdeograph))) out.push_back(word_posting_key(t.stem));
  sort_unique(out);
  return out;
}

// What a source is indexed under: its winnowed n-grams and its content words.
std::vector<std::uint64_t> source_postings(const Document& doc, const LibraryOptions& options) {
  const auto hashes = ngram_hashes(doc.tokens(), options.ngram);
  std::vector<std::uint64_t> out = word_keys(doc);
  for (const Fingerprint& f : winnow(hashes, options.window))
    if (!ngram_all_stopwords(doc.tokens(), f.position, options.ngram)) out.push_back(f.hash);
  sort_unique(out);
  return out;
}

}  // namespace

std::string Library::refuse(const SourceInfo& info) const {
  if (info.id.empty()) return "a source needs a non-empty id";
  if (find(info.id) >= 0) return "a source with id \"" + info.id + "\" is already in the library";
  if (sources_.size() >= UINT32_MAX - 1) return "the library is full";
  const std::pair<const std::string*, const char*> fields[] = {{&info.id, "id"}, {&info.title, "title"}, {&info.url, "URL"}};
  for (const auto& [field, name] : fields)
    if (auto bad = find_invalid_utf8(*field)) return "source \"" + info.id + "\": its " + name + ": " + bad->describe();
  return {};
}

void Library::append(SourceInfo info, std::unique_ptr<Document> document) {
  const auto slot = static_cast<std::uint32_t>(sources_.size());
  slot_of_id_.emplace(info.id, slot);
  sources_.push_back({std::move(info), std::move(document)});
}

Status Library::add(SourceInfo info) {
  if (std::string why = refuse(info); !why.empty()) return Status::error(why);
  auto document = std::make_unique<Document>();
  const Status status = Document::create(info.text, *document);
  if (!status) return Status::error("source \"" + info.id + "\": " + status.message);
  const auto slot = static_cast<std::uint32_t>(sources_.size());
  const std::vector<std::uint64_t> keys = source_postings(*document, options_);
  for (std::uint64_t h : keys) postings_.push_back({h, slot});
  postings_sorted_ = keys.empty() && postings_sorted_;
  append(std::move(info), std::move(document));
  return Status::success();
}

const Document& Library::document(std::size_t index) const {
  const Entry& e = sources_[index];
  if (!e.document) {
    e.document = std::make_unique<Document>();
    // Cannot fail: the text was checked when the source came in.
    Document::create(e.info.text, *e.document);
  }
  return *e.document;
}

bool Library::remove(const std::string& id) {
  const long index = find(id);
  if (index < 0) return false;
  const auto slot = static_cast<std::uint32_t>(index);
  // Keep the order of the other sources: later slots move down by one.
  std::size_t out = 0;
  for (const Posting& p : postings_) {
    if (p.source == slot) continue;
    postings_[out++] = {p.hash, p.source > slot ? p.source - 1 : p.source};
  }
  postings_.resize(out);  // still sorted if it was: order by (hash, source) is kept
  slot_of_id_.erase(id);
  for (auto& [other_id, other_slot] : slot_of_id_)
    if (other_slot > slot) --other_slot;
  sources_.erase(sources_.begin() + index);
  return true;
}

void Library::clear() {
  sources_.clear();
  slot_of_id_.clear();
  postings_.clear();
  postings_sorted_ = true;
}

long Library::find(const std::string& id) const {
  const auto it = slot_of_id_.find(id);
  return it == slot_of_id_.end() ? -1 : static_cast<long>(it->second);
}

void Library::ensure_sorted() const {
  if (postings_sorted_) return;
  std::sort(postings_.begin(), postings_.end());
  postings_sorted_ = true;
}

std::size_t Library::max_document_frequency() const {
  const auto share = static_cast<std::size_t>(std::ceil(options_.boilerplate_fraction * sources_.size()));
  return std::max(options_.boilerplate_min_sources, share);
}

std::uint32_t Library::document_frequency(std::uint64_t hash) const {
  ensure_sorted();
  const auto lo = std::lower_bound(postings_.begin(), postings_.end(), Posting{hash, 0});
  const auto hi = std::lower_bound(lo, postings_.end(), Posting{hash, UINT32_MAX});
  return static_cast<std::uint32_t>(hi - lo);
}

std::vector<Library::Candidate> Library::candidates(const Document& page, std::size_t limit) const {
  ensure_sorted();
  const std::size_t max_df = max_document_frequency();
  // Calls found(source, document frequency) for each source under each key
  // (sorted, unique: a key counts once).
  const auto visit = [&](const std::vector<std::uint64_t>& keys, const auto& found) {
    for (std::uint64_t h : keys) {
      const auto lo = std::lower_bound(postings_.begin(), postings_.end(), Posting{h, 0});
      auto hi = lo;
      while (hi != postings_.end() && hi->hash == h) ++hi;
      const auto df = static_cast<std::size_t>(hi - lo);
      if (df == 0 || df > max_df) continue;
      for (auto it = lo; it != hi; ++it) found(it->source, df);
    }
  };
  std::vector<Candidate> all(sources_.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i].source = static_cast<std::uint32_t>(i);
  std::vector<std::uint64_t> ngrams = ngram_hashes(page.tokens(), options_.ngram);
  sort_unique(ngrams);
  visit(ngrams, [&](std::uint32_t source, std::size_t) { ++all[source].shared; });
  const double sources = static_cast<double>(sources_.size());
  visit(word_keys(page), [&](std::uint32_t source, std::size_t df) {
    ++all[source].words;
    all[source].word_weight += std::log((sources + 1) / static_cast<double>(df));
  });
  std::vector<Candidate> out;
  for (const Candidate& c : all)
    if (c.shared > 0 || c.words >= options_.min_shared_words) out.push_back(c);
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.shared != b.shared) return a.shared > b.shared;
    if (a.word_weight != b.word_weight) return a.word_weight > b.word_weight;
    return a.source < b.source;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

bool Library::is_boilerplate(const Document& page, std::uint32_t first, std::uint32_t last) const {
  const std::size_t n = options_.ngram;
  if (last < first + n) return false;
  const std::vector<Token> slice(page.tokens().begin() + first, page.tokens().begin() + last);
  const std::size_t max_df = max_document_frequency();
  bool indexed = false;
  for (std::uint64_t h : ngram_hashes(slice, n)) {
    const std::uint32_t df = document_frequency(h);
    if (df == 0) continue;
    if (df <= max_df) return false;
    indexed = true;
  }
  return indexed;
}

}  // namespace reuselens
