// The lexical encoders and helpers every area's encoders share (src/<area>/encode_*.cpp): the
// floor under them, as src/lexical/*.hpp is the floor under the grammar. Internal to the library.
//
// Every encoder is named after the ABNF production it writes (as the parser rule that reads it
// is), takes the writer and the AST value, and returns false once the writer has failed: the
// first error stops the message and names the production.
#pragma once

#include <initializer_list>
#include <string_view>

#include "abnf/ascii.hpp"
#include "abnf/chars.hpp"
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

using abnf::find_keyword;
using abnf::iequals;

// kind is an enumerator of a keyword table whose row is a keyword: not a catch-all ("extension")
// and not a value outside the enum.
template <class Row, std::size_t N>
constexpr bool is_keyword_kind(const Row (&rows)[N], decltype(Row::kind) kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < N && rows[i].is_keyword;
}

using abnf::is_digit;
using abnf::istarts_with;

// What the parser's whole_kw(word) would match at the start of s: the word, then no ASTRING-CHAR.
inline bool starts_with_keyword(std::string_view s, std::string_view word) noexcept {
  return istarts_with(s, word) &&
         (s.size() == word.size() ||
          !grammar::chars::is(grammar::chars::astring_char, s[word.size()]));
}

inline bool is_empty_set(const imapkit::sequence_set& s) noexcept {
  return s.ranges.empty() && !s.last_command;
}

inline bool is_nil_value(const imapkit::generic_value& v) noexcept {
  return v.kind == generic_value::kind_t::nil && v.text == imapkit::string{} && v.items.empty();
}

// Writes the name as written when it names the keyword (so its case round-trips), else the
// keyword.
inline void keyword(writer& w, std::string_view name, std::string_view word) {
  w.raw(iequals(name, word) ? name : word);
}

// "X-" atom: a vendor search key, sort key or fetch item.
inline bool is_vendor_name(std::string_view s) {
  return s.size() >= 2 && (s[0] == 'X' || s[0] == 'x') && s[1] == '-' && is_valid_atom(s);
}

// objectid = 1*255(ALPHA / DIGIT / "_" / "-")   (RFC 8474)
bool objectid(writer& w, std::string_view id);
// mod-sequence-value = 1*DIGIT, 1 <= n <= 2^63-1   (RFC 7162 §7). 0 is refused: lenient parsing
// reads a peer's 0 (docs/quirks.md), but a writer never sends one.
bool mod_sequence_value(writer& w, std::uint64_t n);
// uid-set = (uniqueid / uid-range) *("," uid-set): no "*", no "$"
bool uid_set(writer& w, const imapkit::sequence_set& s);
// capability = ("AUTH=" auth-type) / atom
bool capability(writer& w, std::string_view c);
// charset = atom / quoted
bool charset(writer& w, const imapkit::string& c);
// tagged-ext-label = tagged-label-fchar *tagged-label-char   (RFC 4466)
bool tagged_ext_label(writer& w, std::string_view s);
// tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"   (RFC 4466, as the parser
// takes a value after an option label)
bool tagged_ext_val(writer& w, const imapkit::generic_value& v);
// What the parser takes for the start of a tagged-ext-val after a label (lexical/modifiers.hpp):
// a digit, "*", "$", "(" or "-" DIGIT. A token that starts so, after a label without a value,
// would be read as that label's value.
constexpr bool starts_like_tagged_ext_val(std::string_view t) noexcept {
  return !t.empty() && (is_digit(t[0]) || t[0] == '*' || t[0] == '$' || t[0] == '(' ||
                        (t[0] == '-' && t.size() > 1 && is_digit(t[1])));
}

// True when t is not empty and every octet of it is of the character class cls (abnf/chars.hpp):
// filter-name, URLAUTH's mechanism.
inline bool all_of_class(std::string_view t, std::uint16_t cls) noexcept {
  if (t.empty()) return false;
  for (char c : t)
    if (!grammar::chars::is(cls, c)) return false;
  return true;
}

// list-mailbox = 1*list-char / string   (LIST's pattern, RFC 5257's entry-match)
inline bool list_mailbox(writer& w, const imapkit::string& s) {
  if (!w.ok()) return false;
  if (s.is_nil()) return w.fail(serialize_errc::invalid_value, "list-mailbox");
  if (!s.is_streamed() && all_of_class(s.value, grammar::chars::list_char)) {
    w.raw(s.value);
    return w.ok();
  }
  return w.string(s);
}

// An astring slot that must hold a value (NIL is no astring): userid, quota-root-name, entry...
inline bool astring_value(writer& w, const imapkit::string& s, std::string_view what = "astring") {
  if (!w.ok()) return false;
  if (s.is_nil()) return w.fail(serialize_errc::invalid_value, what);
  return w.astring(s);
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

// An extension option (search-ret-opt-ext, fetch-modifier, store-modifier): label [SP value].
// A label must not be one of the keywords of the context's keyword table, and a label starting
// "-" DIGIT after an option without value would be read as that option's value.
template <class Option, class Rows>
bool tagged_ext_item(writer& w, const Option& o, bool after_valueless, const Rows& keywords,
                     std::string_view what) {
  if (find_keyword(keywords, o.name)) return w.fail(serialize_errc::invalid_value, what);
  if (after_valueless && o.name.size() > 1 && o.name[0] == '-' && is_digit(o.name[1]))
    return w.fail(serialize_errc::invalid_value, what);
  if (!tagged_ext_label(w, o.name)) return false;
  if (o.value) {
    w.sp();
    return tagged_ext_val(w, *o.value);
  }
  return w.ok();
}

// "(" modifier *(SP modifier) ")" for fetch-modifiers / store-modifiers (without the SP before)
template <class Modifier, class Encode>
bool modifiers(writer& w, const list<Modifier>& mods, Encode&& encode) {
  w.raw("(");
  bool after_valueless = false;
  if (!sp_separated(w, mods, [&](const Modifier& m) {
        const bool ok = encode(m, after_valueless);
        after_valueless = !m.name.empty() && !m.value;
        return ok;
      }))
    return false;
  w.raw(")");
  return w.ok();
}

}  // namespace imapkit::encode
