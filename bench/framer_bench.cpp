// The framer alone, fed in chunks as a socket would, and the line-scan baseline it is held to
// (issue 7: the framer on the literal-heavy stream within 2x of a plain memchr line scan).
#include <cstring>
#include <string>

#include "imapkit/framer.hpp"
#include "measure.hpp"
#include "suite.hpp"

namespace imapkit::bench {

namespace {

// One pass: the whole stream fed to a long-lived framer in chunks of `chunk` bytes, every
// message taken out after each feed.
pass_result frame_pass(framer& f, const input& in, std::size_t chunk) {
  pass_result r;
  const std::string_view bytes = in.bytes;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    f.feed(bytes.substr(at, chunk));
    for (auto ev = f.next(); ev.kind != framer::status::need_more; ev = f.next()) {
      if (ev.kind == framer::status::message) r.checksum += ev.message.size();
    }
  }
  return r;
}

// Every line end of the stream found with memchr, literal data included: a lower bound for any
// framer, which must look at least at every line end outside literals.
pass_result memchr_pass(const input& in) {
  pass_result r;
  const char* p = in.bytes.data();
  const char* const end = p + in.bytes.size();
  while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++r.checksum;
    p = static_cast<const char*>(nl) + 1;
  }
  return r;
}

void run_framer(benchmark::State& state, const std::string& input_name, std::size_t chunk) {
  const input& in = get_input(input_name);
  framer f(in.side, framer_limits::whole_messages(in.side));
  measure(
      state, in, [&](const input& i) { return frame_pass(f, i, chunk); }, measured::framing);
}

void run_memchr(benchmark::State& state, const std::string& input_name) {
  measure(state, get_input(input_name), memchr_pass, measured::framing);
}

}  // namespace

void register_framer_benchmarks() {
  std::vector<std::string> inputs = response_input_names();
  for (const auto& name : command_input_names()) inputs.push_back(name);
  for (const auto& name : inputs) {
    for (const std::size_t chunk : {std::size_t{4096}, std::size_t{65536}})
      benchmark::RegisterBenchmark(("framer/" + name + "/chunk:" + std::to_string(chunk)).c_str(),
                                   run_framer, name, chunk);
    benchmark::RegisterBenchmark(("memchr_lines/" + name).c_str(), run_memchr, name);
  }
}

}  // namespace imapkit::bench
