// imapkit::list — a growable array whose memory lives in an arena.
//
// The parse tree is a tree of views: a list does not own its elements' memory (the arena does),
// copying a list copies the view, and the tree is valid until the arena is reset. Because the
// allocator must be named at every push_back, no element can end up on the heap by accident.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>

#include "imapkit/arena.hpp"

namespace imapkit {

template <class T>
class list {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using const_iterator = const T*;
  using iterator = const T*;

  constexpr list() noexcept = default;

  const T* begin() const noexcept { return data_; }
  const T* end() const noexcept { return data_ + size_; }
  const T* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  const T& front() const noexcept { return data_[0]; }
  const T& back() const noexcept { return data_[size_ - 1]; }
  std::span<const T> span() const noexcept { return {data_, size_}; }

  // Mutable access for the code that builds a tree.
  T* mutable_data() noexcept { return data_; }
  T& mutable_back() noexcept { return data_[size_ - 1]; }

  void push_back(arena& mem, const T& value) {
    if (size_ == capacity_) grow(mem);
    data_[size_++] = value;
  }

  T& emplace_back(arena& mem) {
    if (size_ == capacity_) grow(mem);
    data_[size_] = T{};
    return data_[size_++];
  }

  void clear() noexcept { size_ = 0; }
  void pop_back() noexcept { --size_; }

  friend bool operator==(const list& a, const list& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  void grow(arena& mem) {
    // Elements are views (string_views, numbers, other lists), so moving them is a memcpy.
    static_assert(std::is_trivially_copyable_v<T>, "arena lists hold trivially copyable views");
    const std::uint32_t new_capacity = capacity_ == 0 ? 4 : capacity_ * 2;
    T* fresh = mem.allocate_array<T>(new_capacity);
    if (size_ != 0) std::memcpy(static_cast<void*>(fresh), data_, sizeof(T) * size_);
    data_ = fresh;
    capacity_ = new_capacity;
  }

  T* data_ = nullptr;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = 0;
};

}  // namespace imapkit
