// imapkit lint (README.md, docs/cli-json.md): a conformance report of captures.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace imapkit::cli {

struct lint_options {
  bool responses = false;  // read every file as server->client bytes
  bool commands = false;   // read every file as client->server bytes
  // Neither: by the file's name, *.s2c responses and *.c2s commands (corpus/captures' names).
  std::string allow;  // quirks that do not count against the verdict (a --quirks list)
  bool json = false;  // one JSON object per file instead of the text report
  std::size_t chunk_size = 65536;
  std::size_t first_offsets = 5;  // how many offsets to show per quirk
  std::vector<std::string> files;
};

// Returns the exit status: 0 when every file conforms, 1 when one needs quirks or has a message
// nothing reads, 2 on a usage or I/O error.
int run_lint(const lint_options& opt);

}  // namespace imapkit::cli
