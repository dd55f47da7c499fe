// Generic values and messages: the shape of any IMAP message without knowing its grammar.
// value = nil / string / literal8 / "(" [value *(SP value)] ")" / token
#pragma once

#include "imapkit/ast/response.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// A token: CHARs up to SP, CTL, "(", ")" or DQUOTE, where a "[...]" section is part of the
// token even when it holds spaces and parentheses (BODY[HEADER.FIELDS (DATE FROM)]<0.10>).
// A "[" with no "]" after it before the next "[" or the line end is an ordinary character.
// (Looking further, to the line end past other "[", made a line of many "[" quadratic:
// fuzz/regressions/generic/unclosed-brackets-quadratic.)
struct token_parser : x3::parser<token_parser> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last) {
      const char c = *p;
      if (c == '[') {
        const char* close = p + 1;
        while (close != last && *close != ']' && *close != '[' && *close != '\r' && *close != '\n')
          ++close;
        // An unclosed "[" is just a character of the token (ASTRING-CHAR includes it).
        p = (close == last || *close != ']') ? p + 1 : close + 1;
      } else if (c == ' ' || c == '(' || c == ')' || c == '"' ||
                 chars::is_ctl(static_cast<unsigned char>(c)) || chars::is(chars::high_bit, c)) {
        break;
      } else {
        ++p;
      }
    }
    if (p == first) return false;
    primitives::assign(std::string_view(first, static_cast<std::size_t>(p - first)), attr);
    first = p;
    return true;
  }
};

inline constexpr auto set_string_value = [](auto& ctx) {
  x3::_val(ctx).kind = imapkit::generic_value::kind_t::string;
  x3::_val(ctx).text = x3::_attr(ctx);
};

IMAPKIT_RULE(generic_value, "value", imapkit::generic_value);
inline const auto generic_value_rule_def =
    nil[([](auto& ctx) { x3::_val(ctx).kind = imapkit::generic_value::kind_t::nil; })] |
    string[set_string_value] | literal8[set_string_value] |
    ((x3::lit(
          '(')[([](auto& ctx) { x3::_val(ctx).kind = imapkit::generic_value::kind_t::list; })] >>
      // Items are separated by SP, except that real lists glue parenthesised items together
      // (an address list is "(...)(...)"): the separator is optional.
      nest[-(generic_value_rule[push_member<&imapkit::generic_value::items>] % -sp)]) > ')') |
    token_parser{}[([](auto& ctx) {
      x3::_val(ctx).kind = imapkit::generic_value::kind_t::atom;
      x3::_val(ctx).text = imapkit::string::atom(x3::_attr(ctx));
    })];
IMAPKIT_DEFINE(generic_value_rule)
inline const auto& generic_value = generic_value_rule;

// resp-cond words, after which a status response carries resp-text rather than values.
inline const auto status_word =
    whole_kw(to_string(status_kind::ok)) | whole_kw(to_string(status_kind::no)) |
    whole_kw(to_string(status_kind::bad)) | whole_kw(to_string(status_kind::preauth)) |
    whole_kw(to_string(status_kind::bye));

// The raw rest of a line (resp-text with its optional "[code]"), possibly empty.
inline const auto rest_of_line = x3::raw[*(x3::char_ - '\r' - '\n')];

template <auto Member>
inline constexpr auto set_member_view =
    [](auto& ctx) { x3::_val(ctx).*Member = as_view(x3::_attr(ctx)); };
inline constexpr auto set_message_tag = [](auto& ctx) {
  x3::_val(ctx).tag = state(ctx).tag = as_view(x3::_attr(ctx));
};

inline constexpr auto set_text = [](auto& ctx) {
  x3::_val(ctx).text = as_view(x3::_attr(ctx));
  x3::_val(ctx).has_text = true;
};

// Between two values of a message: SP, or nothing where a list follows a list, as THREAD's
// thread lists do (`* THREAD (1 2)(3)`, RFC 5256) — the same rule as inside a list.
struct list_after_list {
  template <class Context>
  static bool allowed(const char* first, const Context&) {
    return first[-1] == ')';  // a value always precedes: first[-1] exists
  }
};
inline constexpr primitives::sp_or_glued_paren_parser<list_after_list> value_separator{};

IMAPKIT_RULE(generic_args, "values", imapkit::generic_message);
inline const auto generic_args = generic_args_rule =
    *(value_separator >> generic_value[push_member<&imapkit::generic_message::args>]);

// generic-message = ("+" [SP text] / ("*" / tag) SP atom (SP resp-text / *(SP value)) / value*)
// CRLF
IMAPKIT_RULE(generic_message, "message", imapkit::generic_message);
inline const auto generic_message = generic_message_rule =
    ((x3::raw[x3::lit('+')][set_member_view<&imapkit::generic_message::tag>] >>
      -(sp >> rest_of_line[set_text])) |
     ((x3::raw[x3::lit('*')][set_message_tag] | x3::raw[tag][set_message_tag]) >>
      ((sp >> x3::raw[status_word][set_member_view<&imapkit::generic_message::name>] >>
        -(sp >> rest_of_line[set_text])) |
       // A name never starts like a literal: the framer reads "{5}" CRLF after SP as a literal,
       // and so must the grammar (fuzz/regressions/generic/literal-first-argument-read-as-name).
       (-(sp >> !(x3::lit('{') | x3::lit("~{")) >>
          token_parser{}[set_member<&imapkit::generic_message::name>]) >>
        *(value_separator >> generic_value[push_member<&imapkit::generic_message::args>]))))) >
    crlf;

}  // namespace imapkit::grammar
