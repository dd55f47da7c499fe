// fuzz_generic: the generic message grammar (parse_generic_response / parse_generic_command) on
// arbitrary bytes, in strict and lenient modes, with the default limits and tight ones.
//
// Input: byte 0 picks the direction, the mode, the limits and whether the rest is repeated (to
// build deep nesting and long lists cheaply, up to 64 KiB: 10,000 nested parentheses must fail
// cleanly at max_depth, not overflow the stack); byte 1 is the repeat count; the rest is the
// message. Properties:
//  - nothing crashes, overflows the stack or runs past the limits;
//  - an error's offset lies within the message;
//  - a parsed message's atoms and literals are views into the message;
//  - a status response or continuation request is exactly tag, name and text;
//  - written back through imapkit::writer (when it accepts the values), the message frames as
//    exactly one message and parses back to an equal value.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using imapkit::generic_message;
using imapkit::generic_value;
using imapkit::fuzz::byte_reader;

bool within(std::string_view inner, std::string_view outer) {
  return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

void check_views(const generic_value& v, std::string_view message) {
  switch (v.kind) {
    case generic_value::kind_t::nil:
      FUZZ_CHECK(v.text.is_nil() && v.items.empty());
      break;
    case generic_value::kind_t::atom:
      FUZZ_CHECK(!v.text.value.empty() && within(v.text.value, message));
      break;
    case generic_value::kind_t::string:
      FUZZ_CHECK(!v.text.is_nil());
      if (v.text.is_literal()) FUZZ_CHECK(within(v.text.value, message));
      break;
    case generic_value::kind_t::list:
      for (const generic_value& item : v.items) check_views(item, message);
      break;
  }
}

using parse_fn = imapkit::result<generic_message> (*)(std::string_view, imapkit::arena&,
                                                      const imapkit::parse_options&);

// Writes `m` back through the writer; when the writer takes every value, the bytes must frame as
// one message and parse to `m` again.
void check_round_trip(const generic_message& m, bool command, parse_fn parse,
                      const imapkit::parse_options& options) {
  imapkit::serialize_options so;
  so.writer =
      command ? imapkit::serialize_options::role::client : imapkit::serialize_options::role::server;
  imapkit::buffer_sink out;
  imapkit::writer w(out, so);
  if (m.tag == "*") {
    w.raw("*");
  } else if (!w.tag(m.tag)) {
    return;
  }
  if (!m.name.empty()) {
    w.sp();
    if (!w.generic_value(
            generic_value{generic_value::kind_t::atom, imapkit::string::atom(m.name), {}}))
      return;
  }
  for (const generic_value& v : m.args) {
    w.sp();
    if (!w.generic_value(v)) return;
  }
  w.crlf();
  FUZZ_CHECK(w.ok());

  const std::string_view bytes = out.bytes();
  imapkit::framer f(command ? imapkit::framer_side::read_commands
                            : imapkit::framer_side::read_responses);
  f.feed(bytes);
  const imapkit::framer::event e = f.next();
  FUZZ_CHECK(e.kind == imapkit::framer::status::message);
  FUZZ_CHECK(e.message == bytes);
  FUZZ_CHECK(f.next().kind == imapkit::framer::status::need_more);

  imapkit::arena mem;
  const auto again = parse(bytes, mem, options);
  if (!again) {
    std::fprintf(stderr, "written back: %.*s\nerror: %s\n", static_cast<int>(bytes.size()),
                 bytes.data(), again.error().message().c_str());
  }
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->tag == m.tag);
  FUZZ_CHECK(again->name == m.name);
  FUZZ_CHECK(!again->has_text);
  if (!(again->args == m.args)) {
    std::fprintf(stderr, "written back: %.*s\n", static_cast<int>(bytes.size()), bytes.data());
  }
  FUZZ_CHECK(again->args == m.args);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  byte_reader in(data, size);
  const std::uint8_t mode = in.byte();
  const std::uint8_t repeat = in.byte();
  const bool command = (mode & 1) != 0;
  imapkit::parse_options options =
      (mode & 2) ? imapkit::parse_options::lenient() : imapkit::parse_options::strict();
  switch ((mode >> 2) & 3) {
    case 0:
      break;  // the defaults: max_depth 256
    case 1:
      options.max_depth = 3;
      break;
    case 2:
      options.max_depth = 0;
      break;
    case 3:
      options.max_list_items = 4;
      break;
  }
  std::string_view message = in.rest();
  std::string repeated;
  if ((mode & 0x10) && !message.empty()) {
    // Deep and long inputs: up to 64 KiB of the message repeated.
    const std::size_t times =
        std::min<std::size_t>(std::size_t{repeat} * 64 + 1, (64 * 1024) / message.size() + 1);
    repeated.reserve(times * message.size());
    for (std::size_t i = 0; i < times; ++i) repeated.append(message);
    message = repeated;
  }

  const parse_fn parse = command ? static_cast<parse_fn>(&imapkit::parse_generic_command)
                                 : static_cast<parse_fn>(&imapkit::parse_generic_response);
  imapkit::arena mem;
  const auto parsed = parse(message, mem, options);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().offset <= message.size());
    FUZZ_CHECK(!parsed.error().production.empty());
    return 0;
  }
  const generic_message& m = *parsed;
  FUZZ_CHECK(message.ends_with("\r\n"));
  FUZZ_CHECK(within(m.tag, message) && !m.tag.empty());
  for (const generic_value& v : m.args) check_views(v, message);
  FUZZ_CHECK(m.args.size() <= options.max_list_items);

  if (m.has_text || m.tag == "+" || imapkit::fuzz::is_status_word(m.name)) {
    // Kept as it stands: tag [SP name] [SP text] CRLF.
    FUZZ_CHECK(m.args.empty());
    std::string rebuilt(m.tag);
    if (!m.name.empty()) rebuilt.append(" ").append(m.name);
    if (m.has_text) rebuilt.append(" ").append(m.text);
    rebuilt.append("\r\n");
    FUZZ_CHECK(rebuilt == message);
    return 0;
  }
  check_round_trip(m, command, parse, options);
  return 0;
}
