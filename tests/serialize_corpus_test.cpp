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

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace {

using namespace imapkit;

std::vector<std::filesystem::path> captures(std::string_view extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(IMAPKIT_CORPUS_DIR "/captures")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == extension && name.find(".raw.") == std::string::npos)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct totals {
  std::size_t messages = 0;
  std::size_t unparsed = 0;   // the input itself does not parse (deliberately invalid commands)
  std::size_t identical = 0;  // serialized bytes == input bytes
  std::size_t framer_errors = 0;
};

std::string show(std::string_view bytes) { return std::string(bytes.substr(0, 300)); }

// Parses, serializes, parses again and serializes again one side of a capture. `Parse` is
// (message, arena&) -> result<T>; `Write` is (const T&, buffer_sink&) -> serialize_result;
// `Advance` sees each parsed message (commands: what the next line is expected to be).
template <class Parse, class Write, class Advance>
void round_trip(const std::filesystem::path& file, framer_side side, Parse parse, Write write,
                Advance advance, totals& sum) {
  const std::string bytes = read_file(file);
  framer frame(side);
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
    const std::string where = file.filename().string() + " offset " + std::to_string(ev.offset);
    once.clear();
    const serialize_result written = write(*parsed, once);
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
  EXPECT_EQ(frame.buffered(), 0u) << file.filename();
}

TEST(SerializeCorpus, EveryResponseRoundTrips) {
  totals sum;
  for (const auto& file : captures(".s2c")) {
    SCOPED_TRACE(file.filename().string());
    round_trip(
        file, framer_side::read_responses,
        [](std::string_view m, arena& mem) { return parse_response(m, mem); },
        [](const response& r, buffer_sink& out) { return serialize(r, out); },
        [](const response&) {}, sum);
  }
  std::printf("responses: %zu messages, %zu byte-identical after the round trip\n", sum.messages,
              sum.identical);
  EXPECT_GT(sum.messages, 3000u);
  EXPECT_EQ(sum.unparsed, 0u);
  EXPECT_EQ(sum.framer_errors, 0u);
}

TEST(SerializeCorpus, EveryCommandRoundTrips) {
  totals sum;
  for (const auto& file : captures(".c2s")) {
    SCOPED_TRACE(file.filename().string());
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
