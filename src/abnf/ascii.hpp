// ASCII case: IMAP keywords, atoms and names are case-insensitive for the letters A-Z only (RFC
// 9051 §4.1); octets outside them, 8-bit ones included, compare as they are. The one definition
// of case folding that the grammar, the encoders and the names tables read.
#pragma once

#include <string_view>

namespace imapkit::abnf {

constexpr char to_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// a and b equal but for the case of their letters.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_upper(a[i]) != to_upper(b[i])) return false;
  return true;
}

// s starts with prefix but for the case of their letters.
constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// s equals the upper-case word but for the case of s's letters (word is written upper-case).
constexpr bool iequals_upper(std::string_view s, std::string_view upper_word) noexcept {
  if (s.size() != upper_word.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (to_upper(s[i]) != upper_word[i]) return false;
  return true;
}

// The row of a keyword table (include/imapkit/ast/keywords.hpp) whose keyword `name` spells,
// ASCII case-insensitively; nullptr when none does.
template <class Row, std::size_t N>
constexpr const Row* find_keyword(const Row (&rows)[N], std::string_view name) noexcept {
  for (const Row& row : rows)
    if (row.is_keyword && iequals_upper(name, row.keyword)) return &row;
  return nullptr;
}

}  // namespace imapkit::abnf
