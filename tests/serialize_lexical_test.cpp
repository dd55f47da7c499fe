// The serializer's lexical writer: each value goes out in a representation its slot allows,
// parses back to the same value, and can never break out of its slot.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

std::string write_astring(std::string_view value, serialize_options options = {}) {
  buffer_sink out;
  writer w(out, options);
  EXPECT_TRUE(w.astring(value));
  return std::string(out.bytes());
}

TEST(Writer, PicksTheSimplestRepresentation) {
  EXPECT_EQ(write_astring("INBOX"), "INBOX");
  EXPECT_EQ(write_astring("a]b"), "a]b");  // ASTRING-CHAR
  EXPECT_EQ(write_astring(""), "\"\"");
  EXPECT_EQ(write_astring("two words"), "\"two words\"");
  EXPECT_EQ(write_astring("say \"hi\" \\o/"), R"("say \"hi\" \\o/")");
  EXPECT_EQ(write_astring("line\r\nbreak"), "{11}\r\nline\r\nbreak");
  EXPECT_EQ(write_astring("caf\xc3\xa9"), "{5}\r\ncaf\xc3\xa9");  // 8-bit, no UTF-8 in effect
  serialize_options utf8;
  utf8.utf8 = true;
  EXPECT_EQ(write_astring("caf\xc3\xa9", utf8), "\"caf\xc3\xa9\"");
  EXPECT_EQ(write_astring("caf\xff", utf8), "{4}\r\ncaf\xff");  // not UTF-8: a literal
  serialize_options short_quoted;
  short_quoted.max_quoted_length = 4;
  EXPECT_EQ(write_astring("a b c", short_quoted), "{5}\r\na b c");
}

TEST(Writer, SynchronizingLiteralsSplitTheOutput) {
  buffer_sink out;
  serialize_options options;
  writer w(out, options);
  w.tag("a1");
  w.raw(" LOGIN ");
  w.astring("fred\r\n");
  w.sp();
  w.astring("pass word\r");
  w.crlf();
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(out.bytes(), "a1 LOGIN {6}\r\nfred\r\n {10}\r\npass word\r\r\n");
  const auto fragments = out.fragments();
  ASSERT_EQ(fragments.size(), 3u);
  EXPECT_EQ(fragments[0], "a1 LOGIN {6}\r\n");
  EXPECT_EQ(fragments[1], "fred\r\n {10}\r\n");
  EXPECT_EQ(fragments[2], "pass word\r\r\n");
}

TEST(Writer, LiteralPlusAndMinus) {
  serialize_options plus;
  plus.literal_plus = true;
  buffer_sink a;
  writer(a, plus).astring("x\ny");
  EXPECT_EQ(a.bytes(), "{3+}\r\nx\ny");
  EXPECT_TRUE(a.continuation_points().empty());

  serialize_options minus;
  minus.literal_minus = true;
  buffer_sink small, large;
  writer(small, minus).literal(std::string(4096, 'x'));
  writer(large, minus).literal(std::string(4097, 'x'));
  EXPECT_EQ(small.bytes().substr(0, 8), "{4096+}\r");
  EXPECT_TRUE(small.continuation_points().empty());
  EXPECT_EQ(large.bytes().substr(0, 7), "{4097}\r");
  EXPECT_EQ(large.continuation_points().size(), 1u);

  serialize_options server;
  server.writer = serialize_options::role::server;
  buffer_sink s;
  writer(s, server).astring("x\ny");
  EXPECT_EQ(s.bytes(), "{3}\r\nx\ny");
  EXPECT_TRUE(s.continuation_points().empty());  // a server never waits
}

TEST(Writer, NulNeedsLiteral8) {
  const std::string with_nul("a\0b", 3);
  buffer_sink out;
  writer w(out, {});
  EXPECT_FALSE(w.astring(with_nul));
  EXPECT_EQ(w.error().code, serialize_errc::nul_in_string);
  EXPECT_EQ(out.bytes(), "");

  buffer_sink out8;
  serialize_options server;
  server.writer = serialize_options::role::server;
  writer w8(out8, server);
  EXPECT_TRUE(w8.nstring(imapkit::string::literal8(with_nul), true));
  EXPECT_EQ(out8.bytes(), std::string("~{3}\r\na\0b", 9));
}

TEST(Writer, RejectsWhatCannotBeSent) {
  const auto rejects = [](auto&& write, serialize_errc code) {
    buffer_sink out;
    writer w(out, {});
    EXPECT_FALSE(write(w));
    EXPECT_EQ(w.error().code, code);
    // Nothing more is written after the first error.
    w.raw("more");
    EXPECT_EQ(out.bytes().find("more"), std::string_view::npos);
  };
  rejects([](writer& w) { return w.tag("a+1"); }, serialize_errc::invalid_tag);
  rejects([](writer& w) { return w.tag("a b"); }, serialize_errc::invalid_tag);
  rejects([](writer& w) { return w.tag(""); }, serialize_errc::invalid_tag);
  rejects([](writer& w) { return w.atom("FE TCH"); }, serialize_errc::invalid_atom);
  rejects([](writer& w) { return w.atom("a\r\nb"); }, serialize_errc::invalid_atom);
  rejects([](writer& w) { return w.flag(flag{"\\Se(en"}); }, serialize_errc::invalid_flag);
  rejects([](writer& w) { return w.flag(flag{"\\*"}); }, serialize_errc::invalid_flag);
  rejects([](writer& w) { return w.nz_number(0); }, serialize_errc::invalid_number);
  rejects([](writer& w) { return w.number(1ull << 32); }, serialize_errc::invalid_number);
  rejects([](writer& w) { return w.date(date{2023, 2, 29}); }, serialize_errc::invalid_date);
  rejects([](writer& w) { return w.date(date{2023, 13, 1}); }, serialize_errc::invalid_date);
  rejects([](writer& w) { return w.text("ok\r\nA2 LOGOUT"); }, serialize_errc::invalid_text);
  rejects([](writer& w) { return w.sequence_set(sequence_set{}); },
          serialize_errc::invalid_sequence_set);
}

