// Definitions of the SEARCH / SORT / THREAD argument rules declared in search.hpp. Included only
// by src/search/parse_search.cpp, which instantiates them.
#pragma once

#include <array>
#include <utility>
#include <variant>

#include "abnf/ascii.hpp"
#include "lexical/annotate.hpp"
#include "lexical/lexical.hpp"
#include "lexical/modifiers.hpp"
#include "lexical/objectid.hpp"
#include "search/search.hpp"

namespace imapkit::grammar {

namespace search_detail {

template <search_key_kind Kind>
inline constexpr auto key = primitives::set_member_to<&imapkit::search_key::kind, Kind>;

// A search value: astring. Lenient mode also takes 8-bit octets in its atom form, which
// Python's imaplib sends for non-ASCII search text without CHARSET literal (docs/quirks.md).
inline constexpr primitives::char_run_parser<chars::astring_char, chars::lenient_atom_char,
                                             quirk::eight_bit_search_atom>
    search_astring_chars{"ASTRING-CHAR"};
IMAPKIT_RULE(search_value, "astring", imapkit::string);
inline const auto search_value = search_value_rule =
    search_astring_chars[(
        [](auto& ctx) { x3::_val(ctx) = imapkit::string::atom(x3::_attr(ctx)); })] |
    string[set_val];

// objectid: src/lexical/objectid.hpp
using grammar::objectid;

// entry-name = entry-flag-name; entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE
// (RFC 7162 §7: a quoted string with quoted's escapes, so "\\seen" is \seen)
IMAPKIT_RULE(entry_name, "entry-name", imapkit::string);
inline const auto entry_name = entry_name_rule = quoted_p[([](auto& ctx) {
  const std::string_view v = x3::_attr(ctx).value;
  constexpr std::string_view prefix = "/flags/";
  // Case-insensitive for the letters only: `c | 0x20` would also turn the control character
  // 0x0F into "/" (fuzz/regressions/command/modseq-entry-name-control-char-as-slash).
  const bool ok = v.size() > prefix.size() && abnf::istarts_with(v, prefix);
  x3::_val(ctx) = x3::_attr(ctx);
  x3::_pass(ctx) = ok;
})];

// entry-type-req = entry-type-resp / "all"; entry-type-resp = "priv" / "shared"   (RFC 7162)
IMAPKIT_RULE(entry_type_req, "entry-type-req", modseq_entry_type);
inline const auto entry_type_req = entry_type_req_rule =
    primitives::keyword_alternatives<modseq_entry_type_names, nullptr,
                                     &primitives::every_row<keyword_row<modseq_entry_type>>>;

// flag-keyword = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
IMAPKIT_RULE(flag_keyword, "flag-keyword", std::string_view);
inline const auto flag_keyword = flag_keyword_rule = flag_atom_chars;

// A vendor search key: "X-" atom SP astring (X-GM-RAW, X-GM-MSGID, X-GM-LABELS, Dovecot's
// X-GUID and X-MAILBOX). Not in any RFC's ABNF; every one in use takes one astring.
IMAPKIT_RULE(vendor_key_name, "search-key", std::string_view);
inline const auto vendor_key_name = vendor_key_name_rule =
    x3::raw[&kw("X-") >> atom_chars][([](auto& ctx) { x3::_val(ctx) = as_view(x3::_attr(ctx)); })];

// What follows each form's keyword (search_key_names says which key takes which): once the
// keyword matched, SP and the argument are expected.
inline const auto astring_arg = x3::eps > sp > search_value[set_arg<&search_astring::value>];
inline const auto header_arg = x3::eps > sp > search_value[set_arg<&search_header::field>] > sp >
                               search_value[set_arg<&search_header::value>];
inline const auto flag_keyword_arg = x3::eps > sp > flag_keyword[set_arg<&search_atom::value>];
inline const auto objectid_arg = x3::eps > sp > objectid[set_arg<&search_atom::value>];
inline const auto filter_name_arg = x3::eps > sp > filter_name[set_arg<&search_atom::value>];
// "ANNOTATION" SP entry-match SP att-search SP value   (RFC 5257)
inline const auto annotation_arg =
    x3::eps > sp > list_mailbox[([](auto& ctx) {
      payload<search_annotation>(x3::_val(ctx)).entry = x3::_attr(ctx).value;
    })] > sp > att_search[set_arg<&search_annotation::attribute>] > sp >
    annotation_value_data[set_arg<&search_annotation::value>];
inline const auto date_arg = x3::eps > sp > date[set_arg<&search_date::date>];
inline const auto number64_arg = x3::eps > sp > number64[set_arg<&search_number::number>];
inline const auto nz_number_arg = x3::eps > sp > nz_number[set_arg<&search_number::number>];
inline const auto set_arg_ = x3::eps > sp > sequence_set[set_arg<&search_set::set>];
// search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
inline const auto modseq_arg = x3::eps > sp >
                               -(entry_name[([](auto& ctx) {
                                   payload<search_modseq>(x3::_val(ctx)).entry =
                                       search_modseq_entry{x3::_attr(ctx)};
                                 })] > sp > entry_type_req[([](auto& ctx) {
                                   payload<search_modseq>(x3::_val(ctx)).entry->type =
                                       x3::_attr(ctx);
                                 })] > sp) > mod_sequence_valzer[set_arg<&search_modseq::number>];
// Keys that hold other keys: each operand one nesting level deeper.
inline const auto one_key_arg =
    x3::eps > sp > nest[search_key_rule[push_arg<&search_operands::keys>]];
inline const auto two_keys_arg =
    x3::eps > sp > nest[search_key_rule[push_arg<&search_operands::keys>] > sp >
                        search_key_rule[push_arg<&search_operands::keys>]];

// A search key that starts with a keyword of search_key_names: the word (up to where an atom
// ends, as whole_kw reads keywords) is looked up in the table once, which sets the kind and
// picks what follows by the row's search_arg.
struct keyed_key_parser : x3::parser<keyed_key_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <class Context, class RContext, class Attribute>
  bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx,
             Attribute&) const {
    const char* p = first;
    while (p != last && chars::is(chars::astring_char, *p)) ++p;
    const search_key_name* row = abnf::find_keyword(
        search_key_names, std::string_view(first, static_cast<std::size_t>(p - first)));
    if (row == nullptr) return false;
    rctx.kind = row->kind;  // rctx: the value of the rule being parsed (search_key)
    const auto tail = [&](const auto& arg) { return arg.parse(p, last, ctx, rctx, x3::unused); };
    bool ok = false;
    switch (row->arg) {
      case search_arg::none:
        ok = true;
        break;
      case search_arg::astring:
        ok = tail(astring_arg);
        break;
      case search_arg::header:
        ok = tail(header_arg);
        break;
      case search_arg::flag_keyword:
        ok = tail(flag_keyword_arg);
        break;
      case search_arg::objectid:
        ok = tail(objectid_arg);
        break;
      case search_arg::filter_name:
        ok = tail(filter_name_arg);
        break;
      case search_arg::annotation:
        ok = tail(annotation_arg);
        break;
      case search_arg::date:
        ok = tail(date_arg);
        break;
      case search_arg::number64:
        ok = tail(number64_arg);
        break;
      case search_arg::nz_number:
        ok = tail(nz_number_arg);
        break;
      case search_arg::set:
        ok = tail(set_arg_);
        break;
      case search_arg::modseq:
        ok = tail(modseq_arg);
        break;
      case search_arg::one_key:
        ok = tail(one_key_arg);
        break;
      case search_arg::two_keys:
        ok = tail(two_keys_arg);
        break;
      case search_arg::key_list:  // "(" and the vendor keys are no keywords (is_keyword false)
      case search_arg::extension:
        break;
    }
    if (!ok) return false;
    first = p;
    return true;
  }
};
inline constexpr keyed_key_parser keyed_key{};

}  // namespace search_detail

