// fuzz_framer: arbitrary bytes, fed to the framer in arbitrary chunks, on both sides, with the
// default limits and with tight ones.
//
// Input: byte 0 picks the side, the limits and how many chunk-size bytes follow (1 to 8); with
// custom limits three bytes give them; then come the chunk sizes (used in turn, over and over),
// then the stream. Properties:
//  - never crashes, never reads out of bounds (ASan);
//  - the events (messages with their bytes and offsets, errors) are exactly those of feeding the
//    stream whole, and the framer ends in the same state;
//  - every byte is in exactly one message, dropped after an error, or still buffered;
//  - a continuation request comes exactly after a synchronizing "{N}\r\n" of a command;
//  - refusing literals (as a server that answers NO instead of "+") keeps all of the above sane;
//  - with the default limits (bit 7 of byte 0, and one more byte for the threshold), streaming
//    literals above 0, 1, 16 or 4096 octets gives the same messages, once their streamed data is
//    put back from the literal_data events, as streaming none; the data events come in order.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "imapkit/framer.hpp"

namespace {

using imapkit::framer;
using imapkit::framer_error;
using imapkit::framer_limits;
using imapkit::framer_side;
using status = imapkit::framer::status;
using imapkit::fuzz::byte_reader;

struct record {
  status kind;
  std::uint64_t offset;
  std::string message;  // the bytes, for status::message
  framer_error error;   // for status::error

