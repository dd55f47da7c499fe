// Streamed literals (issue 16): the framer's literal_begin / literal_data events, the parse of a
// message whose literals were streamed, locate_literal, and the serializer's streamed literals.
// Every capture, streamed and buffered at several chunk sizes and thresholds, is compared in
// framer_test.cpp (CaptureTest.StreamingLiteralsDoesNotChangeFraming) and by cli.streamed_captures.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit {
namespace {

using namespace std::string_literals;
using status = framer::status;

framer_limits streaming_above(framer_side side, std::uint64_t threshold) {
  framer_limits limits = framer_limits::for_side(side);
  limits.stream_literals_above = threshold;
  return limits;
}

// What a caller sees: the messages (without streamed data), each literal's bytes, in order.
struct seen {
  std::vector<std::string> messages;
  std::vector<std::vector<streamed_literal>> literals;  // per message
  std::vector<std::string> data;                        // per streamed literal, in stream order
  std::vector<std::string> before;                      // literal_begin's bytes
  std::vector<framer_error> errors;
};

void drain(framer& f, seen& out) {
  for (framer::event e = f.next(); e.kind != status::need_more; e = f.next()) {
    switch (e.kind) {
      case status::literal_begin:
        out.before.emplace_back(e.message);
        out.data.emplace_back();
        EXPECT_EQ(e.literals.size(), e.literal.index);
        break;
      case status::literal_data:
        ASSERT_FALSE(out.data.empty()) << "literal_data before literal_begin";
        EXPECT_EQ(e.literal_position, out.data.back().size());
        out.data.back().append(e.message);
        EXPECT_EQ(e.literal_end, out.data.back().size() == e.literal.size);
        break;
      case status::message:
        out.messages.emplace_back(e.message);
        out.literals.emplace_back(e.literals.begin(), e.literals.end());
        break;
      case status::error:
        out.errors.push_back(e.error);
        break;
      case status::need_more:
        break;
    }
  }
}

const std::string body(5000, 'x');
const std::string fetch =
    "* 12 FETCH (UID 7 BODY[1.2]<0> {5000}\r\n" + body + " FLAGS (\\Seen))\r\n* 13 EXISTS\r\n";

TEST(Streaming, ResponseLiteralIsHandedOutAsItArrives) {
  for (const std::size_t chunk : {1u, 7u, 100u, 4096u, 100000u}) {
    SCOPED_TRACE(chunk);
    framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 4096));
    seen got;
    for (std::size_t pos = 0; pos < fetch.size(); pos += chunk) {
      f.feed(std::string_view(fetch).substr(pos, chunk));
      drain(f, got);
    }
    ASSERT_EQ(got.messages.size(), 2u);
    EXPECT_EQ(got.messages[0], "* 12 FETCH (UID 7 BODY[1.2]<0> {5000}\r\n FLAGS (\\Seen))\r\n");
    EXPECT_EQ(got.messages[1], "* 13 EXISTS\r\n");
    ASSERT_EQ(got.literals[0].size(), 1u);
    EXPECT_EQ(got.literals[0][0], (streamed_literal{5000, 39, 1, false}));
    EXPECT_TRUE(got.literals[1].empty());
    ASSERT_EQ(got.data.size(), 1u);
    EXPECT_EQ(got.data[0], body);
    EXPECT_EQ(got.before[0], "* 12 FETCH (UID 7 BODY[1.2]<0> {5000}\r\n");
    EXPECT_EQ(f.stream_offset(), fetch.size());
    EXPECT_EQ(f.buffered(), 0u);
  }
}

