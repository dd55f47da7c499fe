// resp-text and resp-text-code (RFC 9051 §9, RFC 3501 §9, RFC 5530, RFC 4315, RFC 7162,
// RFC 8474, RFC 5464, RFC 4978, RFC 6154).
#pragma once

#include <string_view>
#include <variant>

#include "abnf/ascii.hpp"
#include "abnf/base64.hpp"
#include "imapkit/ast/resp_text_code.hpp"
#include "lexical/lexical.hpp"
#include "lexical/modifiers.hpp"
#include "lexical/objectid.hpp"

namespace imapkit::grammar {

// A resp-text-code keyword: the keyword, then no further ATOM-CHAR (so "ALERT" does not match
// "ALERTS"; "]" may follow, unlike after whole_kw).
inline constexpr auto code_kw(std::string_view word) { return kw(word) >> !atom_chars; }

// 1*<any TEXT-CHAR except "]">, in both modes: a "[" whose code holds 8-bit octets is no code,
// and the line is text (where eight_bit_text takes octets that are not UTF-8). Taking them here
// in lenient mode read as a code what strict mode reads as text (fuzz_response).
struct code_text_parser : x3::parser<code_text_parser> {
  using attribute_type = std::string_view;
  static bool const has_attribute = true;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context&, RContext&,
             Attribute& attr) const {
    const char* p = first;
    while (p != last && *p != ']' && chars::is(chars::text_char, *p)) ++p;
    if (p == first) return false;
    primitives::assign(std::string_view(first, static_cast<std::size_t>(p - first)), attr);
    first = p;
    return true;
  }
};

// The code without data (resp_code_arg::none) whose keyword is name, but for case; other for
// any other name. METADATA's codes, whose keywords hold a SP, match no atom.
inline resp_code_kind code_without_data(std::string_view name) noexcept {
  const resp_code_name* row = abnf::find_keyword(resp_code_names, name);
  return row && row->arg == resp_code_arg::none ? row->kind : resp_code_kind::other;
}

// The keyword of code Kind as the table spells it ("METADATA" alone for METADATA's codes).
constexpr auto code_kw_of(resp_code_kind kind) { return code_kw(name_of(kind).head()); }

// Sets the kind of a code and the (empty) alternative of arg its argument is read into: the one
// the table's resp_code_arg names, so that "[BADCHARSET]" holds an empty resp_code_charsets.
template <resp_code_kind Kind>
inline constexpr auto set_kind_only = [](auto& ctx) {
  x3::_val(ctx).kind = Kind;
  x3::_val(ctx).arg.template emplace<resp_code_arg_alternative(name_of(Kind).arg)>();
};

// Sets kind, arg's alternative and name (the keyword as it arrived) of a code.
template <resp_code_kind Kind>
inline constexpr auto set_code_kind = [](auto& ctx) {
  set_kind_only<Kind>(ctx);
  x3::_val(ctx).name = as_view(x3::_attr(ctx));
};

using code = imapkit::resp_text_code;

// flag-perm; lenient: a bare "*" for "\*", kept as written (docs/quirks.md).
IMAPKIT_RULE(permanent_flag, "flag-perm", imapkit::flag);
inline const auto permanent_flag_rule_def =
    flag_perm[set_val] | if_quirk<quirk::bare_star_in_permanentflags>[x3::raw[x3::lit('*')][(
                             [](auto& ctx) { x3::_val(ctx).name = as_view(x3::_attr(ctx)); })]];
IMAPKIT_DEFINE(permanent_flag_rule)

// resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
//   "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" /
//   "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//   "UNSEEN" SP nz-number (RFC 3501) / resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" /
//   RFC 5530's codes / "CLOSED" / "UNKNOWN-CTE" / atom [SP 1*<any TEXT-CHAR except "]">]
//   (RFC 9051 §9)
// resp-code-apnd = "APPENDUID" SP nz-number SP append-uid   (RFC 4315: append-uid may be a uid-set)
// resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
// resp-text-code =/ "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" /
//                   "MODIFIED" SP sequence-set   (RFC 7162)
// resp-text-code =/ "MAILBOXID" SP "(" objectid ")"   (RFC 8474)
// resp-text-code =/ "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" /
//                   "NOPRIVATE")   (RFC 5464)
// The codes of RFC 9051 / RFC 3501 that carry data. Each commits after its keyword: a failure
// inside is recorded, and resp_text_code below takes the bytes again as the generic code.
IMAPKIT_RULE(resp_code_base, "resp-text-code", code);
inline const auto resp_code_base_rule_def =
    (x3::raw[code_kw_of(resp_code_kind::badcharset)][set_code_kind<resp_code_kind::badcharset>] >>
     -(sp >> '(' > charset[push_arg<&resp_code_charsets::charsets>] % sp > ')')) |
    (x3::raw[code_kw_of(resp_code_kind::capability)][set_code_kind<resp_code_kind::capability>] >>
     *(sp >> capability[push_arg<&resp_code_capabilities::capabilities>])) |
    (x3::raw[code_kw_of(resp_code_kind::permanentflags)]
            [set_code_kind<resp_code_kind::permanentflags>] > sp > '(' >
     -(permanent_flag_rule[push_arg<&resp_code_flags::flags>] % sp) > ')') |
    (x3::raw[code_kw_of(resp_code_kind::uidnext)][set_code_kind<resp_code_kind::uidnext>] > sp >
     nz_number[set_arg<&resp_code_number::number>]) |
    (x3::raw[code_kw_of(resp_code_kind::uidvalidity)][set_code_kind<resp_code_kind::uidvalidity>] >
     sp > nz_number[set_arg<&resp_code_number::number>]) |
    (x3::raw[code_kw_of(resp_code_kind::unseen)][set_code_kind<resp_code_kind::unseen>] > sp >
     nz_number[set_arg<&resp_code_number::number>]);
IMAPKIT_DEFINE(resp_code_base_rule)

// METADATA's codes share their first word; the sub-keywords are what follows it in the table.
static_assert(name_of(resp_code_kind::metadata_longentries).head() ==
                  name_of(resp_code_kind::metadata_maxsize).head() &&
              name_of(resp_code_kind::metadata_maxsize).head() ==
                  name_of(resp_code_kind::metadata_toomany).head() &&
              name_of(resp_code_kind::metadata_toomany).head() ==
                  name_of(resp_code_kind::metadata_noprivate).head());

static_assert(name_of(resp_code_kind::annotate_toobig).head() ==
              name_of(resp_code_kind::annotate_toomany).head());

// The sub-keyword of one of METADATA's (or ANNOTATE's) codes ("LONGENTRIES", "TOOBIG").
constexpr auto metadata_kw_of(resp_code_kind kind) { return code_kw(name_of(kind).tail()); }

// "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" / "NOPRIVATE"),
// after "METADATA" SP   (RFC 5464)
IMAPKIT_RULE(resp_code_metadata, "resp-text-code", code);
inline const auto resp_code_metadata_rule_def =
    (metadata_kw_of(resp_code_kind::metadata_longentries)[set_kind_only<
         resp_code_kind::metadata_longentries>] > sp > number[set_arg<&resp_code_number::number>]) |
    (metadata_kw_of(
         resp_code_kind::metadata_maxsize)[set_kind_only<resp_code_kind::metadata_maxsize>] > sp >
     number[set_arg<&resp_code_number::number>]) |
    metadata_kw_of(
        resp_code_kind::metadata_toomany)[set_kind_only<resp_code_kind::metadata_toomany>] |
    metadata_kw_of(
        resp_code_kind::metadata_noprivate)[set_kind_only<resp_code_kind::metadata_noprivate>];
IMAPKIT_DEFINE(resp_code_metadata_rule)

// mechanism ["=" base64], after "URLMECH" SP "INTERNAL" SP   (RFC 4467 §9)
IMAPKIT_RULE(url_mechanism, "mechanism", imapkit::url_mechanism);
inline const auto url_mechanism_rule_def =
    url_mechanism_name[set_member<&imapkit::url_mechanism::name>] >>
    -(x3::lit('=')[([](auto& ctx) { x3::_val(ctx).has_access = true; })] >>
      x3::raw[*x3::char_("A-Za-z0-9+/=")][([](auto& ctx) {
        x3::_val(ctx).access = as_view(x3::_attr(ctx));
        x3::_pass(ctx) = abnf::is_base64(x3::_val(ctx).access);
      })]);
IMAPKIT_DEFINE(url_mechanism_rule)

// inprogress-tag = quoted / nil   (RFC 9585 §5; nil leaves the tag NIL)
inline const auto inprogress_tag = quoted[set_arg<&resp_code_inprogress::tag>] | nil;

