// File input and output for the CLI: clear errors, and writes that never leave
// a half-written file behind.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "reuselens/document.hpp"
#include "reuselens/library.hpp"
#include "reuselens/status.hpp"

namespace reuselens::cli {

Status read_file(const std::string& path, std::string& out);

// Reads a text file that must be valid, non-empty UTF-8 with at least one word.
// Invalid UTF-8 is rejected (not repaired), so offsets always match the file.
Status read_document(const std::string& path, Document& out);

// Reads a document of a corpus run (align), where one bad file must not void
// thousands of pairs: invalid UTF-8 is read with U+FFFD for each ill-formed
// stretch (offsets then count code points as Python's errors="replace" does),
// and an empty file or one without words is an empty document (no passages).
// `warning` says what was wrong, or is left empty. Fails only when the file
// cannot be read.
Status read_corpus_document(const std::string& path, Document& out, std::string& warning);

// Writes to a temporary file beside `path`, then renames it over `path`.
// `durable` also syncs the data to disk first (for what the user saved, not
// for regenerable outputs).
Status write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, bool durable = true);

// Adds a text file to the library as a source. The file must be non-empty,
// valid UTF-8 and have words; an empty `id` means the path (which must then be
// valid UTF-8), an empty `title` the file's first line. On error the library is
// unchanged.
Status add_source_file(Library& library, const std::string& path, const std::string& id, const std::string& title,
                       const std::string& url);

// Control characters (ESC and friends) shown as "^[" etc., so a hostile text
// cannot drive the user's terminal. Newlines and tabs stay.
std::string printable(std::string_view text);

// Title for a source: its first non-empty line without Markdown '#' marks.
std::string title_from_text(const std::string& text, const std::string& fallback);

}  // namespace reuselens::cli
