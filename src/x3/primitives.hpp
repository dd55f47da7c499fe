// Hand-written X3 primitive parsers for the lexical hot path: character runs, keywords,
// numbers, quoted strings and literals. Each is an x3::parser, so rules compose them with the
// ordinary X3 operators; each is written out by hand because these few loops are where a parser
// spends its time, and because a literal must advance the iterator by a count it has just read.
//
// Once a primitive has seen the byte that commits it (the DQUOTE of a quoted string, the "{" of
// a literal) a malformed rest is an expectation failure at the exact offset, not a soft miss.
#pragma once

#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "abnf/ascii.hpp"
#include "abnf/chars.hpp"
#include "imapkit/ast/keywords.hpp"
#include "imapkit/framer.hpp"
#include "imapkit/string.hpp"
#include "imapkit/utf8.hpp"
#include "x3/context.hpp"

namespace imapkit::grammar::primitives {

template <class Value, class Attribute>
inline void assign(Value&& value, Attribute& attr) {
  x3::traits::move_to(std::forward<Value>(value), attr);
}

// 1*<char of Class>, or where the parse accepts quirk Quirk, 1*<char of Class or LenientClass>.
// Yields the run.
template <std::uint16_t Class, std::uint16_t LenientClass = Class,
          quirk Quirk = quirk::eight_bit_text>
struct char_run_parser : x3::parser<char_run_parser<Class, LenientClass, Quirk>> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;
  const char* name;

  constexpr explicit char_run_parser(const char* n) : name(n) {}

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last && chars::is(Class, *p)) ++p;
    if constexpr (Class != LenientClass) {
      if (p != last && chars::is(LenientClass, *p) && state(ctx).take(Quirk))
        while (p != last && chars::is(Class | LenientClass, *p)) ++p;
    }
    if (p == first) return false;
    assign(std::string_view(first, static_cast<std::size_t>(p - first)), attr);
    first = p;
    return true;
  }
};

// A keyword of the grammar, matched ASCII case-insensitively (ABNF strings are).
// The word must be given in upper case.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;

  constexpr explicit keyword_parser(std::string_view w) : word(w) {}

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&, Attribute&) const {
    if (static_cast<std::size_t>(last - first) < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (abnf::to_upper(first[i]) != word[i]) return false;
    first += word.size();
    return true;
  }
};

constexpr keyword_parser kw(std::string_view word) { return keyword_parser{word}; }

// A keyword that must end where an atom ends: "NIL" but not the "NIL" of "NILS".
struct whole_keyword_parser : x3::parser<whole_keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;

  constexpr explicit whole_keyword_parser(std::string_view w) : word(w) {}

  // Forced inline: the keyword tables expand to one of these per keyword, and out of line (as GCC
  // chose once the FETCH item rule grew an alternative) the command benchmark took 7 % more
  // instructions (callgrind).
  template <class Context, class RContext, class Attribute>
  BOOST_FORCEINLINE bool parse(const char*& first, const char* last, const Context& ctx,
                               RContext& rctx, Attribute& attr) const {
    const char* p = first;
    if (!keyword_parser{word}.parse(p, last, ctx, rctx, attr)) return false;
    if (p != last && chars::is(chars::astring_char, *p)) return false;
    first = p;
    return true;
  }
};

constexpr whole_keyword_parser whole_kw(std::string_view word) {
  return whole_keyword_parser{word};
}

// _val.*Member = Value; _val = Value when Member is nullptr
template <auto Member, auto Value>
inline constexpr auto set_member_to = [](auto& ctx) {
  if constexpr (std::is_null_pointer_v<decltype(Member)>)
    x3::_val(ctx) = Value;
  else
    x3::_val(ctx).*Member = Value;
};