TEST(Streaming, LiteralBytesAreNotCopied) {
  // Bytes fed after the announcement was handed out come back as views of the caller's bytes.
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 10));
  f.feed("* 1 FETCH (BODY[] {20}\r\n");
  EXPECT_EQ(f.next().kind, status::literal_begin);
  EXPECT_EQ(f.next().kind, status::need_more);
  const std::string part = "0123456789abcdefghij)\r\n";
  f.feed(part);
  const framer::event data = f.next();
  ASSERT_EQ(data.kind, status::literal_data);
  EXPECT_EQ(data.message.data(), part.data());
  EXPECT_EQ(data.message, "0123456789abcdefghij");
  EXPECT_EQ(data.offset, 24u);
  EXPECT_TRUE(data.literal_end);
  const framer::event message = f.next();
  ASSERT_EQ(message.kind, status::message);
  EXPECT_EQ(message.message, "* 1 FETCH (BODY[] {20}\r\n)\r\n");
  EXPECT_EQ(message.offset, 0u);
  EXPECT_EQ(offset_with_streamed(24, message.literals), 44u);
  EXPECT_EQ(streamed_size(message.literals), 20u);
}

TEST(Streaming, FeedingAgainBeforeDrainingKeepsTheOrder) {
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 4));
  seen got;
  f.feed("* 1 FETCH (BODY[] {10}\r\n");
  drain(f, got);
  ASSERT_EQ(got.before.size(), 1u);
  const std::string first = "01234";
  f.feed(first);  // not handed out before the next feed: the framer keeps it
  f.feed("56789)\r\n");
  drain(f, got);
  ASSERT_EQ(got.messages.size(), 1u);
  EXPECT_EQ(got.messages[0], "* 1 FETCH (BODY[] {10}\r\n)\r\n");
  EXPECT_EQ(got.data[0], "0123456789");
}

TEST(Streaming, SeveralLiteralsInOneMessage) {
  const std::string big(300, 'b');
  const std::string stream = "* 3 FETCH (BODY[HEADER] {3}\r\nabc BODY[TEXT] {300}\r\n" + big +
                             " BINARY[2] ~{300}\r\n" + big + ")\r\n";
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 100));
  seen got;
  f.feed(stream);
  drain(f, got);
  ASSERT_EQ(got.messages.size(), 1u);
  ASSERT_EQ(got.literals[0].size(), 2u);
  EXPECT_EQ(got.literals[0][1].binary, true);
  EXPECT_EQ(got.literals[0][1].index, 2u);
  EXPECT_EQ(got.messages[0],
            "* 3 FETCH (BODY[HEADER] {3}\r\nabc BODY[TEXT] {300}\r\n BINARY[2] ~{300}\r\n)\r\n");

  // The typed parse: every item, the streamed ones by their index.
  arena mem;
  parse_options options = parse_options::responses();
  options.streamed_literals = got.literals[0];
  const auto parsed = parse_response(got.messages[0], mem, options);
  ASSERT_TRUE(parsed) << parsed.error().message();
  const auto& data = std::get<fetch_data>(std::get<untagged>(parsed->value).data);
  EXPECT_EQ(data.number, 3u);
  ASSERT_EQ(data.attributes.size(), 3u);
  const auto& header = *data.attributes[0].get<fetch_body_section>();
  EXPECT_EQ(header.data.value, "abc");
  EXPECT_FALSE(header.data.is_streamed());
  const auto& text = *data.attributes[1].get<fetch_body_section>();
  EXPECT_EQ(text.data, string::streamed(1));
  const auto& binary = *data.attributes[2].get<fetch_binary>();
  EXPECT_EQ(binary.data, string::streamed(2, true));

  // Written back with the same literals, the octets go where they were.
  buffer_sink out;
  serialize_options write;
  write.streamed_literals = got.literals[0];
  ASSERT_TRUE(serialize(*parsed, out, write));
  ASSERT_EQ(out.stream_points().size(), 2u);
  std::string whole(out.bytes());
  for (auto it = out.stream_points().rbegin(); it != out.stream_points().rend(); ++it)
    whole.insert(it->offset, got.data[it->literal.index - 1]);
  EXPECT_EQ(whole, stream);
}

TEST(Streaming, ParsingWithoutTheLiteralsFails) {
  // A message whose literal was streamed does not parse as if it were whole.
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 4096));
  seen got;
  f.feed(fetch);
  drain(f, got);
  arena mem;
  // Strict: lenient mode would keep the damaged BODY item as an invalid one (item_recovery).
  EXPECT_FALSE(parse_response(got.messages[0], mem, parse_options::responses(parse_mode::strict)));
  parse_options wrong = parse_options::responses(parse_mode::strict);
  const streamed_literal other_size{4999, 39, 1, false};
  wrong.streamed_literals = {&other_size, 1};
  const auto parsed = parse_response(got.messages[0], mem, wrong);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().expected, "the size of the streamed literal");
}

