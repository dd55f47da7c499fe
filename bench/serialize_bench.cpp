// Serialization: the parsed responses and commands of every input written back to bytes. The
// messages are parsed once, before timing, into one arena that lives for the benchmark; each
// timed pass serializes every message into a reused buffer_sink (cleared per message, so its
// buffer is allocated once: steady state is 0 allocations per message). bytes/s counts the
// input bytes the messages came from, so the figure compares with the parse benchmarks.
#include <string>
#include <variant>
#include <vector>

#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"
#include "measure.hpp"
#include "suite.hpp"

namespace imapkit::bench {

namespace {

// The parsed form of one input, side by side with its messages.
template <class T>
struct parsed_input {
  arena mem;  // holds every tree of the input
  std::vector<T> values;
  std::size_t rejected = 0;  // messages that did not parse (left out)
};

const parsed_input<response>& parsed_responses(const input& in) {
  static std::vector<std::pair<const input*, parsed_input<response>*>> cache;
  for (const auto& [key, value] : cache)
    if (key == &in) return *value;
  auto* p = new parsed_input<response>;  // kept for the life of the benchmark binary
  for (std::string_view m : in.messages) {
    auto r = parse_response(m, p->mem);
    if (r)
      p->values.push_back(*r);
    else
      ++p->rejected;
  }
  cache.emplace_back(&in, p);
  return *p;
}

const parsed_input<client_message>& parsed_commands(const input& in) {
  static std::vector<std::pair<const input*, parsed_input<client_message>*>> cache;
  for (const auto& [key, value] : cache)
    if (key == &in) return *value;
  auto* p = new parsed_input<client_message>;
  client_expectation expect = client_expectation::command;
  for (std::string_view m : in.messages) {
    auto r = parse_client_message(m, p->mem, expect);
    if (r) {
      expect = next_expectation(*r, expect);
      p->values.push_back(*r);
    } else {
      ++p->rejected;
    }
  }
  cache.emplace_back(&in, p);
  return *p;
}

template <class T>
pass_result serialize_pass(const parsed_input<T>& parsed, buffer_sink& out) {
  pass_result r;
  for (const T& value : parsed.values) {
    out.clear();
    if (!serialize(value, out)) ++r.rejected;
    r.checksum += out.bytes().size();
  }
  return r;
}

void run_serialize_responses(benchmark::State& state, const std::string& input_name) {
  const input& in = get_input(input_name);
  const auto& parsed = parsed_responses(in);
  buffer_sink out;
  measure(
      state, in, [&](const input&) { return serialize_pass(parsed, out); }, measured::peer_parser);
  state.counters["unparsed"] = static_cast<double>(parsed.rejected);
}

void run_serialize_commands(benchmark::State& state, const std::string& input_name) {
  const input& in = get_input(input_name);
  const auto& parsed = parsed_commands(in);
  buffer_sink out;
  measure(
      state, in, [&](const input&) { return serialize_pass(parsed, out); }, measured::peer_parser);
  state.counters["unparsed"] = static_cast<double>(parsed.rejected);
}

}  // namespace

void register_serialize_benchmarks() {
  for (const auto& name : response_input_names())
    benchmark::RegisterBenchmark(("serialize_response/" + name).c_str(), run_serialize_responses,
                                 name);
  for (const auto& name : response_type_input_names())
    benchmark::RegisterBenchmark(("serialize_response/" + name).c_str(), run_serialize_responses,
                                 name);
  for (const auto& name : command_input_names())
    benchmark::RegisterBenchmark(("serialize_command/" + name).c_str(), run_serialize_commands,
                                 name);
}

}  // namespace imapkit::bench
