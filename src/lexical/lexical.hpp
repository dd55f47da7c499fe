// The lexical layer of RFC 9051 §9 (with RFC 3501 forms where they differ): the rules every
// command and response is built from. Rule names are the ABNF names in snake_case.
//
// Style used throughout the grammar: a rule that builds a value does so in semantic actions
// writing _val (X3 then hands sub-parsers no attribute, which is what keeps it fast and
// allocation-free); lists are imapkit::list, grown in the arena taken from the parse_state.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <variant>

#include "abnf/chars.hpp"
#include "imapkit/ast/lexical.hpp"
#include "imapkit/utf8.hpp"
#include "x3/expect.hpp"
#include "x3/primitives.hpp"

namespace imapkit::grammar {

using primitives::kw;
using primitives::whole_kw;

// ---------------------------------------------------------------------------------------------
// Semantic action helpers.

// _val = _attr
inline constexpr auto set_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

// _val.*Member = _attr
template <auto Member>
inline constexpr auto set_member = [](auto& ctx) { x3::_val(ctx).*Member = x3::_attr(ctx); };

// Appends _attr to the list l, counting items against options.max_list_items.
template <class Context, class List, class Value>
inline void push_item(const Context& ctx, List& l, const Value& value) {
  if (!count_item(ctx, l.size(), x3::_where(ctx).begin())) {
    x3::_pass(ctx) = false;
    return;
  }
  l.push_back(state(ctx).mem, value);
}

// (_val.*Member).push_back(_attr)
template <auto Member>
inline constexpr auto push_member =
    [](auto& ctx) { push_item(ctx, x3::_val(ctx).*Member, x3::_attr(ctx)); };

// The payload an argument is read into: the alternative of a sum type's `arg` (search_key,
// resp_text_code) whose struct declares Member, made the one held if another is.
template <class MemberPointer>
struct payload_of;
template <class Payload, class T>
struct payload_of<T Payload::*> {
  using type = Payload;
};

template <class Payload, class SumType>
Payload& payload(SumType& v) {
  if (auto* p = std::get_if<Payload>(&v.arg)) return *p;
  return v.arg.template emplace<Payload>();
}

// Like set_member / push_member, into the payload in _val.arg that declares Member.
template <auto Member>
inline constexpr auto set_arg = [](auto& ctx) {
  payload<typename payload_of<decltype(Member)>::type>(x3::_val(ctx)).*Member = x3::_attr(ctx);
};
template <auto Member>
inline constexpr auto push_arg = [](auto& ctx) {
  push_item(ctx, payload<typename payload_of<decltype(Member)>::type>(x3::_val(ctx)).*Member,
            x3::_attr(ctx));
};

// _val.push_back(_attr), for rules whose value is a list
inline constexpr auto push_val = [](auto& ctx) { push_item(ctx, x3::_val(ctx), x3::_attr(ctx)); };

// The bytes a parser matched, as a string_view.
inline std::string_view as_view(const boost::iterator_range<const char*>& r) {
  return {r.begin(), static_cast<std::size_t>(r.end() - r.begin())};
}

// ---------------------------------------------------------------------------------------------
// Core rules (RFC 5234 Appendix B) and terminals.

inline constexpr auto sp = x3::lit(' ');
// Lenient: spaces before a closing ")" ("(MESSAGES 3 )"), in every list that allows it
// (docs/quirks.md). Place it before the ")" is expected.
inline const auto lenient_space_before_paren =
    -(&sp >> if_quirk<quirk::space_before_close_paren>[+sp >> &x3::lit(')')]);
IMAPKIT_RULE(crlf, "CRLF", x3::unused_type);
inline const auto crlf = crlf_rule = x3::lit("\r\n");

inline constexpr primitives::char_run_parser<chars::atom_char> atom_chars{"ATOM-CHAR"};
inline constexpr primitives::char_run_parser<chars::astring_char> astring_chars{"ASTRING-CHAR"};
inline constexpr primitives::char_run_parser<chars::tag_char> tag_chars{"tag"};
inline constexpr primitives::char_run_parser<chars::list_char> list_chars{"list-char"};
// filter-name = 1*<any ATOM-CHAR except "/">   (RFC 5466: SEARCH FILTER, UNDEFINED-FILTER)
inline constexpr primitives::char_run_parser<chars::filter_name_char> filter_name{"filter-name"};
// mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")   (RFC 4467 URLAUTH)
inline constexpr primitives::char_run_parser<chars::mechanism_char> url_mechanism_name{"mechanism"};
// A flag keyword's atom: ATOM-CHARs, and in lenient mode also "]" and 8-bit (docs/quirks.md).
inline constexpr primitives::char_run_parser<chars::atom_char, chars::lenient_atom_char,
                                             quirk::brackets_in_flags>
    flag_atom_chars{"flag-keyword"};

inline constexpr primitives::number_parser<std::uint32_t, primitives::number_kind::number>
    number_p{};
inline constexpr primitives::number_parser<std::uint64_t, primitives::number_kind::number64>
    number64_p{};
inline constexpr primitives::number_parser<std::uint32_t, primitives::number_kind::nz_number>
    nz_number_p{};
inline constexpr primitives::quoted_parser quoted_p{};
inline constexpr primitives::literal_parser<false> literal_p{};
inline constexpr primitives::literal_parser<true> literal8_p{};

// ---------------------------------------------------------------------------------------------
// Numbers (RFC 9051 §9: number, number64, nz-number).

IMAPKIT_RULE(number, "number", std::uint32_t);
inline const auto number = number_rule = number_p;

IMAPKIT_RULE(number64, "number64", std::uint64_t);
inline const auto number64 = number64_rule = number64_p;

IMAPKIT_RULE(nz_number, "nz-number", std::uint32_t);
inline const auto nz_number = nz_number_rule = nz_number_p;

// ---------------------------------------------------------------------------------------------
// Atoms, strings (RFC 9051 §9: atom, quoted, literal, literal8, string, astring, nstring, nil).

IMAPKIT_RULE(atom, "atom", std::string_view);
inline const auto atom = atom_rule = atom_chars;

IMAPKIT_RULE(quoted, "quoted", imapkit::string);
inline const auto quoted = quoted_rule = quoted_p;

IMAPKIT_RULE(literal, "literal", imapkit::string);
inline const auto literal = literal_rule = literal_p;

IMAPKIT_RULE(literal8, "literal8", imapkit::string);
inline const auto literal8 = literal8_rule = literal8_p;

// string = quoted / literal
IMAPKIT_RULE(string, "string", imapkit::string);
inline const auto string = string_rule = quoted_p | literal_p;

// nil = "NIL"
IMAPKIT_RULE(nil, "nil", x3::unused_type);
inline const auto nil = nil_rule = whole_kw("NIL");

// nstring = string / nil
IMAPKIT_RULE(nstring, "nstring", imapkit::string);
inline const auto nstring = nstring_rule =
    string[set_val] | nil[([](auto& ctx) { x3::_val(ctx) = imapkit::string::nil(); })];

// astring = 1*ASTRING-CHAR / string
IMAPKIT_RULE(astring, "astring", imapkit::string);
inline const auto astring = astring_rule =
    astring_chars[([](auto& ctx) { x3::_val(ctx) = imapkit::string::atom(x3::_attr(ctx)); })] |
    string[set_val];

// tag = 1*<any ASTRING-CHAR except "+">
IMAPKIT_RULE(tag, "tag", std::string_view);
inline const auto tag = tag_rule = tag_chars;

// text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)   (RFC 9051; RFC 3501 has no UTF-8)
// Lenient mode takes any 8-bit octet.
struct text_parser : x3::parser<text_parser> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last) {
      if (chars::is(chars::text_char, *p)) {
        ++p;
      } else if (chars::is(chars::high_bit, *p)) {
        const std::size_t n = utf8_multibyte_length(p, last);
        if (n == 0 && !state(ctx).take(quirk::eight_bit_text)) break;
        p += n == 0 ? 1 : n;
      } else {
        break;
      }
    }
    if (p == first) return false;
    primitives::assign(std::string_view(first, static_cast<std::size_t>(p - first)), attr);
    first = p;
    return true;
  }
};
IMAPKIT_RULE(text, "text", std::string_view);
inline const auto text = text_rule = text_parser{};

