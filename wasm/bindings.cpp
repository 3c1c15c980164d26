// Thin embind binding of the C++ core (the JS API proper is wasm/reuselens.mjs).
//
// - Offsets cross the boundary as UTF-16 code units (what JS strings and the DOM
//   count); the core works on UTF-8 byte offsets and converts with its Documents.
// - Errors come back as values (an error string, "" on success): nothing here
//   throws for bad input, because a C++ exception reaches JS as a bare number.
//   The only throws left are allocation failures (std::bad_alloc); the JS wrapper
//   turns those into an Error and retires the module instance.
// - Strings arrive as UTF-8 from embind. Lone UTF-16 surrogates do not survive that
//   conversion, so the JS wrapper makes text well formed before calling in.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/library.hpp"
#include "reuselens/match.hpp"
#include "reuselens/passage.hpp"
#include "reuselens/status.hpp"
#include "reuselens/utf8.hpp"

namespace {

using emscripten::val;

// The message of a failed Status, never empty (an empty string means success).
std::string error_of(const reuselens::Status& status) {
  if (status.ok) return {};
  return status.message.empty() ? std::string("unknown error") : status.message;
}

// A JS Uint8Array holding a copy of the bytes: a view into the WASM heap would be
// detached by the next memory growth.
val to_uint8_array(const std::vector<std::uint8_t>& bytes) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

// The word alignment of a passage as a flat Int32Array, five numbers per step:
// op (StepType), page start, page end, source start, source end in UTF-16 code
// units, -1 where the step has no word on that side (a multi-word synonym is
// one step over all its words: reported_steps). Flat, because building one
// JS object per step through embind costs far more than doing it in JS.
val alignment_of(const reuselens::Passage& p, const reuselens::Document& page, const reuselens::Document& source) {
  const std::vector<reuselens::ReportedStep> steps = reuselens::reported_steps(p.alignment);
  std::vector<std::int32_t> flat;
  flat.reserve(steps.size() * 5);
  // Words [first, last) of `doc` as a UTF-16 range, or -1, -1.
  auto range = [&flat](const reuselens::Document& doc, std::uint32_t first, std::uint32_t last) {
    flat.push_back(last > first ? static_cast<std::int32_t>(doc.utf16_at(doc.tokens()[first].begin)) : -1);
    flat.push_back(last > first ? static_cast<std::int32_t>(doc.utf16_at(doc.tokens()[last - 1].end)) : -1);
  };
  for (const reuselens::ReportedStep& s : steps) {
    flat.push_back(static_cast<std::int32_t>(s.type));
    range(page, s.page_first, s.page_last);
    range(source, s.source_first, s.source_last);
  }
  return val::global("Int32Array").new_(emscripten::typed_memory_view(flat.size(), flat.data()));
}

class LibraryBinding {
 public:
  // "" on success, else why the source was refused (duplicate or empty id, ...).
  std::string addSource(std::string id, std::string title, std::string url, std::string text) {
    reuselens::SourceInfo info;
    info.id = std::move(id);
    info.title = std::move(title);
    info.url = std::move(url);
    info.text = std::move(text);
    return error_of(library_.add(std::move(info)));
  }

  bool removeSource(const std::string& id) { return library_.remove(id); }

  std::size_t size() const { return library_.size(); }

  // [{id, title, url, length}] in the order added; length in UTF-16 code units.
  val sources() const {
    val out = val::array();
    for (std::size_t i = 0; i < library_.size(); ++i) {
      const reuselens::SourceInfo& info = library_.info(i);
      val item = val::object();
      item.set("id", info.id);
      item.set("title", info.title);
      item.set("url", info.url);
      // From the text, not document(i): listing must not tokenize a loaded library.
      item.set("length", static_cast<double>(reuselens::utf16_count(info.text)));
      out.set(static_cast<double>(i), item);
    }
    return out;
  }

  // The text of a source ("" when there is none with this id).
  std::string sourceText(const std::string& id) const {
    const long index = library_.find(id);
    return index < 0 ? std::string() : library_.info(static_cast<std::size_t>(index)).text;
  }

  // {error: string, passages: [{start, end, sourceId, sourceStart, sourceEnd,
  // score, kind, quoted, alignment}]}, offsets in UTF-16 code units, passages in
  // page order. minChars: passages shorter than this many code points (the longer
  // side counts) are dropped; 0 keeps every passage of a sentence or more.
  // exclude: ids of sources to leave out (unknown ids are ignored).
  val match(std::string text, double min_chars, const val& exclude) const {
    val result = val::object();
    val passages = val::array();
    reuselens::Document page;
    const reuselens::Status status = reuselens::Document::create(std::move(text), page);
    result.set("error", error_of(status));
    if (status.ok) {
      reuselens::MatchOptions options;
      options.align.min_passage_chars = min_chars > 0 ? static_cast<std::size_t>(min_chars) : 0;
      for (const std::string& id : emscripten::vecFromJSArray<std::string>(exclude)) {
        const long index = library_.find(id);
        if (index >= 0) options.exclude.push_back(static_cast<std::uint32_t>(index));
      }
      const std::vector<reuselens::Passage> found = reuselens::match(library_, page, options);
      for (std::size_t i = 0; i < found.size(); ++i) {
        const reuselens::Passage& p = found[i];
        const reuselens::Document& source = library_.document(p.source);
        val item = val::object();
        item.set("start", static_cast<double>(page.utf16_at(p.page_begin)));
        item.set("end", static_cast<double>(page.utf16_at(p.page_end)));
        item.set("sourceId", library_.info(p.source).id);
        item.set("sourceStart", static_cast<double>(source.utf16_at(p.source_begin)));
        item.set("sourceEnd", static_cast<double>(source.utf16_at(p.source_end)));
        item.set("score", p.score);
        item.set("kind", std::string(reuselens::kind_name(p.kind)));
        item.set("quoted", p.quoted);
        item.set("alignment", alignment_of(p, page, source));
        passages.set(static_cast<double>(i), item);
      }
    }
    result.set("passages", passages);
    return result;
  }

  // The library in the core's versioned binary format.
  val save() const { return to_uint8_array(library_.save()); }

  // "" on success; on error the library is left as it was.
  std::string load(const val& bytes) {
    if (!bytes.instanceof(val::global("Uint8Array"))) return "load: expected a Uint8Array";
    std::vector<std::uint8_t> data(bytes["length"].as<std::size_t>());
    // Allocate first, then view: the allocation may grow (and detach) the heap.
    val(emscripten::typed_memory_view(data.size(), data.data())).call<void>("set", bytes);
    return error_of(reuselens::Library::load(data.data(), data.size(), library_));
  }

 private:
  reuselens::Library library_;
};

// The names of StepType values, indexed by the op numbers of alignment_of.
val step_names() {
  val names = val::array();
  for (int t = 0; t <= static_cast<int>(reuselens::StepType::kMoved); ++t)
    names.set(t, std::string(reuselens::step_name(static_cast<reuselens::StepType>(t))));
  return names;
}

}  // namespace

EMSCRIPTEN_BINDINGS(reuselens) {
  emscripten::class_<LibraryBinding>("Library")
      .constructor<>()
      .function("addSource", &LibraryBinding::addSource)
      .function("removeSource", &LibraryBinding::removeSource)
      .function("size", &LibraryBinding::size)
      .function("sources", &LibraryBinding::sources)
      .function("sourceText", &LibraryBinding::sourceText)
      .function("match", &LibraryBinding::match)
      .function("save", &LibraryBinding::save)
      .function("load", &LibraryBinding::load);
  emscripten::function("stepNames", &step_names);
}