// search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / "BODY" SP astring /
//   "CC" SP astring / "DELETED" / "FLAGGED" / "FROM" SP astring / "KEYWORD" SP flag-keyword /
//   "ON" SP date / "SEEN" / "SINCE" SP date / "SUBJECT" SP astring / "TEXT" SP astring /
//   "TO" SP astring / "UNANSWERED" / "UNDELETED" / "UNFLAGGED" / "UNKEYWORD" SP flag-keyword /
//   "UNSEEN" / "DRAFT" / "HEADER" SP header-fld-name SP astring / "LARGER" SP number64 /
//   "NOT" SP search-key / "OR" SP search-key SP search-key / "SENTBEFORE" SP date /
//   "SENTON" SP date / "SENTSINCE" SP date / "SMALLER" SP number64 / "UID" SP sequence-set /
//   "UNDRAFT" / sequence-set / "(" search-key *(SP search-key) ")"          (RFC 9051 §9)
// search-key =/ "NEW" / "OLD" / "RECENT"                                    (RFC 3501 §9)
// search-key =/ search-modsequence                                          (RFC 7162 §7)
// search-key =/ ("OLDER" / "YOUNGER") SP nz-number                          (RFC 5032 §5)
// search-key =/ "EMAILID" SP objectid / "THREADID" SP objectid              (RFC 8474 §7)
// search-key =/ "SAVEDBEFORE" SP date / "SAVEDON" SP date / "SAVEDSINCE" SP date /
//               "SAVEDATESUPPORTED"                                         (RFC 8514 §6)
// search-key =/ "FUZZY" SP search-key                                       (RFC 6203 §6)
// and vendor keys "X-" atom SP astring.
inline const auto search_key_rule_def =
    search_detail::keyed_key |
    (x3::lit('(')[search_detail::key<search_key_kind::list>] >
     nest[search_key_rule[push_arg<&search_operands::keys>] >
          *(sp > search_key_rule[push_arg<&search_operands::keys>])] > ')') |
    (search_detail::vendor_key_name[([](auto& ctx) {
       x3::_val(ctx).kind = search_key_kind::extension;
       payload<search_extension>(x3::_val(ctx)).name = x3::_attr(ctx);
     })] > sp > search_detail::search_value[set_arg<&search_extension::value>]) |
    sequence_set[([](auto& ctx) {
      x3::_val(ctx).kind = search_key_kind::sequence_set;
      payload<search_set>(x3::_val(ctx)).set = x3::_attr(ctx);
    })];
