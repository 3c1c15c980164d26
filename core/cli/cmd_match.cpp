// reuselens match: the passages of one page that reuse sources.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "files.hpp"
#include "json.hpp"
#include "reuselens/match.hpp"

namespace reuselens::cli {

namespace {

const char* kMatchUsage =
    "usage: reuselens match [--source FILE]... [--library FILE] [--format json|text] PAGE\n"
    "  --source FILE   a known source (repeatable); reported by FILE as given\n"
    "  --library FILE  a library built with 'reuselens library build'; reported by source id\n"
    "  --format        json (default): {\"passages\":[...]}, offsets in code points, end exclusive;\n"
    "                  each passage has kind, score, quoted and its word alignment (see README)\n"
    "                  text: the page with reused passages marked, each beside its source passage\n";

struct Printed {
  std::size_t start, end, source_start, source_end;
};

Printed codepoints(const Passage& p, const Document& page, const Document& source) {
  return {page.codepoint_at(p.page_begin), page.codepoint_at(p.page_end), source.codepoint_at(p.source_begin),
          source.codepoint_at(p.source_end)};
}

// The word alignment: one object per step, offsets in code points like the
// passage's; "page" or "source" is absent for inserted and deleted words.
std::string alignment_json(const Passage& p, const Document& page, const Document& source) {
  std::ostringstream out;
  out << "[";
  for (std::size_t i = 0; i < p.alignment.size(); ++i) {
    const AlignmentStep& s = p.alignment[i];
    out << (i ? "," : "") << "{\"op\":" << json_string(step_name(s.type));
    if (s.page != AlignmentStep::kNoToken) {
      const Token& t = page.tokens()[s.page];
      out << ",\"page\":[" << page.codepoint_at(t.begin) << "," << page.codepoint_at(t.end) << "]";
    }
    if (s.source != AlignmentStep::kNoToken) {
      const Token& t = source.tokens()[s.source];
      out << ",\"source\":[" << source.codepoint_at(t.begin) << "," << source.codepoint_at(t.end) << "]";
    }
    out << "}";
  }
  out << "]";
  return out.str();
}

void print_json(const std::vector<Passage>& passages, const Library& library, const Document& page) {
  std::ostringstream out;
  out << "{\"passages\":[";
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    const Printed c = codepoints(p, page, library.document(p.source));
    out << (i ? "," : "") << "\n  {\"start\":" << c.start << ",\"end\":" << c.end
        << ",\"source\":" << json_string(library.info(p.source).id) << ",\"source_start\":" << c.source_start
        << ",\"source_end\":" << c.source_end << ",\"score\":" << json_number(p.score)
        << ",\"kind\":" << json_string(kind_name(p.kind)) << ",\"quoted\":" << (p.quoted ? "true" : "false")
        << ",\"alignment\":" << alignment_json(p, page, library.document(p.source)) << "}";
  }
  out << (passages.empty() ? "" : "\n") << "]}\n";
  std::cout << out.str();
}

// Collapses runs of whitespace so passages print on readable lines.
std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void print_text(const std::vector<Passage>& passages, const Library& library, const Document& page) {
  const bool colour = ::isatty(::fileno(stdout)) != 0;
  static const char* const kColours[] = {"\x1b[1;33m", "\x1b[1;36m", "\x1b[1;35m", "\x1b[1;32m", "\x1b[1;34m", "\x1b[1;31m"};
  const char* reset = "\x1b[0m";
  const std::string& text = page.text();
  std::ostringstream out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    out << printable(text.substr(at, p.page_begin - at));
    const std::string label = std::to_string(i + 1);
    if (colour) {
      out << kColours[p.source % 6] << "[" << label << "]" << printable(text.substr(p.page_begin, p.page_end - p.page_begin))
          << reset;
    } else {
      out << "[[" << label << ": " << printable(text.substr(p.page_begin, p.page_end - p.page_begin)) << " ]]";
    }
    at = p.page_end;
  }
  out << printable(text.substr(at)) << "\n";
  out << "\n" << passages.size() << (passages.size() == 1 ? " reused passage" : " reused passages") << "\n";
  std::size_t reused = 0;
  for (const Passage& p : passages) reused += page.codepoint_at(p.page_end) - page.codepoint_at(p.page_begin);
  const std::size_t total = page.offsets().codepoint_length();
  if (total > 0) out << "reused: " << (100 * reused / total) << "% of the page's characters\n";
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    const Document& source = library.document(p.source);
    const Printed c = codepoints(p, page, source);
    out << "\n[" << (i + 1) << "] " << kind_name(p.kind) << ", score " << json_number(p.score) << "\n"
        << "    page   " << c.start << "-" << c.end << ": "
        << printable(squeeze(text.substr(p.page_begin, p.page_end - p.page_begin)))
        << "\n"
        << "    source " << printable(library.info(p.source).id) << " " << c.source_start << "-" << c.source_end << ": "
        << printable(squeeze(source.text().substr(p.source_begin, p.source_end - p.source_begin))) << "\n";
  }
  std::cout << out.str();
}

}  // namespace

int run_match(const Args& args) {
  std::vector<std::string> sources;
  std::string library_path, page_path, format = "json";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::cout << kMatchUsage;
      return 0;
    } else if (a == "--source") {
      std::string s;
      if (!value(s)) return usage_error("--source needs a FILE", kMatchUsage);
      sources.push_back(s);
    } else if (a == "--library") {
      if (!value(library_path)) return usage_error("--library needs a FILE", kMatchUsage);
    } else if (a == "--format") {
      if (!value(format) || (format != "json" && format != "text"))
        return usage_error("--format takes json or text", kMatchUsage);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'", kMatchUsage);
    } else if (page_path.empty()) {
      page_path = a;
    } else {
      return usage_error("only one PAGE can be matched at a time", kMatchUsage);
    }
  }
  if (page_path.empty()) return usage_error("missing PAGE", kMatchUsage);
  if (sources.empty() && library_path.empty()) return usage_error("give at least one --source or a --library", kMatchUsage);

  Library library;
  if (!library_path.empty()) {
    std::string bytes;
    if (Status s = read_file(library_path, bytes); !s) return fail(s.message);
    if (Status s = Library::load(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), library); !s)
      return fail(library_path + ": " + s.message);
  }
  std::vector<std::string> added;
  for (const std::string& path : sources) {
    if (std::find(added.begin(), added.end(), path) != added.end()) continue;  // the same file given twice
    if (library.find(path) >= 0)
      return fail(path + ": the library already has a source with this id; give the file under another path");
    if (Status s = add_source_file(library, path, "", "", ""); !s) return fail(s.message);
    added.push_back(path);
  }
  Document page;
  if (Status s = read_document(page_path, page); !s) return fail(s.message);

  const std::vector<Passage> passages = match(library, page);
  if (format == "text") {
    print_text(passages, library, page);
  } else {
    print_json(passages, library, page);
  }
  return 0;
}

}  // namespace reuselens::cli
