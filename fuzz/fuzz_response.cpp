// fuzz_response: parse_response (RFC 9051 §7, §9 `response`) on arbitrary bytes, strict, lenient
// quirk by quirk (the quirks the lenient parse reported, and each of them left out) and with
// tight limits (max_depth 8, max_list_items 16); see parse_checks.hpp for how they must agree.
// Nothing may crash, overflow the stack or time out (the seeds hold 10,000-deep BODYSTRUCTURE and
// list values).
//
// Then the round trip (fuzz/roundtrip_checks.hpp): a strictly valid response serializes (UTF-8
// allowed, as the server may have sent it), frames as one message and parses back strictly to an
// equal value; a response only lenient mode reads may be refused by the serializer (it writes
// no quirk), but what it writes must parse back (lenient) equal.
#include <cstdint>
#include <string_view>

#include "imapkit/parse.hpp"
#include "parse_checks.hpp"
#include "roundtrip_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  imapkit::fuzz::check_modes(
      message, [](std::string_view m, imapkit::arena& mem, const imapkit::parse_options& o) {
        return imapkit::parse_response(m, mem, o);
      });

  imapkit::serialize_options options;
  options.utf8 = true;
  for (const auto& mode : {imapkit::parse_options::strict(), imapkit::parse_options::lenient()}) {
    imapkit::arena mem;
    const auto parsed = imapkit::parse_response(message, mem, mode);
    if (!parsed) continue;
    const imapkit::serialize_result written =
        imapkit::fuzz::check_round_trip(*parsed, imapkit::framer_side::read_responses, options,
                                        [&mode](std::string_view m, imapkit::arena& again) {
                                          return imapkit::parse_response(m, again, mode);
                                        });
    if (mode.quirks.empty())
      FUZZ_CHECK(written || imapkit::fuzz::is_deliberate_refusal(written.error()));
  }
  return 0;
}
