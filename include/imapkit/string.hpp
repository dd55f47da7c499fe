// imapkit::string — an IMAP string value and how it arrived on the wire.
#pragma once

#include <boost/describe/enum.hpp>
#include <cstdint>
#include <string_view>

namespace imapkit {

// How a string-like value was (or is to be) represented on the wire.
enum class string_kind : std::uint8_t {
  nil,       // NIL where an nstring allows it: no value at all
  atom,      // a bare atom (astring's 1*ASTRING-CHAR form)
  quoted,    // "..." (value is unescaped)
  literal,   // {N}\r\n... (also {N+})
  literal8,  // ~{N}\r\n... (RFC 3516 / RFC 9051 literal8: may hold NUL)
};
BOOST_DESCRIBE_ENUM(string_kind, nil, atom, quoted, literal, literal8)

// The value is a view: into the parsed message when it could be taken as it stood (atoms,
// literals, quoted strings without escapes), or into the arena when a quoted string had to be
// unescaped. It is valid for as long as both the message bytes and the arena are.
struct string {
  std::string_view value;
  string_kind kind = string_kind::nil;

  constexpr bool is_nil() const noexcept { return kind == string_kind::nil; }
  constexpr bool is_literal() const noexcept {
    return kind == string_kind::literal || kind == string_kind::literal8;
  }

  static constexpr string nil() noexcept { return {}; }
  static constexpr string atom(std::string_view v) noexcept { return {v, string_kind::atom}; }
  static constexpr string quoted(std::string_view v) noexcept { return {v, string_kind::quoted}; }
  static constexpr string literal(std::string_view v) noexcept { return {v, string_kind::literal}; }
  static constexpr string literal8(std::string_view v) noexcept {
    return {v, string_kind::literal8};
  }

  // Equality is of meaning, not of representation: NIL equals only NIL, and "abc", {3}abc and
  // the atom abc are the same value. The serializer may choose another representation than the
  // one a value arrived in, and a round trip must still compare equal.
  friend constexpr bool operator==(const string& a, const string& b) noexcept {
    return a.is_nil() == b.is_nil() && a.value == b.value;
  }
};

std::string_view to_string(string_kind kind) noexcept;

}  // namespace imapkit
