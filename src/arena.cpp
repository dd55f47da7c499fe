#include "imapkit/arena.hpp"

#include <new>

namespace imapkit::detail {

block_cache::~block_cache() {
  for (std::size_t i = 0; i < cached_count_; ++i)
    ::operator delete(cache_[i].ptr, std::align_val_t{cache_[i].align});
}

void* block_cache::do_allocate(std::size_t bytes, std::size_t alignment) {
  // The monotonic resource asks for a geometric series of sizes, the same series for every
  // message that needs as much room, so an exact match is what steady state looks like.
  for (std::size_t i = 0; i < cached_count_; ++i) {
    if (cache_[i].size == bytes && cache_[i].align == alignment) {
      void* p = cache_[i].ptr;
      cached_bytes_ -= bytes;
      cache_[i] = cache_[--cached_count_];
      return p;
    }
  }
  ++heap_allocations_;
  return ::operator new(bytes, std::align_val_t{alignment});
}

void block_cache::do_deallocate(void* p, std::size_t bytes, std::size_t alignment) {
  if (cached_count_ < max_cached_blocks && cached_bytes_ + bytes <= retain_limit_) {
    cache_[cached_count_++] = block{p, bytes, alignment};
    cached_bytes_ += bytes;
    return;
  }
  // Unsized: Clang (unlike GCC) declares the sized forms only with -fsized-deallocation.
  ::operator delete(p, std::align_val_t{alignment});
}

}  // namespace imapkit::detail
