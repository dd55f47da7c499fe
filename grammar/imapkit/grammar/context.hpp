// The parse context shared by every rule: one parse_state reached through x3::with / make_context,
// holding the arena the tree is built in, the options, the nesting depth and error details.
//
// Every translation unit that instantiates rules must use context_type and iterator_type from
// here: a mismatched context only fails at link time.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/options.hpp"

namespace imapkit::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

struct parse_state {
  imapkit::arena& mem;
  parse_options options;
  const char* begin;  // first byte of the message: offsets are counted from here
  unsigned depth = 0;
  // The innermost named production an expectation failure passed through (see named_production).
  std::string_view failed_production;
  // The tag, once the tag of a command or tagged response has been read.
  std::string_view tag;

  bool lenient() const noexcept { return options.mode == parse_mode::lenient; }
};

struct state_tag;
using context_type = x3::context<state_tag, parse_state>;

template <class Context>
inline parse_state& state(const Context& ctx) {
  return x3::get<state_tag>(ctx);
}

// Base of every rule ID: when an expectation failure unwinds through a rule, the first
// (innermost) rule it meets records its ABNF name, which becomes parse_error::production.
template <class Derived>
struct named_production {
  template <class Iterator, class Exception, class Context>
  x3::error_handler_result on_error(Iterator&, const Iterator&, const Exception&,
                                    const Context& ctx) const {
    parse_state& st = state(ctx);
    if (st.failed_production.empty()) st.failed_production = Derived::abnf_name;
    return x3::error_handler_result::rethrow;
  }
};

// Declares the rule ID class NAME_class and the rule NAME_rule, named after its ABNF production.
#define IMAPKIT_RULE(NAME, ABNF, ATTR)                                                  \
  struct NAME##_class : ::imapkit::grammar::named_production<NAME##_class> {            \
    static constexpr std::string_view abnf_name = ABNF;                                 \
  };                                                                                    \
  inline const ::boost::spirit::x3::rule<NAME##_class, ATTR> NAME##_rule { ABNF }

// Thrown (as an expectation failure) when a limit of parse_options is exceeded; the limit's
// description becomes parse_error::expected.
[[noreturn]] inline void limit_exceeded(const char* where, const char* what) {
  boost::throw_exception(x3::expectation_failure<iterator_type>(where, what));
}

// nest[p]: p one nesting level deeper; past options.max_depth the parse stops with a clean
// error instead of recursing further (a 10,000-deep input must not overflow the stack).
// Place it after the opening "(" has matched, so that only real nesting counts.
template <class Subject>
struct nest_directive : x3::unary_parser<Subject, nest_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nest_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr nest_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    parse_state& st = state(ctx);
    if (++st.depth > st.options.max_depth) limit_exceeded(first, "nesting depth within max_depth");
    const bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --st.depth;
    return ok;
  }
};

struct nest_gen {
  template <class Subject>
  constexpr nest_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr nest_gen nest{};

// separately_compiled[r]: calls rule r with the plain context_type, whatever rules and semantic
// actions enclose the call. A rule instantiated in another translation unit with
// BOOST_SPIRIT_INSTANTIATE(r_type, iterator_type, context_type) is only found by the linker when
// it is called with exactly that context; inside a rule with actions X3 extends the context, so
// calls across translation units go through this directive.
template <class Subject>
struct separately_compiled_directive
    : x3::unary_parser<Subject, separately_compiled_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, separately_compiled_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr separately_compiled_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext&,
             Attribute& attr) const {
    const context_type base = x3::make_context<state_tag>(state(ctx));
    return this->subject.parse(first, last, base, x3::unused, attr);
  }
};

struct separately_compiled_gen {
  template <class Subject>
  constexpr separately_compiled_directive<typename x3::extension::as_parser<Subject>::value_type>
  operator[](const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr separately_compiled_gen separately_compiled{};

// Counts list items against options.max_list_items.
template <class Context>
inline void count_item(const Context& ctx, std::size_t items, const char* where) {
  if (items >= state(ctx).options.max_list_items) limit_exceeded(where, "list items within max_list_items");
}

}  // namespace imapkit::grammar
