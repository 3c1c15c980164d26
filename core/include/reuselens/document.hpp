// A text ready for matching: the original bytes, its tokens and offset tables.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "reuselens/status.hpp"
#include "reuselens/tokenize.hpp"
#include "reuselens/utf8.hpp"

namespace reuselens {

class Document {
 public:
  Document() = default;
  // Token offsets are 32-bit: a text holds fewer bytes than this.
  static constexpr std::uint64_t kMaxBytes = (1ULL << 32) - 1;
  // Rejects invalid UTF-8 (with its position) instead of guessing: offsets into a
  // repaired text would not match the user's file.
  static Status create(std::string text, Document& out);

  const std::string& text() const { return *text_; }
  const TokenizedText& tokenized() const { return tokenized_; }
  const std::vector<Token>& tokens() const { return tokenized_.tokens; }
  const OffsetMap& offsets() const { return offsets_; }

  // A moved-from Document is left empty (and usable), not hollow.
  Document(Document&& other) noexcept
      : text_(std::move(other.text_)), tokenized_(std::move(other.tokenized_)), offsets_(std::move(other.offsets_)) {
    other.reset();
  }
  Document& operator=(Document&& other) noexcept {
    if (this != &other) {
      text_ = std::move(other.text_);
      tokenized_ = std::move(other.tokenized_);
      offsets_ = std::move(other.offsets_);
      other.reset();
    }
    return *this;
  }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Byte range -> user-facing offsets.
  std::size_t codepoint_at(std::size_t byte) const { return offsets_.to_codepoints(byte); }
  std::size_t utf16_at(std::size_t byte) const { return offsets_.to_utf16(byte); }

 private:
  void reset() {
    text_ = std::make_unique<std::string>();
    tokenized_ = {};
    offsets_ = OffsetMap(*text_);
  }

  // On the heap so the OffsetMap's view survives moves of the Document.
  std::unique_ptr<std::string> text_ = std::make_unique<std::string>();
  TokenizedText tokenized_;
  OffsetMap offsets_;
};

}  // namespace reuselens
