// imapkit_bench: imapkit's framer and parsers, a memchr baseline and other IMAP parsers (the
// peers) on the same bytes, in one binary. See docs/performance.md.
#include <benchmark/benchmark.h>

#include "suite.hpp"

int main(int argc, char** argv) {
  imapkit::bench::register_framer_benchmarks();
  imapkit::bench::register_imapkit_benchmarks();
  imapkit::bench::register_peer_benchmarks();
  imapkit::bench::register_serialize_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
