// Encoders shared by the response and the command serializers (src/serialize_response.cpp,
// src/serialize_command.cpp, src/serialize_search.cpp). Internal to the library.
//
// Every encoder is named after the ABNF production it writes (as the parser rule that reads it
// is), takes the writer and the AST value, and returns false once the writer has failed: the
// first error stops the message and names the production.
#pragma once

#include "imapkit/ast/search.hpp"
#include "imapkit/ast/section.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit::encode {

// section = "[" [section-spec] "]"
bool section(writer& w, const imapkit::section& s);
// section-binary = "[" [section-part] "]"
bool section_binary(writer& w, const imapkit::section& s);
// partial-range = nz-number ":" nz-number / "-" nz-number ":" "-" nz-number   (RFC 9394)
bool partial_range(writer& w, const imapkit::partial_range& r);
// ASCII case-insensitive equality (keywords, names as written).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'a' && a[i] <= 'z' ? static_cast<char>(a[i] - ('a' - 'A')) : a[i];
    const char y = b[i] >= 'a' && b[i] <= 'z' ? static_cast<char>(b[i] - ('a' - 'A')) : b[i];
    if (x != y) return false;
  }
  return true;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// An astring slot that must hold a value (NIL is no astring): userid, quota-root-name, entry...
inline bool astring_value(writer& w, const imapkit::string& s, std::string_view what = "astring") {
  if (!w.ok()) return false;
  if (s.is_nil()) return w.fail(serialize_errc::invalid_value, what);
  return w.astring(s.value);
}

// A list of values separated by SP, each written by `item`; stops at the first failure.
template <class Range, class Item>
bool sp_separated(writer& w, const Range& values, Item&& item) {
  bool first = true;
  for (const auto& v : values) {
    if (!first) w.sp();
    first = false;
    if (!item(v)) return false;
  }
  return w.ok();
}

}  // namespace imapkit::encode

// ---- Command arguments (src/serialize_search.cpp), used by src/serialize_command.cpp ----------
namespace imapkit::encode {

// search-program = [search-return-opts SP] ["CHARSET" SP charset SP] search-key *(SP search-key)
bool search_program(writer& w, const imapkit::search_program& p);
// [sort-return-opts SP] sort-criteria SP search-criteria   (RFC 5256, RFC 5267)
bool sort_program(writer& w, const imapkit::sort_program& p);
// thread-alg SP search-criteria   (RFC 5256)
bool thread_program(writer& w, const imapkit::thread_program& p);
// sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")
// [fetch-modifiers]
bool fetch_program(writer& w, const imapkit::fetch_program& p);
// sequence-set [store-modifiers] SP store-att-flags
bool store_program(writer& w, const imapkit::store_program& p);

}  // namespace imapkit::encode