// inprogress-state = nil SP nil / number SP nil / number SP nz-number   (RFC 9585 §5)
inline const auto inprogress_state =
    (nil > sp > nil) | (number[([](auto& ctx) {
                          payload<resp_code_inprogress>(x3::_val(ctx)).count = x3::_attr(ctx);
                        })] > sp > (nil | nz_number[([](auto& ctx) {
                                      payload<resp_code_inprogress>(x3::_val(ctx)).total =
                                          x3::_attr(ctx);
                                    })]));

// The extensions' codes that carry data: UIDPLUS, CONDSTORE, OBJECTID, METADATA, CATENATE,
// URLAUTH, FILTERS, INPROGRESS, MESSAGELIMIT.
// "BADURL" SP url-resp-text (RFC 4469) / "URLMECH" SP "INTERNAL" *(SP mechanism ["=" base64])
// (RFC 4467) / "UNDEFINED-FILTER" SP filter-name (RFC 5466) / "INPROGRESS" [SP "(" inprogress-tag
// SP inprogress-state ")"] (RFC 9585) / "MESSAGELIMIT" SP message-limit [SP uniqueid] (RFC 9738)
IMAPKIT_RULE(resp_code_ext, "resp-text-code", code);
inline const auto resp_code_ext_rule_def =
    (x3::raw[code_kw_of(resp_code_kind::appenduid)][set_code_kind<resp_code_kind::appenduid>] > sp >
     nz_number[set_arg<&resp_code_appenduid::uidvalidity>] > sp >
     uid_set[set_arg<&resp_code_appenduid::uids>]) |
    (x3::raw[code_kw_of(resp_code_kind::copyuid)][set_code_kind<resp_code_kind::copyuid>] > sp >
     nz_number[set_arg<&resp_code_copyuid::uidvalidity>] > sp >
     uid_set[set_arg<&resp_code_copyuid::source_uids>] > sp >
     uid_set[set_arg<&resp_code_copyuid::uids>]) |
    (x3::raw[code_kw_of(resp_code_kind::highestmodseq)]
            [set_code_kind<resp_code_kind::highestmodseq>] > sp >
     mod_sequence_value[set_arg<&resp_code_number::number>]) |
    (x3::raw[code_kw_of(resp_code_kind::modified)][set_code_kind<resp_code_kind::modified>] > sp >
     sequence_set[set_arg<&resp_code_set::set>]) |
    (x3::raw[code_kw_of(resp_code_kind::mailboxid)][set_code_kind<resp_code_kind::mailboxid>] > sp >
     '(' > objectid[set_arg<&resp_code_objectid::objectid>] > ')') |
    (x3::raw[code_kw_of(resp_code_kind::badurl)][set_code_kind<resp_code_kind::badurl>] > sp >
     code_text_parser{}[set_arg<&resp_code_text::text>]) |
    (x3::raw[code_kw_of(resp_code_kind::urlmech)][set_code_kind<resp_code_kind::urlmech>] > sp >
     code_kw("INTERNAL") > *(sp >> url_mechanism_rule[push_arg<&resp_code_urlmech::mechanisms>])) |
    (x3::raw[code_kw_of(resp_code_kind::undefined_filter)]
            [set_code_kind<resp_code_kind::undefined_filter>] > sp >
     filter_name[set_arg<&resp_code_text::text>]) |
    (x3::raw[code_kw_of(resp_code_kind::inprogress)][set_code_kind<resp_code_kind::inprogress>] >>
     -(sp >> x3::lit('(')[([](auto& ctx) {
         payload<resp_code_inprogress>(x3::_val(ctx)).has_state = true;
       })] > inprogress_tag > sp > inprogress_state > ')')) |
    (x3::raw[code_kw_of(resp_code_kind::messagelimit)]
            [set_code_kind<resp_code_kind::messagelimit>] > sp >
     nz_number[set_arg<&resp_code_messagelimit::limit>] >>
     -(sp >> nz_number[([](auto& ctx) {
         payload<resp_code_messagelimit>(x3::_val(ctx)).uid = x3::_attr(ctx);
       })])) |
    // "ANNOTATE" SP ("TOOBIG" / "TOOMANY")   (RFC 5257)
    (x3::raw[code_kw_of(resp_code_kind::annotate_toobig)]
            [([](auto& ctx) { x3::_val(ctx).name = as_view(x3::_attr(ctx)); })] > sp >
     (metadata_kw_of(
          resp_code_kind::annotate_toobig)[set_kind_only<resp_code_kind::annotate_toobig>] |
      metadata_kw_of(
          resp_code_kind::annotate_toomany)[set_kind_only<resp_code_kind::annotate_toomany>])) |
    // "ANNOTATIONS" SP ann-size; ann-size = "NONE" / (("READ-ONLY" / nz-number) [SP "NOPRIVATE"])
    (x3::raw[code_kw_of(resp_code_kind::annotations)][set_code_kind<resp_code_kind::annotations>] >
     sp >
     (code_kw(
          "NONE")[([](auto& ctx) { payload<resp_code_annotations>(x3::_val(ctx)).none = true; })] |
      ((code_kw("READ-ONLY")[(
            [](auto& ctx) { payload<resp_code_annotations>(x3::_val(ctx)).read_only = true; })] |
        nz_number[set_arg<&resp_code_annotations::max_size>]) >>
       -(sp >> code_kw("NOPRIVATE")[([](auto& ctx) {
           payload<resp_code_annotations>(x3::_val(ctx)).noprivate = true;
         })])))) |
    (x3::raw[code_kw_of(resp_code_kind::metadata_longentries)][([](auto& ctx) {
       x3::_val(ctx).name = as_view(x3::_attr(ctx));
     })] > sp > resp_code_metadata_rule[([](auto& ctx) {
       x3::_val(ctx).kind = x3::_attr(ctx).kind;
       x3::_val(ctx).arg = x3::_attr(ctx).arg;
     })]);
