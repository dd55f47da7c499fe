// Shared by the harnesses: checks that abort (so that libFuzzer, and the replay programs run by
// ctest, report them as crashes) and a reader that turns the fuzzer's bytes into choices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// A property of the code under test that must hold for every input. Unlike assert() it is never
// compiled out, since the fuzz preset builds RelWithDebInfo (-DNDEBUG).
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace imapkit::fuzz {

// Reads choices from the front of the input. Past its end every read returns 0 / empty, so a
// short input is still a valid (if dull) program for the harness.
class byte_reader {
 public:
  byte_reader(const std::uint8_t* data, std::size_t size) noexcept
      : data_(reinterpret_cast<const char*>(data), size) {}
  explicit byte_reader(std::string_view data) noexcept : data_(data) {}

  bool empty() const noexcept { return data_.empty(); }
  std::size_t remaining() const noexcept { return data_.size(); }

  std::uint8_t byte() noexcept {
    if (data_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(data_.front());
    data_.remove_prefix(1);
    return b;
  }

  bool flag() noexcept { return (byte() & 1) != 0; }

  // A value in [0, bound) (bound > 0), from as many bytes as bound needs.
  std::uint64_t below(std::uint64_t bound) noexcept {
    std::uint64_t value = 0;
    for (std::uint64_t span = bound - 1; span != 0; span >>= 8) value = (value << 8) | byte();
    return value % bound;
  }

  std::uint64_t u64() noexcept {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | byte();
    return value;
  }

  // Up to n bytes.
  std::string_view bytes(std::size_t n) noexcept {
    const std::string_view out = data_.substr(0, n);
    data_.remove_prefix(out.size());
    return out;
  }

  // A length-prefixed string: one length byte, then that many bytes (fewer at the end).
  std::string_view short_string() noexcept { return bytes(byte()); }

  // Everything left.
  std::string_view rest() noexcept { return bytes(data_.size()); }

 private:
  std::string_view data_;
};

// A generic message's name that is a status word (OK, NO, BAD, PREAUTH, BYE, in any case of its
// letters): the generic grammar reads the rest of such a line as resp-text.
inline bool is_status_word(std::string_view name) {
  for (std::string_view word : {"OK", "NO", "BAD", "PREAUTH", "BYE"}) {
    if (name.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i)
      same =
          same && ((name[i] >= 'a' && name[i] <= 'z') ? name[i] - ('a' - 'A') : name[i]) == word[i];
    if (same) return true;
  }
  return false;
}

}  // namespace imapkit::fuzz
