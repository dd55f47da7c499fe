// The CLI's input: FILE or stdin, read block by block (imapkit parse, roundtrip; lint reads its
// own way, file by file).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace imapkit::cli {

// FILE or stdin ("-"), read in blocks of `chunk` bytes and handed to `consume` one block at a
// time: memory holds one block, never the whole input (a capture may be gigabytes). The framer
// frames the same whatever the block size, so the output does not depend on it. False when the
// input cannot be opened or a read fails; `total` is the number of bytes read.
template <class Consume>
bool read_in_chunks(const std::string& name, std::size_t chunk, std::uint64_t& total,
                    Consume&& consume) {
  total = 0;
  std::FILE* in = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
  if (in == nullptr) return false;
  std::vector<char> block(chunk == 0 ? 1 : chunk);
  for (;;) {
    const std::size_t n = std::fread(block.data(), 1, block.size(), in);
    if (n > 0) {
      total += n;
      consume(std::string_view(block.data(), n));
    }
    if (n < block.size()) break;
  }
  const bool failed = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  return !failed;
}

}  // namespace imapkit::cli
