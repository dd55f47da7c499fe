// The round trip the harnesses check after a successful parse (and fuzz_ast_roundtrip and
// fuzz_serializer_injection after building a value): serialize the value, frame the bytes as the
// peer would, parse them again. Properties:
//  - the bytes frame as exactly one message spanning all of them (nothing could break out of a
//    value's slot: no injected CRLF, no unbalanced literal count); a command's bytes are fed
//    fragment by fragment and the framer asks for "+" exactly at the serializer's continuation
//    points;
//  - that message parses back to a value equal to the one serialized;
//  - when the serializer refuses a value, a buffering sink holds nothing of it.
#pragma once

#include <string_view>

#include "fuzz_support.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit::fuzz {

// Frames `out` as `side` reads it; returns the one message, checking there is exactly one.
inline std::string_view frame_exactly_one(const buffer_sink& out, framer_side side, framer& f) {
  std::string_view message;
  std::size_t messages = 0;
  const auto fragments = out.fragments();
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    f.feed(fragments[i]);
    for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next()) {
      FUZZ_CHECK(ev.kind == framer::status::message);
      message = ev.message;
      ++messages;
    }
    // A synchronizing literal waits for "+" exactly where the serializer said it would.
    if (side == framer_side::read_commands)
      FUZZ_CHECK(f.take_continuation_request() == (i + 1 < fragments.size()));
  }
  FUZZ_CHECK(messages == 1);
  FUZZ_CHECK(f.buffered() == 0);
  FUZZ_CHECK(message.size() == out.bytes().size());
  return message;
}

// The values a strict parse may produce that the serializer refuses on purpose, because written
// as they are they would read back as something else in the other mode or next to another value
// (docs/serializer.md, "What the serializer refuses"):
//  - resp-text without a code that starts with "[" (strict RFC 9051 reads "* OK [CLOSED]" CRLF as
//    text, lenient mode as a code) or ends like a literal announcement ("x {5}");
//  - a generic token with a "[" it does not close itself ("BODY.PEEK][" as the last value of a
//    line is one token, before another value it would swallow the value).
inline bool is_deliberate_refusal(const serialize_error& err) {
  return (err.code == serialize_errc::invalid_text && err.what == "resp-text") ||
         (err.code == serialize_errc::invalid_atom && err.what == "value");
}

// Serializes `value`, frames and parses it with `parse(message, arena&)`. Returns what the
// serializer said: its error (checking that nothing was written) when it refused the value.
template <class T, class Parse>
serialize_result check_round_trip(const T& value, framer_side side,
                                  const serialize_options& options, Parse&& parse) {
  buffer_sink out;
  if (const serialize_result written = serialize(value, out, options); !written) {
    FUZZ_CHECK(out.bytes().empty());
    FUZZ_CHECK(out.continuation_points().empty());
    return written;
  }
  framer f(side, framer_limits{.max_line_length = 1 << 30,
                               .max_literal_size = 1 << 30,
                               .max_message_size = 1 << 30});
  const std::string_view message = frame_exactly_one(out, side, f);
  arena mem;
  const auto again = parse(message, mem);
  if (!again) {
    std::fprintf(stderr, "serialized form does not parse: %s\n%.*s\n",
                 again.error().message().c_str(), static_cast<int>(message.size()), message.data());
  }
  FUZZ_CHECK(again.ok());
  if (!(*again == value))
    std::fprintf(stderr, "serialized form parses to another value:\n%.*s\n",
                 static_cast<int>(message.size()), message.data());
  FUZZ_CHECK(*again == value);
  return {};
}

}  // namespace imapkit::fuzz