// The indices of the rows of a keyword table (include/imapkit/ast/keywords.hpp) that are
// keywords and that Keep (a constexpr function of a row) accepts.
template <const auto& Rows, auto Keep>
constexpr auto keyword_row_indices() {
  constexpr std::size_t count = [] {
    std::size_t n = 0;
    for (const auto& row : Rows) n += row.is_keyword && Keep(row);
    return n;
  }();
  std::array<std::size_t, count> indices{};
  std::size_t i = 0;
  for (std::size_t r = 0; r < std::size(Rows); ++r)
    if (Rows[r].is_keyword && Keep(Rows[r])) indices[i++] = r;
  return indices;
}

template <const auto& Rows, auto Member, auto Keep, std::size_t... I>
constexpr auto keyword_alternatives_impl(std::index_sequence<I...>) {
  constexpr auto rows = keyword_row_indices<Rows, Keep>();
  return (... | whole_kw(Rows[rows[I]].keyword)[set_member_to<Member, Rows[rows[I]].kind>]);
}

// One alternative of whole_kw(row.keyword)[_val.*Member = row.kind] (or _val = row.kind when
// Member is nullptr) for every keyword of a keyword table that Keep accepts: the grammar reads
// its keywords from the table that spells them. Whole keywords make the order of the
// alternatives irrelevant. constexpr, as every variable template of the grammar that a rule
// copies must be: a variable template's dynamic initialization is unordered, and with Clang a
// rule copied such a parser while it was still zero.
template <const auto& Rows, auto Member, auto Keep>
inline constexpr auto keyword_alternatives = keyword_alternatives_impl<Rows, Member, Keep>(
    std::make_index_sequence<keyword_row_indices<Rows, Keep>().size()>{});

// Keeps for keyword_alternatives: every row; every row but Kind's (whose keyword takes an
// argument).
template <class Row>
constexpr bool every_row(const Row&) {
  return true;
}

template <auto Kind>
constexpr bool all_but(const keyword_row<decltype(Kind)>& row) {
  return row.kind != Kind;
}

// number (32-bit, RFC 9051 §9), number64 (63-bit), nz-number (non-zero, no leading zero).
enum class number_kind { number, number64, nz_number };

template <class T, number_kind Kind>
struct number_parser : x3::parser<number_parser<T, Kind>> {
  using attribute_type = T;
  static bool const has_attribute = true;
  static constexpr std::string_view expected_name = Kind == number_kind::nz_number  ? "nz-number"
                                                    : Kind == number_kind::number64 ? "number64"
                                                                                    : "number";

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    const char* p = first;
    if (p == last || !chars::is(chars::digit, *p)) return false;
    if (Kind == number_kind::nz_number && *p == '0') return false;
    constexpr std::uint64_t max = Kind == number_kind::number64
                                      ? static_cast<std::uint64_t>(INT64_MAX)
                                      : std::numeric_limits<std::uint32_t>::max();
    std::uint64_t value = 0;
    for (; p != last && chars::is(chars::digit, *p); ++p) {
      const unsigned d = static_cast<unsigned>(*p - '0');
      if (value > (max - d) / 10) return false;  // does not fit: not a number of this kind
      value = value * 10 + d;
    }
    assign(static_cast<T>(value), attr);
    first = p;
    return true;
  }
};

// A size (body-fld-octets): a number of Kind; in lenient mode a negative number, "-1" (Exchange,
// SmarterMail) or "-2" (seznam.cz), is an unknown size and reads as 0 (docs/quirks.md). A
// primitive rather than one more alternative of the BODYSTRUCTURE rules, which changed how the
// compiler inlined them: up to 11% more instructions on the metadata benchmark (callgrind).
template <class T, number_kind Kind>
struct size_parser : x3::parser<size_parser<T, Kind>> {
  using attribute_type = T;
  static bool const has_attribute = true;
  static constexpr std::string_view expected_name = number_parser<T, Kind>::expected_name;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    if (first != last && *first == '-') {
      const char* p = first + 1;
      if (p == last || !chars::is(chars::digit, *p) || !state(ctx).take(quirk::negative_sizes))
        return false;
      while (p != last && chars::is(chars::digit, *p)) ++p;
      assign(T{0}, attr);
      first = p;
      return true;
    }
    return number_parser<T, Kind>{}.parse(first, last, ctx, rctx, attr);
  }
};

