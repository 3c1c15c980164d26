#include "files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "reuselens/utf8.hpp"

namespace reuselens::cli {

Status read_file(const std::string& path, std::string& out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::error(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::error(path + ": is a directory, not a file");
  const std::string too_large = path + ": larger than a text can be (the limit is 4 GiB)";
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) >= Document::kMaxBytes)
    return Status::error(too_large);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open for reading");
  // Read in blocks, not through a stream buffer: one copy of the text in
  // memory, and a pipe or device that never ends stops at the limit.
  out.clear();
  constexpr std::size_t kBlock = 1 << 20;
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size) + kBlock);
  while (in) {
    const std::size_t at = out.size();
    if (at >= Document::kMaxBytes) return Status::error(too_large);
    out.resize(at + kBlock);
    in.read(&out[at], kBlock);
    out.resize(at + static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Status::error(path + ": read error");
  return Status::success();
}

Status read_document(const std::string& path, Document& out) {
  std::string text;
  if (Status s = read_file(path, text); !s) return s;
  if (text.empty()) return Status::error(path + ": the file is empty");
  if (Status s = Document::create(std::move(text), out); !s) return Status::error(path + ": " + s.message);
  if (out.tokens().empty()) return Status::error(path + ": the text has no words to match");
  return Status::success();
}

Status read_corpus_document(const std::string& path, Document& out, std::string& warning) {
  warning.clear();
  std::string text;
  if (Status s = read_file(path, text); !s) return s;
  std::string problems;
  if (const auto bad = find_invalid_utf8(text)) {
    std::size_t replaced = 0;
    text = replace_invalid_utf8(text, &replaced);
    problems = bad->describe() + ", " + std::to_string(replaced) +
               (replaced == 1 ? " ill-formed sequence read as U+FFFD" : " ill-formed sequences read as U+FFFD");
  }
  if (Status s = Document::create(std::move(text), out); !s) return Status::error(path + ": " + s.message);
  if (out.tokens().empty()) {
    if (!problems.empty()) problems += "; ";
    problems += out.text().empty() ? "the file is empty" : "the text has no words to match";
    problems += ", so its pairs get no detections";
  }
  if (!problems.empty()) warning = path + ": " + problems;
  return Status::success();
}

Status add_source_file(Library& library, const std::string& path, const std::string& id, const std::string& title,
                       const std::string& url) {
  if (id.empty() && find_invalid_utf8(path))
    return Status::error(path + ": the file name is not valid UTF-8 and cannot be a source id (use --id)");
  std::string text;
  if (Status s = read_file(path, text); !s) return s;
  if (text.empty()) return Status::error(path + ": the file is empty");
  // Before the title is taken from the first line: a bad byte there is the file's, at the file's offset.
  if (const auto bad = find_invalid_utf8(text)) return Status::error(path + ": " + bad->describe());
  const std::string source_id = id.empty() ? path : id;
  std::string source_title = title.empty() ? title_from_text(text, path) : title;
  if (Status s = library.add({source_id, std::move(source_title), url, std::move(text)}); !s)
    return Status::error(path + ": " + s.message);
  // Checked on the library's own tokens: no second tokenization.
  if (library.document(library.size() - 1).tokens().empty()) {
    library.remove(source_id);
    return Status::error(path + ": the text has no words to match");
  }
  return Status::success();
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += '^';
      out += static_cast<char>(c == 0x7F ? '?' : c + 0x40);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += "^?";  // C1 control (U+0080..U+009F): some terminals obey these too
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

Status write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, bool durable) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::error(path + ": cannot write (" + std::strerror(errno) + ")");
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool flushed = std::fflush(f) == 0 && (!durable || ::fsync(::fileno(f)) == 0);
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    std::remove(tmp.c_str());
    return Status::error(path + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::error(path + ": cannot replace (" + why + ")");
  }
  return Status::success();
}

std::string title_from_text(const std::string& text, const std::string& fallback) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::size_t b = line.find_first_not_of("# \t\r");
    if (b == std::string::npos) continue;
    std::size_t e = line.find_last_not_of(" \t\r");
    std::string title = line.substr(b, e - b + 1);
    if (title.size() > 200) {
      std::size_t cut = 200;
      while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;  // whole code points
      title = title.substr(0, cut) + "...";
    }
    return title;
  }
  return fallback;
}

}  // namespace reuselens::cli