// base64 = *(4base64-char) [base64-terminal]   (may be empty)
struct base64_parser : x3::parser<base64_parser> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last && chars::is(chars::base64_char, *p)) ++p;
    std::size_t pad = 0;
    while (p != last && *p == '=' && pad < 2) ++p, ++pad;
    const std::size_t length = static_cast<std::size_t>(p - first);
    if (length % 4 != 0 && !state(ctx).take(quirk::unpadded_base64)) return false;
    primitives::assign(std::string_view(first, length), attr);
    first = p;
    return true;
  }
};
IMAPKIT_RULE(base64, "base64", std::string_view);
inline const auto base64 = base64_rule = base64_parser{};

// ---------------------------------------------------------------------------------------------
// Sequence sets (RFC 9051 §9, RFC 5182's "$").

// seq-number = nz-number / "*"
IMAPKIT_RULE(seq_number, "seq-number", std::uint32_t);
inline const auto seq_number = seq_number_rule =
    nz_number_p[set_val] | x3::lit('*')[([](auto& ctx) { x3::_val(ctx) = seq_range::star; })];

// seq-range = seq-number ":" seq-number; a lone seq-number is the range n:n.
IMAPKIT_RULE(seq_range, "seq-range", imapkit::seq_range);
inline const auto seq_range = seq_range_rule =
    seq_number[([](auto& ctx) { x3::_val(ctx).first = x3::_val(ctx).last = x3::_attr(ctx); })] >>
    -(':' >> seq_number[([](auto& ctx) { x3::_val(ctx).last = x3::_attr(ctx); })]);

