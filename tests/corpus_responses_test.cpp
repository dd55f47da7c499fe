// Every response of every real server capture (corpus/captures/*.s2c, Dovecot 2.3.19) parses,
// in lenient and in strict mode, and the kinds of responses add up to what the captures hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

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

std::vector<std::filesystem::path> server_captures() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(IMAPKIT_CORPUS_DIR "/captures")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".s2c" && name.find(".raw.") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

capture_stats parse_capture(const std::filesystem::path& file, parse_mode mode) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  framer frame(framer_side::read_responses);
  frame.feed(bytes);
  arena mem;
  parse_options options;
  options.quirks = parse_options::of(mode).quirks;
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
      EXPECT_FALSE(std::holds_alternative<generic_data>(u->data))
          << file.filename() << " offset " << ev.offset << ": unknown untagged data";
    }
  }
  EXPECT_EQ(frame.buffered(), 0u) << file.filename();
  return stats;
}

TEST(CorpusResponses, EveryCaptureParsesInBothModes) {
  const auto files = server_captures();
  ASSERT_EQ(files.size(), 28u);  // corpus/captures/README.md: 28 server sides
  for (const auto& file : files) {
    for (const parse_mode mode : {parse_mode::lenient, parse_mode::strict}) {
      const capture_stats s = parse_capture(file, mode);
      EXPECT_EQ(s.errors, 0u) << file.filename()
                              << (mode == parse_mode::strict ? " strict: " : " lenient: ")
                              << s.first_error;
      EXPECT_GT(s.responses, 0u) << file.filename();
      EXPECT_EQ(s.responses, s.tagged + s.untagged + s.continuations);
    }
  }
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
    const capture_stats s = parse_capture(
        std::filesystem::path(IMAPKIT_CORPUS_DIR "/captures") / name, parse_mode::strict);
    EXPECT_EQ(s.errors, 0u) << name << ": " << s.first_error;
    EXPECT_EQ(s.tagged, counts[0]) << name;
    EXPECT_EQ(s.untagged, counts[1]) << name;
    EXPECT_EQ(s.continuations, counts[2]) << name;
  }
}

TEST(CorpusResponses, FetchDeepFetchResponses) {
  const capture_stats s = parse_capture(
      std::filesystem::path(IMAPKIT_CORPUS_DIR "/captures") / "imaplib-fetch-deep.s2c",
      parse_mode::strict);
  EXPECT_EQ(s.errors, 0u) << s.first_error;
  EXPECT_EQ(s.fetches, 742u);  // the other 258 untagged responses come from EXAMINE
}

}  // namespace
