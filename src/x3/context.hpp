// The parse context shared by every rule: one parse_state reached through x3::with / make_context,
// holding the arena the tree is built in, the options, the nesting depth and error details.
//
// Every translation unit that instantiates rules must use context_type and iterator_type from
// here: a mismatched context only fails at link time.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include "imapkit/arena.hpp"
#include "imapkit/error.hpp"
#include "imapkit/options.hpp"

namespace imapkit::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

struct parse_state {
  imapkit::arena& mem;
  parse_options options;
  const char* begin;  // first byte of the message: offsets are counted from here
  unsigned depth = 0;
  // The tag, once the tag of a command or tagged response has been read.
  std::string_view tag{};
  // The first expectation failure (see fail()): where, what was expected there, and in which
  // production.
  const char* failed_at = nullptr;
  std::string_view failed_expected{};
  std::string_view failed_production{};

  // The quirks the parse has taken so far (result::quirks).
  quirk_set quirks_used{};

  bool failed() const noexcept { return failed_at != nullptr; }
  // Whether the parse accepts quirk q; if it does, q is counted as taken. Call it where the
  // bytes need q, after the ABNF's own reading failed. (Out of line, it cost the metadata
  // benchmark 3% more instructions than inline, callgrind.)
  bool take(quirk q) noexcept {
    if (!options.quirks.has(q)) return false;
    quirks_used.add(q);
    return true;
  }
};

struct state_tag;
using context_type = x3::context<state_tag, parse_state>;

template <class Context>
inline parse_state& state(const Context& ctx) {
  return x3::get<state_tag>(ctx);
}

// Inside a named rule, the context also says which production is being parsed: a
// production_tag entry whose type is the rule's ID. It costs nothing at run time, and a failure
// knows its production from its context's type.
struct production_tag;

template <class ID>
inline constexpr ID production_id{};

// The context a named rule's definition is parsed in: the parse state and the rule's ID, and
// nothing of the caller's context, so each definition is compiled once whoever calls it.
template <class ID>
using production_context = x3::context<production_tag, const ID, context_type>;

// The ABNF name of the innermost named rule ctx is inside, or "" outside any.
template <class Context>
constexpr std::string_view production_of(const Context& ctx) {
  using id = std::remove_cvref_t<decltype(x3::get<production_tag>(ctx))>;
  if constexpr (std::is_same_v<id, x3::unused_type>)
    return {};
  else
    return id::abnf_name;
}

// An expectation failure or an exceeded limit: records, if it is the first, where the parse failed,
// what it expected there (a view that lives as long as the arena) and the production, and returns
// false. Nothing throws: X3's own expectation failure would allocate (a std::runtime_error and the
// parser's name as a std::string) and unwind, and rejecting bad input must not touch the heap. The
// false return unwinds the parse; later failures (in alternatives tried afterwards) are not
// recorded, and run() reports the recorded failure whatever the outer parsers return.
template <class Context>
inline bool fail(const Context& ctx, const char* where, std::string_view what) noexcept {
  parse_state& st = state(ctx);
  if (!st.failed()) {
    st.failed_at = where;
    st.failed_expected = what;
    st.failed_production = production_of(ctx);
  }
  return false;
}

// What a limit records as expected. Each is one object (an inline variable), so run() tells a
// limit from a syntax error by the address it recorded (parse_error::kind), comparing no string,
// and fail() stays as small as before: every expectation point of the grammar inlines it, and
// one more store there cost 9% of the instructions of the metadata benchmark.
inline constexpr char depth_limit_expected[] = "nesting depth within max_depth";
inline constexpr char list_limit_expected[] = "list items within max_list_items";

// The kind of a recorded failure (see above).
inline parse_errc failure_kind(const parse_state& st) noexcept {
  if (st.failed_expected.data() == depth_limit_expected) return parse_errc::depth_limit;
  if (st.failed_expected.data() == list_limit_expected) return parse_errc::list_limit;
  return parse_errc::syntax;
}

template <class T>
struct is_production_context : std::false_type {};
template <class ID>
struct is_production_context<production_context<ID>> : std::true_type {};

// parse(inner) with inner the production_context<ID> built from ctx. A rule called straight from
// another rule's definition reuses its caller's parse-state context.
template <class ID, class Context, class Parse>
inline bool parse_in_production(const Context& ctx, const Parse& parse) {
  if constexpr (is_production_context<Context>::value) {
    return parse(production_context<ID>(production_id<ID>, ctx.next));
  } else {
    const context_type base(state(ctx));
    return parse(production_context<ID>(production_id<ID>, base));
  }
}

// The definition of a leaf rule ("r = p", see named_rule): p, in the rule's production_context.
template <class ID, class Subject>
struct production_directive : x3::unary_parser<Subject, production_directive<ID, Subject>> {
  using base_type = x3::unary_parser<Subject, production_directive<ID, Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  constexpr production_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    return parse_in_production<ID>(ctx, [&](const auto& inner) {
      return this->subject.parse(first, last, inner, rctx, attr);
    });
  }
};

// The rules of IMAPKIT_RULE. A leaf rule defined in place ("r = p") wraps p in a
// production_directive; a rule defined with IMAPKIT_DEFINE gets its production_context from its
// parse_rule.
template <class ID, class Attribute>
struct named_rule : x3::rule<ID, Attribute> {
  using base_type = x3::rule<ID, Attribute>;
  using base_type::base_type;

