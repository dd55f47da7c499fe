// fuzz_command: parse_command (RFC 9051 §9 `command`) and parse_client_message (a command, an
// AUTHENTICATE data line or IDLE's DONE) on arbitrary bytes, strict, lenient and with tight
// limits (max_depth 8, max_list_items 16); see parse_checks.hpp for how the modes must agree.
// Nothing may crash, overflow the stack or time out (the seeds hold 10,000-deep search keys).
// When the serializer exists, a parsed command is also to be written back, framed and parsed
// again to an equal AST (docs/fuzzing.md).
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  const bool command = imapkit::fuzz::check_modes(
      message, [](std::string_view m, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_command(m, mem, o);
      });
  bool client_command = false;
  for (const auto expect :
       {imapkit::client_expectation::command, imapkit::client_expectation::authenticate_data,
        imapkit::client_expectation::idle_done}) {
    const bool ok = imapkit::fuzz::check_modes(
        message,
        [expect](std::string_view m, imapkit::arena& mem, const imapkit::parse_options& o) {
          return imapkit::parse_client_message(m, mem, expect, o);
        });
    if (expect == imapkit::client_expectation::command) client_command = ok;
  }
  // Expecting a command, a client line is exactly a command.
  FUZZ_CHECK(client_command == command);
  return 0;
}
