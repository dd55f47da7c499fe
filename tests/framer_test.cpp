#include "imapkit/framer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#ifndef IMAPKIT_CORPUS_DIR
#error "IMAPKIT_CORPUS_DIR must be defined as the absolute path of the corpus directory"
#endif

namespace imapkit {
namespace {

using namespace std::string_literals;
using status = framer::status;

// An event with its message copied, so that it outlives the framer's buffer.
struct owned_event {
  status kind;
  std::string message;
  std::uint64_t offset;
  framer_error error;
};

// Drains the framer: every message and error up to the next need_more.
std::vector<owned_event> drain(framer& f) {
  std::vector<owned_event> out;
  for (;;) {
    const framer::event e = f.next();
    if (e.kind == status::need_more) {
      EXPECT_EQ(e.offset, f.stream_offset());
      return out;
    }
    out.push_back({e.kind, std::string(e.message), e.offset, e.error});
  }
}

std::vector<owned_event> feed_all(framer& f, std::string_view bytes) {
  f.feed(bytes);
  return drain(f);
}

std::vector<owned_event> feed_bytewise(framer& f, std::string_view bytes) {
  std::vector<owned_event> out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    f.feed(bytes.substr(i, 1));
    for (owned_event& e : drain(f)) out.push_back(std::move(e));
  }
  return out;
}

void expect_message(const owned_event& e, std::string_view text, std::uint64_t offset) {
  EXPECT_EQ(e.kind, status::message);
  EXPECT_EQ(e.message, text);
  EXPECT_EQ(e.offset, offset);
}

void expect_error(const owned_event& e, framer_error_kind kind, std::uint64_t offset,
                  std::uint64_t limit) {
  EXPECT_EQ(e.kind, status::error);
  EXPECT_EQ(e.error.kind, kind) << to_string(e.error.kind);
  EXPECT_EQ(e.error.offset, offset);
  EXPECT_EQ(e.offset, offset);
  EXPECT_EQ(e.error.limit, limit);
  EXPECT_TRUE(e.message.empty());
}

// ---------------------------------------------------------------------------------------------
// Plain lines

TEST(Framer, SimpleCommand) {
  framer f(framer_side::read_commands);
  const auto events = feed_all(f, "a1 NOOP\r\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "a1 NOOP\r\n", 0);
  EXPECT_EQ(f.stream_offset(), 9u);
  EXPECT_EQ(f.buffered(), 0u);
  EXPECT_EQ(f.next().kind, status::need_more);
}

// A client trusts its server more than a server its clients (docs/limits.md): the same 1 MB
// line is one response, and a line_too_long error as a command.
TEST(Framer, EachSideHasItsOwnDefaultLimits) {
  EXPECT_EQ(framer(framer_side::read_commands).limits().max_line_length, 64u * 1024);
  EXPECT_EQ(framer(framer_side::read_responses).limits().max_line_length, 128u << 20);
  EXPECT_EQ(framer_limits::for_side(framer_side::read_commands).max_line_length,
            framer_limits{}.max_line_length);
  std::string line = "* SEARCH";
  while (line.size() < (1u << 20)) line += " 4294967295";
  line += "\r\n";
  framer responses(framer_side::read_responses);
  const auto got = feed_all(responses, line);
  ASSERT_EQ(got.size(), 1u);
  expect_message(got[0], line, 0);
  framer commands(framer_side::read_commands);
  const auto refused = feed_all(commands, "a1 " + line.substr(2));
  ASSERT_GE(refused.size(), 1u);
  EXPECT_EQ(refused[0].error.kind, framer_error_kind::line_too_long);
}

TEST(Framer, IncompleteLineWaitsForLineEnd) {
  framer f;
  EXPECT_TRUE(feed_all(f, "* OK rea").empty());
  EXPECT_EQ(f.buffered(), 8u);
  EXPECT_EQ(f.stream_offset(), 0u);
  EXPECT_TRUE(feed_all(f, "dy\r").empty());
  const auto events = feed_all(f, "\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "* OK ready\r\n", 0);
  EXPECT_EQ(f.buffered(), 0u);
}

TEST(Framer, SeveralMessagesInOneFeed) {
  framer f;
  const auto events = feed_all(f, "* 3 EXISTS\r\n* 0 RECENT\r\na1 OK done\r\n* 4 EXI");
  ASSERT_EQ(events.size(), 3u);
  expect_message(events[0], "* 3 EXISTS\r\n", 0);
  expect_message(events[1], "* 0 RECENT\r\n", 12);
  expect_message(events[2], "a1 OK done\r\n", 24);
  EXPECT_EQ(f.stream_offset(), 36u);
  EXPECT_EQ(f.buffered(), 7u);
}

TEST(Framer, EmptyLinesAreMessages) {
  framer f;
  const auto events = feed_all(f, "\r\n\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], "\r\n", 0);
  expect_message(events[1], "\r\n", 2);
}

TEST(Framer, BareLfEndsALine) {
  // Lenient: a lone LF outside literals ends the line just like CRLF.
  framer f(framer_side::read_commands);
  const auto events = feed_all(f, "a NOOP\nb LOGIN {3}\nbob\nc NOOP\r\n");
  ASSERT_EQ(events.size(), 3u);
  expect_message(events[0], "a NOOP\n", 0);
  expect_message(events[1], "b LOGIN {3}\nbob\n", 7);
  expect_message(events[2], "c NOOP\r\n", 23);
}

TEST(Framer, BareCrDoesNotEndALine) {
  framer f;
  const auto events = feed_all(f, "* OK a\rb\r\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "* OK a\rb\r\n", 0);
}

// ---------------------------------------------------------------------------------------------
// Literals

TEST(Framer, LiteralDataIsOpaque) {
  // CRLF, a literal announcement, NUL and 8-bit octets inside the literal change nothing.
  const std::string data = "x\r\n{5}\r\n\0\xff\xc3\xa9\r"s;
  const std::string message =
      "* 1 FETCH (BODY[] {" + std::to_string(data.size()) + "}\r\n" + data + ")\r\n";
  framer f;
  const auto events = feed_all(f, message + "a1 OK\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], message, 0);
  expect_message(events[1], "a1 OK\r\n", message.size());
}

TEST(Framer, LiteralFlavours) {
  for (const std::string_view announcement : {"{3}", "{3+}", "{3-}", "~{3}", "~{3+}"}) {
    SCOPED_TRACE(announcement);
    const std::string message = "a APPEND INBOX "s.append(announcement) + "\r\n\r\n}\r\n";
    framer f(framer_side::read_commands);
    const auto events = feed_all(f, message + "b NOOP\r\n");
    ASSERT_EQ(events.size(), 2u);
    expect_message(events[0], message, 0);
    expect_message(events[1], "b NOOP\r\n", message.size());
  }
}

TEST(Framer, LiteralMustBeginAnArgument) {
  // From Dovecot's corpus: `INBOX{3}` is an invalid atom, the client sends no literal bytes,
  // and the next line is a separate command with a real literal.
  framer f(framer_side::read_commands);
  const auto events =
      feed_all(f, "d1 SELECT INBOX{3}\r\nd2 SEARCH SUBJECT {5}\r\nhello\r\nd3 NOOP\r\n");
  ASSERT_EQ(events.size(), 3u);
  expect_message(events[0], "d1 SELECT INBOX{3}\r\n", 0);
  expect_message(events[1], "d2 SEARCH SUBJECT {5}\r\nhello\r\n", 20);
  expect_message(events[2], "d3 NOOP\r\n", 50);
}

TEST(Framer, LiteralAfterParenAndAtMessageStart) {
  framer f;
  const auto events = feed_all(f, "* 1 FETCH (X ({2}\r\nab))\r\n{1}\r\nz\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], "* 1 FETCH (X ({2}\r\nab))\r\n", 0);
  expect_message(events[1], "{1}\r\nz\r\n", 25);
}

TEST(Framer, NotLiteralAnnouncements) {
  // Each of these lines is complete: no literal bytes follow.
  for (const std::string_view line :
       {"a X {3} y", "a X {}", "a X {x}", "a X {3", "a X 3}", "a X {+}", "a X {3*}", "a X {3++}",
        "a X x~{3}", "a X ~~{3}", "a X {-3}", "a X \"{3}", "a X [{3}", "a X {{3}"}) {
    SCOPED_TRACE(line);
    const std::string message = std::string(line) + "\r\n";
    framer f(framer_side::read_commands);
    const auto events = feed_all(f, message + "b NOOP\r\n");
    ASSERT_EQ(events.size(), 2u);
    expect_message(events[0], message, 0);
    expect_message(events[1], "b NOOP\r\n", message.size());
    EXPECT_FALSE(f.awaiting_continuation());
  }
}

TEST(Framer, AnnouncementRightAfterLiteralDataIsNotALiteral) {
  // The byte before "{4}" is literal data (a space), which does not make it an argument.
  framer f;
  const auto events = feed_all(f, "* X {3}\r\nab {4}\r\n* Y\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], "* X {3}\r\nab {4}\r\n", 0);
  expect_message(events[1], "* Y\r\n", 17);
}

TEST(Framer, ZeroLengthLiteral) {
  framer f;
  const auto events =
      feed_all(f, "* 1 FETCH (BODY[]<10> {0}\r\n)\r\n* 2 FETCH (BODY[] {0}\r\n\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], "* 1 FETCH (BODY[]<10> {0}\r\n)\r\n", 0);
  expect_message(events[1], "* 2 FETCH (BODY[] {0}\r\n\r\n", 30);
}

TEST(Framer, SeveralLiteralsInOneMessage) {
  framer f(framer_side::read_commands);
  const std::string multiappend =
      "m1 APPEND saved (\\Seen) {5+}\r\nfirst (\\Draft) ~{6+}\r\nsec\0nd\r\n"s;
  const auto events = feed_all(f, "a LOGIN {3+}\r\nbob {4+}\r\npass\r\n" + multiappend);
  ASSERT_EQ(events.size(), 2u);
  expect_message(events[0], "a LOGIN {3+}\r\nbob {4+}\r\npass\r\n", 0);
  expect_message(events[1], multiappend, 30);
}

TEST(Framer, LiteralSplitAcrossFeeds) {
  framer f;
  EXPECT_TRUE(feed_all(f, "* 1 FETCH (BODY[] {10}\r\n0123").empty());
  EXPECT_TRUE(feed_all(f, "456").empty());
  EXPECT_TRUE(feed_all(f, "789").empty());  // literal complete, line not yet
  EXPECT_TRUE(feed_all(f, ")\r").empty());
  const auto events = feed_all(f, "\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "* 1 FETCH (BODY[] {10}\r\n0123456789)\r\n", 0);
}

// ---------------------------------------------------------------------------------------------
// Continuation requests

TEST(Framer, SynchronizingLiteralAwaitsContinuation) {
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a LOGIN {3}\r").empty());
  EXPECT_FALSE(f.awaiting_continuation());  // the announcement is not complete yet
  EXPECT_TRUE(feed_all(f, "\n").empty());
  EXPECT_TRUE(f.awaiting_continuation());
  EXPECT_TRUE(f.take_continuation_request());
  EXPECT_FALSE(f.take_continuation_request());  // once per literal
  EXPECT_TRUE(f.awaiting_continuation());

  EXPECT_TRUE(feed_all(f, "bob {4}\r\n").empty());
  EXPECT_TRUE(f.awaiting_continuation());  // the second literal wants its own "+"
  EXPECT_TRUE(f.take_continuation_request());
  EXPECT_TRUE(feed_all(f, "pa").empty());
  EXPECT_FALSE(f.awaiting_continuation());
  EXPECT_FALSE(f.take_continuation_request());
  const auto events = feed_all(f, "ss\r\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "a LOGIN {3}\r\nbob {4}\r\npass\r\n", 0);
  EXPECT_FALSE(f.awaiting_continuation());
}

TEST(Framer, ZeroLengthSynchronizingLiteralAwaitsContinuation) {
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a LOGIN {0}\r\n").empty());
  EXPECT_TRUE(f.take_continuation_request());
  const auto events = feed_all(f, " x\r\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "a LOGIN {0}\r\n x\r\n", 0);
}

TEST(Framer, NoContinuationForNonSynchronizingOrResponses) {
  for (const std::string_view announcement : {"{3+}", "{3-}", "~{3+}"}) {
    framer f(framer_side::read_commands);
    EXPECT_TRUE(feed_all(f, "a LOGIN "s.append(announcement) + "\r\n").empty());
    EXPECT_FALSE(f.awaiting_continuation()) << announcement;
    EXPECT_FALSE(f.take_continuation_request()) << announcement;
  }
  framer responses(framer_side::read_responses);
  EXPECT_TRUE(feed_all(responses, "* 1 FETCH (BODY[] {3}\r\n").empty());
  EXPECT_FALSE(responses.awaiting_continuation());

  framer literal8(framer_side::read_commands);
  EXPECT_TRUE(feed_all(literal8, "a APPEND INBOX ~{3}\r\n").empty());
  EXPECT_TRUE(literal8.awaiting_continuation());
}

TEST(Framer, NoContinuationWhenLiteralBytesAlreadyArrived) {
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a LOGIN {3}\r\nb").empty());
  EXPECT_FALSE(f.awaiting_continuation());
  // Bytes fed but not yet framed also count.
  framer g(framer_side::read_commands);
  EXPECT_TRUE(feed_all(g, "a LOGIN {3}\r\n").empty());
  g.feed("b");
  EXPECT_FALSE(g.awaiting_continuation());
}

TEST(Framer, RefuseLiteral) {
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a APPEND INBOX {10}\r\n").empty());
  ASSERT_TRUE(f.awaiting_continuation());
  ASSERT_TRUE(f.refuse_literal());  // server said "a NO", the client gives up on the command
  EXPECT_FALSE(f.awaiting_continuation());
  EXPECT_EQ(f.buffered(), 0u);
  EXPECT_EQ(f.stream_offset(), 21u);
  const auto events = feed_all(f, "b NOOP\r\n");
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "b NOOP\r\n", 21);
  EXPECT_FALSE(f.refuse_literal());  // nothing pending
}

TEST(Framer, RefuseLiteralAfterNextCommandWasReadAsLiteralData) {
  // The client pipelined its next command (it wrongly assumed LITERAL+): once the server refuses,
  // those bytes are framed again as a command.
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a APPEND INBOX {10}\r\nb NOOP\r\n").empty());
  ASSERT_TRUE(f.refuse_literal());
  const auto events = drain(f);
  ASSERT_EQ(events.size(), 1u);
  expect_message(events[0], "b NOOP\r\n", 21);
}

TEST(Framer, RefuseLiteralOnlyForPendingSynchronizingLiteral) {
  framer f(framer_side::read_commands);
  EXPECT_TRUE(feed_all(f, "a APPEND INBOX {3+}\r\n").empty());
  EXPECT_FALSE(f.refuse_literal());
  EXPECT_EQ(f.buffered(), 21u);

  framer responses(framer_side::read_responses);
  EXPECT_TRUE(feed_all(responses, "* X {3}\r\n").empty());
  EXPECT_FALSE(responses.refuse_literal());
  EXPECT_EQ(responses.buffered(), 9u);

  // The latest literal of the partial command is the one that counts.
  framer later(framer_side::read_commands);
  EXPECT_TRUE(feed_all(later, "a APPEND INBOX {3}\r\nabc {2+}\r\n").empty());
  EXPECT_FALSE(later.refuse_literal());
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST(Framer, ErrorKindNames) {
  EXPECT_EQ(to_string(framer_error_kind::line_too_long), "line_too_long");
  EXPECT_EQ(to_string(framer_error_kind::literal_too_large), "literal_too_large");
  EXPECT_EQ(to_string(framer_error_kind::message_too_large), "message_too_large");
  EXPECT_EQ((framer_error{framer_error_kind::line_too_long, 0, 0}.limit_name()), "max_line_length");
  EXPECT_EQ((framer_error{framer_error_kind::literal_too_large, 0, 0}.limit_name()),
            "max_literal_size");
  EXPECT_EQ((framer_error{framer_error_kind::message_too_large, 0, 0}.limit_name()),
            "max_message_size");
}

TEST(Framer, LineAtTheLimitIsAccepted) {
  framer_limits limits;
  limits.max_line_length = 16;
  const std::string exact = "a1 " + std::string(13, 'x');  // 16 octets without CRLF
  for (const bool bytewise : {false, true}) {
    framer f(framer_side::read_commands, limits);
    const std::string stream = exact + "\r\n" + exact + "\n";
    const auto events = bytewise ? feed_bytewise(f, stream) : feed_all(f, stream);
    ASSERT_EQ(events.size(), 2u);
    expect_message(events[0], exact + "\r\n", 0);
    expect_message(events[1], exact + "\n", 18);
  }
}

TEST(Framer, LineTooLong) {
  framer_limits limits;
  limits.max_line_length = 16;
  const std::string stream = "a1 NOOP\r\na2 " + std::string(14, 'x') + "\r\na3 NOOP\r\n";
  for (const bool bytewise : {false, true}) {
    SCOPED_TRACE(bytewise);
    framer f(framer_side::read_commands, limits);
    const auto events = bytewise ? feed_bytewise(f, stream) : feed_all(f, stream);
    ASSERT_EQ(events.size(), 3u);
    expect_message(events[0], "a1 NOOP\r\n", 0);
    expect_error(events[1], framer_error_kind::line_too_long, 9, 16);
    EXPECT_EQ(events[1].error.limit_name(), "max_line_length");
    expect_message(events[2], "a3 NOOP\r\n", 28);
  }
}

TEST(Framer, LineTooLongIsReportedBeforeTheLineEndsAndNotBuffered) {
  framer_limits limits;
  limits.max_line_length = 100;
  framer f(framer_side::read_commands, limits);
  EXPECT_TRUE(feed_all(f, "a1 " + std::string(98, 'x')).empty());  // 101 octets: may end in CR
  EXPECT_EQ(f.buffered(), 101u);
  const auto events = feed_all(f, "x");
  ASSERT_EQ(events.size(), 1u);
  expect_error(events[0], framer_error_kind::line_too_long, 0, 100);
  EXPECT_TRUE(f.discarding());
  EXPECT_EQ(f.buffered(), 0u);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(feed_all(f, std::string(1000, 'y')).empty());
    ASSERT_EQ(f.buffered(), 0u);
  }
  EXPECT_EQ(f.stream_offset(), 102u + 1000 * 1000);
  const auto rest = feed_all(f, "\r\na2 NOOP\r\n");
  ASSERT_EQ(rest.size(), 1u);
  expect_message(rest[0], "a2 NOOP\r\n", 102 + 1000 * 1000 + 2);
  EXPECT_FALSE(f.discarding());
}

TEST(Framer, LineTooLongInOneFeedIsNeverCopied) {
  framer_limits limits;
  limits.max_line_length = 100;
  framer f(framer_side::read_commands, limits);
  const auto first = feed_all(f, "a1 NOOP\r\na2 xx");
  ASSERT_EQ(first.size(), 1u);
  expect_message(first[0], "a1 NOOP\r\n", 0);
  f.feed(std::string(5000, 'x'));  // certainly too long: dropped as it is fed
  EXPECT_EQ(f.buffered(), 0u);
  EXPECT_TRUE(f.discarding());
  const auto events = feed_all(f, "\r\na3 NOOP\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_error(events[0], framer_error_kind::line_too_long, 9, 100);
  expect_message(events[1], "a3 NOOP\r\n", 9 + 5 + 5000 + 2);
}

TEST(Framer, MessageViewsSurviveLaterNextCalls) {
  framer f;
  f.feed("* 1 EXISTS\r\n* 2 EXISTS\r\n* 3 EXI");
  const std::string_view first = f.next().message;
  const std::string_view second = f.next().message;
  EXPECT_EQ(f.next().kind, status::need_more);
  EXPECT_EQ(first, "* 1 EXISTS\r\n");
  EXPECT_EQ(second, "* 2 EXISTS\r\n");
}

TEST(Framer, LineTooLongEndingInLiteralSkipsTheLiteral) {
  // The discarded line announces a non-synchronizing literal, whose bytes are skipped too.
  framer_limits limits;
  limits.max_line_length = 40;
  const std::string first = "a1 APPEND " + std::string(50, 'x') + " {12+}\r\n";
  const std::string literal = "b2 NOOP\r\nxyz";
  const std::string stream = first + literal + "\r\nc3 NOOP\r\n";
  for (const bool bytewise : {false, true}) {
    SCOPED_TRACE(bytewise);
    framer f(framer_side::read_commands, limits);
    const auto events = bytewise ? feed_bytewise(f, stream) : feed_all(f, stream);
    ASSERT_EQ(events.size(), 2u);
    expect_error(events[0], framer_error_kind::line_too_long, 0, 40);
    expect_message(events[1], "c3 NOOP\r\n", first.size() + literal.size() + 2);
  }
  // A synchronizing one was refused by the server: no bytes follow.
  framer f(framer_side::read_commands, limits);
  const auto events = feed_all(f, "a1 APPEND " + std::string(50, 'x') + " {12}\r\nc3 NOOP\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_error(events[0], framer_error_kind::line_too_long, 0, 40);
  expect_message(events[1], "c3 NOOP\r\n", 67);
}

TEST(Framer, LiteralTooLargeSynchronizingCommand) {
  framer_limits limits;
  limits.max_literal_size = 10;
  framer f(framer_side::read_commands, limits);
  // The server answers NO instead of "+", so the client sends no literal bytes.
  const auto events = feed_all(f, "a0 NOOP\r\na APPEND INBOX {11}\r\nb NOOP\r\n");
  ASSERT_EQ(events.size(), 3u);
  expect_message(events[0], "a0 NOOP\r\n", 0);
  expect_error(events[1], framer_error_kind::literal_too_large, 9, 10);
  EXPECT_EQ(events[1].error.limit_name(), "max_literal_size");
  expect_message(events[2], "b NOOP\r\n", 30);
  EXPECT_FALSE(f.awaiting_continuation());
  EXPECT_FALSE(f.discarding());
}

TEST(Framer, LiteralAtTheLimitIsAccepted) {
  framer_limits limits;
  limits.max_literal_size = 10;
  framer f(framer_side::read_commands, limits);
  const auto events = feed_all(f, "a APPEND INBOX {10+}\r\n0123456789\r\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, status::message);
}

TEST(Framer, LiteralTooLargeNonSynchronizingIsSkipped) {
  framer_limits limits;
  limits.max_literal_size = 10;
  // The literal holds what looks like commands and announcements; the rest of the message has
  // another literal, also skipped.
  const std::string literal = "x\r\nb NOOP\r\nc {3}\r\n";
  const std::string message = "a APPEND INBOX {" + std::to_string(literal.size()) + "+}\r\n" +
                              literal + " (x) {3+}\r\n\n\n\n\r\n";
  const std::string stream = message + "d NOOP\r\n";
  for (const bool bytewise : {false, true}) {
    SCOPED_TRACE(bytewise);
    framer f(framer_side::read_commands, limits);
    std::vector<owned_event> events;
    if (bytewise) {
      f.feed(message.substr(0, 22));  // the announcing line
      events = drain(f);
      ASSERT_EQ(events.size(), 1u);
      for (const char c : message.substr(22)) {
        f.feed(std::string_view(&c, 1));
        ASSERT_TRUE(drain(f).empty());
        ASSERT_EQ(f.buffered(), 0u);  // skipped bytes are never buffered
      }
      EXPECT_FALSE(f.discarding());
      for (owned_event& e : feed_bytewise(f, "d NOOP\r\n")) events.push_back(std::move(e));
    } else {
      events = feed_all(f, stream);
    }
    ASSERT_EQ(events.size(), 2u);
    expect_error(events[0], framer_error_kind::literal_too_large, 0, 10);
    expect_message(events[1], "d NOOP\r\n", message.size());
  }
}

TEST(Framer, LiteralTooLargeInResponsesIsSkipped) {
  // Servers never wait for "+": the bytes of a synchronizing literal arrive anyway.
  framer_limits limits;
  limits.max_literal_size = 4;
  framer f(framer_side::read_responses, limits);
  const auto events = feed_all(f, "* 1 FETCH (BODY[] {6}\r\na1 OK)\r\n* 2 EXISTS\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_error(events[0], framer_error_kind::literal_too_large, 0, 4);
  expect_message(events[1], "* 2 EXISTS\r\n", 31);
}

TEST(Framer, BadLiteralNumbers) {
  // Not number64: too many digits, or above 2^63-1. Even with no limit they are errors; their
  // bytes cannot be counted, so the message ends at that line.
  framer_limits limits = framer_limits::whole_messages(framer_side::read_commands);
  limits.max_literal_size = UINT64_MAX;
  limits.max_message_size = UINT64_MAX;
  for (const std::string_view number :
       {"00000000000000000001", "99999999999999999999999", "9223372036854775808"}) {
    for (const framer_side side : {framer_side::read_commands, framer_side::read_responses}) {
      SCOPED_TRACE(number);
      framer f(side, limits);
      const std::string line = "* X {"s.append(number) + "+}\r\n";
      const auto events = feed_all(f, line + "* Y\r\n");
      ASSERT_EQ(events.size(), 2u);
      expect_error(events[0], framer_error_kind::literal_too_large, 0, UINT64_MAX);
      expect_message(events[1], "* Y\r\n", line.size());
    }
  }
  // 2^63-1 itself is fine (and waits for its bytes).
  framer f(framer_side::read_responses, limits);
  EXPECT_TRUE(feed_all(f, "* X {9223372036854775807}\r\n* Y\r\n").empty());
  EXPECT_EQ(f.stream_offset(), 0u);
}

TEST(Framer, MessageTooLargeAtLiteralAnnouncement) {
  framer_limits limits;
  limits.max_message_size = 64;
  const std::string head = "a APPEND x {3+}\r\nabc {40+}\r\n";  // 28 + 40 > 64
  const std::string message = head + std::string(40, '\n') + "\r\n";
  framer f(framer_side::read_commands, limits);
  const auto events = feed_all(f, message + "b NOOP\r\n");
  ASSERT_EQ(events.size(), 2u);
  expect_error(events[0], framer_error_kind::message_too_large, 0, 64);
  EXPECT_EQ(events[0].error.limit_name(), "max_message_size");
  expect_message(events[1], "b NOOP\r\n", message.size());

  // A synchronizing literal is refused: the client sends nothing more of the command.
  framer g(framer_side::read_commands, limits);
  const auto refused = feed_all(g, "a APPEND x {60}\r\nb NOOP\r\n");
  ASSERT_EQ(refused.size(), 2u);
  expect_error(refused[0], framer_error_kind::message_too_large, 0, 64);
  expect_message(refused[1], "b NOOP\r\n", 17);
}

TEST(Framer, MessageTooLargeThroughManyLines) {
  framer_limits limits;
  limits.max_message_size = 40;
  std::string message = "* 1 FETCH (";
  for (int i = 0; i < 10; ++i) message += "X {1}\r\nx ";
  message += ")\r\n";
  for (const bool bytewise : {false, true}) {
    SCOPED_TRACE(bytewise);
    framer f(framer_side::read_responses, limits);
    const std::string stream = message + "* 2 EXISTS\r\n";
    const auto events = bytewise ? feed_bytewise(f, stream) : feed_all(f, stream);
    ASSERT_EQ(events.size(), 2u);
    expect_error(events[0], framer_error_kind::message_too_large, 0, 40);
    expect_message(events[1], "* 2 EXISTS\r\n", message.size());
  }
}

TEST(Framer, ErrorsInterleaveWithMessages) {
  framer_limits limits;
  limits.max_line_length = 10;
  limits.max_literal_size = 5;
  framer f(framer_side::read_commands, limits);
  const auto events =
      feed_all(f, "a NOOP\r\nb 0123456789X\r\nc NOOP\r\nd X {6}\r\ne NOOP\r\nf X {5}\r\n");
  ASSERT_EQ(events.size(), 5u);
  expect_message(events[0], "a NOOP\r\n", 0);
  expect_error(events[1], framer_error_kind::line_too_long, 8, 10);
  expect_message(events[2], "c NOOP\r\n", 23);
  expect_error(events[3], framer_error_kind::literal_too_large, 31, 5);
  expect_message(events[4], "e NOOP\r\n", 40);
  EXPECT_TRUE(f.awaiting_continuation());
}

TEST(Framer, OneByteAtATimeMatchesWholeFeed) {
  const std::string stream =
      "* OK hi\r\n* 1 FETCH (BODY[] {8}\r\na\r\n{3}\r\n BINARY[] ~{2}\r\n\0\xff)\r\n"
      "* 2 FETCH (X {0}\r\n)\n\r\n* LIST () \"/\" {5}\r\nIN\r\nX\r\na OK\r\n"s;
  framer whole;
  const auto expected = feed_all(whole, stream);
  ASSERT_EQ(expected.size(), 6u);
  framer bytewise;
  const auto actual = feed_bytewise(bytewise, stream);
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    expect_message(actual[i], expected[i].message, expected[i].offset);
  }
  EXPECT_EQ(bytewise.stream_offset(), stream.size());
}

TEST(Framer, BufferIsCompacted) {
  // A long stream of small messages fed in pieces never holds more than one partial message.
  framer f;
  const std::string message = "* 1 FETCH (FLAGS (\\Seen) BODY[] {10}\r\n0123456789)\r\n";
  std::string stream;
  for (int i = 0; i < 1000; ++i) stream += message;
  std::size_t messages = 0;
  for (std::size_t pos = 0; pos < stream.size(); pos += 37) {
    f.feed(std::string_view(stream).substr(pos, 37));
    ASSERT_LT(f.buffered(), message.size() + 37);
    for (;;) {
      const framer::event e = f.next();
      if (e.kind == status::need_more) break;
      ASSERT_EQ(e.kind, status::message);
      ASSERT_EQ(e.message, message);
      ASSERT_EQ(e.offset, messages * message.size());
      ++messages;
    }
  }
  EXPECT_EQ(messages, 1000u);
  EXPECT_EQ(f.buffered(), 0u);
}

// ---------------------------------------------------------------------------------------------
// Real traffic: the captures of Dovecot and the other servers

const std::filesystem::path captures_dir = std::filesystem::path(IMAPKIT_CORPUS_DIR) / "captures";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Dovecot's captures ("imaplib-broad.s2c") and the other servers' ("cyrus/session.s2c").
std::vector<std::string> capture_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(captures_dir, ec)) {
    const std::string name = entry.path().lexically_relative(captures_dir).generic_string();
    if (name.ends_with(".c2s") || name.ends_with(".s2c")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

framer_side side_of(std::string_view name) {
  return name.ends_with(".c2s") ? framer_side::read_commands : framer_side::read_responses;
}

// The .raw files hold deflate bytes after COMPRESS: they need not end in a complete message.
bool is_raw(std::string_view name) { return name.find(".raw.") != std::string_view::npos; }

// One event, compactly: messages by their byte range (their content is checked separately).
struct record {
  status kind;
  std::uint64_t offset;
  std::size_t size;
  framer_error error;
  friend bool operator==(const record&, const record&) = default;
};

std::ostream& operator<<(std::ostream& os, const record& r) {
  if (r.kind == status::message) return os << "message@" << r.offset << "+" << r.size;
  if (r.kind == status::literal_begin) return os << "literal@" << r.offset << "+" << r.size;
  return os << to_string(r.error.kind) << "@" << r.offset;
}

struct framing {
  std::vector<record> events;
  std::uint64_t stream_offset = 0;
  std::size_t buffered = 0;
  std::size_t content_mismatches = 0;  // messages whose bytes differ from the input
  std::size_t streamed_messages = 0;   // messages with a streamed literal
};

// A message as it was on the wire: its streamed literals' data put back where each was left out.
std::string with_streamed_data(std::string_view message, std::span<const streamed_literal> literals,
                               const std::vector<std::string>& data) {
  std::string whole;
  std::size_t from = 0;
  for (const streamed_literal& l : literals) {
    whole.append(message.substr(from, l.offset - from));
    whole.append(data.at(l.index - 1));
    from = l.offset;
  }
  whole.append(message.substr(from));
  return whole;
}

// Frames `data` fed in the chunks chosen by `next_chunk`. A message is recorded by its range on
// the wire (streamed literals included) and its content checked there, the streamed literals'
// data put back from their literal_data events; those events are checked to come in order, and
// in stream order, and recorded by their literal_begin only (their number depends on chunking).
template <class ChunkSize>
framing frame(std::string_view data, framer_side side, const framer_limits& limits,
              ChunkSize&& next_chunk) {
  framing result;
  framer f(side, limits);
  std::vector<std::string> streamed;  // the data of the current message's streamed literals
  for (std::size_t pos = 0; pos < data.size();) {
    const std::size_t n = std::min(next_chunk(), data.size() - pos);
    f.feed(data.substr(pos, n));
    pos += n;
    for (;;) {
      const framer::event e = f.next();
      if (e.kind == status::need_more) break;
      if (e.kind == status::literal_data) {
        const bool in_order =
            e.literal.index == streamed.size() && e.literal_position == streamed.back().size() &&
            e.literal_end == (e.literal_position + e.message.size() == e.literal.size) &&
            !e.message.empty() && e.offset + e.message.size() <= data.size() &&
            data.compare(e.offset, e.message.size(), e.message) == 0;
        if (!in_order) ++result.content_mismatches;
        if (!streamed.empty()) streamed.back().append(e.message);
        continue;
      }
      if (e.kind == status::literal_begin) {
        if (e.literal.index == 1) streamed.clear();
        if (e.literal.index != streamed.size() + 1 || e.literals.size() != e.literal.index ||
            e.message.size() != e.literal.offset)
          ++result.content_mismatches;
        streamed.emplace_back();
        result.events.push_back({e.kind, e.offset, e.literal.size, e.error});
        continue;
      }
      std::size_t size = e.message.size();
      if (e.kind == status::message) {
        const std::string whole = e.literals.empty()
                                      ? std::string(e.message)
                                      : with_streamed_data(e.message, e.literals, streamed);
        size = whole.size();
        if (e.offset + size > data.size() || data.compare(e.offset, size, whole) != 0)
          ++result.content_mismatches;
        if (!e.literals.empty()) ++result.streamed_messages;
      }
      result.events.push_back({e.kind, e.offset, size, e.error});
    }
  }
  result.stream_offset = f.stream_offset();
  result.buffered = f.buffered();
  return result;
}

// The framing without its literal_begin records, and with the streamed literals' own size error
// read as the buffered one's: what a framer that streams nothing reports.
framing as_if_buffered(framing streamed) {
  std::erase_if(streamed.events, [](const record& r) { return r.kind == status::literal_begin; });
  for (record& r : streamed.events) {
    if (r.kind == status::error && r.error.kind == framer_error_kind::streamed_literal_too_large)
      r.error.kind = framer_error_kind::literal_too_large;
  }
  return streamed;
}

void expect_same_framing(const framing& actual, const framing& expected) {
  EXPECT_EQ(actual.content_mismatches, 0u);
  EXPECT_EQ(actual.stream_offset, expected.stream_offset);
  EXPECT_EQ(actual.buffered, expected.buffered);
  ASSERT_EQ(actual.events.size(), expected.events.size());
  const auto diff =
      std::mismatch(actual.events.begin(), actual.events.end(), expected.events.begin());
  if (diff.first != actual.events.end()) {
    ADD_FAILURE() << "event #" << (diff.first - actual.events.begin()) << " is " << *diff.first
                  << ", expected " << *diff.second;
  }
}

// Every byte is in exactly one message, or discarded after an error, or still buffered.
void expect_accounts_for_every_byte(const framing& whole, std::size_t size) {
  EXPECT_EQ(whole.content_mismatches, 0u);
  std::uint64_t pos = 0;             // bytes accounted for by messages and the gaps before them
  std::optional<std::uint64_t> gap;  // offset of the last error, if bytes from it were dropped
  for (const record& r : whole.events) {
    if (r.kind == status::literal_begin) continue;
    if (gap) {
      EXPECT_GT(r.offset, *gap) << r;  // the offending message's bytes were discarded
    } else {
      EXPECT_EQ(r.offset, pos) << r;  // no byte skipped
    }
    if (r.kind == status::error) {
      EXPECT_EQ(r.error.offset, r.offset);
      gap = r.offset;
    } else {
      EXPECT_GT(r.size, 0u);
      pos = r.offset + r.size;
      gap.reset();
    }
  }
  if (gap) {
    EXPECT_GT(whole.stream_offset, *gap);
  } else {
    EXPECT_EQ(whole.stream_offset, pos);
  }
  EXPECT_EQ(whole.stream_offset + whole.buffered, size);
}

struct limits_config {
  const char* name;
  framer_limits limits;
  bool defaults;
};

// The defaults, and limits small enough for the captures to hit every error path many times:
// short lines (mostly line_too_long), and small literals and messages.
std::vector<limits_config> limits_configs() {
  return {{"default limits", framer_limits{}, true},
          {"tight lines", framer_limits{300, 2000, 6000}, false},
          {"tight sizes", framer_limits{64 * 1024, 2000, 3000}, false}};
}

class CaptureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CaptureTest, ChunkingDoesNotChangeFraming) {
  const std::string& name = GetParam();
  const std::string data = read_file(captures_dir / name);
  ASSERT_FALSE(data.empty());
  const framer_side side = side_of(name);

  for (const auto& [config, limits, defaults] : limits_configs()) {
    SCOPED_TRACE(config);
    const framing whole = frame(data, side, limits, [&] { return data.size(); });
    expect_accounts_for_every_byte(whole, data.size());
    if (defaults) {
      if (!is_raw(name)) {
        EXPECT_EQ(whole.buffered, 0u) << "the capture ends in a partial message";
        // Outside literals every line of the captures ends in CRLF.
        for (const record& r : whole.events) {
          if (r.kind == status::message) {
            EXPECT_EQ(data.compare(r.offset + r.size - 2, 2, "\r\n"), 0) << r;
          }
        }
      }
      if (side == framer_side::read_responses) {
        EXPECT_TRUE(std::none_of(whole.events.begin(), whole.events.end(),
                                 [](const record& r) { return r.kind == status::error; }));
      }
    }

    for (const std::size_t chunk : {1, 2, 3, 7, 64, 65536}) {
      SCOPED_TRACE("chunk size " + std::to_string(chunk));
      expect_same_framing(frame(data, side, limits, [&] { return chunk; }), whole);
    }
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
      SCOPED_TRACE("random chunks, seed " + std::to_string(seed));
      std::mt19937 rng(seed);
      std::uniform_int_distribution<std::size_t> sizes(1, 4096);
      expect_same_framing(frame(data, side, limits, [&] { return sizes(rng); }), whole);
    }
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// Streamed and buffered framing agree (issue 16): with literals above 0, 1 and 4096 octets
// streamed, every capture fed in chunks of 1, 7, 4096 and 65536 octets frames into the same
// messages at the same offsets, each the same bytes once its streamed data is put back, as
// framing it with nothing streamed. The server's limit of 64 MiB stays (imaplib-errors-conn2's
// refused 99,999,999,999-octet literal).
TEST_P(CaptureTest, StreamingLiteralsDoesNotChangeFraming) {
  const std::string& name = GetParam();
  const std::string data = read_file(captures_dir / name);
  const framer_side side = side_of(name);
  const framer_limits buffered = framer_limits::whole_messages(side);
  const framing expected = frame(data, side, buffered, [&] { return data.size(); });
  for (const std::uint64_t threshold : {0u, 1u, 4096u}) {
    framer_limits limits = framer_limits::for_side(side);
    limits.stream_literals_above = threshold;
    limits.max_streamed_literal_size = limits.max_literal_size;
    for (const std::size_t chunk : {1, 7, 4096, 65536}) {
      SCOPED_TRACE("streaming above " + std::to_string(threshold) + ", chunks of " +
                   std::to_string(chunk));
      const framing streamed = frame(data, side, limits, [&] { return chunk; });
      expect_same_framing(as_if_buffered(streamed), expected);
    }
  }
}

TEST(FramerCaptures, StreamingReachesTheCapturesLiterals) {
  // Guards the test above against streaming nothing: above 0 octets, every non-empty literal
  // of the captures is streamed; above the default 1 MiB, imaplib-fetch-deep's BODY[] is.
  std::size_t messages = 0;
  for (const std::string& name : capture_names()) {
    const framer_side side = side_of(name);
    framer_limits limits = framer_limits::for_side(side);
    limits.stream_literals_above = 0;
    const std::string data = read_file(captures_dir / name);
    messages += frame(data, side, limits, [&] { return data.size(); }).streamed_messages;
  }
  EXPECT_GT(messages, 500u);
  const std::string deep = read_file(captures_dir / "imaplib-fetch-deep.s2c");
  EXPECT_GT(
      frame(deep, framer_side::read_responses, framer_limits{}, [&] { return std::size_t{4096}; })
          .streamed_messages,
      0u);
}

INSTANTIATE_TEST_SUITE_P(Captures, CaptureTest, ::testing::ValuesIn(capture_names()), test_name);

TEST(FramerCaptures, CorpusIsThere) {
  // Guards against a wrong IMAPKIT_CORPUS_DIR silently instantiating no capture test.
  EXPECT_GE(capture_names().size(), 50u) << captures_dir;
}

TEST(FramerCaptures, TightLimitsHitEveryError) {
  // Makes sure the chunking test above exercises every error path on real traffic.
  for (const auto& [config, limits, defaults] : limits_configs()) {
    if (defaults) continue;
    SCOPED_TRACE(config);
    std::size_t counts[4] = {};  // by framer_error_kind
    for (const std::string& name : capture_names()) {
      framer f(side_of(name), limits);
      f.feed(read_file(captures_dir / name));
      for (framer::event e = f.next(); e.kind != status::need_more; e = f.next()) {
        if (e.kind == status::error) ++counts[static_cast<int>(e.error.kind)];
      }
    }
    EXPECT_GT(counts[static_cast<int>(framer_error_kind::line_too_long)], 0u);
    EXPECT_GT(counts[static_cast<int>(framer_error_kind::literal_too_large)], 0u);
    if (limits.max_line_length > 1000) {  // otherwise long lines come first
      EXPECT_GT(counts[static_cast<int>(framer_error_kind::message_too_large)], 0u);
    }
  }
}

TEST(FramerCaptures, ContinuationRequestsMatchTheServers) {
  // Fed one byte at a time, as if every literal announcement were a separate TCP read, the
  // framer asks for a continuation exactly where Dovecot sent "+ OK" (its literal continuation;
  // SASL and IDLE use other texts).
  std::size_t total = 0;
  for (const std::string& name : capture_names()) {
    // Dovecot's captures: each server words its literal continuation its own way.
    if (!name.ends_with(".c2s") || is_raw(name) || name.find('/') != std::string::npos) continue;
    SCOPED_TRACE(name);
    const std::string commands = read_file(captures_dir / name);
    const std::string responses =
        read_file(captures_dir / (name.substr(0, name.size() - 4) + ".s2c"));

    std::size_t requested = 0;
    framer f(framer_side::read_commands);
    for (std::size_t i = 0; i < commands.size(); ++i) {
      f.feed(std::string_view(commands).substr(i, 1));
      while (f.next().kind != status::need_more) {
      }
      if (f.take_continuation_request()) {
        ++requested;
        EXPECT_TRUE(commands.compare(i - 2, 3, "}\r\n") == 0 && commands[i - 3] != '+');
      }
    }

    std::size_t sent = 0;
    framer server(framer_side::read_responses);
    server.feed(responses);
    for (framer::event e = server.next(); e.kind == status::message; e = server.next()) {
      if (e.message == "+ OK\r\n") ++sent;
    }
    EXPECT_EQ(requested, sent);
    total += requested;
  }
  EXPECT_EQ(total, 16u);
}

TEST(FramerCaptures, DovecotErrorSession) {
  // imaplib-errors-conn2.c2s: `d1 SELECT INBOX{3}` is no literal, `d3 APPEND INBOX
  // {99999999999}` is refused (the client sends nothing), and a 70 000-octet line.
  const std::string data = read_file(captures_dir / "imaplib-errors-conn2.c2s");
  ASSERT_FALSE(data.empty());
  const auto offset_of = [&](std::string_view line) {
    const std::size_t at = data.find("\r\n"s.append(line));
    EXPECT_NE(at, std::string::npos) << line;
    return at + 2;
  };

  framer f(framer_side::read_commands);
  const auto events = feed_all(f, data);
  std::vector<owned_event> errors;
  std::copy_if(events.begin(), events.end(), std::back_inserter(errors),
               [](const owned_event& e) { return e.kind == status::error; });
  ASSERT_EQ(errors.size(), 2u);
  // Above 1 MiB the literal would be streamed, but not one above the 64 MiB a server takes.
  expect_error(errors[0], framer_error_kind::streamed_literal_too_large, offset_of("d3 APPEND"),
               64ull << 20);
  expect_error(errors[1], framer_error_kind::line_too_long, offset_of("e8 XXX"), 64 * 1024);

  const auto message_at = [&](std::uint64_t offset) -> std::string {
    for (const owned_event& e : events) {
      if (e.kind == status::message && e.offset == offset) return e.message;
    }
    return "(none)";
  };
  EXPECT_EQ(message_at(offset_of("d1 ")), "d1 SELECT INBOX{3}\r\n");
  EXPECT_EQ(message_at(offset_of("d2 ")), "d2 SEARCH SUBJECT {5}\r\nhello\r\n");
  EXPECT_EQ(message_at(offset_of("d4 ")), "d4 SEARCH CHARSET UTF-8 SUBJECT \"\xc3\xbc\"\r\n");
  EXPECT_EQ(message_at(offset_of("e9 ")), "e9 NOOP\r\n");

  // With limits that allow the absurd literal, the server must refuse it by hand.
  framer_limits lenient = framer_limits::whole_messages(framer_side::read_commands);
  lenient.max_literal_size = UINT64_MAX;
  lenient.max_message_size = UINT64_MAX;
  lenient.max_line_length = 100000;
  framer g(framer_side::read_commands, lenient);
  std::size_t messages = 0;
  std::size_t refused = 0;
  for (std::size_t pos = 0; pos < data.size(); ++pos) {  // bytewise: the client waits for "+"
    g.feed(std::string_view(data).substr(pos, 1));
    for (framer::event e = g.next(); e.kind != status::need_more; e = g.next()) {
      ASSERT_EQ(e.kind, status::message);
      ++messages;
    }
    if (g.take_continuation_request() && data.compare(g.stream_offset(), 3, "d3 ") == 0) {
      EXPECT_TRUE(g.refuse_literal());
      ++refused;
    }
  }
  EXPECT_EQ(refused, 1u);
  EXPECT_EQ(g.stream_offset(), data.size());
  EXPECT_EQ(messages, std::count(data.begin(), data.end(), '\n') - 2);  // d2's literal, d3
}

}  // namespace
}  // namespace imapkit