  template <class RHS>
  using definition = x3::rule_definition<
      ID, production_directive<ID, typename x3::extension::as_parser<RHS>::value_type>, Attribute,
      false>;

  template <class RHS>
  constexpr definition<RHS> operator=(const RHS& rhs) const& {
    using subject = typename x3::extension::as_parser<RHS>::value_type;
    return definition<RHS>(production_directive<ID, subject>(x3::as_parser(rhs)), this->name);
  }
};

// BOOST_SPIRIT_DEFINE(r) for IMAPKIT_RULE's rules: r_def is parsed in r's production_context.
// Same signature as BOOST_SPIRIT_DECLARE's, so BOOST_SPIRIT_INSTANTIATE works as with X3's own.
#define IMAPKIT_DEFINE(RULE)                                                                      \
  template <typename Iterator, typename Context>                                                  \
  inline bool parse_rule(::boost::spirit::x3::detail::rule_id<decltype(RULE)::id>,                \
                         Iterator& first, Iterator const& last, Context const& context,           \
                         decltype(RULE)::attribute_type& attr) {                                  \
    using rule_t = decltype(RULE);                                                                \
    return ::imapkit::grammar::parse_in_production<rule_t::id>(context, [&](const auto& inner) {  \
      return ::boost::spirit::x3::detail::rule_parser<rule_t::attribute_type, rule_t::id, true>:: \
          call_rule_definition(RULE##_def, RULE.name, first, last, inner, attr,                   \
                               ::boost::mpl::bool_<rule_t::force_attribute>());                   \
    });                                                                                           \
  }

// Declares the rule ID class NAME_class and the rule NAME_rule, named after its ABNF production.
#define IMAPKIT_RULE(NAME, ABNF, ATTR)                  \
  struct NAME##_class {                                 \
    static constexpr std::string_view abnf_name = ABNF; \
  };                                                    \
  inline const ::imapkit::grammar::named_rule<NAME##_class, ATTR> NAME##_rule { ABNF }

// d[p] for a unary directive template D: what X3's own directive generators do, written once for
// imapkit's directives (nest, backtrack_on_syntax_error, separately_compiled, expect).
template <template <class> class Directive>
struct directive_gen {
  template <class Subject>
  constexpr Directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};

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
    if (st.depth >= st.options.max_depth)
      return fail(ctx, first, depth_limit_expected);  // a limit: a clean error
    ++st.depth;
    const bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --st.depth;
    return ok;
  }
};

inline constexpr directive_gen<nest_directive> nest{};

// backtrack_on_syntax_error[p]: p; when p fails on a syntax error, the failure it recorded is
// forgotten and its input given back, so that an alternative after it reads the same bytes (a
// known response code whose arguments are malformed, read again as the generic code). A limit
// (depth, list items) stays an error, as does a failure recorded before p.
template <class Subject>
struct backtrack_on_syntax_error_directive
    : x3::unary_parser<Subject, backtrack_on_syntax_error_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, backtrack_on_syntax_error_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr backtrack_on_syntax_error_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& ctx, RContext& rctx,
             Attribute& attr) const {
    parse_state& st = state(ctx);
    const bool failed_before = st.failed();
    const Iterator start = first;
    const quirk_set quirks_before = st.quirks_used;
    if (this->subject.parse(first, last, ctx, rctx, attr)) return true;
    first = start;
    st.quirks_used = quirks_before;  // what the failed subject took was not needed
    if (!failed_before && st.failed() && failure_kind(st) == parse_errc::syntax) {
      st.failed_at = nullptr;
      st.failed_expected = {};
      st.failed_production = {};
    }
    return false;
  }
};

inline constexpr directive_gen<backtrack_on_syntax_error_directive> backtrack_on_syntax_error{};

// if_quirk<Q>[p]: p, tried only when the parse accepts quirk Q (docs/quirks.md); when p matches,
// Q is counted as taken. Lenient alternatives of a production are written with it, after the
// ABNF's own, so that a message that needs no quirk reports none.
template <quirk Q, class Subject>
struct quirk_directive : x3::unary_parser<Subject, quirk_directive<Q, Subject>> {
  using base_type = x3::unary_parser<Subject, quirk_directive<Q, Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr quirk_directive(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  BOOST_FORCEINLINE bool parse(Iterator& first, const Iterator& last, const Context& ctx,
                               RContext& rctx, Attribute& attr) const {
    parse_state& st = state(ctx);
    if (!st.options.quirks.has(Q)) return false;
    // Quirks taken inside a subject that then fails were not needed: forgotten with it.
    const quirk_set before = st.quirks_used;
    if (!this->subject.parse(first, last, ctx, rctx, attr)) {
      st.quirks_used = before;
      return false;
    }
    st.quirks_used.add(Q);
    return true;
  }
};

template <quirk Q>
struct quirk_gen {
  template <class Subject>
  constexpr quirk_directive<Q, typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};

template <quirk Q>
inline constexpr quirk_gen<Q> if_quirk{};

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

inline constexpr directive_gen<separately_compiled_directive> separately_compiled{};

// Counts list items against options.max_list_items: false (a recorded failure) past the limit.
template <class Context>
inline bool count_item(const Context& ctx, std::size_t items, const char* where) {
  return items < state(ctx).options.max_list_items || fail(ctx, where, list_limit_expected);
}

}  // namespace imapkit::grammar