// sequence-set = (seq-number / seq-range) ["," sequence-set]
// sequence-set =/ seq-last-command        ; "$" (RFC 5182, RFC 9051)
IMAPKIT_RULE(sequence_set, "sequence-set", imapkit::sequence_set);
inline const auto sequence_set = sequence_set_rule =
    x3::lit('$')[([](auto& ctx) { x3::_val(ctx).last_command = true; })] |
    (seq_range[push_member<&imapkit::sequence_set::ranges>] % ',');

// uid-range = (uniqueid ":" uniqueid); a lone uniqueid is the range n:n
IMAPKIT_RULE(uid_range, "uid-range", imapkit::seq_range);
inline const auto uid_range = uid_range_rule =
    nz_number_p[([](auto& ctx) { x3::_val(ctx).first = x3::_val(ctx).last = x3::_attr(ctx); })] >>
    -(':' >> nz_number_p[([](auto& ctx) { x3::_val(ctx).last = x3::_attr(ctx); })]);

// uid-set = (uniqueid / uid-range) *("," uid-set)   (RFC 4315, RFC 9051: no "*", no "$")
IMAPKIT_RULE(uid_set, "uid-set", imapkit::sequence_set);
inline const auto uid_set = uid_set_rule =
    uid_range[push_member<&imapkit::sequence_set::ranges>] % ',';

// Lenient alternatives of a production are written if_quirk<quirk::name>[p] (x3/context.hpp),
// one quirk of docs/quirks.md each.

// ---------------------------------------------------------------------------------------------
// Flags and mailboxes.

// flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
// flag-keyword = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
// flag-extension = "\" atom
IMAPKIT_RULE(flag, "flag", imapkit::flag);
inline const auto flag = flag_rule =
    x3::raw[-x3::lit('\\') >> flag_atom_chars]
           [([](auto& ctx) { x3::_val(ctx).name = as_view(x3::_attr(ctx)); })];

// flag-perm = flag / "\*"
IMAPKIT_RULE(flag_perm, "flag-perm", imapkit::flag);
inline const auto flag_perm = flag_perm_rule =
    x3::raw[x3::lit("\\*")][([](auto& ctx) { x3::_val(ctx).name = as_view(x3::_attr(ctx)); })] |
    flag[set_val];

// flag-list = "(" [flag *(SP flag)] ")"
IMAPKIT_RULE(flag_list, "flag-list", list<imapkit::flag>);
inline const auto flag_list = flag_list_rule = (x3::lit('(') >> -(flag[push_val] % sp)) > ')';

// mailbox = "INBOX" / astring   ; INBOX is case-insensitive
// Lenient: 8-bit octets in the atom form, a UTF-8 (or Latin-1) name sent unquoted instead of in
// modified UTF-7 (docs/quirks.md).
inline constexpr primitives::char_run_parser<chars::astring_char, chars::lenient_atom_char,
                                             quirk::eight_bit_mailbox_name>
    mailbox_astring_chars{"ASTRING-CHAR"};
IMAPKIT_RULE(mailbox, "mailbox", imapkit::mailbox);
inline const auto mailbox = mailbox_rule =
    mailbox_astring_chars[(
        [](auto& ctx) { x3::_val(ctx).name = imapkit::string::atom(x3::_attr(ctx)); })] |
    string[([](auto& ctx) { x3::_val(ctx).name = x3::_attr(ctx); })];

// ---------------------------------------------------------------------------------------------
// Dates (RFC 9051 §9: date, date-time).

inline constexpr primitives::digits_parser<1, 2> date_day{};
inline constexpr primitives::date_day_fixed_parser date_day_fixed{};
inline constexpr primitives::fixed_digits_parser<2> digit2{};
inline constexpr primitives::fixed_digits_parser<4> digit4{};
inline constexpr primitives::month_parser date_month{};

