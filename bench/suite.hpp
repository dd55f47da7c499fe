// The parts of the suite; each registers its benchmarks with Google Benchmark at start-up.
// Benchmarks are registered at run time because their inputs are files found at run time.
#pragma once

namespace imapkit::bench {

void register_framer_benchmarks();   // framer_bench.cpp: framer, memchr_lines
void register_imapkit_benchmarks();  // parse_bench.cpp: imapkit's parsers, framer + parser
void register_peer_benchmarks();     // peer_bench.cpp: libetpan, vmime, Dovecot
void register_serialize_benchmarks();  // serialize_bench.cpp: responses and commands to bytes

}  // namespace imapkit::bench