TEST(Streaming, NoItemIsRecoveredAroundAStreamedLiteral) {
  // Lenient item recovery keeps a damaged item as its bytes, written back as they are: with a
  // streamed literal inside, those bytes lack its octets, so the item is not kept.
  const std::string stream =
      "* 1 FETCH (UID 5 BODYSTRUCTURE (\"TEXT\" {10}\r\n0123456789) FLAGS ())\r\n";
  arena mem;
  const auto whole = parse_response(stream, mem);
  ASSERT_TRUE(whole) << whole.error().message();  // BODYSTRUCTURE kept as an invalid item
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 4));
  seen got;
  f.feed(stream);
  drain(f, got);
  ASSERT_EQ(got.messages.size(), 1u);
  parse_options options = parse_options::responses();
  options.streamed_literals = got.literals[0];
  const auto streamed = parse_response(got.messages[0], mem, options);
  EXPECT_FALSE(streamed);
}

TEST(Streaming, ServerAppendWaitsForContinuationAndCanRefuse) {
  const std::string data(2000, 'm');
  const std::string append = "a1 APPEND INBOX (\\Seen) {2000}\r\n";
  for (const bool refuse : {false, true}) {
    SCOPED_TRACE(refuse);
    framer f(framer_side::read_commands, streaming_above(framer_side::read_commands, 1000));
    seen got;
    f.feed(append);
    const framer::event begin = f.next();
    ASSERT_EQ(begin.kind, status::literal_begin);
    got.data.emplace_back();
    // The slot is known before any octet: the server may refuse by the message's size or box.
    const literal_slot slot = locate_literal(begin.message, begin.literals);
    EXPECT_EQ(slot.tag, "a1");
    EXPECT_EQ(slot.name, "APPEND");
    EXPECT_EQ(slot.argument, 2u);
    EXPECT_EQ(slot.appended, 0u);
    EXPECT_EQ(f.next().kind, status::need_more);
    EXPECT_TRUE(f.awaiting_continuation());
    EXPECT_TRUE(f.take_continuation_request());
    EXPECT_FALSE(f.take_continuation_request());
    if (refuse) {
      EXPECT_TRUE(f.refuse_literal());
      f.feed("a2 NOOP\r\n");
      drain(f, got);
      ASSERT_EQ(got.messages.size(), 1u);
      EXPECT_EQ(got.messages[0], "a2 NOOP\r\n");
      EXPECT_TRUE(got.literals[0].empty());
      EXPECT_EQ(f.stream_offset(), append.size() + 9);
      continue;
    }
    // feed()'s bytes must outlive the events they give: literal octets are not copied.
    const std::string first = data.substr(0, 500), rest = data.substr(500) + "\r\n";
    f.feed(first);
    drain(f, got);
    EXPECT_FALSE(f.awaiting_continuation());
    EXPECT_FALSE(f.refuse_literal());  // the octets came: too late to refuse
    f.feed(rest);
    drain(f, got);
    ASSERT_EQ(got.messages.size(), 1u);
    EXPECT_EQ(got.data[0], data);
    arena mem;
    parse_options options;
    options.streamed_literals = got.literals[0];
    const auto parsed = parse_command(got.messages[0], mem, options);
    ASSERT_TRUE(parsed) << parsed.error().message();
    const auto& appended = std::get<append_command>(parsed->body);
    EXPECT_EQ(appended.messages[0].data, string::streamed(1));
  }
}

