// Parser options and limits. Every limit has a safe default; going past one is a clean error.
#pragma once

#include <cstddef>
#include <cstdint>

namespace imapkit {

enum class parse_mode : std::uint8_t {
  strict,   // the ABNF of RFC 9051 / RFC 3501 and the extensions, nothing else
  lenient,  // also the documented deviations of real servers (docs/quirks.md)
};

struct parse_options {
  parse_mode mode = parse_mode::strict;
  // Nesting depth of parenthesised lists, BODYSTRUCTURE parts, THREAD lists and search keys.
  unsigned max_depth = 100;
  // Items in one list (flags, search results, FETCH items, ...).
  std::size_t max_list_items = 1u << 20;

  static constexpr parse_options lenient() noexcept {
    parse_options o;
    o.mode = parse_mode::lenient;
    return o;
  }
  static constexpr parse_options strict() noexcept { return {}; }
};

}  // namespace imapkit
