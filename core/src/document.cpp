#include "reuselens/document.hpp"

namespace reuselens {

Status Document::create(std::string text, Document& out) {
  if (text.size() >= kMaxBytes)
    return Status::error("text too large: " + std::to_string(text.size()) + " bytes (the limit is 4 GiB)");
  if (auto bad = find_invalid_utf8(text)) return Status::error(bad->describe());
  Document doc;
  *doc.text_ = std::move(text);
  doc.tokenized_ = tokenize(*doc.text_);
  doc.offsets_ = OffsetMap(*doc.text_);
  out = std::move(doc);
  return Status::success();
}

}  // namespace reuselens
