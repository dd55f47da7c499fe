// imapkit roundtrip: parse a stream, serialize every message again, and either write the bytes
// or check that they parse back to an equal AST.
#include "roundtrip.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <string>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"
#include "input.hpp"
#include "json.hpp"

namespace imapkit::cli {

namespace {

// One side of the connection: how its messages are parsed and written.
struct response_side {
  parse_options options;
  using value_type = response;
  result<response> parse(std::string_view m, arena& mem) const {
    return parse_response(m, mem, options);
  }
  serialize_result write(const response& r, buffer_sink& out, const serialize_options& o) const {
    return serialize(r, out, o);
  }
  void advance(const response&) {}
};

struct command_side {
  parse_options options;
  client_expectation expect = client_expectation::command;
  using value_type = client_message;
  result<client_message> parse(std::string_view m, arena& mem) const {
    return parse_client_message(m, mem, expect, options);
  }
  serialize_result write(const client_message& c, buffer_sink& out,
                         const serialize_options& o) const {
    return serialize(c, out, o);
  }
  void advance(const client_message& c) { expect = next_expectation(c, expect); }
};

template <class Side>
int run(const roundtrip_options& opt, const std::string& name, Side side) {
  // Whole messages: a round trip writes every literal back, so it holds them.
  const framer_side reading =
      opt.responses ? framer_side::read_responses : framer_side::read_commands;
  framer frame(reading, framer_limits::whole_messages(reading));
  arena mem, again_mem;
  buffer_sink out;
  serialize_options write_options;
  write_options.utf8 = opt.utf8;
  write_options.literal_plus = opt.literal_plus;
  std::size_t messages = 0, failures = 0, identical = 0;

  const auto handle = [&](const framer::event& ev) {
    if (ev.kind == framer::status::error) {
      ++failures;
      std::fprintf(stderr, "%s:%llu: error: message exceeds %.*s\n", name.c_str(),
                   static_cast<unsigned long long>(ev.error.offset),
                   static_cast<int>(ev.error.limit_name().size()), ev.error.limit_name().data());
      return;
    }
    ++messages;
    mem.reset();
    const auto parsed = side.parse(ev.message, mem);
    // One JSON line per message with --check: offset, length, verdict and what explains it.
    const auto line = [&](std::string_view verdict, boost::json::object detail = {}) {
      if (!opt.check || opt.summary) return;
      boost::json::object o{
          {"offset", ev.offset}, {"length", ev.message.size()}, {"roundtrip", verdict}};
      for (auto& field : detail) o[field.key()] = std::move(field.value());
      const std::string text = boost::json::serialize(o) + "\n";
      std::fwrite(text.data(), 1, text.size(), stdout);
    };
    if (!parsed) {
      ++failures;
      std::fprintf(stderr, "%s:%llu: error: %s\n", name.c_str(),
                   static_cast<unsigned long long>(ev.offset + parsed.error().offset),
                   parsed.error().message().c_str());
      line("unparsed");
      return;
    }
    out.clear();
    const serialize_result written = side.write(*parsed, out, write_options);
    if (!written) {
      const serialize_error& err = written.error();
      ++failures;
      std::fprintf(stderr, "%s:%llu: error: cannot serialize: %.*s in %.*s\n", name.c_str(),
                   static_cast<unsigned long long>(ev.offset),
                   static_cast<int>(to_string(err.code).size()), to_string(err.code).data(),
                   static_cast<int>(err.what.size()), err.what.data());
      line("rejected", {{"error", to_string(err.code)}, {"production", err.what}});
      side.advance(*parsed);
      return;
    }
    if (!opt.check) {
      std::fwrite(out.bytes().data(), 1, out.bytes().size(), stdout);
      side.advance(*parsed);
      return;
    }
    const bool same_bytes = out.bytes() == ev.message;
    identical += same_bytes;
    again_mem.reset();
    const auto again = side.parse(out.bytes(), again_mem);
    if (!again) {
      ++failures;
      std::fprintf(stderr, "%s:%llu: error: the serialized form does not parse: %s\n", name.c_str(),
                   static_cast<unsigned long long>(ev.offset), again.error().message().c_str());
      line("unreadable", {{"serialized", bytes_to_json(out.bytes())}});
    } else if (!(*again == *parsed)) {
      ++failures;
      std::fprintf(stderr, "%s:%llu: error: the serialized form parses to another value\n",
                   name.c_str(), static_cast<unsigned long long>(ev.offset));
      line("different", {{"serialized", bytes_to_json(out.bytes())}});
    } else {
      line("equal", {{"bytes", same_bytes ? "identical" : "rewritten"}});
    }
    side.advance(*parsed);
  };
  std::uint64_t total = 0;
  const bool read = read_in_chunks(opt.file, opt.chunk_size, total, [&](std::string_view block) {
    frame.feed(block);
    for (framer::event ev = frame.next(); ev.kind != framer::status::need_more; ev = frame.next())
      handle(ev);
  });
  if (!read) return roundtrip_unreadable;
  if (frame.buffered() != 0 || frame.discarding()) {
    ++failures;
    std::fprintf(stderr, "%s:%llu: error: input ends inside a message (%zu bytes unframed)\n",
                 name.c_str(), static_cast<unsigned long long>(frame.stream_offset()),
                 frame.buffered());
  }
  if (opt.check && opt.summary)
    std::printf("messages=%zu failures=%zu identical=%zu\n", messages, failures, identical);
  return failures == 0 ? 0 : 1;
}

}  // namespace

int run_roundtrip(const roundtrip_options& opt, const std::string& name) {
  parse_mode mode = opt.responses ? parse_mode::lenient : parse_mode::strict;
  if (opt.strict) mode = parse_mode::strict;
  if (opt.lenient) mode = parse_mode::lenient;
  const parse_options options =
      opt.responses ? parse_options::responses(mode) : parse_options::of(mode);
  if (opt.responses) return run(opt, name, response_side{options});
  return run(opt, name, command_side{options});
}

}  // namespace imapkit::cli