// date-text = date-day "-" date-month "-" date-year; date-day = 1*2DIGIT
IMAPKIT_RULE(date_text, "date-text", imapkit::date);
inline const auto date_text = date_text_rule =
    (date_day >> '-' >> date_month >> '-' >> digit4)[([](auto& ctx) {
      using boost::fusion::at_c;
      auto& a = x3::_attr(ctx);
      const unsigned day = at_c<0>(a);
      x3::_val(ctx) = imapkit::date{static_cast<std::uint16_t>(at_c<2>(a)), at_c<1>(a),
                                    static_cast<std::uint8_t>(day)};
      // Strict: a day that exists (no 31-Apr, no 29-Feb-2023, no year 0000); lenient mode takes
      // any day 1..31 a server may send (fuzz/regressions/response/internaldate-31-april).
      x3::_pass(ctx) = day >= 1 && day <= 31 &&
                       (x3::_val(ctx).exists() || state(ctx).take(quirk::nonexistent_date));
    })];

// date = date-text / DQUOTE date-text DQUOTE
IMAPKIT_RULE(date, "date", imapkit::date);
inline const auto date = date_rule = date_text[set_val] | ('"' >> date_text[set_val] >> '"');

// time = 2DIGIT ":" 2DIGIT ":" 2DIGIT
IMAPKIT_RULE(time, "time", imapkit::date_time);
inline const auto time = time_rule = (digit2 >> ':' >> digit2 >> ':' >> digit2)[([](auto& ctx) {
  using boost::fusion::at_c;
  auto& a = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  v.hour = static_cast<std::uint8_t>(at_c<0>(a));
  v.minute = static_cast<std::uint8_t>(at_c<1>(a));
  v.second = static_cast<std::uint8_t>(at_c<2>(a));
  x3::_pass(ctx) = v.hour <= 23 && v.minute <= 59 && v.second <= 60;  // 60: leap second
})];

// zone = ("+" / "-") 4DIGIT
IMAPKIT_RULE(zone, "zone", std::int16_t);
inline const auto zone = zone_rule = (x3::char_("+-") >> digit4)[([](auto& ctx) {
  using boost::fusion::at_c;
  auto& a = x3::_attr(ctx);
  const unsigned hhmm = at_c<1>(a);
  const int minutes = static_cast<int>(hhmm / 100 * 60 + hhmm % 100);
  x3::_val(ctx) = static_cast<std::int16_t>(at_c<0>(a) == '-' ? -minutes : minutes);
  x3::_pass(ctx) = hhmm % 100 <= 59;
})];

// date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
// date-day-fixed = (SP DIGIT) / 2DIGIT
IMAPKIT_RULE(date_time, "date-time", imapkit::date_time);
inline const auto date_time = date_time_rule =
    x3::lit('"') >> date_day_fixed[([](auto& ctx) {
      x3::_val(ctx).date.day = static_cast<std::uint8_t>(x3::_attr(ctx));
      x3::_pass(ctx) = x3::_attr(ctx) >= 1 && x3::_attr(ctx) <= 31;
    })] >>
    '-' >> date_month[([](auto& ctx) { x3::_val(ctx).date.month = x3::_attr(ctx); })] >> '-' >>
    digit4[([](auto& ctx) {
      x3::_val(ctx).date.year = static_cast<std::uint16_t>(x3::_attr(ctx));
      // as in date-text
      x3::_pass(ctx) = x3::_val(ctx).date.exists() || state(ctx).take(quirk::nonexistent_date);
    })] >>
    sp >> time[([](auto& ctx) {
      auto& v = x3::_val(ctx);
      v.hour = x3::_attr(ctx).hour;
      v.minute = x3::_attr(ctx).minute;
      v.second = x3::_attr(ctx).second;
    })] >>
    sp >> zone[([](auto& ctx) { x3::_val(ctx).zone_minutes = x3::_attr(ctx); })] >> '"';

// capability = ("AUTH=" auth-type) / atom   (an atom either way)
IMAPKIT_RULE(capability, "capability", std::string_view);
inline const auto capability_rule_def = atom;
IMAPKIT_DEFINE(capability_rule)
inline const auto& capability = capability_rule;

// charset = atom / quoted
IMAPKIT_RULE(charset, "charset", imapkit::string);
inline const auto charset_rule_def =
    atom[([](auto& ctx) { x3::_val(ctx) = imapkit::string::atom(x3::_attr(ctx)); })] |
    quoted[set_val];
IMAPKIT_DEFINE(charset_rule)
inline const auto& charset = charset_rule;

// list-mailbox = 1*list-char / string   (LIST's pattern; RFC 5257's entry-match)
IMAPKIT_RULE(list_mailbox, "list-mailbox", imapkit::string);
inline const auto list_mailbox_rule_def =
    list_chars[([](auto& ctx) { x3::_val(ctx) = imapkit::string::atom(x3::_attr(ctx)); })] |
    string[set_val];
IMAPKIT_DEFINE(list_mailbox_rule)
inline const auto& list_mailbox = list_mailbox_rule;

}  // namespace imapkit::grammar
