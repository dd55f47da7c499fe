// imapkit roundtrip (README.md, docs/serializer.md).
#pragma once

#include <string>
#include <string_view>

namespace imapkit::cli {

struct roundtrip_options {
  bool responses = false;
  bool commands = false;
  bool strict = false;
  bool lenient = false;
  bool check = false;         // report per message instead of writing the bytes
  bool summary = false;       // with check: only messages=N failures=M identical=K
  bool utf8 = false;          // serialize as with UTF8=ACCEPT / IMAP4rev2 in effect
  bool literal_plus = false;  // commands: the server advertises LITERAL+
  std::size_t chunk_size = 65536;  // bytes read and fed to the framer at a time
  std::string file = "-";
};

// What run_roundtrip returns when opt.file cannot be read (the caller says so; exit 2).
inline constexpr int roundtrip_unreadable = -1;

// Reads opt.file (or stdin, "-") block by block as it frames; `name` is what error lines call
// it. Returns the exit status: 0 when every message round-tripped, 1 otherwise, or
// roundtrip_unreadable.
int run_roundtrip(const roundtrip_options& opt, const std::string& name);

}  // namespace imapkit::cli
