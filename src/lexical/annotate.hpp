// RFC 5257 ANNOTATE-EXPERIMENT-1: the rules that FETCH's and STORE's arguments (fetch TU) and
// SEARCH's and SORT's keys (search TU) share.
#pragma once

#include "abnf/ascii.hpp"
#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/ast/search.hpp"
#include "lexical/lexical.hpp"
#include "lexical/metadata.hpp"

namespace imapkit::grammar {

// value = nstring / literal8: RFC 5464's value (metadata_value), which RFC 5257 defines alike
inline const auto& annotation_value_data = metadata_value;

// att-value = attrib SP value; attrib = astring
IMAPKIT_RULE(att_value, "att-value", imapkit::annotation_value);
inline const auto att_value_rule_def =
    astring[set_member<&imapkit::annotation_value::attribute>] > sp >
    annotation_value_data[set_member<&imapkit::annotation_value::value>];
IMAPKIT_DEFINE(att_value_rule)

// entry-att = entry SP "(" att-value *(SP att-value) ")"; entry = astring
IMAPKIT_RULE(entry_att, "entry-att", imapkit::annotation_entry);
inline const auto entry_att_rule_def =
    astring[set_member<&imapkit::annotation_entry::entry>] > sp > x3::lit('(') >
    (att_value_rule[push_member<&imapkit::annotation_entry::values>] % sp) > ')';
IMAPKIT_DEFINE(entry_att_rule)
inline const auto& entry_att = entry_att_rule;

// att-annotate = "ANNOTATION" SP "(" entry-att *(SP entry-att) ")", after "ANNOTATION" SP
IMAPKIT_RULE(att_annotate, "att-annotate", list<imapkit::annotation_entry>);
inline const auto att_annotate_rule_def = x3::lit('(') > (entry_att[push_val] % sp) > ')';
IMAPKIT_DEFINE(att_annotate_rule)
inline const auto& att_annotate = att_annotate_rule;

// "(" entries SP attribs ")", after FETCH's "ANNOTATION" SP:
// entries = entry-match / "(" entry-match *(SP entry-match) ")"; entry-match = list-mailbox
// attribs = attrib / "(" attrib *(SP attrib) ")"; attrib = astring
IMAPKIT_RULE(annotation_fetch, "ANNOTATION", imapkit::annotation_fetch);
inline const auto annotation_fetch_rule_def =
    x3::lit('(') > ((x3::lit('(')[([](auto& ctx) { x3::_val(ctx).entries_parenthesized = true; })] >
                     (list_mailbox[push_member<&imapkit::annotation_fetch::entries>] % sp) > ')') |
                    list_mailbox[push_member<&imapkit::annotation_fetch::entries>]) > sp
    > ((x3::lit('(')[([](auto& ctx) { x3::_val(ctx).attributes_parenthesized = true; })] >
        (astring[push_member<&imapkit::annotation_fetch::attributes>] % sp) > ')') |
       astring[push_member<&imapkit::annotation_fetch::attributes>]) > ')';
IMAPKIT_DEFINE(annotation_fetch_rule)
inline const auto& annotation_fetch = annotation_fetch_rule;

// att-search = "value" / "value.priv" / "value.shared" (annotation_attribute_names, written in
// lower case as RFC 5257 writes them; matched in any case, as ABNF strings are). The whole word:
// "value" does not match the start of "value.priv".
IMAPKIT_RULE(att_search, "att-search", imapkit::annotation_attribute);
inline const auto att_search_rule_def = atom_chars[([](auto& ctx) {
  x3::_pass(ctx) = false;
  for (const auto& row : imapkit::annotation_attribute_names)
    if (abnf::iequals(x3::_attr(ctx), row.keyword)) {
      x3::_val(ctx) = row.kind;
      x3::_pass(ctx) = true;
    }
})];
IMAPKIT_DEFINE(att_search_rule)
inline const auto& att_search = att_search_rule;

}  // namespace imapkit::grammar
