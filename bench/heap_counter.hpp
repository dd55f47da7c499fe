// Heap allocation counting for the benchmark binary.
//
// heap_counter.cpp replaces the global operator new (C++ code: imapkit, vmime, the benchmarks)
// and, in builds without a sanitizer, also interposes malloc/calloc/realloc, so that the C peers
// (libetpan, Dovecot's lib-imap) are measured with the same yardstick. The counters are plain
// loads and stores: the benchmarks run on one thread.
#pragma once

#include <cstddef>

namespace imapkit::bench {

struct heap_snapshot {
  std::size_t allocations = 0;  // calls that obtained memory from the heap
  std::size_t bytes = 0;        // bytes requested by those calls
};

heap_snapshot heap_now() noexcept;

// True when malloc itself is counted (false in sanitizer builds, where only operator new is).
bool heap_counter_sees_malloc() noexcept;

}  // namespace imapkit::bench