TEST(Streaming, StreamedLiteralLimit) {
  // Over max_streamed_literal_size: a server's synchronizing literal is taken as refused, a
  // response's octets are skipped.
  framer_limits limits = streaming_above(framer_side::read_commands, 10);
  limits.max_streamed_literal_size = 100;
  framer server(framer_side::read_commands, limits);
  seen got;
  server.feed("a1 APPEND INBOX {101}\r\na2 NOOP\r\n");
  drain(server, got);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].kind, framer_error_kind::streamed_literal_too_large);
  EXPECT_EQ(got.errors[0].limit_name(), "max_streamed_literal_size");
  ASSERT_EQ(got.messages.size(), 1u);
  EXPECT_EQ(got.messages[0], "a2 NOOP\r\n");

  limits = streaming_above(framer_side::read_responses, 10);
  limits.max_streamed_literal_size = 100;
  framer client(framer_side::read_responses, limits);
  seen responses;
  client.feed("* 1 FETCH (BODY[] {101}\r\n" + std::string(101, 'z') + ")\r\n* 2 EXISTS\r\n");
  drain(client, responses);
  ASSERT_EQ(responses.errors.size(), 1u);
  ASSERT_EQ(responses.messages.size(), 1u);
  EXPECT_EQ(responses.messages[0], "* 2 EXISTS\r\n");
}

TEST(Streaming, ErrorOffsetsCountTheStreamedOctets) {
  framer f(framer_side::read_responses, streaming_above(framer_side::read_responses, 4));
  const std::string stream = "* 1 FETCH (BODY[] {10}\r\n0123456789 FLAGS (\\Seen) !)\r\n";
  seen got;
  f.feed(stream);
  drain(f, got);
  ASSERT_EQ(got.messages.size(), 1u);
  arena mem;
  parse_options options = parse_options::responses(parse_mode::strict);
  options.streamed_literals = got.literals[0];
  const auto parsed = parse_response(got.messages[0], mem, options);
  ASSERT_FALSE(parsed);
  // Where the whole message's parse fails, counted in the bytes on the wire.
  arena whole_mem;
  const auto whole =
      parse_response(stream, whole_mem, parse_options::responses(parse_mode::strict));
  ASSERT_FALSE(whole);
  EXPECT_GT(whole.error().offset, 34u);  // after the literal's octets
  EXPECT_EQ(offset_with_streamed(parsed.error().offset, got.literals[0]), whole.error().offset);
  EXPECT_EQ(parsed.error().expected, whole.error().expected);
}

TEST(LocateLiteral, FetchItems) {
  literal_slot s = locate_literal("* 12 FETCH (UID 7 BODY[1.2]<0> {5000}\r\n");
  EXPECT_EQ(s.tag, "*");
  EXPECT_EQ(s.number, 12u);
  EXPECT_EQ(s.name, "FETCH");
  EXPECT_EQ(s.fetch_uid, 7u);
  EXPECT_EQ(s.item, "BODY[1.2]<0>");
  EXPECT_EQ(s.depth, 1u);

  s = locate_literal(
      "* 3 FETCH (FLAGS (\\Seen \\Answered) BODY[HEADER.FIELDS (FROM TO)] {3}\r\nabc "
      "RFC822.SIZE 44 UID 9 BINARY[2] ~{99999}\r\n");
  EXPECT_EQ(s.item, "BINARY[2]");
  EXPECT_EQ(s.fetch_uid, 9u);

  // Inside an item's value: the item.
  s = locate_literal("* 4 FETCH (ENVELOPE (\"date\" {8000}\r\n");
  EXPECT_EQ(s.item, "ENVELOPE");
  EXPECT_EQ(s.depth, 2u);

  // An earlier streamed literal has no octets in the bytes.
  const std::string before = "* 5 FETCH (BODY[1] {2000000}\r\n BODY[2] {3000000}\r\n";
  const streamed_literal first{2000000, before.find('\n') + 1, 1, false};
  s = locate_literal(before, {&first, 1});
  EXPECT_EQ(s.item, "BODY[2]");
  EXPECT_EQ(s.number, 5u);
}

