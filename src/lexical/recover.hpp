// Item-level recovery (quirk::item_recovery, docs/quirks.md): an item of a list whose value
// nothing reads is kept as an invalid item with its bytes and its error, and the list goes on.
#pragma once

#include <boost/config.hpp>
#include <string_view>

#include "abnf/chars.hpp"
#include "imapkit/ast/fetch.hpp"  // fetch_invalid: the invalid item's form
#include "lexical/generic.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// The end of a damaged value that starts at p: the first SP or ")" outside parentheses, quoted
// strings and literals ({N}, {N+}, ~{N}, whose N octets are skipped), or nullptr where the end
// is not certain (a CR or LF outside a literal, an unclosed quoted string, a literal whose octets
// are not all there, nesting past max_depth). Where the item may be the last of its line
// (at_line_end), a CR outside parentheses ends the value too. Spaces inside the parentheses may be
// anywhere: the value is not read, only delimited. The octets of a streamed literal
// (parse_options::streamed_literals) are not in the message: nothing is skipped for it.
inline const char* end_of_damaged_value(const char* p, const char* last, const parse_state& st,
                                        bool at_line_end = false) {
  const unsigned max_depth = st.options.max_depth;
  const char* const begin = p;
  unsigned depth = 0;
  while (p != last) {
    const char c = *p;
    if (depth == 0 && (c == ' ' || c == ')' || (at_line_end && c == '\r'))) return p;
    if (c == '\r' || c == '\n') return nullptr;
    if (c == '(') {
      if (++depth > max_depth) return nullptr;
      ++p;
    } else if (c == ')') {
      --depth;
      ++p;
    } else if (c == '"') {
      for (++p; p != last && *p != '"'; ++p) {
        if (*p == '\r' || *p == '\n') return nullptr;
        if (*p == '\\' && ++p == last) return nullptr;
      }
      if (p == last) return nullptr;
      ++p;
    } else if ((c == '{' || (c == '~' && last - p > 1 && p[1] == '{')) &&
               (p == begin || p[-1] == ' ' || p[-1] == '(')) {
      // A literal only where an argument starts, as the framer reads one
      // (find_literal_announcement): "x{3}" is an atom.
      const char* q = p + (c == '~' ? 2 : 1);
      std::uint64_t size = 0;
      const char* digits = q;
      while (q != last && chars::is(chars::digit, *q) && q - digits < 19)
        size = size * 10 + static_cast<unsigned>(*q++ - '0');
      if (q == digits) {  // "{" that starts no literal: a character of an atom
        ++p;
        continue;
      }
      if (q != last && *q == '+') ++q;
      if (last - q < 3 || q[0] != '}' || q[1] != '\r' || q[2] != '\n') return nullptr;
      q += 3;
      if (!st.options.streamed_literals.empty() &&
          find_streamed_literal(st.options.streamed_literals,
                                static_cast<std::size_t>(q - st.begin)) != nullptr)
        size = 0;
      if (static_cast<std::uint64_t>(last - q) < size) return nullptr;
      p = q + size;
    } else {
      ++p;
    }
  }
  return nullptr;
}

// How recover_item keeps an item of type Attribute that nothing reads (specialized beside each
// item's grammar): `production` names the item in an error without a production of its own,
// keep(attr, invalid) stores the invalid item in attr; `form` says how the item is delimited.
template <class Attribute>
struct recovered_item;

// keep() for the items that hold their invalid form themselves (name, invalid_bytes, error):
// the item becomes the invalid one, nothing else set.
template <class Item>
inline void keep_as_invalid(Item& item, const imapkit::fetch_invalid& invalid) {
  item = Item{};
  item.name = invalid.name;
  item.invalid_bytes = invalid.bytes;
  item.error = invalid.error;
}

enum class recovered_form : std::uint8_t {
  name_and_value,          // name SP value, inside parentheses (FETCH items, STATUS attributes)
  name_and_value_on_line,  // name SP value, the last one before CRLF (ESEARCH return data)
  one_token,               // a single token, inside parentheses (LIST attributes): no name
};

