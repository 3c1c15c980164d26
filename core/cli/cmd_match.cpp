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
    "                  text: the page with reused passages marked, then each passage's kind\n"
    "                  (and 'quoted') and score beside its source passage and, where words\n"
    "                  changed, a word diff: [-source word-]{+page word+}\n";

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
  const std::vector<ReportedStep> steps = reported_steps(p.alignment);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const ReportedStep& s = steps[i];
    out << (i ? "," : "") << "{\"op\":" << json_string(step_name(s.type));
    if (s.page_last > s.page_first) {
      out << ",\"page\":[" << page.codepoint_at(page.tokens()[s.page_first].begin) << ","
          << page.codepoint_at(page.tokens()[s.page_last - 1].end) << "]";
    }
    if (s.source_last > s.source_first) {
      out << ",\"source\":[" << source.codepoint_at(source.tokens()[s.source_first].begin) << ","
          << source.codepoint_at(source.tokens()[s.source_last - 1].end) << "]";
    }
    out << "}";
  }
  out << "]";
  return out.str();
}

// Both printers write straight to stdout: a page with 20,000 passages has
// hundreds of megabytes of output, which a buffer would hold twice over.
void print_json(const std::vector<Passage>& passages, const Library& library, const Document& page) {
  std::ostream& out = std::cout;
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
}

// Runs of whitespace collapsed to one space, so passages print on readable
// lines; punctuation kept.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!space) out += c;
    else if (out.empty() || out.back() != ' ') out += ' ';
  }
  return out;
}

