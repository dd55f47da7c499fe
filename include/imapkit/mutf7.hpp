// imapkit::mutf7 — the modified UTF-7 of IMAP mailbox names (RFC 3501 §5.1.3).
//
// Printable US-ASCII other than '&' stands for itself, '&' is "&-", and every other character is
// UTF-16 in modified BASE64 (RFC 2152 base64 with ',' for '/', no '=' padding) between '&' and
// '-'. The encoder produces the one canonical form; the decoder accepts only that form, so for
// every string it accepts, encoding the result gives back the same bytes. That is what lets a
// server compare mailbox names byte for byte, as RFC 3501 asks it to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "imapkit/utf8.hpp"

namespace imapkit {

enum class mutf7_errc : std::uint8_t {
  ok,
  invalid_utf8,        // encoder input: overlong, truncated, surrogate, > U+10FFFF, stray byte
  bad_base64,          // a shift holds a character outside the modified BASE64 alphabet, or
                       // more characters than its UTF-16 needs (a partial code unit)
  unterminated_shift,  // "&..." with no closing '-' (offset: the '&')
  empty_shift,         // a shift that holds no whole UTF-16 code unit, e.g. "&A-" (offset: '&')
  non_canonical,       // printable ASCII (or '&') in BASE64, "&..-&..-" (a superfluous shift),
                       // or non-zero padding bits at the end of a shift
  invalid_utf16,       // unpaired surrogate in a shift (offset: where its code unit starts)
  invalid_byte,        // a byte outside 0x20..0x7e, which modified UTF-7 never contains
};

// "invalid UTF-8", "bad modified BASE64", ... for messages.
std::string_view to_string(mutf7_errc e) noexcept;

struct mutf7_result {
  mutf7_errc error = mutf7_errc::ok;
  std::size_t offset = 0;  // byte offset of the problem in the input

  constexpr explicit operator bool() const noexcept { return error == mutf7_errc::ok; }
  friend bool operator==(const mutf7_result&, const mutf7_result&) = default;
};

// UTF-8 -> modified UTF-7, appended to out. On invalid UTF-8 fails with invalid_utf8 at the
// first byte of the bad sequence and leaves out as it was.
mutf7_result mutf7_encode(std::string_view utf8, std::string& out);

// Modified UTF-7 -> UTF-8, appended to out. Strict: anything but the canonical encoding fails
// (see mutf7_errc), and out is left as it was. A shift may encode any character that is not
// printable ASCII, including controls such as U+0000 ("&AAA-"); whether such names are
// acceptable is for the caller to decide.
mutf7_result mutf7_decode(std::string_view mutf7, std::string& out);

std::optional<std::string> to_mutf7(std::string_view utf8);
std::optional<std::string> from_mutf7(std::string_view mutf7);

// True when s is printable US-ASCII without '&', so that it is its own encoding (and decoding):
// callers can then use the name as it stands and skip the codec.
constexpr bool is_mutf7_identity(std::string_view s) noexcept {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e || c == '&') return false;
  }
  return true;
}

// Length of the encoding of utf8, or nullopt when utf8 is not valid UTF-8. Lets a caller size a
// buffer before mutf7_encode_to.
std::optional<std::size_t> mutf7_encoded_size(std::string_view utf8) noexcept;

namespace detail {

inline constexpr char32_t bad_code_point = 0xFFFFFFFF;

// Decodes the code point at s[i] and advances i past it; on an invalid sequence returns
// bad_code_point and leaves i alone. Follows Unicode table 3-7 (well-formed UTF-8), which rules
// out overlongs, surrogates and anything above U+10FFFF.
constexpr char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const std::size_t len = utf8_sequence_length(s.data() + i, s.data() + s.size());
  if (len == 0) return bad_code_point;
  const auto byte = [&](std::size_t k) -> std::uint32_t {
    return static_cast<unsigned char>(s[i + k]);
  };
  std::uint32_t cp = len == 1 ? byte(0) : byte(0) & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  i += len;
  return cp;
}

// ok, or invalid_utf8 at the first byte of the first bad sequence.
constexpr mutf7_result validate_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (next_code_point(s, i) == bad_code_point) return {mutf7_errc::invalid_utf8, start};
  }
  return {};
}

inline constexpr char base64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

constexpr bool is_direct(char32_t c) noexcept { return c >= 0x20 && c <= 0x7e && c != '&'; }

}  // namespace detail

template <class Out>
struct mutf7_encode_to_result {
  Out out;              // one past the last character written
  mutf7_result status;  // on failure nothing has been written
};

// UTF-8 -> modified UTF-7 into any output iterator (a char* buffer of mutf7_encoded_size bytes,
// a back_inserter, ...), without allocating. The input is validated before anything is written.
template <std::output_iterator<char> Out>
constexpr mutf7_encode_to_result<Out> mutf7_encode_to(std::string_view utf8, Out out) {
  if (const mutf7_result r = detail::validate_utf8(utf8); !r) return {std::move(out), r};

  bool shifted = false;
  std::uint32_t bits = 0;  // pending bits of the BASE64 run, nbits of them (< 6 between units)
  int nbits = 0;
  const auto put = [&](char c) {
    *out = c;
    ++out;
  };
  const auto put_unit = [&](std::uint32_t unit) {
    bits = (bits << 16) | unit;
    nbits += 16;
    while (nbits >= 6) {
      nbits -= 6;
      put(detail::base64_alphabet[(bits >> nbits) & 0x3F]);
    }
    bits &= (1u << nbits) - 1;
  };
  const auto unshift = [&] {
    // Pad the last sextet with zero bits; always close with '-' (no implicit shift back).
    if (nbits > 0) put(detail::base64_alphabet[(bits << (6 - nbits)) & 0x3F]);
    put('-');
    bits = 0;
    nbits = 0;
    shifted = false;
  };

  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = detail::next_code_point(utf8, i);
    if (cp < 0x80 && (detail::is_direct(cp) || cp == '&')) {
      if (shifted) unshift();
      put(static_cast<char>(cp));
      if (cp == '&') put('-');
      continue;
    }
    // Consecutive non-ASCII characters share one shift: "&a-&b-" is forbidden.
    if (!shifted) {
      put('&');
      shifted = true;
    }
    if (cp < 0x10000) {
      put_unit(cp);
    } else {
      put_unit(0xD800 + ((cp - 0x10000) >> 10));
      put_unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  if (shifted) unshift();
  return {std::move(out), {}};
}

}  // namespace imapkit
