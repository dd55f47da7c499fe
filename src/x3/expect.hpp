// a > b without exceptions. X3's expect directive throws x3::expectation_failure, which
// allocates (a std::runtime_error, and the parser's name as a std::string) and unwinds; here an
// expectation that fails records the failure in parse_state (fail(), context.hpp) and returns
// false, so rejecting bad input costs no heap allocation.
//
// The operator> below is declared in imapkit::grammar, not in boost::spirit::x3: it is found by
// ordinary lookup from the grammar's own namespace, and a user's X3 parsers elsewhere keep X3's.
// Every grammar header that writes "a > b" includes this header (through lexical.hpp or
// directly); the static_assert at the end checks that the choice is made.
#pragma once

#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "imapkit/arena.hpp"
#include "x3/context.hpp"

namespace imapkit::grammar {

namespace expect_detail {

// "'c'" for every octet c, so that a failed x3::lit('c') names itself without allocating.
inline constexpr auto quoted_octets = [] {
  std::array<char, 256 * 3> a{};
  for (int c = 0; c < 256; ++c) {
    a[c * 3] = '\'';
    a[c * 3 + 1] = static_cast<char>(c);
    a[c * 3 + 2] = '\'';
  }
  return a;
}();

inline std::string_view between(char quote, std::string_view text, imapkit::arena& mem) {
  char* out = mem.allocate_array<char>(text.size() + 2);
  out[0] = quote;
  std::memcpy(out + 1, text.data(), text.size());
  out[text.size() + 1] = quote;
  return {out, text.size() + 2};
}

template <class T>
struct is_action : std::false_type {};
template <class Subject, class Action>
struct is_action<x3::action<Subject, Action>> : std::true_type {};

template <class T>
struct is_literal_char : std::false_type {};
template <class Encoding, class Attribute>
struct is_literal_char<x3::literal_char<Encoding, Attribute>> : std::true_type {};

template <class T>
struct is_literal_string : std::false_type {};
template <class String, class Encoding, class Attribute>
struct is_literal_string<x3::literal_string<String, Encoding, Attribute>> : std::true_type {};

}  // namespace expect_detail

// What parse_error::expected says when p was expected: a rule's ABNF name, "'('" for a
// character, "\"UID\"" for a keyword or string. Empty for a composite parser (a sequence, an
// alternative): run() then names the production instead.
template <class Parser>
std::string_view expected_name(const Parser& p, imapkit::arena& mem) {
  if constexpr (expect_detail::is_action<Parser>::value) {
    return expected_name(p.subject, mem);
  } else if constexpr (expect_detail::is_literal_char<Parser>::value) {
    const auto c = static_cast<unsigned char>(p.ch);
    return {expect_detail::quoted_octets.data() + c * 3, 3};
  } else if constexpr (expect_detail::is_literal_string<Parser>::value) {
    return expect_detail::between('"', p.str, mem);
  } else if constexpr (requires { Parser::expected_name; }) {
    return Parser::expected_name;  // primitives that name themselves (number_parser)
  } else if constexpr (requires { std::string_view(p.word); }) {
    return expect_detail::between('"', p.word, mem);  // keyword parsers
  } else if constexpr (requires { static_cast<const char*>(p.name); }) {
    return p.name;  // rules, rule definitions, character-run primitives
  } else {
    return {};
  }
}

// expect[p]: p, and if p fails, a recorded failure at that point (see fail()).
template <class Subject>
struct expect_directive : x3::unary_parser<Subject, expect_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, expect_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr expect_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    return this->subject.parse(first, last, ctx, rctx, attr) || failed_at(first, ctx);
  }

  // Records that subject was expected at where, unless a failure inside it already was.
  template <class Context>
  bool failed_at(const char* where, const Context& ctx) const {
    parse_state& st = state(ctx);
    if (st.failed()) return false;
    return fail(ctx, where, expected_name(this->subject, st.mem));
  }
};

inline constexpr directive_gen<expect_directive> expect{};

// named("media-subtype")[p]: p, named for the errors of an expectation on it ("expected
// media-subtype" where p is an alternative that has no name of its own).
template <class Subject>
struct named_directive : x3::unary_parser<Subject, named_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, named_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  const char* name;
  constexpr named_directive(const Subject& subject, const char* n) : base_type(subject), name(n) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};

struct named_gen {
  const char* name;
  template <class Subject>
  constexpr named_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject), name};
  }
};
constexpr named_gen named(const char* name) { return {name}; }

template <class Left, class Right>
concept parser_operands =
    std::is_base_of_v<x3::parser_base, Left> || std::is_base_of_v<x3::parser_base, Right>;

template <class T>
struct is_expect_directive : std::false_type {};
template <class Subject>
struct is_expect_directive<expect_directive<Subject>> : std::true_type {};

// a > b is a >> expect[b] with imapkit's expect. Ordinary lookup finds it from inside
// imapkit::grammar, argument-dependent lookup finds X3's own unconstrained operator> as well, and
// this one is chosen because it is constrained.
template <class Left, class Right>
requires parser_operands<Left, Right>
constexpr auto operator>(const Left& left, const Right& right) { return left >> expect[right]; }

// No X3 expectation (and so no exception) can hide in the grammar behind a ">".
static_assert(is_expect_directive<decltype(x3::lit('(') > x3::lit(')'))::right_type>::value);

}  // namespace imapkit::grammar

namespace boost::spirit::x3::detail {
// Like X3's for its expect: a container attribute is filled through the subject. A
// specialisation for imapkit's own directive: it changes nothing for any other parser.
template <class Subject, class Context, class RContext>
struct parse_into_container_impl<imapkit::grammar::expect_directive<Subject>, Context, RContext> {
  template <class Iterator, class Attribute>
  static bool call(const imapkit::grammar::expect_directive<Subject>& parser, Iterator& first,
                   const Iterator& last, const Context& ctx, RContext& rctx, Attribute& attr) {
    return parse_into_container(parser.subject, first, last, ctx, rctx, attr) ||
           parser.failed_at(first, ctx);
  }
};
}  // namespace boost::spirit::x3::detail
