// The saved-library file format, version 2 (all integers little endian):
//
//   offset  size  field
//   0       8     magic "RLENSLIB"
//   8       4     format version (2; version 1 files still load)
//   12      4     flags (0; readers reject unknown flags)
//   16      4     n-gram length the fingerprints use
//   20      4     winnowing window
//   24      4     number of sources
//   28      8     payload length in bytes
//   36      ...   payload:
//                   4  index scheme (kIndexScheme of the build that saved it)
//                   per source, four strings (id, title, url, text), each a
//                     4-byte length and that many bytes of UTF-8
//                   8  number of postings, then each posting: 8-byte
//                     hash (an n-gram fingerprint or a content word), 4-byte
//                     source number; sorted, unique
//   end-4   4     CRC-32 (IEEE) of every byte before it
//
// The saved postings make loading fast (no source is tokenized until it becomes
// a candidate). They are used only when the index scheme matches this build's;
// otherwise, and for version 1 files (the payload holds just the strings), the
// index is rebuilt from the texts.
#pragma once
#include <cstddef>
#include <cstdint>

namespace reuselens {

constexpr char kLibraryMagic[8] = {'R', 'L', 'E', 'N', 'S', 'L', 'I', 'B'};
constexpr std::uint32_t kLibraryFormatVersion = 2;
// Bump whenever normalization, tokenization, stemming or fingerprinting changes
// what a text's postings are: saved postings of another scheme are then rebuilt.
constexpr std::uint32_t kIndexScheme = 4;
constexpr std::size_t kLibraryHeaderSize = 36;

std::uint32_t crc32(const std::uint8_t* data, std::size_t size);

}  // namespace reuselens
