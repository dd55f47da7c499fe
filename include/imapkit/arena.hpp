// imapkit::arena — per-message memory for parse trees.
//
// A std::pmr::monotonic_buffer_resource whose first block is inline, and whose upstream keeps
// the blocks it was given back on reset() so they can be handed out again for the next message.
// After the first few messages of a stream have grown the arena to the stream's high-water mark,
// parsing allocates nothing on the heap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory_resource>
#include <string_view>

namespace imapkit {

namespace detail {

// Upstream resource of the arena: allocates from the heap, but caches what it is given back
// (the monotonic resource releases everything on reset) and serves later requests of the same
// size and alignment from that cache. Blocks larger than retain_limit are freed instead.
class block_cache final : public std::pmr::memory_resource {
 public:
  static constexpr std::size_t max_cached_blocks = 48;

  explicit block_cache(std::size_t retain_limit) noexcept : retain_limit_(retain_limit) {}
  block_cache(const block_cache&) = delete;
  block_cache& operator=(const block_cache&) = delete;
  ~block_cache() override;

  std::size_t heap_allocations() const noexcept { return heap_allocations_; }
  std::size_t cached_bytes() const noexcept { return cached_bytes_; }

 private:
  struct block {
    void* ptr;
    std::size_t size;
    std::size_t align;
  };

  void* do_allocate(std::size_t bytes, std::size_t alignment) override;
  void do_deallocate(void* p, std::size_t bytes, std::size_t alignment) override;
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override {
    return this == &other;
  }

  std::array<block, max_cached_blocks> cache_{};
  std::size_t cached_count_ = 0;
  std::size_t cached_bytes_ = 0;
  std::size_t retain_limit_;
  std::size_t heap_allocations_ = 0;
};

}  // namespace detail

class arena {
 public:
  // Above a typical response, so that most responses never leave the inline block.
  static constexpr std::size_t inline_size = 16 * 1024;
  // Blocks kept across reset(): enough for a large BODYSTRUCTURE or a SEARCH of 10^6 numbers.
  static constexpr std::size_t default_retain_limit = 64u << 20;

  explicit arena(std::size_t retain_limit = default_retain_limit) noexcept
      : upstream_(retain_limit), resource_(inline_.data(), inline_.size(), &upstream_) {}
  arena(const arena&) = delete;
  arena& operator=(const arena&) = delete;

  std::pmr::memory_resource* resource() noexcept { return &resource_; }

  void* allocate(std::size_t bytes, std::size_t alignment) {
    used_ += bytes;
    return resource_.allocate(bytes, alignment);
  }

  template <class T>
  T* allocate_array(std::size_t count) {
    return static_cast<T*>(allocate(sizeof(T) * count, alignof(T)));
  }

  // Copies bytes into the arena; the view lives until reset().
  std::string_view copy(std::string_view bytes) {
    if (bytes.empty()) return {};
    char* p = allocate_array<char>(bytes.size());
    std::memcpy(p, bytes.data(), bytes.size());
    return {p, bytes.size()};
  }

  // Forgets everything allocated since the last reset; keeps the memory for the next message.
  void reset() noexcept {
    resource_.release();
    used_ = 0;
  }

  // Bytes requested since the last reset (a measure of what a message costs).
  std::size_t bytes_used() const noexcept { return used_; }
  // How many times the arena went to the heap since it was made.
  std::size_t heap_allocations() const noexcept { return upstream_.heap_allocations(); }

 private:
  alignas(std::max_align_t) std::array<std::byte, inline_size> inline_;
  detail::block_cache upstream_;
  std::pmr::monotonic_buffer_resource resource_;
  std::size_t used_ = 0;
};

}  // namespace imapkit
