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
  std::string file = "-";
};

// Returns the exit status: 0 when every message round-tripped, 1 otherwise.
int run_roundtrip(const roundtrip_options& opt, std::string_view input, const std::string& name);

}  // namespace imapkit::cli
