// imapkit's parsers on the framed messages of every input, and the whole pipeline (framer fed
// in 64 KiB chunks, then the parser) on the large streams.
#include <string>
#include <string_view>
#include <vector>

#include "imapkit/framer.hpp"
#include "imapkit/parse.hpp"
#include "measure.hpp"
#include "suite.hpp"

namespace imapkit::bench {

namespace {

// One imapkit entry point. Benchmarks are named "imapkit_<name>/<input>" (parse only) and
// "pipeline_<name>/<input>" (framer + parse). scripts/bench.sh compares the peers with the
// first response parser of this table that ran.
struct imapkit_parser {
  std::string_view name;
  bool responses;  // parses server responses (else client commands)
  bool (*parse)(std::string_view message, arena& mem, const parse_options& options);
};

// parse_response / parse_command build the typed AST; parse_generic_* only the generic form
// (tag, name, values), a baseline for what the typed grammar costs on top. The options are the
// input's (strict, or the quirk flags of the servers' captures).
const imapkit_parser parsers[] = {
    {"response", true,
     [](std::string_view m, arena& mem, const parse_options& o) {
       return parse_response(m, mem, o).ok();
     }},
    {"generic", true,
     [](std::string_view m, arena& mem, const parse_options& o) {
       return parse_generic_response(m, mem, o).ok();
     }},
    {"command", false,
     [](std::string_view m, arena& mem, const parse_options& o) {
       return parse_command(m, mem, o).ok();
     }},
    {"generic_command", false,
     [](std::string_view m, arena& mem, const parse_options& o) {
       return parse_generic_command(m, mem, o).ok();
     }},
};

pass_result parse_pass(const imapkit_parser& p, arena& mem, const input& in) {
  pass_result r;
  for (std::string_view message : in.messages) {
    mem.reset();
    if (!p.parse(message, mem, in.options)) ++r.rejected;
    r.arena_bytes += mem.bytes_used();
    r.checksum += message.size();
  }
  return r;
}

pass_result pipeline_pass(const imapkit_parser& p, framer& f, arena& mem, const input& in) {
  constexpr std::size_t chunk = 65536;
  pass_result r;
  const std::string_view bytes = in.bytes;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    f.feed(bytes.substr(at, chunk));
    for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next()) {
      if (ev.kind != framer::status::message) continue;
      mem.reset();
      if (!p.parse(ev.message, mem, in.options)) ++r.rejected;
      r.arena_bytes += mem.bytes_used();
      r.checksum += ev.message.size();
    }
  }
  return r;
}

// The pipeline with streamed literals (issue 16): literals above `threshold` come as literal_data
// events (each chunk's bytes are summed, as a consumer writing them out would read them), the
// rest of each message is parsed typed with its streamed literals.
pass_result streamed_pipeline_pass(framer& f, arena& mem, const input& in) {
  constexpr std::size_t chunk = 65536;
  pass_result r;
  parse_options options = in.options;
  const std::string_view bytes = in.bytes;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    f.feed(bytes.substr(at, chunk));
    for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next()) {
      if (ev.kind == framer::status::literal_data) {
        r.checksum += ev.message.size();
        continue;
      }
      if (ev.kind != framer::status::message) continue;
      mem.reset();
      options.streamed_literals = ev.literals;
      if (!parse_response(ev.message, mem, options)) ++r.rejected;
      r.arena_bytes += mem.bytes_used();
      r.checksum += ev.message.size();
    }
  }
  return r;
}

void run_streamed_pipeline(benchmark::State& state, const std::string& input_name,
                           std::uint64_t threshold) {
  const input& in = get_input(input_name);
  framer_limits limits = framer_limits::for_side(in.side);
  limits.stream_literals_above = threshold;
  framer f(in.side, limits);
  arena mem;
  measure(
      state, in, [&](const input& i) { return streamed_pipeline_pass(f, mem, i); },
      measured::imapkit_parser);
}

void run_parse(benchmark::State& state, const imapkit_parser* p, const std::string& input_name) {
  arena mem;
  measure(
      state, get_input(input_name), [&](const input& in) { return parse_pass(*p, mem, in); },
      measured::imapkit_parser);
}

void run_pipeline(benchmark::State& state, const imapkit_parser* p, const std::string& input_name) {
  const input& in = get_input(input_name);
  framer f(in.side, framer_limits::whole_messages(in.side));
  arena mem;
  measure(
      state, in, [&](const input& i) { return pipeline_pass(*p, f, mem, i); },
      measured::imapkit_parser);
}

}  // namespace

void register_imapkit_benchmarks() {
  for (const imapkit_parser& p : parsers) {
    const std::string parser_name(p.name);
    const auto& streams = p.responses ? response_input_names() : command_input_names();
    std::vector<std::string> inputs = streams;
    if (p.responses)
      for (const auto& type : response_type_input_names()) inputs.push_back(type);
    if (p.name == "response")
      for (const auto& type : long_line_input_names()) inputs.push_back(type);

    for (const auto& name : inputs)
      benchmark::RegisterBenchmark(("imapkit_" + parser_name + "/" + name).c_str(), run_parse, &p,
                                   name);
    for (const auto& name : streams)
      benchmark::RegisterBenchmark(("pipeline_" + parser_name + "/" + name).c_str(), run_pipeline,
                                   &p, name);
  }
  // Streamed against buffered (pipeline_response/literal): the default threshold (the stream's
  // 1.6 MB body streamed) and 1 KiB (every body of the stream streamed).
  benchmark::RegisterBenchmark("pipeline_response_streamed/literal", run_streamed_pipeline,
                               std::string("literal"), framer_limits{}.stream_literals_above);
  benchmark::RegisterBenchmark("pipeline_response_streamed_1k/literal", run_streamed_pipeline,
                               std::string("literal"), std::uint64_t{1024});
}

}  // namespace imapkit::bench