IMAPKIT_DEFINE(resp_code_ext_rule)

// atom [SP 1*<any TEXT-CHAR except "]">]: the codes without data, and the codes nobody knows.
IMAPKIT_RULE(resp_code_atom, "resp-text-code", code);
inline const auto resp_code_atom_rule_def =
    atom[([](auto& ctx) {
      x3::_val(ctx).name = x3::_attr(ctx);
      x3::_val(ctx).kind = code_without_data(x3::_attr(ctx));
    })] >>
    -(sp >> code_text_parser{}[([](auto& ctx) {
        x3::_val(ctx).arg = imapkit::resp_code_text{x3::_attr(ctx)};
        x3::_val(ctx).kind = resp_code_kind::other;  // a known code never carries text
      })]);
IMAPKIT_DEFINE(resp_code_atom_rule)

// resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
//   "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" /
//   "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//   "UNSEEN" SP nz-number (RFC 3501) / resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" /
//   RFC 5530's codes / "CLOSED" / "UNKNOWN-CTE" / atom [SP 1*<any TEXT-CHAR except "]">]
//   (RFC 9051 §9)
// resp-code-apnd = "APPENDUID" SP nz-number SP append-uid   (RFC 4315: append-uid may be a uid-set)
// resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
// resp-text-code =/ "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" /
//                   "MODIFIED" SP sequence-set   (RFC 7162)
// resp-text-code =/ "MAILBOXID" SP "(" objectid ")"   (RFC 8474)
// resp-text-code =/ "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" /
//                   "NOPRIVATE")   (RFC 5464)
// A known code whose arguments do not read as its own ("[UIDNEXT]", "[COPYUID 701  ]", "[UIDNEXT
// 5 6]") is the generic code its bytes also are, kind other, in both modes: RFC 9051's catch-all
// takes it, and a client keeps the response (docs/grammar-conventions.md).
IMAPKIT_RULE(resp_text_code, "resp-text-code", code);
inline const auto resp_text_code_rule_def =
    backtrack_on_syntax_error[resp_code_base_rule[set_val] >> &x3::lit(']')] |
    backtrack_on_syntax_error[resp_code_ext_rule[set_val] >> &x3::lit(']')] |
    resp_code_atom_rule[set_val];
IMAPKIT_DEFINE(resp_text_code_rule)
inline const auto& resp_text_code = resp_text_code_rule;

// text, possibly empty (RFC 9051: resp-text = ["[" resp-text-code "]" SP] [text]).
inline const auto resp_text_tail = -text[set_member<&imapkit::resp_text::text>];

// resp-text = ["[" resp-text-code "]" SP] [text]
// Lenient: "]" directly followed by CRLF (no SP before the empty text).
IMAPKIT_RULE(resp_text, "resp-text", imapkit::resp_text);
inline const auto resp_text_rule_def =
    -(('[' >> resp_text_code >> ']' >> (sp | if_quirk<quirk::code_without_space>[&crlf]))[(
        [](auto& ctx) { x3::_val(ctx).code = x3::_attr(ctx); })]) >>
    resp_text_tail;
IMAPKIT_DEFINE(resp_text_rule)
inline const auto& resp_text = resp_text_rule;

}  // namespace imapkit::grammar
