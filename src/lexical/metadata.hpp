// METADATA's entry and value (RFC 5464 §5), read by SETMETADATA / GETMETADATA commands and by
// the METADATA response alike.
#pragma once

#include "imapkit/ast/mailbox_data.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// entry = astring
IMAPKIT_RULE(entry, "entry", imapkit::string);
inline const auto entry_rule_def = astring;
IMAPKIT_DEFINE(entry_rule)
inline const auto& entry = entry_rule;

// value = nstring / literal8
IMAPKIT_RULE(metadata_value, "value", imapkit::string);
inline const auto metadata_value_rule_def = nstring[set_val] | literal8[set_val];
IMAPKIT_DEFINE(metadata_value_rule)
inline const auto& metadata_value = metadata_value_rule;

// entry-value = entry SP value
IMAPKIT_RULE(entry_value, "entry-value", imapkit::metadata_entry);
inline const auto entry_value_rule_def =
    entry[set_member<&imapkit::metadata_entry::entry>] > sp >
    metadata_value[set_member<&imapkit::metadata_entry::value>];
IMAPKIT_DEFINE(entry_value_rule)
inline const auto& entry_value = entry_value_rule;

}  // namespace imapkit::grammar
