// imapkit::string — an IMAP string value and how it arrived on the wire.
#pragma once

#include <boost/describe/enum.hpp>
#include <cstddef>
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

// A literal of a message whose data was streamed rather than held in the message: the
// framer streams literals above framer_limits::stream_literals_above (receiving), a caller
// gives the serializer a literal too large to hold (sending).
struct streamed_literal {
  std::uint64_t size = 0;  // N: the octets streamed
  // Where its data would be in the message as the message event hands it out (streamed data
  // left out): the offset of the byte after the announcement's line end, from the message start.
  std::size_t offset = 0;
  std::uint32_t index = 0;  // 1-based position among the message's streamed literals
  bool binary = false;      // literal8 (~{N})
  friend bool operator==(const streamed_literal&, const streamed_literal&) = default;
};

// The value is a view: into the parsed message when it could be taken as it stood (atoms,
// literals, quoted strings without escapes), or into the arena when a quoted string had to be
// unescaped. It is valid for as long as both the message bytes and the arena are.
//
// A streamed literal (stream != 0) has no value here: its bytes went by as the framer's
// literal_data events (or come from the caller's source when serializing), and `stream` is its
// 1-based index among the message's streamed literals (parse_options::streamed_literals,
// serialize_options::streamed_literals), which give its size.
struct string {
  std::string_view value;
  // Before kind: the two are initialized (and copied) together, which keeps a string as cheap to
  // make as it was before it had a stream index (callgrind: parse_response on `metadata`).
  std::uint32_t stream = 0;
  string_kind kind = string_kind::nil;

  constexpr string() noexcept = default;
  constexpr string(std::string_view v, string_kind k, std::uint32_t s = 0) noexcept
      : value(v), stream(s), kind(k) {}

  constexpr bool is_nil() const noexcept { return kind == string_kind::nil; }
  constexpr bool is_literal() const noexcept {
    return kind == string_kind::literal || kind == string_kind::literal8;
  }
  constexpr bool is_streamed() const noexcept { return stream != 0; }

  static constexpr string nil() noexcept { return {}; }
  static constexpr string atom(std::string_view v) noexcept { return {v, string_kind::atom}; }
  static constexpr string quoted(std::string_view v) noexcept { return {v, string_kind::quoted}; }
  static constexpr string literal(std::string_view v) noexcept { return {v, string_kind::literal}; }
  static constexpr string literal8(std::string_view v) noexcept {
    return {v, string_kind::literal8};
  }
  // The streamed literal `index` (1-based) of its message.
  static constexpr string streamed(std::uint32_t index, bool binary = false) noexcept {
    return {{}, binary ? string_kind::literal8 : string_kind::literal, index};
  }

  // Equality is of meaning, not of representation: NIL equals only NIL, and "abc", {3}abc and
  // the atom abc are the same value. The serializer may choose another representation than the
  // one a value arrived in, and a round trip must still compare equal. A streamed literal equals
  // only the same streamed literal.
  friend constexpr bool operator==(const string& a, const string& b) noexcept {
    return a.is_nil() == b.is_nil() && a.value == b.value && a.stream == b.stream;
  }
};

std::string_view to_string(string_kind kind) noexcept;

}  // namespace imapkit