// quoted = DQUOTE *QUOTED-CHAR DQUOTE, with "\" quoted-specials escapes. RFC 9051 allows UTF-8
// in quoted strings; strict mode wants it well formed, lenient mode takes any 8-bit octet and,
// after a backslash, any TEXT-CHAR (docs/quirks.md). A string with no escape is a view into the
// message; one with escapes is unescaped once into the arena.
struct quoted_parser : x3::parser<quoted_parser> {
  using attribute_type = imapkit::string;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    if (first == last || *first != '"') return false;
    parse_state& st = state(ctx);
    const char* p = first + 1;
    const char* body = p;
    bool has_escape = false;
    for (;;) {
      if (p == last) return fail(ctx, p, "closing DQUOTE of quoted");
      const char c = *p;
      if (c == '"') break;
      if (c == '\\') {
        if (p + 1 == last) return fail(ctx, p + 1, "quoted-specials after \\");
        const char e = p[1];
        if (e != '"' && e != '\\' &&
            !(chars::is(chars::text_char, e) && st.take(quirk::unknown_quoted_escape)))
          return fail(ctx, p + 1, "quoted-specials after \\");
        has_escape = true;
        p += 2;
      } else if (chars::is(chars::quoted_char, c)) {
        ++p;
      } else if (chars::is(chars::high_bit, c)) {
        const std::size_t n = utf8_multibyte_length(p, last);
        if (n == 0 && !st.take(quirk::eight_bit_text)) return fail(ctx, p, "UTF-8 in quoted");
        p += n == 0 ? 1 : n;
      } else {
        return fail(ctx, p, "QUOTED-CHAR or DQUOTE");
      }
    }
    std::string_view value(body, static_cast<std::size_t>(p - body));
    if (has_escape) value = unescape(value, st.mem);
    assign(imapkit::string::quoted(value), attr);
    first = p + 1;
    return true;
  }

  static std::string_view unescape(std::string_view raw, imapkit::arena& mem) {
    char* out = mem.allocate_array<char>(raw.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\') ++i;
      out[n++] = raw[i];
    }
    return {out, n};
  }
};

// literal  = "{" number64 ["+"] "}" CRLF *CHAR8   (RFC 9051; "+" is RFC 7888's LITERAL+)
// literal8 = "~{" number64 ["+"] "}" CRLF *OCTET  (RFC 3516 / RFC 9051)
// The framer has already put the N octets in the message, so the literal is a view of them.
// CHAR8 excludes NUL: strict mode rejects a NUL in a literal, lenient mode lets it through.
template <bool Binary>
struct literal_parser : x3::parser<literal_parser<Binary>> {
  using attribute_type = imapkit::string;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    const char* p = first;
    if (Binary) {
      if (p == last || *p != '~') return false;
      ++p;
    }
    if (p == last || *p != '{') return false;
    ++p;
    const char* digits = p;
    std::uint64_t size = 0;
    while (p != last && chars::is(chars::digit, *p)) {
      if (size > (static_cast<std::uint64_t>(INT64_MAX) - 9) / 10)
        return fail(ctx, digits, "number64 literal size");
      size = size * 10 + static_cast<unsigned>(*p - '0');
      ++p;
    }
    if (p == digits) return fail(ctx, p, "number64 literal size");
    if (p != last && *p == '+') ++p;
    if (p == last || *p != '}') return fail(ctx, p, "\"}\" of literal");
    ++p;
    if (last - p < 2 || p[0] != '\r' || p[1] != '\n')
      return fail(ctx, p, "CRLF after literal size");
    p += 2;
    if (!state(ctx).options.streamed_literals.empty()) {
      // Out of line: only a message with streamed literals goes there, and the hot path of
      // every quoted-or-literal string stays as small as it was.
      const imapkit::streamed_literal* literal = imapkit::find_streamed_literal(
          state(ctx).options.streamed_literals, static_cast<std::size_t>(p - state(ctx).begin));
      if (literal != nullptr) {
        if (literal->size != size) return fail(ctx, digits, "the size of the streamed literal");
        assign(imapkit::string::streamed(literal->index, Binary), attr);
        first = p;  // its octets are not in the message
        return true;
      }
    }
    if (static_cast<std::uint64_t>(last - p) < size)
      return fail(ctx, last, "all the octets the literal announced");
    const std::string_view data(p, static_cast<std::size_t>(size));
    if (!Binary) {
      const void* nul = std::memchr(data.data(), 0, data.size());
      if (nul != nullptr && !state(ctx).take(quirk::nul_in_literal))
        return fail(ctx, static_cast<const char*>(nul),
                    "CHAR8 (a literal cannot hold NUL; literal8 can)");
    }
    assign(Binary ? imapkit::string::literal8(data) : imapkit::string::literal(data), attr);
    first = p + size;
    return true;
  }
};

