// Definitions of the FETCH / STORE argument rules declared in fetch_command.hpp. Included only by
// src/fetch/parse_fetch_command.cpp, which instantiates them.
#pragma once

#include <new>

#include "fetch/fetch_command.hpp"
#include "lexical/annotate.hpp"
#include "lexical/gmail.hpp"
#include "lexical/lexical.hpp"
#include "lexical/modifiers.hpp"
#include "lexical/section.hpp"

namespace imapkit::grammar {

namespace fetch_detail {

template <fetch_att_kind Kind>
inline constexpr auto att = primitives::set_member_to<&imapkit::fetch_att::kind, Kind>;
inline constexpr auto set_peek = [](auto& ctx) { x3::_val(ctx).peek = true; };
inline constexpr auto set_section = [](auto& ctx) { x3::_val(ctx).section = x3::_attr(ctx); };
inline constexpr auto set_partial = [](auto& ctx) { x3::_val(ctx).partial = x3::_attr(ctx); };

// The section rules of section.hpp, compiled once here and referenced by rule object (keeps the
// fetch-att types small: a definition used by value is copied into every user's type).
IMAPKIT_RULE(fetch_section, "section", imapkit::section);
inline const auto fetch_section_rule_def = section;
IMAPKIT_RULE(fetch_section_binary, "section-binary", imapkit::section);
inline const auto fetch_section_binary_rule_def = section_binary;
IMAPKIT_DEFINE(fetch_section_rule)
IMAPKIT_DEFINE(fetch_section_binary_rule)

// partial = "<" number "." nz-number ">"   (RFC 9051 §9)
IMAPKIT_RULE(partial, "partial", imapkit::fetch_partial);
inline const auto partial_rule_def = '<' > number[set_member<&imapkit::fetch_partial::offset>] >
                                     '.' > nz_number[set_member<&imapkit::fetch_partial::length>] >
                                     '>';
IMAPKIT_DEFINE(partial_rule)

// preview-mod = "LAZY"   (RFC 8970 §7)
IMAPKIT_RULE(preview_mod, "preview-mod", x3::unused_type);
inline const auto preview_mod = preview_mod_rule = whole_kw("LAZY");

// An item named by a vendor: "X-" atom (X-GM-MSGID, X-GM-THRID, X-GM-LABELS, Dovecot's X-GUID,
// X-MAILBOX, X-SAVEDATE), or Dovecot's SNIPPET (the draft PREVIEW).
IMAPKIT_RULE(vendor_att_name, "fetch-att", std::string_view);
inline const auto vendor_att_name = vendor_att_name_rule =
    x3::raw[(&kw("X-") >> atom_chars) | whole_kw("SNIPPET")]
           [([](auto& ctx) { x3::_val(ctx) = as_view(x3::_attr(ctx)); })];

// The fetch-atts with a section: "BODY" section [partial] / "BODY.PEEK" section [partial] /
// "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary
//   (RFC 9051 §9, RFC 3516 §6)
IMAPKIT_RULE(fetch_att_section, "fetch-att", imapkit::fetch_att);
inline const auto fetch_att_section_rule_def =
    (kw("BODY.PEEK")[att<fetch_att_kind::body_section>][set_peek] >
     fetch_section_rule[set_section] > -partial_rule[set_partial]) |
    (kw("BODY")[att<fetch_att_kind::body_section>] >> fetch_section_rule[set_section] >
     -partial_rule[set_partial]) |
    (kw("BINARY.PEEK")[att<fetch_att_kind::binary>][set_peek] >
     fetch_section_binary_rule[set_section] > -partial_rule[set_partial]) |
    (kw("BINARY.SIZE")[att<fetch_att_kind::binary_size>] > fetch_section_binary_rule[set_section]) |
    (kw("BINARY")[att<fetch_att_kind::binary>] > fetch_section_binary_rule[set_section] >
     -partial_rule[set_partial]);

// The fetch-atts that are a keyword: "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822"
// [".HEADER" / ".SIZE" / ".TEXT"] / "BODY" ["STRUCTURE"] / "UID"   (RFC 9051 §9, RFC 3501 §9)
// fetch-att =/ "MODSEQ"                                   (RFC 7162 §7)
// fetch-att =/ "EMAILID" / "THREADID"                     (RFC 8474 §7)
// fetch-att =/ "SAVEDATE"                                 (RFC 8514 §6)
// fetch-att =/ "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]   (RFC 8970 §7)
// fetch-att =/ "ANNOTATION" SP "(" entries SP attribs ")"   (RFC 5257 §5)
constexpr bool keyword_alone(const keyword_row<fetch_att_kind>& row) {
  return row.kind != fetch_att_kind::preview && row.kind != fetch_att_kind::annotation;
}
IMAPKIT_RULE(fetch_att_keyword, "fetch-att", imapkit::fetch_att);
inline const auto fetch_att_keyword_rule_def =
    primitives::keyword_alternatives<fetch_att_names, &imapkit::fetch_att::kind, &keyword_alone> |
    (whole_kw(to_string(fetch_att_kind::annotation))[att<fetch_att_kind::annotation>] > sp >
     annotation_fetch[([](auto& ctx) {
       auto* stored = state(ctx).mem.template allocate_array<imapkit::annotation_fetch>(1);
       x3::_val(ctx).annotation = new (stored) imapkit::annotation_fetch(x3::_attr(ctx));
     })]) |
    // lazy is set only once the whole "(" preview-mod ... ")" has matched: "PREVIEW (LAZY 0 ...)"
    // is PREVIEW followed by fetch-modifiers
    // (fuzz/regressions/ast_roundtrip/preview-lazy-set-by-backtracked-group).
    (whole_kw(to_string(fetch_att_kind::preview))[att<fetch_att_kind::preview>] >>
     -(sp >> '(' >> (preview_mod % sp) >> ')')[([](auto& ctx) { x3::_val(ctx).lazy = true; })]);
IMAPKIT_DEFINE(fetch_att_section_rule)
IMAPKIT_DEFINE(fetch_att_keyword_rule)

// fetch-att: the keyword items, the section items, and vendor items (vendor_att_name).
IMAPKIT_RULE(fetch_att, "fetch-att", imapkit::fetch_att);
inline const auto fetch_att_rule_def = fetch_att_section_rule[set_val] |
                                       fetch_att_keyword_rule[set_val] |
                                       vendor_att_name[([](auto& ctx) {
                                         x3::_val(ctx).kind = fetch_att_kind::extension;
                                         x3::_val(ctx).name = x3::_attr(ctx);
                                       })];

// A fetch-att inside the parenthesised list, where a vendor item may carry a parenthesised
// argument list (Dovecot's "SNIPPET (LAZY=FUZZY)"); outside a list that "(" would be read as
// fetch-modifiers.
IMAPKIT_RULE(listed_fetch_att, "fetch-att", imapkit::fetch_att);
inline const auto listed_fetch_att_rule_def =
    fetch_att_rule[set_val] >>
    -(x3::eps[([](auto& ctx) {
        x3::_pass(ctx) = x3::_val(ctx).kind == fetch_att_kind::extension;
      })] >>
      sp >> &x3::lit('(') >>
      generic_value[([](auto& ctx) { x3::_val(ctx).params = x3::_attr(ctx); })]);
IMAPKIT_DEFINE(fetch_att_rule)
IMAPKIT_DEFINE(listed_fetch_att_rule)

template <fetch_modifier_kind Kind>
inline constexpr auto modifier_kw =
    whole_kw(to_string(Kind))[([](auto& ctx) { x3::_val(ctx).kind = Kind; })];

// fetch-modifier = fetch-modifier-name [ SP fetch-modif-params ]   (RFC 4466 §2.4)
// fetch-modifier =/ chgsince-fetch-mod / "VANISHED"   (RFC 7162 §7)
// chgsince-fetch-mod = "CHANGEDSINCE" SP mod-sequence-value
// fetch-modifier =/ modifier-partial; modifier-partial = "PARTIAL" SP partial-range  (RFC 9394)
IMAPKIT_RULE(fetch_modifier, "fetch-modifier", imapkit::fetch_modifier);
inline const auto fetch_modifier = fetch_modifier_rule =
    (modifier_kw<fetch_modifier_kind::changed_since> > sp >
     mod_sequence_value[set_member<&imapkit::fetch_modifier::mod_sequence>]) |
    modifier_kw<fetch_modifier_kind::vanished> |
    (modifier_kw<fetch_modifier_kind::partial> > sp >
     partial_range[set_member<&imapkit::fetch_modifier::range>]) |
    (&tagged_ext_label_rule[primitives::set_member_to<&imapkit::fetch_modifier::kind,
                                                      fetch_modifier_kind::extension>] >>
     tagged_ext_item<imapkit::fetch_modifier>);

// fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"   (RFC 4466 §2.4)
// (here without its leading SP)
IMAPKIT_RULE(fetch_modifiers, "fetch-modifiers", list<imapkit::fetch_modifier>);
inline const auto fetch_modifiers = fetch_modifiers_rule = '(' > fetch_modifier[push_val] >
                                                           *(sp > fetch_modifier[push_val]) > ')';

// store-modifier = store-modifier-name [SP store-modif-params]   (RFC 4466 §2.5)
// store-modifier =/ "UNCHANGEDSINCE" SP mod-sequence-valzer   (RFC 7162 §7)
IMAPKIT_RULE(store_modifier, "store-modifier", imapkit::store_modifier);
inline const auto store_modifier = store_modifier_rule =
    (whole_kw(to_string(store_modifier_kind::unchanged_since))[primitives::set_member_to<
         &imapkit::store_modifier::kind, store_modifier_kind::unchanged_since>] > sp >
     mod_sequence_valzer[set_member<&imapkit::store_modifier::mod_sequence>]) |
    (&tagged_ext_label_rule[primitives::set_member_to<&imapkit::store_modifier::kind,
                                                      store_modifier_kind::extension>] >>
     tagged_ext_item<imapkit::store_modifier>);

// store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"   (RFC 4466 §2.5)
// (here without its leading SP)
IMAPKIT_RULE(store_modifiers, "store-modifiers", list<imapkit::store_modifier>);
inline const auto store_modifiers = store_modifiers_rule = '(' > store_modifier[push_val] >
                                                           *(sp > store_modifier[push_val]) > ')';

template <store_operation Op>
inline constexpr auto operation = [](auto& ctx) { x3::_val(ctx).operation = Op; };

inline constexpr auto set_silent = [](auto& ctx) { x3::_val(ctx).silent = true; };
inline constexpr auto set_parenthesized = [](auto& ctx) { x3::_val(ctx).parenthesized = true; };

// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
//   (RFC 9051 §9); store-att-flags =/ att-annotate (RFC 5257)
// Gmail (X-GM-EXT-1): (["+" / "-"] "X-GM-LABELS" [".SILENT"]) SP ("(" [label *(SP label)] ")" /
//   label *(SP label))
IMAPKIT_RULE(store_att_flags, "store-att-flags", imapkit::store_program);
inline const auto store_att_flags = store_att_flags_rule =
    -(x3::lit('+')[operation<store_operation::add>] |
      x3::lit('-')[operation<store_operation::remove>]) >>
    ((kw(to_string(store_item::flags)) > -kw(".SILENT")[set_silent] > sp >
      (flag_list[([](auto& ctx) {
         x3::_val(ctx).flags = x3::_attr(ctx);
         x3::_val(ctx).parenthesized = true;
       })] |
       (flag[push_member<&imapkit::store_program::flags>] % sp))) |
     (kw(to_string(store_item::gmail_labels))[primitives::set_member_to<
          &imapkit::store_program::item, store_item::gmail_labels>] > -kw(".SILENT")[set_silent] >
      sp > ((x3::lit('(')[set_parenthesized] >
             -(gmail_label[push_member<&imapkit::store_program::labels>] % sp) > ')') |
            (gmail_label[push_member<&imapkit::store_program::labels>] % sp))) |
     // store-att-flags =/ att-annotate (RFC 5257 §5): no "+" / "-", no ".SILENT"
     (kw(to_string(store_item::annotation))[([](auto& ctx) {
        x3::_val(ctx).item = store_item::annotation;
        x3::_pass(ctx) = x3::_val(ctx).operation == store_operation::replace;
      })] > sp > att_annotate[set_member<&imapkit::store_program::annotations>]));

// The item part of fetch: "ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")"
IMAPKIT_RULE(fetch_items, "fetch-att", imapkit::fetch_program);
inline const auto fetch_items = fetch_items_rule =
    primitives::keyword_alternatives<fetch_macro_names, &imapkit::fetch_program::macro,
                                     &primitives::all_but<fetch_macro::none>> |
    (x3::lit('(')[([](auto& ctx) { x3::_val(ctx).parenthesized = true; })] >
     listed_fetch_att_rule[push_member<&imapkit::fetch_program::atts>] >
     *(sp > listed_fetch_att_rule[push_member<&imapkit::fetch_program::atts>]) > ')') |
    fetch_att_rule[push_member<&imapkit::fetch_program::atts>];

}  // namespace fetch_detail

// fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
//         "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]   (RFC 9051 §9, RFC 4466 §2.4)
inline const auto fetch_program_rule_def =
    x3::eps > sequence_set[set_member<&imapkit::fetch_program::set>] > sp >
    fetch_detail::fetch_items[([](auto& ctx) {
      auto& v = x3::_val(ctx);
      v.macro = x3::_attr(ctx).macro;
      v.atts = x3::_attr(ctx).atts;
      v.parenthesized = x3::_attr(ctx).parenthesized;
    })] > -(sp > fetch_detail::fetch_modifiers[set_member<&imapkit::fetch_program::modifiers>]);
IMAPKIT_DEFINE(fetch_program_rule)

// store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
//   (RFC 9051 §9, RFC 4466 §2.5)
inline const auto store_program_rule_def =
    x3::eps > sequence_set[set_member<&imapkit::store_program::set>] >
    -(sp >> &x3::lit('(') >
      fetch_detail::store_modifiers[set_member<&imapkit::store_program::modifiers>]) > sp
    > fetch_detail::store_att_flags[([](auto& ctx) {
        auto& v = x3::_val(ctx);
        v.operation = x3::_attr(ctx).operation;
        v.item = x3::_attr(ctx).item;
        v.silent = x3::_attr(ctx).silent;
        v.flags = x3::_attr(ctx).flags;
        v.labels = x3::_attr(ctx).labels;
        v.annotations = x3::_attr(ctx).annotations;
        v.parenthesized = x3::_attr(ctx).parenthesized;
      })];
IMAPKIT_DEFINE(store_program_rule)

}  // namespace imapkit::grammar