IMAPKIT_DEFINE(search_key_rule)

namespace search_detail {

template <search_return_opt_kind Kind>
inline constexpr auto ret = primitives::set_member_to<&imapkit::search_return_opt::kind, Kind>;

// search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE" / search-ret-opt-ext
//   (RFC 9051 §9, RFC 4731, RFC 5182)
// search-return-opt =/ modifier-context / modifier-partial / modifier-update   (RFC 5267)
// search-return-opt =/ modifier-partial   (RFC 9394); =/ "RELEVANCY"   (RFC 6203)
// search-ret-opt-ext = search-ret-opt-name [SP search-ret-opt-value]   (RFC 4466)
IMAPKIT_RULE(search_return_opt, "search-return-opt", imapkit::search_return_opt);
inline const auto search_return_opt = search_return_opt_rule =
    primitives::keyword_alternatives<search_return_opt_names, &imapkit::search_return_opt::kind,
                                     &primitives::all_but<search_return_opt_kind::partial>> |
    (whole_kw(to_string(search_return_opt_kind::partial))[ret<search_return_opt_kind::partial>] >
     sp > partial_range[set_member<&imapkit::search_return_opt::range>]) |
    (&tagged_ext_label_rule[ret<search_return_opt_kind::extension>] >>
     tagged_ext_item<imapkit::search_return_opt>);

// search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
// (here without its leading SP, which the caller has consumed)
IMAPKIT_RULE(search_return_opts, "search-return-opts", imapkit::search_return_opts);
inline const auto search_return_opts = search_return_opts_rule =
    whole_kw("RETURN")[([](auto& ctx) { x3::_val(ctx).present = true; })] > sp > '(' >
    -(search_return_opt[push_member<&imapkit::search_return_opts::options>] % sp) > ')';

// sort-key = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO"   (RFC 5256 §5)
// sort-key =/ "DISPLAYFROM" / "DISPLAYTO"   (RFC 5957 §3); =/ "RELEVANCY"   (RFC 6203 §6)
// sort-key =/ "ANNOTATION" SP entry SP att-sort; att-sort = "value.priv" / "value.shared"
// (RFC 5257 §5), and vendor keys "X-" atom (Dovecot's X-SCORE).
IMAPKIT_RULE(sort_key, "sort-key", imapkit::sort_criterion);
inline const auto sort_key = sort_key_rule =
    primitives::keyword_alternatives<sort_key_names, &imapkit::sort_criterion::key,
                                     &primitives::all_but<sort_key_kind::annotation>> |
    (whole_kw(to_string(sort_key_kind::annotation))
         [primitives::set_member_to<&imapkit::sort_criterion::key, sort_key_kind::annotation>] >
     sp > astring[set_member<&imapkit::sort_criterion::entry>] > sp > att_search[([](auto& ctx) {
       x3::_val(ctx).attribute = x3::_attr(ctx);
       x3::_pass(ctx) = x3::_attr(ctx) != imapkit::annotation_attribute::value;
     })]) |
    vendor_key_name[([](auto& ctx) {
      x3::_val(ctx).key = sort_key_kind::extension;
      x3::_val(ctx).name = x3::_attr(ctx);
    })];

// sort-criterion = ["REVERSE" SP] sort-key   (RFC 5256 §5)
IMAPKIT_RULE(sort_criterion, "sort-criterion", imapkit::sort_criterion);
inline const auto sort_criterion = sort_criterion_rule =
    -(whole_kw("REVERSE")[([](auto& ctx) { x3::_val(ctx).reverse = true; })] > sp) >
    sort_key[([](auto& ctx) {
      x3::_val(ctx).key = x3::_attr(ctx).key;
      x3::_val(ctx).name = x3::_attr(ctx).name;
      x3::_val(ctx).entry = x3::_attr(ctx).entry;
      x3::_val(ctx).attribute = x3::_attr(ctx).attribute;
    })];

// sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"   (RFC 5256 §5)
IMAPKIT_RULE(sort_criteria, "sort-criteria", list<imapkit::sort_criterion>);
inline const auto sort_criteria = sort_criteria_rule = '(' > sort_criterion[push_val] >
                                                       *(sp > sort_criterion[push_val]) > ')';

}  // namespace search_detail

