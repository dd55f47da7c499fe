// Every response of every real server capture (corpus/captures/: Dovecot 2.3.19's *.s2c, and
// Cyrus', Courier's and Mailutils' in their folders) parses, in lenient mode and in strict mode
// with the server's quirk flags (none for Dovecot and Cyrus), and the kinds of responses add up
// to what the captures hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "capture_files.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"

namespace {

using namespace imapkit;

struct capture_stats {
  std::size_t responses = 0;
  std::size_t tagged = 0;
  std::size_t untagged = 0;
  std::size_t continuations = 0;
  std::size_t fetches = 0;
  std::size_t errors = 0;
  std::string first_error;
};

using test::capture_file;
using test::capture_files;

capture_stats parse_capture(const capture_file& file, parse_mode mode) {
  const std::string bytes = test::read_capture(file);
  framer frame(framer_side::read_responses,
               framer_limits::whole_messages(framer_side::read_responses));
  frame.feed(bytes);
  arena mem;
  const parse_options options =
      mode == parse_mode::strict ? file.strict_options() : parse_options::of(mode);
  capture_stats stats;
  for (;;) {
    const framer::event ev = frame.next();
    if (ev.kind == framer::status::need_more) break;
    if (ev.kind == framer::status::error) {
      ++stats.errors;
      continue;
    }
    ++stats.responses;
    mem.reset();
    const auto r = parse_response(ev.message, mem, options);
    if (!r) {
      if (stats.errors++ == 0)
        stats.first_error = "offset " + std::to_string(ev.offset) + ": " + r.error().message() +
                            " in: " + std::string(ev.message.substr(0, 200));
      continue;
    }
    if (r->is_tagged()) ++stats.tagged;
    if (r->is_continuation()) ++stats.continuations;
    if (const auto* u = std::get_if<untagged>(&r->value)) {
      ++stats.untagged;
      if (std::holds_alternative<fetch_data>(u->data)) ++stats.fetches;
      // Mailutils' "* 1 EXPUNGED" is kept as generic data (unknown_untagged_data).
      EXPECT_TRUE(!std::holds_alternative<generic_data>(u->data) ||
                  file.quirks.has(quirk::unknown_untagged_data))
          << file.name << " offset " << ev.offset << ": unknown untagged data";
    }
  }
  EXPECT_EQ(frame.buffered(), 0u) << file.name;
  return stats;
}

TEST(CorpusResponses, EveryCaptureParsesInBothModes) {
  const auto files = capture_files(".s2c");
  // corpus/captures/README.md: 28 server sides of Dovecot, 4 of each other server.
  ASSERT_EQ(files.size(), 40u);
  for (const auto& file : files) {
    for (const parse_mode mode : {parse_mode::lenient, parse_mode::strict}) {
      const capture_stats s = parse_capture(file, mode);
      EXPECT_EQ(s.errors, 0u) << file.name
                              << (mode == parse_mode::strict ? " strict: " : " lenient: ")
                              << s.first_error;
      EXPECT_GT(s.responses, 0u) << file.name;
      EXPECT_EQ(s.responses, s.tagged + s.untagged + s.continuations);
    }
  }
}

// The other servers' flags are needed: without them strict mode refuses some response.
TEST(CorpusResponses, TheOtherServersFlagsAreNeeded) {
  std::size_t servers_with_flags = 0;
  for (const auto& file : capture_files(".s2c")) {
    if (file.quirks.empty() || file.name.find("/session.s2c") == std::string::npos) continue;
    ++servers_with_flags;
    capture_file bare = file;
    bare.quirks = {};
    EXPECT_GT(parse_capture(bare, parse_mode::strict).errors, 0u) << file.name;
  }
  EXPECT_EQ(servers_with_flags, 2u);  // Courier and Mailutils
}

TEST(CorpusResponses, CountsMatchTheCaptureReadme) {
  // corpus/captures/README.md: responses (tagged/untagged/+) of the single-connection sessions.
  const std::map<std::string, std::array<std::size_t, 3>> expected = {
      {"imaplib-broad.s2c", {110, 646, 6}},
      {"imaplib-fetch-deep.s2c", {60, 1000, 0}},
      {"imaplib-search-sort-thread.s2c", {101, 125, 4}},
      {"imaplib-compress.s2c", {11, 194, 0}},
      {"mutt-browse.s2c", {106, 320, 1}},
      {"perl-imapclient.s2c", {65, 211, 2}},
  };
  for (const auto& [name, counts] : expected) {
    const capture_stats s =
        parse_capture({test::captures_dir() / name, name, "dovecot", {}}, parse_mode::strict);
    EXPECT_EQ(s.errors, 0u) << name << ": " << s.first_error;
    EXPECT_EQ(s.tagged, counts[0]) << name;
    EXPECT_EQ(s.untagged, counts[1]) << name;
    EXPECT_EQ(s.continuations, counts[2]) << name;
  }
}

TEST(CorpusResponses, FetchDeepFetchResponses) {
  const capture_stats s = parse_capture(
      {test::captures_dir() / "imaplib-fetch-deep.s2c", "imaplib-fetch-deep.s2c", "dovecot", {}},
      parse_mode::strict);
  EXPECT_EQ(s.errors, 0u) << s.first_error;
  EXPECT_EQ(s.fetches, 742u);  // the other 258 untagged responses come from EXAMINE
}

}  // namespace
