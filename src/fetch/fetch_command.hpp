// FETCH and STORE command arguments (RFC 9051 §9, RFC 3501 §9, RFC 3516, RFC 4466, RFC 7162,
// RFC 8474, RFC 8514, RFC 8970, RFC 9394).
//
// Declarations only: the rules are defined in fetch_command_def.hpp and instantiated for
// (iterator_type, context_type) in src/fetch/parse_fetch_command.cpp. Call them from another
// translation unit as separately_compiled[fetch_program_rule][action] (see context.hpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "imapkit/ast/fetch_command.hpp"
#include "x3/expect.hpp"

namespace imapkit::grammar {

// What follows "FETCH" SP: sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
// "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]   (RFC 9051 fetch, RFC 4466)
IMAPKIT_RULE(fetch_program, "fetch", imapkit::fetch_program);

// What follows "STORE" SP: sequence-set [store-modifiers] SP store-att-flags
// (RFC 9051 store, RFC 4466 store-modifiers, RFC 7162 UNCHANGEDSINCE)
IMAPKIT_RULE(store_program, "store", imapkit::store_program);

BOOST_SPIRIT_DECLARE(decltype(fetch_program_rule), decltype(store_program_rule))

}  // namespace imapkit::grammar