// search = "SEARCH" [search-return-opts] SP search-program
// search-program = ["CHARSET" SP charset SP] search-key *(SP search-key)   (RFC 9051 §9)
inline const auto search_program_rule_def =
    -(search_detail::search_return_opts[set_member<&imapkit::search_program::returns>] > sp) >>
    -(whole_kw("CHARSET") > sp >
      charset[([](auto& ctx) { x3::_val(ctx).charset = x3::_attr(ctx); })] >
      sp) > search_key_rule[push_member<&imapkit::search_program::keys>] >
    *(sp > search_key_rule[push_member<&imapkit::search_program::keys>]);
IMAPKIT_DEFINE(search_program_rule)

// sort = ["UID" SP] "SORT" SP sort-criteria SP search-criteria   (RFC 5256 §5)
// sort =/ ["UID" SP] "SORT" SP sort-return-opts SP sort-criteria SP search-criteria  (RFC 5267)
// search-criteria = charset 1*(SP search-key)
inline const auto sort_program_rule_def =
    -(search_detail::search_return_opts[set_member<&imapkit::sort_program::returns>] > sp) >
    search_detail::sort_criteria[set_member<&imapkit::sort_program::criteria>] > sp >
    charset[set_member<&imapkit::sort_program::charset>] > sp >
    search_key_rule[push_member<&imapkit::sort_program::keys>] >
    *(sp > search_key_rule[push_member<&imapkit::sort_program::keys>]);
IMAPKIT_DEFINE(sort_program_rule)

// thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
// thread-alg = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext; thread-alg-ext = atom
//   (RFC 5256 §5)
inline const auto thread_program_rule_def =
    atom[([](auto& ctx) {
      auto& v = x3::_val(ctx);
      v.name = x3::_attr(ctx);
      const auto* row = abnf::find_keyword(thread_algorithm_names, v.name);
      v.algorithm = row ? row->kind : thread_algorithm::other;
    })] > sp > charset[set_member<&imapkit::thread_program::charset>] > sp >
    search_key_rule[push_member<&imapkit::thread_program::keys>] >
    *(sp > search_key_rule[push_member<&imapkit::thread_program::keys>]);
IMAPKIT_DEFINE(thread_program_rule)

}  // namespace imapkit::grammar
