// reuselens align: every pair of a PAN-style corpus, one PAN XML per pair.
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <new>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "commands.hpp"
#include "files.hpp"
#include "reuselens/align.hpp"

namespace reuselens::cli {

namespace {

const char* kAlignUsage =
    "usage: reuselens align --pairs PAIRS --src DIR --susp DIR --out DIR [--threads N]\n"
    "  PAIRS holds lines 'suspicious-documentX.txt source-documentY.txt'; for each pair\n"
    "  DIR/suspicious-documentX-source-documentY.xml (DIR made if missing) gets one\n"
    "  detected-plagiarism feature per passage, offsets and lengths in characters (code\n"
    "  points). Uses every core unless --threads says otherwise. A file that is not\n"
    "  valid UTF-8 is read with U+FFFD for each ill-formed sequence (offsets count as\n"
    "  Python's errors='replace' does), and one that is empty or has no words gets no\n"
    "  detections; each is named in a warning on stderr and the run goes on.\n";

struct Pair {
  std::string susp, src;
};

std::string stem(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

std::string xml_attr(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string pan_xml(const Pair& pair, const std::vector<Passage>& passages, const Document& susp, const Document& src) {
  std::ostringstream out;
  out << "<document reference=\"" << xml_attr(pair.susp) << "\">\n";
  for (const Passage& p : passages) {
    const std::size_t this_offset = susp.codepoint_at(p.page_begin);
    const std::size_t source_offset = src.codepoint_at(p.source_begin);
    out << "<feature name=\"detected-plagiarism\" this_offset=\"" << this_offset << "\" this_length=\""
        << susp.codepoint_at(p.page_end) - this_offset << "\" source_reference=\"" << xml_attr(pair.src)
        << "\" source_offset=\"" << source_offset << "\" source_length=\""
        << src.codepoint_at(p.source_end) - source_offset << "\"/>\n";
  }
  out << "</document>\n";
  return out.str();
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

int run_align(const Args& args) {
  std::string pairs_path, src_dir, susp_dir, out_dir;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kAlignUsage;
      return 0;
    }
    if (i + 1 >= args.size()) return usage_error(a + " needs a value", kAlignUsage);
    const std::string& v = args[++i];
    if (a == "--pairs") pairs_path = v;
    else if (a == "--src") src_dir = v;
    else if (a == "--susp") susp_dir = v;
    else if (a == "--out") out_dir = v;
    else if (a == "--threads") {
      // 1..256: more threads than that only costs memory.
      if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1 ||
          std::stoi(v) > 256)
        return usage_error("--threads takes a number from 1 to 256", kAlignUsage);
      threads = static_cast<unsigned>(std::stoi(v));
    } else return usage_error("unknown option '" + a + "'", kAlignUsage);
  }
  if (pairs_path.empty() || src_dir.empty() || susp_dir.empty() || out_dir.empty())
    return usage_error("--pairs, --src, --susp and --out are all required", kAlignUsage);
  for (const std::string* dir : {&src_dir, &susp_dir})
    if (!is_directory(*dir)) return fail(*dir + ": not a directory");

  std::string pairs_text;
  if (Status s = read_file(pairs_path, pairs_text); !s) return fail(s.message);
  std::vector<Pair> pairs;
  {
    std::istringstream in(pairs_text);
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::istringstream fields(line);
      Pair p;
      std::string extra;
      if (!(fields >> p.susp >> p.src) || (fields >> extra))
        return fail(pairs_path + ":" + std::to_string(line_no) + ": expected 'SUSPICIOUS SOURCE', got '" + line + "'");
      pairs.push_back(p);
    }
  }
  // Every input must exist before anything is written.
  for (const Pair& p : pairs) {
    for (const std::string& path : {susp_dir + "/" + p.susp, src_dir + "/" + p.src}) {
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return fail(path + ": no such file");
    }
  }
  // With its parents: a run's output often goes to a fresh nested folder.
  if (std::error_code ec; !std::filesystem::create_directories(out_dir, ec) && ec)
    return fail(out_dir + ": cannot create directory: " + ec.message());

  // Pairs sharing a suspicious document run one after another on one thread,
  // which then tokenizes that document once.
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.susp < b.susp; });
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::string first_error;
  std::vector<std::string> written;  // removed again if the run fails: no partial output
  auto record_error = [&](const std::string& message) {
    std::lock_guard<std::mutex> lock(error_mutex);
    if (first_error.empty()) first_error = message;
    failed = true;
  };
  // A source shared by many pairs is named once.
  std::set<std::string> warned;
  auto read = [&](const std::string& path, Document& doc) {
    std::string warning;
    Status s = read_corpus_document(path, doc, warning);
    if (!s) {
      record_error(s.message);
      return false;
    }
    std::lock_guard<std::mutex> lock(error_mutex);
    if (!warning.empty() && warned.insert(path).second) std::cerr << "reuselens: warning: " << printable(warning) << "\n";
    return true;
  };
  // Work is handed out in blocks of consecutive pairs (same suspicious document).
  constexpr std::size_t kBlock = 8;
  const AlignOptions options = AlignOptions::pan();
  auto work = [&] {
    std::string cached_name;
    Document cached_susp;
    while (!failed) {
      const std::size_t begin = next.fetch_add(kBlock);
      if (begin >= pairs.size()) break;
      const std::size_t end = std::min(pairs.size(), begin + kBlock);
      for (std::size_t i = begin; i < end && !failed; ++i) {
        const Pair& pair = pairs[i];
        if (pair.susp != cached_name) {
          cached_name.clear();
          if (!read(susp_dir + "/" + pair.susp, cached_susp)) break;
          cached_name = pair.susp;
        }
        Document src;
        if (!read(src_dir + "/" + pair.src, src)) break;
        const auto passages = align(cached_susp, src, options);
        const std::string xml = pan_xml(pair, passages, cached_susp, src);
        const std::string path = out_dir + "/" + stem(pair.susp) + "-" + stem(pair.src) + ".xml";
        if (Status s = write_file_atomically(path, std::vector<std::uint8_t>(xml.begin(), xml.end()), false); !s) {
          record_error(s.message);
          break;
        }
        std::lock_guard<std::mutex> lock(error_mutex);
        written.push_back(path);
      }
    }
  };
  // An exception must not leave a thread: it would end the process unexplained.
  auto worker = [&] {
    try {
      work();
    } catch (const std::bad_alloc&) {
      record_error(kOutOfMemory);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // the system gives no more threads: run with those we have
    }
  }
  worker();
  for (auto& t : pool) t.join();
  if (failed) {
    for (const std::string& path : written) std::remove(path.c_str());
    return fail(first_error);
  }
  return 0;
}

}  // namespace reuselens::cli
