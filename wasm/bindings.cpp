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

  // {error: string, passages: [{start, end, sourceId, sourceStart, sourceEnd,
  // score, kind}]}, offsets in UTF-16 code units, passages in page order.
  val match(std::string text) const {
    val result = val::object();
    val passages = val::array();
    reuselens::Document page;
    const reuselens::Status status = reuselens::Document::create(std::move(text), page);
    result.set("error", error_of(status));
    if (status.ok) {
      const std::vector<reuselens::Passage> found = reuselens::match(library_, page);
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

}  // namespace

EMSCRIPTEN_BINDINGS(reuselens) {
  emscripten::class_<LibraryBinding>("Library")
      .constructor<>()
      .function("addSource", &LibraryBinding::addSource)
      .function("removeSource", &LibraryBinding::removeSource)
      .function("size", &LibraryBinding::size)
      .function("match", &LibraryBinding::match)
      .function("save", &LibraryBinding::save)
      .function("load", &LibraryBinding::load);
}
