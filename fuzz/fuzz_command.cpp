// fuzz_command: parse_command (RFC 9051 §9 `command`) and parse_client_message (a command, an
// AUTHENTICATE data line or IDLE's DONE) on arbitrary bytes, strict, lenient and with tight
// limits (max_depth 8, max_list_items 16); see parse_checks.hpp for how the modes must agree.
// Nothing may crash, overflow the stack or time out (the seeds hold 10,000-deep search keys).
// Then the round trip (fuzz/roundtrip_checks.hpp): every client message parsed strictly
// serializes, frames as one message (waiting for "+" exactly at the synchronizing literals) and
// parses back strictly to an equal value; one only lenient mode reads may be refused by the
// serializer, but what it writes must parse back (lenient) equal.
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"
#include "roundtrip_checks.hpp"

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
    for (const auto& mode : {imapkit::parse_options::strict(), imapkit::parse_options::lenient()}) {
      imapkit::arena mem;
      const auto parsed = imapkit::parse_client_message(message, mem, expect, mode);
      if (!parsed) continue;
      const imapkit::serialize_result written = imapkit::fuzz::check_round_trip(
          *parsed, imapkit::framer_side::read_commands, imapkit::serialize_options{},
          [&](std::string_view m, imapkit::arena& again) {
            return imapkit::parse_client_message(m, again, expect, mode);
          });
      // Lenient mode reads values no client may send (8-bit in a flag): the serializer refuses
      // those rather than write them.
      if (mode.quirks.empty())
        FUZZ_CHECK(written || imapkit::fuzz::is_deliberate_refusal(written.error()));
    }
  }
  // Expecting a command, a client line is exactly a command.
  FUZZ_CHECK(client_command == command);
  return 0;
}
