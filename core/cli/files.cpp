#include "files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace reuselens::cli {

Status read_file(const std::string& path, std::string& out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::error(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::error(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::error(path + ": read error");
  out = buffer.str();
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
