// Parse errors and results.
#pragma once

#include <boost/describe/enum.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "imapkit/options.hpp"

namespace imapkit {

// What kind of failure a parse_error is: the input breaks the grammar, or it goes past one of
// parse_options' limits (it may be valid IMAP that this parser was told not to take).
enum class parse_errc : std::uint8_t {
  syntax,       // the bytes do not follow the grammar at offset
  depth_limit,  // nesting deeper than parse_options::max_depth
  list_limit,   // more items in one list than parse_options::max_list_items
};
BOOST_DESCRIBE_ENUM(parse_errc, syntax, depth_limit, list_limit)

std::string_view to_string(parse_errc kind) noexcept;

// Why a message did not parse. Every field points into static storage, the message or the arena
// the message was parsed into (`expected` may be a copy of the grammar's description there), so
// an error is as cheap to return as a value, and valid as long as the message and the arena.
struct parse_error {
  std::size_t offset = 0;  // byte offset in the message where parsing could not go on
  std::string_view
      production;  // the grammar production that failed (ABNF name, e.g. "resp-text-code")
  std::string_view expected;  // what was expected at offset (a production name or a description)
  std::string_view tag;  // the message's tag when it could be read (so a server can say "tag BAD")
  parse_errc kind = parse_errc::syntax;

  // "offset 12: in flag-list: expected flag"
  std::string message() const;
  friend bool operator==(const parse_error&, const parse_error&) = default;
};

template <class T>
class result {
 public:
  result(T value, quirk_set quirks = {})
      : v_(std::in_place_index<0>, std::move(value)), quirks_(quirks) {}
  result(parse_error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const parse_error& error() const& { return std::get<1>(v_); }
  // The quirks (docs/quirks.md) the message needed: the deviations from the ABNF its parse
  // took. Empty when it follows the ABNF, and after an error.
  quirk_set quirks() const noexcept { return quirks_; }

 private:
  std::variant<T, parse_error> v_;
  quirk_set quirks_{};
};

}  // namespace imapkit