// The same, without spaces at either end.
std::string squeeze(std::string_view s) {
  std::string out = collapse_spaces(s);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

// How many words of each kind of change, as "2 synonym, 1 left out" (empty
// for a word-for-word copy); a multi-word synonym counts once, as in JSON.
std::string change_counts(const Passage& p) {
  static const std::pair<StepType, const char*> kLabels[] = {
      {StepType::kStem, "same stem"},    {StepType::kSynonym, "synonym"},
      {StepType::kFunction, "function word"}, {StepType::kSubstituted, "replaced"},
      {StepType::kInserted, "added"},    {StepType::kDeleted, "left out"},
      {StepType::kMoved, "moved"}};
  const std::vector<ReportedStep> steps = reported_steps(p.alignment);
  std::string out;
  for (const auto& [type, label] : kLabels) {
    const auto n = std::count_if(steps.begin(), steps.end(),
                                 [type = type](const ReportedStep& s) { return s.type == type; });
    if (n > 0) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + label;
  }
  return out;
}

// The page passage as a word diff against its source passage, in wdiff's
// notation (git diff --word-diff): [-source words-]{+page words+}. A stretch
// of one-for-one swaps is shown word by word, so a spinner's swaps read in
// place; a stretch with words added or left out is shown whole. A word the
// page moved is {~word~} where the page has it, and missing where the source had it.
std::string word_diff(const Passage& p, const Document& page, const Document& source, bool colour) {
  const std::string del_open = colour ? "\x1b[31m[-" : "[-", del_close = colour ? "-]\x1b[0m" : "-]";
  const std::string ins_open = colour ? "\x1b[32m{+" : "{+", ins_close = colour ? "+}\x1b[0m" : "+}";
  const std::string move_open = colour ? "\x1b[34m{~" : "{~", move_close = colour ? "~}\x1b[0m" : "~}";
  auto word = [](const Document& d, std::uint32_t t) {
    const Token& tok = d.tokens()[t];
    return printable(d.text().substr(tok.begin, tok.end - tok.begin));
  };
  auto between = [](const Document& d, std::uint32_t from, std::uint32_t to) {
    return collapse_spaces(printable(d.text().substr(from, to - from)));
  };
  // A word of a script written without spaces (Chinese, Japanese, Thai).
  auto unspaced = [](const Document& d, std::uint32_t t) {
    return t != AlignmentStep::kNoToken && (d.tokens()[t].flags & kTokenIdeograph) != 0;
  };
  const std::vector<AlignmentStep>& steps = p.alignment;
  std::string out;
  std::uint32_t at = p.page_begin;  // page text printed up to here
  std::uint32_t last_page = AlignmentStep::kNoToken;  // the page word that ends there
  // The page text before page token t (punctuation, one space), then t.
  auto next_page_word = [&](std::uint32_t t, std::string& into) {
    into += between(page, at, page.tokens()[t].begin);
    at = page.tokens()[t].end;
    last_page = t;
  };
  // Exact and moved words stand where the page has them; changes lie between.
  auto in_place = [&](std::size_t k) {
    return k < steps.size() && (steps[k].type == StepType::kExact || steps[k].type == StepType::kMoved);
  };
  for (std::size_t i = 0; i < steps.size();) {
    if (steps[i].type == StepType::kExact) {
      next_page_word(steps[i].page, out);
      out += word(page, steps[i].page);
      ++i;
      continue;
    }
    if (steps[i].type == StepType::kMoved) {
      // Words that moved together are marked together ({~High-level~}).
      std::size_t j = i + 1;
      while (j < steps.size() && steps[j].type == StepType::kMoved && steps[j].page == steps[j - 1].page + 1 &&
             steps[j].source == steps[j - 1].source + 1)
        ++j;
      next_page_word(steps[i].page, out);
      out += move_open + word(page, steps[i].page);
      for (std::size_t k = i + 1; k < j; ++k) {
        next_page_word(steps[k].page, out);
        out += word(page, steps[k].page);
      }
      out += move_close;
      i = j;
      continue;
    }
    std::size_t j = i;
    bool one_for_one = true;
    for (; j < steps.size() && !in_place(j); ++j)
      one_for_one &= steps[j].paired();
    if (one_for_one) {
      for (std::size_t k = i; k < j; ++k) {
        next_page_word(steps[k].page, out);
        out += del_open + word(source, steps[k].source) + del_close + ins_open + word(page, steps[k].page) + ins_close;
      }
    } else {
      std::string removed, added;
      std::uint32_t first_source = AlignmentStep::kNoToken, last_source = AlignmentStep::kNoToken;
      for (std::size_t k = i; k < j; ++k) {
        if (const std::uint32_t t = steps[k].source; t != AlignmentStep::kNoToken) {
          if (first_source == AlignmentStep::kNoToken) first_source = t;
          if (last_source != AlignmentStep::kNoToken)
            removed += t == last_source + 1 ? between(source, source.tokens()[last_source].end, source.tokens()[t].begin)
                                            : " ";
          removed += word(source, t);
          last_source = t;
        }
        if (const std::uint32_t t = steps[k].page; t != AlignmentStep::kNoToken) {
          next_page_word(t, added.empty() ? out : added);
          added += word(page, t);
        }
      }
      if (added.empty()) {
        // Words left out: the page's punctuation before the next word comes
        // first, as the source's did ("shortly, [-Secretary of State-] Kerry").
        if (j < steps.size()) {
          const Token& next = page.tokens()[steps[j].page];
          out += between(page, at, next.begin);
          at = next.begin;
        }
        // Spaces set the mark apart, but not between words of a script
        // written without them ("在[-记者-]会上").
        const bool space_before = !(unspaced(source, first_source) && unspaced(page, last_page));
        const bool space_after = !(unspaced(source, last_source) && j < steps.size() && unspaced(page, steps[j].page));
        if (space_before && !out.empty() && out.back() != ' ') out += ' ';
        out += del_open + removed + del_close + (j < steps.size() && space_after ? " " : "");
      } else {
        if (!removed.empty()) out += del_open + removed + del_close;
        out += ins_open + added + ins_close;
      }
    }
    i = j;
  }
  if (at < p.page_end) out += between(page, at, p.page_end);
  return out;
}

void print_text(const std::vector<Passage>& passages, const Library& library, const Document& page) {
  const bool colour = ::isatty(::fileno(stdout)) != 0;
  static const char* const kColours[] = {"\x1b[1;33m", "\x1b[1;36m", "\x1b[1;35m", "\x1b[1;32m", "\x1b[1;34m", "\x1b[1;31m"};
  const char* reset = "\x1b[0m";
  const std::string& text = page.text();
  std::ostream& out = std::cout;
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
    out << "\n[" << (i + 1) << "] " << kind_name(p.kind) << (p.quoted ? ", quoted" : "") << ", score "
        << json_number(p.score) << "\n"
        << "    page   " << c.start << "-" << c.end << ": "
        << printable(squeeze(text.substr(p.page_begin, p.page_end - p.page_begin)))
        << "\n"
        << "    source " << printable(library.info(p.source).id) << " " << c.source_start << "-" << c.source_end << ": "
        << printable(squeeze(source.text().substr(p.source_begin, p.source_end - p.source_begin))) << "\n";
    if (const std::string changes = change_counts(p); !changes.empty())
      out << "    words  " << changes << "\n"
          << "    diff   " << word_diff(p, page, source, colour) << "\n";
  }
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
