// The pieces of a resp-text-code keyword that the grammar and the encoder read, taken from the
// one table that spells them (resp_code_names, imapkit/ast/resp_text_code.hpp): a keyword's
// first word ("METADATA" of "METADATA LONGENTRIES") and what follows it ("LONGENTRIES").
#pragma once

#include <string_view>

#include "imapkit/ast/resp_text_code.hpp"

namespace imapkit::grammar {

// The first word of a code's keyword: the keyword itself but for METADATA's codes.
constexpr std::string_view code_keyword_head(resp_code_kind kind) noexcept {
  const std::string_view keyword = to_string(kind);
  return keyword.substr(0, keyword.find(' '));
}

// What follows the first word and its SP ("LONGENTRIES"); empty for a one-word keyword.
constexpr std::string_view code_keyword_tail(resp_code_kind kind) noexcept {
  const std::string_view keyword = to_string(kind);
  const std::size_t sp = keyword.find(' ');
  return sp == std::string_view::npos ? std::string_view{} : keyword.substr(sp + 1);
}

static_assert(code_keyword_head(resp_code_kind::alert) == "ALERT" &&
              code_keyword_tail(resp_code_kind::alert).empty());
static_assert(code_keyword_head(resp_code_kind::metadata_maxsize) == "METADATA" &&
              code_keyword_tail(resp_code_kind::metadata_maxsize) == "MAXSIZE");

}  // namespace imapkit::grammar
