// Character classes of RFC 9051 §9 (and RFC 5234 core rules) as one 256-entry table.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace imapkit::grammar::chars {

enum : std::uint16_t {
  atom_char = 1 << 0,     // ATOM-CHAR: any CHAR except atom-specials
  astring_char = 1 << 1,  // ASTRING-CHAR: ATOM-CHAR / resp-specials ("]")
  tag_char = 1 << 2,      // any ASTRING-CHAR except "+"
  text_char = 1 << 3,     // TEXT-CHAR: any CHAR except CR and LF
  quoted_char = 1 << 4,   // any TEXT-CHAR except quoted-specials
  list_char = 1 << 5,     // list-char: ATOM-CHAR / list-wildcards / resp-specials
  digit = 1 << 6,         // DIGIT
  base64_char = 1 << 7,   // base64-char: ALPHA / DIGIT / "+" / "/"
  high_bit = 1 << 8,      // 0x80..0xff: never in an atom, allowed (as UTF-8) in text and quoted
  // Lenient atoms: what real servers put in atoms and flags beyond ATOM-CHAR (docs/quirks.md):
  // "]" and 8-bit octets.
  lenient_atom_char = 1 << 9,
  filter_name_char = 1 << 10,  // filter-name: any ATOM-CHAR except "/" (RFC 5466)
  mechanism_char = 1 << 11,    // URLAUTH mechanism: ALPHA / DIGIT / "-" / "." (RFC 4467)
};

constexpr bool is_ctl(unsigned c) { return c < 0x20 || c == 0x7f; }
constexpr bool is_atom_special(unsigned c) {
  // atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
  return c == '(' || c == ')' || c == '{' || c == ' ' || is_ctl(c) || c == '%' || c == '*' ||
         c == '"' || c == '\\' || c == ']';
}

constexpr std::array<std::uint16_t, 256> make_table() {
  std::array<std::uint16_t, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    std::uint16_t v = 0;
    const bool is_char = c >= 0x01 && c <= 0x7f;  // CHAR
    if (is_char && !is_atom_special(c)) v |= atom_char | lenient_atom_char;
    if ((v & atom_char) || c == ']') v |= astring_char;
    if ((v & astring_char) && c != '+') v |= tag_char;
    if (is_char && c != '\r' && c != '\n') v |= text_char;
    if ((v & text_char) && c != '"' && c != '\\') v |= quoted_char;
    if ((v & atom_char) || c == '%' || c == '*' || c == ']') v |= list_char;
    if (c >= '0' && c <= '9') v |= digit;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
        c == '/')
      v |= base64_char;
    if (c >= 0x80) v |= high_bit | lenient_atom_char;
    if (c == ']') v |= lenient_atom_char;
    if ((v & atom_char) && c != '/') v |= filter_name_char;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.')
      v |= mechanism_char;
    t[c] = v;
  }
  return t;
}

inline constexpr std::array<std::uint16_t, 256> table = make_table();

constexpr bool is(std::uint16_t cls, char c) {
  return (table[static_cast<unsigned char>(c)] & cls) != 0;
}

}  // namespace imapkit::grammar::chars