  friend bool operator==(const record&, const record&) = default;
};

struct framing {
  std::vector<record> events;
  std::uint64_t stream_offset = 0;
  std::size_t buffered = 0;
  bool discarding = false;
  bool awaiting_continuation = false;
  std::size_t refused = 0;  // literals refused (refusing pass only)
  std::vector<std::string> streamed;   // the current message's streamed literals' data
  std::uint64_t partial_streamed = 0;  // octets handed out of the message not yet complete
};

// The events a framer that streams nothing reports: no literal_begin, and a streamed literal's
// own size error read as a buffered literal's.
std::vector<record> as_if_buffered(std::vector<record> events) {
  std::erase_if(events, [](const record& r) { return r.kind == status::literal_begin; });
  for (record& r : events) {
    if (r.kind == status::error &&
        r.error.kind == imapkit::framer_error_kind::streamed_literal_too_large)
      r.error.kind = imapkit::framer_error_kind::literal_too_large;
  }
  return events;
}

// A message as it was on the wire: its streamed literals' data put back.
std::string with_streamed_data(std::string_view message,
                               std::span<const imapkit::streamed_literal> literals,
                               const std::vector<std::string>& data) {
  std::string whole;
  std::size_t from = 0;
  for (const imapkit::streamed_literal& l : literals) {
    FUZZ_CHECK(l.offset >= from && l.offset <= message.size() && l.index <= data.size());
    whole.append(message.substr(from, l.offset - from));
    whole.append(data[l.index - 1]);
    from = l.offset;
  }
  whole.append(message.substr(from));
  return whole;
}

void drain(framer& f, framing& out) {
  for (;;) {
    const framer::event e = f.next();
    if (e.kind == status::need_more) {
      // need_more: the offset is that of the first byte not handed out (a partial message).
      FUZZ_CHECK(e.offset == f.stream_offset());
      return;
    }
    if (e.kind == status::literal_begin) {
      // Recorded with the bytes before it; its data events depend on the chunking.
      FUZZ_CHECK(e.literal.index == e.literals.size() && e.literal.size > 0);
      FUZZ_CHECK(e.message.size() == e.literal.offset && e.message.back() == '\n');
      if (e.literal.index == 1) out.streamed.clear();
      FUZZ_CHECK(out.streamed.size() + 1 == e.literal.index);
      out.streamed.emplace_back();
      out.events.push_back({e.kind, e.offset, std::string(e.message), {}});
    } else if (e.kind == status::literal_data) {
      FUZZ_CHECK(!out.streamed.empty() && !e.message.empty());
      std::string& data = out.streamed.back();
      FUZZ_CHECK(e.literal_position == data.size());
      data.append(e.message);
      out.partial_streamed += e.message.size();
      FUZZ_CHECK(data.size() <= e.literal.size);
      FUZZ_CHECK(e.literal_end == (data.size() == e.literal.size));
    } else if (e.kind == status::message) {
      out.partial_streamed = 0;
      FUZZ_CHECK(!e.message.empty());
      FUZZ_CHECK(e.message.back() == '\n');  // a message ends at a line end
      out.events.push_back({e.kind,
                            e.offset,
                            e.literals.empty()
                                ? std::string(e.message)
                                : with_streamed_data(e.message, e.literals, out.streamed),
                            {}});
    } else {
      out.partial_streamed = 0;  // the message is dropped: its offsets move past its octets
      FUZZ_CHECK(e.error.offset == e.offset);
      out.events.push_back({e.kind, e.offset, {}, e.error});
    }
  }
}

void finish(const framer& f, framing& out) {
  out.stream_offset = f.stream_offset();
  out.buffered = f.buffered();
  out.discarding = f.discarding();
  out.awaiting_continuation = f.awaiting_continuation();
}

// Chunk sizes from the pattern bytes: 0 means "all the rest", small values are small reads,
// large ones multiples of 64 so that long lines and literals also cross reads whole.
std::size_t chunk_size(std::uint8_t b, std::size_t left) {
  if (b == 0) return left;
  if (b <= 200) return b;
  return static_cast<std::size_t>(b - 200) * 64;
}

framing frame_whole(std::string_view stream, framer_side side, const framer_limits& limits) {
  framing out;
  framer f(side, limits);
  f.feed(stream);
  drain(f, out);
  finish(f, out);
  return out;
}

framing frame_chunked(std::string_view stream, framer_side side, const framer_limits& limits,
                      std::string_view pattern, bool refuse) {
  framing out;
  framer f(side, limits);
  std::size_t turn = 0;
  for (std::size_t pos = 0; pos < stream.size();) {
    const auto b = static_cast<std::uint8_t>(pattern[turn++ % pattern.size()]);
    const std::size_t n = std::min(chunk_size(b, stream.size() - pos), stream.size() - pos);
    f.feed(stream.substr(pos, n));
    pos += n;
    drain(f, out);

    const bool awaiting = f.awaiting_continuation();
    if (side == framer_side::read_responses) FUZZ_CHECK(!awaiting);
    if (awaiting) {
      // The client waits for "+" only right after a synchronizing announcement: "{N}\r\n" or
      // "~{N}\r\n" (a bare LF also ends the line), never {N+} / {N-}.
      const std::string_view fed = stream.substr(0, pos);
      const std::size_t brace = fed.rfind('}');
      FUZZ_CHECK(brace != std::string_view::npos && brace > 0);
      const std::string_view after = fed.substr(brace + 1);
      FUZZ_CHECK(after == "\r\n" || after == "\n");
      FUZZ_CHECK(fed[brace - 1] >= '0' && fed[brace - 1] <= '9');
    }
    if (refuse) {
      const bool took = f.take_continuation_request();
      FUZZ_CHECK(took == awaiting);  // every chunk is new bytes: a new literal, or none
      FUZZ_CHECK(!f.take_continuation_request());  // once per literal
      // A server refuses right after the announcement, before it would have sent "+".
      if (awaiting) {
        FUZZ_CHECK(f.refuse_literal());
        ++out.refused;
        FUZZ_CHECK(!f.awaiting_continuation());
        drain(f, out);
      }
    }
  }
  finish(f, out);
  return out;
}

// Every byte is in exactly one message, or dropped after an error, or still buffered; messages
// hold the stream's bytes at their offsets. With refused literals, the refused announcements
// are dropped too, so only order and content are checked.
void check_accounting(const framing& result, std::string_view stream, bool exact) {
  std::uint64_t pos = 0;
  std::optional<std::uint64_t> gap;  // offset of the last error, bytes from it were dropped
  for (const record& r : result.events) {
    if (r.kind == status::literal_begin) continue;
    if (r.kind == status::message) {
      FUZZ_CHECK(r.offset + r.message.size() <= stream.size());
      FUZZ_CHECK(stream.substr(r.offset, r.message.size()) == r.message);
    }
    if (exact) {
      if (gap) {
        FUZZ_CHECK(r.offset > *gap);
      } else {
        FUZZ_CHECK(r.offset == pos);
      }
    } else {
      FUZZ_CHECK(r.offset >= pos);
    }
    if (r.kind == status::error) {
      gap = r.offset;
    } else {
      pos = r.offset + r.message.size();
      gap.reset();
    }
  }
  if (exact) {
    if (gap) {
      FUZZ_CHECK(result.stream_offset > *gap);
    } else {
      FUZZ_CHECK(result.stream_offset == pos);
    }
  }
  // A message cut off inside a streamed literal: its octets so far were handed out.
  FUZZ_CHECK(result.stream_offset + result.buffered + result.partial_streamed == stream.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  byte_reader in(data, size);
  const std::uint8_t mode = in.byte();
  const framer_side side = (mode & 1) ? framer_side::read_commands : framer_side::read_responses;
  framer_limits limits;
  switch ((mode >> 1) & 3) {
    case 0:  // the defaults
      break;
    case 1:  // the tight limits of the unit tests: mostly line_too_long
      limits = {300, 2000, 6000};
      break;
    case 2:  // tiny, so that every limit is hit by small inputs
      limits = {24, 40, 96};
      break;
    case 3: {  // chosen by the input, zeros included
      const std::uint8_t line = in.byte(), literal = in.byte(), message = in.byte();
      limits = {line, literal, std::uint64_t{message} * 4};
      break;
    }
  }
  const std::size_t pattern_length = 1 + ((mode >> 3) & 7);
  std::string pattern(in.bytes(pattern_length));
  if (pattern.empty()) pattern = "\x01";
  const bool refuse = (mode & 0x40) != 0;
  const bool compare_streaming = (mode & 0x80) != 0 && ((mode >> 1) & 3) == 0;
  static constexpr std::uint64_t thresholds[] = {0, 1, 16, 4096};
  const std::uint64_t threshold = compare_streaming ? thresholds[in.byte() & 3] : 0;
  const std::string_view stream = in.rest();

  const framing whole = frame_whole(stream, side, limits);
  check_accounting(whole, stream, true);

  const framing chunked = frame_chunked(stream, side, limits, pattern, false);
  FUZZ_CHECK(chunked.events == whole.events);
  FUZZ_CHECK(chunked.stream_offset == whole.stream_offset);
  FUZZ_CHECK(chunked.buffered == whole.buffered);
  FUZZ_CHECK(chunked.discarding == whole.discarding);
  FUZZ_CHECK(chunked.awaiting_continuation == whole.awaiting_continuation);

  if (refuse) {
    const framing refused = frame_chunked(stream, side, limits, pattern, true);
    check_accounting(refused, stream, refused.refused == 0);
    if (refused.refused == 0) FUZZ_CHECK(refused.events == whole.events);
  }

  if (compare_streaming) {
    // Streamed against buffered. With the default limits no message or line limit counts the
    // literal octets a buffered framer holds and a streaming one does not.
    framer_limits buffered = limits;
    buffered.stream_literals_above = framer_limits::never_stream;
    framer_limits streaming = limits;
    streaming.stream_literals_above = threshold;
    streaming.max_streamed_literal_size = limits.max_literal_size;
    const framing reference = frame_whole(stream, side, buffered);
    for (const bool whole_feed : {true, false}) {
      const framing streamed = whole_feed ? frame_whole(stream, side, streaming)
                                          : frame_chunked(stream, side, streaming, pattern, false);
      check_accounting(streamed, stream, true);
      FUZZ_CHECK(as_if_buffered(streamed.events) == reference.events);
      FUZZ_CHECK(streamed.stream_offset == reference.stream_offset);
      FUZZ_CHECK(streamed.discarding == reference.discarding);
      FUZZ_CHECK(streamed.awaiting_continuation == reference.awaiting_continuation);
    }
  }
  return 0;
}