TEST(Writer, DatesAndSequenceSets) {
  buffer_sink out;
  writer w(out, {});
  w.date(date{2024, 2, 29});
  w.sp();
  w.date_time(date_time{date{1996, 7, 17}, 2, 44, 25, -420});
  EXPECT_EQ(out.bytes(), "29-Feb-2024 \"17-Jul-1996 02:44:25 -0700\"");

  arena mem;
  sequence_set s;
  s.ranges.push_back(mem, {1, seq_range::star});
  s.ranges.push_back(mem, {5, 5});
  s.ranges.push_back(mem, {7, 3});
  buffer_sink seq;
  writer(seq, {}).sequence_set(s);
  EXPECT_EQ(seq.bytes(), "1:*,5,7:3");
  buffer_sink uid;
  writer wu(uid, {});
  EXPECT_FALSE(wu.sequence_set(s, false));  // uid-set has no "*"
}

TEST(Writer, MailboxNames) {
  serialize_options options;
  std::string wire;
  ASSERT_TRUE(encode_mailbox_name("Entw\xc3\xbc" "rfe", options, wire));
  EXPECT_EQ(wire, "Entw&APw-rfe");
  ASSERT_TRUE(encode_mailbox_name("inbox", options, wire));
  EXPECT_EQ(wire, "INBOX");
  options.utf8 = true;
  ASSERT_TRUE(encode_mailbox_name("Entw\xc3\xbc" "rfe", options, wire));
  EXPECT_EQ(wire, "Entw\xc3\xbc" "rfe");
  EXPECT_FALSE(encode_mailbox_name("bad\xff", options, wire));

  buffer_sink out;
  writer w(out, {});
  w.mailbox(mailbox{imapkit::string::atom("inbox")});
  w.sp();
  w.mailbox(mailbox{imapkit::string::quoted("Caf&AOk- &- Bar")});
  EXPECT_EQ(out.bytes(), "INBOX \"Caf&AOk- &- Bar\"");
}

TEST(Writer, FixedBufferReportsOverflow) {
  char buffer[8];
  fixed_buffer_sink out(buffer, sizeof buffer);
  writer w(out, {});
  w.astring("short");
  EXPECT_FALSE(out.overflowed());
  w.astring("too long now");
  EXPECT_TRUE(out.overflowed());
  EXPECT_EQ(out.bytes().substr(0, 5), "short");  // what fitted; the rest was dropped
  EXPECT_LE(out.bytes().size(), sizeof buffer);
}

// Hostile values in an astring slot of a generic command: whatever the value, the bytes frame
// as exactly one command whose argument parses back to the value.
TEST(Writer, HostileStringsStayInTheirSlot) {
  std::mt19937 rng(20261123);
  const std::string alphabet = std::string("\r\n\"\\(){}[]%* +~aZ09") + std::string("\0\xff\xc3\xa9", 4);
  arena mem;
  for (int i = 0; i < 20000; ++i) {
    std::string value;
    const std::size_t length = rng() % 24;
    for (std::size_t k = 0; k < length; ++k) value += alphabet[rng() % alphabet.size()];
    if (i % 97 == 0) value = "x {5}\r\nA2 LOGOUT\r\n";
    const bool has_nul = value.find('\0') != std::string::npos;

    buffer_sink out;
    serialize_options options;
    options.utf8 = (i % 2) == 0;
    options.literal_plus = (i % 3) == 0;
    writer w(out, options);
    w.tag("A1");
    w.raw(" X-TEST ");
    const bool written = has_nul ? w.string(value, true) : w.astring(value);
    w.crlf();
    ASSERT_TRUE(written) << i;

    framer f(framer_side::read_commands, framer_limits::whole_messages(framer_side::read_commands));
    f.feed(out.bytes());
    const auto ev = f.next();
    ASSERT_EQ(ev.kind, framer::status::message) << i;
    EXPECT_EQ(ev.message, out.bytes()) << i;  // one message, all of it
    EXPECT_EQ(f.next().kind, framer::status::need_more) << i;

    mem.reset();
    const auto parsed = parse_generic_command(ev.message, mem, parse_options::lenient());
    ASSERT_TRUE(parsed.ok()) << i << " " << parsed.error().message() << " in "
                             << ::testing::PrintToString(std::string(ev.message));
    ASSERT_EQ(parsed->args.size(), 1u) << i;
    EXPECT_EQ(parsed->args[0].text.value, value) << i;
  }
}

// is_valid_base64 is what the parser decides for a continuation request's text: each answer is
// checked against parse_response of "+ text".
TEST(IsValidBase64, AgreesWithTheParser) {
  for (const char* text : {"", "aGVsbG8=", "aGVsbA==", "aGVs", "YQ==", "+/+/", "aGVsbG8", "a===",
                           "====", "aGVs bG8=", "Ready for literal data", "aGVsbG8=="}) {
    arena mem;
    const auto parsed = parse_response("+ " + std::string(text) + "\r\n", mem);
    ASSERT_TRUE(parsed.ok()) << text;
    const auto& c = std::get<continue_req>(parsed->value);
    EXPECT_EQ(is_valid_base64(text), c.is_base64) << text;
  }
  EXPECT_TRUE(is_valid_base64("aGVsbG8="));
  EXPECT_FALSE(is_valid_base64("aGVsbG8"));
  EXPECT_FALSE(is_valid_base64("a==="));
}

}  // namespace
