// reuselens library: build and edit saved library files.
#include <iostream>

#include "commands.hpp"
#include "files.hpp"
#include "json.hpp"
#include "reuselens/library.hpp"
#include "reuselens/utf8.hpp"

namespace reuselens::cli {

namespace {

const char* kLibraryUsage =
    "usage: reuselens library build LIB FILE...\n"
    "       reuselens library add LIB FILE... [--id ID] [--title TITLE] [--url URL]\n"
    "       reuselens library list LIB [--format json|text]\n"
    "       reuselens library remove LIB ID...\n"
    "  A source's id is its FILE as given unless --id says otherwise; its title is the\n"
    "  file's first line unless --title says otherwise. --id, --title and --url apply\n"
    "  when exactly one FILE is added. LIB is replaced atomically and only when the\n"
    "  whole command succeeds.\n";

Status load_library(const std::string& path, Library& library) {
  std::string bytes;
  if (Status s = read_file(path, bytes); !s) return s;
  if (Status s = Library::load(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), library); !s)
    return Status::error(path + ": " + s.message);
  return Status::success();
}

Status add_files(Library& library, const std::vector<std::string>& files, const std::string& id, const std::string& title,
                 const std::string& url) {
  for (const std::string& path : files)
    if (Status s = add_source_file(library, path, id, title, url); !s) return s;
  return Status::success();
}

}  // namespace

int run_library(const Args& args) {
  if (args.empty()) return usage_error("missing library command", kLibraryUsage);
  const std::string& sub = args[0];
  if (sub == "--help" || sub == "-h") {
    std::cout << kLibraryUsage;
    return 0;
  }
  std::vector<std::string> positional;
  std::string id, title, url, format = "text";
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* into = a == "--id" ? &id : a == "--title" ? &title : a == "--url" ? &url : a == "--format" ? &format : nullptr;
    if (into) {
      if (i + 1 >= args.size() || (into == &id && args[i + 1].empty()))
        return usage_error(a + " needs a value", kLibraryUsage);
      *into = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'", kLibraryUsage);
    } else {
      positional.push_back(a);
    }
  }
  if (positional.empty()) return usage_error("missing LIB", kLibraryUsage);
  const std::string lib_path = positional[0];
  const std::vector<std::string> rest(positional.begin() + 1, positional.end());
  const bool single_metadata = !id.empty() || !title.empty() || !url.empty();

  if (sub == "build" || sub == "add") {
    if (rest.empty()) return usage_error("give at least one FILE", kLibraryUsage);
    if (single_metadata && rest.size() != 1) return usage_error("--id, --title and --url need exactly one FILE", kLibraryUsage);
    Library library;
    if (sub == "add")
      if (Status s = load_library(lib_path, library); !s) return fail(s.message);
    if (Status s = add_files(library, rest, id, title, url); !s) return fail(s.message);
    if (Status s = write_file_atomically(lib_path, library.save()); !s) return fail(s.message);
    std::cerr << lib_path << ": " << library.size() << (library.size() == 1 ? " source\n" : " sources\n");
    return 0;
  }
  if (sub == "list") {
    if (!rest.empty()) return usage_error("list takes only LIB", kLibraryUsage);
    if (format != "json" && format != "text") return usage_error("--format takes json or text", kLibraryUsage);
    Library library;
    if (Status s = load_library(lib_path, library); !s) return fail(s.message);
    if (format == "json") {
      std::cout << "{\"sources\":[";
      for (std::size_t i = 0; i < library.size(); ++i) {
        const SourceInfo& info = library.info(i);
        std::cout << (i ? "," : "") << "\n  {\"id\":" << json_string(info.id) << ",\"title\":" << json_string(info.title)
                  << ",\"url\":" << json_string(info.url)
                  << ",\"characters\":" << codepoint_count(library.info(i).text) << "}";
      }
      std::cout << (library.size() ? "\n" : "") << "]}\n";
    } else {
      for (std::size_t i = 0; i < library.size(); ++i) {
        const SourceInfo& info = library.info(i);
        // Tab-separated: tabs and newlines inside fields would break the columns.
        auto field = [](const std::string& f) {
          std::string out;
          for (char c : f) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
          return printable(out);
        };
        std::cout << field(info.id) << "\t" << field(info.title) << "\t" << field(info.url) << "\t"
                  << codepoint_count(library.info(i).text) << " chars\n";
      }
    }
    return 0;
  }
  if (sub == "remove") {
    if (rest.empty()) return usage_error("give at least one ID", kLibraryUsage);
    Library library;
    if (Status s = load_library(lib_path, library); !s) return fail(s.message);
    for (const std::string& source_id : rest)
      if (!library.remove(source_id)) return fail(lib_path + ": no source with id \"" + source_id + "\"");
    if (Status s = write_file_atomically(lib_path, library.save()); !s) return fail(s.message);
    std::cerr << lib_path << ": " << library.size() << (library.size() == 1 ? " source\n" : " sources\n");
    return 0;
  }
  return usage_error("unknown library command '" + sub + "'", kLibraryUsage);
}

}  // namespace reuselens::cli
