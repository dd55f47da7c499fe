// Well-formed UTF-8 (RFC 3629; Unicode table 3-7: no overlong forms, no surrogates, nothing
// above U+10FFFF). The one definition the grammar (UTF-8 in quoted strings and text), the
// serializer (UTF8=ACCEPT), modified UTF-7 and the CLI's output all read.
#pragma once

#include <cstddef>
#include <string_view>

namespace imapkit {

// Length of the well-formed UTF-8 sequence starting at p (1 to 4; 1 for an ASCII byte), or 0
// when the bytes from p (up to last) do not start one. p < last.
constexpr std::size_t utf8_sequence_length(const char* p, const char* last) noexcept {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  const auto in = [&](std::size_t i, unsigned lo, unsigned hi) { return b(i) >= lo && b(i) <= hi; };
  const std::size_t avail = static_cast<std::size_t>(last - p);
  const unsigned c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return avail >= 2 && in(1, 0x80, 0xbf) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const unsigned lo = c == 0xe0 ? 0xa0 : 0x80;  // below: overlong
    const unsigned hi = c == 0xed ? 0x9f : 0xbf;  // above: surrogates
    return avail >= 3 && in(1, lo, hi) && in(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const unsigned lo = c == 0xf0 ? 0x90 : 0x80;  // below: overlong
    const unsigned hi = c == 0xf4 ? 0x8f : 0xbf;  // above: beyond U+10FFFF
    return avail >= 4 && in(1, lo, hi) && in(2, 0x80, 0xbf) && in(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;  // a continuation byte, C0/C1 (overlong) or F5..FF
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
