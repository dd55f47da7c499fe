// The peers on the same framed responses as imapkit's parsers: "<peer>/<input>".
#include <string>
#include <vector>

#include "measure.hpp"
#include "peers/peer.hpp"
#include "suite.hpp"

namespace imapkit::bench {

std::vector<peer> available_peers() {
  std::vector<peer> peers;
#ifdef IMAPKIT_BENCH_HAVE_LIBETPAN
  peers.push_back({"libetpan", make_libetpan_parser});
#endif
#ifdef IMAPKIT_BENCH_HAVE_VMIME
  peers.push_back({"vmime", make_vmime_parser});
#endif
#ifdef IMAPKIT_BENCH_HAVE_DOVECOT
  peers.push_back({"dovecot", make_dovecot_parser});
  peers.push_back({"dovecot_bodystructure", make_dovecot_bodystructure_parser});
#endif
  return peers;
}

namespace {

void run_peer(benchmark::State& state, const peer& p, const std::string& input_name) {
  const std::unique_ptr<response_parser> parser = p.make();
  measure(
      state, get_input(input_name),
      [&](const input& in) {
        return for_each_message(in, [&](std::string_view m) { return parser->parse(m); });
      },
      measured::peer_parser);
}

}  // namespace

void register_peer_benchmarks() {
  std::vector<std::string> inputs = response_input_names();
  for (const auto& type : response_type_input_names()) inputs.push_back(type);
  for (const peer& p : available_peers())
    for (const auto& name : inputs)
      benchmark::RegisterBenchmark((std::string(p.name) + "/" + name).c_str(), run_peer, p, name);
}

}  // namespace imapkit::bench
