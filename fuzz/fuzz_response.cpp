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
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"
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

  // With its literals streamed (every one of more than 0 octets), a message parses as far as
  // the whole one does: no literal octet is read, none is looked for, and what is written back
  // with the streamed literals and their data put in place is the same message again.
  imapkit::framer_limits limits =
      imapkit::framer_limits::for_side(imapkit::framer_side::read_responses);
  limits.stream_literals_above = 0;
  imapkit::framer f(imapkit::framer_side::read_responses, limits);
  f.feed(message);
  std::vector<std::string> octets;  // each streamed literal's, by index
  for (auto e = f.next(); e.kind != imapkit::framer::status::need_more; e = f.next()) {
    if (e.kind == imapkit::framer::status::literal_begin) octets.emplace_back();
    if (e.kind == imapkit::framer::status::literal_data) octets.back().append(e.message);
    if (e.kind != imapkit::framer::status::message) continue;
    if (e.offset != 0 || e.message.size() + imapkit::streamed_size(e.literals) != message.size())
      break;  // not one whole message
    for (auto mode : {imapkit::parse_options::strict(), imapkit::parse_options::lenient()}) {
      imapkit::arena mem;
      mode.streamed_literals = e.literals;
      const auto streamed = imapkit::parse_response(e.message, mem, mode);
      if (!streamed) {
        FUZZ_CHECK(streamed.error().offset <= e.message.size());
        continue;
      }
      imapkit::buffer_sink out;
      imapkit::serialize_options write = options;
      write.streamed_literals = e.literals;
      if (!imapkit::serialize(*streamed, out, write)) continue;
      std::string whole(out.bytes());
      const auto& points = out.stream_points();
      for (auto it = points.rbegin(); it != points.rend(); ++it) {
        FUZZ_CHECK(it->literal.index >= 1 && it->literal.index <= octets.size());
        FUZZ_CHECK(it->literal.size == octets[it->literal.index - 1].size());
        whole.insert(it->offset, octets[it->literal.index - 1]);
      }
      imapkit::arena again;
      imapkit::parse_options reread = imapkit::parse_options::lenient();
      FUZZ_CHECK(imapkit::parse_response(whole, again, reread).ok());
    }
  }
  return 0;
}
