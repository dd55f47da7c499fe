// Round trip over every real capture (corpus/captures): for every message,
// parse(serialize(parse(bytes))) == parse(bytes), and the serialized form is canonical: written
// again it gives the same bytes. Messages already in the encoder's preferred form come back
// byte for byte; the test counts them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "capture_files.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

using test::capture_file;
using test::capture_files;

// What the serializer refuses to write by design (docs/quirks.md): a multipart that lost its
// parts, a NIL media type, a MESSAGE/RFC822 part without its envelope and body. A message parsed
// with one of these may be refused; no other.
constexpr quirk_set unwritable{quirk::multipart_without_parts, quirk::nil_media_type,
                               quirk::message_rfc822_without_envelope};

struct totals {
  std::size_t messages = 0;
  std::size_t unparsed = 0;   // the input itself does not parse (deliberately invalid commands)
  std::size_t identical = 0;  // serialized bytes == input bytes
  std::size_t framer_errors = 0;
  std::size_t unwritable = 0;  // refused by the serializer because of an unwritable quirk
};

std::string show(std::string_view bytes) { return std::string(bytes.substr(0, 300)); }

// Parses, serializes, parses again and serializes again one side of a capture. `Parse` is
// (message, arena&) -> result<T>; `Write` is (const T&, buffer_sink&) -> serialize_result;
// `Advance` sees each parsed message (commands: what the next line is expected to be).
template <class Parse, class Write, class Advance>
void round_trip(const capture_file& file, framer_side side, Parse parse, Write write,
                Advance advance, totals& sum) {
  const std::string bytes = test::read_capture(file);
  framer frame(side, framer_limits::whole_messages(side));
  frame.feed(bytes);
  arena mem, again_mem;
  buffer_sink once, twice;
  for (;;) {
    const framer::event ev = frame.next();
    if (ev.kind == framer::status::need_more) break;
    // imaplib-errors-conn2.c2s goes past two limits on purpose: a literal of 99,999,999,999
    // octets and a line of more than 64 KiB.
    if (ev.kind == framer::status::error) {
      ++sum.framer_errors;
      continue;
    }
    ++sum.messages;
    mem.reset();
    const auto parsed = parse(ev.message, mem);
    if (!parsed) {
      ++sum.unparsed;
      continue;
    }
    const std::string where = file.name + " offset " + std::to_string(ev.offset);
    once.clear();
    const serialize_result written = write(*parsed, once);
    if (!written && !(parsed.quirks() & unwritable).empty()) {
      ++sum.unwritable;
      advance(*parsed);
      continue;
    }
    const serialize_error& err = written.error();
    ASSERT_TRUE(written) << where << ": " << to_string(err.code) << " in " << err.what << "\n"
                         << show(ev.message);
    again_mem.reset();
    const auto again = parse(once.bytes(), again_mem);
    ASSERT_TRUE(again) << where << ": " << again.error().message()
                       << "\nserialized: " << show(once.bytes()) << "\ninput: " << show(ev.message);
    EXPECT_TRUE(*again == *parsed)
        << where << "\nserialized: " << show(once.bytes()) << "\ninput: " << show(ev.message);
    twice.clear();
    ASSERT_TRUE(write(*again, twice)) << where;
    EXPECT_EQ(twice.bytes(), once.bytes()) << where << ": the serialized form is not canonical";
    if (once.bytes() == ev.message) ++sum.identical;
    advance(*parsed);
  }
  EXPECT_EQ(frame.buffered(), 0u) << file.name;
}

TEST(SerializeCorpus, EveryResponseRoundTrips) {
  totals sum;
  for (const auto& file : capture_files(".s2c")) {
    SCOPED_TRACE(file.name);
    const parse_options options = file.strict_options();
    round_trip(
        file, framer_side::read_responses,
        [&](std::string_view m, arena& mem) { return parse_response(m, mem, options); },
        [](const response& r, buffer_sink& out) { return serialize(r, out); },
        [](const response&) {}, sum);
  }
  std::printf(
      "responses: %zu messages, %zu byte-identical after the round trip, %zu refused as "
      "unwritable\n",
      sum.messages, sum.identical, sum.unwritable);
  EXPECT_GT(sum.messages, 3000u);
  // Mailutils' bodies of 14-multipart-no-boundary.eml (a multipart without parts): BODY and
  // BODYSTRUCTURE in its session, BODYSTRUCTURE in the example client's.
  EXPECT_EQ(sum.unwritable, 3u);
  EXPECT_EQ(sum.unparsed, 0u);
  EXPECT_EQ(sum.framer_errors, 0u);
}

TEST(SerializeCorpus, EveryCommandRoundTrips) {
  totals sum;
  for (const auto& file : capture_files(".c2s")) {
    SCOPED_TRACE(file.name);
    client_expectation expect = client_expectation::command;
    round_trip(
        file, framer_side::read_commands,
        [&](std::string_view m, arena& mem) { return parse_client_message(m, mem, expect); },
        [](const client_message& c, buffer_sink& out) { return serialize(c, out); },
        [&](const client_message& c) { expect = next_expectation(c, expect); }, sum);
  }
  std::printf("commands: %zu messages (%zu invalid in the capture), %zu byte-identical\n",
              sum.messages, sum.unparsed, sum.identical);
  EXPECT_GT(sum.messages, 600u);
  EXPECT_EQ(sum.framer_errors, 2u);
}

}  // namespace