TEST(LocateLiteral, Commands) {
  literal_slot s = locate_literal("a1 APPEND INBOX (\\Seen) \"1-Jan-2020 00:00:00 +0000\" {9}\r\n");
  EXPECT_EQ(s.name, "APPEND");
  EXPECT_EQ(s.argument, 3u);
  EXPECT_EQ(s.appended, 0u);
  // MULTIAPPEND: the third message.
  s = locate_literal("a2 APPEND Drafts {3}\r\none (\\Draft) {3}\r\ntwo {5000000}\r\n");
  EXPECT_EQ(s.appended, 2u);
  // CATENATE: a TEXT part of the second message; the mailbox itself a literal.
  s = locate_literal("a3 APPEND {4}\r\nSent {2}\r\nhi CATENATE (URL \"/x\" TEXT {70000}\r\n");
  EXPECT_EQ(s.appended, 1u);
  EXPECT_EQ(s.item, "TEXT");
  EXPECT_EQ(s.depth, 1u);
  s = locate_literal("a4 UID SEARCH CHARSET UTF-8 SUBJECT {8}\r\n");
  EXPECT_TRUE(s.uid);
  EXPECT_EQ(s.name, "SEARCH");
  EXPECT_EQ(s.item, "SUBJECT");
  EXPECT_EQ(s.argument, 3u);
}

TEST(SerializeStreamed, AppendFromASource) {
  // A client's APPEND of data it does not hold: announced by its size, its octets after the "+".
  arena mem;
  const auto parsed = parse_command("a1 APPEND INBOX {3}\r\nabc\r\n", mem);
  ASSERT_TRUE(parsed);
  command c = *parsed;
  auto& append = std::get<append_command>(c.body);
  append_message message = *append.messages.begin();
  message.data = string::streamed(1);
  list<append_message> messages;
  messages.push_back(mem, message);
  append.messages = messages;
  const streamed_literal file{3000000000ull, 0, 1, false};
  serialize_options options;
  options.streamed_literals = {&file, 1};

  buffer_sink out;
  ASSERT_TRUE(serialize(c, out, options));
  EXPECT_EQ(out.bytes(), "a1 APPEND INBOX {3000000000}\r\n\r\n");
  ASSERT_EQ(out.continuation_points().size(), 1u);
  EXPECT_EQ(out.continuation_points()[0], 30u);
  ASSERT_EQ(out.stream_points().size(), 1u);
  EXPECT_EQ(out.stream_points()[0].offset, 30u);
  EXPECT_EQ(out.stream_points()[0].literal.size, 3000000000ull);

  options.literal_plus = true;
  buffer_sink plus;
  ASSERT_TRUE(serialize(c, plus, options));
  EXPECT_EQ(plus.bytes(), "a1 APPEND INBOX {3000000000+}\r\n\r\n");
  EXPECT_TRUE(plus.continuation_points().empty());

  // No source for the index, or a sink that holds only bytes: refused, nothing written.
  serialize_options none;
  buffer_sink refused;
  const serialize_result r = serialize(c, refused, none);
  EXPECT_EQ(r.error().code, serialize_errc::streamed_literal);
  EXPECT_TRUE(refused.bytes().empty());
  char fixed[256];
  fixed_buffer_sink bytes_only(fixed, sizeof fixed);
  EXPECT_EQ(serialize(c, bytes_only, options).error().code, serialize_errc::streamed_literal);
}

TEST(SerializeStreamed, SendsExactlyTheAnnouncedSize) {
  const streamed_literal literal{10, 0, 1, false};
  const auto source = [](std::string text) {
    return [text, pos = std::size_t{0}](char* buffer, std::size_t capacity) mutable {
      const std::size_t n = std::min(capacity, text.size() - pos);
      text.copy(buffer, n, pos);
      pos += n;
      return n;
    };
  };
  std::string sent;
  const auto write = [&](std::string_view bytes) { sent.append(bytes); };
  EXPECT_TRUE(send_streamed_literal(literal, source("0123456789"), write, 3));
  EXPECT_EQ(sent, "0123456789");
  sent.clear();
  EXPECT_FALSE(send_streamed_literal(literal, source("012345678"), write, 4));  // short
  sent.clear();
  EXPECT_FALSE(send_streamed_literal(literal, source("0123456789x"), write));  // longer
  EXPECT_EQ(sent, "0123456789");
}

}  // namespace
}  // namespace imapkit
