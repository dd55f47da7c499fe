// How every benchmark of the suite measures and reports, so that the figures compare:
//  - bytes/s and items/s (messages/s) over whole passes of an input;
//  - user counters, per message of the input: allocs/msg and heap_B/msg (heap_counter.hpp),
//    arena_B/msg (imapkit parsers: imapkit::arena::bytes_used() after each message), and for
//    parsers rejected (messages of one pass that did not parse) and rejected% .
// One untimed pass runs before the timed ones, so that caches, the arena's retained blocks and
// a reused framer's buffer are warm: the figures are steady state, as in a long-lived connection.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "heap_counter.hpp"
#include "imapkit/arena.hpp"
#include "inputs.hpp"

namespace imapkit::bench {

// What one pass over an input produced beyond time.
struct pass_result {
  std::size_t rejected = 0;     // messages the parser refused
  std::size_t arena_bytes = 0;  // sum over the messages of the arena bytes each used
  std::size_t checksum = 0;     // something derived from the output, so it cannot be elided
};

// Which counters make sense for a benchmark.
enum class measured {
  framing,         // bytes/s, messages/s, heap
  peer_parser,     // ... and rejected
  imapkit_parser,  // ... and arena bytes
};

// Runs `pass(input) -> pass_result` once untimed, then for every benchmark iteration, and sets
// the counters.
template <class Pass>
void measure(benchmark::State& state, const input& in, Pass&& pass, measured what) {
  benchmark::DoNotOptimize(pass(in).checksum);  // warm-up
  std::size_t passes = 0;
  pass_result totals;
  const heap_snapshot before = heap_now();
  for (auto _ : state) {
    const pass_result r = pass(in);
    benchmark::DoNotOptimize(r.checksum);
    totals.rejected += r.rejected;
    totals.arena_bytes += r.arena_bytes;
    ++passes;
  }
  const heap_snapshot after = heap_now();

  const auto messages = static_cast<double>(in.messages.size()) * static_cast<double>(passes);
  state.SetBytesProcessed(static_cast<std::int64_t>(in.bytes.size() * passes));
  state.SetItemsProcessed(static_cast<std::int64_t>(in.messages.size() * passes));
  if (messages == 0) return;
  state.counters["allocs/msg"] =
      static_cast<double>(after.allocations - before.allocations) / messages;
  state.counters["heap_B/msg"] = static_cast<double>(after.bytes - before.bytes) / messages;
  if (what == measured::imapkit_parser)
    state.counters["arena_B/msg"] = static_cast<double>(totals.arena_bytes) / messages;
  if (what != measured::framing) {
    state.counters["rejected"] = static_cast<double>(totals.rejected) / static_cast<double>(passes);
    state.counters["rejected%"] = 100.0 * static_cast<double>(totals.rejected) / messages;
  }
}

// Applies `parse(message) -> bool` (true: accepted) to every framed message of one pass.
template <class Parse>
pass_result for_each_message(const input& in, Parse&& parse) {
  pass_result r;
  for (std::string_view message : in.messages) {
    if (!parse(message)) ++r.rejected;
    r.checksum += message.size();
  }
  return r;
}

}  // namespace imapkit::bench
