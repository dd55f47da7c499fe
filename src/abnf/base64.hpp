// base64 = *(4base64-char) [base64-terminal]   (RFC 9051 §9): the whole of s, "" included. The
// one definition that the grammar (is a continuation request's text base64?) and the public
// imapkit::is_valid_base64 read.
#pragma once

#include <string_view>

#include "abnf/chars.hpp"

namespace imapkit::abnf {

constexpr bool is_base64(std::string_view s) noexcept {
  if (s.size() % 4 != 0) return false;
  std::size_t i = 0;
  while (i < s.size() && grammar::chars::is(grammar::chars::base64_char, s[i])) ++i;
  if (s.size() - i > 2) return false;  // at most two "=" of base64-terminal
  for (; i < s.size(); ++i)
    if (s[i] != '=') return false;
  return true;
}

}  // namespace imapkit::abnf
