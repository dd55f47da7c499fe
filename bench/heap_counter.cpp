#include "heap_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

// Sanitizers interpose malloc themselves; there, only operator new is replaced.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define IMAPKIT_BENCH_COUNT_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define IMAPKIT_BENCH_COUNT_MALLOC 0
#endif
#endif
#ifndef IMAPKIT_BENCH_COUNT_MALLOC
#define IMAPKIT_BENCH_COUNT_MALLOC 1
#endif

namespace {

std::atomic<std::size_t> allocation_count{0};
std::atomic<std::size_t> allocated_bytes{0};

// Single-threaded benchmarks: a load and a store, not a locked read-modify-write, so that the
// counting costs every allocator the same few cycles.
inline void count(std::size_t size) noexcept {
  allocation_count.store(allocation_count.load(std::memory_order_relaxed) + 1,
                         std::memory_order_relaxed);
  allocated_bytes.store(allocated_bytes.load(std::memory_order_relaxed) + size,
                        std::memory_order_relaxed);
}

}  // namespace

#if IMAPKIT_BENCH_COUNT_MALLOC

// glibc's own allocator, under the names it exports for exactly this purpose (interposing malloc
// is supported by glibc as long as malloc, free, calloc and realloc are all provided).
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void __libc_free(void* p);

void* malloc(std::size_t size) {
  count(size);
  return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) {
  count(n * size);
  return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) {
  count(size);
  return __libc_realloc(p, size);
}
void free(void* p) { __libc_free(p); }
}

namespace {
inline void* raw_allocate(std::size_t size) noexcept { return __libc_malloc(size); }
}  // namespace

#else

namespace {
inline void* raw_allocate(std::size_t size) noexcept {
  count(size);
  return std::malloc(size);
}
}  // namespace

#endif

void* operator new(std::size_t size) {
#if IMAPKIT_BENCH_COUNT_MALLOC
  count(size);
#endif
  if (void* p = raw_allocate(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, std::align_val_t align) {
  count(size);
  const auto alignment = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment))
    return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return ::operator new(size, align);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
#if IMAPKIT_BENCH_COUNT_MALLOC
  count(size);
#endif
  return raw_allocate(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return ::operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace imapkit::bench {

heap_snapshot heap_now() noexcept {
  return {allocation_count.load(std::memory_order_relaxed),
          allocated_bytes.load(std::memory_order_relaxed)};
}

bool heap_counter_sees_malloc() noexcept { return IMAPKIT_BENCH_COUNT_MALLOC != 0; }

}  // namespace imapkit::bench