// recover_item[item]: item; where it fails on a syntax error and the parse accepts
// quirk::item_recovery, the item is read again as name SP value, the value only delimited
// (end_of_damaged_value), and kept as an invalid item holding its name, bytes and error
// (recovered_item<Attribute>::keep). The value may be missing before ")" (Yandex's "BODY[2] )")
// or, for the last item of a line, before CRLF. A one_token item is only delimited, and has no
// name. Otherwise the first error stands. For the items of a FETCH, a STATUS and an ESEARCH, and
// the attributes of a LIST.
template <class Subject>
struct recover_item_directive : x3::unary_parser<Subject, recover_item_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, recover_item_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr recover_item_directive(const Subject& subject) : base_type(subject) {}

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    parse_state& st = state(ctx);
    const bool failed_before = st.failed();
    const char* const start = first;
    const quirk_set quirks_before = st.quirks_used;
    const bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    if (failed_before || !st.options.quirks.has(quirk::item_recovery)) return ok;
    // Read, but followed by bytes that end no item ("UID 4x", "\Mar"ked""): the item's reading
    // stopped inside it, so it is damaged too. Or not read at all where an item starts (a lone
    // "\"): damaged from its first byte. Where no item starts (")", a second SP), the list's own
    // grammar goes on.
    if (!st.failed() && ends_item<Attribute>(first, last)) return ok;
    return recover(first, last, ctx, rctx, attr, ok, start, quirks_before);
  }

 private:
  template <class Attribute>
  static constexpr bool on_line =
      recovered_item<Attribute>::form == recovered_form::name_and_value_on_line;
  template <class Attribute>
  static bool ends_item(const char* at, const char* last) {
    return at == last || *at == ' ' || (on_line<Attribute> ? *at == '\r' : *at == ')');
  }

  // The rare path, out of line so that the items' loop stays small (callgrind: inlined, it cost
  // the metadata benchmark 1.4% more instructions).
  template <class Context, class RContext, class Attribute>
  BOOST_NOINLINE bool recover(const char*& first, const char* last, const Context& ctx,
                              RContext& rctx, Attribute& attr, bool ok, const char* start,
                              quirk_set quirks_before) const {
    parse_state& st = state(ctx);
    constexpr recovered_form form = recovered_item<Attribute>::form;
    constexpr bool last_on_line = on_line<Attribute>;
    constexpr std::string_view production = recovered_item<Attribute>::production;
    const bool error_recorded = st.failed();
    if (error_recorded && failure_kind(st) != parse_errc::syntax) return ok;
    // Delimit the item (neither step records a failure): one token, or name [SP value].
    imapkit::fetch_invalid invalid;
    const char* p = start;
    bool read;
    if constexpr (form == recovered_form::one_token) {
      read = (p = end_of_damaged_value(p, last, st)) != nullptr && p != start;
    } else {
      read = token_parser{}.parse(p, last, ctx, rctx, invalid.name) && p != last &&
             ((last_on_line && *p == '\r') ||
              (*p == ' ' && (p = end_of_damaged_value(p + 1, last, st, last_on_line)) != nullptr));
    }
    // An item kept as bytes is written back as those bytes: one that holds a streamed literal
    // would go without its octets, so it is not kept (the message fails as without recovery).
    if (read && !st.options.streamed_literals.empty()) {
      const auto from = static_cast<std::size_t>(start - st.begin);
      const auto to = static_cast<std::size_t>(p - st.begin);
      for (const imapkit::streamed_literal& l : st.options.streamed_literals)
        if (l.offset > from && l.offset <= to) read = false;
    }
    if (!read) {
      // Not certain where the item ends: the first error stands, or (an item read only in part)
      // the list's grammar fails after the item, as without recovery.
      if (error_recorded) first = start;
      return ok && !error_recorded;
    }
    if (error_recorded) {
      // Named as run() names a failure (x3/run.hpp): a composite parser names its production.
      invalid.error.offset = static_cast<std::size_t>(st.failed_at - start);
      invalid.error.production = st.failed_production.empty() ? production : st.failed_production;
      invalid.error.expected =
          st.failed_expected.empty() ? invalid.error.production : st.failed_expected;
      st.failed_at = nullptr;
      st.failed_expected = {};
      st.failed_production = {};
    } else {
      invalid.error.offset = static_cast<std::size_t>(first - start);
      invalid.error.production = production;
      invalid.error.expected = ok ? (last_on_line ? "SP or CRLF" : "SP or \")\"") : production;
    }
    invalid.bytes = std::string_view(start, static_cast<std::size_t>(p - start));
    recovered_item<Attribute>::keep(attr, invalid);
    // What the item's failed parse took was not needed (its error may differ with fewer quirks:
    // fetch_invalid's equality leaves the error out).
    st.quirks_used = quirks_before;
    st.quirks_used.add(quirk::item_recovery);
    first = p;
    return true;
  }
};

inline constexpr directive_gen<recover_item_directive> recover_item{};

}  // namespace imapkit::grammar
