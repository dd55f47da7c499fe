// msg-att: the data items of a FETCH response (RFC 9051 §9; RFC 3501 §9; extensions).
//
// This header only declares the rule, so that the response grammar can call it without compiling
// it: call it as separately_compiled[msg_att_list_rule][action]. The definition is in
// fetch_def.hpp and is instantiated once, in src/fetch/parse_fetch.cpp.
#pragma once

#include "imapkit/ast/fetch.hpp"
#include "x3/expect.hpp"

namespace imapkit::grammar {

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
IMAPKIT_RULE(msg_att_list, "msg-att", imapkit::msg_att_list);
BOOST_SPIRIT_DECLARE(decltype(msg_att_list_rule))

}  // namespace imapkit::grammar
