// Keyword tables: each enum of the AST whose enumerators are spelled on the wire has one table,
// beside the enum, that pairs each enumerator with its keyword. The grammar, the serializer,
// to_string, the CLI's JSON and the test generators all read that table; no other place spells
// the keyword.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace imapkit {

// One row of an enum's keyword table.
template <class Kind>
struct keyword_row {
  Kind kind;
  std::string_view keyword;  // upper case, as written on the wire
  bool is_keyword = true;    // false: a name for a kind that has no keyword ("extension")
};

// True when the table has one row per enumerator 0 .. count-1, in the enum's order, so that a
// row is found by indexing with the enumerator.
template <class Row, std::size_t N>
constexpr bool rows_in_enum_order(const Row (&rows)[N], std::size_t count) {
  if (N != count) return false;
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(rows[i].kind) != i) return false;
  return true;
}

// The row of `kind`; the last row (a table's catch-all) for a value outside the enum.
template <class Row, std::size_t N>
constexpr const Row& row_of(const Row (&rows)[N], decltype(Row::kind) kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return rows[i < N ? i : N - 1];
}

}  // namespace imapkit
