// The saved-library file format, version 1 (all integers little endian):
//
//   offset  size  field
//   0       8     magic "RLENSLIB"
//   8       4     format version (1)
//   12      4     flags (0; readers reject unknown flags)
//   16      4     n-gram length the fingerprints use
//   20      4     winnowing window
//   24      4     number of sources
//   28      8     payload length in bytes
//   36      ...   payload: per source, four strings (id, title, url, text),
//                 each a 4-byte length and that many bytes of UTF-8
//   end-4   4     CRC-32 (IEEE) of every byte before it
//
// The index is rebuilt on load, so a file never disagrees with its texts.
#pragma once
#include <cstddef>
#include <cstdint>

namespace reuselens {

constexpr char kLibraryMagic[8] = {'R', 'L', 'E', 'N', 'S', 'L', 'I', 'B'};
constexpr std::uint32_t kLibraryFormatVersion = 1;
constexpr std::size_t kLibraryHeaderSize = 36;

std::uint32_t crc32(const std::uint8_t* data, std::size_t size);

}  // namespace reuselens
