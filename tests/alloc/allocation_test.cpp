// Steady state: parsing a message again after arena::reset() allocates nothing on the heap, and
// serializing allocates nothing beyond the sink (a reused buffer_sink, or a fixed buffer).
// The global operator new is replaced in this binary to count every heap allocation.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {
std::atomic<std::size_t> heap_allocations{0};
}

void* operator new(std::size_t size) {
  ++heap_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t align) {
  ++heap_allocations;
  const std::size_t a = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

using namespace imapkit;

std::vector<std::string> frame_file(const std::string& name, framer_side side) {
  std::ifstream in(std::string(IMAPKIT_CORPUS_DIR) + "/captures/" + name, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  framer f(side, framer_limits::whole_messages(side));
  f.feed(bytes);
  std::vector<std::string> messages;
  for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next())
    if (ev.kind == framer::status::message) messages.emplace_back(ev.message);
  return messages;
}

// Parses every message once to warm the arena up, then again those that parsed, counting heap
// allocations. (Messages that fail to parse are counted by RejectedMessagesAllocateNothing.)
template <class Parse>
std::size_t allocations_in_second_pass(const std::vector<std::string>& messages, Parse parse,
                                       std::size_t expected_to_parse) {
  arena mem;
  std::vector<const std::string*> parsed;
  for (const std::string& m : messages) {
    mem.reset();
    if (parse(m, mem)) parsed.push_back(&m);
  }
  EXPECT_GE(parsed.size(), expected_to_parse);
  const std::size_t before = heap_allocations.load();
  for (const std::string* m : parsed) {
    mem.reset();
    parse(*m, mem);
  }
  return heap_allocations.load() - before;
}

TEST(SteadyState, TheCounterSeesHeapAllocations) {
  const std::size_t before = heap_allocations.load();
  auto* p = new std::string(100, 'x');
  delete p;
  EXPECT_GE(heap_allocations.load() - before, 1u);
}

TEST(SteadyState, GenericResponsesAllocateNothing) {
  const auto messages = frame_file("imaplib-broad.s2c", framer_side::read_responses);
  ASSERT_GT(messages.size(), 700u);
  EXPECT_EQ(
      allocations_in_second_pass(
          messages,
          [](const std::string& m, arena& mem) { return parse_generic_response(m, mem).ok(); },
          600),
      0u);
}

TEST(SteadyState, LargeMessagesAllocateNothingOnceTheArenaHasGrown) {
  // FETCH responses with big literals and deep BODYSTRUCTUREs.
  const auto messages = frame_file("imaplib-fetch-deep.s2c", framer_side::read_responses);
  ASSERT_GT(messages.size(), 1000u);
  EXPECT_EQ(
      allocations_in_second_pass(
          messages,
          [](const std::string& m, arena& mem) { return parse_generic_response(m, mem).ok(); },
          800),
      0u);
}

// Every response of the server captures, through the full response grammar in lenient mode
// (Courier's and Mailutils' need quirk flags; item recovery included).
TEST(SteadyState, ResponsesAllocateNothing) {
  for (const char* name : {"imaplib-broad.s2c", "imaplib-fetch-deep.s2c", "mutt-browse.s2c",
                           "perl-imapclient.s2c", "imaplib-search-sort-thread.s2c",
                           "cyrus/session.s2c", "courier/session.s2c", "mailutils/session.s2c"}) {
    const auto messages = frame_file(name, framer_side::read_responses);
    EXPECT_EQ(allocations_in_second_pass(
                  messages,
                  [](const std::string& m, arena& mem) {
                    return parse_response(m, mem, parse_options::lenient()).ok();
                  },
                  messages.size()),
              0u)
        << name;
  }
}

// Every command of the client captures, through the full command grammar.
TEST(SteadyState, CommandsAllocateNothing) {
  for (const char* name : {"imaplib-broad.c2s", "mutt-browse.c2s", "perl-imapclient.c2s",
                           "imaplib-search-sort-thread.c2s", "imaplib-fetch-deep.c2s"}) {
    const auto messages = frame_file(name, framer_side::read_commands);
    std::size_t commands = 0;
    for (const std::string& m : messages) {
      arena probe;
      commands += parse_command(m, probe).ok() ? 1 : 0;
    }
    EXPECT_GT(commands, messages.size() * 9 / 10) << name;  // the rest are SASL lines and DONE
    EXPECT_EQ(
        allocations_in_second_pass(
            messages, [](const std::string& m, arena& mem) { return parse_command(m, mem).ok(); },
            commands),
        0u)
        << name;
  }
}

// Rejecting a message allocates nothing either: a failed expectation is recorded in the parse
// state, not thrown (src/x3/expect.hpp). Every message of the error sessions
// and a set of malformed messages, one per kind of failure, parsed twice; the second pass counts.
TEST(SteadyState, RejectedMessagesAllocateNothing) {
  std::vector<std::string> commands =
      frame_file("imaplib-errors-conn2.c2s", framer_side::read_commands);
  const auto errors = frame_file("imaplib-errors.c2s", framer_side::read_commands);
  commands.insert(commands.end(), errors.begin(), errors.end());
  const std::string deep(5000, '(');
  for (const char* m : {"a1 FETCH 1:* (FLAGS\r\n",          // ')' expected
                        "a2 LOGIN \"unterminated\r\n",      // inside a quoted string
                        "a3 LOGIN {5}\r\nab\r\n",           // a literal shorter than announced
                        "a4 LOGIN {x}\r\n",                 // literal size
                        "a5 SEARCH SINCE 31-Apr-2023\r\n",  // a date that does not exist (strict)
                        "a6 STORE 1 +FLAGS (\\Seen\r\n",    // flag list
                        "a7 NOSUCHCOMMAND\r\n", "\r\n", "a8\r\n", "\x01\x02\xff garbage\r\n"})
    commands.emplace_back(m);
  commands.push_back("a9 SEARCH " + deep + "\r\n");  // max_depth
  std::string many = "a10 STORE 1 FLAGS (";
  for (int i = 0; i < 20000; ++i) many += "\\Seen ";
  commands.push_back(many + ")\r\n");  // max_list_items

  std::vector<std::string> responses = {
      "* 1 FETCH (BODYSTRUCTURE " + deep + ")\r\n",                    // max_depth
      "* 1 FETCH (ENVELOPE (NIL NIL ((NIL NIL \"a\" \"b\") NIL)\r\n",  // address list
      "* OK [UIDNEXT x] a generic code, then one line too many\r\n\r\n",
      "* 3 EXISTS extra\r\n",
      "+\r\n",
      "* LIST (\\X \"/\" a\r\n"};

  arena mem;
  std::size_t rejected = 0;
  const auto parse_all = [&] {
    rejected = 0;
    for (const std::string& m : commands) {
      mem.reset();
      rejected += !parse_command(m, mem).ok();
    }
    for (const std::string& m : responses) {
      mem.reset();
      rejected += !parse_response(m, mem).ok();
    }
  };
  parse_all();
  const std::size_t before = heap_allocations.load();
  parse_all();
  EXPECT_EQ(heap_allocations.load() - before, 0u);
  EXPECT_GE(rejected, 40u);  // the error sessions' invalid commands and every made-up message
}

TEST(SteadyState, TheSameMessageTwiceAfterResetAllocatesNothing) {
  const std::string message =
      "* 12 FETCH (FLAGS (\\Seen $Forwarded) UID 4827 BODY[HEADER.FIELDS (FROM TO)] {22}\r\n"
      "From: a@b\r\nTo: c@d\r\n\r\n)\r\n";
  arena mem;
  ASSERT_TRUE(parse_generic_response(message, mem).ok());
  mem.reset();
  const std::size_t before = heap_allocations.load();
  const auto r = parse_generic_response(message, mem);
  EXPECT_EQ(heap_allocations.load() - before, 0u);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->args.size(), 2u);
}

