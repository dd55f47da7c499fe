// Rules of the extensions' argument shapes that both directions read: RFC 4466's tagged-ext
// labels and values, RFC 7162's mod-sequence values and RFC 9394's partial-range. Each exists
// here only: the command areas (search_def.hpp, fetch_command_def.hpp, command_auth_def.hpp) and
// the response areas (resp_text_code.hpp, mailbox_data.hpp) read these definitions.
#pragma once

#include "imapkit/ast/search.hpp"
#include "lexical/generic.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// mod-sequence-value = 1*DIGIT   ; 1 <= n <= 9,223,372,036,854,775,807 (RFC 7162 §7)
// Lenient: 0 as well (docs/quirks.md "mod-sequence-value 0": Purelymail's HIGHESTMODSEQ 0 for an
// empty mailbox, old Cyrus MODSEQ 0, clients' QRESYNC (uidvalidity 0)).
IMAPKIT_RULE(mod_sequence_value, "mod-sequence-value", std::uint64_t);
inline const auto mod_sequence_value = mod_sequence_value_rule = number64_p[([](auto& ctx) {
  x3::_val(ctx) = x3::_attr(ctx);
  x3::_pass(ctx) = x3::_attr(ctx) != 0 || state(ctx).take(quirk::mod_sequence_zero);
})];

// mod-sequence-valzer = "0" / mod-sequence-value   (RFC 7162 §7)
IMAPKIT_RULE(mod_sequence_valzer, "mod-sequence-valzer", std::uint64_t);
inline const auto mod_sequence_valzer = mod_sequence_valzer_rule = number64_p;

// partial-range-first = nz-number ":" nz-number
// partial-range-last  = MINUS nz-number ":" MINUS nz-number
// partial-range       = partial-range-first / partial-range-last   (RFC 9394 §4, RFC 5267 §6)
IMAPKIT_RULE(partial_range, "partial-range", imapkit::partial_range);
inline const auto partial_range = partial_range_rule =
    (x3::lit('-')[([](auto& ctx) { x3::_val(ctx).from_end = true; })] >
     nz_number[set_member<&imapkit::partial_range::first>] > ':' > '-' >
     nz_number[set_member<&imapkit::partial_range::last>]) |
    (nz_number[set_member<&imapkit::partial_range::first>] > ':' >
     nz_number[set_member<&imapkit::partial_range::last>]);

// tagged-ext-label = tagged-label-fchar *tagged-label-char
// tagged-label-fchar = ALPHA / "-" / "_" / "."
// tagged-label-char = tagged-label-fchar / DIGIT / ":"   (RFC 4466 §2.1)
IMAPKIT_RULE(tagged_ext_label, "tagged-ext-label", std::string_view);
inline const auto tagged_ext_label_rule_def =
    x3::raw[x3::char_("a-zA-Z_.-") >> *x3::char_("a-zA-Z0-9_.:-")]
           [([](auto& ctx) { x3::_val(ctx) = as_view(x3::_attr(ctx)); })];
IMAPKIT_DEFINE(tagged_ext_label_rule)

// tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"
// tagged-ext-simple = sequence-set / number / number64   (RFC 4466 §2.1; RFC 9394 adds
// partial-range-last). Taken as a generic value: a token (for the simple forms) or a list.
IMAPKIT_RULE(tagged_ext_val, "tagged-ext-val", imapkit::generic_value);
inline const auto tagged_ext_val_rule_def =
    &(x3::lit('(') | x3::char_("0-9*$") | (x3::lit('-') >> x3::char_("0-9"))) >>
    generic_value[set_val];
IMAPKIT_DEFINE(tagged_ext_val_rule)

// An extension's name and its optional value: NAME [SP tagged-ext-val]. The value is taken only
// where it can be one (a number, a set, a list), so that "RETURN (FOO MIN)" is two options.
// A variable template's initialization is unordered with respect to other variables, so this
// one may only copy constant-initialized objects: the rule objects, never a rule definition
// (with Clang, a copied definition was still zero at start-up and the options failed to parse).
template <class Attribute>
inline const auto tagged_ext_item =
    tagged_ext_label_rule[set_member<&Attribute::name>] >>
    -(sp >> tagged_ext_val_rule[([](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); })]);

}  // namespace imapkit::grammar
