#include "reuselens/library_format.hpp"

#include <array>
#include <cstring>
#include <string>

#include "reuselens/library.hpp"

namespace reuselens {

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_u64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_string(std::vector<std::uint8_t>& out, const std::string& s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

// Bounds-checked little-endian reader.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool u32(std::uint32_t& v) {
    if (size_ - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(data_[pos_ + i]) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool u64(std::uint64_t& v) {
    if (size_ - pos_ < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(data_[pos_ + i]) << (8 * i);
    pos_ += 8;
    return true;
  }
  bool string(std::string& s) {
    std::uint32_t len = 0;
    if (!u32(len) || size_ - pos_ < len) return false;
    s.assign(reinterpret_cast<const char*>(data_ + pos_), len);
    pos_ += len;
    return true;
  }
  std::size_t position() const { return pos_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::uint8_t> Library::save() const {
  ensure_sorted();
  std::vector<std::uint8_t> payload;
  put_u32(payload, kIndexScheme);
  for (const Entry& e : sources_) {
    put_string(payload, e.info.id);
    put_string(payload, e.info.title);
    put_string(payload, e.info.url);
    put_string(payload, e.info.text);
  }
  put_u64(payload, postings_.size());
  payload.reserve(payload.size() + postings_.size() * 12);
  for (const Posting& p : postings_) {
    put_u64(payload, p.hash);
    put_u32(payload, p.source);
  }
  std::vector<std::uint8_t> out(kLibraryMagic, kLibraryMagic + sizeof kLibraryMagic);
  put_u32(out, kLibraryFormatVersion);
  put_u32(out, 0);
  put_u32(out, static_cast<std::uint32_t>(options_.ngram));
  put_u32(out, static_cast<std::uint32_t>(options_.window));
  put_u32(out, static_cast<std::uint32_t>(sources_.size()));
  put_u64(out, payload.size());
  out.insert(out.end(), payload.begin(), payload.end());
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}

Status Library::load(const std::uint8_t* bytes, std::size_t size, Library& out) {
  if (size < sizeof kLibraryMagic || std::memcmp(bytes, kLibraryMagic, sizeof kLibraryMagic) != 0)
    return Status::error("not a ReuseLens library: the file does not start with the library signature");
  if (size < kLibraryHeaderSize + 4) return Status::error("library file truncated: the header is incomplete");
  // The checksum first: a damaged header field must read as damage, not as a
  // newer version or a wrong length.
  Reader trailer(bytes + size - 4, 4);
  std::uint32_t stored_crc = 0;
  trailer.u32(stored_crc);
  if (crc32(bytes, size - 4) != stored_crc) {
    // A file cut short also fails the checksum; say which when the header tells.
    Reader peek_header(bytes + sizeof kLibraryMagic, kLibraryHeaderSize - sizeof kLibraryMagic);
    std::uint32_t v = 0, skip = 0;
    std::uint64_t declared = 0;
    if (peek_header.u32(v) && peek_header.u32(skip) && peek_header.u32(skip) && peek_header.u32(skip) &&
        peek_header.u32(skip) && peek_header.u64(declared) && v >= 1 && v <= kLibraryFormatVersion &&
        declared > size - kLibraryHeaderSize - 4)
      return Status::error("library file truncated: expected " + std::to_string(declared) + " payload bytes, found " +
                           std::to_string(size - kLibraryHeaderSize - 4));
    return Status::error("library file corrupt: checksum mismatch");
  }
  Reader header(bytes + sizeof kLibraryMagic, size - sizeof kLibraryMagic);
  std::uint32_t version = 0, flags = 0, ngram = 0, window = 0, count = 0;
  std::uint64_t payload_size = 0;
  header.u32(version);
  if (version < 1 || version > kLibraryFormatVersion)
    return Status::error("library file version " + std::to_string(version) + " is not supported (this build reads versions 1 to " +
                         std::to_string(kLibraryFormatVersion) + ")");
  header.u32(flags);
  header.u32(ngram);
  header.u32(window);
  header.u32(count);
  header.u64(payload_size);
  if (payload_size != size - kLibraryHeaderSize - 4)
    return Status::error("library file corrupt: the payload length disagrees with the file size");
  if (flags != 0) return Status::error("library file uses unknown features (flags " + std::to_string(flags) + ")");
  if (ngram < 1 || ngram > 16 || window < 1 || window > 64)
    return Status::error("library file corrupt: bad index parameters");

  LibraryOptions options = out.options_;
  options.ngram = ngram;
  options.window = window;
  Library loaded(options);
  Reader payload(bytes + kLibraryHeaderSize, static_cast<std::size_t>(payload_size));
  std::uint32_t scheme = 0;
  if (version >= 2 && !payload.u32(scheme)) return Status::error("library file corrupt: the payload is cut short");
  // Saved fingerprints are used only when this build computes them the same way;
  // otherwise (and for version 1 files) the index is rebuilt from the texts.
  const bool saved_index = version >= 2 && scheme == kIndexScheme;
  for (std::uint32_t i = 0; i < count; ++i) {
    SourceInfo info;
    if (!payload.string(info.id) || !payload.string(info.title) || !payload.string(info.url) || !payload.string(info.text))
      return Status::error("library file corrupt: source " + std::to_string(i + 1) + " of " + std::to_string(count) +
                           " is cut short");
    if (!saved_index) {
      const Status added = loaded.add(std::move(info));
      if (!added) return Status::error("library file corrupt: " + added.message);
      continue;
    }
    std::string why = loaded.refuse(info);
    if (why.empty()) {
      if (auto bad = find_invalid_utf8(info.text)) why = "source \"" + info.id + "\": " + bad->describe();
    }
    if (!why.empty()) return Status::error("library file corrupt: " + why);
    loaded.append(std::move(info), nullptr);  // tokenized when first a candidate
  }
  if (version >= 2) {
    std::uint64_t postings = 0;
    if (!payload.u64(postings) || postings > (payload_size - payload.position()) / 12)
      return Status::error("library file corrupt: the index is cut short");
    if (saved_index) loaded.postings_.reserve(static_cast<std::size_t>(postings));
    Posting previous{0, 0};
    for (std::uint64_t i = 0; i < postings; ++i) {
      Posting p{0, 0};
      payload.u64(p.hash);
      payload.u32(p.source);
      if (!saved_index) continue;
      // Sorted and unique, each naming a source of the file: what candidates() relies on.
      if (p.source >= count || (i > 0 && !(previous < p)))
        return Status::error("library file corrupt: the index is out of order");
      loaded.postings_.push_back(p);
      previous = p;
    }
  }
  if (payload.position() != payload_size) return Status::error("library file corrupt: unexpected bytes after the sources");
  out = std::move(loaded);
  return Status::success();
}

}  // namespace reuselens