// Serialization: the parsed values of a server and a client capture, written twice into one
// buffer_sink cleared per message; the second pass allocates nothing (the sink keeps its
// buffer), and a fixed_buffer_sink never allocates at all.
template <class T, class Parse>
void expect_serialization_allocates_nothing(const char* name, framer_side side, Parse parse) {
  const auto messages = frame_file(name, side);
  arena mem;
  std::vector<T> values;
  for (const std::string& m : messages)
    if (auto r = parse(m, mem)) values.push_back(*r);
  ASSERT_GT(values.size(), messages.size() * 9 / 10) << name;
  buffer_sink out;
  std::size_t failures = 0;
  const auto write_all = [&] {
    for (const T& v : values) {
      out.clear();
      failures += !serialize(v, out);
    }
  };
  write_all();
  std::size_t before = heap_allocations.load();
  write_all();
  EXPECT_EQ(failures, 0u) << name;
  EXPECT_EQ(heap_allocations.load() - before, 0u) << name << ": buffer_sink";

  std::size_t largest = 0;
  for (const std::string& m : messages) largest = std::max(largest, m.size());
  std::vector<char> buffer(2 * largest);  // re-serialized, a message may grow (quoted -> literal)
  before = heap_allocations.load();
  failures = 0;  // counted, not EXPECTed in the loop: a failing EXPECT allocates
  for (const T& v : values) {
    fixed_buffer_sink fixed(buffer.data(), buffer.size());
    failures += !serialize(v, fixed) || fixed.overflowed();
  }
  EXPECT_EQ(failures, 0u) << name;
  EXPECT_EQ(heap_allocations.load() - before, 0u) << name << ": fixed_buffer_sink";
}

TEST(SteadyState, SerializationAllocatesNothingBeyondTheSink) {
  for (const char* name : {"imaplib-broad.s2c", "imaplib-fetch-deep.s2c"})
    expect_serialization_allocates_nothing<response>(
        name, framer_side::read_responses,
        [](const std::string& m, arena& mem) { return parse_response(m, mem); });
  client_expectation expect = client_expectation::command;
  expect_serialization_allocates_nothing<client_message>(
      "imaplib-broad.c2s", framer_side::read_commands, [&](const std::string& m, arena& mem) {
        auto r = parse_client_message(m, mem, expect);
        if (r) expect = next_expectation(*r, expect);
        return r;
      });
}

}  // namespace
