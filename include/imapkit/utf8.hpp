// Well-formed UTF-8 (RFC 3629; Unicode table 3-7: no overlong forms, no surrogates, nothing
// above U+10FFFF). The one definition the grammar (UTF-8 in quoted strings and text), the
// serializer (UTF8=ACCEPT), modified UTF-7 and the CLI's output all read.
#pragma once

#include <cstddef>
#include <string_view>

namespace imapkit {

// Length of the well-formed multi-byte sequence (UTF8-2 / UTF8-3 / UTF8-4) starting at p, or 0
// when the bytes from p (up to last) do not start one. p < last; *p is normally >= 0x80 (an ASCII
// byte gives 0: it is no multi-byte sequence). The grammar calls this on the rare 8-bit byte of
// its scans, so it stays small enough not to change what the compiler inlines around them.
constexpr std::size_t utf8_multibyte_length(const char* p, const char* last) noexcept {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  const auto cont = [&](std::size_t i) { return (b(i) & 0xc0) == 0x80; };
  const std::size_t avail = static_cast<std::size_t>(last - p);
  const unsigned c = b(0);
  if (c >= 0xc2 && c <= 0xdf) return avail >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (avail < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xe0 && b(1) < 0xa0) return 0;  // overlong
    if (c == 0xed && b(1) > 0x9f) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (avail < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xf0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xf4 && b(1) > 0x8f) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;  // ASCII, a continuation byte, C0/C1 (overlong) or F5..FF
}

// Length of the well-formed UTF-8 sequence starting at p (1 to 4; 1 for an ASCII byte), or 0.
// p < last.
constexpr std::size_t utf8_sequence_length(const char* p, const char* last) noexcept {
  return static_cast<unsigned char>(*p) < 0x80 ? 1 : utf8_multibyte_length(p, last);
}

// s is well-formed UTF-8 (ASCII included).
constexpr bool is_valid_utf8(std::string_view s) noexcept {
  const char* p = s.data();
  const char* const last = p + s.size();
  while (p != last) {
    const std::size_t n = utf8_sequence_length(p, last);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

static_assert(is_valid_utf8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));
static_assert(!is_valid_utf8("\xc0\xaf") && !is_valid_utf8("\xe0\x80\xaf"));  // overlong
static_assert(!is_valid_utf8("\xed\xa0\x80") && !is_valid_utf8("\xf4\x90\x80\x80"));

}  // namespace imapkit
