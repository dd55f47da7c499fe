// ID's parameter list (RFC 2971 §4), read by the ID command and the ID response alike.
#pragma once

#include "imapkit/ast/mailbox_data.hpp"
#include "lexical/lexical.hpp"

namespace imapkit::grammar {

// id-params-list = "(" *(string SP nstring) ")" / nil: one "string SP nstring" pair (RFC 2971
// names no production for the pair, so errors inside it name the list).
IMAPKIT_RULE(id_param, "id-params-list", imapkit::id_param);
inline const auto id_param_rule_def = string[set_member<&imapkit::id_param::field>] > sp >
                                      nstring[set_member<&imapkit::id_param::value>];
IMAPKIT_DEFINE(id_param_rule)
inline const auto& id_param = id_param_rule;

}  // namespace imapkit::grammar