// date-day "-" date-month "-" date-year, and date-time's fixed form; see lexical.hpp.
struct month_parser : x3::parser<month_parser> {
  using attribute_type = std::uint8_t;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    static constexpr std::string_view months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    if (last - first < 3) return false;
    char up[3];
    for (int i = 0; i < 3; ++i) up[i] = abnf::to_upper(first[i]);
    for (std::uint8_t m = 0; m < 12; ++m) {
      if (std::string_view(up, 3) == months[m]) {
        assign(static_cast<std::uint8_t>(m + 1), attr);
        first += 3;
        return true;
      }
    }
    return false;
  }
};

// n DIGITs exactly, as a number.
template <int N>
struct fixed_digits_parser : x3::parser<fixed_digits_parser<N>> {
  using attribute_type = unsigned;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    if (last - first < N) return false;
    unsigned v = 0;
    for (int i = 0; i < N; ++i) {
      if (!chars::is(chars::digit, first[i])) return false;
      v = v * 10 + static_cast<unsigned>(first[i] - '0');
    }
    assign(v, attr);
    first += N;
    return true;
  }
};

// Min..Max DIGITs (as many as there are, up to Max), as a number: date-day = 1*2DIGIT.
template <int Min, int Max>
struct digits_parser : x3::parser<digits_parser<Min, Max>> {
  using attribute_type = unsigned;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    unsigned v = 0;
    int n = 0;
    for (; n < Max && first + n != last && chars::is(chars::digit, first[n]); ++n)
      v = v * 10 + static_cast<unsigned>(first[n] - '0');
    if (n < Min) return false;
    assign(v, attr);
    first += n;
    return true;
  }
};

// date-day-fixed = (SP DIGIT) / 2DIGIT
struct date_day_fixed_parser : x3::parser<date_day_fixed_parser> {
  using attribute_type = unsigned;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    // Lenient: one DIGIT without its leading SP, "1-Jan-2020" (qq.com, docs/quirks.md).
    if (last - first >= 2 && chars::is(chars::digit, first[0]) && first[1] == '-' &&
        state(ctx).take(quirk::one_digit_day)) {
      assign(static_cast<unsigned>(first[0] - '0'), attr);
      first += 1;
      return true;
    }
    if (last - first < 2 || !chars::is(chars::digit, first[1])) return false;
    if (first[0] != ' ' && !chars::is(chars::digit, first[0])) return false;
    const unsigned tens = first[0] == ' ' ? 0 : static_cast<unsigned>(first[0] - '0');
    assign(tens * 10 + static_cast<unsigned>(first[1] - '0'), attr);
    first += 2;
    return true;
  }
};

// SP, or nothing before a "(" that follows at once where Glued::allowed(first, ctx) says so:
// two parenthesised values written together. Named as the SP it stands for, which is what a
// parse that refuses the glued form misses there.
template <class Glued>
struct sp_or_glued_paren_parser : x3::parser<sp_or_glued_paren_parser<Glued>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  static constexpr std::string_view expected_name = "' '";

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute&) const {
    if (first == last) return false;
    if (*first == ' ') {
      ++first;
      return true;
    }
    return *first == '(' && Glued::allowed(first, ctx);
  }
};

}  // namespace imapkit::grammar::primitives
